// Package counts orders counts by name (findings by type, rewrites by action) for the
// encoders that write them as JSON objects with sorted keys: the audit record and the
// proxy's call log line. Both run for every call, so the entries are sorted on the caller's
// stack when they fit.
package counts

import (
	"slices"
	"strings"
)

// Entry is one name and its count.
type Entry struct {
	Name string
	N    int
}

// Sorted returns m's entries sorted by name, in buf when they fit. The entries are taken in
// one pass over the map, so no name is looked up again.
func Sorted(buf *[16]Entry, m map[string]int) []Entry {
	kv := buf[:0]
	for k, n := range m {
		kv = append(kv, Entry{k, n})
	}
	if len(kv) > len(buf) {
		slices.SortFunc(kv, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
		return kv
	}
	// Insertion sort: a handful of types or actions, names unique.
	for i := 1; i < len(kv); i++ {
		for j := i; j > 0 && kv[j].Name < kv[j-1].Name; j-- {
			kv[j], kv[j-1] = kv[j-1], kv[j]
		}
	}
	return kv
}
