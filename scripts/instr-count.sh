#!/bin/sh
# instr-count.sh BENCH [N]: instructions per iteration of one benchmark in ./bench (or in
# $PKG), counted by valgrind's callgrind. Wall-clock figures on a shared 2-core machine move
# by ±15% from run to run; instruction counts move by well under 1%, so before/after
# comparisons of the engine use this. The binary runs N and 2N iterations (default 50) with
# the collector off (GOGC=off) and without async preemption (callgrind mishandles its
# signals); the difference divided by N is the per-iteration count, set-up cancelled out.
#
#   scripts/instr-count.sh 'DemoUserList/64KiB/support'
#
# PKG names another package to take the benchmark from (default ./bench):
#
#   PKG=./internal/proxy scripts/instr-count.sh 'HandlerUserList/4KiB$' 200
set -eu
pkg=${PKG:-./bench}
bench=$1
n=${2:-50}
command -v valgrind >/dev/null || { echo "instr-count: valgrind is not installed" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go test -c -o "$tmp/bench.test" "$pkg")
count() {
	(cd "$root/$pkg" && GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind \
		--callgrind-out-file="$tmp/cg.out" "$tmp/bench.test" -test.run '^$' \
		-test.bench "$bench" -test.benchtime "${1}x" -test.cpu 1 >/dev/null 2>"$tmp/err") || {
		cat "$tmp/err" >&2
		exit 1
	}
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/err"
}
a=$(count "$n")
b=$(count $((2 * n)))
echo "$bench: $(((b - a) / n)) instructions/op"
