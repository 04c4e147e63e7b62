# lineage — the two set-up commands are `make run` and `make test`.
# Both install what the project needs first (`make deps`), so they work on a fresh machine.

CARGO   ?= cargo
# Every build names the host as its target (.cargo/config.toml): target/<host>/release.
HOST    := $(shell rustc -vV 2>/dev/null | sed -n 's/^host: //p')
BIN     := $(or $(CARGO_TARGET_DIR),target)/$(HOST)/release/lineage
# The tests' build: see [profile.release-tests] in Cargo.toml.
TEST_PROFILE := --profile release-tests
DATA    ?= data
OUT     ?= out

.PHONY: all deps build install run test lint bench bench-diff fuzz hostile clean

all: build

# System packages, installed only where missing: graphviz draws the lineage graph as SVG,
# a CJK font lets it measure Chinese labels (without one, boxes come out too narrow),
# chromium (headless) checks that the diff's HTML page renders and runs no script,
# hyperfine times `lineage search` beside grep in `make bench`, poppler-utils'
# pdftotext takes the text out of PDFs, and LibreOffice (Writer, without its GUI) makes
# the Chinese test PDFs and checks that the Word compilation text opens and converts.
APT_PACKAGES := $(if $(shell command -v dot),,graphviz) \
                $(if $(shell fc-list :lang=zh 2>/dev/null),,fonts-wqy-zenhei) \
                $(if $(shell command -v chromium),,chromium) \
                $(if $(shell command -v hyperfine),,hyperfine) \
                $(if $(shell command -v pdftotext),,poppler-utils) \
                $(if $(shell command -v soffice),,libreoffice-writer-nogui)
deps:
	@if [ -n "$(strip $(APT_PACKAGES))" ]; then \
		echo "installing $(strip $(APT_PACKAGES))"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES) >/dev/null \
		|| echo "warning: $(APT_PACKAGES) could not be installed; SVG output or the browser test may be unavailable"; \
	fi

build:
	$(CARGO) build --release --locked

# Put `lineage` on PATH (in ~/.cargo/bin).
install:
	$(CARGO) install --path . --locked

# The main job: read every text in $(DATA) and write the model to $(OUT).
run: deps build
	@mkdir -p $(OUT)
	$(BIN) --data $(DATA) --out $(OUT) index
	$(BIN) --data $(DATA) --out $(OUT) export
	$(BIN) --data $(DATA) --quiet graph --format json -o $(OUT)/lineage.json
	$(BIN) --data $(DATA) --quiet graph --format dot -o $(OUT)/lineage.dot
	$(BIN) --data $(DATA) --quiet graph --format svg -o $(OUT)/lineage.svg
	@if [ "$(DATA)" = data ]; then \
		for f in html md json docx; do $(BIN) --data $(DATA) --quiet diff 47/23 53/29 --format $$f -o $(OUT)/diff-47_23-53_29.$$f; done; \
		$(BIN) --data $(DATA) --quiet votes 53/29 > $(OUT)/votes-53_29.txt; \
		$(BIN) --data $(DATA) --quiet blame 53/29 --format html > $(OUT)/blame-53_29.html; \
		$(BIN) --data $(DATA) --quiet mandates > $(OUT)/mandates.txt; \
		$(BIN) --data $(DATA) --quiet draft 53/29 --format md > $(OUT)/draft-after-53_29.md; \
		echo "wrote the 47/23 → 53/29 diff (also as a Word compilation text), the votes of its series, the blame of 53/29, the mandates and the next draft to $(OUT)/"; \
	fi
	$(BIN) --data $(DATA) --out $(OUT) --quiet site
	$(BIN) --data $(DATA) list | tee $(OUT)/list.txt
	$(BIN) --data $(DATA) --quiet graph

# The whole test suite: unit, golden, fixture, CLI and English-corpus tests, built with
# the release profile's optimisation but not its link-time pass (Cargo.toml).
test: deps
	$(CARGO) test $(TEST_PROFILE) --locked

