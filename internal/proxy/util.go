package proxy

import (
	"context"
	"errors"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/time/rate"
)

// sanitizePath shortens a path for an error message and drops control characters.
func sanitizePath(p string) string {
	if len(p) > 200 {
		p = p[:200] + "…"
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, p)
}

// redactError renders an upstream error without the URL's query string (legacy calls
// carry access_token there) or path.
func redactError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		host := ""
		if u, perr := url.Parse(ue.URL); perr == nil {
			host = u.Host
		}
		return ue.Op + " " + host + ": " + redactError(ue.Err)
	}
	return err.Error()
}

// retryTransport retries idempotent, body-less calls (GET, HEAD, OPTIONS) after connection
// failures, with a short backoff. Calls with bodies are never retried: a DingTalk POST may
// send a message or start an approval, and sending it twice is worse than failing.
type retryTransport struct {
	next    http.RoundTripper
	retries int
}

func (t *retryTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	idempotent := (r.Method == http.MethodGet || r.Method == http.MethodHead || r.Method == http.MethodOptions) &&
		(r.Body == nil || r.Body == http.NoBody)
	resp, err := t.next.RoundTrip(r)
	for attempt := 0; err != nil && idempotent && attempt < t.retries; attempt++ {
		if r.Context().Err() != nil {
			break
		}
		select {
		case <-time.After(time.Duration(50<<attempt) * time.Millisecond):
		case <-r.Context().Done():
			return nil, err
		}
		resp, err = t.next.RoundTrip(r)
	}
	if err != nil && r.Context().Err() != nil && errors.Is(r.Context().Err(), context.DeadlineExceeded) {
		return nil, context.DeadlineExceeded
	}
	return resp, err
}

// retryAfter is the Retry-After of a 429: whole seconds until the limiter has a token again
// (at least 1, as the header cannot say less).
func retryAfter(lim *rate.Limiter) string {
	r := lim.Reserve()
	d := r.Delay()
	r.Cancel() // the client may not come back: give the token back
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}

// FenceBody stops the upstream transport from reading an inbound body past its declared
// length. Having sent Content-Length bytes, the transport reads once more to check that the
// body is not longer; by then the server may already have closed the inbound body (it does
// so when the response starts), that read fails, and the transport tears down the upstream
// connection, cutting short the answer being relayed (golang/go#40747; measured with
// bench/load's plain proxy before it fenced: about 3% of 64 KiB answers). A reader limited
// to the declared length answers that check with EOF itself. The PII proxy needs it only
// for bodies it streams (passthrough types): the bodies it inspects are read whole first.
func FenceBody(out *http.Request) {
	if out.Body == nil || out.Body == http.NoBody || out.ContentLength <= 0 {
		return
	}
	out.Body = struct {
		io.Reader
		io.Closer
	}{io.LimitReader(out.Body, out.ContentLength), out.Body}
}
