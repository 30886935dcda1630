// Package ca creates and loads the certificate authority of forward mode, and issues the
// short-lived per-host certificates the proxy presents to HTTPS_PROXY clients.
//
// The CA is name-constrained to the DingTalk domains and may not certify IP addresses, so
// that a stolen CA key — which sits on the proxy host and is trusted by every integration
// host — cannot be used to impersonate any other site to those hosts.
package ca

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strings"
	"time"
)

// DefaultDomains are the DNS name constraints of a new CA: the DingTalk API domains
// (oapi./api.dingtalk.com and their international .io names).
var DefaultDomains = []string{"dingtalk.com", "dingtalk.io"}

// DefaultValidity is how long a new CA is valid.
const DefaultValidity = 2 * 365 * 24 * time.Hour

// Options describe a new CA. The zero value gives the defaults.
type Options struct {
	// Domains are the only DNS names (with their subdomains) the CA may certify.
	Domains []string
	// Validity defaults to DefaultValidity.
	Validity time.Duration
	// CommonName defaults to "DingTalk PII proxy forward-mode CA".
	CommonName string
	// Now defaults to time.Now (tests).
	Now func() time.Time
}

// Created is a new CA in PEM form, ready to be written to disk.
type Created struct {
	Cert    *x509.Certificate
	CertPEM []byte
	KeyPEM  []byte // PKCS #8
}

// Create makes a new self-signed ECDSA P-256 CA. Besides the DNS name constraints it
// excludes every IP range (no certificate for https://1.2.3.4) and restricts the chain to
// server authentication, so the key cannot sign client or code-signing certificates either.
func Create(opts Options) (*Created, error) {
	domains := opts.Domains
	if len(domains) == 0 {
		domains = DefaultDomains
	}
	norm := make([]string, 0, len(domains))
	for i, d := range domains {
		d = strings.ToLower(strings.TrimSpace(d))
		if err := checkDomain(d); err != nil {
			return nil, fmt.Errorf("ca: domain %d: %w", i+1, err)
		}
		norm = append(norm, d)
	}
	validity := opts.Validity
	if validity <= 0 {
		validity = DefaultValidity
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	cn := opts.CommonName
	if cn == "" {
		cn = "DingTalk PII proxy forward-mode CA"
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("ca: key: %w", err)
	}
	serial, err := newSerial()
	if err != nil {
		return nil, err
	}
	t0 := now()
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject: pkix.Name{
			CommonName:         cn,
			Organization:       []string{"dingtalk-pii-proxy"},
			OrganizationalUnit: []string{"forward mode " + t0.UTC().Format("2006-01-02")},
		},
		// A little backdating absorbs clock skew between the proxy and its clients.
		NotBefore:                   t0.Add(-time.Hour),
		NotAfter:                    t0.Add(validity),
		IsCA:                        true,
		BasicConstraintsValid:       true,
		MaxPathLen:                  0,
		MaxPathLenZero:              true, // leaves only: no intermediate can be minted
		KeyUsage:                    x509.KeyUsageCertSign | x509.KeyUsageCRLSign | x509.KeyUsageDigitalSignature,
		ExtKeyUsage:                 []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		PermittedDNSDomainsCritical: true,
		PermittedDNSDomains:         norm,
		ExcludedIPRanges: []*net.IPNet{
			{IP: net.IPv4zero.To4(), Mask: net.CIDRMask(0, 32)},
			{IP: net.IPv6zero, Mask: net.CIDRMask(0, 128)},
		},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("ca: sign: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("ca: parse: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("ca: key: %w", err)
	}
	return &Created{Cert: cert, CertPEM: pemBlock("CERTIFICATE", der), KeyPEM: pemBlock("PRIVATE KEY", keyDER)}, nil
}

// Fingerprint is the SHA-256 fingerprint of a certificate in the form openssl prints
// (upper-case hex pairs joined by colons), for comparing with a trust store.
func Fingerprint(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.Raw)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	var b strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}

// Permits reports whether the CA's name constraints allow a certificate for host.
func Permits(caCert *x509.Certificate, host string) bool {
	host = strings.ToLower(host)
	if net.ParseIP(host) != nil {
		return len(caCert.PermittedIPRanges) > 0 // an unconstrained or IP-permitting CA
	}
	for _, d := range caCert.ExcludedDNSDomains {
		if domainMatch(host, d) {
			return false
		}
	}
	if len(caCert.PermittedDNSDomains) == 0 {
		return true
	}
	for _, d := range caCert.PermittedDNSDomains {
		if domainMatch(host, d) {
			return true
		}
	}
	return false
}

// domainMatch applies RFC 5280 dNSName constraint matching: the domain itself and every
// name below it (a leading dot means "below it only").
func domainMatch(host, constraint string) bool {
	c := strings.ToLower(constraint)
	if strings.HasPrefix(c, ".") {
		return strings.HasSuffix(host, c)
	}
	return host == c || strings.HasSuffix(host, "."+c)
}

// checkDomain accepts a DNS name usable as a constraint or a certificate name.
func checkDomain(d string) error {
	if d == "" {
		return errors.New("empty name")
	}
	if len(d) > 253 {
		return errors.New("name longer than 253 characters")
	}
	if net.ParseIP(d) != nil {
		return errors.New("an IP address is not a DNS name")
	}
	for i, label := range strings.Split(d, ".") {
		if label == "" || len(label) > 63 {
			return fmt.Errorf("label %d is empty or longer than 63 characters", i+1)
		}
		for j := 0; j < len(label); j++ {
			c := label[j]
			ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && j > 0 && j < len(label)-1
			if !ok {
				return fmt.Errorf("label %d has a character outside a-z, 0-9 and inner '-' at offset %d", i+1, j)
			}
		}
	}
	return nil
}

func newSerial() (*big.Int, error) {
	// 128 random bits, positive (RFC 5280 allows up to 20 octets).
	n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	if err != nil {
		return nil, fmt.Errorf("ca: serial: %w", err)
	}
	return n.Add(n, big.NewInt(1)), nil
}
