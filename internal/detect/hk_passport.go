package detect

// HKSAR passport numbers: H or K followed by eight digits (K12345678, H12345678), and the
// older KJ followed by seven digits. The shape is shared with many codes, so a passport key
// (passportNo, 護照號碼) or context word (passport, 護照, 护照, travel document) is required.
var hkPassportRecognizer = Recognizer{
	Type:         HKPassport,
	Name:         "HKSAR passport number",
	Description:  "H/K + 8 digits or KJ + 7 digits, named by a passport key or context",
	Validates:    "format; passport key or context required",
	NeedsContext: true,
}

func hkPassportShape(w []byte) bool {
	switch {
	case len(w) == 9 && (upper(w[0]) == 'H' || upper(w[0]) == 'K') && allDigits(w[1:]):
		return true
	case len(w) == 9 && upper(w[0]) == 'K' && upper(w[1]) == 'J' && allDigits(w[2:]):
		return true
	}
	return false
}

// ValidHKPassport reports whether s has the shape of an HKSAR passport number.
func ValidHKPassport(s string) bool { return hkPassportShape(trimSpaceBytes([]byte(s))) }

func (st *scanState) matchHKPassport(w []byte, s, e int) {
	if !hkPassportShape(w) {
		return
	}
	// KJ was never an HKID prefix, so a KJ1234567 whose last digit happens to check is
	// still a passport; only an issued prefix (none is H/K + 8 digits today) could make it
	// an HKID under a generic ID key.
	if hkidBareIssued(w) && st.passportDefers(s) {
		return
	}
	st.add(cand{t: tHKPassport, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return len(b) > 0
}
