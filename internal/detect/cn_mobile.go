package detect

// Mainland China mobile numbers: 11 digits 1[3-9]x xxxx xxxx on an allocated three-digit
// prefix, optionally after +86, 0086 or 86 and written 13800138000, 138 0013 8000 or
// 138-0013-8000. Split only after the prefix (138 12345678, 138-12345678) or 4-4-3, the
// number is also what a count or code before another number looks like: it needs a phone
// key, a phone word or the country code, and its last eight digits are then never an HK
// phone of their own.
//
// Allocated prefixes (MIIT numbering plan as of 2024): 130–139; 145–149; 150–153, 155–159;
// 162, 165–167; 170–178; 180–189; 190–193, 195–199. 140–144 are 13-digit IoT numbers, 154,
// 160–161, 163–164, 168–169, 179 and 194 are unallocated.
var cnMobileRecognizer = Recognizer{
	Type:        CNMobile,
	Name:        "Mainland China mobile number",
	Description: "11-digit mainland mobile number with optional +86/0086/86 prefix and separators",
	Validates:   "allocated 3-digit prefix (13x, 145-149, 15x, 162/165-167, 170-178, 18x, 19x)",
}

// cnMobilePrefix[i] is true when "1" followed by the two digits of i (30..99) is allocated.
var cnMobilePrefix = func() (t [100]bool) {
	for i := 30; i <= 39; i++ {
		t[i] = true
	}
	for _, i := range []int{45, 46, 47, 48, 49, 50, 51, 52, 53, 55, 56, 57, 58, 59, 62, 65, 66, 67,
		70, 71, 72, 73, 74, 75, 76, 77, 78, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89,
		90, 91, 92, 93, 95, 96, 97, 98, 99} {
		t[i] = true
	}
	return t
}()

// cnMobileValid reports whether 11 ASCII digits are a mainland mobile number on an
// allocated prefix.
func cnMobileValid(d []byte) bool {
	if len(d) != 11 || d[0] != '1' {
		return false
	}
	for _, c := range d {
		if !isDigit(c) {
			return false
		}
	}
	return cnMobilePrefix[int(d[1]-'0')*10+int(d[2]-'0')]
}

// ValidCNMobile reports whether s is a mainland mobile number in any accepted written form.
func ValidCNMobile(s string) bool {
	return wholeValueIs(s, tCNMobile)
}
