package main

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// TestHelp: every command's -h starts with its usage line (not Go's "Usage of …"), names
// each of its flags there or below, and prints no default twice or a secret from the
// environment.
func TestHelp(t *testing.T) {
	t.Setenv("ADMIN_ADDR", "127.0.0.1:9999")
	t.Setenv("PROXY_ADMIN_KEY", "secret-admin-key")
	for name := range commands {
		args := append(strings.Fields(name), "-h")
		code, out, errOut := run(t, args...)
		if code != 0 || out != "" {
			t.Errorf("%s -h: exit %d, stdout %q", name, code, out)
		}
		if !strings.HasPrefix(errOut, "usage: proxy "+name) || strings.Contains(errOut, "Usage of") {
			t.Errorf("%s -h does not start with its usage line:\n%s", name, errOut)
		}
		if strings.Contains(errOut, ") (default ") || strings.Contains(errOut, "secret-admin-key") || strings.Contains(errOut, "9999") {
			t.Errorf("%s -h repeats a default or shows the environment:\n%s", name, errOut)
		}
	}
	_, _, errOut := run(t, "scan", "-h")
	if usage, _, _ := strings.Cut(errOut, "\n"); !strings.Contains(usage, "[--threshold S]") {
		t.Errorf("scan's usage line lacks --threshold: %s", usage)
	}
}

// TestVaultStatsKeys: vault stats prints snake_case keys like the other commands' JSON.
func TestVaultStatsKeys(t *testing.T) {
	cfg := writeFile(t, "serve.yaml", "listen: 127.0.0.1:0\npolicy: unused.yaml\nstate_dir: .\n")
	code, out, errOut := run(t, "vault", "stats", "--config", cfg)
	var m map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &m) != nil {
		t.Fatalf("exit %d %q %q", code, out, errOut)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if got := strings.Join(keys, ","); got != "entries,erased,expired_pending,size_bytes" {
		t.Errorf("keys %s", got)
	}
}
