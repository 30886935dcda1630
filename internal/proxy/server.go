// Package proxy moves bytes between integrations and DingTalk: it authenticates the caller,
// allows only the policy's routes, has every body rewritten (or refuses the call) before it
// goes on, and records what it did. Reverse mode is net/http/httputil.ReverseProxy; forward
// mode (HTTPS_PROXY clients) is goproxy with MITM for the DingTalk hosts only.
package proxy

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/mask"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// Options configure a Server.
type Options struct {
	// Logger takes one line per call; a handler from NewJSONLogHandler gets it written
	// without slog's per-record work (nil: NewJSONLogHandler on stderr).
	Logger    *slog.Logger
	Vault     *vault.Vault // nil: tokenize/reveal refuse the call (503)
	Audit     *audit.Log   // nil: no audit trail (tests, benchmarks)
	Replica   string
	Transport http.RoundTripper // nil: a tuned http.Transport
	// UpstreamOverrides replace policy upstream URLs by name (e.g. to point at the simulator).
	UpstreamOverrides map[string]*url.URL
	// RecordPaths puts the gjson paths touched into audit records.
	RecordPaths bool
	// Observe is called once per finished call (metrics, tracing).
	Observe func(*Call)
	// Trace starts a call's span from the incoming headers; the returned function ends it
	// when the call is finished (called before Observe). The context carries the span to
	// the upstream request (see telemetry.T.Transport).
	Trace func(ctx context.Context, method string, h http.Header) (context.Context, func(*Call))
	// HashKey, when set, replaces the key file named by the policy's keys.hash (tests).
	HashKey []byte
	// LazyHashKey lets a missing hash key file pass at compile time; hash actions then
	// refuse the call when they are needed (offline tools; serve wants it at start).
	LazyHashKey bool
	// Retries is how many times an idempotent call (GET, HEAD, OPTIONS) is retried after a
	// connection failure; 0 = 2, negative = none.
	Retries int
}

// Runtime is everything derived from one policy: swapped as a whole on reload, read
// without locks by every request.
type Runtime struct {
	Plan      *policy.Plan
	Engine    *rewrite.Engine
	upstreams map[string]*url.URL
	limiters  map[*policy.Route]*rate.Limiter
}

// Server is the reverse-mode proxy handler.
type Server struct {
	opts     Options
	log      *slog.Logger
	rt       atomic.Pointer[Runtime]
	rp       *httputil.ReverseProxy
	inflight inflight
}

// inflight counts calls in progress so that shutdown can wait for them. (A WaitGroup cannot
// do this: its Add must not race with Wait, and new calls keep arriving until they are
// refused.)
type inflight struct {
	mu       sync.Mutex
	n        int
	draining bool
	idle     chan struct{}
}

// enter registers a call; false means the server is draining and the call must be refused.
func (f *inflight) enter() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.draining {
		return false
	}
	f.n++
	return true
}

func (f *inflight) leave() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n--
	if f.n == 0 && f.idle != nil {
		close(f.idle)
		f.idle = nil
	}
}

func (f *inflight) drain(ctx context.Context) error {
	f.mu.Lock()
	f.draining = true
	if f.n == 0 {
		f.mu.Unlock()
		return nil
	}
	if f.idle == nil {
		f.idle = make(chan struct{})
	}
	idle := f.idle
	f.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (f *inflight) isDraining() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.draining
}

// New builds a Server for a plan.
func New(plan *policy.Plan, opts Options) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(NewJSONLogHandler(os.Stderr, nil))
	}
	if opts.Transport == nil {
		opts.Transport = NewTransport()
	}
	if opts.Retries == 0 {
		opts.Retries = 2
	}
	s := &Server{opts: opts, log: opts.Logger}
	rt, err := s.Compile(plan)
	if err != nil {
		return nil, err
	}
	s.rt.Store(rt)
	s.rp = &httputil.ReverseProxy{
		Rewrite:        s.rewriteRequest,
		ModifyResponse: s.modifyResponse,
		ErrorHandler:   s.errorHandler,
		Transport:      &retryTransport{next: opts.Transport, retries: max(opts.Retries, 0)},
		ErrorLog:       slog.NewLogLogger(opts.Logger.Handler(), slog.LevelWarn),
		BufferPool:     &copyBuffers{},
		// 0: bodies the proxy rewrote have a length and go out in one write; streamed
		// pass-through bodies without a length are flushed as they come anyway.
		FlushInterval: 0,
	}
	return s, nil
}

