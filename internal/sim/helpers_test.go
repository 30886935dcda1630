package sim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// simClient drives one simulator over a real socket.
type simClient struct {
	t   testing.TB
	srv *httptest.Server
	s   *Server
	hc  *http.Client
}

// newSim starts a simulator (50 employees, seed 1 unless opts change it).
func newSim(t testing.TB, opts ...func(*Config)) *simClient {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Employees = 50
	for _, o := range opts {
		o(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	// Compression is controlled by each test, not added silently by the transport.
	hc := &http.Client{Transport: &http.Transport{DisableCompression: true}, Timeout: 30 * time.Second}
	return &simClient{t: t, srv: srv, s: s, hc: hc}
}

// req is one request to send; Body is sent as-is (Chunked forces Transfer-Encoding: chunked).
type req struct {
	Method, Path string
	Header       map[string]string
	Body         string
	Chunked      bool
}

type resp struct {
	Status int
	Header http.Header
	Body   []byte
}

// json decodes the body into a generic value, failing the test if it is not JSON.
func (r resp) json(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("response is not a JSON object (%v): %.300s", err, r.Body)
	}
	return m
}

func (c *simClient) do(rq req) resp {
	c.t.Helper()
	var body io.Reader
	if rq.Body != "" || rq.Chunked {
		if rq.Chunked {
			body = io.NopCloser(strings.NewReader(rq.Body)) // an opaque reader: no Content-Length
		} else {
			body = strings.NewReader(rq.Body)
		}
	}
	method := rq.Method
	if method == "" {
		method = http.MethodPost
	}
	hr, err := http.NewRequest(method, c.srv.URL+rq.Path, body)
	if err != nil {
		c.t.Fatalf("NewRequest: %v", err)
	}
	if rq.Chunked {
		hr.ContentLength = -1
	}
	for k, v := range rq.Header {
		hr.Header.Set(k, v)
	}
	res, err := c.hc.Do(hr)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, rq.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatalf("reading %s: %v", rq.Path, err)
	}
	return resp{res.StatusCode, res.Header, b}
}

// appToken fetches the app token through /gettoken.
func (c *simClient) appToken() string {
	c.t.Helper()
	cfg := c.s.cfg
	r := c.do(req{Method: "GET", Path: "/gettoken?appkey=" + url.QueryEscape(cfg.AppKey) + "&appsecret=" + url.QueryEscape(cfg.AppSecret)})
	tok, _ := r.json(c.t)["access_token"].(string)
	if tok == "" {
		c.t.Fatalf("no token: %s", r.Body)
	}
	return tok
}

// userToken fetches a user token for the userid through /v1.0/oauth2/userAccessToken.
func (c *simClient) userToken(userid string) string {
	c.t.Helper()
	body := fmt.Sprintf(`{"clientId":%q,"clientSecret":%q,"code":%q,"grantType":"authorization_code"}`,
		c.s.cfg.AppKey, c.s.cfg.AppSecret, UserCodePrefix+userid)
	r := c.do(req{Path: "/v1.0/oauth2/userAccessToken", Body: body})
	tok, _ := r.json(c.t)["accessToken"].(string)
	if r.Status != 200 || tok == "" {
		c.t.Fatalf("no user token: %d %s", r.Status, r.Body)
	}
	return tok
}

// legacy POSTs a JSON body to an oapi path with the app token and decodes the answer,
// which must be HTTP 200 (oapi never says otherwise).
func (c *simClient) legacy(path, body string) map[string]any {
	c.t.Helper()
	r := c.do(req{Path: path + "?access_token=" + c.appToken(), Body: body, Header: map[string]string{"Content-Type": "application/json"}})
	if r.Status != 200 {
		c.t.Fatalf("%s: HTTP %d, oapi always answers 200: %s", path, r.Status, r.Body)
	}
	return r.json(c.t)
}

// api calls a /v1.0 path with the app token in the header.
func (c *simClient) api(method, path, body string) resp {
	c.t.Helper()
	return c.do(req{Method: method, Path: path, Body: body, Header: map[string]string{
		tokenHeader: c.appToken(), "Content-Type": "application/json; charset=utf-8"}})
}

// employee returns employee i as GET /_sim/employees/{i} reports it.
func (c *simClient) employee(i int) EmployeeRecord {
	c.t.Helper()
	r := c.do(req{Method: "GET", Path: fmt.Sprintf("/_sim/employees/%d", i)})
	var e EmployeeRecord
	if err := json.Unmarshal(r.Body, &e); err != nil || r.Status != 200 {
		c.t.Fatalf("employee %d: %d %v", i, r.Status, err)
	}
	return e
}

