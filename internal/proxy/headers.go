package proxy

import (
	"net"
	"net/http"
	"net/http/httputil"
	"strings"
)

// Header names the proxy reads and writes on every call, in canonical form. Indexing the
// map with them directly does what Header.Get, Set, Add and Del do without canonicalising
// the name again on each use (a dozen times a call); TestHeaderNamesCanonical keeps them
// canonical.
const (
	hdrAcceptEncoding   = "Accept-Encoding"
	hdrContentEncoding  = "Content-Encoding"
	hdrContentLength    = "Content-Length"
	hdrContentType      = "Content-Type"
	hdrTransferEncoding = "Transfer-Encoding"
	hdrRequestID        = "X-Request-Id"
	hdrVary             = "Vary"
	hdrXForwardedFor    = "X-Forwarded-For"
	hdrXForwardedHost   = "X-Forwarded-Host"
	hdrXForwardedProto  = "X-Forwarded-Proto"
)

// headerGet is h.Get(name) for a canonical name.
func headerGet(h http.Header, name string) string {
	if v := h[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// headerSet is h.Set(name, v) for a canonical name.
func headerSet(h http.Header, name, v string) { h[name] = []string{v} }

// setXForwarded is pr.SetXForwarded(): the same three headers, without canonicalising their
// names on every call, and with their values in vals instead of a slice each (capped, so an
// Add to one of them copies rather than writing into the next).
func setXForwarded(pr *httputil.ProxyRequest, vals *[3]string) {
	h := pr.Out.Header
	if clientIP, _, err := net.SplitHostPort(pr.In.RemoteAddr); err == nil {
		if prior := h[hdrXForwardedFor]; len(prior) > 0 {
			clientIP = strings.Join(prior, ", ") + ", " + clientIP
		}
		vals[0] = clientIP
		h[hdrXForwardedFor] = vals[0:1:1]
	} else {
		delete(h, hdrXForwardedFor)
	}
	vals[1] = pr.In.Host
	h[hdrXForwardedHost] = vals[1:2:2]
	vals[2] = "http"
	if pr.In.TLS != nil {
		vals[2] = "https"
	}
	h[hdrXForwardedProto] = vals[2:3:3]
}
