// Package checkdigit computes the check characters of the identifiers this product
// recognises: Luhn (cards, bank cards), GS1 (the barcodes a card number must not be taken
// for), the Hong Kong identity card's mod 11, the mainland
// Resident ID's ISO 7064 MOD 11-2, the Unified Social Credit Code's mod 31 and the GB 11714
// organisation code inside it, and the Taiwan ID's weighted mod 10. The detectors validate
// with it and the test-data generator issues numbers with it, so the two cannot drift apart;
// the tests pin every algorithm to numbers published by their issuers or by the public
// validators cited beside them.
//
// Every function takes a string or a byte slice (the detectors hold bytes, the generator
// strings) and expects the caller to have checked the shape (lengths, digits): the check
// is computed, not the format validated.
package checkdigit

// GTIN returns the GS1 check digit (EAN-8, UPC-A, EAN-13, GTIN-14) to append to body, a
// string of ASCII digits: weights 3 and 1 alternate from the body's rightmost digit.
func GTIN[S ~string | ~[]byte](body S) byte {
	sum := 0
	for i := len(body) - 1; i >= 0; i -= 2 {
		sum += 3 * int(body[i]-'0')
		if i > 0 {
			sum += int(body[i-1] - '0')
		}
	}
	return byte('0' + (10-sum%10)%10)
}

// GTINValid reports whether digits, check digit last, pass the GS1 check. Anything but
// ASCII digits, and fewer than two of them, fails.
func GTINValid[S ~string | ~[]byte](digits S) bool {
	for i := 0; i < len(digits); i++ {
		if digits[i]-'0' > 9 {
			return false
		}
	}
	return len(digits) > 1 && GTIN(digits[:len(digits)-1]) == digits[len(digits)-1]
}

// Luhn returns the Luhn (mod 10) check digit to append to body, a string of ASCII digits.
func Luhn[S ~string | ~[]byte](body S) byte {
	return byte('0' + (10-luhnSum(body, true)%10)%10)
}

// LuhnValid reports whether digits, check digit last, pass the Luhn check. Anything but
// ASCII digits, and the empty string, fails.
func LuhnValid[S ~string | ~[]byte](digits S) bool {
	for i := 0; i < len(digits); i++ {
		if digits[i]-'0' > 9 {
			return false
		}
	}
	return len(digits) > 0 && luhnSum(digits, false)%10 == 0
}

// luhnSum adds the digits from the right, doubling every second one; doubleLast says
// whether the rightmost digit of d is doubled (it is when d is the body before its check
// digit).
func luhnSum[S ~string | ~[]byte](d S, doubleLast bool) int {
	sum := 0
	double := doubleLast
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum
}

// HKID returns the check character ('0'-'9' or 'A') of a Hong Kong identity card number:
// prefix is one or two upper-case letters, digits the six digits. A=10 … Z=35, a
// one-letter prefix is led by a space worth 36, weights 9 down to 2, then 11 − sum mod 11.
func HKID[S ~string | ~[]byte](prefix, digits S) byte {
	var sum int
	if len(prefix) == 2 {
		sum = int(prefix[0]-'A'+10)*9 + int(prefix[1]-'A'+10)*8
	} else {
		sum = 36*9 + int(prefix[0]-'A'+10)*8
	}
	for i := 0; i < 6; i++ {
		sum += int(digits[i]-'0') * (7 - i)
	}
	c := (11 - sum%11) % 11
	if c == 10 {
		return 'A'
	}
	return byte('0' + c)
}

var cnIDWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// CNID returns the ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') of the first 17
// digits of a mainland Resident Identity Card number (GB 11643-1999).
func CNID[S ~string | ~[]byte](body S) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(body[i]-'0') * cnIDWeights[i]
	}
	return "10X98765432"[sum%11]
}

// USCCChars is the alphabet of the Unified Social Credit Code (GB 32100-2015): digits and
// the upper-case letters without I, O, S, V and Z.
const USCCChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccValue maps a character to its value in USCCChars, -1 when it is not in it.
var usccValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(USCCChars); i++ {
		t[USCCChars[i]] = int8(i)
	}
	return t
}()

// USCC returns the mod-31 check character of the first 17 characters of a Unified Social
// Credit Code, and false when one of them is not in USCCChars.
func USCC[S ~string | ~[]byte](body S) (byte, bool) {
	sum := 0
	for i := 0; i < 17; i++ {
		v := usccValue[body[i]]
		if v < 0 {
			return 0, false
		}
		sum += int(v) * usccWeights[i]
	}
	return USCCChars[(31-sum%31)%31], true
}

// OrgCode returns the GB 11714 check character ('0'-'9' or 'X') of an eight-character
// organisation code (digits and upper-case letters), the ninth character of which, in a
// USCC, stands at position 17.
func OrgCode[S ~string | ~[]byte](body S) byte {
	w := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 8; i++ {
		c := body[i]
		v := int(c - '0')
		if c >= 'A' {
			v = int(c-'A') + 10
		}
		sum += v * w[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// twLetter is the two-digit value of each leading letter of a Taiwan ID (A=10 … H=17,
// I=34, J=18 … N=22, O=35, P=23 … V=29, W=32, X=30, Y=31, Z=33).
var twLetter = [26]int{10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33}

// TWID returns the check digit of the first nine characters of a Taiwan ID: an upper-case
// letter, the second character (1, 2, 8 or 9; or A–D in resident certificates issued
// before 2021, which count with the units digit of their letter's value) and seven digits.
// It returns false for any other second character.
func TWID[S ~string | ~[]byte](body S) (byte, bool) {
	var second int
	switch c := body[1]; c {
	case '1', '2', '8', '9':
		second = int(c - '0')
	case 'A', 'B', 'C', 'D':
		second = twLetter[c-'A'] % 10
	default:
		return 0, false
	}
	v := twLetter[body[0]-'A']
	sum := v/10 + (v%10)*9 + second*8
	for i := 2; i <= 8; i++ {
		sum += int(body[i]-'0') * (9 - i)
	}
	return byte('0' + (10-sum%10)%10), true
}
