#!/usr/bin/env bash
# Cold-start wall time of the release binary on the bundled example (needs hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
make --no-print-directory build >&2
hyperfine -N --warmup 5 --runs 100 -i \
  '.build/release/cfdoctor check fixtures/distributions/article-broken.get-distribution-config.json --url-file fixtures/urls/article-s3.url --now 2018-09-30T14:59:00Z' \
  '.build/release/cfdoctor --version'
