package policy

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

func TestLoadDefaults(t *testing.T) {
	p := mustParse(t, policyWith(`
  - name: plain
    match: {upstream: oapi, method: GET, path: /gettoken}
`))
	if p.Version != 1 || p.Source != "inline.yaml" {
		t.Errorf("version %d source %q", p.Version, p.Source)
	}
	if p.Limits != DefaultLimits || DefaultLimits != (Limits{MaxBody: 4 << 20, MaxDepth: 64, Timeout: 10 * time.Second}) {
		t.Errorf("default limits %+v", p.Limits)
	}
	r := p.Routes[0]
	if r.Limits != DefaultLimits || r.RateLimit != nil || r.Roles != nil {
		t.Errorf("route defaults: %+v %+v %v", r.Limits, r.RateLimit, r.Roles)
	}
	if !slices.Equal(r.Inspect, DefaultInspect) || r.Passthrough != nil {
		t.Errorf("content types: %v / %v", r.Inspect, r.Passthrough)
	}
	for _, s := range []*Side{r.Request, r.Response} {
		if s == nil || !s.Scan || s.Detected.Default.Default != ActionRedact || len(s.Detected.Roles) != 0 || len(s.Fields) != 0 {
			t.Errorf("an absent direction must scan and redact: %+v", s)
		}
	}
	if p.Residency.HomeRegion != "hk" || p.Keys.Hash != nil || len(p.Callers) != 0 {
		t.Errorf("residency %+v keys %+v", p.Residency, p.Keys)
	}
	if !p.HasRole("bot") || p.HasRole("default") || p.HasRole("nobody") {
		t.Error("HasRole")
	}
}

func TestLoadRouteSettings(t *testing.T) {
	p := mustParse(t, header+`
  - name: tuned
    match: {upstream: api, method: [POST, PUT], path: /v1.0/hrm/rosters/lists/query}
    roles: [hr_admin, payroll]
    content_types: {inspect: [application/json], passthrough: [image/*, application/octet-stream]}
    limits: {max_body: 8MiB}
    rate_limit: {qps: 2.5}
    request:
      scan: false
      query:
        - {param: mobile, type: hk_phone, action: redact}
        - {param: q, scan: true}
        - {param: id, type: hkid}
    response:
      fields:
        - {path: result.#.name, type: person_name, action: {hr_admin: allow, default: mask}}
        - path: result.#.remark
          scan: true
      detected: {hr_admin: tokenize, default: redact}
  - name: any-method
    match: {upstream: oapi, method: "*", path: /x/**}
    limits: {timeout: 1m30s, max_depth: 10}
    rate_limit: {qps: 20, burst: 40}
limits: {max_body: 512KiB, timeout: 5s}
`)
	r := p.Routes[0]
	if !slices.Equal(r.Methods, []string{"POST", "PUT"}) || !r.AllowsMethod("PUT") || r.AllowsMethod("GET") {
		t.Errorf("methods %v", r.Methods)
	}
	if len(r.Roles) != 2 || !r.Roles["payroll"] {
		t.Errorf("roles %v", r.Roles)
	}
	if !slices.Equal(r.Inspect, []string{"application/json"}) || !slices.Equal(r.Passthrough, []string{"image/*", "application/octet-stream"}) {
		t.Errorf("content types %v %v", r.Inspect, r.Passthrough)
	}
	// Route limits override only the keys they set; the rest come from the policy's limits.
	if r.Limits != (Limits{MaxBody: 8 << 20, MaxDepth: 64, Timeout: 5 * time.Second}) {
		t.Errorf("limits %+v", r.Limits)
	}
	if r.RateLimit == nil || r.RateLimit.QPS != 2.5 || r.RateLimit.Burst != 3 {
		t.Errorf("rate limit %+v (burst defaults to qps rounded up)", r.RateLimit)
	}
	if r.Request.Scan || len(r.Request.Query) != 3 || r.Request.Query[0].Param != "mobile" || r.Request.Query[0].Type != detect.HKPhone {
		t.Errorf("request side %+v", r.Request)
	}
	qd := r.Request.For([]string{"bot"})
	if qd.Query[0].Action != ActionRedact || qd.Query[1].Action != ActionNone || qd.Query[2].Action != ActionRedact {
		t.Errorf("query decisions %+v", qd.Query)
	}
	f := r.Response.Fields[0]
	if f.PathText != "result.#.name" || f.Path == nil || f.Path.String() != "result.#.name" || f.Type != detect.PersonName || f.Line != 22 || f.Col != 11 {
		t.Errorf("field rule %+v", f)
	}
	if !r.Response.Fields[1].Scan || r.Response.Fields[1].Line != 23 {
		t.Errorf("scan rule %+v", r.Response.Fields[1])
	}
	// tokenize is valid in responses (a stable reference the caller cannot read).
	if d := r.Response.For([]string{"hr_admin"}); d.Detected.Default != ActionTokenize || d.Fields[0].Action != ActionAllow {
		t.Errorf("hr_admin response %+v", d)
	}
	a := p.Routes[1]
	if a.Methods != nil || !a.AllowsMethod("DELETE") || a.Pattern != "/x/**" {
		t.Errorf("any-method route %+v", a)
	}
	if a.Limits != (Limits{MaxBody: 512 << 10, MaxDepth: 10, Timeout: 90 * time.Second}) || a.RateLimit.Burst != 40 {
		t.Errorf("any-method limits %+v %+v", a.Limits, a.RateLimit)
	}
}

