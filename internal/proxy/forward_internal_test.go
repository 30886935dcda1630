package proxy

import (
	"encoding/base64"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func basic(s string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte(s)) }

func TestParseProxyAuthorization(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     proxyCredential
	}{
		{"none", "", proxyCredential{}},
		{"caller id and key", basic("demo-support:demo-support-key"), proxyCredential{"demo-support-key", true}},
		{"key as user name", basic("demo-support-key:"), proxyCredential{"demo-support-key", true}},
		{"key without colon", basic("demo-support-key"), proxyCredential{"demo-support-key", true}},
		{"key with a colon", basic("id:key:with:colons"), proxyCredential{"key:with:colons", true}},
		{"scheme case", "bAsIc " + base64.StdEncoding.EncodeToString([]byte("a:k")), proxyCredential{"k", true}},
		{"bearer", "Bearer  demo-bot-key ", proxyCredential{"demo-bot-key", true}},
		{"bad base64", "Basic !!!", proxyCredential{"", true}},
		{"empty basic", basic(":"), proxyCredential{"", true}},
		{"unknown scheme", "Digest username=x", proxyCredential{"", true}},
		{"control character", basic("id:key\r\nX-Role: hr_admin"), proxyCredential{"", true}},
		{"space in key", basic("id:two words"), proxyCredential{"", true}},
		{"non-ASCII key", basic("id:密鑰"), proxyCredential{"", true}},
		{"too long", basic("id:" + strings.Repeat("k", maxKeyLen+1)), proxyCredential{"", true}},
	} {
		if got := parseProxyAuthorization(tc.in); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestApplyCredential(t *testing.T) {
	key := proxyCredential{"k1", true}
	bad := proxyCredential{"", true}
	for _, tc := range []struct {
		name   string
		hdr    http.Header
		cred   proxyCredential
		xAPI   []string
		bearer string
	}{
		{"no credential", http.Header{}, proxyCredential{}, nil, ""},
		{"tunnel key applied", http.Header{}, key, []string{"k1"}, ""},
		{"unusable tunnel key refuses", http.Header{}, bad, []string{""}, ""},
		{"own X-Api-Key wins", http.Header{"X-Api-Key": {"own"}}, key, []string{"own"}, ""},
		{"own Authorization wins", http.Header{"Authorization": {"Bearer own"}}, key, nil, "Bearer own"},
	} {
		applyCredential(tc.hdr, tc.cred)
		if got := tc.hdr["X-Api-Key"]; strings.Join(got, "|") != strings.Join(tc.xAPI, "|") || (got == nil) != (tc.xAPI == nil) {
			t.Errorf("%s: X-Api-Key %q", tc.name, got)
		}
		if got := tc.hdr.Get("Authorization"); got != tc.bearer {
			t.Errorf("%s: Authorization %q", tc.name, got)
		}
	}
}

func FuzzParseProxyAuthorization(f *testing.F) {
	for _, s := range []string{"", basic("a:b"), basic("k"), "Bearer x", "Basic", "Basic =", basic("id:\x00"), "Negotiate abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		c := parseProxyAuthorization(v)
		if c.key != "" && (!c.present || !validKey(c.key)) {
			t.Fatalf("%q gave an unusable key %q", v, c.key)
		}
		if strings.TrimSpace(v) != "" && !c.present {
			t.Fatalf("%q was not marked present", v)
		}
	})
}

