package ca

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a settable time source.
type clock struct{ ns atomic.Int64 }

func newClock(t time.Time) *clock        { c := &clock{}; c.ns.Store(t.UnixNano()); return c }
func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

func TestIssuerLeaves(t *testing.T) {
	c, pair := newCA(t, Options{})
	clk := newClock(t0)
	iss, err := NewIssuer(pair, IssuerOptions{Now: clk.now})
	if err != nil {
		t.Fatal(err)
	}
	a, err := iss.Certificate("OAPI.dingtalk.com.")
	if err != nil {
		t.Fatal(err)
	}
	l := a.Leaf
	if len(l.DNSNames) != 1 || l.DNSNames[0] != "oapi.dingtalk.com" || l.IsCA {
		t.Errorf("leaf names %v IsCA=%v", l.DNSNames, l.IsCA)
	}
	if pub, ok := l.PublicKey.(*ecdsa.PublicKey); !ok || pub.Curve != elliptic.P256() {
		t.Errorf("leaf key %T", l.PublicKey)
	}
	if life := l.NotAfter.Sub(t0); life != DefaultLeafValidity {
		t.Errorf("leaf validity %v", life)
	}
	if len(l.ExtKeyUsage) != 1 || l.ExtKeyUsage[0] != x509.ExtKeyUsageServerAuth {
		t.Errorf("leaf EKU %v", l.ExtKeyUsage)
	}
	if err := l.CheckSignatureFrom(c.Cert); err != nil {
		t.Errorf("leaf not signed by the CA: %v", err)
	}

	// Cached until half its life, then renewed.
	clk.advance(11 * time.Hour)
	if b, _ := iss.Certificate("oapi.dingtalk.com"); b != a {
		t.Error("the leaf was re-signed before half its life")
	}
	clk.advance(2 * time.Hour)
	b, err := iss.Certificate("oapi.dingtalk.com")
	if err != nil || b == a || !b.Leaf.NotAfter.After(a.Leaf.NotAfter) {
		t.Errorf("the leaf was not renewed after half its life: %v", err)
	}
	if other, _ := iss.Certificate("api.dingtalk.com"); other == b {
		t.Error("two hosts share a certificate")
	}
}

func TestIssuerClampsToCA(t *testing.T) {
	_, pair := newCA(t, Options{Validity: 2 * time.Hour})
	iss, _ := NewIssuer(pair, IssuerOptions{Now: fixedNow})
	leaf, err := iss.Certificate("api.dingtalk.com")
	if err != nil {
		t.Fatal(err)
	}
	if leaf.Leaf.NotAfter.After(pair.Leaf.NotAfter) {
		t.Errorf("leaf outlives its CA: %v > %v", leaf.Leaf.NotAfter, pair.Leaf.NotAfter)
	}
}

func TestIssuerRefuses(t *testing.T) {
	_, pair := newCA(t, Options{})
	iss, _ := NewIssuer(pair, IssuerOptions{Now: fixedNow})
	for host, want := range map[string]string{
		"example.com":          "outside the CA's name constraints",
		"127.0.0.1":            "IP address",
		"":                     "empty name",
		"*.dingtalk.com":       "character outside",
		"a..dingtalk.com":      "empty",
		"bad_name.dingtalk.io": "character outside",
	} {
		if _, err := iss.Certificate(host); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", host, err, want)
		}
	}
	// An expired CA signs nothing that verifies.
	late, _ := NewIssuer(pair, IssuerOptions{Now: func() time.Time { return t0.Add(DefaultValidity + time.Hour) }})
	if _, err := late.Certificate("api.dingtalk.com"); err == nil {
		t.Error("an expired CA issued a certificate")
	}
}

func TestIssuerConcurrent(t *testing.T) {
	_, pair := newCA(t, Options{})
	iss, _ := NewIssuer(pair, IssuerOptions{})
	hosts := []string{"oapi.dingtalk.com", "api.dingtalk.com", "oapi.dingtalk.io", "api.dingtalk.io"}
	var wg sync.WaitGroup
	got := make([][]any, 8)
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, h := range hosts {
				c, err := iss.Certificate(h)
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], c)
			}
		}()
	}
	wg.Wait()
	for g := 1; g < len(got); g++ {
		for i := range hosts {
			if got[g][i] != got[0][i] {
				t.Fatalf("goroutine %d got another certificate for %s", g, hosts[i])
			}
		}
	}
}

func BenchmarkIssuer(b *testing.B) {
	_, pair := newCA(b, Options{})
	b.Run("cached", func(b *testing.B) {
		iss, _ := NewIssuer(pair, IssuerOptions{Now: fixedNow})
		iss.Certificate("api.dingtalk.com")
		for b.Loop() {
			if _, err := iss.Certificate("api.dingtalk.com"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sign", func(b *testing.B) {
		iss, _ := NewIssuer(pair, IssuerOptions{Now: fixedNow})
		for b.Loop() {
			if _, err := iss.sign("api.dingtalk.com", t0); err != nil {
				b.Fatal(err)
			}
		}
	})
}
