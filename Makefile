# neuro: build, run, test. `make run` sets up and starts the REPL; `make test` runs every test.
SWIFT ?= swift
# Tuning for the machine that builds (see ../shared/PERFORMANCE.md); kept out of Package.swift.
RELEASE_FLAGS ?= -c release -Xswiftc -target-cpu -Xswiftc native
BIN := .build/release/neuro

.PHONY: deps release run test bench bench-models install clean
PREFIX ?= /usr/local

deps:
	@scripts/install-deps

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product neuro

run: release
	@$(BIN)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/neuro/stdlib $(PREFIX)/share/neuro/lessons
	install -m 755 $(BIN) $(PREFIX)/bin/neuro
	install -m 644 stdlib/*.neuro $(PREFIX)/share/neuro/stdlib/
	install -m 644 lessons/*.md $(PREFIX)/share/neuro/lessons/

bench: release bench-models
	@benchmarks/w1_startup

bench-models: deps
	$(SWIFT) run $(RELEASE_FLAGS) ModelCost

clean:
	rm -rf .build
