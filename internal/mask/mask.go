// Package mask holds the value-level actions: the placeholder of redact, the format-aware
// partial mask, and the keyed hash. (Tokenize and reveal go through the vault.) Every output
// here is chosen so that no recognizer fires on it again and applying it twice changes
// nothing: a masked body can be masked again safely, e.g. by a second proxy in a chain.
package mask

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// Erased is what a token whose vault entry was erased or expired becomes on reveal.
const Erased = vault.Placeholder

// Redact returns the placeholder for a type: "[HKID]", "[HK_PHONE]"; "[REDACTED]" when the
// type is unknown.
func Redact(t detect.Type) string {
	if p, ok := placeholders[t]; ok {
		return p
	}
	return "[" + strings.ToUpper(string(t)) + "]"
}

// placeholders are computed once for the built-in types: redaction is on the hot path.
var placeholders = func() map[detect.Type]string {
	m := map[detect.Type]string{"": "[REDACTED]"}
	for _, t := range detect.BuiltinTypes {
		m[t] = "[" + strings.ToUpper(string(t)) + "]"
	}
	return m
}()

// Mask appends the partial mask of value to dst. The shape (separators, brackets, length,
// the domain of an email, the country code of a phone) survives, so a person can still tell
// whose number it is, while the identifying middle is starred.
func Mask(dst []byte, t detect.Type, value []byte) []byte {
	switch t {
	case detect.HKPhone:
		return maskHKPhone(dst, value)
	case detect.CNMobile:
		d := countRunes(value, isDigitOrStar)
		return keep(dst, value, isDigitOrStar, max(d-11, 0)+3, 4)
	case detect.HKID:
		return keep(dst, value, isAlnumOrStar, leadingLetters(value)+3, 0)
	case detect.CNID:
		return keep(dst, value, isAlnumOrStar, 3, 4)
	case detect.Email:
		return maskEmail(dst, value)
	case detect.CreditCard, detect.CNBankCard:
		return keep(dst, value, isDigitOrStar, 0, 4)
	case detect.HKBankAccount:
		return keep(dst, value, isDigitOrStar, 0, 3)
	case detect.IPv4:
		return maskIPv4(dst, value)
	case detect.IPv6:
		return maskIPv6(dst, value)
	case detect.HKPassport, detect.CNPassport, detect.MOID, detect.TWID, detect.CNUSCC, detect.HKBR:
		return keep(dst, value, isAlnumOrStar, 1, 2)
	case detect.PersonName:
		return maskName(dst, value)
	case detect.DateOfBirth:
		return maskDate(dst, value)
	case detect.Address:
		return maskAddress(dst, value)
	}
	n := countRunes(value, isMaskable)
	if n < 4 {
		return keep(dst, value, isMaskable, 0, 0)
	}
	return keep(dst, value, isMaskable, 1, 1)
}

// The scanner reads full-width digits and letters (９１２３ ４５６７, Ａ１２３４５６（７）) as
// their ASCII forms, so the masks count them alike: were they copied as separators, a
// full-width number would pass through unmasked.

func isDigitOrStar(r rune) bool { return isDigit(r) || r == '*' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ'
}

func isAlnumOrStar(r rune) bool { return isDigit(r) || isLetter(r) || r == '*' }

// isMaskable covers letters and digits of any script.
func isMaskable(r rune) bool { return r == '*' || unicode.IsLetter(r) || unicode.IsDigit(r) }

func countRunes(s []byte, f func(rune) bool) int {
	n := 0
	for _, r := range string(s) {
		if f(r) {
			n++
		}
	}
	return n
}

func leadingLetters(s []byte) int {
	n := 0
	for _, r := range string(s) {
		if isLetter(r) {
			n++
			continue
		}
		if (r == ' ' || r == '\u3000') && n == 0 {
			continue
		}
		break
	}
	return n
}

// keep copies value, starring every rune that f selects except the first `first` and the
// last `last` of them; other runes (separators) are copied.
func keep(dst, value []byte, f func(rune) bool, first, last int) []byte {
	total := countRunes(value, f)
	return keepSpans(dst, value, f, first, total-last, total)
}

// keepSpans copies value, keeping the runes that f selects when their index among them is
// below first or in [from, to), starring the others; other runes (separators) are copied.
func keepSpans(dst, value []byte, f func(rune) bool, first, from, to int) []byte {
	i := 0
	for _, r := range string(value) {
		if !f(r) {
			dst = utf8.AppendRune(dst, r)
			continue
		}
		if i < first || i >= from && i < to {
			dst = utf8.AppendRune(dst, r)
		} else {
			dst = append(dst, '*')
		}
		i++
	}
	return dst
}

