// Package widthfold folds the full-width forms that Chinese input methods type to their
// ASCII counterparts, the same way everywhere a value is read: the scanner reads the folded
// form, and masks, keyed hashes and vault tokens are computed from it, so ９１２３４５６７ is the
// number 91234567 to all of them.
//
// Folded: ０–９, Ａ–Ｚ, ａ–ｚ, ＋ － ． ＠ （ ）, and the ideographic space U+3000 between digits
// (or after a closing bracket, as in （852）　9123). Every folded rune is three bytes (EF BC xx,
// EF BD xx, E3 80 80) that become one. Nothing else changes: Chinese text and full-width
// punctuation with a meaning of its own to the scanner (：，；。) stay as they are, and an
// ideographic space elsewhere is layout ("姓名：　陳大文").
package widthfold

import "strings"

// Rune returns the ASCII form of the full-width rune EF b1 b2, or 0 when it has none that
// folding produces.
func Rune(b1, b2 byte) byte {
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

// Append appends the folded text to dst.
func Append(dst, text []byte) []byte {
	dst, _ = appendFold(dst, nil, text, false)
	return dst
}

// String returns the folded s (s itself when nothing folds).
func String(s string) string {
	// Every folded rune starts with one of these lead bytes: without them nothing changes.
	if strings.IndexByte(s, 0xEF) < 0 && strings.IndexByte(s, 0xE3) < 0 {
		return s
	}
	return string(Append(make([]byte, 0, len(s)), []byte(s)))
}

// AppendTracked appends the folded text to dst and the offsets in dst of the folded runes to
// at (ascending): each stands for three bytes of text, which is how a caller maps an offset
// in the folded copy back to the original.
func AppendTracked(dst []byte, at []int, text []byte) ([]byte, []int) {
	return appendFold(dst, at, text, true)
}

func appendFold(b []byte, at []int, text []byte, track bool) ([]byte, []int) {
	start := len(b)
	for i := 0; i < len(text); {
		c := text[i]
		if i+2 < len(text) {
			var a byte
			switch {
			case c == 0xEF:
				a = Rune(text[i+1], text[i+2])
			case c == 0xE3 && text[i+1] == 0x80 && text[i+2] == 0x80 && len(b) > start &&
				(isDigit(b[len(b)-1]) || b[len(b)-1] == ')') && DigitAt(text, i+3):
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

// DigitAt reports an ASCII or full-width digit at text[i:].
func DigitAt(text []byte, i int) bool {
	if i < len(text) && isDigit(text[i]) {
		return true
	}
	return i+2 < len(text) && text[i] == 0xEF && text[i+1] == 0xBC && text[i+2]-0x90 < 10
}

func isDigit(c byte) bool { return c-'0' < 10 }
