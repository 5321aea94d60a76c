#!/usr/bin/env bash
# make e2e: install what the lab needs (only when missing), build cfdoctor, run the scenarios.
#   e2e/run.sh [--scenario NAME]... [--update-fixtures] [--list]
#   E2E_KEEP=1 keeps the servers up after the run; E2E_BUILD_DIR moves the build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${E2E_BUILD_DIR:-$PWD/.build-e2e}"
export E2E_BUILD_DIR="$BUILD"
mkdir -p "$BUILD"
if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
t0=$(date +%s)

# nginx: Debian's nginx-light (proxy, rewrite, map, proxy_cache), run by the lab in the
# foreground with its own prefix; the package's own service is not used.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    echo "e2e: installing nginx-light"
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light
    # The package starts its own service on port 80; the lab does not need it.
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet nginx 2>/dev/null; then
        $SUDO systemctl stop nginx || true
    fi
fi

# Python: LocalStack core and boto3 in a virtual environment, pinned (e2e/requirements.txt).
VENV="$BUILD/venv"
STAMP="$VENV/.requirements.sha256"
WANT=$(cat e2e/requirements.txt e2e/constraints.txt | sha256sum | cut -d' ' -f1)
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
    echo "e2e: creating $VENV (LocalStack core, boto3; about 230 MB)"
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
        $SUDO apt-get update
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv
    fi
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --timeout 60 \
        -r e2e/requirements.txt -c e2e/constraints.txt
    echo "$WANT" > "$STAMP"
fi
t1=$(date +%s)

# cfdoctor: the release binary, as users run it.
make --no-print-directory build
t2=$(date +%s)
echo "e2e: set-up $((t1 - t0)) s, build $((t2 - t1)) s"

exec "$VENV/bin/python" e2e/lab.py "$@"
