package ca

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return t0 }

func newCA(t testing.TB, opts Options) (*Created, tls.Certificate) {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	c, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	pair, err := Parse(c.CertPEM, c.KeyPEM, opts.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c, pair
}

func TestCreate(t *testing.T) {
	c, pair := newCA(t, Options{})
	cert := c.Cert
	if !cert.IsCA || !cert.BasicConstraintsValid || cert.MaxPathLen != 0 || !cert.MaxPathLenZero {
		t.Errorf("basic constraints: IsCA=%v valid=%v maxPathLen=%d zero=%v", cert.IsCA, cert.BasicConstraintsValid, cert.MaxPathLen, cert.MaxPathLenZero)
	}
	pub, ok := cert.PublicKey.(*ecdsa.PublicKey)
	if !ok || pub.Curve != elliptic.P256() {
		t.Errorf("key: %T, want ECDSA P-256", cert.PublicKey)
	}
	if got := strings.Join(cert.PermittedDNSDomains, ","); got != "dingtalk.com,dingtalk.io" || !cert.PermittedDNSDomainsCritical {
		t.Errorf("name constraints: %q critical=%v", got, cert.PermittedDNSDomainsCritical)
	}
	if len(cert.ExcludedIPRanges) != 2 {
		t.Errorf("excluded IP ranges: %v", cert.ExcludedIPRanges)
	}
	if life := cert.NotAfter.Sub(t0); life != DefaultValidity {
		t.Errorf("validity %v, want %v", life, DefaultValidity)
	}
	if cert.KeyUsage&x509.KeyUsageCertSign == 0 || len(cert.ExtKeyUsage) != 1 || cert.ExtKeyUsage[0] != x509.ExtKeyUsageServerAuth {
		t.Errorf("usage: %v %v", cert.KeyUsage, cert.ExtKeyUsage)
	}
	if pair.Leaf == nil || !pair.Leaf.Equal(cert) {
		t.Error("Parse does not return the certificate as Leaf")
	}
	if _, err := Create(Options{Domains: []string{"dingtalk.com", "not a domain"}}); err == nil {
		t.Error("a bad domain was accepted")
	}
	if _, err := Create(Options{Domains: []string{"10.0.0.1"}}); err == nil {
		t.Error("an IP address was accepted as a domain")
	}
}

// rogueLeaf signs a certificate with the CA key directly, as a thief holding ca-key.pem
// would, bypassing the Issuer's own checks.
func rogueLeaf(t *testing.T, pair tls.Certificate, dns []string, ips []net.IP) tls.Certificate {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	serial, _ := newSerial()
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: pkix.Name{CommonName: "rogue"}, DNSNames: dns, IPAddresses: ips,
		NotBefore: t0.Add(-time.Hour), NotAfter: t0.Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, pair.Leaf, &key.PublicKey, pair.PrivateKey)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// handshake runs a crypto/tls client that trusts only the CA against a server presenting
// cert, over loopback TCP (a synchronous net.Pipe deadlocks when both sides write at once,
// as they do when the client rejects the certificate), and returns the client's error.
func handshake(t *testing.T, ca *x509.Certificate, cert tls.Certificate, serverName string) error {
	t.Helper()
	roots := x509.NewCertPool()
	roots.AddCert(ca)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		if c, err := ln.Accept(); err == nil {
			c.(*tls.Conn).Handshake()
			c.Close()
		}
	}()
	conn, err := tls.Dial("tcp", ln.Addr().String(), &tls.Config{RootCAs: roots, ServerName: serverName, Time: fixedNow})
	if err == nil {
		conn.Close()
	}
	return err
}

// TestNameConstraintsHoldInGoClients: certificates the CA key signs for other sites, or for
// IP addresses, are refused by Go's TLS client even though it trusts the CA.
func TestNameConstraintsHoldInGoClients(t *testing.T) {
	c, pair := newCA(t, Options{})
	for _, tc := range []struct {
		name       string
		dns        []string
		ips        []net.IP
		serverName string
		ok         bool
	}{
		{"dingtalk host", []string{"oapi.dingtalk.com"}, nil, "oapi.dingtalk.com", true},
		{"international host", []string{"api.dingtalk.io"}, nil, "api.dingtalk.io", true},
		{"other site", []string{"example.com"}, nil, "example.com", false},
		{"look-alike suffix", []string{"evildingtalk.com"}, nil, "evildingtalk.com", false},
		{"dingtalk plus another site", []string{"api.dingtalk.com", "example.com"}, nil, "api.dingtalk.com", false},
		{"IP address", nil, []net.IP{net.IPv4(127, 0, 0, 1)}, "127.0.0.1", false},
		{"IPv6 address", nil, []net.IP{net.IPv6loopback}, "::1", false},
	} {
		err := handshake(t, c.Cert, rogueLeaf(t, pair, tc.dns, tc.ips), tc.serverName)
		if tc.ok && err != nil {
			t.Errorf("%s: handshake failed: %v", tc.name, err)
		}
		if !tc.ok {
			var inv x509.CertificateInvalidError
			if !errors.As(err, &inv) || inv.Reason != x509.CANotAuthorizedForThisName {
				t.Errorf("%s: want a name-constraint violation, got %v", tc.name, err)
			}
		}
	}
}

