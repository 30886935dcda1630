package ca

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"time"
)

// Load reads a CA certificate and its private key (PEM) and checks that they belong
// together and form a usable CA now. Errors name the file and the problem, never key bytes.
func Load(certFile, keyFile string) (tls.Certificate, error) {
	certPEM, err := os.ReadFile(certFile)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("ca certificate: %w", err)
	}
	keyPEM, err := os.ReadFile(keyFile)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("ca key: %w", err)
	}
	c, err := Parse(certPEM, keyPEM, time.Now())
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("ca %s, %s: %w", certFile, keyFile, err)
	}
	return c, nil
}

// Parse is Load on bytes: the first CERTIFICATE block of certPEM must be a CA valid at now,
// and keyPEM must hold its private key.
func Parse(certPEM, keyPEM []byte, now time.Time) (tls.Certificate, error) {
	var block *pem.Block
	for rest := certPEM; ; {
		if block, rest = pem.Decode(rest); block == nil || block.Type == "CERTIFICATE" {
			break
		}
	}
	if block == nil {
		return tls.Certificate{}, errors.New("certificate file: no PEM CERTIFICATE block")
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return tls.Certificate{}, fmt.Errorf("certificate file: %w", err)
	}
	if !cert.BasicConstraintsValid || !cert.IsCA {
		return tls.Certificate{}, errors.New("certificate is not a CA (basic constraints)")
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&x509.KeyUsageCertSign == 0 {
		return tls.Certificate{}, errors.New("certificate may not sign certificates (key usage)")
	}
	if now.Before(cert.NotBefore) {
		return tls.Certificate{}, fmt.Errorf("certificate is not valid before %s", cert.NotBefore.UTC().Format(time.RFC3339))
	}
	if now.After(cert.NotAfter) {
		return tls.Certificate{}, fmt.Errorf("certificate expired at %s: run proxy ca init --force and trust the new CA",
			cert.NotAfter.UTC().Format(time.RFC3339))
	}
	pair, err := tls.X509KeyPair(pem.EncodeToMemory(block), keyPEM)
	if err != nil {
		// tls errors describe the mismatch or the bad block, never the key material.
		return tls.Certificate{}, fmt.Errorf("key file: %w", err)
	}
	switch pair.PrivateKey.(type) {
	case *ecdsa.PrivateKey, *rsa.PrivateKey, ed25519.PrivateKey:
	default:
		return tls.Certificate{}, fmt.Errorf("key file: unsupported key type %T", pair.PrivateKey)
	}
	pair.Leaf = cert
	return pair, nil
}

func pemBlock(typ string, der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}
