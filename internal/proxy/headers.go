package proxy

import "net/http"

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
