package policy

import (
	"crypto/subtle"
	"fmt"
	"net/netip"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
)

// Plan is a compiled policy. It is immutable once Load returns: the hot path reads it from
// many goroutines without locks, and a reload swaps in a whole new Plan. Slices and maps
// reachable from it must not be modified by callers.
type Plan struct {
	Version     int
	Roles       []string // declared roles, in file order
	Callers     []*Caller
	Upstreams   map[string]*Upstream
	Routes      []*Route // in file order
	Residency   Residency
	Keys        Keys
	Limits      Limits // policy-wide defaults, already merged into every Route
	Recognizers []detect.CustomRecognizer
	Source      string // the file the plan was loaded from

	roleSet map[string]bool
	byName  map[string]*Route
	table   *routeTable
}

// HasRole reports whether role is declared.
func (p *Plan) HasRole(role string) bool { return p.roleSet[role] }

// RouteByName returns the route with that name.
func (p *Plan) RouteByName(name string) (*Route, bool) {
	r, ok := p.byName[name]
	return r, ok
}

// CallerByKeyHash returns the caller whose api_key_sha256 equals sum. Every caller's hash is
// compared in constant time, with no early exit, so the time taken says nothing about which
// caller (if any) matched.
func (p *Plan) CallerByKeyHash(sum [32]byte) (*Caller, bool) {
	var found *Caller
	for _, c := range p.Callers {
		eq := subtle.ConstantTimeCompare(c.KeyHash[:], sum[:]) & boolInt(c.HasKey)
		if eq == 1 && found == nil {
			found = c
		}
	}
	return found, found != nil
}

