package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/config"
)

// TestDSARUnknownType: a type id outside the catalogue is refused with the list of valid
// ones (exit 2), by every operation, and nothing is written to the vault for it.
func TestDSARUnknownType(t *testing.T) {
	policy, err := filepath.Abs("../../policies/demo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := writeFile(t, "serve.yaml", "listen: 127.0.0.1:0\npolicy: "+policy+"\nstate_dir: .\n")
	for _, op := range []string{"find", "export", "erase"} {
		code, out, errOut := run(t, "dsar", op, "--config", cfg, "--type", "hkidx", "--value", "A123456(3)")
		if code != 2 || out != "" || !strings.Contains(errOut, `unknown PII type "hkidx": the types are hkid, hk_phone,`) {
			t.Errorf("%s: exit %d\nstdout %s\nstderr %s", op, code, out, errOut)
		}
	}
	if code, out, errOut := run(t, "dsar", "erase", "--config", cfg, "--type", "hkid", "--value", "A123456(3)"); code != 0 ||
		!strings.Contains(out, `"status": "erased"`) {
		t.Errorf("a catalogue type: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}

// TestVaultHeldByServe: while another process (proxy serve) holds the embedded vault, the
// commands that open it with --config say what to do instead of only "locked".
func TestVaultHeldByServe(t *testing.T) {
	cfgFile := writeFile(t, "serve.yaml", "listen: 127.0.0.1:0\npolicy: unused.yaml\nstate_dir: .\n")
	cfg, err := config.Load(cfgFile)
	if err != nil {
		t.Fatal(err)
	}
	v, err := openVault(cfg) // stands in for proxy serve
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"dsar", "find", "--config", cfgFile, "--type", "hkid", "--value", "A123456(3)"}, "while `proxy serve` runs with this configuration, use --admin"},
		{[]string{"vault", "stats", "--config", cfgFile}, "while `proxy serve` runs with this configuration, stop it first"},
	} {
		if code, _, errOut := run(t, tc.args...); code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stderr %q", strings.Join(tc.args[:2], " "), code, errOut)
		}
	}
}
