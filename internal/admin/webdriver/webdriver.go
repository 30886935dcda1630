// Package webdriver is a small client of the W3C WebDriver HTTP protocol, enough for the
// dashboard's browser test to drive headless Chromium through chromedriver: start the
// driver, open a session, navigate, find elements by CSS selector, type, click, read text,
// attributes, cookies and the page source. It speaks the protocol directly (no Selenium).
package webdriver

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// elementKey is the W3C web element identifier key.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

// Error is a WebDriver error response.
type Error struct {
	Status  int
	Code    string // W3C error code, e.g. "no such element"
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("webdriver: %s (%d): %s", e.Code, e.Status, e.Message)
}

// IsNoSuchElement reports whether err is the W3C "no such element" error.
func IsNoSuchElement(err error) bool {
	var we *Error
	return errors.As(err, &we) && we.Code == "no such element"
}

// Client talks to a running driver at a base URL.
type Client struct {
	base string
	http *http.Client
}

// NewClient returns a client of the driver at base (http://127.0.0.1:9515).
func NewClient(base string) *Client {
	return &Client{base: base, http: &http.Client{Timeout: 60 * time.Second}}
}

// do sends one command and decodes its "value" into out (when non-nil).
func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(data, &env); err != nil {
		return fmt.Errorf("webdriver: %s %s: status %d, undecodable answer", method, path, resp.StatusCode)
	}
	if resp.StatusCode >= 400 {
		var e struct {
			Error   string `json:"error"`
			Message string `json:"message"`
		}
		json.Unmarshal(env.Value, &e)
		return &Error{Status: resp.StatusCode, Code: e.Error, Message: e.Message}
	}
	if out != nil {
		return json.Unmarshal(env.Value, out)
	}
	return nil
}

// Ready reports whether the driver accepts new sessions (GET /status).
func (c *Client) Ready(ctx context.Context) bool {
	var st struct {
		Ready bool `json:"ready"`
	}
	return c.do(ctx, http.MethodGet, "/status", nil, &st) == nil && st.Ready
}

// Session is one browser.
type Session struct {
	c  *Client
	ID string
}

// NewSession starts a browser with the given W3C capabilities ("alwaysMatch").
func (c *Client) NewSession(ctx context.Context, alwaysMatch map[string]any) (*Session, error) {
	var v struct {
		SessionID string `json:"sessionId"`
	}
	err := c.do(ctx, http.MethodPost, "/session", map[string]any{"capabilities": map[string]any{"alwaysMatch": alwaysMatch}}, &v)
	if err != nil {
		return nil, err
	}
	if v.SessionID == "" {
		return nil, errors.New("webdriver: new session: no session id in the answer")
	}
	return &Session{c: c, ID: v.SessionID}, nil
}

// ChromeCapabilities are the capabilities of a Chromium at binary started with args.
func ChromeCapabilities(binary string, args []string) map[string]any {
	opts := map[string]any{"args": args}
	if binary != "" {
		opts["binary"] = binary
	}
	return map[string]any{"browserName": "chrome", "goog:chromeOptions": opts}
}

func (s *Session) path(p string) string { return "/session/" + s.ID + p }

// Delete ends the session (the browser quits).
func (s *Session) Delete(ctx context.Context) error {
	return s.c.do(ctx, http.MethodDelete, s.path(""), nil, nil)
}

// Navigate loads url and waits for the page to load.
func (s *Session) Navigate(ctx context.Context, url string) error {
	return s.c.do(ctx, http.MethodPost, s.path("/url"), map[string]string{"url": url}, nil)
}

// URL is the current page's address.
func (s *Session) URL(ctx context.Context) (string, error) {
	var u string
	err := s.c.do(ctx, http.MethodGet, s.path("/url"), nil, &u)
	return u, err
}

// Source is the current page's serialized DOM.
func (s *Session) Source(ctx context.Context) (string, error) {
	var src string
	err := s.c.do(ctx, http.MethodGet, s.path("/source"), nil, &src)
	return src, err
}