func TestLoadYAMLFeatures(t *testing.T) {
	p := mustParse(t, "\xef\xbb\xbf"+`version: 1
roles: [hr_admin, support]
x-shared:
  phone: &phone {hr_admin: allow, default: mask}
  base_match: &base {upstream: oapi, method: POST}
  side: &side
    fields:
      - {path: mobile, type: hk_phone, action: *phone}
upstreams:
  oapi: {url: https://oapi.dingtalk.com, region: !!str cn}
keys:
  hash: {file: /run/secrets/hash.key}
routes:
  - name: one
    match: {<<: *base, path: /one}
    response: *side
  - name: two
    match:
      <<: *base
      method: GET          # explicit keys win over merged ones
      path: !!str /two
    response: *side
    request: {fields: [{path: x, action: hash}]}
`)
	if len(p.Routes) != 2 {
		t.Fatalf("routes %d", len(p.Routes))
	}
	if !slices.Equal(p.Routes[0].Methods, []string{"POST"}) || !slices.Equal(p.Routes[1].Methods, []string{"GET"}) {
		t.Errorf("merge keys: %v %v", p.Routes[0].Methods, p.Routes[1].Methods)
	}
	if p.Routes[0].Response == p.Routes[1].Response {
		t.Error("routes sharing an anchor must still get their own Side (own decision cache)")
	}
	for _, r := range p.Routes {
		if d := r.Response.For([]string{"support"}); d.Fields[0].Action != ActionMask {
			t.Errorf("%s: aliased action map resolved to %v", r.Name, d.Fields[0].Action)
		}
	}
	if p.Keys.Hash == nil || p.Keys.Hash.File != "/run/secrets/hash.key" {
		t.Errorf("keys %+v", p.Keys.Hash)
	}
}

