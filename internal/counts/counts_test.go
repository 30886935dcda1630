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

func TestAppendMembers(t *testing.T) {
	quote := func(b []byte, s string) []byte { return strconv.AppendQuote(b, s) }
	for _, tc := range []struct {
		m    map[string]int
		want string
	}{
		{nil, ``},
		{map[string]int{"hkid": 2}, `"hkid":2`},
		{map[string]int{"redact": 3, "allow": -1, "mask": 0}, `"allow":-1,"mask":0,"redact":3`},
	} {
		if got := string(AppendMembers([]byte("x"), tc.m, quote)); got != "x"+tc.want {
			t.Errorf("AppendMembers(%v) = %q, want %q", tc.m, got, "x"+tc.want)
		}
	}
}
