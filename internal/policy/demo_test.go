package policy

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

// The demo policy's promises (what `make run` shows), checked on the compiled plan.
func loadDemo(t *testing.T) *Plan {
	t.Helper()
	p, err := Load("../../policies/demo.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func fieldAction(t *testing.T, d *Decisions, path string) Action {
	t.Helper()
	for _, f := range d.Fields {
		if f.Rule.PathText == path {
			return f.Action
		}
	}
	t.Fatalf("no field rule %q", path)
	return ActionNone
}

func TestDemoCallers(t *testing.T) {
	p := loadDemo(t)
	for key, role := range map[string]string{
		"demo-hr-admin-key": "hr_admin", "demo-payroll-key": "payroll", "demo-support-key": "support",
		"demo-bot-key": "bot", "demo-admin-key": "admin",
	} {
		c, ok := p.CallerByKeyHash(sha256.Sum256([]byte(key)))
		if !ok || len(c.Roles) != 1 || c.Roles[0] != role {
			t.Errorf("key %s: caller %+v", key, c)
		}
	}
	for _, u := range p.Upstreams {
		if u.URL.String() != "http://127.0.0.1:8081" || u.Region != "cn" {
			t.Errorf("upstream %s: %s %s", u.Name, u.URL, u.Region)
		}
	}
	// Token routes: every caller, the right method.
	for _, c := range []struct{ up, method, path string }{
		{"oapi", "GET", "/gettoken"}, {"api", "POST", "/v1.0/oauth2/accessToken"}, {"api", "POST", "/v1.0/oauth2/userAccessToken"},
	} {
		r, _, ok := p.Match(c.up, c.method, c.path)
		if !ok || !r.AllowsRoles([]string{"bot"}) || !r.AllowsRoles([]string{"support"}) {
			t.Errorf("%s %s not open to every caller", c.method, c.path)
		}
	}
	if _, _, ok := p.Match("oapi", "POST", "/gettoken"); ok {
		t.Error("POST /gettoken must be refused")
	}
	if _, _, ok := p.Match("oapi", "POST", "/topapi/v2/department/list"); ok {
		t.Error("an unlisted path must be refused")
	}
}

func TestDemoUserGetAndList(t *testing.T) {
	p := loadDemo(t)
	for _, c := range []struct{ route, prefix string }{{"/topapi/v2/user/get", "result."}, {"/topapi/v2/user/list", "result.list.#."}} {
		r, _, ok := p.Match("oapi", "POST", c.route)
		if !ok {
			t.Fatalf("%s missing", c.route)
		}
		if r.AllowsRoles([]string{"bot"}) {
			t.Errorf("%s: bot must not read user details", c.route)
		}
		want := map[string]map[string]Action{
			"hr_admin": {"name": ActionReveal, "mobile": ActionReveal, "telephone": ActionReveal, "email": ActionReveal, "org_email": ActionReveal},
			"payroll":  {"name": ActionAllow, "mobile": ActionMask, "telephone": ActionMask, "email": ActionAllow, "org_email": ActionAllow},
			"support":  {"name": ActionAllow, "mobile": ActionRedact, "telephone": ActionRedact, "email": ActionRedact, "org_email": ActionRedact},
		}
		detected := map[string]map[detect.Type]Action{
			"hr_admin": {detect.HKID: ActionReveal, detect.CNID: ActionReveal, detect.CreditCard: ActionReveal},
			"payroll":  {detect.HKID: ActionMask, detect.CNID: ActionMask, detect.CreditCard: ActionMask},
			"support":  {detect.HKID: ActionRedact, detect.CNID: ActionRedact, detect.CreditCard: ActionRedact, detect.HKPhone: ActionRedact, detect.Email: ActionRedact},
		}
		for role, fields := range want {
			d := r.Response.For([]string{role})
			for f, a := range fields {
				if got := fieldAction(t, d, c.prefix+f); got != a {
					t.Errorf("%s %s %s: %v, want %v", c.route, role, f, got, a)
				}
			}
			for typ, a := range detected[role] {
				if got := d.Detected.For(typ); got != a {
					t.Errorf("%s %s detected %s: %v, want %v", c.route, role, typ, got, a)
				}
			}
			if !d.Scan {
				t.Errorf("%s: response must be scanned", c.route)
			}
		}
		// Remarks and the extension JSON are scanned, not passed.
		for _, f := range d(r, "support").Fields {
			if strings.HasSuffix(f.Rule.PathText, "remark") || strings.HasSuffix(f.Rule.PathText, "extension") {
				if !f.Rule.Scan {
					t.Errorf("%s: %s must be a scan rule", c.route, f.Rule.PathText)
				}
			}
		}
	}
}

func d(r *Route, role string) *Decisions { return r.Response.For([]string{role}) }

func TestDemoBotTokenizes(t *testing.T) {
	p := loadDemo(t)
	sends := []struct{ up, path string }{
		{"api", "/v1.0/robot/oToMessages/batchSend"},
		{"oapi", "/robot/send"},
		{"oapi", "/topapi/message/corpconversation/asyncsend_v2"},
	}
	for _, s := range sends {
		r, _, ok := p.Match(s.up, "POST", s.path)
		if !ok || !r.AllowsRoles([]string{"bot"}) {
			t.Fatalf("%s: not open to bot", s.path)
		}
		dec := r.Request.For([]string{"bot"})
		for _, typ := range []detect.Type{detect.HKID, detect.CNID, detect.CreditCard} {
			if got := dec.Detected.For(typ); got != ActionTokenize {
				t.Errorf("%s: bot %s = %v, want tokenize", s.path, typ, got)
			}
		}
		if !dec.Scan {
			t.Errorf("%s: request not scanned", s.path)
		}
	}
}

// Both roster generations key every sensitive field code, on value and label alike.
func TestDemoRosterCodes(t *testing.T) {
	p := loadDemo(t)
	gens := []struct{ up, path, fdl, fc, fvl string }{
		{"api", "/v1.0/hrm/rosters/lists/query", "fieldDataList", "fieldCode", "fieldValueList"},
		{"oapi", "/topapi/smartwork/hrm/employee/v2/list", "field_data_list", "field_code", "field_value_list"},
	}
	for _, g := range gens {
		r, _, ok := p.Match(g.up, "POST", g.path)
		if !ok {
			t.Fatalf("%s missing", g.path)
		}
		hr, pay := r.Response.For([]string{"hr_admin"}), r.Response.For([]string{"payroll"})
		for _, code := range []string{"sys00-name", "sys00-mobile", "sys00-email", "sys02-certNo", "sys04-bankAccountNo"} {
			for _, leaf := range []string{"value", "label"} {
				path := fmt.Sprintf(`result.#.%s.#(%s=="%s").%s.#.%s`, g.fdl, g.fc, code, g.fvl, leaf)
				if a := fieldAction(t, hr, path); a != ActionReveal {
					t.Errorf("%s hr_admin %s = %v", g.path, path, a)
				}
				_ = fieldAction(t, pay, path)
			}
		}
		for _, glob := range []string{"sys02-*", "sys06-*", "sys07-*", "sys09-*"} {
			path := fmt.Sprintf(`result.#.%s.#(%s%%"%s")#.%s.#.value`, g.fdl, g.fc, glob, g.fvl)
			if a := fieldAction(t, pay, path); glob != "sys09-*" && a != ActionRedact {
				t.Errorf("%s payroll %s = %v, want redact", g.path, glob, a)
			}
		}
		certNo := fmt.Sprintf(`result.#.%s.#(%s=="sys02-certNo").%s.#.value`, g.fdl, g.fc, g.fvl)
		if fieldAction(t, pay, certNo) != ActionMask {
			t.Errorf("%s: payroll must see certNo masked", g.path)
		}
		if r.AllowsRoles([]string{"support"}) {
			t.Errorf("%s: support must not read the roster", g.path)
		}
	}
}
