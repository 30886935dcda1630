// Package counts orders counts by name (findings by type, rewrites by action) for the
// encoders that write them as JSON objects with sorted keys: the audit record and the
// proxy's call log line. Both run for every call, so the entries are sorted on the caller's
// stack when they fit.
package counts

import (
	"slices"
	"strconv"
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

// AppendMembers appends m's entries, sorted by name, as the members of a JSON object
// ("name":n,… without the braces), each name quoted by quote: the audit record and the log
// line each quote as their own encoding requires.
func AppendMembers(b []byte, m map[string]int, quote func([]byte, string) []byte) []byte {
	var buf [16]Entry // a handful of types and actions: sorted on the stack
	for i, e := range Sorted(&buf, m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = quote(b, e.Name)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(e.N), 10)
	}
	return b
}