# Benchmarks (slow: generates 10,000- and 100,000-document corpora once, in out/bench/):
# every stage side by side in one run (out/bench/stages.md), and the precision and recall
# of the diff's alignment on scripted edits and the hand-aligned 47/23 → 53/29, with the
# threshold sweeps behind its defaults (out/bench/alignment.md); and `lineage diff` timed
# beside Python's difflib and git's word diffs on the same pairs (out/bench/diff.md, also
# alone as `make bench-diff`, one to three minutes); `lineage search` beside grep -rF on 20
# hand-checked phrases, with the recall of each (out/bench/search.md). REAL_REPLICAS=150
# adds corpus-en replicated to about 2 GB (bench/real_scale.sh; slow).
bench: deps bench-diff
	@mkdir -p $(OUT)/bench
	$(CARGO) run --release --locked --example alignment_bench -- $(OUT)/bench > /dev/null
	@echo "wrote $(OUT)/bench/alignment.md"
	bench/search.sh
	bench/run.sh "$(BENCH_SIZES)"

bench-diff: deps
	bench/diff_peers.sh

BENCH_SIZES ?= 10000 100000

# Fuzzing (slow, not part of `make test`): each target for FUZZ_SECONDS, one at a time.
# Installs cargo-fuzz where missing; crashes are left in fuzz/artifacts/.
FUZZ_SECONDS ?= 120
FUZZ_TARGETS ?= read_bytes references vote diff votes_csv docx pdf_text
fuzz:
	fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Hostile input at full size (slow, not part of `make test`): a 100 MB file read by the
# library and listed by the command line, a line of five million characters and five
# million one-word lines (the most lines a file of its size can hold), and the checks that
# reading, references and rights scale linearly (4 times the input in under 8 times the
# time, fastest of three runs: a wall-clock ratio, so kept out of `make test`); each
# case runs alone under /usr/bin/time, which reports its wall time and peak memory.
HOSTILE_CASES := a_100_mb_file_is_read_whole a_100_mb_file_is_listed_by_the_command_line \
                 a_100_mb_file_is_diffed_with_an_edited_copy \
                 a_line_of_five_million_characters_is_one_paragraph five_million_one_word_lines_are_read \
                 reading_many_lines_takes_time_in_proportion_to_their_number \
                 reading_a_long_line_takes_time_in_proportion_to_its_length \
                 references_are_found_in_time_proportional_to_their_number \
                 rights_named_thousands_of_times_are_found_in_linear_time
hostile:
	$(CARGO) test $(TEST_PROFILE) --locked --test hostile --no-run
	@log=$$(mktemp); for case in $(HOSTILE_CASES); do \
		echo "== $$case"; \
		/usr/bin/time -f "   wall %e s, peak memory %M KB" -o $$log.time \
			$(CARGO) test $(TEST_PROFILE) --locked --test hostile -q -- --ignored --exact --nocapture $$case >$$log 2>&1; \
		status=$$?; \
		grep -E "MB file|character line|one-word lines|diffed|panicked" $$log; cat $$log.time; \
		if [ $$status != 0 ]; then cat $$log; rm -f $$log $$log.time; exit 1; fi; \
	done; rm -f $$log $$log.time
	@echo "== a_100_mb_voting_file_is_read_with_its_bad_rows_named"
	@/usr/bin/time -f "   wall %e s, peak memory %M KB" \
		$(CARGO) test $(TEST_PROFILE) --locked --test votes -q -- --ignored --exact --nocapture a_100_mb_voting_file_is_read_with_its_bad_rows_named 2>&1 \
		| grep -E "voting file|wall|panicked"
	@echo "== a_100_mb_document_xml_is_read_in_bounded_time"
	@/usr/bin/time -f "   wall %e s, peak memory %M KB" \
		$(CARGO) test $(TEST_PROFILE) --locked --test documents -q -- --ignored --exact --nocapture a_100_mb_document_xml_is_read_in_bounded_time 2>&1 \
		| grep -E "100 MB|wall|panicked"

lint:
	$(CARGO) clippy --release --all-targets -- -D warnings

clean:
	$(CARGO) clean
	rm -rf $(OUT)