func TestScrubLogLine(t *testing.T) {
	for in, want := range map[string]string{
		"[001] WARN: Cannot handshake client oapi.dingtalk.com:443 remote error: tls: bad certificate":        "[001] WARN: Cannot handshake client oapi.dingtalk.com:443 remote error: tls: bad certificate",
		`[002] WARN: Cannot read request from mitm'd client x malformed HTTP request "GET /?hkid=A123456(3)"`: "[002] WARN: Cannot read request from mitm[…]",
		"Illegal URL https://oapi.dingtalk.com/topapi/v2/user/get?access_token=secret":                        "Illegal URL https://oapi.dingtalk.com/topapi/v2/user/get[…]",
		"line\nbreak\x00":         "line break",
		`said "A123456(3)" twice`: "said […]",
		strings.Repeat("é", 200):  strings.Repeat("é", maxLogLine/2) + "…",
	} {
		if got := scrubLogLine(in); got != want {
			t.Errorf("scrub(%.40q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzScrubLogLine(f *testing.F) {
	for _, s := range []string{"", "a?b", `x"y"`, "\xff\xfe", strings.Repeat("長", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := scrubLogLine(s)
		if strings.ContainsAny(got, "\"'`?\n\r") {
			t.Fatalf("%q kept a quote, '?' or a line break: %q", s, got)
		}
		if len(got) > maxLogLine+len("…")+len("[…]") {
			t.Fatalf("too long: %d bytes", len(got))
		}
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8: %q", got)
		}
	})
}

func TestSplitHostPort(t *testing.T) {
	for _, tc := range []struct{ in, def, host, port string }{
		{"oapi.dingtalk.com:443", "443", "oapi.dingtalk.com", "443"},
		{"OAPI.DingTalk.com.:443", "443", "oapi.dingtalk.com", "443"},
		{"api.dingtalk.com", "80", "api.dingtalk.com", "80"},
		{"api.dingtalk.com:", "443", "api.dingtalk.com", "443"},
		{"[::1]:8443", "443", "::1", "8443"},
		{"", "443", "", "443"},
	} {
		if h, p := splitHostPort(tc.in, tc.def); h != tc.host || p != tc.port {
			t.Errorf("splitHostPort(%q) = %q, %q", tc.in, h, p)
		}
	}
}

var discard = slog.New(slog.DiscardHandler)

// TestServeToResponseStreams: the status and the first bytes reach the reader while the
// handler is still writing, so a large answer is not held in memory.
func TestServeToResponseStreams(t *testing.T) {
	proceed := make(chan struct{})
	done := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, "first ")
		<-proceed
		io.WriteString(w, "second")
	})
	req := httptest.NewRequest(http.MethodGet, "/x", nil)
	resp := serveToResponse(h, req, discard)
	if resp.StatusCode != http.StatusAccepted || resp.Header.Get("Content-Type") != "text/plain" || resp.ContentLength != -1 {
		t.Fatalf("response head: %d %v %d", resp.StatusCode, resp.Header, resp.ContentLength)
	}
	buf := make([]byte, 6)
	if _, err := io.ReadFull(resp.Body, buf); err != nil || string(buf) != "first " {
		t.Fatalf("first chunk: %q %v", buf, err)
	}
	select {
	case <-done:
		t.Fatal("the handler finished before the first chunk was read")
	default:
	}
	close(proceed)
	rest, err := io.ReadAll(resp.Body)
	if err != nil || string(rest) != "second" {
		t.Fatalf("rest: %q %v", rest, err)
	}
	<-done
}

func TestServeToResponseEdges(t *testing.T) {
	for _, tc := range []struct {
		name    string
		method  string
		h       http.HandlerFunc
		status  int
		body    string
		length  int64
		readErr bool
	}{
		{"nothing written", "GET", func(w http.ResponseWriter, r *http.Request) {}, 200, "", -1, false},
		{"content length kept", "GET", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "2")
			w.Write([]byte("ok"))
		}, 200, "ok", 2, false},
		{"bad content length dropped", "GET", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "-5")
			w.Write([]byte("ok"))
		}, 200, "ok", -1, false},
		{"1xx ignored", "GET", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusContinue)
			w.WriteHeader(http.StatusCreated)
			w.WriteHeader(http.StatusTeapot) // a second status is ignored, as in net/http
		}, 201, "", -1, false},
		{"HEAD has no body", "HEAD", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", "10")
			w.Write([]byte("0123456789"))
		}, 200, "", 10, false},
		{"204 has no body", "GET", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNoContent)
			w.Write([]byte("ignored"))
		}, 204, "", 0, false},
		{"panic before writing", "GET", func(w http.ResponseWriter, r *http.Request) { panic("boom") }, 500, `"code":"internal_error"`, -1, false},
		{"panic after writing", "GET", func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte("partial"))
			panic("boom")
		}, 200, "partial", -1, true},
	} {
		resp := serveToResponse(tc.h, httptest.NewRequest(tc.method, "/x", nil), discard)
		b, err := io.ReadAll(resp.Body)
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.body) || resp.ContentLength != tc.length || (err != nil) != tc.readErr {
			t.Errorf("%s: %d %q length %d err %v", tc.name, resp.StatusCode, b, resp.ContentLength, err)
		}
		if tc.body == "" && len(b) != 0 {
			t.Errorf("%s: unexpected body %q", tc.name, b)
		}
	}
}

// TestServeToResponseReaderGone: when the client goes away (goproxy closes the body), the
// handler's writes fail and it finishes instead of blocking forever.
func TestServeToResponseReaderGone(t *testing.T) {
	done := make(chan error, 1)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("a"))
		var err error
		for i := 0; i < 100 && err == nil; i++ {
			_, err = w.Write([]byte("more"))
		}
		done <- err
	})
	resp := serveToResponse(h, httptest.NewRequest("GET", "/x", nil), discard)
	resp.Body.Close()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("writes succeeded after the reader closed")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the handler is stuck after the reader closed")
	}
}

func TestBufferedResponse(t *testing.T) {
	resp := bufferedError(httptest.NewRequest("GET", "/", nil), 403, ReasonHostNotAllowed, "no", "")
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 403 || resp.ContentLength != int64(len(b)) || !strings.Contains(string(b), `"code":"host_not_allowed"`) ||
		resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("%d %d %s %v", resp.StatusCode, resp.ContentLength, b, resp.Header)
	}
}
