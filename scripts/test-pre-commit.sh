#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml for real: installs pre-commit from PyPI into a virtualenv, makes a
# scratch git repository with distribution exports and unrelated JSON, points a
# .pre-commit-config.yaml at this repository's committed HEAD, and checks that
#   1. the hook runs on the CloudFront exports only (never package.json),
#   2. a broken distribution fails the hook (and refuses a commit once installed),
#   3. a clean one passes.
# Not part of `swift test` (it needs the network once, for PyPI).
#   scripts/test-pre-commit.sh [BINARY_DIR]     (default .build/debug, after `swift build`)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin_dir=$(cd "${1:-$repo/.build/debug}" && pwd)
[ -x "$bin_dir/cfdoctor" ] || { echo "no cfdoctor in $bin_dir: run swift build first" >&2; exit 2; }
rev=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" cat-file -e "$rev:.pre-commit-hooks.yaml" || { echo ".pre-commit-hooks.yaml is not committed at HEAD" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet pre-commit
export PATH="$scratch/venv/bin:$bin_dir:$PATH"
export PRE_COMMIT_HOME="$scratch/cache"
echo "pre-commit $(pre-commit --version | awk '{print $2}'), cfdoctor $(cfdoctor --version), hooks from $repo@${rev:0:12}"

work="$scratch/project"
mkdir -p "$work/infra"
cd "$work"
git init --quiet
git config user.email ci@example.com
git config user.name ci
cp "$repo/fixtures/distributions/article-fixed.get-distribution-config.json" infra/cloudfront-fixed.json
echo '{"name": "not-a-distribution", "version": "1.0.0"}' > package.json
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: cfdoctor
        args: [--fail-on, warning, --now, "2018-09-30T14:59:00Z"]
YAML
git add -A && git commit --quiet -m "clean start" --no-verify

fail() { echo "FAIL: $*" >&2; exit 1; }

# 1 + 3: the clean export passes; package.json is not handed to cfdoctor (it would exit 2).
out=$(pre-commit run --all-files 2>&1) || fail "the clean repository failed the hook:\n$out"
echo "$out" | grep -q "cfdoctor.*Passed" || fail "the hook did not run on the export:\n$out"
echo "ok: clean export passes, package.json not checked"

# 2: a broken export fails the hook, names the file, and refuses the commit.
cp "$repo/fixtures/distributions/article-broken.get-distribution-config.json" infra/cloudfront-broken.json
git add infra/cloudfront-broken.json
if out=$(pre-commit run --all-files 2>&1); then fail "the broken export passed:\n$out"; fi
echo "$out" | grep -q "CFD101" || fail "no CFD101 in the hook output:\n$out"
echo "$out" | grep -q "cloudfront-broken.json" || fail "the broken file is not named:\n$out"
echo "ok: broken export fails with CFD101"
pre-commit install --install-hooks >/dev/null
if git commit --quiet -m "broken" 2>/dev/null; then fail "git commit accepted a broken distribution"; fi
echo "ok: git commit refused by the installed hook"
git rm --quiet --cached infra/cloudfront-broken.json && rm infra/cloudfront-broken.json
echo '{"touched": true}' > package.json
git add package.json
git commit --quiet -m "unrelated JSON only" || fail "a commit touching only package.json was refused"
echo "ok: a commit of unrelated JSON is not checked"
echo "pre-commit hook test passed"
