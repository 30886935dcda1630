package policy

import (
	"maps"
	"testing"
)

const matchRoutes = `
  - name: user-get
    match: {upstream: oapi, method: POST, path: /topapi/v2/user/get}
  - name: user-any
    match: {upstream: oapi, method: "*", path: /topapi/v2/user/any}
  - name: users-me
    match: {upstream: api, method: GET, path: /v1.0/contact/users/me}
  - name: users-by-id
    match: {upstream: api, method: GET, path: "/v1.0/contact/users/{unionId}"}
  - name: user-resources
    match: {upstream: api, method: GET, path: "/v1.0/contact/users/{userId}/managemementResources"}
  - name: chat-convert
    match: {upstream: api, method: [POST, PUT], path: "/v1.0/im/chat/{chatId}/convertToOpenConversationId"}
  - name: chat-any
    match: {upstream: api, method: POST, path: "/v1.0/im/{kind}/{id}/convertToOpenConversationId"}
  - name: robot-prefix
    match: {upstream: api, method: POST, path: /v1.0/robot/**}
  - name: robot-oto-prefix
    match: {upstream: api, method: POST, path: /v1.0/robot/oToMessages/**}
  - name: robot-batch
    match: {upstream: api, method: POST, path: /v1.0/robot/oToMessages/batchSend}
  - name: root
    match: {upstream: oapi, method: GET, path: /}
  - name: everything-get
    match: {upstream: oapi, method: GET, path: /**}
`

func TestMatch(t *testing.T) {
	p := mustParse(t, policyWith(matchRoutes))
	cases := []struct {
		upstream, method, path string
		want                   string // route name, "" = no route (403)
		params                 map[string]string
	}{
		{"oapi", "POST", "/topapi/v2/user/get", "user-get", nil},
		{"oapi", "GET", "/topapi/v2/user/get", "everything-get", nil}, // method not listed: falls to the GET prefix
		{"oapi", "DELETE", "/topapi/v2/user/get", "", nil},
		{"api", "POST", "/topapi/v2/user/get", "", nil}, // other upstream
		{"nope", "POST", "/topapi/v2/user/get", "", nil},
		{"oapi", "PATCH", "/topapi/v2/user/any", "user-any", nil},
		{"oapi", "POST", "/topapi/v2/user/get/", "", nil}, // exact means exact
		{"oapi", "POST", "/topapi/v2/user/gets", "", nil},
		// exact beats param
		{"api", "GET", "/v1.0/contact/users/me", "users-me", nil},
		{"api", "GET", "/v1.0/contact/users/Qm7iSZx8JdFiiE2YtPz0aFwiEiE", "users-by-id", map[string]string{"unionId": "Qm7iSZx8JdFiiE2YtPz0aFwiEiE"}},
		{"api", "GET", "/v1.0/contact/users/u1/managemementResources", "user-resources", map[string]string{"userId": "u1"}},
		{"api", "GET", "/v1.0/contact/users/u1/other", "", nil},
		{"api", "GET", "/v1.0/contact/users/", "", nil}, // a parameter never matches an empty segment
		{"api", "POST", "/v1.0/contact/users/me", "", nil},
		// literal beats parameter at the first differing segment
		{"api", "PUT", "/v1.0/im/chat/c1/convertToOpenConversationId", "chat-convert", map[string]string{"chatId": "c1"}},
		{"api", "POST", "/v1.0/im/chat/c1/convertToOpenConversationId", "chat-convert", map[string]string{"chatId": "c1"}},
		{"api", "POST", "/v1.0/im/group/g1/convertToOpenConversationId", "chat-any", map[string]string{"kind": "group", "id": "g1"}},
		{"api", "PUT", "/v1.0/im/group/g1/convertToOpenConversationId", "", nil},
		// exact beats prefix; the longest prefix wins
		{"api", "POST", "/v1.0/robot/oToMessages/batchSend", "robot-batch", nil},
		{"api", "POST", "/v1.0/robot/oToMessages/readStatus", "robot-oto-prefix", nil},
		{"api", "POST", "/v1.0/robot/oToMessages", "robot-oto-prefix", nil},
		{"api", "POST", "/v1.0/robot/groupMessages/send", "robot-prefix", nil},
		{"api", "POST", "/v1.0/robot", "robot-prefix", nil},
		{"api", "POST", "/v1.0/robots", "", nil}, // a prefix ends at a segment boundary
		{"oapi", "GET", "/", "root", nil},
		{"oapi", "GET", "/anything/at/all", "everything-get", nil},
		// non-canonical paths never match, even under a catch-all prefix
		{"oapi", "GET", "/a/../topapi", "", nil},
		{"oapi", "GET", "/a/./b", "", nil},
		{"oapi", "GET", "//a", "", nil},
		{"oapi", "GET", "/a\\b", "", nil},
		{"oapi", "GET", "", "", nil},
		{"oapi", "GET", "relative", "", nil},
		{"api", "POST", "/v1.0/robot/..", "", nil},
	}
	for _, c := range cases {
		r, params, ok := p.Match(c.upstream, c.method, c.path)
		got := ""
		if ok {
			got = r.Name
		}
		if got != c.want {
			t.Errorf("Match(%s %s %q) = %q, want %q", c.upstream, c.method, c.path, got, c.want)
			continue
		}
		if !maps.Equal(params, c.params) {
			t.Errorf("Match(%s %s %q) params = %v, want %v", c.upstream, c.method, c.path, params, c.params)
		}
		if ok != (r != nil) {
			t.Errorf("ok=%v with route %v", ok, r)
		}
	}
	var nilPlan *Plan
	if _, _, ok := nilPlan.Match("oapi", "GET", "/"); ok {
		t.Error("a nil plan matched")
	}
}

