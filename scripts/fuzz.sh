#!/usr/bin/env bash
# Runs every fuzz target in the module briefly (FUZZTIME each, default 2000x: an
# execution count, not a duration — a duration races the fuzz coordinator's
# deadline on a loaded machine and fails spuriously, go.dev/issue/75804).
# Seed corpora already run in every plain `go test`; this explores beyond them.
set -euo pipefail
FUZZTIME="${FUZZTIME:-2000x}"
cd "$(dirname "$0")/.."
fail=0
for pkg in $(go list ./...); do
  for target in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "fuzz $pkg $target ($FUZZTIME)"
    if ! go test -run='^$' -fuzz="^${target}\$" -fuzztime="$FUZZTIME" "$pkg" >/tmp/fuzz.$$.log 2>&1; then
      cat /tmp/fuzz.$$.log
      fail=1
    fi
  done
done
rm -f /tmp/fuzz.$$.log
exit $fail
