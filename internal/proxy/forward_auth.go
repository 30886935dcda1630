package proxy

import (
	"encoding/base64"
	"net/http"
	"strings"
)

// proxyCredential is the API key a forward-mode client gave the proxy itself, in
// Proxy-Authorization on CONNECT (or on a plain-HTTP proxy request).
type proxyCredential struct {
	key     string
	present bool // a Proxy-Authorization header was sent (key == "" means it was unusable)
}

// maxKeyLen bounds a key taken from Proxy-Authorization; real keys are far shorter.
const maxKeyLen = 1024

// parseProxyAuthorization reads a Proxy-Authorization value.
//
//   - "Basic base64(caller-id:api-key)" is what clients send for
//     HTTPS_PROXY=http://<caller-id>:<api-key>@host:port; the user name only labels the URL
//     (the key alone identifies the caller, as in reverse mode).
//   - "Basic base64(api-key:)" or "Basic base64(api-key)": a URL with the key as user name.
//   - "Bearer api-key": clients that let one set proxy headers directly.
//
// Anything else is present but unusable: the calls inside the tunnel then fail with
// invalid_api_key unless they carry a key of their own.
func parseProxyAuthorization(v string) proxyCredential {
	v = strings.TrimSpace(v)
	if v == "" {
		return proxyCredential{}
	}
	scheme, rest, _ := strings.Cut(v, " ")
	rest = strings.TrimSpace(rest)
	var key string
	switch {
	case strings.EqualFold(scheme, "Basic"):
		raw, err := base64.StdEncoding.DecodeString(rest)
		if err != nil {
			return proxyCredential{present: true}
		}
		user, pass, _ := strings.Cut(string(raw), ":")
		key = pass
		if key == "" {
			key = user
		}
	case strings.EqualFold(scheme, "Bearer"):
		key = rest
	default:
		return proxyCredential{present: true}
	}
	if !validKey(key) {
		return proxyCredential{present: true}
	}
	return proxyCredential{key: key, present: true}
}

// validKey accepts printable ASCII without spaces: the form of every key the policy can
// hold, and safe to carry in a header.
func validKey(k string) bool {
	if k == "" || len(k) > maxKeyLen {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] <= ' ' || k[i] >= 0x7f {
			return false
		}
	}
	return true
}

// applyCredential gives a call inside a tunnel the tunnel's key when the call carries no
// key of its own; a key on the call itself always wins. An unusable Proxy-Authorization
// becomes an empty X-Api-Key, which authentication refuses as invalid_api_key.
func applyCredential(h http.Header, c proxyCredential) {
	if !c.present {
		return
	}
	if _, ok := h["Authorization"]; ok {
		return
	}
	if _, ok := h["X-Api-Key"]; ok {
		return
	}
	h["X-Api-Key"] = []string{c.key}
}
