// Package auth identifies the integration behind a request and the roles the policy gives
// it. Roles come only from the policy: nothing a client sends can name or raise a role.
package auth

import (
	"crypto/sha256"
	"crypto/x509"
	"errors"
	"net/http"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

// Errors, each with a reason code that the proxy puts in its 401 body.
var (
	ErrNoCredentials = &Error{Reason: "missing_api_key", Msg: "no API key: send Authorization: Bearer <key> or X-Api-Key: <key>"}
	ErrBadKey        = &Error{Reason: "invalid_api_key", Msg: "the API key is not known to this proxy"}
	ErrBadCert       = &Error{Reason: "unknown_client_certificate", Msg: "the client certificate is not mapped to a caller"}
)

// Error is an authentication failure. It never contains the presented key.
type Error struct {
	Reason string
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Headers that carry the proxy's own credentials; they are removed before forwarding so
// DingTalk never sees them.
var CredentialHeaders = []string{"Authorization", "X-Api-Key"}

// Authenticate returns the caller of r. An API key, when present, decides (a wrong key is
// refused even if a certificate would match); otherwise a verified client certificate is
// mapped through the policy.
func Authenticate(p *policy.Plan, r *http.Request) (*policy.Caller, error) {
	key, ok := apiKey(r)
	if ok {
		if key == "" {
			return nil, ErrBadKey
		}
		sum := sha256.Sum256([]byte(key))
		if c, found := p.CallerByKeyHash(sum); found {
			return c, nil
		}
		return nil, ErrBadKey
	}
	if r.TLS != nil && len(r.TLS.VerifiedChains) > 0 && len(r.TLS.VerifiedChains[0]) > 0 {
		if c, found := callerByCert(p, r.TLS.VerifiedChains[0][0]); found {
			return c, nil
		}
		return nil, ErrBadCert
	}
	return nil, ErrNoCredentials
}

func callerByCert(p *policy.Plan, cert *x509.Certificate) (*policy.Caller, bool) {
	return p.CallerByCert(cert.Subject.CommonName, sha256.Sum256(cert.RawSubjectPublicKeyInfo))
}

// apiKey extracts the key from Authorization: Bearer or X-Api-Key. ok is false when neither
// header is present.
func apiKey(r *http.Request) (string, bool) {
	// The map is indexed with canonical names: Header.Get would canonicalise on every call.
	if v := r.Header["Authorization"]; len(v) > 0 && v[0] != "" {
		scheme, rest, _ := strings.Cut(v[0], " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return "", true
		}
		return strings.TrimSpace(rest), true
	}
	if h, present := r.Header["X-Api-Key"]; present {
		if len(h) == 0 {
			return "", true
		}
		return strings.TrimSpace(h[0]), true
	}
	return "", false
}

// IsAuthError reports whether err is an authentication failure.
func IsAuthError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
