package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/ca"
)

func TestCAInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ca")
	var out, errb bytes.Buffer
	if code := runMain([]string{"ca", "init", "--dir", dir}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	pair, err := ca.Load(filepath.Join(dir, "ca.pem"), filepath.Join(dir, "ca-key.pem"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{ca.Fingerprint(pair.Leaf), "update-ca-certificates", "/usr/local/share/ca-certificates/",
		"SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS", "keytool -importcert", "dingtalk.com, dingtalk.io"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if st, _ := os.Stat(filepath.Join(dir, "ca-key.pem")); st.Mode().Perm() != 0o600 {
		t.Errorf("key mode %v", st.Mode())
	}

	// A second init changes nothing without --force.
	out.Reset()
	errb.Reset()
	if code := runMain([]string{"ca", "init", "--dir", dir}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "--force") {
		t.Fatalf("second init: exit %d, stderr %q", code, errb.String())
	}
	same, _ := ca.Load(filepath.Join(dir, "ca.pem"), filepath.Join(dir, "ca-key.pem"))
	if !same.Leaf.Equal(pair.Leaf) {
		t.Fatal("a refused init replaced the CA")
	}
	if code := runMain([]string{"ca", "init", "--force", "--dir", dir, "--domains", "dingtalk.com"}, &out, &errb); code != 0 {
		t.Fatalf("init --force: exit %d: %s", code, errb.String())
	}
	replaced, _ := ca.Load(filepath.Join(dir, "ca.pem"), filepath.Join(dir, "ca-key.pem"))
	if replaced.Leaf.Equal(pair.Leaf) || strings.Join(replaced.Leaf.PermittedDNSDomains, ",") != "dingtalk.com" {
		t.Fatalf("init --force did not write the new CA: %v", replaced.Leaf.PermittedDNSDomains)
	}
}

func TestCAInitBadUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"ca", "init", "--dir", dir, "--domains", ""},
		{"ca", "init", "--dir", dir, "--domains", "dingtalk.com,not a domain"},
		{"ca", "init", "--dir", dir, "extra"},
		{"ca", "init", "--no-such-flag"},
	} {
		var out, errb bytes.Buffer
		if code := runMain(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("bad usage wrote files: %v", entries)
	}
}
