package detect

import (
	"slices"
	"sync"
)

// Width folding. Chinese input methods type digits, Latin letters and some punctuation in
// their full-width forms (９１２３ ４５６７, Ａ１２３４５６（７）, ＋852, ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ) and
// separate groups with the ideographic space U+3000. The recognizers read ASCII only, so a
// value holding such forms is scanned as a folded copy in which each of them is its ASCII
// counterpart; findings are mapped back to the original bytes. Every folded rune is three
// bytes (EF BC xx, EF BD xx, E3 80 80) that become one, so the map is the list of folded
// offsets at which a rune shrank.
//
// Only those runes change: Chinese labels and context words, and full-width punctuation with
// a meaning of its own to the scanner (：，；。), stay as they are. The ideographic space is
// folded only between digits (or after a closing bracket, as in （852）　9123): elsewhere it
// is layout, and "姓名：　陳大文" is read as before.

// foldEF returns the ASCII form of the full-width rune EF b1 b2, or 0 when it has none that
// matters to a recognizer.
func foldEF(b1, b2 byte) byte {
	switch b1 {
	case 0xBC: // U+FF00–FF3F
		switch {
		case b2 >= 0x90 && b2 <= 0x99: // ０–９
			return b2 - 0x90 + '0'
		case b2 >= 0xA1 && b2 <= 0xBA: // Ａ–Ｚ
			return b2 - 0xA1 + 'A'
		}
		switch b2 {
		case 0x88:
			return '('
		case 0x89:
			return ')'
		case 0x8B:
			return '+'
		case 0x8D:
			return '-'
		case 0x8E:
			return '.'
		case 0xA0:
			return '@'
		}
	case 0xBD: // U+FF40–FF7F
		if b2 >= 0x81 && b2 <= 0x9A { // ａ–ｚ
			return b2 - 0x81 + 'a'
		}
	}
	return 0
}

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
	switch foldEF(text[i+1], text[i+2]) {
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
	fd.b, fd.at = appendFold(fd.b[:0], fd.at[:0], text, true)
}

// appendFold appends the folded text to b and, when track is set, the offsets of the folded
// runes to at.
func appendFold(b []byte, at []int, text []byte, track bool) ([]byte, []int) {
	start := len(b)
	for i := 0; i < len(text); {
		c := text[i]
		if i+2 < len(text) {
			var a byte
			switch {
			case c == 0xEF:
				a = foldEF(text[i+1], text[i+2])
			case cjkPunct(text, i, 0x80) && len(b) > start &&
				(isDigit(b[len(b)-1]) || b[len(b)-1] == ')') && digitAt(text, i+3):
				a = ' '
			}
			if a != 0 {
				if track {
					at = append(at, len(b))
				}
				b = append(b, a)
				i += 3
				continue
			}
		}
		b = append(b, c)
		i++
	}
	return b, at
}

// digitAt reports an ASCII or full-width digit at text[i:].
func digitAt(text []byte, i int) bool {
	if i < len(text) && isDigit(text[i]) {
		return true
	}
	return i+2 < len(text) && text[i] == 0xEF && text[i+1] == 0xBC && text[i+2]-0x90 < 10
}

// orig maps an offset of the folded copy to the original text. An end offset just after a
// folded rune maps to the end of its three bytes, so spans cover whole original runes.
func (fd *folded) orig(j int) int {
	k, _ := slices.BinarySearch(fd.at, j) // folded runes before j
	return j + 2*k
}

// AppendFoldWidth appends s to dst with the full-width forms the scanner reads as ASCII
// folded to ASCII (digits, letters, ＋ － ． ＠ （ ）, an ideographic space between digits).
// Maskers and hashers use it to treat ９１２３４５６７ as the number the scanner found.
func AppendFoldWidth(dst, s []byte) []byte {
	dst, _ = appendFold(dst, nil, s, false)
	return dst
}
