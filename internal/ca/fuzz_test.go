package ca

import (
	"testing"
	"time"
)

// FuzzParse: any bytes as certificate and key files give a CA or an error, never a panic,
// and an accepted pair is a CA whose key signs.
func FuzzParse(f *testing.F) {
	c, err := Create(Options{Now: fixedNow})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(c.CertPEM, c.KeyPEM)
	f.Add(c.KeyPEM, c.CertPEM)
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n"), []byte{})
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, cert, key []byte) {
		pair, err := Parse(cert, key, t0.Add(time.Minute))
		if err != nil {
			return
		}
		if pair.Leaf == nil || !pair.Leaf.IsCA {
			t.Fatal("accepted a pair that is not a CA")
		}
		if _, err := NewIssuer(pair, IssuerOptions{Now: fixedNow}); err != nil {
			t.Fatalf("accepted a pair the issuer cannot use: %v", err)
		}
	})
}

// FuzzCheckDomain: the DNS name check never panics and accepts only lower-case LDH names.
func FuzzCheckDomain(f *testing.F) {
	for _, s := range []string{"oapi.dingtalk.com", "", ".", "a..b", "-a.com", "xn--fiqs8s.cn", "127.0.0.1", "A.COM"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if checkDomain(s) != nil {
			return
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.') {
				t.Fatalf("accepted %q with byte %q", s, c)
			}
		}
	})
}
