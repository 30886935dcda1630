package detect

// Hong Kong Business Registration number: eight digits (the first eight of the BR
// certificate number). It has no public check digit and the shape of any eight-digit number,
// so a key (brNo, businessRegistrationNo) or context word (商業登記, 商业登记, BR No,
// Business Registration, BRN) is required.
//
// The certificate number adds a three-digit branch number (000 for the main business), the
// expiry month and year and a check character: 12345678-000-03-25-A. Forms often ask for
// the eleven-digit "BR No. + branch" (12345678-000 or 12345678000); with a key or context
// word those are reported too — the dashed forms as the eight-digit BR number, the
// contiguous one whole.
var hkBRRecognizer = Recognizer{
	Type:         HKBR,
	Name:         "HK Business Registration number",
	Description:  "8-digit BR number named by a key or context word",
	Validates:    "8 digits; key or context required",
	NeedsContext: true,
}

// ValidHKBR reports whether s is an eight-digit BR number, alone or as the start of a
// certificate number: 12345678, 12345678-000, 12345678000 or 12345678-000-03-25-A.
func ValidHKBR(s string) bool {
	b := trimSpaceBytes([]byte(s))
	switch {
	case len(b) == 8 || len(b) == 11:
		return allDigits(b)
	case len(b) == 12:
		return allDigits(b[:8]) && b[8] == '-' && allDigits(b[9:])
	case len(b) == 20:
		return allDigits(b[:8]) && b[8] == '-' && allDigits(b[9:12]) && b[12] == '-' &&
			allDigits(b[13:15]) && b[15] == '-' && allDigits(b[16:18]) && b[18] == '-' &&
			isAlnum(b[19])
	}
	return false
}

// matchBRBranch offers a contiguous 11-digit number as a BR number with its branch
// (12345678000); matchChain reports the dashed 12345678-000 as its first eight digits.
func (st *scanState) matchBRBranch(start, end int) {
	st.add(cand{t: tHKBR, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
}
