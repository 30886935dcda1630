package detect

// Taiwan National Identification Card number: a letter, 1 or 2 (sex), eight digits, the last
// a check digit; resident certificates issued since 2021 use 8 or 9 in the second place with
// the same check. Letters map to two-digit values (A=10 … H=17, I=34, J=18 … N=22, O=35,
// P=23 … V=29, W=32, X=30, Y=31, Z=33); tens + 9·units + 8·d1 + 7·d2 … + 1·d8 + check must be
// a multiple of 10.
var twIDRecognizer = Recognizer{
	Type:        TWID,
	Name:        "Taiwan ID number",
	Description: "letter + 1/2 (or 8/9) + 8 digits, e.g. A123456789",
	Validates:   "weighted mod-10 check digit",
}

var twLetter = [26]int{10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33}

func twIDValid(w []byte) bool {
	if len(w) != 10 || !isLetter(w[0]) || !allDigits(w[1:]) {
		return false
	}
	switch w[1] {
	case '1', '2', '8', '9':
	default:
		return false
	}
	v := twLetter[upper(w[0])-'A']
	sum := v/10 + (v%10)*9
	for i := 1; i <= 8; i++ {
		sum += int(w[i]-'0') * (9 - i)
	}
	sum += int(w[9] - '0')
	return sum%10 == 0
}

// ValidTWID reports whether s is a Taiwan ID number with a correct check digit.
func ValidTWID(s string) bool { return twIDValid(trimSpaceBytes([]byte(s))) }

func (st *scanState) matchTWID(w []byte, s, e int) {
	if !twIDValid(w) {
		return
	}
	if isLower(w[0]) {
		st.add(cand{t: tTWID, start: s, end: e, score: scoreShapeCtx, flags: fNeedHint})
		return
	}
	st.add(cand{t: tTWID, start: s, end: e, score: scoreValidated})
}
