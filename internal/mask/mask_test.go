package mask

import (
	"crypto/sha256"
	"encoding/base32"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

func TestMask(t *testing.T) {
	for _, tc := range []struct {
		typ      detect.Type
		in, want string
	}{
		{detect.HKPhone, "91234567", "9***4567"},
		{detect.HKPhone, "9123 4567", "9*** 4567"},
		{detect.HKPhone, "+852 9123 4567", "+852 9*** 4567"},
		{detect.HKPhone, "+852-91234567", "+852-9***4567"},
		{detect.HKPhone, "(852) 2345 6789", "(852) 2*** 6789"},
		{detect.HKPhone, "0085291234567", "008529***4567"},
		// An extension is starred with the exchange digits; the number's last four stay.
		{detect.HKPhone, "852-36187078-693", "852-3***7078-***"},
		{detect.HKPhone, "+852 3618 7078 ext. 693", "+852 3*** 7078 ext. ***"},
		{detect.HKPhone, "3618 7078 轉 12", "3*** 7078 轉 **"},
		{detect.HKPhone, "852-3***7078-***", "852-3***7078-***"},
		// Another country's number in a field declared hk_phone: the extra digits lead.
		{detect.HKPhone, "+1 415 555 2671", "+1 415 *** 2671"},
		{detect.HKPhone, "912345", "9*2345"},
		{detect.CNMobile, "13800138000", "138****8000"},
		{detect.CNMobile, "+86 138 0013 8000", "+86 138 **** 8000"},
		{detect.HKID, "A123456(3)", "A123***(*)"},
		{detect.HKID, "XA120584(3)", "XA120***(*)"},
		{detect.HKID, "a1234563", "a123****"},
		{detect.CNID, "11010519491231002X", "110***********002X"},
		{detect.Email, "taiman.chan@example.com", "t***@example.com"},
		{detect.Email, "postmaster@[192.0.2.10]", "p***@[192.0.*.*]"},
		{detect.Email, "_test@[IPv6:2001:db8:85a3::8a2e:370:7334]", "_***@[IPv6:2001:db8:*]"},
		{detect.Email, "\"john..doe\"@example.org", "\"***@example.org"},
		{detect.CreditCard, "4111 1111 1111 1111", "**** **** **** 1111"},
		{detect.CreditCard, "4111111111111111", "************1111"},
		{detect.HKBankAccount, "004-512-345678-838", "***-***-******-838"},
		{detect.IPv4, "203.0.113.45", "203.0.*.*"},
		{detect.IPv6, "2001:db8:85a3::8a2e:370:7334", "2001:db8:*"},
		{detect.HKPassport, "K12345678", "K******78"},
		{detect.PersonName, "陳大文", "陳**"},
		{detect.PersonName, "Peter Chan", "P**** C***"},
		{detect.PersonName, "CHAN, Tai Man", "C***, T** M**"},
		{detect.DateOfBirth, "1988-07-14", "1988-**-**"},
		{detect.DateOfBirth, "14/07/1988", "**/**/1988"},
		{detect.Address, "Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon", "**** *, **/*, *** ****** ****, **** ***, Kowloon"},
		{detect.Address, "香港九龍觀塘道388號15樓", "香港九龍**********"},
		{"staff_no", "EMP-123456", "E**-*****6"},
		{"staff_no", "ab", "**"},
		// Full-width forms, read by the scanner as their ASCII counterparts, are masked alike.
		{detect.HKPhone, "９１２３４５６７", "９***４５６７"},
		{detect.HKPhone, "＋８５２　９１２３　４５６７", "＋８５２　９***　４５６７"},
		{detect.HKPhone, "+852　9123　4567", "+852　9***　4567"},
		{detect.HKPhone, "（８５２）３６１８７０７８－６９３", "（８５２）３***７０７８－***"},
		{detect.CNMobile, "１３８００１３８０００", "１３８****８０００"},
		{detect.HKID, "Ａ１２３４５６（３）", "Ａ１２３***（*）"},
		{detect.HKID, "A123456（3）", "A123***（*）"},
		{detect.CNID, "１１０１０５１９４９１２３１００２Ｘ", "１１０***********００２Ｘ"},
		{detect.Email, "ｔａｉｍａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ｔ***＠ｅｘａｍｐｌｅ．ｃｏｍ"},
		{detect.CreditCard, "４１１１　１１１１　１１１１　１１１１", "****　****　****　１１１１"},
		{detect.IPv4, "１９２．１６８．１．２０", "１９２．１６８．*．*"},
		{detect.DateOfBirth, "１９８８－０７－１４", "１９８８－**－**"},
		{detect.DateOfBirth, "１９８８年７月１４日", "１９８８年*月**日"},
	} {
		got := string(Mask(nil, tc.typ, []byte(tc.in)))
		if got != tc.want {
			t.Errorf("Mask(%s, %q) = %q, want %q", tc.typ, tc.in, got, tc.want)
		}
		if again := string(Mask(nil, tc.typ, []byte(got))); again != got {
			t.Errorf("Mask(%s) is not idempotent: %q -> %q", tc.typ, got, again)
		}
	}
}

func TestRedact(t *testing.T) {
	if Redact(detect.HKID) != "[HKID]" || Redact(detect.HKPhone) != "[HK_PHONE]" || Redact("") != "[REDACTED]" {
		t.Fatal("placeholders")
	}
}

func TestHash(t *testing.T) {
	h, err := NewHasher([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	a := string(h.Append(nil, detect.HKID, []byte("A123456(3)")))
	b := string(h.Append(nil, detect.HKID, []byte("a1234563")))
	c := string(h.Append(nil, detect.HKID, []byte("K382716(A)")))
	if a != b {
		t.Errorf("spellings of one HKID hash differently: %s %s", a, b)
	}
	if a == c || !strings.HasPrefix(a, "hash_hkid_") || len(a) != len("hash_hkid_")+HashBodyLen {
		t.Errorf("hash %q / %q", a, c)
	}
	if strings.ContainsAny(a[len("hash_hkid_"):], "0189") {
		t.Errorf("hash body has digits outside 2-7: %s", a)
	}
	h2, _ := NewHasher([]byte("another key, also 32 bytes long!"))
	if string(h2.Append(nil, detect.HKID, []byte("A123456(3)"))) == a {
		t.Error("hash does not depend on the key")
	}
	if _, err := NewHasher([]byte("short")); err == nil {
		t.Error("short key accepted")
	}
}

func FuzzMaskIdempotent(f *testing.F) {
	for _, s := range []string{"91234567", "A123456(3)", "陳大文", "a@b.c", "1988-07-14", "Flat 1, X"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, k uint8) {
		typ := detect.BuiltinTypes[int(k)%len(detect.BuiltinTypes)]
		once := Mask(nil, typ, []byte(s))
		twice := Mask(nil, typ, once)
		if string(once) != string(twice) {
			t.Fatalf("Mask(%s) not idempotent on %q: %q then %q", typ, s, once, twice)
		}
	})
}

// TestHashBody checks the hash body against the standard base32 encoder.
func TestHashBody(t *testing.T) {
	enc := base32.NewEncoding(b32Alphabet).WithPadding(base32.NoPadding)
	for i := range 2000 {
		mac := sha256.Sum256([]byte{byte(i), byte(i >> 8)})
		if i == 0 {
			mac = [sha256.Size]byte{}
		} else if i == 1 {
			for j := range mac {
				mac[j] = 0xff
			}
		}
		var body [HashBodyLen]byte
		hashBody(&body, mac[:])
		if want := enc.EncodeToString(mac[:])[:HashBodyLen]; string(body[:]) != want {
			t.Fatalf("hashBody(%x) = %s, want %s", mac, body, want)
		}
	}
}