func (c *simClient) requests(since int64) []Recorded {
	c.t.Helper()
	r := c.do(req{Method: "GET", Path: fmt.Sprintf("/_sim/requests?since=%d", since)})
	var out []Recorded
	if err := json.Unmarshal(r.Body, &out); err != nil {
		c.t.Fatalf("/_sim/requests: %v", err)
	}
	return out
}

// num reads a JSON number member as int64.
func num(t testing.TB, m map[string]any, key string) int64 {
	t.Helper()
	f, ok := m[key].(float64)
	if !ok {
		t.Fatalf("member %q is %T, want a number", key, m[key])
	}
	return int64(f)
}

// ---- shape comparison ------------------------------------------------------------------

// shapes flattens a JSON document into key path -> JSON type ("string", "number", "bool",
// "null", "object", "array"). Array elements share the path segment "[]", so a list of two
// users and a list of fifty have the same shape. empty collects the paths of empty arrays:
// an empty array says nothing about its elements' shape.
func shapes(v any, path string, out map[string]string, empty map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		out[path] = "object"
		for k, val := range x {
			shapes(val, path+"."+k, out, empty)
		}
	case []any:
		out[path] = "array"
		if len(x) == 0 {
			empty[path] = true
		}
		for _, el := range x {
			shapes(el, path+"[]", out, empty)
		}
	case string:
		out[path] = "string"
	case float64:
		out[path] = "number"
	case bool:
		out[path] = "bool"
	case nil:
		out[path] = "null"
	}
}

// shapeDiff compares the key paths and value types of two JSON documents and returns one
// line per difference (missing member, extra member, type mismatch), sorted.
func shapeDiff(want, got []byte) ([]string, error) {
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		return nil, fmt.Errorf("want: %w", err)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		return nil, fmt.Errorf("got: %w", err)
	}
	ws, gs := map[string]string{}, map[string]string{}
	empty := map[string]bool{}
	shapes(w, "$", ws, empty)
	shapes(g, "$", gs, empty)
	under := func(p string) bool {
		for e := range empty {
			if strings.HasPrefix(p, e+"[]") {
				return true
			}
		}
		return false
	}
	var diff []string
	for p, wt := range ws {
		if under(p) {
			continue
		}
		switch gt, ok := gs[p]; {
		case !ok:
			diff = append(diff, "missing "+p+" ("+wt+")")
		case gt != wt:
			diff = append(diff, "type of "+p+": want "+wt+", got "+gt)
		}
	}
	for p, gt := range gs {
		if _, ok := ws[p]; !ok && !under(p) {
			diff = append(diff, "extra "+p+" ("+gt+")")
		}
	}
	slices.Sort(diff)
	return diff, nil
}

func TestShapeDiff(t *testing.T) {
	cases := []struct {
		name      string
		want, got string
		diff      []string
	}{
		{"same", `{"a":1,"b":[{"c":"x"}]}`, `{"b":[{"c":"y"},{"c":"z"}],"a":2}`, nil},
		{"missing", `{"a":1,"b":2}`, `{"a":1}`, []string{"missing $.b (number)"}},
		{"extra", `{"a":1}`, `{"a":1,"z":true}`, []string{"extra $.z (bool)"}},
		{"type", `{"a":"1"}`, `{"a":1}`, []string{"type of $.a: want string, got number"}},
		{"nested type", `{"r":{"l":[{"n":1}]}}`, `{"r":{"l":[{"n":null}]}}`, []string{"type of $.r.l[].n: want number, got null"}},
		{"empty array on one side", `{"l":[]}`, `{"l":["x"]}`, nil},
		{"array vs object", `{"l":[]}`, `{"l":{}}`, []string{"type of $.l: want array, got object"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := shapeDiff([]byte(tc.want), []byte(tc.got))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(d, tc.diff) {
				t.Errorf("diff = %q, want %q", d, tc.diff)
			}
		})
	}
	if _, err := shapeDiff([]byte(`{`), []byte(`{}`)); err == nil {
		t.Error("malformed input: want an error")
	}
}

// compactJSONString re-encodes a JSON text compactly, for comparing bodies.
func compactJSONString(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		t.Fatalf("compact: %v", err)
	}
	return b.String()
}

// fixedClock returns a clock that stands still (QPS windows and token expiry under control).
func fixedClock() func() time.Time {
	t0 := time.Date(2026, 3, 18, 10, 15, 0, 0, time.UTC)
	return func() time.Time { return t0 }
}
