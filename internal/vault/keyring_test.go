package vault

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var (
	b64a = base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{1}, 32))
	b64b = base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{2}, 32))
	b64c = base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{3}, 32))
)

func TestParseKeyring(t *testing.T) {
	good := "# comment\n\nversion 1\ntoken_key " + b64a + "\nkey k1 " + b64b + "\nkey k2 " + b64c + "\nactive k2\n"
	k, err := ParseKeyring([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if k.ActiveKeyID() != "k2" || strings.Join(k.KeyIDs(), ",") != "k1,k2" {
		t.Errorf("parsed active %q ids %v", k.ActiveKeyID(), k.KeyIDs())
	}
	for _, tc := range []struct{ name, text, wantErr string }{
		{"empty", "", "missing version line"},
		{"bad version", "version 2\n", "line 1: unsupported version"},
		{"unknown directive", "version 1\nkeys k1 " + b64a + "\n", `line 2: unknown directive "keys"`},
		{"stray secret", "version 1\n" + b64a + "\n", "line 2: unknown directive (want"},
		{"short key", "version 1\ntoken_key " + b64a + "\nkey k1 AAAA\nactive k1\n", `line 3: key "k1": want 32 bytes, got 3`},
		{"not base64", "version 1\ntoken_key !!!\nkey k1 " + b64a + "\nactive k1\n", "line 2: token_key: not valid standard base64"},
		{"duplicate key", "version 1\ntoken_key " + b64a + "\nkey k1 " + b64b + "\nkey k1 " + b64c + "\nactive k1\n", `line 4: key "k1" given twice`},
		{"bad key id", "version 1\ntoken_key " + b64a + "\nkey -k " + b64b + "\nactive k1\n", "line 3: key id"},
		{"active missing key", "version 1\ntoken_key " + b64a + "\nkey k1 " + b64b + "\nactive k9\n", `active key "k9" is not defined`},
		{"no token key", "version 1\nkey k1 " + b64b + "\nactive k1\n", "missing token_key line"},
		{"no active", "version 1\ntoken_key " + b64a + "\nkey k1 " + b64b + "\n", "missing active line"},
		{"all errors at once", "version 3\nbogus\n", "unsupported version"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseKeyring([]byte(tc.text))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
			}
			for _, secret := range []string{b64a, b64b, b64c} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error message contains key material: %v", err)
				}
			}
		})
	}
	_, err = ParseKeyring([]byte("version 3\nbogus\n"))
	if n := strings.Count(err.Error(), "\n") + 1; n < 4 {
		t.Errorf("want every problem reported at once, got %d: %v", n, err)
	}
}

func TestKeyringEncodeRoundTrip(t *testing.T) {
	k, err := GenerateKeyring()
	if err != nil {
		t.Fatal(err)
	}
	k2, err := k.WithNewKey("")
	if err != nil {
		t.Fatal(err)
	}
	if k2.ActiveKeyID() != "k2" || k.ActiveKeyID() != "k1" {
		t.Errorf("WithNewKey: active %q (old keyring now %q)", k2.ActiveKeyID(), k.ActiveKeyID())
	}
	back, err := ParseKeyring(k2.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Encode(), k2.Encode()) || !bytes.Equal(back.tokenKey, k.tokenKey) {
		t.Error("Encode/Parse round trip changed the keyring or the token key")
	}
	if _, err := k2.Without("k2"); err == nil {
		t.Error("removed the active key")
	}
	k3, err := k2.Without("k1")
	if err != nil || strings.Join(k3.KeyIDs(), ",") != "k2" {
		t.Errorf("Without(k1) = %v, %v", k3.KeyIDs(), err)
	}
	if _, err := k2.WithNewKey("k1"); err == nil {
		t.Error("WithNewKey accepted an existing id")
	}
	// Sealing under one keyring opens under the other (same key material).
	id, sealed := k2.seal("email", "tok_email_x", "a@example.com")
	if v, err := back.open(id, "email", "tok_email_x", sealed); err != nil || v != "a@example.com" {
		t.Errorf("open after round trip = %q, %v", v, err)
	}
}

func TestKeyringFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "vault.keys")
	k, created, err := LoadOrCreateKeyringFile(path)
	if err != nil || !created {
		t.Fatalf("create: %v, %v", created, err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	again, created, err := LoadOrCreateKeyringFile(path)
	if err != nil || created || !bytes.Equal(again.Encode(), k.Encode()) {
		t.Fatalf("second load: created %v, err %v, same %v", created, err, bytes.Equal(again.Encode(), k.Encode()))
	}
	// Rotation step: write a keyring with a new active key over the old file.
	k2, _ := k.WithNewKey("")
	if err := WriteKeyringFile(path, k2); err != nil {
		t.Fatal(err)
	}
	if got, err := LoadKeyringFile(path); err != nil || got.ActiveKeyID() != "k2" {
		t.Fatalf("after rewrite: %v, %v", got, err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKeyringFile(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("world-readable key file accepted: %v", err)
	}
	if _, err := LoadKeyringFile(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.keys")
	os.WriteFile(bad, []byte("version 1\nnonsense\n"), 0o600)
	if _, _, err := LoadOrCreateKeyringFile(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("a broken key file must be an error naming it, not replaced: %v", err)
	}
}

func TestKeyringFromEnv(t *testing.T) {
	env := func(m map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	if _, err := KeyringFromEnv(env(nil)); !errors.Is(err, ErrNoKeys) {
		t.Errorf("no variables: %v", err)
	}
	k, err := KeyringFromEnv(env(map[string]string{EnvTokenKey: b64a, EnvKeys: "k1:" + b64b}))
	if err != nil || k.ActiveKeyID() != "k1" {
		t.Fatalf("one key: %v, %v", k, err)
	}
	k, err = KeyringFromEnv(env(map[string]string{EnvTokenKey: b64a, EnvKeys: "k1:" + b64b + ", k2:" + b64c, EnvActiveKey: "k2"}))
	if err != nil || k.ActiveKeyID() != "k2" || len(k.KeyIDs()) != 2 {
		t.Fatalf("two keys: %v, %v", k, err)
	}
	for name, m := range map[string]map[string]string{
		"two keys, no active": {EnvTokenKey: b64a, EnvKeys: "k1:" + b64b + ",k2:" + b64c},
		"bad token key":       {EnvTokenKey: "short", EnvKeys: "k1:" + b64b},
		"item without id":     {EnvTokenKey: b64a, EnvKeys: b64b},
		"no keys":             {EnvTokenKey: b64a, EnvKeys: " , "},
		"unknown active":      {EnvTokenKey: b64a, EnvKeys: "k1:" + b64b, EnvActiveKey: "k7"},
	} {
		_, err := KeyringFromEnv(env(m))
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		for _, secret := range []string{b64a, b64b, b64c} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%s: error contains key material: %v", name, err)
			}
		}
	}
}

func TestSealBindsTokenTypeAndKey(t *testing.T) {
	k, _ := GenerateKeyring()
	id, sealed := k.seal("hkid", "tok_hkid_a", "A1234563")
	if v, err := k.open(id, "hkid", "tok_hkid_a", sealed); err != nil || v != "A1234563" {
		t.Fatalf("open = %q, %v", v, err)
	}
	for name, open := range map[string]func() error{
		"other token": func() error { _, err := k.open(id, "hkid", "tok_hkid_b", sealed); return err },
		"other type":  func() error { _, err := k.open(id, "cn_id", "tok_hkid_a", sealed); return err },
		"short":       func() error { _, err := k.open(id, "hkid", "tok_hkid_a", sealed[:5]); return err },
	} {
		if err := open(); !errors.Is(err, ErrIntegrity) {
			t.Errorf("%s: err = %v, want ErrIntegrity", name, err)
		}
	}
	if _, err := k.open("nope", "hkid", "tok_hkid_a", sealed); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("unknown key id: %v", err)
	}
	_, again := k.seal("hkid", "tok_hkid_a", "A1234563")
	if bytes.Equal(again, sealed) {
		t.Error("two seals of one value are identical: the nonce is not random")
	}
}

// FuzzParseKeyring: never panics, never echoes key material in errors, and whatever
// parses survives an Encode/Parse round trip unchanged.
func FuzzParseKeyring(f *testing.F) {
	f.Add([]byte("version 1\ntoken_key " + b64a + "\nkey k1 " + b64b + "\nactive k1\n"))
	f.Add([]byte("version 1\n# c\ntoken_key " + b64a + "\nkey a.b-c_d " + b64b + "\nkey k2 " + b64c + "\nactive k2"))
	f.Add([]byte("version 1\nversion 1\nactive\n"))
	f.Add([]byte("\x00\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := ParseKeyring(data)
		if err != nil {
			return
		}
		back, err := ParseKeyring(k.Encode())
		if err != nil {
			t.Fatalf("re-parse of Encode failed: %v", err)
		}
		if !bytes.Equal(back.Encode(), k.Encode()) {
			t.Fatal("round trip changed the keyring")
		}
	})
}
