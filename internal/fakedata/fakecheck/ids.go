package fakecheck

import (
	"strings"
	"time"
)

// HKID reports whether s is a Hong Kong Identity Card number with a correct mod-11 check,
// an issued prefix, and one of the accepted spellings: "A123456(3)", "A123456 (3)",
// "A1234563", in either case.
func HKID(s string) bool {
	u := strings.ToUpper(s)
	// Normalise the three accepted spellings to prefix+digits+check.
	switch {
	case strings.HasSuffix(u, ")"):
		open := strings.LastIndexByte(u, '(')
		if open < 0 || len(u)-open != 3 {
			return false
		}
		head := strings.TrimSuffix(u[:open], " ")
		if len(u[:open])-len(head) > 1 {
			return false
		}
		u = head + u[open+1:open+2]
	case strings.ContainsAny(u, " ()"):
		return false
	}
	if len(u) != 8 && len(u) != 9 {
		return false
	}
	nLetters := len(u) - 7
	prefix := u[:nLetters]
	for i := range nLetters {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	if !issuedHKIDPrefix(prefix) {
		return false
	}
	for i := nLetters; i < len(u)-1; i++ {
		if u[i] < '0' || u[i] > '9' {
			return false
		}
	}
	// Weighted sum over 9 positions (a single-letter prefix is preceded by a space worth 36),
	// weights 9..1, check character A=10: a valid number sums to 0 mod 11.
	vals := make([]int, 0, 9)
	if nLetters == 1 {
		vals = append(vals, 36)
	}
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= '0' && c <= '9':
			vals = append(vals, int(c-'0'))
		case i == len(u)-1 && c == 'A':
			vals = append(vals, 10)
		case i < nLetters:
			vals = append(vals, int(c-'A')+10)
		default:
			return false
		}
	}
	sum := 0
	for i, v := range vals {
		sum += v * (9 - i)
	}
	return sum%11 == 0
}

func issuedHKIDPrefix(p string) bool {
	if len(p) == 1 {
		return !strings.Contains("IOQU", p) // never issued as single letters
	}
	switch p {
	case "WX", "XA", "XB", "XC", "XD", "XE", "XG", "XH":
		return true
	}
	return false
}

// Province-level codes that begin a valid Resident ID (81–83: residence permits for Hong
// Kong, Macau and Taiwan residents).
var cnProvinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// CNID reports whether s is an 18-character mainland Resident ID: known province code,
// a real date of birth from 1900 up to today, and a valid ISO 7064 MOD 11-2 check.
func CNID(s string) bool {
	if len(s) != 18 {
		return false
	}
	for i := range 17 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	last := s[17]
	if !(last >= '0' && last <= '9') && last != 'X' && last != 'x' {
		return false
	}
	if !cnProvinces[s[:2]] {
		return false
	}
	dob, err := time.Parse("20060102", s[6:14])
	if err != nil || dob.Year() < 1900 || dob.After(time.Now()) {
		return false
	}
	// MOD 11-2: sum of a_i * 2^(17-i) over all 18 characters (X=10) is 1 mod 11.
	sum, w := 0, 1
	for i := 17; i >= 0; i-- {
		v := int(s[i] - '0')
		if i == 17 && (last == 'X' || last == 'x') {
			v = 10
		}
		sum += v * w
		w = w * 2 % 11
	}
	return sum%11 == 1
}

var twCodes = "ABCDEFGHJKLMNPQRSTUVXYWZIO" // letter order by code 10, 11, 12, … 35

// TWID reports whether s is a Taiwan national ID with a valid check digit.
func TWID(s string) bool {
	if len(s) != 10 {
		return false
	}
	code := strings.IndexByte(twCodes, s[0]) + 10
	if code < 10 || (s[1] != '1' && s[1] != '2') {
		return false
	}
	sum := code/10 + code%10*9
	for i := 1; i < 10; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		w := 9 - i
		if i == 9 {
			w = 1
		}
		sum += int(s[i]-'0') * w
	}
	return sum%10 == 0
}

const gb32100 = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// USCC reports whether s is an 18-character Unified Social Credit Code whose GB 32100
// check character and embedded GB 11714 organisation-code check are both right.
func USCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum, w := 0, 1
	for i := range 18 {
		v := strings.IndexByte(gb32100, s[i])
		if v < 0 {
			return false
		}
		if i < 17 {
			sum += v * w
			w = w * 3 % 31
		} else {
			sum += v
		}
	}
	if sum%31 != 0 {
		return false
	}
	return orgCode(s[8:17])
}

func orgCode(s string) bool {
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 8 {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			sum += int(c-'0') * weights[i]
		case c >= 'A' && c <= 'Z':
			sum += (int(c-'A') + 10) * weights[i]
		default:
			return false
		}
	}
	want := 11 - sum%11
	switch c := s[8]; {
	case c == 'X':
		return want == 10
	case c == '0':
		return want == 11
	case c >= '1' && c <= '9':
		return int(c-'0') == want
	}
	return false
}

// HKPassport reports whether s is an HKSAR passport number (H or K and 8 digits).
func HKPassport(s string) bool {
	return len(s) == 9 && (s[0] == 'H' || s[0] == 'K') && digits(s[1:])
}

// CNPassport reports whether s is a PRC passport number (E or G and 8 digits, or E, a
// letter other than I and O, and 7 digits).
func CNPassport(s string) bool {
	if len(s) != 9 {
		return false
	}
	switch {
	case (s[0] == 'E' || s[0] == 'G') && digits(s[1:]):
		return true
	case s[0] == 'E' && s[1] >= 'A' && s[1] <= 'Z' && s[1] != 'I' && s[1] != 'O' && digits(s[2:]):
		return true
	}
	return false
}

// MOID reports whether s is a Macau identity card number: 1, 5 or 7, six digits and a
// check digit, bracketed or not.
func MOID(s string) bool {
	s = strings.Replace(strings.Replace(s, "(", "", 1), ")", "", 1)
	return len(s) == 8 && strings.IndexByte("157", s[0]) >= 0 && digits(s)
}

// HKBR reports whether s is an 8-digit Business Registration number.
func HKBR(s string) bool { return len(s) == 8 && digits(s) }

var hkBankCodes = map[string]bool{
	"003": true, "004": true, "009": true, "012": true, "015": true, "016": true, "020": true,
	"024": true, "025": true, "028": true, "039": true, "040": true, "041": true, "043": true,
	"072": true, "128": true, "250": true, "387": true, "388": true, "389": true,
}

// HKBankAccount reports whether s is a dash-grouped account number that begins with a
// Hong Kong bank code and has 9–12 digits after it.
func HKBankAccount(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts) < 2 || !hkBankCodes[parts[0]] {
		return false
	}
	n := 0
	for _, p := range parts[1:] {
		if !digits(p) {
			return false
		}
		n += len(p)
	}
	return n >= 9 && n <= 12
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
