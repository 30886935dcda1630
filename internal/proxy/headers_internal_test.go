package proxy

import (
	"net/http"
	"testing"
)

func TestHeaderNamesCanonical(t *testing.T) {
	names := []string{hdrAcceptEncoding, hdrContentEncoding, hdrContentLength, hdrContentType,
		hdrTransferEncoding, hdrRequestID, hdrVary}
	for _, n := range append(names, credentialHeaders...) {
		if c := http.CanonicalHeaderKey(n); c != n {
			t.Errorf("header name %q is not canonical (%q)", n, c)
		}
	}
}
