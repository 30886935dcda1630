package detect

import "github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"

// Hong Kong Identity Card number: one or two prefix letters, six digits and a check character
// (0-9 or A), written A123456(3), A123456 (3), A1234563, a123456(3) or XA120584(3); the
// brackets may be full-width （3） or square, A123456[3] (the form validator.js and some HR
// systems print). Written A123456 7, without brackets, it needs an HKID key,
// label or context word.
//
// Check: letters A=10 … Z=35, a single-letter prefix is preceded by a space worth 36; weights
// 9..2 over the eight positions; check = (11 − sum mod 11) mod 11, 10 is written A.
//
// Issued prefixes (Immigration Department practice, as documented in public references):
// single letters A B C D E F G H J K L M N P R S T V W Y Z — I, O, Q, U and X have never been
// issued alone (L and T were stand-by series used while the computer system was down); two
// letters XA XB XC XD XE XG XH (cards issued before 1983 to persons without a Chinese name),
// EC (European Community officials and their dependants, 1993–2003) and WX (first
// registrations of foreign workers after the W series ran out). An unlisted single letter is
// rejected, so HK000123-style staff numbers and O123456(x) never validate. An unlisted pair
// with a correct check character is reported only under an HKID/ID key or after an ID word:
// the widely copied validator example CA182361(1) and form data keyed by users have such
// prefixes, while in free text two letters and digits are as often a product code.
var hkidRecognizer = Recognizer{
	Type:        HKID,
	Name:        "Hong Kong Identity Card",
	Description: "HKID number such as A123456(3), A1234563 or XA120584(3)",
	Validates:   "mod-11 check character; issued single/two-letter prefix",
}

// hkidSingle[c] is true for the issued single-letter prefixes.
var hkidSingle = [26]bool{
	'A' - 'A': true, 'B' - 'A': true, 'C' - 'A': true, 'D' - 'A': true, 'E' - 'A': true,
	'F' - 'A': true, 'G' - 'A': true, 'H' - 'A': true, 'J' - 'A': true, 'K' - 'A': true,
	'L' - 'A': true, 'M' - 'A': true, 'N' - 'A': true, 'P' - 'A': true, 'R' - 'A': true,
	'S' - 'A': true, 'T' - 'A': true, 'V' - 'A': true, 'W' - 'A': true, 'Y' - 'A': true,
	'Z' - 'A': true,
}

// hkidIssued reports whether an upper-case prefix of one or two letters has been issued.
func hkidIssued(p0, p1 byte, two bool) bool {
	if !two {
		return p0 >= 'A' && p0 <= 'Z' && hkidSingle[p0-'A']
	}
	switch {
	case p0 == 'X':
		switch p1 {
		case 'A', 'B', 'C', 'D', 'E', 'G', 'H':
			return true
		}
	case p0 == 'W' && p1 == 'X', p0 == 'E' && p1 == 'C':
		return true
	}
	return false
}

// ValidHKID reports whether s is a well-formed HKID with an issued prefix and a correct check
// character. It accepts A123456(3), A123456 (3), A1234563, full-width brackets, lower case and
// two-letter prefixes; surrounding spaces are ignored.
func ValidHKID(s string) bool {
	b := trimSpaceBytes([]byte(s))
	var letters, digits []byte
	i := 0
	for i < len(b) && isLetter(b[i]) {
		i++
	}
	if i < 1 || i > 2 {
		return false
	}
	letters = b[:i]
	j := i
	for j < len(b) && isDigit(b[j]) {
		j++
	}
	digits = b[i:j]
	rest := b[j:]
	var check byte
	switch {
	case len(digits) == 7 && len(rest) == 0:
		check, digits = digits[6], digits[:6]
	case len(digits) == 6 && len(rest) == 1 && (rest[0] == 'A' || rest[0] == 'a'):
		check = 'A'
	case len(digits) == 6:
		c, n := parseCheckBracket(rest, 0)
		if n == 0 || n != len(rest) {
			return false
		}
		check = c
	default:
		return false
	}
	return hkidValid(letters, digits, check)
}

// hkidValid checks prefix and check character; letters may be lower case, check is '0'-'9',
// 'A' or 'a'.
func hkidValid(letters, digits []byte, check byte) bool {
	ok, issued := hkidChecked(letters, digits, check)
	return ok && issued
}

