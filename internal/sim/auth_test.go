package sim

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestGetToken(t *testing.T) {
	c := newSim(t)
	cases := []struct {
		name, query string
		errcode     int64
	}{
		{"good", "appkey=demo-app-key&appsecret=demo-app-secret", 0},
		{"wrong secret", "appkey=demo-app-key&appsecret=nope", errcodeBadAppKey},
		{"wrong key", "appkey=other&appsecret=demo-app-secret", errcodeBadAppKey},
		{"nothing", "", errcodeBadAppKey},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(req{Method: "GET", Path: "/gettoken?" + tc.query})
			m := r.json(t)
			if r.Status != 200 || num(t, m, "errcode") != tc.errcode {
				t.Fatalf("HTTP %d %s, want 200 errcode %d", r.Status, r.Body, tc.errcode)
			}
			if tc.errcode == 0 {
				if tok, _ := m["access_token"].(string); len(tok) != 32 || m["errmsg"] != "ok" || num(t, m, "expires_in") != 7200 {
					t.Errorf("bad success body %s", r.Body)
				}
			} else if m["errmsg"] != "不合法的appKey或appSecret" || m["access_token"] != nil {
				t.Errorf("bad error body %s", r.Body)
			}
		})
	}
}

func TestOAuthAccessToken(t *testing.T) {
	c := newSim(t)
	cases := []struct {
		name, body string
		status     int
		code       string
	}{
		{"good", `{"appKey":"demo-app-key","appSecret":"demo-app-secret"}`, 200, ""},
		{"bad secret", `{"appKey":"demo-app-key","appSecret":"x"}`, 400, "invalidClientIdOrSecret"},
		{"empty object", `{}`, 400, "invalidClientIdOrSecret"},
		{"secret of wrong type", `{"appKey":"demo-app-key","appSecret":1}`, 400, "invalidClientIdOrSecret"},
		{"malformed", `{"appKey":`, 400, "InvalidParameter"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(req{Path: "/v1.0/oauth2/accessToken", Body: tc.body, Chunked: true,
				Header: map[string]string{"Content-Type": "application/json; charset=utf-8"}})
			m := r.json(t)
			if r.Status != tc.status {
				t.Fatalf("HTTP %d %s, want %d", r.Status, r.Body, tc.status)
			}
			if tc.code == "" {
				if tok, _ := m["accessToken"].(string); len(tok) != 32 || num(t, m, "expireIn") != 7200 {
					t.Errorf("bad body %s", r.Body)
				}
				return
			}
			if m["code"] != tc.code || m["requestid"] == "" || m["message"] == "" {
				t.Errorf("body %s, want code %s with requestid and message", r.Body, tc.code)
			}
		})
	}
}

// Both token endpoints hand out one token per app, the same inside its validity window, and
// a new one once it expired (API-NOTES §3.3).
func TestTokenReuseAndExpiry(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newSim(t, func(c *Config) { c.Now = func() time.Time { return now } })
	first := c.appToken()
	if again := c.appToken(); again != first {
		t.Fatalf("re-fetch inside validity gave a new token")
	}
	r := c.do(req{Path: "/v1.0/oauth2/accessToken", Body: `{"appKey":"demo-app-key","appSecret":"demo-app-secret"}`})
	if got := r.json(t)["accessToken"]; got != first {
		t.Fatalf("v1.0 accessToken = %v, want the /gettoken token", got)
	}
	userGet := func(tok string) map[string]any {
		return c.do(req{Path: "/topapi/v2/user/get?access_token=" + tok, Body: `{"userid":"` + c.employee(0).UserID + `"}`}).json(t)
	}
	// Each fetch extends validity: 7000 s later the token still works and is still the same.
	now = now.Add(7000 * time.Second)
	if c.appToken() != first || num(t, userGet(first), "errcode") != 0 {
		t.Fatal("token not extended by a re-fetch")
	}
	now = now.Add(7201 * time.Second)
	if m := userGet(first); num(t, m, "errcode") != 88 || m["sub_code"] != "40014" {
		t.Fatalf("expired token: %v, want errcode 88 sub_code 40014", m)
	}
	if second := c.appToken(); second == first {
		t.Fatal("after expiry the same token was issued again")
	}
}

