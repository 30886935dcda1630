package policy

import (
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

// Role resolution through a real compiled policy: per-role maps, defaults, several roles.
func TestRoleResolution(t *testing.T) {
	p := mustParse(t, policyWith(`
  - name: r
    match: {upstream: oapi, method: POST, path: /r}
    response:
      fields:
        - {path: mobile, type: hk_phone, action: {hr_admin: allow, payroll: mask, default: redact}}
        - {path: email, action: {payroll: hash, support: tokenize}}   # no default: redact
        - {path: card, type: credit_card}                             # action from detected
        - {path: note, scan: true}
        - {path: all, action: drop}
      detected:
        hr_admin: reveal
        payroll: {hkid: mask, cn_id: deny, default: allow}
        support: {hkid: tokenize, default: redact}
        default: {credit_card: mask, default: drop}
keys:
  hash: {env: POLICY_TEST_HASH_KEY}
`))
	side := p.Routes[0].Response
	cases := []struct {
		roles  []string
		fields []Action // mobile, email, card, note, all
		hkid   Action
		cnID   Action
		card   Action
		other  Action
	}{
		{[]string{"hr_admin"}, []Action{ActionAllow, ActionRedact, ActionReveal, ActionNone, ActionDrop}, ActionReveal, ActionReveal, ActionReveal, ActionReveal},
		{[]string{"payroll"}, []Action{ActionMask, ActionHash, ActionAllow, ActionNone, ActionDrop}, ActionMask, ActionDeny, ActionAllow, ActionAllow},
		{[]string{"support"}, []Action{ActionRedact, ActionTokenize, ActionRedact, ActionNone, ActionDrop}, ActionTokenize, ActionRedact, ActionRedact, ActionRedact},
		{[]string{"bot"}, []Action{ActionRedact, ActionRedact, ActionMask, ActionNone, ActionDrop}, ActionDrop, ActionDrop, ActionMask, ActionDrop},
		{nil, []Action{ActionRedact, ActionRedact, ActionMask, ActionNone, ActionDrop}, ActionDrop, ActionDrop, ActionMask, ActionDrop},
		{[]string{"undeclared"}, []Action{ActionRedact, ActionRedact, ActionMask, ActionNone, ActionDrop}, ActionDrop, ActionDrop, ActionMask, ActionDrop},
		// Several roles: per value, the most permissive grant wins.
		{[]string{"payroll", "support"}, []Action{ActionMask, ActionHash, ActionAllow, ActionNone, ActionDrop}, ActionMask, ActionRedact, ActionAllow, ActionAllow},
		{[]string{"support", "bot"}, []Action{ActionRedact, ActionTokenize, ActionMask, ActionNone, ActionDrop}, ActionTokenize, ActionRedact, ActionMask, ActionRedact},
		{[]string{"bot", "hr_admin", "payroll"}, []Action{ActionAllow, ActionHash, ActionReveal, ActionNone, ActionDrop}, ActionReveal, ActionReveal, ActionReveal, ActionReveal},
	}
	for _, c := range cases {
		d := side.For(c.roles)
		for i, want := range c.fields {
			if got := d.Fields[i].Action; got != want {
				t.Errorf("roles %v field %s: got %v, want %v", c.roles, d.Fields[i].Rule.PathText, got, want)
			}
		}
		for _, tc := range []struct {
			typ  detect.Type
			want Action
		}{{detect.HKID, c.hkid}, {detect.CNID, c.cnID}, {detect.CreditCard, c.card}, {detect.Email, c.other}} {
			if got := d.Detected.For(tc.typ); got != tc.want {
				t.Errorf("roles %v detected %s: got %v, want %v", c.roles, tc.typ, got, tc.want)
			}
		}
	}
}

func TestMergeTypeActions(t *testing.T) {
	a := TypeActions{Types: []TypeAction{{detect.HKID, ActionMask}}, Default: ActionRedact}
	b := TypeActions{Types: []TypeAction{{detect.Email, ActionAllow}}, Default: ActionTokenize}
	m := mergeTypeActions([]TypeActions{a, b})
	want := map[detect.Type]Action{
		detect.HKID:    ActionMask,     // a's mask beats b's default tokenize
		detect.Email:   ActionAllow,    // b's allow beats a's default redact
		detect.CNID:    ActionTokenize, // defaults: tokenize beats redact
		detect.HKPhone: ActionTokenize,
	}
	for typ, w := range want {
		if got := m.For(typ); got != w {
			t.Errorf("merged For(%s) = %v, want %v", typ, got, w)
		}
	}
	if len(m.Types) != 2 || m.Types[0].Type != detect.Email {
		t.Errorf("merged types not sorted and unique: %+v", m.Types)
	}
	if got := mergeTypeActions(nil); got.Default != ActionRedact {
		t.Errorf("merge of nothing = %v, want redact", got.Default)
	}
}

func TestUniformAction(t *testing.T) {
	p := mustParse(t, policyWith(`
  - name: r
    match: {upstream: oapi, method: POST, path: /r}
    request:
      detected: tokenize
      fields:
        - {path: a, action: deny}
`))
	d := p.Routes[0].Request.For([]string{"support", "bot"})
	if d.Detected.For(detect.HKID) != ActionTokenize || d.Detected.Default != ActionTokenize {
		t.Errorf("detected: tokenize did not apply to every type: %+v", d.Detected)
	}
	if d.Fields[0].Action != ActionDeny {
		t.Errorf("action: deny resolved to %v", d.Fields[0].Action)
	}
}
