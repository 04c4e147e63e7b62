# lineage — the two set-up commands are `make run` and `make test`.
# Both install what the project needs first (`make deps`), so they work on a fresh machine.

CARGO   ?= cargo
BIN     := target/release/lineage
DATA    ?= data
OUT     ?= out

.PHONY: all deps build run test bench lint clean

all: build

# System packages, each installed only where missing: graphviz renders the lineage graph
# to SVG; chromium (headless) checks that the diff's HTML page renders and runs no script.
deps:
	@if ! command -v dot >/dev/null 2>&1; then \
		echo "installing graphviz (for SVG graphs)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq graphviz >/dev/null \
		|| echo "warning: graphviz could not be installed; SVG output will be unavailable"; \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "installing chromium (to test the diff's HTML page in a real browser)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null \
		|| echo "warning: chromium could not be installed; the browser test of the HTML page will be skipped"; \
	fi

build:
	$(CARGO) build --release --locked

# The main job: read every text in $(DATA) and write the model to $(OUT).
run: deps build
	@mkdir -p $(OUT)
	$(BIN) --data $(DATA) --out $(OUT) export
	$(BIN) --data $(DATA) list | tee $(OUT)/list.txt

# The whole test suite: unit, golden, fixture, CLI and English-corpus tests.
test: deps
	$(CARGO) test --release --locked

# Precision and recall of the diff's paragraph alignment on scripted edits of the seeds
# and on the hand-aligned 47/23 → 53/29, with the threshold sweeps behind its defaults.
bench:
	@mkdir -p $(OUT)/bench
	$(CARGO) run --release --locked --example alignment_bench -- $(OUT)/bench > /dev/null
	@echo "wrote $(OUT)/bench/alignment.md"

lint:
	$(CARGO) clippy --release --all-targets -- -D warnings

clean:
	$(CARGO) clean
	rm -rf $(OUT)
