package backend

import (
	"slices"
	"strings"
	"time"
)

// Coalesce returns the batch with one entry per token, sorted by token. For a duplicated
// token the first entry's ciphertext is kept, FirstSeen is the earliest and LastSeen and
// ExpiresAt the latest. Sorting gives every writer the same lock order, so two
// PostgreSQL transactions that insert overlapping batches cannot deadlock each other.
// The input is not modified.
func Coalesce(entries []Entry) []Entry {
	out := slices.Clone(entries)
	slices.SortStableFunc(out, func(a, b Entry) int { return strings.Compare(a.Token, b.Token) })
	w := 0
	for i := range out {
		if w > 0 && out[w-1].Token == out[i].Token {
			prev := &out[w-1]
			prev.FirstSeen = minTime(prev.FirstSeen, out[i].FirstSeen)
			prev.LastSeen = maxTime(prev.LastSeen, out[i].LastSeen)
			prev.ExpiresAt = maxTime(prev.ExpiresAt, out[i].ExpiresAt)
			continue
		}
		out[w] = out[i]
		w++
	}
	return out[:w]
}

// Micros converts a time to microseconds since the Unix epoch, the unit the bolt and
// Redis backends store.
func Micros(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMicro()
}

// FromMicros is the inverse of Micros; 0 is the zero time.
func FromMicros(us int64) time.Time {
	if us == 0 {
		return time.Time{}
	}
	return time.UnixMicro(us).UTC()
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
