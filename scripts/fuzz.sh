#!/bin/sh
# fuzz.sh [TIME]: run every fuzz target of the module for TIME each (default 10s), one after
# the other (go test fuzzes one target per run). Failures stop the script; the failing input
# is left in the package's testdata/fuzz as a seed, which `go test` then replays for good.
set -eu
fuzztime=${1:-10s}
cd "$(dirname "$0")/.."
for pkg in $(go list ./...); do
	targets=$(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true)
	for t in $targets; do
		echo "fuzz: $pkg $t ($fuzztime)"
		go test -run '^$' -fuzz "^$t\$" -fuzztime "$fuzztime" "$pkg"
	done
done
