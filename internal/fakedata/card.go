package fakedata

import (
	"strconv"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// withLuhn completes prefix with random digits to length n, the last being the Luhn check.
func (g *Gen) withLuhn(prefix string, n int) string {
	body := prefix + g.Digits(n-1-len(prefix))
	return body + string(checkdigit.Luhn(body))
}

// UnionPay debit BINs of large mainland banks (ICBC, ABC, BOC, CCB, CMB, BoCom).
var unionPayBINs = []string{"622202", "622208", "621226", "622848", "621661", "621700", "623668", "622588", "621483", "622260", "622262"}

// CreditCard returns a Luhn-valid card number with a real brand prefix and length: Visa,
// Mastercard (51–55 and the 2221–2720 series), American Express, UnionPay and JCB.
func (g *Gen) CreditCard() string {
	switch g.PickWeighted([]int{35, 20, 10, 12, 13, 10}) {
	case 0: // Visa
		return g.withLuhn("4"+g.Digits(5), 16)
	case 1: // Mastercard 51–55
		return g.withLuhn("5"+strconv.Itoa(1+g.Intn(5))+g.Digits(4), 16)
	case 2: // Mastercard 2-series, 222100–272099
		return g.withLuhn(strconv.Itoa(g.Between(222100, 272099)), 16)
	case 3: // American Express
		return g.withLuhn(g.Pick([]string{"34", "37"})+g.Digits(4), 15)
	case 4: // UnionPay credit, 16–19 digits
		return g.withLuhn("62"+strconv.Itoa(2126+g.Intn(800)), g.Between(16, 19))
	default: // JCB 3528–3589
		return g.withLuhn(strconv.Itoa(g.Between(3528, 3589))+g.Digits(2), 16)
	}
}

// CardStyled groups a card number as it is printed (4-4-4-4, Amex 4-6-5), with spaces or
// dashes, or leaves it plain. Non-digit input is returned unchanged.
func (g *Gen) CardStyled(n string) string {
	if !allDigits(n) {
		return n
	}
	sep := []string{"", " ", "-"}[g.PickWeighted([]int{35, 45, 20})]
	if sep == "" {
		return n
	}
	var groups []int
	switch len(n) {
	case 15:
		groups = []int{4, 6, 5}
	default:
		for rest := len(n); rest > 0; rest -= 4 {
			groups = append(groups, min(4, rest))
		}
	}
	var b strings.Builder
	at := 0
	for i, k := range groups {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(n[at : at+k])
		at += k
	}
	return b.String()
}

// CNBankCard returns a UnionPay debit card number (62…, 16–19 digits, Luhn-valid).
func (g *Gen) CNBankCard() string {
	n := []int{16, 17, 18, 19}[g.PickWeighted([]int{45, 5, 5, 45})]
	return g.withLuhn(g.Pick(unionPayBINs), n)
}

var (
	epochFrom = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli()
	epochTo   = time.Date(2030, 12, 31, 0, 0, 0, 0, time.UTC).UnixMilli()
)

// EpochMillis returns a 13-digit Unix time in milliseconds between 2015 and 2030.
func (g *Gen) EpochMillis() int64 { return epochFrom + g.r.Int64N(epochTo-epochFrom) }

// EpochSeconds returns a 10-digit Unix time in seconds between 2015 and 2030.
func (g *Gen) EpochSeconds() int64 { return g.EpochMillis() / 1000 }

// LuhnValidTimestamp returns a 13-digit millisecond or 16-digit microsecond Unix time
// that passes the Luhn check, the classic trap for card detectors that skip BIN checks.
func (g *Gen) LuhnValidTimestamp() string {
	s := strconv.FormatInt(g.EpochMillis(), 10)
	if g.Chance(0.4) {
		s += g.Digits(3)
	}
	body := s[:len(s)-1]
	return body + string(checkdigit.Luhn(body))
}
