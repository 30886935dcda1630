package fakecheck

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PersonName reports whether s could be a person's name: 2–64 bytes of letters (Latin or
// CJK), spaces, commas, hyphens and apostrophes, and no digits.
func PersonName(s string) bool {
	if len(s) < 2 || len(s) > 64 || strings.TrimSpace(s) != s {
		return false
	}
	// The person's other name may follow in brackets, as one value: "陳大文 (Peter Chan)".
	if o := strings.IndexAny(s, "(（"); o > 0 {
		inner := strings.TrimRight(s[o:], ")）")
		inner = strings.TrimLeft(inner, "(（")
		return len(inner) > 0 && strings.HasSuffix(s, ")") != strings.HasSuffix(s, "）") &&
			PersonName(strings.TrimSpace(s[:o])) && PersonName(inner)
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" ,-'.", r) {
			return false
		}
	}
	return true
}

var dobLayouts = []string{"2006-01-02", "2006/01/02", "02/01/2006", "2006年1月2日", "20060102", "2 Jan 2006", "2006-01-02T15:04:05Z07:00"}

// DateOfBirth reports whether s is a calendar date in a common layout with a year from
// 1900 up to today.
func DateOfBirth(s string) bool {
	for _, l := range dobLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Year() >= 1900 && !t.After(time.Now())
		}
	}
	return false
}

// Address reports whether s looks like a street address: a number and a street word in
// English or Chinese, at most 200 bytes.
func Address(s string) bool {
	if !utf8.ValidString(s) || len(s) > 200 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for _, w := range []string{"Road", "Street", "Avenue", "道", "街", "路", "號"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Valid dispatches on a PII type id of DESIGN.md §4. known is false for an unknown id.
func Valid(typ, s string) (ok, known bool) {
	f, known := byType[typ]
	if !known {
		return false, false
	}
	return f(s), true
}

var byType = map[string]func(string) bool{
	"hkid":            HKID,
	"hk_phone":        HKPhone,
	"cn_mobile":       CNMobile,
	"cn_id":           CNID,
	"email":           Email,
	"credit_card":     CreditCard,
	"ipv4":            IPv4,
	"ipv6":            IPv6,
	"hk_passport":     HKPassport,
	"cn_passport":     CNPassport,
	"mo_id":           MOID,
	"tw_id":           TWID,
	"cn_uscc":         USCC,
	"hk_br":           HKBR,
	"hk_bank_account": HKBankAccount,
	"cn_bank_card":    CNBankCard,
	"person_name":     PersonName,
	"date_of_birth":   DateOfBirth,
	"address":         Address,
}

// Types lists the type ids Valid knows, in catalogue order.
func Types() []string {
	return []string{"hkid", "hk_phone", "cn_mobile", "cn_id", "email", "credit_card", "ipv4", "ipv6",
		"hk_passport", "cn_passport", "mo_id", "tw_id", "cn_uscc", "hk_br", "hk_bank_account",
		"cn_bank_card", "person_name", "date_of_birth", "address"}
}