func TestLegacyTokenChecks(t *testing.T) {
	c := newSim(t)
	tok := c.appToken()
	user := c.userToken(c.employee(3).UserID)
	uid := c.employee(0).UserID
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	cases := []struct {
		name    string
		rq      req
		errcode int64
		sub     string
	}{
		{"query token", req{Path: "/topapi/v2/user/get?access_token=" + tok, Body: `{"userid":"` + uid + `"}`}, 0, ""},
		{"form body token", req{Path: "/topapi/v2/user/get", Body: "access_token=" + tok + "&userid=" + uid, Header: form}, 0, ""},
		{"missing", req{Path: "/topapi/v2/user/get", Body: `{"userid":"` + uid + `"}`}, 88, "40000"},
		{"empty", req{Path: "/topapi/v2/user/get?access_token=", Body: `{"userid":"` + uid + `"}`}, 88, "40000"},
		{"unknown", req{Path: "/topapi/v2/user/get?access_token=0123", Body: `{"userid":"` + uid + `"}`}, 88, "40014"},
		{"user token on oapi", req{Path: "/topapi/v2/user/get?access_token=" + user, Body: `{"userid":"` + uid + `"}`}, 88, "40014"},
		{"header is not read by oapi", req{Path: "/topapi/user/listid", Body: `{"dept_id":1}`, Header: map[string]string{tokenHeader: tok}}, 88, "40000"},
		{"token checked before the body", req{Path: "/topapi/v2/user/get?access_token=bad", Body: `{nope`}, 88, "40014"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(tc.rq)
			m := r.json(t)
			if r.Status != 200 || num(t, m, "errcode") != tc.errcode {
				t.Fatalf("HTTP %d %s, want 200 errcode %d", r.Status, r.Body, tc.errcode)
			}
			if tc.sub != "" {
				if m["sub_code"] != tc.sub || !strings.Contains(m["errmsg"].(string), "subcode="+tc.sub) {
					t.Errorf("body %s, want sub_code %q", r.Body, tc.sub)
				}
				if strings.Contains(string(r.Body), tok) {
					t.Error("error echoes the token")
				}
			}
		})
	}
}

func TestNewAPITokenChecks(t *testing.T) {
	c := newSim(t)
	tok := c.appToken()
	e0 := c.employee(0)
	user := c.userToken(c.employee(2).UserID)
	roster := `{"appAgentId":1,"userIdList":["` + e0.UserID + `"],"fieldFilterList":["sys00-name"]}`
	cases := []struct {
		name   string
		rq     req
		status int
		code   string
	}{
		{"header token", req{Path: "/v1.0/hrm/rosters/lists/query", Body: roster, Header: map[string]string{tokenHeader: tok}}, 200, ""},
		{"missing", req{Path: "/v1.0/hrm/rosters/lists/query", Body: roster}, 400, "AuthenticationFailed.MissingParameter"},
		{"query token is not read", req{Path: "/v1.0/hrm/rosters/lists/query?access_token=" + tok, Body: roster}, 400, "AuthenticationFailed.MissingParameter"},
		{"unknown", req{Path: "/v1.0/hrm/rosters/lists/query", Body: roster, Header: map[string]string{tokenHeader: "0123"}}, 400, "InvalidAuthentication"},
		{"user token on an app API", req{Path: "/v1.0/hrm/rosters/lists/query", Body: roster, Header: map[string]string{tokenHeader: user}}, 403, "Forbidden.AccessDenied.AccessTokenPermissionDenied"},
		{"app token on users/me", req{Method: "GET", Path: "/v1.0/contact/users/me", Header: map[string]string{tokenHeader: tok}}, 403, "Forbidden.AccessDenied.AccessTokenPermissionDenied"},
		{"user token on users/me", req{Method: "GET", Path: "/v1.0/contact/users/me", Header: map[string]string{tokenHeader: user}}, 200, ""},
		{"token checked before the body", req{Path: "/v1.0/hrm/rosters/lists/query", Body: `{`, Header: map[string]string{tokenHeader: "bad"}}, 400, "InvalidAuthentication"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(tc.rq)
			m := r.json(t)
			if r.Status != tc.status {
				t.Fatalf("HTTP %d %s, want %d", r.Status, r.Body, tc.status)
			}
			if tc.code != "" && (m["code"] != tc.code || m["requestid"] == nil || m["message"] == nil) {
				t.Errorf("body %s, want code %s", r.Body, tc.code)
			}
		})
	}
}

