package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/config"
)

// TestProxySetup: the rendered serve.yaml is one `proxy serve` accepts, with the values of
// this run, and the demo policy's hash key file exists where the proxy will look for it.
func TestProxySetup(t *testing.T) {
	dir := t.TempDir()
	policyPath, err := filepath.Abs("../../policies/demo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p := serveParams{Listen: "127.0.0.1:18999", Policy: policyPath, State: filepath.Join(dir, "st ate"), Upstream: "http://127.0.0.1:18998"}
	path, err := proxySetup(dir, policyPath, p)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("proxy serve would refuse the config: %v", err)
	}
	if cfg.Listen != p.Listen || cfg.Path(cfg.Policy) != policyPath || cfg.State() != p.State ||
		cfg.Upstreams["oapi"] != p.Upstream || cfg.Upstreams["api"] != p.Upstream {
		t.Errorf("config %+v does not hold %+v", cfg, p)
	}
	if cfg.Audit.Disabled || cfg.Audit.SyncEvery <= 1 || cfg.Audit.SyncInterval <= 0 {
		t.Errorf("want the audit trail on with batched fsync: %+v", cfg.Audit)
	}
	if cfg.Vault.Backend != "bolt" {
		t.Errorf("vault backend %q, want bolt", cfg.Vault.Backend)
	}
	key, err := os.ReadFile(filepath.Join(dir, "var/demo/keys/hash.key"))
	if err != nil || len(key) != 64 {
		t.Errorf("hash key file: %d bytes, %v", len(key), err)
	}
}

func TestProxySetupBadPolicy(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("version: 1\nnot_a_key: true\n"), 0o600)
	if _, err := proxySetup(dir, bad, serveParams{}); err == nil {
		t.Fatal("a policy that does not load was accepted")
	}
}