func TestRouteRoles(t *testing.T) {
	p := mustParse(t, policyWith(`
  - name: restricted
    match: {upstream: oapi, method: POST, path: /r}
    roles: [hr_admin, payroll]
  - name: open
    match: {upstream: oapi, method: POST, path: /o}
`))
	r, _ := p.RouteByName("restricted")
	for _, c := range []struct {
		roles []string
		want  bool
	}{{[]string{"hr_admin"}, true}, {[]string{"support", "payroll"}, true}, {[]string{"support"}, false}, {nil, false}} {
		if got := r.AllowsRoles(c.roles); got != c.want {
			t.Errorf("restricted.AllowsRoles(%v) = %v", c.roles, got)
		}
	}
	o, _ := p.RouteByName("open")
	if !o.AllowsRoles([]string{"bot"}) || !o.AllowsRoles(nil) {
		t.Error("a route without roles must admit every caller")
	}
	if _, ok := p.RouteByName("missing"); ok {
		t.Error("RouteByName found a route that does not exist")
	}
}

func TestCanonicalPath(t *testing.T) {
	for path, want := range map[string]bool{
		"/": true, "/a": true, "/a/b": true, "/a/b/": true, "/v1.0/x": true, "/a..b": true, "/.well-known": true,
		"": false, "a": false, "//": false, "/a//b": false, "/./a": false, "/a/.": false, "/a/..": false, "/a/../b": false, `/a\b`: false,
	} {
		if got := canonicalPath(path); got != want {
			t.Errorf("canonicalPath(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestParsePattern(t *testing.T) {
	good := map[string]patternKind{
		"/": patExact, "/gettoken": patExact, "/v1.0/oauth2/accessToken": patExact,
		"/v1.0/contact/users/{unionId}": patParam, "/a/{b}/c/{d_2}": patParam,
		"/**": patPrefix, "/v1.0/robot/**": patPrefix,
	}
	for s, kind := range good {
		pat, err := parsePattern(s)
		if err != nil || pat.kind != kind {
			t.Errorf("parsePattern(%q) = %v, %v; want kind %v", s, pat.kind, err, kind)
		}
	}
	for _, s := range []string{"", "x", "/a//b", "/a/", "/a/**/b", "/a/*", "/a/{}", "/a/{1}", "/a/{b}/{b}", "/a/{b}/**", "/a b", "/a?b", "/a#b", "/a/%2F", "/a/../b", "/a/./b", "/a/{b"} {
		if _, err := parsePattern(s); err == nil {
			t.Errorf("parsePattern(%q) accepted", s)
		}
	}
}
