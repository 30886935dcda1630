package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestRunRejectsBadFlags(t *testing.T) {
	cases := [][]string{
		{"-employees", "0"},
		{"-tls-cert", "x.pem"},
		{"-nope"},
		{"extra-arg"},
		{"-qps", "-1"},
		{"-addr", "256.0.0.1:http"},
	}
	for _, argv := range cases {
		var out syncBuf
		if err := run(argv, &out); err == nil {
			t.Errorf("run(%q) succeeded, want an error", argv)
		}
	}
}

// syncBuf is a goroutine-safe log sink.
type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var listening = regexp.MustCompile(`url=(https?://\S+)`)

// TestServeAndShutdown starts the real command over TLS on a free port, calls it, then
// stops it with SIGTERM and expects a clean exit and no secret in the log.
func TestServeAndShutdown(t *testing.T) {
	cert, key := selfSigned(t)
	var logs syncBuf
	done := make(chan error, 1)
	go func() {
		done <- run([]string{"-addr", "127.0.0.1:0", "-employees", "30", "-seed", "3", "-app-secret", "s3cr3t-value",
			"-tls-cert", cert, "-tls-key", key}, &logs)
	}()
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; {
		if m := listening.FindStringSubmatch(logs.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no listening line in %q", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.HasPrefix(base, "https://") {
		t.Fatalf("serving %s, want https", base)
	}
	hc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	res, err := hc.Get(base + "/_sim/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Employees int
		Seed      uint64
	}
	json.NewDecoder(res.Body).Decode(&h)
	res.Body.Close()
	if h.Employees != 30 || h.Seed != 3 {
		t.Errorf("healthz %+v, want the flags' values", h)
	}
	res, err = hc.Get(base + "/gettoken?appkey=demo-app-key&appsecret=s3cr3t-value")
	if err != nil {
		t.Fatal(err)
	}
	var tok struct{ Errcode int }
	json.NewDecoder(res.Body).Decode(&tok)
	res.Body.Close()
	if tok.Errcode != 0 {
		t.Errorf("-app-secret not honoured: errcode %d", tok.Errcode)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run returned %v after SIGTERM", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no shutdown after SIGTERM")
	}
	if strings.Contains(logs.String(), "s3cr3t-value") {
		t.Error("the app secret reached the log")
	}
}

func selfSigned(t *testing.T) (certFile, keyFile string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "dingtalk-sim test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kd, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kd}), 0o600)
	return certFile, keyFile
}
