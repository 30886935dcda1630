package sim

import (
	"strconv"
	"sync"
	"time"
)

// tokenKind says what a token may call: app tokens call every app API on both generations
// (DingTalk issues one app token usable on oapi and api alike), user tokens only the
// user-token APIs (/v1.0/contact/users/me).
type tokenKind uint8

const (
	appToken tokenKind = iota + 1
	userToken
)

type tokenInfo struct {
	kind    tokenKind
	app     string // app key that obtained it (QPS accounting)
	user    int    // employee index, user tokens only
	expires time.Time
}

// tokens is the simulator's token table. App tokens are one per app: fetching again inside
// the validity window returns the same token and extends it (API-NOTES §3.3); after expiry a
// new epoch starts and a new token is issued. Values derive from the seed, so a fresh
// simulator with the same seed issues the same tokens.
type tokens struct {
	seed uint64
	ttl  time.Duration

	mu      sync.RWMutex
	byValue map[string]*tokenInfo
	appTok  map[string]string // app key -> current token value
	epoch   map[string]int    // app key -> how many tokens it has had
	users   int               // user tokens issued so far (each grant gets fresh tokens)
	refresh map[string]int    // refresh token -> employee index
}

func newTokens(seed uint64, ttl time.Duration) *tokens {
	return &tokens{
		seed: seed, ttl: ttl,
		byValue: map[string]*tokenInfo{},
		appTok:  map[string]string{},
		epoch:   map[string]int{},
		refresh: map[string]int{},
	}
}

// appToken returns the app's current token, issuing one if it has none or it expired.
func (t *tokens) appToken(app string, now time.Time) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if v, ok := t.appTok[app]; ok {
		info := t.byValue[v]
		if now.Before(info.expires) {
			info.expires = now.Add(t.ttl)
			return v
		}
		delete(t.byValue, v)
	}
	t.epoch[app]++
	v := secretID(t.seed, "app-token", app, strconv.Itoa(t.epoch[app]))
	t.appTok[app] = v
	t.byValue[v] = &tokenInfo{kind: appToken, app: app, expires: now.Add(t.ttl)}
	return v
}

// userToken issues a fresh user access token and refresh token for employee i.
func (t *tokens) userToken(app string, i int, now time.Time) (access, refresh string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.users++
	if t.users%1024 == 0 {
		t.sweep(now)
	}
	n := strconv.Itoa(t.users)
	access = secretID(t.seed, "user-token", app, n)
	refresh = secretID(t.seed, "refresh-token", app, n)
	t.byValue[access] = &tokenInfo{kind: userToken, app: app, user: i, expires: now.Add(t.ttl)}
	t.refresh[refresh] = i
	return access, refresh
}

// redeem exchanges a refresh token for the employee it was issued to; refresh tokens are
// single-use, as in OAuth 2 rotation.
func (t *tokens) redeem(refresh string) (int, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	i, ok := t.refresh[refresh]
	delete(t.refresh, refresh)
	return i, ok
}

// lookup returns the token's info if it exists and has not expired.
func (t *tokens) lookup(v string, now time.Time) (tokenInfo, bool) {
	t.mu.RLock()
	info, ok := t.byValue[v]
	var out tokenInfo
	if ok {
		out = *info
	}
	t.mu.RUnlock()
	if !ok || !now.Before(out.expires) {
		return tokenInfo{}, false
	}
	return out, true
}

// sweep forgets expired user tokens so a long load test of the token endpoint does not grow
// the table without bound. Caller holds mu.
func (t *tokens) sweep(now time.Time) {
	for v, info := range t.byValue {
		if info.kind == userToken && !now.Before(info.expires) {
			delete(t.byValue, v)
		}
	}
	if len(t.refresh) > 1<<16 {
		clear(t.refresh) // refresh tokens are not tracked by age; a flood simply resets them
	}
}
