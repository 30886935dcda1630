package boltstore_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/boltstore"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/vaulttest"
)

func open(t testing.TB) backend.Store {
	t.Helper()
	st, err := boltstore.Open(filepath.Join(t.TempDir(), "sub", "vault.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestConformance(t *testing.T) {
	vaulttest.Run(t, vaulttest.Harness{
		Open: open,
		// An embedded file has no server to lose; the outage it can have is a closed
		// store (shutdown in progress), which must fail like any other outage.
		Outage: func(t testing.TB) (backend.Store, func(), func()) {
			st := open(t)
			return st, func() { st.Close() }, nil
		},
	})
}

// A second process (here: a second open of the same file) cannot use the file while the
// first holds it, and is told so within the lock timeout instead of waiting forever.
func TestLockedFileIsUnavailable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vault.db")
	first, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	start := time.Now()
	_, err = boltstore.Open(path, boltstore.Options{LockTimeout: 200 * time.Millisecond})
	if !errors.Is(err, backend.ErrUnavailable) {
		t.Fatalf("second open: err = %v, want ErrUnavailable", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("second open took %v", took)
	}
}

func TestFileModeAndReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vault.db")
	st, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("vault file mode %04o, want 0600", fi.Mode().Perm())
	}
	keys := vaulttest.Keyring(t)
	v, err := vault.New(st, keys, vault.Options{})
	if err != nil {
		t.Fatal(err)
	}
	toks, err := v.Tokenize(t.Context(), []vault.Entry{{Type: "hkid", Value: "G1234567"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, err = vault.New(st, keys, vault.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	rs, err := v.Reveal(t.Context(), toks)
	if err != nil || rs[0].Status != vault.StatusOK || rs[0].Value != "G1234567" {
		t.Errorf("after reopen: %+v, %v", rs, err)
	}
}

func BenchmarkVault(b *testing.B) { vaulttest.Bench(b, open) }