// hkidChecked reports whether the check character matches (ok) and whether the prefix is
// an issued one. A single unissued letter never matches.
func hkidChecked(letters, digits []byte, check byte) (ok, issued bool) {
	p := [2]byte{upper(letters[0])}
	two := len(letters) == 2
	if two {
		p[1] = upper(letters[1])
	}
	issued = hkidIssued(p[0], p[1], two)
	if !issued && !two {
		return false, false
	}
	return checkdigit.HKID(p[:len(letters)], digits) == upper(check), issued
}

// parseCheckBracket parses "(c)", " (c)", "[c]", "（c）" or " （c）" at b[i:], where c is a
// digit or A/a. It returns the check character and the number of bytes consumed (0 when
// absent).
func parseCheckBracket(b []byte, i int) (byte, int) {
	start := i
	if i < len(b) && b[i] == ' ' {
		i++
	}
	var full bool
	closing := byte(')')
	switch {
	case i < len(b) && b[i] == '(':
		i++
	case i < len(b) && b[i] == '[':
		closing = ']'
		i++
	case hasFullwidth(b, i, 0x88): // （
		i += 3
		full = true
	default:
		return 0, 0
	}
	if i >= len(b) {
		return 0, 0
	}
	c := b[i]
	if !isDigit(c) && c != 'A' && c != 'a' {
		return 0, 0
	}
	i++
	switch {
	case !full && i < len(b) && b[i] == closing:
		i++
	case full && hasFullwidth(b, i, 0x89): // ）
		i += 3
	default:
		return 0, 0
	}
	return c, i - start
}

// hasFullwidth reports whether b[i:] starts with the full-width form U+FF00+(last-0x80),
// encoded EF BC last (（ is EF BC 88, ） is EF BC 89, ： is EF BC 9A).
func hasFullwidth(b []byte, i int, last byte) bool {
	return i+2 < len(b) && b[i] == 0xEF && b[i+1] == 0xBC && b[i+2] == last
}

// cjkPunct reports the CJK symbol E3 80 last at b[i:] (U+3000–U+303F): 0x80 the ideographic
// space, 0x82 。, 0x8D 」, 0x91 】.
func cjkPunct(b []byte, i int, last byte) bool {
	return i >= 0 && i+2 < len(b) && b[i] == 0xE3 && b[i+1] == 0x80 && b[i+2] == last
}

