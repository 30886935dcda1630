package detect

import "github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"

// Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters from
// 0-9 A-H J-N P Q R T U W X Y — registration authority (1-9, A, N, Y), entity type (1-9),
// six-digit administrative division, nine-character organisation code and a mod-31 check
// character with weights 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28.
// A code containing letters is reported on its own. An all-digit one is reported on its own
// only when the GB 11714 organisation code inside it checks too (characters 9–17, mod 11);
// else, like any other 18-digit number, it needs a key or context word (统一社会信用代码,
// 稅號, USCC …).
var cnUSCCRecognizer = Recognizer{
	Type:        CNUSCC,
	Name:        "Unified Social Credit Code",
	Description: "18-character mainland organisation code, e.g. 91350100M000100Y43",
	Validates:   "GB 32100 mod-31 check character, authority/type codes, division code",
}

func usccValid(w []byte) bool {
	if len(w) != 18 {
		return false
	}
	switch c := w[0]; {
	case c >= '1' && c <= '9', c == 'A', c == 'N', c == 'Y':
	default:
		return false
	}
	if w[1] < '1' || w[1] > '9' || !allDigits(w[2:8]) {
		return false
	}
	if p := atoi(w[2:4]); !cnProvince[p] && p != 10 {
		return false
	}
	check, ok := checkdigit.USCC(w)
	return ok && w[17] == check
}

// ValidUSCC reports whether s is a Unified Social Credit Code with a correct check character.
func ValidUSCC(s string) bool {
	return usccValid(trimSpaceBytes([]byte(s)))
}

// orgCodeValid reports whether the organisation code inside a USCC (its characters 9–17,
// GB 11714: eight characters and a mod-11 check character, 0–9 or X) checks. Every code the
// registration authorities issue carries one, so an 18-digit number passing both checks
// (about one in 340 does by chance, one in 1,200 with the authority, type and division
// codes) is a USCC.
func orgCodeValid(w []byte) bool {
	for _, c := range w[8:16] {
		if !isDigit(c) && !isUpper(c) {
			return false
		}
	}
	return checkdigit.OrgCode(w[8:16]) == w[16]
}

// matchUSCC handles an all-digit 18-character candidate (from a number run). With both
// check characters right it is reported on its own, as a card number with Luhn and brand
// is; with the USCC check alone it needs a key or context word. An 18-digit number shaped
// like a mainland ID (area code and birth date) is left to cn_id.
func (st *scanState) matchUSCC(d []byte, start, end int) {
	if !usccValid(d) {
		return
	}
	if orgCodeValid(d) && !cnIDShape(d, today(st.s.now())) {
		st.add(cand{t: tCNUSCC, start: start, end: end, score: scoreValidated})
		return
	}
	st.add(cand{t: tCNUSCC, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
}

// matchUSCCX handles 17 digits and an X, read as a mainland ID's shape: a USCC's check
// character is X one time in 31. Its only letter being the check character, it is read as
// an all-digit code is (matchUSCC), and never when it has a mainland ID's area code and
// birth date.
func (st *scanState) matchUSCCX(d []byte, start, end int) {
	var up [18]byte
	copy(up[:], d)
	up[17] = upper(up[17])
	if !usccValid(up[:]) || cnIDShape(up[:], today(st.s.now())) {
		return
	}
	if d[17] == 'X' && orgCodeValid(up[:]) {
		st.add(cand{t: tCNUSCC, start: start, end: end, score: scoreValidated})
		return
	}
	st.add(cand{t: tCNUSCC, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
}

// matchUSCCWord handles an 18-character alphanumeric word; codes are upper case, so a lower
// case one needs a hint.
func (st *scanState) matchUSCCWord(w []byte, s, e int) {
	var up [18]byte
	lowerSeen, letters := false, false
	for i, c := range w {
		if isLower(c) {
			lowerSeen = true
		}
		if isLetter(c) {
			letters = true
		}
		up[i] = upper(c)
	}
	if !letters || !usccValid(up[:]) {
		return
	}
	if lowerSeen {
		st.add(cand{t: tCNUSCC, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
		return
	}
	st.add(cand{t: tCNUSCC, start: s, end: e, score: scoreValidated})
}
