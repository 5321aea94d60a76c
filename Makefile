# cfdoctor — the two commands of the README.
#   make run    build and diagnose the bundled broken example (the seed article's distribution)
#   make test   run the test suite
#   make install  build the release binary and install it as $(PREFIX)/bin/cfdoctor (PREFIX=/usr/local)
#   make e2e    end-to-end lab: LocalStack S3 behind an nginx edge, cfdoctor checked against real answers
#               (E2E_ARGS='--scenario NAME' runs one scenario; E2E_KEEP=1 keeps the servers up)
#   make fuzz   build the libFuzzer harnesses (Fuzz/) and run each for FUZZ_SECONDS seconds
#   make sanitize  the test suite under AddressSanitizer, then ThreadSanitizer
#   make bench  cfdoctor against cfn-lint, checkov, json.load and botocore, side by side: BENCHMARKS.md
# Both install the system libraries first when pkg-config cannot find them (fresh Debian machine).

SWIFT ?= swift
APT_PACKAGES := libxml2-dev libssl-dev pkg-config
EXAMPLE := fixtures/distributions/article-broken.get-distribution-config.json
EXAMPLE_URL := fixtures/urls/article-s3.url
# The article's URL was signed at 2018-09-30T14:58:20Z for 15 minutes: judge it as of 14:59:00.
EXAMPLE_NOW := 2018-09-30T14:59:00Z

# The release binary links the Swift runtime and Foundation statically: a cold `check` then spends
# no time binding thousands of symbols across a dozen shared libraries (callgrind: 69M -> 35M
# instructions on an 18-line template; wall time 28 -> 17 ms in one hyperfine run; BENCHMARKS.md),
# and the binary runs on a machine without the toolchain. lld, which the toolchain ships, links it:
# the system linker warns about the static Foundation's use of mktemp, which cfdoctor never calls.
RELEASE_FLAGS := -c release --static-swift-stdlib -Xswiftc -use-ld=lld

PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin

.PHONY: run test build deps clean e2e e2e-update install uninstall fuzz sanitize bench

FUZZ_SECONDS ?= 20

deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libxml-2.0 libcrypto; then \
		echo "system libraries: libxml2 $$(pkg-config --modversion libxml-2.0), libcrypto $$(pkg-config --modversion libcrypto)"; \
	else \
		echo "installing $(APT_PACKAGES)"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product cfdoctor

# cfdoctor exits 1 when it finds problems: for the broken example that is the expected result,
# so only exit status 2 or more (usage/input error, crash) fails the target.
run: build
	@status=0; .build/release/cfdoctor check $(EXAMPLE) --url-file $(EXAMPLE_URL) --now $(EXAMPLE_NOW) || status=$$?; \
	if [ $$status -ge 2 ]; then echo "cfdoctor failed with exit status $$status" >&2; exit $$status; fi; \
	echo "(cfdoctor exit status $$status: 1 means findings at or above --fail-on, as expected for this broken example)"

install: build
	install -d "$(BINDIR)"
	install -m 0755 .build/release/cfdoctor "$(BINDIR)/cfdoctor"
	@echo "installed $(BINDIR)/cfdoctor ($$("$(BINDIR)/cfdoctor" --version))"

uninstall:
	rm -f "$(BINDIR)/cfdoctor"

test: deps
	$(SWIFT) test

# Installs nginx-light and a Python virtual environment under .build-e2e/ when missing (e2e/run.sh).
e2e: deps
	bash e2e/run.sh $(E2E_ARGS)

# The same run, also copying the captured answers into fixtures/e2e/captures/ (commit them).
e2e-update: deps
	bash e2e/run.sh --update-fixtures $(E2E_ARGS)
# Each target starts from its committed seeds (Fuzz/corpus/<target>/); a crash fails the target and
# leaves its input in Fuzz/.build/artifacts/.
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) Fuzz/run.sh

# Separate build directories, so a sanitizer build never replaces the normal one. LeakSanitizer
# reports leaks inside XCTest and Foundation itself (toolchain notes §6), hence detect_leaks=0.
sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no $(SWIFT) test --sanitize address --scratch-path .build-asan
	TSAN_OPTIONS=halt_on_error=1 SWIFT_BACKTRACE=enable=no $(SWIFT) test --sanitize thread --scratch-path .build-tsan

# Installs its own tools when missing (hyperfine, valgrind from Debian; cfn-lint, checkov into
# .build-bench/venv): testing tools only, never runtime dependencies. BENCH_QUICK=1 for a smoke run.
bench: deps
	bench/bench.sh

clean:
	rm -rf .build .build-bench
