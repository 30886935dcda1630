package detect

// People's Republic of China passport numbers: E + 8 digits (ordinary e-passport), E + a
// letter other than I/O + 7 digits (once the E-digit series ran out), G + 8 digits (ordinary,
// pre-2012), D, S or P + 7 or 8 digits (diplomatic, service, public affairs). A passport key
// or context word is required.
var cnPassportRecognizer = Recognizer{
	Type:         CNPassport,
	Name:         "PRC passport number",
	Description:  "E/G + 8 digits, E + letter + 7 digits, D/S/P + 7-8 digits; passport key or context",
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
		return allDigits(w[1:])
	}
	return false
}

// ValidCNPassport reports whether s has the shape of a PRC passport number.
func ValidCNPassport(s string) bool { return cnPassportShape(trimSpaceBytes([]byte(s))) }

func (st *scanState) matchCNPassport(w []byte, s, e int) {
	if len(w) == 8 && cnPassportShape(w) {
		// D/S/P + 7 digits has the shape of a bare HKID with a wrong check digit: under a
		// generic ID key (certNo) only a passport word makes it a passport.
		if h := st.hint(); h.pos&^maskPassport != 0 {
			if cx := st.context(s); !cx.found || !cx.mask.has(tCNPassport) {
				return
			}
		}
	}
	if cnPassportShape(w) {
		st.add(cand{t: tCNPassport, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
	}
}
