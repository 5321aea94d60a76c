#!/usr/bin/env bash
# Refreshes Tests/ReportersTests/Snapshots from a directory recorded by scripts/record-outputs.sh
# (a snapshot NAME.FORMAT.txt is the recorded NAME.FORMAT.out). Needed after a change every
# report shows on purpose — e.g. a rule's description, which every SARIF log carries in its
# catalog. Review `git diff` before committing: a snapshot that changed for no reason is a bug.
#   scripts/record-outputs.sh /tmp/out && scripts/update-snapshots.sh /tmp/out [FORMAT…]
set -euo pipefail
cd "$(dirname "$0")/.."
recorded=${1:?usage: scripts/update-snapshots.sh RECORDED_DIR [FORMAT…]}
shift
formats=("$@")
missing=0
for snapshot in Tests/ReportersTests/Snapshots/*.txt; do
  name=$(basename "$snapshot" .txt)
  format=${name##*.}
  if [ ${#formats[@]} -gt 0 ] && [[ ! " ${formats[*]} " =~ " $format " ]]; then continue; fi
  if [ -f "$recorded/$name.out" ]; then
    cp "$recorded/$name.out" "$snapshot"
  else
    echo "not recorded: $name (update it by hand)" >&2
    missing=$((missing + 1))
  fi
done
echo "snapshots refreshed; $missing not recorded"