func TestUserAccessToken(t *testing.T) {
	c := newSim(t)
	e0, e5 := c.employee(0), c.employee(5)
	me := func(tok string) map[string]any {
		r := c.do(req{Method: "GET", Path: "/v1.0/contact/users/me", Header: map[string]string{tokenHeader: tok}})
		if r.Status != 200 {
			t.Fatalf("users/me: %d %s", r.Status, r.Body)
		}
		return r.json(t)
	}
	if got := me(c.userToken(e5.UserID)); got["unionId"] != e5.UnionID || got["nick"] != e5.Name || got["email"] != e5.Email {
		t.Errorf("users/me with code user:%s = %v", e5.UserID, got)
	}

	grant := func(body string) resp { return c.do(req{Path: "/v1.0/oauth2/userAccessToken", Body: body}) }
	r := grant(`{"clientId":"demo-app-key","clientSecret":"demo-app-secret","code":"any-real-looking-code","grantType":"authorization_code"}`)
	m := r.json(t)
	if got := me(m["accessToken"].(string)); got["unionId"] != e0.UnionID {
		t.Errorf("an arbitrary code should stand for employee 0, got %v", got["unionId"])
	}
	if m["corpId"] == "" || num(t, m, "expireIn") != 7200 || m["refreshToken"] == "" {
		t.Errorf("grant body %s", r.Body)
	}
	refresh := `{"clientId":"demo-app-key","clientSecret":"demo-app-secret","refreshToken":"` + m["refreshToken"].(string) + `","grantType":"refresh_token"}`
	r2 := grant(refresh)
	if r2.Status != 200 || me(r2.json(t)["accessToken"].(string))["unionId"] != e0.UnionID {
		t.Fatalf("refresh grant: %d %s", r2.Status, r2.Body)
	}
	if r3 := grant(refresh); r3.Status != 400 || r3.json(t)["code"] != "invalidRefreshToken" {
		t.Errorf("a refresh token is single-use: %d %s", r3.Status, r3.Body)
	}
	cases := []struct{ name, body, code string }{
		{"unknown user", `{"clientId":"demo-app-key","clientSecret":"demo-app-secret","code":"user:nobody","grantType":"authorization_code"}`, "invalidAuthCode"},
		{"bad client", `{"clientId":"demo-app-key","clientSecret":"x","code":"c","grantType":"authorization_code"}`, "invalidClientIdOrSecret"},
		{"no code", `{"clientId":"demo-app-key","clientSecret":"demo-app-secret","grantType":"authorization_code"}`, "InvalidParameter"},
		{"bad grant", `{"clientId":"demo-app-key","clientSecret":"demo-app-secret","code":"c","grantType":"password"}`, "InvalidParameter"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := grant(tc.body)
			if r.Status != 400 || r.json(t)["code"] != tc.code {
				t.Errorf("HTTP %d %s, want 400 %s", r.Status, r.Body, tc.code)
			}
		})
	}
}

func TestAppTokenAsUser(t *testing.T) {
	c := newSim(t, func(c *Config) { c.AppTokenAsUser = true })
	r := c.do(req{Method: "GET", Path: "/v1.0/contact/users/me", Header: map[string]string{tokenHeader: c.appToken()}})
	if r.Status != http.StatusOK || r.json(t)["unionId"] != c.employee(0).UnionID {
		t.Fatalf("app token as employee 0: %d %s", r.Status, r.Body)
	}
}
