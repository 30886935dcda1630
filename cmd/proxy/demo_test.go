package main

import (
	"os"
	"strings"
	"testing"
)

// TestDemoBannerForwardMode: the forward-mode call `make run` prints gives curl the CA with
// --cacert. curl hands OpenSSL its own CA bundle, so SSL_CERT_FILE=ca.pem is never read and
// the handshake fails; docs/forward-mode.md shows the same form.
func TestDemoBannerForwardMode(t *testing.T) {
	script, err := os.ReadFile("../../scripts/demo.sh")
	if err != nil {
		t.Fatal(err)
	}
	var banner []string
	for _, l := range strings.Split(string(script), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") && strings.Contains(l, "HTTPS_PROXY=") {
			banner = append(banner, l)
		}
	}
	if len(banner) == 0 {
		t.Fatal("scripts/demo.sh prints no forward-mode call")
	}
	for _, l := range banner {
		if strings.Contains(l, "SSL_CERT_FILE") || !strings.Contains(l, "curl -s --cacert $STATE/ca/ca.pem") {
			t.Errorf("forward-mode line without curl --cacert: %s", l)
		}
	}
}
