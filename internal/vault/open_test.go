package vault_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/redis/go-redis/v9"

	"github.com/hkpii/dingtalk-pii-proxy/internal/testenv"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// clearKeyEnv makes sure no keyring comes from the environment of the test run.
func clearKeyEnv(t *testing.T) {
	for _, k := range []string{vault.EnvTokenKey, vault.EnvKeys, vault.EnvActiveKey} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
}

func TestOpenBoltCreatesKeysOnFirstRun(t *testing.T) {
	clearKeyEnv(t)
	dir := t.TempDir()
	cfg := vault.Config{Path: filepath.Join(dir, "data", "vault.db")}
	v, err := vault.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(cfg.Path + ".keys")
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v, %v", fi, err)
	}
	toks, err := v.Tokenize(t.Context(), []vault.Entry{{Type: "hkid", Value: "K1234567"}})
	if err != nil {
		t.Fatal(err)
	}
	v.Close()

	v, err = vault.Open(t.Context(), cfg) // second run: same keys, same data
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if got := v.TokenFor("hkid", "k1234567"); got != toks[0] {
		t.Errorf("token changed across restarts: %s vs %s", got, toks[0])
	}
	rs, err := v.Reveal(t.Context(), toks)
	if err != nil || rs[0].Status != vault.StatusOK || rs[0].Value != "K1234567" {
		t.Errorf("reveal after restart: %+v, %v", rs, err)
	}
}

func TestOpenSharedBackendNeedsKeys(t *testing.T) {
	clearKeyEnv(t)
	dir := t.TempDir()
	for _, cfg := range []vault.Config{
		{Backend: "postgres", DSN: testenv.PostgresDSN()},
		{Backend: "redis", Addr: testenv.RedisAddr},
		{Backend: "redis", Addr: testenv.RedisAddr, KeyFile: filepath.Join(dir, "missing.keys")},
	} {
		_, err := vault.Open(t.Context(), cfg)
		if err == nil {
			t.Errorf("%s without keys opened", cfg.Backend)
		}
		if cfg.KeyFile == "" && !errors.Is(err, vault.ErrNoKeys) {
			t.Errorf("%s: err = %v, want ErrNoKeys", cfg.Backend, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.keys")); !errors.Is(err, os.ErrNotExist) {
		t.Error("a key file was generated for a shared backend: replicas would disagree on tokens")
	}
}

func TestConfigValidate(t *testing.T) {
	cfg := vault.Config{Backend: "mongo", Timeout: -time.Second, DefaultTTL: -time.Hour,
		TypeTTL: map[string]time.Duration{"Bad-Type": time.Hour, "hkid": -time.Hour}}
	err := cfg.Validate()
	if !errors.Is(err, vault.ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{`backend: unknown backend "mongo"`, "timeout: negative", "default TTL", `"Bad-Type"`, "type hkid"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
	for _, bad := range []vault.Config{
		{Backend: "postgres"},
		{Backend: "redis"},
		{Backend: "bolt", DSN: "postgres://x"},
	} {
		if bad.Validate() == nil {
			t.Errorf("%+v validated", bad)
		}
	}
	if err := (&vault.Config{}).Validate(); err != nil {
		t.Errorf("zero config (embedded defaults) invalid: %v", err)
	}
}

func writeKeys(t *testing.T) string {
	k, err := vault.GenerateKeyring()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "vault.keys")
	if err := vault.WriteKeyringFile(path, k); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenPostgresAndRedis(t *testing.T) {
	clearKeyEnv(t)
	keys := writeKeys(t)
	t.Run("postgres", func(t *testing.T) {
		testenv.NeedTCP(t, "PostgreSQL", testenv.PostgresAddr)
		schema := "vaultopen_" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "")
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if c, err := pgx.Connect(ctx, testenv.PostgresDSN()); err == nil {
				c.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`)
				c.Close(ctx)
			}
		})
		roundTrip(t, vault.Config{Backend: "postgres", DSN: testenv.PostgresDSN(), Schema: schema, KeyFile: keys})
	})
	t.Run("redis", func(t *testing.T) {
		testenv.NeedTCP(t, "Redis", testenv.RedisAddr)
		prefix := "vaultopen:" + time.Now().Format("150405.000000")
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			rdb := redis.NewClient(&redis.Options{Addr: testenv.RedisAddr})
			defer rdb.Close()
			for _, k := range rdb.Keys(ctx, prefix+":*").Val() {
				rdb.Del(ctx, k)
			}
		})
		roundTrip(t, vault.Config{Backend: "redis", Addr: testenv.RedisAddr, Prefix: prefix, KeyFile: keys,
			DefaultTTL: time.Minute})
	})
}

func roundTrip(t *testing.T, cfg vault.Config) {
	v, err := vault.Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	toks, err := v.Tokenize(t.Context(), []vault.Entry{{Type: "email", Value: "open@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := v.Reveal(t.Context(), toks)
	if err != nil || rs[0].Value != "open@example.com" {
		t.Fatalf("reveal: %+v, %v", rs, err)
	}
	if _, err := v.Erase(t.Context(), "email", "open@example.com"); err != nil { // leaves no value behind
		t.Fatal(err)
	}
}
