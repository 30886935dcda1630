package ident

import "testing"

func TestValid(t *testing.T) {
	for _, tc := range []struct {
		s    string
		max  int
		want bool
	}{
		{"hkid", 32, true},
		{"hk_phone", 32, true},
		{"pii_proxy_calls_total", 64, true},
		{"a", 1, true},
		{"a1_", 3, true},
		{"", 32, false},
		{"ab", 1, false},        // too long
		{"1abc", 32, false},     // starts with a digit
		{"_abc", 32, false},     // starts with '_'
		{"Hkid", 32, false},     // upper case
		{"hk-phone", 32, false}, // '-'
		{"hk phone", 32, false}, // space
		{"hkid\x00", 32, false}, // control byte
		{"hk\u00e9", 32, false}, // non-ASCII
		{"91234567", 32, false}, // a value, not a name
	} {
		if got := Valid(tc.s, tc.max); got != tc.want {
			t.Errorf("Valid(%q, %d) = %v, want %v", tc.s, tc.max, got, tc.want)
		}
		if got := Valid([]byte(tc.s), tc.max); got != tc.want {
			t.Errorf("Valid([]byte(%q), %d) = %v, want %v", tc.s, tc.max, got, tc.want)
		}
	}
}

func TestRestAndByte(t *testing.T) {
	if !Rest("") || !Rest("abc_09") || Rest("ab-c") || Rest("aB") {
		t.Error("Rest")
	}
	for c := 0; c < 256; c++ {
		want := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
		if Byte(byte(c)) != want {
			t.Errorf("Byte(%q) = %v", byte(c), !want)
		}
	}
}
