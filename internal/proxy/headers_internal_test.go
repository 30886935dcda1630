package proxy

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"reflect"
	"testing"
)

func TestHeaderNamesCanonical(t *testing.T) {
	names := []string{hdrAcceptEncoding, hdrContentEncoding, hdrContentLength, hdrContentType,
		hdrTransferEncoding, hdrRequestID, hdrVary, hdrXForwardedFor, hdrXForwardedHost, hdrXForwardedProto}
	for _, n := range append(names, credentialHeaders...) {
		if c := http.CanonicalHeaderKey(n); c != n {
			t.Errorf("header name %q is not canonical (%q)", n, c)
		}
	}
}

// setXForwarded sets what httputil's SetXForwarded sets.
func TestSetXForwardedMatchesHTTPUtil(t *testing.T) {
	for _, remote := range []string{"192.0.2.1:1234", "[2001:db8::1]:443", "no-port", ""} {
		for _, prior := range [][]string{nil, {"198.51.100.7"}, {"198.51.100.7", "203.0.113.9, 10.0.0.1"}} {
			for _, tls := range []*tls.ConnectionState{nil, {}} {
				mk := func() *httputil.ProxyRequest {
					in := httptest.NewRequest(http.MethodPost, "http://proxy.example/topapi/x", nil)
					in.RemoteAddr, in.TLS, in.Host = remote, tls, "proxy.example:8443"
					out := in.Clone(in.Context())
					out.Header = http.Header{"Other": {"v"}}
					if prior != nil {
						out.Header["X-Forwarded-For"] = append([]string(nil), prior...)
					}
					return &httputil.ProxyRequest{In: in, Out: out}
				}
				want, got := mk(), mk()
				want.SetXForwarded()
				setXForwarded(got, new([3]string))
				if !reflect.DeepEqual(got.Out.Header, want.Out.Header) {
					t.Errorf("%q %q tls=%v:\n got %v\nwant %v", remote, prior, tls != nil, got.Out.Header, want.Out.Header)
				}
				got.Out.Header.Add("X-Forwarded-For", "x")
				if got.Out.Header.Get("X-Forwarded-Host") != "proxy.example:8443" {
					t.Errorf("an Add to one header changed another: %v", got.Out.Header)
				}
			}
		}
	}
}