// NewTransport returns the upstream transport: connection reuse tuned for one busy host
// pair (Go's default of 2 idle connections per host churns under load), bounded dials and
// handshakes, HTTP/2 when the upstream offers it.
func NewTransport() *http.Transport {
	return &http.Transport{
		Proxy:                 nil, // never chain to another proxy from the environment
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:          1024,
		MaxIdleConnsPerHost:   256,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   5 * time.Second,
		ExpectContinueTimeout: time.Second,
		ForceAttemptHTTP2:     true,
		// The proxy sets Accept-Encoding itself and decodes with pooled decoders; the
		// transport's own gzip handling would allocate a decoder for every response.
		DisableCompression: true,
	}
}

// Compile derives a Runtime from a plan (the rewrite engine with its scanner and keys,
// upstream URLs, rate limiters). It does not install it.
func (s *Server) Compile(plan *policy.Plan) (*Runtime, error) {
	scanner, err := detect.NewScanner(detect.ScannerOptions{Custom: plan.Recognizers})
	if err != nil {
		return nil, fmt.Errorf("policy recognizers: %w", err)
	}
	var hasher *mask.Hasher
	if key := s.opts.HashKey; key != nil || plan.Keys.Hash != nil {
		if key == nil {
			if key, err = plan.Keys.Hash.Read(); err != nil && !s.opts.LazyHashKey {
				return nil, fmt.Errorf("hash key: %w", err)
			}
		}
		if key != nil {
			if hasher, err = mask.NewHasher(key); err != nil {
				return nil, fmt.Errorf("hash key (%s): %w", plan.Keys.Hash, err)
			}
		}
	}
	rt := &Runtime{
		Plan: plan,
		Engine: rewrite.New(rewrite.Config{
			Scanner: scanner, Hasher: hasher, Vault: s.opts.Vault,
			MaxDepth: plan.Limits.MaxDepth, RecordPaths: s.opts.RecordPaths,
		}),
		upstreams: map[string]*url.URL{},
		limiters:  map[*policy.Route]*rate.Limiter{},
	}
	for name, u := range plan.Upstreams {
		rt.upstreams[name] = u.URL
		if o, ok := s.opts.UpstreamOverrides[name]; ok {
			rt.upstreams[name] = o
		}
	}
	for _, r := range plan.Routes {
		if r.RateLimit != nil {
			rt.limiters[r] = rate.NewLimiter(rate.Limit(r.RateLimit.QPS), max(r.RateLimit.Burst, 1))
		}
	}
	return rt, nil
}

// Install swaps in a new runtime (SIGHUP reload). Calls in flight finish with the old one.
func (s *Server) Install(rt *Runtime) { s.rt.Store(rt) }

// Runtime returns the runtime in use.
func (s *Server) Runtime() *Runtime { return s.rt.Load() }

// Drain makes the server refuse new calls with 503 and waits for calls in flight.
func (s *Server) Drain(ctx context.Context) error { return s.inflight.drain(ctx) }

// UpstreamFor names the upstream of a path: the new API (/v1.0/, /v2.0/) is `api`, every
// other path is the legacy `oapi`. One listener serves both generations, so the official
// SDK (endpoint = the proxy) and legacy clients (base URL = the proxy) both work.
func UpstreamFor(path string) string {
	if strings.HasPrefix(path, "/v1.0/") || strings.HasPrefix(path, "/v2.0/") {
		return "api"
	}
	return "oapi"
}

// idBlock is crypto/rand output for 32 request ids, read at once: one read per id cost
// more than the rest of the id's making.
type idBlock struct {
	buf [32 * 12]byte
	off int
}

var idBlocks = sync.Pool{New: func() any { return &idBlock{off: 32 * 12} }}

func newRequestID() string {
	b := idBlocks.Get().(*idBlock)
	if b.off == len(b.buf) {
		rand.Read(b.buf[:])
		b.off = 0
	}
	var id [24]byte
	src := b.buf[b.off : b.off+12]
	hex.Encode(id[:], src)
	clear(src) // an id handed out is not kept
	b.off += 12
	idBlocks.Put(b)
	return string(id[:])
}
