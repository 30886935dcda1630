package detect

// People's Republic of China passport numbers: E + 8 digits (ordinary e-passport), E + a
// letter other than I/O + 7 digits (once the E-digit series ran out), G + 8 digits (ordinary,
// pre-2012), D, S or P + 7 or 8 digits (diplomatic, service, public affairs, pre-e-passport)
// and DE, SE or PE + 7 digits (the diplomatic, service and public-affairs e-passports issued
// since 2012). A passport key or context word is required.
var cnPassportRecognizer = Recognizer{
	Type:         CNPassport,
	Name:         "PRC passport number",
	Description:  "E/G + 8 digits, E + letter + 7 digits, D/S/P + 7-8 digits, DE/SE/PE + 7 digits; passport key or context",
	Validates:    "format; passport key or context required",
	NeedsContext: true,
}

func cnPassportShape(w []byte) bool {
	if len(w) < 8 || len(w) > 9 {
		return false
	}
	switch upper(w[0]) {
	case 'E':
		if len(w) == 9 && allDigits(w[1:]) {
			return true
		}
		l := upper(w[1])
		return len(w) == 9 && isLetter(l) && l != 'I' && l != 'O' && allDigits(w[2:])
	case 'G':
		return len(w) == 9 && allDigits(w[1:])
	case 'D', 'S', 'P':
		if len(w) == 9 && upper(w[1]) == 'E' {
			return allDigits(w[2:])
		}
		return allDigits(w[1:])
	}
	return false
}

// ValidCNPassport reports whether s has the shape of a PRC passport number.
func ValidCNPassport(s string) bool { return cnPassportShape(trimSpaceBytes([]byte(s))) }

func (st *scanState) matchCNPassport(w []byte, s, e int) {
	if !cnPassportShape(w) {
		return
	}
	// D/S/P + 7 digits has the shape of a bare HKID with a wrong check digit, and EC + 7
	// digits can be a two-letter HKID: under a generic ID key (certNo) only a passport word
	// makes such a word a passport. ED/EF/DE… + 7 digits never were HKIDs (their prefixes
	// were not issued), whatever the check digit says: there the passport wins.
	if len(w) == 8 || hkidBareIssued(w) {
		if st.passportDefers(s) {
			return
		}
	}
	st.add(cand{t: tCNPassport, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
}

// passportDefers reports a key that names other ID documents besides passports, with no
// passport word before s.
func (st *scanState) passportDefers(s int) bool {
	if h := st.hint(); h.pos&^maskPassport == 0 {
		return false
	}
	cx := st.context(s)
	return !cx.found || cx.mask&maskPassport == 0
}