func TestLoadCustomRecognizer(t *testing.T) {
	p := mustParse(t, header+`
  - name: r
    match: {upstream: oapi, method: POST, path: /r}
    response:
      fields:
        - {path: staff, type: staff_no, action: mask}
      detected: {default: {staff_no: hash, default: redact}}
recognizers:
  - type: staff_no
    pattern: 'EMP-\d{6}'
    keywords: [staff, 員工]
    score: 0.8
keys:
  hash: {env: PROXY_HASH_KEY}
`)
	if len(p.Recognizers) != 1 {
		t.Fatalf("recognizers %+v", p.Recognizers)
	}
	cr := p.Recognizers[0]
	if cr.Type != "staff_no" || cr.Pattern != `EMP-\d{6}` || !slices.Equal(cr.Keywords, []string{"staff", "員工"}) || cr.Score != 0.8 {
		t.Errorf("recognizer %+v", cr)
	}
	d := p.Routes[0].Response.For([]string{"support"})
	if d.Detected.For("staff_no") != ActionHash || p.Routes[0].Response.Fields[0].Type != "staff_no" {
		t.Errorf("custom type not usable: %+v", d.Detected)
	}
	if p.Keys.Hash.Env != "PROXY_HASH_KEY" {
		t.Errorf("env key %+v", p.Keys.Hash)
	}
}

func TestParseSize(t *testing.T) {
	good := map[string]int64{"1024": 1024, "2048B": 2048, "512KiB": 512 << 10, "4MiB": 4 << 20, "4 MiB": 4 << 20, "1GiB": 1 << 30}
	for s, want := range good {
		n := &node{kind: kindScalar, scalar: scalarString, text: s}
		if got, err := parseSize(n); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "MiB", "4MB", "4mb", "4 KB", "1.5MiB", "-1", "4XiB", "99999999999GiB", "99999999999999999999"} {
		n := &node{kind: kindScalar, scalar: scalarString, text: s}
		if got, err := parseSize(n); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", s, got)
		}
	}
	if _, err := parseSize(&node{kind: kindScalar, scalar: scalarBool, text: "true"}); err == nil {
		t.Error("a boolean size was accepted")
	}
	if _, err := parseSize(nil); err == nil {
		t.Error("a missing size was accepted")
	}
}

// Errors never repeat secret material: pasted keys, URL credentials.
func TestErrorsHoldNoSecrets(t *testing.T) {
	lines := parseErrors(t, `version: 1
roles: [a]
callers:
  - id: c
    api_key_sha256: my-real-api-key-0123456789
    roles: [a]
upstreams:
  oapi: {url: "https://admin:Pa55w0rd@oapi.dingtalk.com", region: cn}
routes: []
`)
	all := strings.Join(lines, "\n")
	for _, secret := range []string{"my-real-api-key", "Pa55w0rd", "admin:"} {
		if strings.Contains(all, secret) {
			t.Errorf("error output contains %q:\n%s", secret, all)
		}
	}
	if len(lines) != 2 {
		t.Errorf("want 2 errors, got:\n%s", all)
	}
}

func TestErrorsSortedAndComplete(t *testing.T) {
	lines := parseErrors(t, `version: 1
roles: [a]
upstreams:
  oapi: {url: https://oapi.dingtalk.com, region: cn}
routes:
  - name: r
    match: {upstream: oapi, method: GET, path: /r}
    response:
      fields:
        - {path: x, action: nope}
      detected: {b: allow}
bogus: 1
`)
	want := []string{
		`inline.yaml:10:29: routes[0].response.fields[0].action: unknown action "nope" (want one of allow, reveal, mask, hash, tokenize, redact, drop, deny)`,
		`inline.yaml:11:18: routes[0].response.detected.b: unknown role "b" (declare it under roles, or use default)`,
		`inline.yaml:12:1: bogus: unknown key "bogus"`,
	}
	if !slices.Equal(lines, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/does-not-exist.yaml")
	var le *LoadError
	if !errors.As(err, &le) || len(le.Errors) != 1 || le.Errors[0].Line != 1 || !strings.HasPrefix(err.Error(), "testdata/does-not-exist.yaml:1:1: cannot read the policy") {
		t.Fatalf("got %v", err)
	}
	lines := Check("testdata/does-not-exist.yaml", "../../policies/demo.yaml", "testdata/bad/version.yaml")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "testdata/bad/version.yaml:1:10:") {
		t.Errorf("Check lines: %q", lines)
	}
	if lines := Check("../../policies/demo.yaml"); lines != nil {
		t.Errorf("a good policy printed %q", lines)
	}
}