func TestFingerprintMatchesOpenSSL(t *testing.T) {
	c, _ := newCA(t, Options{})
	fp := Fingerprint(c.Cert)
	if !regexp.MustCompile(`^([0-9A-F]{2}:){31}[0-9A-F]{2}$`).MatchString(fp) {
		t.Fatalf("fingerprint format: %s", fp)
	}
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl not installed")
	}
	file := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(file, c.CertPEM, 0o644)
	out, err := exec.Command("openssl", "x509", "-in", file, "-noout", "-fingerprint", "-sha256").Output()
	if err != nil {
		t.Fatal(err)
	}
	if _, want, _ := strings.Cut(strings.TrimSpace(string(out)), "="); want != fp {
		t.Fatalf("fingerprint %s, openssl says %s", fp, want)
	}
}

func TestPermits(t *testing.T) {
	c, _ := newCA(t, Options{Domains: []string{"dingtalk.com"}})
	for host, want := range map[string]bool{
		"dingtalk.com": true, "oapi.dingtalk.com": true, "a.b.dingtalk.com": true, "OAPI.DINGTALK.COM": true,
		"dingtalk.io": false, "xdingtalk.com": false, "dingtalk.com.evil": false, "127.0.0.1": false, "": false,
	} {
		if got := Permits(c.Cert, host); got != want {
			t.Errorf("Permits(%q) = %v", host, got)
		}
	}
}

func TestWriteAndLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "ca")
	c, _ := newCA(t, Options{Now: time.Now})
	certPath, keyPath, err := Write(dir, c, false)
	if err != nil {
		t.Fatal(err)
	}
	for path, mode := range map[string]os.FileMode{certPath: 0o644, keyPath: 0o600, dir: 0o700 | os.ModeDir} {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode() != mode {
			t.Errorf("%s: mode %v, want %v", path, st.Mode(), mode)
		}
	}
	loaded, err := Load(certPath, keyPath)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Leaf.Equal(c.Cert) {
		t.Fatal("Load returned another certificate")
	}
	// No silent replacement.
	c2, _ := newCA(t, Options{Now: time.Now})
	if _, _, err := Write(dir, c2, false); !errors.Is(err, ErrExists) {
		t.Fatalf("second Write without force: %v", err)
	}
	if again, _ := Load(certPath, keyPath); !again.Leaf.Equal(c.Cert) {
		t.Fatal("a refused Write changed the CA")
	}
	if _, _, err := Write(dir, c2, true); err != nil {
		t.Fatal(err)
	}
	if again, err := Load(certPath, keyPath); err != nil || !again.Leaf.Equal(c2.Cert) {
		t.Fatalf("Write with force did not replace the CA: %v", err)
	}
	if st, _ := os.Stat(keyPath); st.Mode() != 0o600 {
		t.Errorf("replaced key mode %v", st.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// Only the key present: still refused, and the key is kept.
	os.Remove(certPath)
	if _, _, err := Write(dir, c, false); !errors.Is(err, ErrExists) {
		t.Fatalf("Write over a lone key: %v", err)
	}
}

func TestParseRefusesUnusableCAs(t *testing.T) {
	c, _ := newCA(t, Options{})
	other, _ := newCA(t, Options{})
	_, pair := newCA(t, Options{})
	iss, err := NewIssuer(pair, IssuerOptions{Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := iss.Certificate("oapi.dingtalk.com")
	leafPEM := pemBlock("CERTIFICATE", leaf.Certificate[0])
	leafKey, _ := x509.MarshalPKCS8PrivateKey(leaf.PrivateKey)
	for _, tc := range []struct {
		name      string
		cert, key []byte
		now       time.Time
		want      string
	}{
		{"empty", nil, nil, t0, "no PEM CERTIFICATE block"},
		{"garbage", []byte("not pem"), c.KeyPEM, t0, "no PEM CERTIFICATE block"},
		{"key given as certificate", c.KeyPEM, c.KeyPEM, t0, "no PEM CERTIFICATE block"},
		{"corrupt certificate", pemBlock("CERTIFICATE", []byte{0x30, 0x03, 1, 2, 3}), c.KeyPEM, t0, "certificate file"},
		{"another CA's key", c.CertPEM, other.KeyPEM, t0, "key file"},
		{"no key", c.CertPEM, nil, t0, "key file"},
		{"a leaf, not a CA", leafPEM, pemBlock("PRIVATE KEY", leafKey), t0, "not a CA"},
		{"expired", c.CertPEM, c.KeyPEM, t0.Add(DefaultValidity + time.Hour), "expired"},
		{"not yet valid", c.CertPEM, c.KeyPEM, t0.Add(-2 * time.Hour), "not valid before"},
	} {
		_, err := Parse(tc.cert, tc.key, tc.now)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "PRIVATE KEY-----") {
			t.Errorf("%s: the error quotes key material", tc.name)
		}
	}
	// Leading non-certificate blocks are skipped.
	if _, err := Parse(append(append([]byte{}, c.KeyPEM...), c.CertPEM...), c.KeyPEM, t0); err != nil {
		t.Errorf("certificate after another block: %v", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.pem"), "x"); err == nil || !strings.Contains(err.Error(), "ca certificate") {
		t.Errorf("missing file: %v", err)
	}
}
