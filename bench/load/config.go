package main

import (
	"bytes"
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"text/template"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

//go:embed serve.yaml
var serveYAML string

// serveTemplate is checked when the program starts (and by the tests), not per run.
var serveTemplate = template.Must(template.New("serve.yaml").Parse(serveYAML))

// serveParams are the per-run values of serve.yaml.
type serveParams struct {
	Listen   string // host:port
	Policy   string // absolute path of the policy file
	State    string // absolute state directory
	Upstream string // the simulator's base URL
}

// proxySetup prepares dir as the proxy's working directory: the serve config (returned) and
// the policy's hash key file. The demo policy names its key by a path relative to the
// working directory (var/demo/keys/hash.key), so a fresh random key is written there.
func proxySetup(dir, policyPath string, p serveParams) (string, error) {
	plan, err := policy.Load(policyPath)
	if err != nil {
		return "", err
	}
	if ks := plan.Keys.Hash; ks != nil && ks.File != "" {
		key := ks.File
		if !filepath.IsAbs(key) {
			key = filepath.Join(dir, key)
		}
		if err := os.MkdirAll(filepath.Dir(key), 0o700); err != nil {
			return "", err
		}
		if err := os.WriteFile(key, []byte(randomHex(32)), 0o600); err != nil {
			return "", err
		}
	} else if ks != nil && ks.Env != "" {
		if _, ok := os.LookupEnv(ks.Env); !ok {
			return "", fmt.Errorf("the policy's hash key comes from $%s, which is not set", ks.Env)
		}
	}
	var b bytes.Buffer
	if err := serveTemplate.Execute(&b, p); err != nil {
		return "", err
	}
	cfg := filepath.Join(dir, "serve.yaml")
	return cfg, os.WriteFile(cfg, b.Bytes(), 0o600)
}

// randomHex returns n random bytes as hex (crypto/rand never fails on Linux).
func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
