package checkdigit

import "testing"

// Published numbers: each must get its own check character back from its body.
func TestPublishedNumbers(t *testing.T) {
	for _, c := range []struct {
		name, number string
		check        func(string) (byte, bool)
	}{
		// Wikipedia "Luhn algorithm"; the card networks' test numbers.
		{"luhn", "79927398713", luhn},
		{"luhn", "4111111111111111", luhn},
		{"luhn", "5500005555555559", luhn},
		{"luhn", "378282246310005", luhn},
		{"luhn", "6212345678901265", luhn},
		// GS1's examples: an EAN-13 (Wikipedia "International Article Number") and a UPC-A.
		{"gtin", "4006381333931", gtin},
		{"gtin", "036000291452", gtin},
		{"gtin", "96385074", gtin}, // EAN-8
		// HKID examples of iam-samleung/hkid_ops and iLexN/HKID-Check-Digit.
		{"hkid", "A1234563", hkid},
		{"hkid", "G123456A", hkid},
		{"hkid", "K0341789", hkid},
		{"hkid", "EC1234569", hkid},
		// GB 11643-1999's example, and ids from the Ministry of Public Security's notes.
		{"cn_id", "11010519491231002X", cnID},
		{"cn_id", "440524188001010014", cnID},
		{"cn_id", "360426199101010071", cnID},
		{"cn_id", "44011320141005001X", cnID},
		// GB 32100-2015's example code (its organisation code M000100Y-4 inside it).
		{"uscc", "91350100M000100Y43", uscc},
		{"org", "M000100Y4", org},
		// Taiwan's Ministry of the Interior example; an old resident certificate
		// (taiwan-id-validator's test vectors).
		{"tw_id", "A123456789", twID},
		{"tw_id", "AC01234567", twID},
		{"tw_id", "AA00000009", twID},
	} {
		body, want := c.number[:len(c.number)-1], c.number[len(c.number)-1]
		got, ok := c.check(body)
		if !ok || got != want {
			t.Errorf("%s %s: check %q (ok %v), want %q", c.name, c.number, got, ok, want)
		}
	}
}

func luhn(body string) (byte, bool) { return Luhn(body), true }
func gtin(body string) (byte, bool) { return GTIN(body), true }
func hkid(body string) (byte, bool) { n := len(body) - 6; return HKID(body[:n], body[n:]), true }
func cnID(body string) (byte, bool) { return CNID(body), true }
func uscc(body string) (byte, bool) { return USCC(body) }
func org(body string) (byte, bool)  { return OrgCode(body), true }
func twID(body string) (byte, bool) { return TWID(body) }

func TestLuhnValid(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"79927398713", true},
		{"79927398710", false},
		{"0", true},
		{"", false},
		{"4111 1111 1111 1111", false}, // digits only
		{"411111111111111a", false},
	} {
		if got := LuhnValid(c.in); got != c.want {
			t.Errorf("LuhnValid(%q) = %v", c.in, got)
		}
		if got := LuhnValid([]byte(c.in)); got != c.want {
			t.Errorf("LuhnValid([]byte(%q)) = %v", c.in, got)
		}
	}
	// Luhn and LuhnValid agree: exactly one digit completes any body.
	for _, body := range []string{"7992739871", "411111111111111", "0", "12345678901234567"} {
		n := 0
		for d := byte('0'); d <= '9'; d++ {
			if LuhnValid(body + string(d)) {
				n++
				if d != Luhn(body) {
					t.Errorf("Luhn(%q) = %q, but %q validates", body, Luhn(body), d)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d check digits complete %q", n, body)
		}
	}
}

func TestGTINValid(t *testing.T) {
	for in, want := range map[string]bool{"4006381333931": true, "4006381333932": false, "036000291452": true,
		"4222222222222": false, "": false, "7": false, "40063813339a1": false} {
		if GTINValid(in) != want {
			t.Errorf("GTINValid(%q) = %v", in, !want)
		}
	}
}

func TestRejects(t *testing.T) {
	if _, ok := USCC("91350100I000100Y4"); ok { // I is not in the alphabet
		t.Error("USCC accepted I")
	}
	if _, ok := TWID("A32345678"); ok { // 3 is no sex or resident digit
		t.Error("TWID accepted a second character 3")
	}
	if _, ok := TWID("AE0123456"); ok { // old certificates use A-D only
		t.Error("TWID accepted a second letter E")
	}
	if HKID("A", "000000") != HKID([]byte("A"), []byte("000000")) {
		t.Error("string and []byte differ")
	}
}
