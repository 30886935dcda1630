package detect

import "github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"

// Taiwan National Identification Card number: a letter, 1 or 2 (sex), eight digits, the last
// a check digit; resident certificates (ARC/UI numbers) issued since 2021 use 8 or 9 in the
// second place with the same check. Letters map to two-digit values (A=10 … H=17, I=34,
// J=18 … N=22, O=35, P=23 … V=29, W=32, X=30, Y=31, Z=33); tens + 9·units + 8·d1 + 7·d2 … +
// 1·d8 + check must be a multiple of 10.
//
// Resident certificates issued before 2021 (still in use until they expire) have a second
// letter A–D instead of the sex digit: AC01234567. The second letter counts with the units
// digit of its value (C=12 → 2) at weight 8; the rest of the check is the same
// (taiwan-id-validator's isOriginalResidentCertificateNumberValid, Taiwan National
// Immigration Agency format). That form is reported only with a key or context word.
var twIDRecognizer = Recognizer{
	Type:        TWID,
	Name:        "Taiwan ID number",
	Description: "letter + 1/2 (or 8/9) + 8 digits, e.g. A123456789; old resident certificate AC01234567",
	Validates:   "weighted mod-10 check digit",
}

func twIDValid(w []byte) bool {
	if len(w) != 10 || !isLetter(w[0]) || !allDigits(w[2:]) {
		return false
	}
	var body [9]byte
	copy(body[:], w)
	body[0], body[1] = upper(w[0]), upper(w[1])
	check, ok := checkdigit.TWID(body[:])
	return ok && w[9] == check
}

// ValidTWID reports whether s is a Taiwan ID number with a correct check digit.
func ValidTWID(s string) bool { return twIDValid(trimSpaceBytes([]byte(s))) }

func (st *scanState) matchTWID(w []byte, s, e int) {
	if !twIDValid(w) {
		return
	}
	// Two letters and eight digits is also a common code shape (AB12345678), and one in ten
	// passes the check: the old resident certificate needs a key or context word, as does
	// anything in lower case.
	if isLower(w[0]) || isLetter(w[1]) {
		st.add(cand{t: tTWID, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
		return
	}
	st.add(cand{t: tTWID, start: s, end: e, score: scoreValidated})
}
