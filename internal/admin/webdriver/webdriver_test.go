package webdriver

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// fakeDriver answers like chromedriver for a scripted set of commands and records them.
func fakeDriver(t *testing.T) (*httptest.Server, *[]string) {
	var log []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		log = append(log, r.Method+" "+r.URL.Path+" "+string(b))
		w.Header().Set("Content-Type", "application/json")
		reply := func(status int, v any) {
			w.WriteHeader(status)
			json.NewEncoder(w).Encode(map[string]any{"value": v})
		}
		switch {
		case r.URL.Path == "/status":
			reply(200, map[string]any{"ready": true})
		case r.URL.Path == "/session":
			reply(200, map[string]any{"sessionId": "s1", "capabilities": map[string]any{}})
		case strings.HasSuffix(r.URL.Path, "/element") && strings.Contains(string(b), "#missing"):
			reply(404, map[string]any{"error": "no such element", "message": "Unable to locate element"})
		case strings.HasSuffix(r.URL.Path, "/element"):
			reply(200, map[string]any{elementKey: "e1"})
		case strings.HasSuffix(r.URL.Path, "/elements"):
			reply(200, []map[string]any{{elementKey: "e1"}, {elementKey: "e2"}})
		case strings.HasSuffix(r.URL.Path, "/text"):
			reply(200, "42")
		case strings.HasSuffix(r.URL.Path, "/attribute/data-value"):
			reply(200, "42")
		case strings.HasSuffix(r.URL.Path, "/attribute/none"):
			reply(200, nil)
		case strings.HasSuffix(r.URL.Path, "/cookie"):
			reply(200, []map[string]any{{"name": "c", "value": "v", "httpOnly": true, "sameSite": "Strict"}})
		default:
			reply(200, nil)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &log
}

func TestProtocol(t *testing.T) {
	srv, log := fakeDriver(t)
	ctx := context.Background()
	c := NewClient(srv.URL)
	if !c.Ready(ctx) {
		t.Fatal("not ready")
	}
	s, err := c.NewSession(ctx, ChromeCapabilities("/usr/bin/chromium", []string{"--headless"}))
	if err != nil || s.ID != "s1" {
		t.Fatalf("session %v %v", s, err)
	}
	if err := s.Navigate(ctx, "http://127.0.0.1:1/dashboard"); err != nil {
		t.Fatal(err)
	}
	el, err := s.Find(ctx, "#calls-total")
	if err != nil || el.ID != "e1" {
		t.Fatalf("find: %v %v", el, err)
	}
	if txt, _ := el.Text(ctx); txt != "42" {
		t.Errorf("text %q", txt)
	}
	if v, _ := el.Attr(ctx, "data-value"); v != "42" {
		t.Errorf("attr %q", v)
	}
	if v, err := el.Attr(ctx, "none"); v != "" || err != nil {
		t.Errorf("absent attr %q %v", v, err)
	}
	els, _ := s.FindAll(ctx, "tr")
	if len(els) != 2 || els[1].ID != "e2" {
		t.Errorf("find all %v", els)
	}
	el.SendKeys(ctx, "key")
	el.Click(ctx)
	cs, _ := s.Cookies(ctx)
	if len(cs) != 1 || !cs[0].HTTPOnly || cs[0].SameSite != "Strict" {
		t.Errorf("cookies %+v", cs)
	}
	_, err = s.Find(ctx, "#missing")
	if !IsNoSuchElement(err) {
		t.Errorf("missing element: %v", err)
	}
	s.Delete(ctx)

	want := []string{
		`POST /session {"capabilities":{"alwaysMatch":{"browserName":"chrome","goog:chromeOptions":{"args":["--headless"],"binary":"/usr/bin/chromium"}}}}`,
		`POST /session/s1/url {"url":"http://127.0.0.1:1/dashboard"}`,
		`POST /session/s1/element {"using":"css selector","value":"#calls-total"}`,
		`POST /session/s1/element/e1/value {"text":"key"}`,
		`POST /session/s1/element/e1/click {}`,
		`DELETE /session/s1 `,
	}
	all := strings.Join(*log, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("no request %s in\n%s", w, all)
		}
	}
}
