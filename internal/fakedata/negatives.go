package fakedata

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// epochDay turns Unix milliseconds into the UTC calendar day containing them.
func epochDay(ms int64) time.Time {
	t := time.UnixMilli(ms).UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// DeptID returns an 8–9 digit DingTalk department id. Such ids are deliberately left
// phone-shaped: a detector must tell them apart by key, not by digits.
func (g *Gen) DeptID() int64 {
	if g.Chance(0.7) {
		return int64(g.Between(100000000, 999999999))
	}
	return int64(g.Between(10000000, 99999999))
}

// OrderNo returns an order or invoice number: "PO20250318-000123", "SO202503180123",
// "INV-2025-004512" or a long numeric business id such as "202503181015000123456".
func (g *Gen) OrderNo() string {
	d := g.dateBetween(epochDay(epochFrom), epochDay(epochTo)).Format("20060102")
	switch g.Intn(4) {
	case 0:
		return g.Pick([]string{"PO", "SO", "DO"}) + d + "-" + g.Digits(6)
	case 1:
		return g.Pick([]string{"PO", "SO", "HK"}) + d + g.Digits(4)
	case 2:
		return "INV-" + d[:4] + "-" + g.Digits(6)
	default:
		return d + fmt.Sprintf("%02d%02d", g.Intn(24), g.Intn(60)) + g.Digits(9)
	}
}

// Amount returns a money amount as written in invoices and chat: "HK$12,345.60",
// "12345.60", "¥3,200.00", "HKD 8,800", "$ 99.5".
func (g *Gen) Amount() string {
	cents := g.Between(100, 50000000)
	whole, frac := cents/100, cents%100
	plain := strconv.Itoa(whole) + "." + fmt.Sprintf("%02d", frac)
	grouped := groupThousands(whole) + "." + fmt.Sprintf("%02d", frac)
	switch g.Intn(6) {
	case 0:
		return "HK$" + grouped
	case 1:
		return plain
	case 2:
		return "¥" + grouped
	case 3:
		return "HKD " + groupThousands(whole)
	case 4:
		return "RMB " + grouped
	default:
		return "$" + plain
	}
}

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// UserID returns a DingTalk userid derived from a romanised name ("Chan Tai Man" →
// "chantaiman"), or a role-style id such as "manager4220" when name has no ASCII letters.
func (g *Gen) UserID(name string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(name) {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
		}
	}
	if b.Len() > 0 {
		return b.String()
	}
	return g.Pick([]string{"manager", "staff", "user", "hr", "admin", "finance"}) + g.Digits(4)
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// UnionID returns a 27-character DingTalk unionid such as "Qm7iSZx8JdFiiE2YtPz0aFwiEiE"
// (23 random characters and the "iEiE" tail real unionids carry).
func (g *Gen) UnionID() string { return g.token(base62, 23) + "iEiE" }

// RequestID returns a 12-character legacy request_id such as "3k9xh2mf0q7a".
func (g *Gen) RequestID() string { return g.token("0123456789abcdefghijklmnopqrstuvwxyz", 12) }

// TaskID returns an 11–12 digit work-notification or approval task id. It never starts
// with 1, so an 11-digit id cannot read as a mainland mobile number.
func (g *Gen) TaskID() int64 { return int64(g.Between(20000000000, 999999999999)) }

// JobNumber returns an employee number such as "HK000123".
func (g *Gen) JobNumber() string { return "HK" + fmt.Sprintf("%06d", g.Between(1, 9999)) }

// Version returns a three-part software version such as "2.2.27" or "v1.13.0". It never
// has four parts, which would read as an IPv4 address.
func (g *Gen) Version() string {
	v := fmt.Sprintf("%d.%d.%d", g.Intn(12), g.Intn(40), g.Intn(60))
	if g.Chance(0.3) {
		v = "v" + v
	}
	return v
}

// UUID returns a random RFC 4122 version-4 UUID string, as used for processInstanceId.
// Its first group is never a letter or two followed by digits only: "e9123456-…" would
// read as a lower-case HKID with its check digit, and in a real payload it never is one.
func (g *Gen) UUID() string {
	for {
		h := g.token("0123456789abcdef", 32)
		if hkidShaped(h[:8]) {
			continue
		}
		return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-" + string("89ab"[g.Intn(4)]) + h[17:20] + "-" + h[20:]
	}
}

func (g *Gen) token(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.Intn(len(alphabet))]
	}
	return string(b)
}

// Token returns n random characters of alphabet, for fake ids of any shape.
func (g *Gen) Token(alphabet string, n int) string { return g.token(alphabet, n) }

// hkidShaped reports whether s is one or two letters followed by digits only.
func hkidShaped(s string) bool {
	letters := len(s) - len(strings.TrimLeft(s, "abcdefABCDEF"))
	return (letters == 1 || letters == 2) && strings.Trim(s[letters:], "0123456789") == ""
}
