# cfdoctor — the two commands of the README.
#   make run    build and diagnose the bundled broken example (the seed article's distribution)
#   make test   run the test suite
#   make bench  cfdoctor against cfn-lint, checkov, json.load and botocore, side by side: BENCHMARKS.md
# Both install the system libraries first when pkg-config cannot find them (fresh Debian machine).

SWIFT ?= swift
APT_PACKAGES := libxml2-dev libssl-dev pkg-config
EXAMPLE := fixtures/distributions/article-broken.get-distribution-config.json
EXAMPLE_URL := fixtures/urls/article-s3.url
# The article's URL was signed at 2018-09-30T14:58:20Z for 15 minutes: judge it as of 14:59:00.
EXAMPLE_NOW := 2018-09-30T14:59:00Z

.PHONY: run test build deps clean bench

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
	$(SWIFT) build -c release --product cfdoctor

# cfdoctor exits 1 when it finds problems: for the broken example that is the expected result,
# so only exit status 2 or more (usage/input error, crash) fails the target.
run: build
	@status=0; .build/release/cfdoctor check $(EXAMPLE) --url-file $(EXAMPLE_URL) --now $(EXAMPLE_NOW) || status=$$?; \
	if [ $$status -ge 2 ]; then echo "cfdoctor failed with exit status $$status" >&2; exit $$status; fi; \
	echo "(cfdoctor exit status $$status: 1 means findings at or above --fail-on, as expected for this broken example)"

test: deps
	$(SWIFT) test

# Installs its own tools when missing (hyperfine, valgrind from Debian; cfn-lint, checkov into
# .build-bench/venv): testing tools only, never runtime dependencies. BENCH_QUICK=1 for a smoke run.
bench: deps
	bench/bench.sh

clean:
	rm -rf .build .build-bench
