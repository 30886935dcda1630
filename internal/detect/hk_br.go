package detect

// Hong Kong Business Registration number: eight digits (the first eight of the BR
// certificate number). It has no public check digit and the shape of any eight-digit number,
// so a key (brNo, businessRegistrationNo) or context word (商業登記, 商业登记, BR No,
// Business Registration, BRN) is required.
var hkBRRecognizer = Recognizer{
	Type:         HKBR,
	Name:         "HK Business Registration number",
	Description:  "8-digit BR number named by a key or context word",
	Validates:    "8 digits; key or context required",
	NeedsContext: true,
}

// ValidHKBR reports whether s is eight digits.
func ValidHKBR(s string) bool {
	b := trimSpaceBytes([]byte(s))
	return len(b) == 8 && allDigits(b)
}
