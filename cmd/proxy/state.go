package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/config"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// state is what a command opens from the serve config: the vault (and, for serve, more).
type state struct {
	cfg   *config.Config
	vault *vault.Vault
	close func()
}

// openState opens the vault named by a serve config; with no config there is no vault
// (tokenize and reveal then refuse, as the proxy would without one).
func openState(configFile string) (*state, error) {
	st := &state{close: func() {}}
	if configFile == "" {
		return st, nil
	}
	cfg, err := config.Load(configFile)
	if err != nil {
		return nil, err
	}
	st.cfg = cfg
	v, err := openVault(cfg)
	if err != nil {
		return nil, servingHint(cfg, err, "stop it first")
	}
	st.vault = v
	st.close = func() { v.Close() }
	return st, nil
}

// openVault opens the configured vault backend. The embedded default lives in the state
// directory and creates its file and keyring on first run.
func openVault(cfg *config.Config) (*vault.Vault, error) {
	vc := cfg.Vault
	typeTTL := map[string]time.Duration{}
	for k, v := range vc.TypeTTL {
		typeTTL[k] = time.Duration(v)
	}
	backend := vc.Backend
	if backend == "" {
		backend = "bolt"
	}
	if err := os.MkdirAll(cfg.State(), 0o700); err != nil {
		return nil, err
	}
	c := vault.Config{
		Backend:    backend,
		Path:       cfg.Or(vc.Path, cfg.State("vault.db")),
		DSN:        vc.DSN,
		Table:      vc.Table,
		Addr:       vc.Addr,
		KeyFile:    cfg.Path(vc.KeyFile),
		DefaultTTL: time.Duration(vc.DefaultTTL),
		TypeTTL:    typeTTL,
	}
	if backend == "redis" {
		c.Prefix, c.Table = vc.Table, ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	v, err := vault.Open(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("vault (%s): %w", backend, err)
	}
	return v, nil
}

// ensureKeyFile creates a random 32-byte key (hex) with mode 0600 if path does not exist;
// the demo's hash key is made this way on first run.
func ensureKeyFile(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(hex.EncodeToString(b[:])+"\n"), 0o600)
}

// servingHint adds what to do when the embedded vault is held by another process — in
// practice `proxy serve` with the same configuration, since bbolt locks its file.
func servingHint(cfg *config.Config, err error, instead string) error {
	if (cfg.Vault.Backend == "" || cfg.Vault.Backend == "bolt") && errors.Is(err, vault.ErrUnavailable) {
		return fmt.Errorf("%w (the embedded vault takes one process at a time: while `proxy serve` runs with this configuration, %s)", err, instead)
	}
	return err
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
