package admin

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// cookieName is the session cookie. Its value is a random session id: the key itself never
// leaves the login request.
const cookieName = "pii_admin_session"

// maxSessions bounds the session table; the oldest session is dropped beyond it.
const maxSessions = 1024

type session struct {
	keyHash [32]byte // re-checked against the policy on every request
	expires time.Time
	created time.Time
}

type sessions struct {
	mu  sync.Mutex
	m   map[string]*session
	ttl time.Duration
	now func() time.Time
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{m: map[string]*session{}, ttl: ttl, now: now}
}

// create stores a session for a key hash and returns its id.
func (s *sessions) create(keyHash [32]byte) string {
	var b [32]byte
	rand.Read(b[:])
	id := base64.RawURLEncoding.EncodeToString(b[:])
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.m {
		if !now.Before(v.expires) {
			delete(s.m, k)
		}
	}
	if len(s.m) >= maxSessions {
		var oldest string
		var at time.Time
		for k, v := range s.m {
			if oldest == "" || v.created.Before(at) {
				oldest, at = k, v.created
			}
		}
		delete(s.m, oldest)
	}
	s.m[id] = &session{keyHash: keyHash, created: now, expires: now.Add(s.ttl)}
	return id
}

// lookup returns the key hash of a live session.
func (s *sessions) lookup(id string) ([32]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[id]
	if !ok {
		return [32]byte{}, false
	}
	if !s.now().Before(v.expires) {
		delete(s.m, id)
		return [32]byte{}, false
	}
	return v.keyHash, true
}

func (s *sessions) remove(id string) {
	s.mu.Lock()
	delete(s.m, id)
	s.mu.Unlock()
}

// principal is the admin caller behind a request.
type principal struct {
	Caller    string
	ViaCookie bool
}

type principalKey struct{}

func principalFrom(ctx context.Context) principal {
	p, _ := ctx.Value(principalKey{}).(principal)
	return p
}

// authResult says why a request is not let in.
type authResult int

const (
	authOK        authResult = iota
	authNone                 // no key and no session: send a browser to the login form
	authBadKey               // a key that is not a caller's, or an expired session
	authForbidden            // a caller without the admin role
)

// authenticate finds the admin caller of r: an API key in Authorization: Bearer or
// X-Api-Key wins; otherwise the session cookie.
func (h *Handler) authenticate(r *http.Request) (principal, authResult) {
	if key, ok := presentedKey(r); ok {
		if key == "" {
			return principal{}, authBadKey
		}
		return h.admit(sha256.Sum256([]byte(key)), false)
	}
	c, err := r.Cookie(cookieName)
	if err != nil || c.Value == "" {
		return principal{}, authNone
	}
	sum, ok := h.sess.lookup(c.Value)
	if !ok {
		return principal{}, authNone
	}
	return h.admit(sum, true)
}

// admit checks a key hash against the policy in force.
func (h *Handler) admit(sum [32]byte, viaCookie bool) (principal, authResult) {
	plan := h.cfg.Plan()
	if plan == nil {
		return principal{}, authBadKey
	}
	caller, ok := plan.CallerByKeyHash(sum)
	if !ok {
		return principal{}, authBadKey
	}
	if !slices.Contains(caller.Roles, h.cfg.AdminRole) {
		return principal{}, authForbidden
	}
	return principal{Caller: caller.ID, ViaCookie: viaCookie}, authOK
}

// presentedKey reads the API key like the proxy does (auth.apiKey): ok is false when
// neither header is present; a malformed Authorization header yields "", true.
func presentedKey(r *http.Request) (string, bool) {
	if a := r.Header.Get("Authorization"); a != "" {
		scheme, rest, _ := strings.Cut(a, " ")
		if !strings.EqualFold(scheme, "Bearer") {
			return "", true
		}
		return strings.TrimSpace(rest), true
	}
	if v, present := r.Header["X-Api-Key"]; present {
		if len(v) == 0 {
			return "", true
		}
		return strings.TrimSpace(v[0]), true
	}
	return "", false
}

// sameOrigin rejects cross-site form posts made with the session cookie. SameSite=Strict
// already keeps the cookie off them in current browsers; this covers the rest. A request
// without Origin or Referer (curl, scripts with a key) passes: it carries no ambient
// credentials.
func sameOrigin(r *http.Request) bool {
	src := r.Header.Get("Origin")
	if src == "" {
		src = r.Header.Get("Referer")
	}
	if src == "" {
		return true
	}
	u, err := url.Parse(src)
	return err == nil && u.Host == r.Host
}

// safeNext returns a local path to go to after login: "/dashboard" unless next is a path
// on this host (not "//host", not a scheme).
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n\t") || len(next) > 512 {
		return "/dashboard"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/dashboard"
	}
	return next
}
