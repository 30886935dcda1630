package detect

// Macau Resident Identity Card (BIR) number: 1, 5 or 7 followed by six digits and a check
// digit, printed 1234567(8). The check algorithm is not public, so the bracketed form is
// reported on its own at a modest score (0.75) and a bare eight-digit number needs a Macau
// ID key or context word (澳門身份證, 澳门身份证, Macau ID, BIR …).
var moIDRecognizer = Recognizer{
	Type:         MOID,
	Name:         "Macau Resident ID",
	Description:  "Macau BIR number such as 1234567(8)",
	Validates:    "leading 1/5/7 and bracketed check digit; key or context for the bare form",
	NeedsContext: true,
}

func moIDLead(c byte) bool { return c == '1' || c == '5' || c == '7' }

// ValidMOID reports whether s has the shape of a Macau ID number: 1234567(8), 1234567 (8)
// or 12345678.
func ValidMOID(s string) bool {
	b := trimSpaceBytes([]byte(s))
	if len(b) < 8 || !allDigits(b[:7]) || !moIDLead(b[0]) {
		return false
	}
	if len(b) == 8 {
		return isDigit(b[7])
	}
	c, n := parseCheckBracket(b, 7)
	return n > 0 && 7+n == len(b) && isDigit(c)
}
