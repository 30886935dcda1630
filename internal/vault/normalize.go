package vault

import (
	"github.com/hkpii/dingtalk-pii-proxy/internal/widthfold"

	"strings"
	"unicode"
)

// NormalizeFunc maps a value to the canonical form its token is derived from, so that
// spellings of one value share one token (A123456(3) and a1234563). It must be pure and
// identical on every replica: changing it changes tokens.
type NormalizeFunc func(typ, value string) string

// DefaultNormalize is the normalisation used when Options.Normalize is nil:
//
//	every type         trim surrounding white space
//	hkid               upper case; drop brackets, white space and dashes    A123456(3) → A1234563
//	                   (A123456[3] too)
//	hk_phone           digits and a leading +; a number with 852, 00852 or +852 before
//	                   eight digits and a bare eight-digit number both become +852XXXXXXXX
//	cn_mobile          the same with 86 and eleven digits                   → +86XXXXXXXXXXX
//	email              lower case (the local part is case-insensitive in practice)
//	cn_id, hk_passport, cn_passport, mo_id, tw_id, cn_uscc
//	                   upper case; drop white space, brackets and dashes
//	credit_card, cn_bank_card, hk_bank_account
//	                   digits only
//
// Every type is first width-folded as the scanner reads it (package widthfold: ９１２３４５６７ is
// 91234567, Ａ１２３４５６（３） is A123456(3), ｔａｉ＠ｅｘａｍｐｌｅ．ｃｏｍ is tai@example.com), so
// a value typed in full-width forms gets the token, and the keyed hash, of its ASCII form.
//
// Other types (custom ones too) are only trimmed. Callers with different needs pass their
// own function and may call this one for the types they do not handle.
func DefaultNormalize(typ, value string) string {
	v := strings.TrimSpace(widthfold.String(value))
	switch typ {
	case "hkid", "cn_id", "hk_passport", "cn_passport", "mo_id", "tw_id", "cn_uscc":
		return strings.ToUpper(dropRunes(v, func(r rune) bool {
			return unicode.IsSpace(r) || r == '(' || r == ')' || r == '[' || r == ']' || r == '-' || r == '（' || r == '）'
		}))
	case "hk_phone":
		return canonicalPhone(phoneDigits(v), "852", 8)
	case "cn_mobile":
		return canonicalPhone(phoneDigits(v), "86", 11)
	case "email":
		return strings.ToLower(v)
	case "credit_card", "cn_bank_card", "hk_bank_account":
		return dropRunes(v, func(r rune) bool { return r < '0' || r > '9' })
	}
	return v
}

func dropRunes(s string, drop func(rune) bool) string {
	if strings.IndexFunc(s, drop) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !drop(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// phoneDigits keeps ASCII digits and a + that comes before the first digit.
func phoneDigits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '+' && b.Len() == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// canonicalPhone rewrites a national number with or without its country code (cc, as
// +cc, 00cc or cc) to +cc<national>; anything else is returned as it is.
func canonicalPhone(d, cc string, national int) string {
	rest := d
	switch {
	case strings.HasPrefix(rest, "+"+cc):
		rest = rest[1+len(cc):]
	case strings.HasPrefix(rest, "00"+cc):
		rest = rest[2+len(cc):]
	case len(rest) == len(cc)+national && strings.HasPrefix(rest, cc):
		rest = rest[len(cc):]
	}
	if len(rest) == national && !strings.HasPrefix(rest, "+") {
		return "+" + cc + rest
	}
	return d
}
