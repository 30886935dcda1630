package proxy_test

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
)

// closingBody is a server-side request body that the server has already closed by the
// time the transport makes its "anything left?" read.
type closingBody struct {
	r      io.Reader
	closed bool
}

func (b *closingBody) Read(p []byte) (int, error) {
	if b.closed {
		return 0, errors.New("http: invalid Read on closed Body")
	}
	n, err := b.r.Read(p)
	if err == io.EOF {
		b.closed = true // the server closes it once the answer starts
		err = nil
	}
	return n, err
}

func (b *closingBody) Close() error { b.closed = true; return nil }

func TestFenceBodyAnswersTheExtraReadItself(t *testing.T) {
	inner := &closingBody{r: strings.NewReader(`{"size":6}`)}
	req, _ := http.NewRequest(http.MethodPost, "http://x/", nil)
	req.Body, req.ContentLength = inner, 10
	proxy.FenceBody(req)
	got, err := io.ReadAll(req.Body) // reads 10 bytes, then the extra read
	if err != nil || string(got) != `{"size":6}` {
		t.Fatalf("read %q, %v", got, err)
	}
	if n, err := req.Body.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		t.Fatalf("extra read: %d, %v; want EOF without touching the closed body", n, err)
	}
	req.Body.Close()
	if !inner.closed {
		t.Error("Close did not reach the inbound body")
	}
}

func TestFenceBodyLeavesOthersAlone(t *testing.T) {
	for _, cl := range []int64{0, -1} {
		body := io.NopCloser(strings.NewReader("x"))
		req, _ := http.NewRequest(http.MethodPost, "http://x/", nil)
		req.Body, req.ContentLength = body, cl
		proxy.FenceBody(req)
		if req.Body != body {
			t.Errorf("ContentLength %d: body replaced", cl)
		}
	}
}