// CallerByCert returns the caller mapped to a verified client certificate, by the SHA-256 of
// its SubjectPublicKeyInfo first, then by subject common name.
func (p *Plan) CallerByCert(subjectCN string, spki [32]byte) (*Caller, bool) {
	for _, c := range p.Callers {
		if c.HasSPKI && subtle.ConstantTimeCompare(c.CertSPKI[:], spki[:]) == 1 {
			return c, true
		}
	}
	if subjectCN == "" {
		return nil, false
	}
	for _, c := range p.Callers {
		if c.CertSubjectCN != "" && c.CertSubjectCN == subjectCN {
			return c, true
		}
	}
	return nil, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Caller is one integration allowed to call the proxy.
type Caller struct {
	ID            string
	KeyHash       [32]byte // SHA-256 of the API key; valid when HasKey
	HasKey        bool
	Roles         []string // sorted, unique
	CertSubjectCN string   // mTLS mapping by subject CN ("" when unused)
	CertSPKI      [32]byte // mTLS mapping by SHA-256 of the SubjectPublicKeyInfo; valid when HasSPKI
	HasSPKI       bool
	Line, Col     int
}

// Upstream is a DingTalk endpoint the proxy forwards to.
type Upstream struct {
	Name   string
	URL    *url.URL
	Region string // two-letter lower-case region code ("cn", "hk")
}

// Residency drives cross-border flags and the forbid_clear rule.
type Residency struct {
	HomeRegion     string         // default "hk"
	ClientNetworks []netip.Prefix // clients in these networks are in the home region
	ForbidClear    TypeSet        // types that may never leave the home region unmasked
}

// CrossBorder reports whether data sent to u leaves the home region.
func (r *Residency) CrossBorder(u *Upstream) bool {
	return u != nil && u.Region != r.HomeRegion
}

// ClientInHome reports whether a client address is in the home region. With no networks
// configured every client is taken to be local.
func (r *Residency) ClientInHome(a netip.Addr) bool {
	if len(r.ClientNetworks) == 0 {
		return true
	}
	a = a.Unmap()
	for _, p := range r.ClientNetworks {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Keys says where secrets come from. Loading a policy never reads them.
type Keys struct {
	Hash *KeySource // key of the hash action (HMAC-SHA-256); nil when not configured
}

// KeySource is a secret in a file or an environment variable.
type KeySource struct {
	File string
	Env  string
}

// Read returns the secret, with surrounding white space removed. Errors name the file or
// variable, never the content.
func (k *KeySource) Read() ([]byte, error) {
	var raw []byte
	switch {
	case k == nil:
		return nil, fmt.Errorf("no key configured")
	case k.File != "":
		b, err := os.ReadFile(k.File)
		if err != nil {
			return nil, fmt.Errorf("key file %s: %w", k.File, err)
		}
		raw = b
	default:
		v, ok := os.LookupEnv(k.Env)
		if !ok {
			return nil, fmt.Errorf("key variable %s is not set", k.Env)
		}
		raw = []byte(v)
	}
	raw = []byte(strings.TrimSpace(string(raw)))
	if len(raw) == 0 {
		return nil, fmt.Errorf("key %s is empty", k.String())
	}
	return raw, nil
}

// String names the source (never its content).
func (k *KeySource) String() string {
	if k == nil {
		return "none"
	}
	if k.File != "" {
		return "file " + k.File
	}
	return "env " + k.Env
}

// Limits bound what the proxy accepts on a route.
type Limits struct {
	MaxBody  int64         // bytes of (decoded) body
	MaxDepth int           // JSON nesting depth
	Timeout  time.Duration // whole call, upstream included
}

// DefaultLimits apply when the policy sets none.
var DefaultLimits = Limits{MaxBody: 4 << 20, MaxDepth: 64, Timeout: 10 * time.Second}

// RateLimit is a token bucket toward DingTalk, per route.
type RateLimit struct {
	QPS   float64
	Burst int
}

// Route is one allowed (upstream, method, path) and what to do with its bodies.
type Route struct {
	Name        string
	Upstream    *Upstream
	Methods     []string        // upper case; nil means every method ("*")
	Pattern     string          // as written: /exact, /with/{param}, /prefix/**
	Roles       map[string]bool // roles that may call; nil means every role
	Inspect     []string        // media ranges inspected (JSON, form, text)
	Passthrough []string        // media ranges forwarded uninspected
	Limits      Limits
	RateLimit   *RateLimit // nil: none
	// Retention is how long values tokenized on this route stay in the vault (0: the
	// vault's per-type or default retention).
	Retention time.Duration
	Request   *Side // never nil
	Response  *Side // never nil
	Line, Col int

	pattern pathPattern
	path    string // routes[i], for messages
}

// AllowsMethod reports whether the route accepts method.
func (r *Route) AllowsMethod(method string) bool {
	if r.Methods == nil {
		return true
	}
	for _, m := range r.Methods {
		if m == method {
			return true
		}
	}
	return false
}

// AllowsRoles reports whether a caller with these roles may call the route.
func (r *Route) AllowsRoles(roles []string) bool {
	if r.Roles == nil {
		return true
	}
	for _, role := range roles {
		if r.Roles[role] {
			return true
		}
	}
	return false
}

// Side is the compiled policy for one direction (request or response) of a route.
type Side struct {
	Fields     []*FieldRule // first matching rule wins, in file order
	Query      []*QueryRule // request side only
	Detected   RoleActions  // findings outside field rules, in scanned fields and query values
	BlockTypes TypeSet      // finding any of these refuses the call, for every role
	Scan       bool         // run detectors over the whole body

	decisions decisionCache
}

// FieldRule is one `fields` entry.
type FieldRule struct {
	Path     *fieldpath.Path
	PathText string
	// Type says what the field holds ("" when unknown); it selects the mask and redact format
	// and the audit counter. A rule with a type and no action takes Detected's action for it.
	Type      detect.Type
	Scan      bool        // free text: detectors decide, Detected actions apply
	Actions   RoleActions // for scan rules: unused
	Line, Col int

	fromDetected bool // no action written: resolved through Detected for Type
}

// QueryRule is one `query` entry: a query-string parameter, by exact name.
type QueryRule struct {
	Param     string
	Type      detect.Type
	Scan      bool
	Actions   RoleActions
	Line, Col int

	fromDetected bool
}

// UpstreamNames lists the upstream names in order.
func (p *Plan) UpstreamNames() []string {
	names := make([]string, 0, len(p.Upstreams))
	for n := range p.Upstreams {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
