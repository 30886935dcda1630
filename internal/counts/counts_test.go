package counts

import (
	"slices"
	"strconv"
	"testing"
)

func TestSorted(t *testing.T) {
	for _, n := range []int{0, 1, 2, 15, 16, 17, 40} {
		m := map[string]int{}
		for i := range n {
			m["t"+strconv.Itoa((i*7919)%1000)] = i
		}
		var buf [16]Entry
		got := Sorted(&buf, m)
		if len(got) != len(m) {
			t.Fatalf("%d entries: got %d", n, len(got))
		}
		if !slices.IsSortedFunc(got, func(a, b Entry) int {
			if a.Name < b.Name {
				return -1
			}
			return 1
		}) {
			t.Fatalf("%d entries: not sorted: %v", n, got)
		}
		for _, e := range got {
			if m[e.Name] != e.N {
				t.Fatalf("%d entries: %s = %d, want %d", n, e.Name, e.N, m[e.Name])
			}
		}
	}
}
