package sim

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// FuzzServe sends arbitrary bodies to every route (with a valid token, so the handlers run)
// and to arbitrary paths. Properties: no panic; every answer is JSON; oapi answers are HTTP
// 200 with an integer errcode; api answers are 200 or a 4xx with code, requestid, message.
func FuzzServe(f *testing.F) {
	cfg := DefaultConfig()
	cfg.Employees = 20
	cfg.Record = 4
	s, err := New(cfg)
	if err != nil {
		f.Fatal(err)
	}
	tok := s.tok.appToken(cfg.AppKey, s.now())
	var paths []string
	for k := range s.routes {
		paths = append(paths, k.method+" "+strings.Replace(k.path, "{unionId}", "me", 1))
	}
	f.Add(uint8(0), "", []byte(`{"userid":"x"}`), false)
	f.Add(uint8(1), "", []byte(`dept_id=1&size=5&cursor=0`), true)
	f.Add(uint8(2), "/topapi/v2/user/list", []byte(`{"dept_id":1,"size":100,"cursor":9}`), false)
	f.Add(uint8(3), "/v1.0/x/../y", []byte(`{"a":[1,{"b":null}]}`), false)
	f.Add(uint8(4), "", []byte(`{"formComponentValues":[{"name":"a","value":"b"}],"processCode":"p","originatorUserId":"x"}`), false)
	f.Fuzz(func(t *testing.T, pick uint8, rawPath string, body []byte, form bool) {
		method, path, _ := strings.Cut(paths[int(pick)%len(paths)], " ")
		if rawPath != "" {
			// A request line cannot carry white space or control characters (Go's server
			// rejects it before any handler runs), and httptest.NewRequest panics on one.
			if u, err := url.ParseRequestURI(rawPath); err == nil && strings.HasPrefix(u.Path, "/") && !strings.HasPrefix(u.Path, "/_sim/") &&
				!strings.ContainsFunc(u.RequestURI(), func(r rune) bool { return r <= ' ' || r == 0x7f }) {
				path = u.RequestURI()
			}
		}
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		r := httptest.NewRequest(method, path+sep+"access_token="+tok, bytes.NewReader(body))
		r.Header.Set(tokenHeader, tok)
		if form {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		var m map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
			t.Fatalf("%s %s: answer is not a JSON object: %v: %.200s", method, path, err, w.Body.Bytes())
		}
		if !isNewAPI(r.URL.Path) {
			if _, ok := m["errcode"].(float64); w.Code != http.StatusOK || !ok {
				t.Fatalf("%s %s: oapi answered %d %.200s", method, path, w.Code, w.Body.Bytes())
			}
			return
		}
		if w.Code == http.StatusOK {
			return
		}
		if w.Code < 400 || w.Code > 499 || m["code"] == nil || m["requestid"] == nil || m["message"] == nil {
			t.Fatalf("%s %s: api answered %d %.200s", method, path, w.Code, w.Body.Bytes())
		}
	})
}