// maskHKPhone keeps the country code, the number's first digit and its last four, and stars
// the rest, an extension after the number included (852-36187078-693 → 852-3***7078-***):
// were the extension's digits counted as the number's, its last four would be kept instead
// and the exchange digits left in clear (852-3618***8-693).
func maskHKPhone(dst, v []byte) []byte {
	d := countRunes(v, isDigitOrStar)
	lead := 0 // digits before the eight of the number
	if d > 8 {
		switch {
		case d >= 13 && hasDigitPrefix(v, "00852"):
			lead = 5
		case d >= 11 && hasDigitPrefix(v, "852"):
			lead = 3
		case hasDigitPrefix(v, "00") || startsWithPlus(v):
			lead = d - 8 // another country's code: the extra digits come first
		}
	}
	end := min(d, lead+8)
	return keepSpans(dst, v, isDigitOrStar, lead+1, end-4, end)
}

// hasDigitPrefix reports whether the digits of v begin with p (separators between them
// aside: "(852) 9123…", "+852-9123…").
func hasDigitPrefix(v []byte, p string) bool {
	i := 0
	for _, r := range string(v) {
		if i == len(p) {
			break
		}
		if !isDigit(r) {
			if r == '*' {
				return false
			}
			continue
		}
		if digitValue(r) != int(p[i]-'0') {
			return false
		}
		i++
	}
	return i == len(p)
}

// startsWithPlus reports a number written with an international '+' (ASCII or full width).
func startsWithPlus(v []byte) bool {
	for _, r := range string(v) {
		switch r {
		case ' ', '\u3000', '(', '（':
			continue
		case '+', '＋':
			return true
		}
		return false
	}
	return false
}

func maskEmail(dst, v []byte) []byte {
	at := strings.LastIndexAny(string(v), "@＠") // ＠: the scanner reads ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ
	if at <= 0 {
		return keep(dst, v, isMaskable, 1, 0)
	}
	r, _ := utf8.DecodeRune(v)
	dst = utf8.AppendRune(dst, r)
	dst = append(dst, "***"...)
	_, size := utf8.DecodeRune(v[at:])
	dom := v[at+size:]
	if len(dom) > 2 && dom[0] == '[' && dom[len(dom)-1] == ']' {
		// An address literal is an IP address: masked as one.
		dst = append(dst, "@["...)
		if ip, ok := strings.CutPrefix(string(dom[1:len(dom)-1]), "IPv6:"); ok {
			dst = maskIPv6(append(dst, "IPv6:"...), []byte(ip))
		} else {
			dst = maskIPv4(dst, dom[1:len(dom)-1])
		}
		return append(dst, ']')
	}
	return append(dst, v[at:]...)
}

// maskIPv4 keeps the first two parts; the dots may be full-width (１９２．１６８．１．１).
func maskIPv4(dst, v []byte) []byte {
	part := 0
	for _, r := range string(v) {
		switch {
		case r == '.' || r == '．':
			part++
			dst = utf8.AppendRune(dst, r)
		case part < 2:
			dst = utf8.AppendRune(dst, r)
		case dst[len(dst)-1] != '*':
			dst = append(dst, '*')
		}
	}
	return dst
}

func maskIPv6(dst, v []byte) []byte {
	s := string(v)
	groups := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			groups++
			if groups == 2 {
				return append(append(dst, s[:i]...), ":*"...)
			}
		}
	}
	return append(dst, s...)
}

// maskName keeps the first letter of each word (a Chinese name keeps its surname).
func maskName(dst, v []byte) []byte {
	start := true
	for _, r := range string(v) {
		switch {
		case !isMaskable(r):
			dst = utf8.AppendRune(dst, r)
			start = true
		case start:
			dst = utf8.AppendRune(dst, r)
			start = false
		default:
			dst = append(dst, '*')
		}
	}
	return dst
}

// maskDate keeps a four-digit year and stars the other digits: 1988-07-14 → 1988-**-**,
// １９８８年７月１４日 → １９８８年*月**日.
func maskDate(dst, v []byte) []byte {
	s := string(v)
	// The year is the first run of exactly four digits (or stars) reading 19dd or 20dd.
	yearAt := -1
	run, runAt := 0, 0
	var d [4]int
	for i, r := range s + "\x00" {
		if isDigitOrStar(r) {
			if run == 0 {
				runAt = i
			}
			if run < 4 {
				d[run] = digitValue(r)
			}
			run++
			continue
		}
		if run == 4 && (d[0] == 1 && d[1] == 9 || d[0] == 2 && d[1] == 0) && d[2] >= 0 && d[3] >= 0 {
			yearAt = runAt
			break
		}
		run = 0
	}
	n := 0
	for i, r := range s {
		if yearAt >= 0 && i >= yearAt && n < 4 {
			n++
			dst = utf8.AppendRune(dst, r)
			continue
		}
		if isDigit(r) {
			dst = append(dst, '*')
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// digitValue is the value of an ASCII or full-width digit, -1 for a star.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// maskAddress keeps the last comma-separated part (the district or region) of an address
// written in English, or the first four characters (the region) of one written in Chinese.
func maskAddress(dst, v []byte) []byte {
	s := string(v)
	if i := strings.LastIndexAny(s, ",，"); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		dst = keep(dst, v[:i], isMaskable, 0, 0)
		return append(dst, s[i:i+size]+s[i+size:]...)
	}
	return keep(dst, v, isMaskable, 4, 0)
}
