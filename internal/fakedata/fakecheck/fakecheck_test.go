package fakecheck

import (
	"strings"
	"testing"
)

// Published or hand-verified examples: the HKIDs are the ones API-NOTES §4 lists as
// checked by two implementations; the others are the standard examples of each scheme.
func TestValidators(t *testing.T) {
	cases := []struct {
		typ  string
		in   string
		want bool
	}{
		{"hkid", "A123456(3)", true},
		{"hkid", "K382716(A)", true},
		{"hkid", "C668123(7)", true},
		{"hkid", "Y564201(7)", true},
		{"hkid", "P103857(9)", true},
		{"hkid", "Z683365(A)", true},
		{"hkid", "XA120584(3)", true},
		{"hkid", "M274915(2)", true},
		{"hkid", "a123456(3)", true},
		{"hkid", "A123456 (3)", true},
		{"hkid", "A1234563", true},
		{"hkid", "k382716a", true},
		{"hkid", "A123456(4)", false},
		{"hkid", "A123456  (3)", false},
		{"hkid", "A123456(3", false},
		{"hkid", "I123456(3)", false}, // never-issued prefix, whatever its check
		{"hkid", "1234567(3)", false},
		{"hkid", "A12345(3)", false},
		{"hkid", "", false},
		{"cn_id", "11010519491231002X", true},
		{"cn_id", "11010519491231002x", true},
		{"cn_id", "110105194912310021", false},
		{"cn_id", "11010519491331002X", false}, // month 13
		{"cn_id", "20250318101500123X", false},
		{"cn_id", "1101051949123100", false},
		{"hk_phone", "91234567", true},
		{"hk_phone", "9123 4567", true},
		{"hk_phone", "+852 9123 4567", true},
		{"hk_phone", "+852-91234567", true},
		{"hk_phone", "(852) 91234567", true},
		{"hk_phone", "85291234567", true},
		{"hk_phone", "852-21234567", true},
		{"hk_phone", "00852 61234567", true},
		{"hk_phone", "84123456", true},
		{"hk_phone", "81234567", false},
		{"hk_phone", "11234567", false},
		{"hk_phone", "9123456", false},
		{"hk_phone", "9123  4567", false},
		{"cn_mobile", "13812345678", true},
		{"cn_mobile", "+86 138 1234 5678", true},
		{"cn_mobile", "138-1234-5678", true},
		{"cn_mobile", "0086 13812345678", true},
		{"cn_mobile", "12812345678", false},
		{"cn_mobile", "1381234567", false},
		{"cn_mobile", "14012345678", false},
		{"email", "taiman.chan@example.com", true},
		{"email", "a+b@mail.example.hk", true},
		{"email", "@example.com", false},
		{"email", "a@example", false},
		{"email", "a..b@example.com", false},
		{"email", "a@-example.com", false},
		{"email", "a@example.c0m", false},
		{"credit_card", "4111111111111111", true},
		{"credit_card", "4111 1111 1111 1111", true},
		{"credit_card", "4111-1111-1111-1111", true},
		{"credit_card", "5555555555554444", true},
		{"credit_card", "2223000048400011", true},
		{"credit_card", "378282246310005", true},
		{"credit_card", "3530111333300000", true},
		{"credit_card", "6212345678901232", true},
		{"credit_card", "4111111111111112", false},
		{"credit_card", "1742264100002", false}, // an epoch millisecond, whatever Luhn says
		{"credit_card", "4111  1111 1111 1111", false},
		{"cn_bank_card", "6222021234567890128", Luhn("6222021234567890128")},
		{"cn_bank_card", "4111111111111111", false},
		{"ipv4", "203.0.113.7", true},
		{"ipv4", "256.1.1.1", false},
		{"ipv4", "1.2.3", false},
		{"ipv6", "2001:db8::1", true},
		{"ipv6", "::ffff:1.2.3.4", false},
		{"ipv6", "2001:db8::g", false},
		{"tw_id", "A123456789", true},
		{"tw_id", "A123456788", false},
		{"tw_id", "A323456789", false},
		{"cn_uscc", "91350100M000100Y43", true},
		{"cn_uscc", "91350100M000100Y44", false},
		{"cn_uscc", "91350100M000100Y4", false},
		{"hk_passport", "K12345678", true},
		{"hk_passport", "A12345678", false},
		{"cn_passport", "E12345678", true},
		{"cn_passport", "EA1234567", true},
		{"cn_passport", "EO1234567", false},
		{"mo_id", "5215299(8)", true},
		{"mo_id", "52152998", true},
		{"mo_id", "3215299(8)", false},
		{"hk_br", "12345678", true},
		{"hk_br", "1234567", false},
		{"hk_bank_account", "004-512-345678-838", true},
		{"hk_bank_account", "012-875-0-123456-7", true},
		{"hk_bank_account", "999-512-345678-838", false},
		{"hk_bank_account", "004-512", false},
		{"person_name", "陳大文", true},
		{"person_name", "CHAN, Tai Man", true},
		{"person_name", "Peter Chan", true},
		{"person_name", "Peter2", false},
		{"person_name", "陳大文 (Peter Chan)", true},
		{"person_name", "陳大文（Peter Chan）", true},
		{"person_name", "陳大文 (Peter2)", false},
		{"person_name", "陳大文 ()", false},
		{"date_of_birth", "1988-07-14", true},
		{"date_of_birth", "1988/07/14", true},
		{"date_of_birth", "1988年7月14日", true},
		{"date_of_birth", "1988-02-30", false},
		{"address", "Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon", true},
		{"address", "香港九龍旺角彌敦道688號12樓B室", true},
		{"address", "Kwun Tong", false},
	}
	for _, c := range cases {
		got, known := Valid(c.typ, c.in)
		if !known {
			t.Fatalf("type %q unknown", c.typ)
		}
		if got != c.want {
			t.Errorf("%s(%q) = %v, want %v", c.typ, c.in, got, c.want)
		}
	}
	if _, known := Valid("nope", "x"); known {
		t.Error("unknown type reported as known")
	}
	for _, typ := range Types() {
		if _, known := Valid(typ, ""); !known {
			t.Errorf("Types lists %q but Valid does not know it", typ)
		}
	}
}

func TestCardBrand(t *testing.T) {
	for d, want := range map[string]string{
		"4111111111111111": "visa", "5105105105105100": "mastercard", "2720990000000000": "mastercard",
		"371449635398431": "amex", "6200000000000005": "unionpay", "3566002020360505": "jcb",
		"6011111111111117": "discover", "30569309025904": "diners", "1742264100000": "", "": "",
	} {
		if got := CardBrand(d); got != want {
			t.Errorf("CardBrand(%q) = %q, want %q", d, got, want)
		}
	}
}

// FuzzValid checks that no validator panics and that HKID validity ignores letter case,
// which every spelling rule above promises.
func FuzzValid(f *testing.F) {
	for _, s := range []string{"A123456(3)", "XA120584 (3)", "11010519491231002X", "+852 9123 4567", "4111 1111 1111 1111", "a@b.cd", "2001:db8::1", "91350100M000100Y43", "(", ")", "A(3)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range Types() {
			Valid(typ, s)
		}
		if HKID(s) != HKID(strings.ToLower(s)) || HKID(s) != HKID(strings.ToUpper(s)) {
			t.Errorf("HKID validity depends on case for %q", s)
		}
		if HKPhone(s) && !strings.ContainsAny(s, "0123456789") {
			t.Errorf("HKPhone accepted %q without digits", s)
		}
	})
}
