package policy

import (
	"crypto/sha256"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const callerPolicy = `version: 1
roles: [hr_admin, payroll]
callers:
  - id: portal
    api_key_sha256: 2E33C67B4719C6FFB470E93CB2A9EC98D3CDC157505B0A1AED3229B8E74BE1F4
    roles: [payroll, hr_admin]
  - id: payroll-job
    api_key_sha256: 85a9666d8aa9e3b69620f8f930ef37c8c8ae231c7345009b15aea18ccb3a2160
    roles: [payroll]
    client_cert: {subject_cn: payroll.internal}
  - id: cert-only
    client_cert: {spki_sha256: a9e99ff0e3a6317a4c201ed8e7f5dff708661b4f565315a7b6800f9d8d091d0c}
    roles: [hr_admin]
upstreams:
  oapi: {url: https://oapi.dingtalk.com/base, region: cn}
  local: {url: "http://[::1]:9000", region: hk}
residency:
  client_networks: [10.0.0.0/8, "fd00::/8"]
  forbid_clear: [hkid]
routes: []
`

func TestCallerLookup(t *testing.T) {
	p := mustParse(t, callerPolicy)
	c, ok := p.CallerByKeyHash(sha256.Sum256([]byte("demo-hr-admin-key")))
	if !ok || c.ID != "portal" {
		t.Fatalf("upper-case hex hash not matched: %v %v", c, ok)
	}
	if strings.Join(c.Roles, ",") != "hr_admin,payroll" {
		t.Errorf("caller roles not sorted: %v", c.Roles)
	}
	if c, ok := p.CallerByKeyHash(sha256.Sum256([]byte("demo-payroll-key"))); !ok || c.ID != "payroll-job" {
		t.Errorf("second caller not found: %v", c)
	}
	if _, ok := p.CallerByKeyHash(sha256.Sum256([]byte("wrong"))); ok {
		t.Error("a wrong key matched")
	}
	// A cert-only caller has no key hash; the zero hash must not match it.
	if _, ok := p.CallerByKeyHash([32]byte{}); ok {
		t.Error("the zero hash matched a caller without a key")
	}
	if c, ok := p.CallerByCert("payroll.internal", [32]byte{}); !ok || c.ID != "payroll-job" {
		t.Errorf("CN mapping: %v %v", c, ok)
	}
	spki := sha256.Sum256([]byte("demo-support-key"))
	if c, ok := p.CallerByCert("someone-else", spki); !ok || c.ID != "cert-only" {
		t.Errorf("SPKI mapping: %v %v", c, ok)
	}
	if _, ok := p.CallerByCert("", [32]byte{}); ok {
		t.Error("an empty CN matched")
	}
	if _, ok := p.CallerByCert("unknown.internal", [32]byte{1}); ok {
		t.Error("unknown cert matched")
	}
}

func TestResidency(t *testing.T) {
	p := mustParse(t, callerPolicy)
	r := &p.Residency
	if r.HomeRegion != "hk" {
		t.Errorf("default home region = %q", r.HomeRegion)
	}
	if !r.CrossBorder(p.Upstreams["oapi"]) || r.CrossBorder(p.Upstreams["local"]) || r.CrossBorder(nil) {
		t.Error("CrossBorder wrong")
	}
	for addr, want := range map[string]bool{"10.1.2.3": true, "::ffff:10.1.2.3": true, "fd12::1": true, "192.168.1.1": false, "127.0.0.1": false} {
		if got := r.ClientInHome(netip.MustParseAddr(addr)); got != want {
			t.Errorf("ClientInHome(%s) = %v", addr, got)
		}
	}
	if !r.ForbidClear.Has("hkid") || r.ForbidClear.Has("cn_id") {
		t.Error("forbid_clear not compiled")
	}
	var none Residency
	if !none.ClientInHome(netip.MustParseAddr("8.8.8.8")) {
		t.Error("without networks every client is local")
	}
	if u := p.Upstreams["oapi"]; u.URL.String() != "https://oapi.dingtalk.com/base" || u.Region != "cn" || u.Name != "oapi" {
		t.Errorf("upstream: %+v", u)
	}
}

func TestKeySourceRead(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "hash.key")
	if err := os.WriteFile(file, []byte("  s3cret-key\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := (&KeySource{File: file}).Read(); err != nil || string(b) != "s3cret-key" {
		t.Errorf("file key = %q, %v", b, err)
	}
	t.Setenv("POLICY_TEST_KEY", "from-env")
	if b, err := (&KeySource{Env: "POLICY_TEST_KEY"}).Read(); err != nil || string(b) != "from-env" {
		t.Errorf("env key = %q, %v", b, err)
	}
	t.Setenv("POLICY_TEST_EMPTY", " ")
	for _, k := range []*KeySource{nil, {File: filepath.Join(dir, "missing")}, {Env: "POLICY_TEST_UNSET_VARIABLE"}, {Env: "POLICY_TEST_EMPTY"}} {
		if _, err := k.Read(); err == nil {
			t.Errorf("%v: no error", k)
		}
	}
	if err := os.WriteFile(file, []byte("top-secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := (&KeySource{File: filepath.Join(dir, "nope")}).Read(); err != nil && strings.Contains(err.Error(), "top-secret") {
		t.Error("error leaks key content")
	}
	if s := (&KeySource{Env: "X"}).String(); s != "env X" {
		t.Errorf("String = %q", s)
	}
}
