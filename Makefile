# neuro: build, run, test. `make run` sets up and starts the REPL; `make test` runs every test.
SWIFT ?= swift
# Tuning for the machine that builds (see ../shared/PERFORMANCE.md); kept out of Package.swift.
# One static executable (the Swift runtime, readline and the C libraries linked in): no dynamic
# loader at start-up, which is most of a short script's time (examples/lif.neuro: 9 ms with
# shared libraries and Foundation, under 5 ms so).
RELEASE_FLAGS ?= -c release -Xswiftc -target-cpu -Xswiftc native -Xswiftc -static-executable -Xlinker -ltinfo
BIN := .build/release/neuro

.PHONY: deps release run test test-nest test-jupyter jupyter format fuzz fuzz-long bench bench-models bench-learn install clean
# `make fuzz`: FUZZ_COUNT inputs through the release binary (crashes and hangs go to fuzz-findings/).
FUZZ_COUNT ?= 100000
FUZZ_LONG_COUNT ?= 1000000
FUZZ_SEED ?= 1
FUZZ_JOBS ?= 2
PREFIX ?= /usr/local

deps:
	@scripts/install-deps

release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product neuro

run: release
	@$(BIN)

test: deps
	@# Formatting as .swift-format says (the formatter ships with the toolchain): `make format` fixes it.
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@# Two short seeded fuzz rounds that fail on any crash: 2000 inputs through the linked interpreter
	@# (forked copies), then 300 through the debug binary, a fifth of them typed into its REPL.
	.build/debug/NeuroFuzz --in-process 1 --count 2000 --seed 1 --timeout 10 --jobs 2 --out .build/fuzz-findings
	.build/debug/NeuroFuzz --binary .build/debug/neuro --count 300 --seed 1 --timeout 10 --jobs 2 --out .build/fuzz-findings

# `make jupyter`: registers neuro as a Jupyter kernel for this user. The kernel loads ZeroMQ, which the
# static release program cannot: it runs from an optimised build linked dynamically, in .build-jupyter.
JUPYTER_FLAGS ?= -c release -Xswiftc -target-cpu -Xswiftc native --build-path .build-jupyter
jupyter: deps
	$(SWIFT) build $(JUPYTER_FLAGS) --product neuro
	.build-jupyter/release/neuro kernel install --user

# `make test-jupyter`: the Jupyter kernel through the real jupyter_client (Tests/jupyter), installed from PyPI
# into its own virtual environment. JUPYTER_OPTIONAL=1 (CI) skips with a message when pip cannot install them.
JUPYTER_VENV ?= .build/venv-jupyter
test-jupyter: deps
	$(SWIFT) build --product neuro
	@if ! $(JUPYTER_VENV)/bin/python -c "import jupyter_client, nbclient, nbformat" >/dev/null 2>&1; then \
	  echo "installing jupyter_client, nbclient and nbformat into $(JUPYTER_VENV)"; \
	  if ! { python3 -m venv $(JUPYTER_VENV) && \
	    $(JUPYTER_VENV)/bin/pip install --quiet jupyter_client nbclient nbformat; }; then \
	    if [ "$(JUPYTER_OPTIONAL)" = 1 ]; then echo "skipping make test-jupyter: pip could not install jupyter_client"; \
	      exit 0; fi; \
	    echo "make test-jupyter: pip could not install jupyter_client" >&2; exit 1; \
	  fi; \
	fi; \
	$(JUPYTER_VENV)/bin/python Tests/jupyter/test_kernel.py .build/debug/neuro

# `make test-nest`: neuro against NEST (scripts/test-nest) through a Python with the PyPI package
# nest-simulator, installed into its own virtual environment. NEST_OPTIONAL=1 (CI) skips with a message
# when pip cannot install it; SEEDS sets the network seeds (default 1 to 8).
NEST_VENV ?= .build/venv-nest
SEEDS ?= 1 2 3 4 5 6 7 8
test-nest: deps
	$(SWIFT) build --product neuro
	@if ! $(NEST_VENV)/bin/python -c "import nest" >/dev/null 2>&1; then \
	  echo "installing nest-simulator into $(NEST_VENV)"; \
	  if ! { python3 -m venv $(NEST_VENV) && $(NEST_VENV)/bin/pip install --quiet nest-simulator; }; then \
	    if [ "$(NEST_OPTIONAL)" = 1 ]; then echo "skipping make test-nest: pip could not install nest-simulator"; \
	      exit 0; fi; \
	    echo "make test-nest: pip could not install nest-simulator" >&2; exit 1; \
	  fi; \
	fi; \
	NEURO_PYTHON=$(NEST_VENV)/bin/python SEEDS="$(SEEDS)" scripts/test-nest

fuzz: release
	$(SWIFT) build $(RELEASE_FLAGS) --product NeuroFuzz
	.build/release/NeuroFuzz --binary $(BIN) --count $(FUZZ_COUNT) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS) --timeout 10

# `make fuzz-long`: the million-input round, each input in a forked child through the linked interpreter.
fuzz-long: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product NeuroFuzz
	.build/release/NeuroFuzz --in-process 1 --count $(FUZZ_LONG_COUNT) --seed $(FUZZ_SEED) --jobs $(FUZZ_JOBS) --timeout 4

# `make format`: every Swift file formatted as .swift-format says.
format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/neuro/stdlib $(PREFIX)/share/neuro/lessons $(PREFIX)/share/neuro/examples \
		$(PREFIX)/share/neuro/data
	install -m 755 $(BIN) $(PREFIX)/bin/neuro
	install -m 644 stdlib/*.neuro $(PREFIX)/share/neuro/stdlib/
	install -m 644 lessons/*.md $(PREFIX)/share/neuro/lessons/
	install -m 644 examples/*.neuro $(PREFIX)/share/neuro/examples/
	install -m 644 data/*.csv data/README.md $(PREFIX)/share/neuro/data/

bench: release bench-models
	@benchmarks/w1_startup

bench-models: deps
	$(SWIFT) run $(RELEASE_FLAGS) ModelCost

# `make bench-learn`: the digits network's fit, timed in one process (benchmarks/LearnCost).
bench-learn: deps
	$(SWIFT) run $(RELEASE_FLAGS) LearnCost

clean:
	rm -rf .build
