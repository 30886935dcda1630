package fakecheck

import "strconv"

// Luhn reports whether a string of digits passes the Luhn (mod 10) check.
func Luhn(d string) bool {
	if !digits(d) {
		return false
	}
	sum := 0
	for i := range len(d) {
		v := int(d[i] - '0')
		if (len(d)-i)%2 == 0 { // every second digit from the right
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// cardDigits removes spaces or dashes between groups.
func cardDigits(s string) (string, bool) {
	d, ok := compactDigits(s)
	return d, ok && len(d) >= 12
}

func prefixIn(d string, n, lo, hi int) bool {
	if len(d) < n {
		return false
	}
	v, err := strconv.Atoi(d[:n])
	return err == nil && v >= lo && v <= hi
}

// CardBrand returns the brand whose prefix and length d (digits only) matches, or "".
func CardBrand(d string) string {
	n := len(d)
	if n == 0 {
		return ""
	}
	switch {
	case d[0] == '4' && (n == 13 || n == 16 || n == 19):
		return "visa"
	case (prefixIn(d, 2, 51, 55) || prefixIn(d, 6, 222100, 272099)) && n == 16:
		return "mastercard"
	case (prefixIn(d, 2, 34, 34) || prefixIn(d, 2, 37, 37)) && n == 15:
		return "amex"
	case prefixIn(d, 2, 62, 62) && n >= 16 && n <= 19:
		return "unionpay"
	case prefixIn(d, 4, 3528, 3589) && n >= 16 && n <= 19:
		return "jcb"
	case (prefixIn(d, 4, 6011, 6011) || prefixIn(d, 2, 65, 65) || prefixIn(d, 3, 644, 649)) && n >= 16 && n <= 19:
		return "discover"
	case (prefixIn(d, 3, 300, 305) || prefixIn(d, 2, 36, 36) || prefixIn(d, 2, 38, 39)) && n >= 14 && n <= 16:
		return "diners"
	}
	return ""
}

// CreditCard reports whether s (optionally grouped with spaces or dashes) is a card
// number of a known brand's prefix and length that passes Luhn.
func CreditCard(s string) bool {
	d, ok := cardDigits(s)
	return ok && CardBrand(d) != "" && Luhn(d)
}

// CNBankCard reports whether s is a UnionPay card number: 62, 16–19 digits, Luhn-valid.
func CNBankCard(s string) bool {
	d, ok := cardDigits(s)
	return ok && len(d) >= 16 && len(d) <= 19 && d[:2] == "62" && Luhn(d)
}
