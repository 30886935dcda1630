package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, s string) string {
	p := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadDemo(t *testing.T) {
	c, err := Load("../../configs/demo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Listen != "127.0.0.1:8080" || c.Path(c.Policy) != filepath.Join("../../configs", "../policies/demo.yaml") ||
		time.Duration(c.Vault.DefaultTTL) != 2160*time.Hour || c.State("audit") != filepath.Join("../../configs", "../var/demo", "audit") {
		t.Fatalf("%+v", c)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"listen: x\npolicy: p\nstate_dir: s\nbogus: 1\n", "bogus"},
		{"policy: p\nstate_dir: s\n", "listen: required"},
		{"listen: x\npolicy: p\nstate_dir: s\nvault: {backend: mongo}\n", "vault.backend"},
		{"listen: x\npolicy: p\nstate_dir: s\nvault: {backend: postgres}\n", "vault.dsn"},
		{"listen: x\npolicy: p\nstate_dir: s\nshutdown_timeout: soon\n", "bad duration"},
		{"listen: x\npolicy: p\nstate_dir: s\nupstreams: {api: ftp://x}\n", "upstreams.api"},
		{"listen: x\npolicy: p\nstate_dir: s\naudit: {sink: {}}\n", "audit.sink"},
	} {
		_, err := Load(write(t, tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

func TestLoadTelemetry(t *testing.T) {
	c, err := Load(write(t, "listen: x\npolicy: p\nstate_dir: s\ntelemetry: {otlp_endpoint: \"http://127.0.0.1:4318\", metric_interval: 15s, service_name: hr-proxy}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Telemetry.OTLPEndpoint != "http://127.0.0.1:4318" || time.Duration(c.Telemetry.MetricInterval) != 15*time.Second || c.Telemetry.ServiceName != "hr-proxy" {
		t.Fatalf("%+v", c.Telemetry)
	}
	if _, err := Load(write(t, "listen: x\npolicy: p\nstate_dir: s\ntelemetry: {metric_interval: often}\n")); err == nil || !strings.Contains(err.Error(), "bad duration") {
		t.Fatalf("metric_interval: often: %v", err)
	}
}
