# lineage — the two set-up commands are `make run` and `make test`.
# Both install what the project needs first (`make deps`), so they work on a fresh machine.

CARGO   ?= cargo
BIN     := target/release/lineage
DATA    ?= data
OUT     ?= out

.PHONY: all deps build run test lint clean

all: build

# System packages: graphviz renders the lineage graph to SVG. Installed only where missing.
deps:
	@if ! command -v dot >/dev/null 2>&1; then \
		echo "installing graphviz (for SVG graphs)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq graphviz >/dev/null \
		|| echo "warning: graphviz could not be installed; SVG output will be unavailable"; \
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

lint:
	$(CARGO) clippy --release --all-targets -- -D warnings

clean:
	$(CARGO) clean
	rm -rf $(OUT)
