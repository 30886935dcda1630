package policy

import (
	"path/filepath"
	"testing"
)

// Every ready policy shipped in policies/ must load without a single error.
func TestShippedPoliciesLoad(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "policies", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no policies found in policies/")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			p, err := Load(f)
			if err != nil {
				t.Fatalf("%s does not load:\n%v", f, err)
			}
			if len(p.Routes) == 0 || len(p.Roles) == 0 {
				t.Fatalf("%s: empty plan", f)
			}
			if lines := Check(f); len(lines) != 0 {
				t.Fatalf("Check(%s) = %q, want nothing", f, lines)
			}
		})
	}
}

// The good fixtures (also fuzz seeds) load, and exercise what they claim to.
func TestGoodFixturesLoad(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "good", "*.yaml"))
	if len(files) < 2 {
		t.Fatalf("good fixtures missing: %v", files)
	}
	for _, f := range files {
		if _, err := Load(f); err != nil {
			t.Errorf("%s:\n%v", f, err)
		}
	}
	p, err := Load(filepath.Join("testdata", "good", "features.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Recognizers) != 2 || len(p.Routes) != 4 || len(p.Callers) != 3 {
		t.Fatalf("features.yaml compiled to %d recognizers, %d routes, %d callers", len(p.Recognizers), len(p.Routes), len(p.Callers))
	}
	if r, params, ok := p.Match("api", "POST", "/v1.0/contact/users/u1"); !ok || r.Name != "param" || params["unionId"] != "u1" {
		t.Errorf("param route: %v %v", r, params)
	}
	if r, _, ok := p.Match("local", "DELETE", "/x/y"); !ok || r.Name != "local-any" {
		t.Errorf("catch-all route: %v", r)
	}
	d := p.Routes[0].Response.For([]string{"payroll", "support"})
	if d.Detected.For("hkid") != ActionMask || d.Detected.For("email") != ActionAllow || d.Detected.For("staff_no") != ActionHash || d.Detected.Default != ActionTokenize {
		t.Errorf("payroll+support detected: %+v", d.Detected)
	}
	if d.Fields[6].Action != ActionDeny || p.Routes[0].Response.For([]string{"hr_admin"}).Fields[6].Action != ActionAllow {
		t.Error("deny by default, allow for hr_admin")
	}
}
