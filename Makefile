# parley: the two commands.
#   make run   install missing Debian packages, build, run `parley build examples/ --out out/`
#   make test  the same set-up, then every test (ctest)
# Options: JOBS=N (build parallelism), SANITIZE=1 (ASan+UBSan build in build-asan/).
#   make fuzz  build the libFuzzer targets with clang in build-fuzz/ and run each FUZZ_SECONDS

SHELL := /bin/bash
JOBS ?= $(shell nproc)
ifeq ($(SANITIZE),1)
BUILD ?= build-asan
# Optimized (-O2 -g, frame pointers kept): at -O0 the 20 MB input of cli.hostile_inputs alone took
# 150 s under ASan, and the test timed out at 300 s.
CMAKE_FLAGS += -DPARLEY_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
else
BUILD ?= build
endif
PARLEY := $(BUILD)/parley

# Debian 12 packages the build and the tests need (checked with dpkg, installed when missing).
DEB_PACKAGES := g++ cmake make pkg-config librdf0-dev raptor2-utils rasqal-utils libicu-dev \
  libyaml-cpp-dev libboost-graph-dev catch2 libcli11-dev python3 python3-rdflib python3-yaml \
  graphviz libxml2-utils python3-networkx libserd-dev serdi
# Headless Chromium opens the exported HTML page in tests/cli/export_html.sh.
DEB_PACKAGES += chromium
# Node.js runs the SHACL agreement test (tests/cli/shacl_agrees.sh). Debian ships npm as its own
# package; a NodeSource nodejs bundles it, so npm is only asked for when the command is missing.
DEB_PACKAGES += nodejs $(if $(shell command -v npm 2>/dev/null),,npm)
# A throwaway Virtuoso server answers the queries (over curl) in tests/cli/virtuoso.sh. The -bin
# package holds the server and isql without the system service of virtuoso-opensource-7.
DEB_PACKAGES += virtuoso-opensource-7-bin curl
# GNU time (/usr/bin/time -v) measures wall time and peak RSS in bench/run.
DEB_PACKAGES += time
# GNU parallel runs the shards of tests/cli/shard_merge.sh; Google Benchmark builds bench/micro.
DEB_PACKAGES += parallel libbenchmark-dev

# Only `make fuzz` needs these (clang and its libFuzzer runtime).
FUZZ_PACKAGES := clang libclang-rt-14-dev
FUZZ_SECONDS ?= 60
FUZZ_BUILD ?= build-fuzz
FUZZ_TARGETS := fuzz_ingest fuzz_extract fuzz_lexicon fuzz_rdf_literal

PACKAGES = $(DEB_PACKAGES)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps configure build run test clean format format-check eval fuzz

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "parley: installing missing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

configure: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	@rm -rf out.tmp && $(PARLEY) build examples/ --out out/
	@for f in graphml dot html; do $(PARLEY) export --data out/graph.ttl --out out/graph.$$f || exit 2; done
	@if command -v dot >/dev/null; then dot -Tsvg out/graph.dot > out/graph.svg && echo "parley: wrote out/graph.svg"; \
	  else echo "parley: Graphviz not installed, out/graph.svg not drawn"; fi

# Sanitizer run-time options for `make test SANITIZE=1` and `make fuzz`: tests/lsan.supp silences
# the leaks of raptor and rasqal themselves (see the file) without a summary on stderr (the CLI
# tests check that stderr is empty); UBSan halts on the first error, with a stack trace. ASan and
# UBSan errors abort (exit 134) instead of exiting 1, which a CLI test could take for parley's
# content error.
SANITIZER_ENV := LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
  ASAN_OPTIONS=abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1
test: build
	@cd $(BUILD) && $(SANITIZER_ENV) ctest --output-on-failure -j $(JOBS)

# Each target runs FUZZ_SECONDS, reading its seed corpus tests/fuzz/corpus/<target> and keeping
# new inputs in $(FUZZ_BUILD)/corpus/<target>; a finding stops `make` with the crash file and the
# log (fuzz-<target>.log) in $(FUZZ_BUILD)/. tests/lsan.supp silences leaks inside raptor and rasqal.
fuzz: PACKAGES = $(DEB_PACKAGES) $(FUZZ_PACKAGES)
fuzz: deps
	@CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DPARLEY_FUZZ=ON -DPARLEY_TESTS=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t && echo "parley: fuzzing $$t for $(FUZZ_SECONDS) s" && \
	  (cd $(FUZZ_BUILD) && $(SANITIZER_ENV) \
	    ./fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=30 \
	    -rss_limit_mb=4096 -print_final_stats=1 corpus/$$t $(CURDIR)/tests/fuzz/corpus/$$t \
	    2> fuzz-$$t.log; rc=$$?; tail -n 12 fuzz-$$t.log; exit $$rc) || exit 1; \
	done

eval: build
	@$(PARLEY) eval --gold ../shared/corpus/seeds ../shared/corpus/seeds
	@$(PARLEY) eval --gold ../shared/corpus/dev ../shared/corpus/dev

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

format-check:
	@clang-format --dry-run -Werror $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf build build-asan build-fuzz out
