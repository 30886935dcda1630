package ca

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// DefaultLeafValidity is the lifetime of a per-host certificate. Short, because a leaf's key
// lives only in memory and a new one costs well under a millisecond.
const DefaultLeafValidity = 24 * time.Hour

// IssuerOptions tune an Issuer. The zero value gives the defaults.
type IssuerOptions struct {
	Validity time.Duration    // default DefaultLeafValidity
	Now      func() time.Time // default time.Now (tests)
}

// Issuer signs and caches one certificate per host name with the CA. It is safe for
// concurrent use. Callers should ask only for a fixed set of hosts: the cache keeps one
// entry per name asked for.
type Issuer struct {
	caCert   *x509.Certificate
	signer   crypto.Signer
	roots    *x509.CertPool
	validity time.Duration
	now      func() time.Time

	mu    sync.Mutex // held while signing too: signing is rare and fast
	certs map[string]*leaf
}

type leaf struct {
	cert    *tls.Certificate
	renewAt time.Time
}

// NewIssuer returns an Issuer for a CA loaded with Load or Parse.
func NewIssuer(caPair tls.Certificate, opts IssuerOptions) (*Issuer, error) {
	if len(caPair.Certificate) == 0 {
		return nil, errors.New("ca: no certificate")
	}
	caCert := caPair.Leaf
	if caCert == nil {
		var err error
		if caCert, err = x509.ParseCertificate(caPair.Certificate[0]); err != nil {
			return nil, fmt.Errorf("ca: %w", err)
		}
	}
	if !caCert.IsCA {
		return nil, errors.New("ca: the certificate is not a CA")
	}
	signer, ok := caPair.PrivateKey.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("ca: key type %T cannot sign", caPair.PrivateKey)
	}
	roots := x509.NewCertPool()
	roots.AddCert(caCert)
	i := &Issuer{caCert: caCert, signer: signer, roots: roots,
		validity: opts.Validity, now: opts.Now, certs: map[string]*leaf{}}
	if i.validity <= 0 {
		i.validity = DefaultLeafValidity
	}
	if i.now == nil {
		i.now = time.Now
	}
	return i, nil
}

// CA returns the CA certificate.
func (i *Issuer) CA() *x509.Certificate { return i.caCert }

// Certificate returns a certificate for host (a DNS name, no port), signing a new one when
// there is none yet or the cached one is past half its life. Every new certificate is
// verified against the CA, name constraints included, before it is used.
func (i *Issuer) Certificate(host string) (*tls.Certificate, error) {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if err := checkDomain(host); err != nil {
		return nil, fmt.Errorf("ca: host name: %w", err)
	}
	if !Permits(i.caCert, host) {
		return nil, fmt.Errorf("ca: %s is outside the CA's name constraints %v", host, i.caCert.PermittedDNSDomains)
	}
	now := i.now()
	i.mu.Lock()
	defer i.mu.Unlock()
	if l := i.certs[host]; l != nil && now.Before(l.renewAt) {
		return l.cert, nil
	}
	cert, err := i.sign(host, now)
	if err != nil {
		return nil, err
	}
	life := cert.Leaf.NotAfter.Sub(now)
	i.certs[host] = &leaf{cert: cert, renewAt: now.Add(life / 2)}
	return cert, nil
}

func (i *Issuer) sign(host string, now time.Time) (*tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("ca: leaf key: %w", err)
	}
	serial, err := newSerial()
	if err != nil {
		return nil, err
	}
	notAfter := now.Add(i.validity)
	if notAfter.After(i.caCert.NotAfter) {
		notAfter = i.caCert.NotAfter
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: host, Organization: []string{"dingtalk-pii-proxy"}},
		DNSNames:     []string{host},
		NotBefore:    now.Add(-time.Hour), // client clock skew
		NotAfter:     notAfter,
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, i.caCert, &key.PublicKey, i.signer)
	if err != nil {
		return nil, fmt.Errorf("ca: sign %s: %w", host, err)
	}
	parsed, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("ca: parse %s: %w", host, err)
	}
	if _, err := parsed.Verify(x509.VerifyOptions{DNSName: host, Roots: i.roots, CurrentTime: now,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}); err != nil {
		return nil, fmt.Errorf("ca: the certificate for %s does not verify: %w", host, err)
	}
	return &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: parsed}, nil
}
