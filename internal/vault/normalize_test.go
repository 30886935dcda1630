package vault

import "testing"

func TestDefaultNormalize(t *testing.T) {
	for _, tc := range []struct{ typ, in, want string }{
		{"hkid", "A123456(3)", "A1234563"},
		{"hkid", " a123456 (3) ", "A1234563"},
		{"hkid", "AB987654（A）", "AB987654A"}, // full-width brackets from CJK input methods
		{"hkid", "A123456-3", "A1234563"},
		{"hkid", "A123456[3]", "A1234563"},             // the square-bracket form some systems print
		{"hk_phone", "9123\u00a04567", "+85291234567"}, // a no-break space between the groups
		{"hk_phone", "9123 4567", "+85291234567"},
		{"hk_phone", "+852 9123-4567", "+85291234567"},
		{"hk_phone", "(852) 91234567", "+85291234567"},
		{"hk_phone", "00852 9123 4567", "+85291234567"},
		{"hk_phone", "85291234567", "+85291234567"},
		{"hk_phone", "+1 415 555 0100", "+14155550100"}, // not Hong Kong: digits and + only
		{"hk_phone", "9123 456", "9123456"},             // too short to be a full number
		{"hk_phone", "tel: 9123+4567", "+85291234567"},  // a + after digits is dropped
		{"cn_mobile", "138-0013-8000", "+8613800138000"},
		{"cn_mobile", "+86 138 0013 8000", "+8613800138000"},
		{"cn_mobile", "0086 13800138000", "+8613800138000"},
		{"email", " Chan.TaiMan@Example.COM ", "chan.taiman@example.com"},
		{"cn_id", "11010519491231002x", "11010519491231002X"},
		{"cn_id", "110105 19491231 002X", "11010519491231002X"},
		{"credit_card", "4111-1111 1111-1111", "4111111111111111"},
		{"hk_bank_account", "012-345-67890-1", "012345678901"},
		// Full-width forms from CJK input methods share the ASCII spelling's token.
		{"hk_phone", "９１２３　４５６７", "+85291234567"},
		{"hk_phone", "＋８５２ ９１２３ ４５６７", "+85291234567"},
		{"cn_mobile", "１３８００１３８０００", "+8613800138000"},
		{"hkid", "Ａ１２３４５６（３）", "A1234563"},
		{"credit_card", "４１１１ １１１１ １１１１ １１１１", "4111111111111111"},
		{"person_name", "  陳大文  ", "陳大文"},
		// Every type is folded as the scanner reads it, so the token matches the keyed hash,
		// which has always been computed from the folded form.
		{"person_name", "Ｃｈａｎ Ｔａｉ Ｍａｎ", "Chan Tai Man"},
		{"email", "ｔａｉｍａｎ＠Ｅｘａｍｐｌｅ．ｃｏｍ", "taiman@example.com"},
		{"email", "我買＠屋企．香港", "我買@屋企.香港"},
		{"person_name", "姓名：　陳大文", "姓名：　陳大文"}, // layout space and CJK text stay
		{"custom_type", "  Keep Case  ", "Keep Case"},
		{"email", "   ", ""},
	} {
		if got := DefaultNormalize(tc.typ, tc.in); got != tc.want {
			t.Errorf("DefaultNormalize(%s, %q) = %q, want %q", tc.typ, tc.in, got, tc.want)
		}
	}
}

// Normalisation is idempotent: a normalised value normalises to itself, so a token
// computed from a value read back out of the vault equals the original token.
func FuzzDefaultNormalize(f *testing.F) {
	for _, s := range []string{"A123456(3)", "+852 9123 4567", "x@Y.com", "4111 1111", "（A）", "\xff", " ）　１", "１　２", "ｘ＠Ｙ．ｃｏｍ"} {
		f.Add("hkid", s)
		f.Add("hk_phone", s)
	}
	f.Add("email", "A@B")
	f.Add("cn_mobile", "+86 138 0013 8000")
	f.Fuzz(func(t *testing.T, typ, value string) {
		once := DefaultNormalize(typ, value)
		if twice := DefaultNormalize(typ, once); twice != once {
			t.Fatalf("not idempotent for %s: %q -> %q -> %q", typ, value, once, twice)
		}
	})
}