// Screenshot returns a PNG of the viewport.
func (s *Session) Screenshot(ctx context.Context) ([]byte, error) {
	var b64 string
	if err := s.c.do(ctx, http.MethodGet, s.path("/screenshot"), nil, &b64); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(b64)
}

// Cookie is a browser cookie as WebDriver reports it.
type Cookie struct {
	Name     string `json:"name"`
	Value    string `json:"value"`
	Path     string `json:"path"`
	HTTPOnly bool   `json:"httpOnly"`
	Secure   bool   `json:"secure"`
	SameSite string `json:"sameSite"`
}

// Cookies are the cookies of the current page.
func (s *Session) Cookies(ctx context.Context) ([]Cookie, error) {
	var cs []Cookie
	err := s.c.do(ctx, http.MethodGet, s.path("/cookie"), nil, &cs)
	return cs, err
}

// Element is a found element.
type Element struct {
	s  *Session
	ID string
}

// Find returns the first element matching a CSS selector.
func (s *Session) Find(ctx context.Context, css string) (Element, error) {
	var v map[string]string
	if err := s.c.do(ctx, http.MethodPost, s.path("/element"), map[string]string{"using": "css selector", "value": css}, &v); err != nil {
		return Element{}, err
	}
	return Element{s: s, ID: v[elementKey]}, nil
}

// FindAll returns every element matching a CSS selector.
func (s *Session) FindAll(ctx context.Context, css string) ([]Element, error) {
	var vs []map[string]string
	if err := s.c.do(ctx, http.MethodPost, s.path("/elements"), map[string]string{"using": "css selector", "value": css}, &vs); err != nil {
		return nil, err
	}
	out := make([]Element, len(vs))
	for i, v := range vs {
		out[i] = Element{s: s, ID: v[elementKey]}
	}
	return out, nil
}

func (e Element) path(p string) string { return e.s.path("/element/" + e.ID + p) }

// Text is the element's rendered text.
func (e Element) Text(ctx context.Context) (string, error) {
	var t string
	err := e.s.c.do(ctx, http.MethodGet, e.path("/text"), nil, &t)
	return t, err
}

// Attr is the value of an attribute ("" when absent).
func (e Element) Attr(ctx context.Context, name string) (string, error) {
	var v *string
	if err := e.s.c.do(ctx, http.MethodGet, e.path("/attribute/"+name), nil, &v); err != nil {
		return "", err
	}
	if v == nil {
		return "", nil
	}
	return *v, nil
}

// SendKeys types text into the element.
func (e Element) SendKeys(ctx context.Context, text string) error {
	return e.s.c.do(ctx, http.MethodPost, e.path("/value"), map[string]string{"text": text}, nil)
}

// Click clicks the element.
func (e Element) Click(ctx context.Context) error {
	return e.s.c.do(ctx, http.MethodPost, e.path("/click"), map[string]any{}, nil)
}

// Driver is a chromedriver process started by Start.
type Driver struct {
	*Client
	cmd  *exec.Cmd
	done chan struct{}
}

// Start runs the chromedriver at path on a free loopback port and waits until it is ready.
func Start(ctx context.Context, path string, log io.Writer) (*Driver, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, "--port="+strconv.Itoa(port), "--allowed-ips=127.0.0.1", "--log-level=WARNING")
	cmd.Stdout, cmd.Stderr = log, log
	// Its own process group, so Close ends chromedriver and the browsers it started.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	d := &Driver{Client: NewClient("http://127.0.0.1:" + strconv.Itoa(port)), cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(d.done) }()
	for {
		if d.Ready(ctx) {
			return d, nil
		}
		select {
		case <-d.done:
			return nil, errors.New("webdriver: chromedriver exited before it was ready")
		case <-ctx.Done():
			d.Close()
			return nil, fmt.Errorf("webdriver: chromedriver not ready: %w", ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Close stops chromedriver and what it started.
func (d *Driver) Close() error {
	select {
	case <-d.done:
		return nil
	default:
	}
	syscall.Kill(-d.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-d.done:
	case <-time.After(5 * time.Second):
		syscall.Kill(-d.cmd.Process.Pid, syscall.SIGKILL)
		<-d.done
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