// matchHKID looks for an HKID in the alphanumeric word text[s:e] (and a check bracket right
// after it). It returns the end of what it consumed, or -1.
func (st *scanState) matchHKID(s, e int) int {
	w := st.text[s:e]
	nl := 0
	for nl < len(w) && nl < 3 && isLetter(w[nl]) {
		nl++
	}
	if nl < 1 || nl > 2 || len(w) < nl+6 {
		return -1
	}
	for _, c := range w[nl : nl+6] {
		if !isDigit(c) {
			return -1
		}
	}
	letters, digits := w[:nl], w[nl:nl+6]
	switch len(w) - nl {
	case 6: // bracketed (or spaced) check
		c, n := parseCheckBracket(st.text, e)
		if n == 0 {
			return st.matchSpacedCheckHKID(letters, digits, s, e)
		}
		// The bracket ends it, whatever follows (A123456(3)91234567: an HKID glued to a
		// phone): were what follows to decide, redacting it would reveal the HKID on a
		// second pass. The check digit is what keeps this precise.
		ok, issued := hkidChecked(letters, digits, c)
		if !ok {
			return -1
		}
		st.addBracketedHKID(s, e+n, issued)
		return e + n
	case 7: // bare check character
		c := w[nl+6]
		if !isDigit(c) && c != 'A' && c != 'a' {
			return -1
		}
		ok, issued := hkidChecked(letters, digits, c)
		if !ok || !st.bareRightOK(e) {
			return -1
		}
		if st.passportNamed(s) {
			// "護照 EC1234569", "passport D1234567": the passport recognizers take it.
			return -1
		}
		if !issued && (cnPassportShape(w) || hkPassportShape(w)) && st.passportAllowed(s) {
			// ED1234567, EF1234567, DE1234567, KJ1234567 under certNo: one in eleven PRC
			// e-passport or old HKSAR passport numbers passes the check, and no HKID has
			// ever had such a prefix; only a key or word naming the HKID alone keeps it.
			return -1
		}
		// Upper-case bare HKIDs are common in forms; in lower case the same shape is as
		// likely a hash or a code, so only a key or context word makes it an HKID.
		if !issued || isLower(letters[0]) || isLower(c) {
			st.add(cand{t: tHKID, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
		} else {
			st.add(cand{t: tHKID, start: s, end: e, score: scoreValidated})
		}
		// The same word may be a passport number (D1234567, EA1234567, KJ1234567): the
		// passport recognizers see it too, and keys and context decide.
		return -1
	}
	return -1
}

// matchSpacedCheckHKID looks for the check character written as a word of its own after
// the six digits, "A123456 7", "XA754934 A", or after a dash, "G778812-5": the card prints it
// in brackets, and a typist who leaves them out sometimes keeps a space or writes a dash. A letter, six digits, a space and one more digit
// or letter is as often a code and a quantity, and one in eleven such words passes the check,
// so only an HKID key, label or context word ("HKID: A123456 7", 身份證號碼) makes it one.
// It returns the end of the check character when it matched, or -1.
func (st *scanState) matchSpacedCheckHKID(letters, digits []byte, s, e int) int {
	text := st.text
	if e+2 > len(text) || text[e] != ' ' && text[e] != '-' || !st.bareRightOK(e+2) {
		return -1
	}
	c := text[e+1]
	if !isDigit(c) && c != 'A' && c != 'a' {
		return -1
	}
	ok, issued := hkidChecked(letters, digits, c)
	if !ok || !issued && st.passportAllowed(s) {
		// An unissued pair under certNo or 證件號碼 is a passport's prefix as often.
		return -1
	}
	st.add(cand{t: tHKID, start: s, end: e + 2, score: scoreShapeCtx, flags: fNeedHint})
	return e + 2
}

// matchSpacedHKID looks for an HKID whose upper-case prefix text[s:e] is followed by one
// space, six digits and a bracketed check character ("A 123456(3)", "WX 000907（3）"). A
// letter and six digits apart are common in codes and addresses, so the brackets are
// required, and the check character decides. It returns the end of the HKID, or -1.
func (st *scanState) matchSpacedHKID(s, e int) int {
	text := st.text
	for _, c := range text[s:e] {
		if !isUpper(c) {
			return -1
		}
	}
	d := e + 1
	if d+6 > len(text) || !allDigits(text[d:d+6]) || !st.leftOK(s) {
		return -1
	}
	// The bracket (or " (") right after the sixth digit also means exactly six digits.
	c, n := parseCheckBracket(text, d+6)
	if n == 0 {
		return -1
	}
	ok, issued := hkidChecked(text[s:e], text[d:d+6], c)
	if !ok {
		return -1
	}
	end := d + 6 + n
	st.addBracketedHKID(s, end, issued)
	return end
}

// addBracketedHKID offers an HKID with a bracketed check character that matched: with an
// issued prefix it validates itself; with an unissued pair only a key or context word makes
// it one.
func (st *scanState) addBracketedHKID(s, e int, issued bool) {
	if issued {
		st.add(cand{t: tHKID, start: s, end: e, score: scoreStrong, flags: fCtxProof | fKeyProof})
	} else {
		st.add(cand{t: tHKID, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
	}
}

// passportNamed reports a passport word (and no HKID key) naming the word at s: a bare
// HKID-shaped word there is a passport number whose last digit happens to check.
func (st *scanState) passportNamed(s int) bool {
	if st.hint().pos.has(tHKID) {
		return false
	}
	cx := st.context(s)
	return cx.found && cx.mask&maskPassport != 0 && !cx.mask.has(tHKID)
}

// passportAllowed reports a key, label or context word that admits a passport as well as
// an HKID (certNo, 證件號碼), or names a passport.
func (st *scanState) passportAllowed(s int) bool {
	if h := st.hint(); h.pos != 0 {
		return h.pos&maskPassport != 0
	}
	cx := st.context(s)
	return cx.found && cx.mask&maskPassport != 0
}

// hkidBareIssued reports whether the word w is a bare HKID (letters, six digits, check
// character) whose check character matches and whose prefix has been issued: only then can
// it be an HKID under a generic ID key.
func hkidBareIssued(w []byte) bool {
	nl := 0
	for nl < len(w) && nl < 3 && isLetter(w[nl]) {
		nl++
	}
	if nl < 1 || nl > 2 || len(w) != nl+7 || !allDigits(w[nl:nl+6]) {
		return false
	}
	c := w[nl+6]
	if !isDigit(c) && upper(c) != 'A' {
		return false
	}
	ok, issued := hkidChecked(w[:nl], w[nl:nl+6], c)
	return ok && issued
}
