package detect

import (
	"slices"
	"sync"

	"github.com/hkpii/dingtalk-pii-proxy/internal/widthfold"
)

// Width folding (package widthfold says which forms). The recognizers read ASCII only, so a
// value holding full-width forms is scanned as a folded copy, and findings are mapped back
// to the original bytes: every folded rune is three bytes that became one, so the map is the
// list of folded offsets at which a rune shrank.

// foldTrigger reports whether the rune at text[i] (lead byte 0xEF) is a form that folding
// would turn into part of a format. Full-width brackets alone do not count: the bracketed
// check digit readers (HKID, Macau ID) accept （３） as it is, and a value whose only
// full-width forms are brackets — most Chinese prose with a note in （） — is then scanned
// without a copy. The exception is a country code in them, （852）9123 4567: every prefix a
// phone recognizer reads in brackets (852, 853, 86) starts with 8.
func foldTrigger(text []byte, i int) bool {
	if i+2 >= len(text) {
		return false
	}
	switch widthfold.Rune(text[i+1], text[i+2]) {
	case 0, ')':
		return false
	case '(':
		return i+3 < len(text) && text[i+3] == '8'
	}
	return true
}

// ideoSpaceTrigger reports an ideographic space at text[i] between ASCII digits (a full-width
// digit beside it is a trigger of its own).
func ideoSpaceTrigger(text []byte, i int) bool {
	return i > 0 && i+3 < len(text) && cjkPunct(text, i, 0x80) && isDigit(text[i-1]) && isDigit(text[i+3])
}

// needsFold reports whether text holds a trigger: the scan finds them as it goes, tests ask.
func needsFold(text []byte) bool {
	for i, c := range text {
		if c == 0xEF && foldTrigger(text, i) || c == 0xE3 && ideoSpaceTrigger(text, i) {
			return true
		}
	}
	return false
}

// folded is a folded copy of a value and the map back to it. Copies are pooled, so a
// scanner stays free of allocations once its pool holds buffers of the working size.
type folded struct {
	b  []byte
	at []int // offsets in b of folded runes, ascending: each stands for three bytes
}

var foldPool = sync.Pool{New: func() any { return new(folded) }}

// fold fills fd with the folded copy of text.
func (fd *folded) fold(text []byte) {
	fd.b, fd.at = widthfold.AppendTracked(fd.b[:0], fd.at[:0], text)
}

// orig maps an offset of the folded copy to the original text. An end offset just after a
// folded rune maps to the end of its three bytes, so spans cover whole original runes.
func (fd *folded) orig(j int) int {
	k, _ := slices.BinarySearch(fd.at, j) // folded runes before j
	return j + 2*k
}
