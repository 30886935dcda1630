package proxy

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/elazarl/goproxy"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/ca"
)

// Reasons of forward mode's own refusals (beside the reverse-mode ones in errors.go).
const (
	ReasonHostNotAllowed  = "host_not_allowed"    // 403: not a DingTalk host of the configuration
	ReasonMisdirected     = "misdirected_request" // 421: the Host header names another host than the tunnel
	ReasonNotProxyRequest = "not_a_proxy_request" // 400: a plain request sent to the forward listener
)

// ForwardOptions configure forward mode.
type ForwardOptions struct {
	// Hosts maps each intercepted host name to its upstream, "oapi" (legacy API) or "api"
	// (new API). nil means DefaultForwardHosts. Every other host is refused.
	Hosts map[string]string
	// CACert is the proxy's CA with its private key (LoadCA); the certificates presented to
	// clients are signed with it.
	CACert tls.Certificate
	Logger *slog.Logger
	// IdleTimeout closes a tunnel that neither reads nor writes for this long (default
	// DefaultForwardIdleTimeout). It also bounds a client's TLS handshake.
	IdleTimeout time.Duration
}

// DefaultForwardHosts are the DingTalk API hosts: both generations, .com and .io.
func DefaultForwardHosts() map[string]string {
	return map[string]string{
		"oapi.dingtalk.com": "oapi", "api.dingtalk.com": "api",
		"oapi.dingtalk.io": "oapi", "api.dingtalk.io": "api",
	}
}

// ForwardHosts turns a configuration's host list into ForwardOptions.Hosts: a name whose
// first label is "oapi" is the legacy API, "api" the new one. Empty means the defaults.
func ForwardHosts(names []string) (map[string]string, error) {
	if len(names) == 0 {
		return DefaultForwardHosts(), nil
	}
	out := make(map[string]string, len(names))
	for i, n := range names {
		n = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(n)), ".")
		first, _, _ := strings.Cut(n, ".")
		switch first {
		case "oapi", "api":
			out[n] = first
		default:
			return nil, fmt.Errorf("forward.hosts[%d]: %q is not a DingTalk API host (oapi.… or api.…)", i, n)
		}
	}
	return out, nil
}

// LoadCA reads the forward-mode CA written by `proxy ca init`.
func LoadCA(certFile, keyFile string) (tls.Certificate, error) { return ca.Load(certFile, keyFile) }

// forward is forward mode: goproxy terminates the clients' TLS for the configured DingTalk
// hosts and hands every decrypted call to the reverse-mode Server, so both modes share one
// pipeline (authentication, routes, rewriting, audit, the upstream call). goproxy itself
// never connects anywhere.
type forward struct {
	srv    *Server
	hosts  map[string]string
	issuer *ca.Issuer
	log    *slog.Logger
}

// tunnel is what a CONNECT established, carried by goproxy from the CONNECT's context to
// every request read inside the tunnel (ProxyCtx.UserData is copied to each).
type tunnel struct {
	host     string // as validated: lower case, no port
	upstream string
	cred     proxyCredential
}

// NewForward returns the forward-mode handler (serve it on its own listener). Each
// configured host must be certifiable by the CA; a certificate for each is signed at once
// so that a CA that cannot serve them fails here rather than in every client's handshake.
func NewForward(srv *Server, opts ForwardOptions) (http.Handler, error) {
	if srv == nil {
		return nil, errors.New("forward: no server")
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewJSONHandler(os.Stderr, nil))
	}
	hosts := opts.Hosts
	if hosts == nil {
		hosts = DefaultForwardHosts()
	}
	if len(hosts) == 0 {
		return nil, errors.New("forward: no hosts to intercept")
	}
	issuer, err := ca.NewIssuer(opts.CACert, ca.IssuerOptions{})
	if err != nil {
		return nil, fmt.Errorf("forward: %w", err)
	}
	f := &forward{srv: srv, hosts: make(map[string]string, len(hosts)), issuer: issuer, log: log}
	names := make([]string, 0, len(hosts))
	for h := range hosts {
		names = append(names, h)
	}
	sort.Strings(names)
	for _, h := range names {
		up := hosts[h]
		if up != "oapi" && up != "api" {
			return nil, fmt.Errorf("forward: host %s: upstream %q (want oapi or api)", h, up)
		}
		name := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
		if _, err := issuer.Certificate(name); err != nil { // also refuses ports, IPs, wildcards
			return nil, fmt.Errorf("forward: host %s: %w", h, err)
		}
		f.hosts[name] = up
	}

	gp := goproxy.NewProxyHttpServer()
	gp.Logger = goproxyLogger{log}
	gp.Verbose = false
	// The Server decides Accept-Encoding upstream (it asks for gzip and decodes it to inspect
	// the body) and toward the client (gzip when the client accepts it): goproxy must pass
	// the client's header through untouched.
	gp.KeepAcceptEncoding = true
	// goproxy's default transport skips TLS verification and follows HTTP(S)_PROXY. Every
	// call is answered by the Server, so goproxy has nothing to dial: its transport verifies
	// and refuses to connect, and so do its CONNECT dialers, should a path ever reach them.
	gp.Tr = &http.Transport{
		Proxy:           nil,
		TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12},
		DialContext:     f.refuseDialContext,
	}
	gp.ConnectDial = nil
	gp.ConnectDialWithReq = f.refuseConnectDial
	gp.NonproxyHandler = http.HandlerFunc(f.notAProxyRequest)
	gp.OnRequest().HandleConnectFunc(f.connect)
	gp.OnRequest().DoFunc(f.request)
	idle := opts.IdleTimeout
	if idle <= 0 {
		idle = DefaultForwardIdleTimeout
	}
	return idleTimeouts{next: gp, idle: idle}, nil
}

// connect decides a CONNECT: MITM for a configured host on port 443, refusal (403) for
// everything else. Credentials are optional here: the calls inside may carry their own.
func (f *forward) connect(hostport string, ctx *goproxy.ProxyCtx) (*goproxy.ConnectAction, string) {
	host, port := splitHostPort(hostport, "443")
	up, ok := f.hosts[host]
	if !ok || port != "443" {
		f.log.Warn("forward proxy: CONNECT refused", "host", logHost(hostport))
		ctx.Resp = f.refuse(ctx.Req, http.StatusForbidden, ReasonHostNotAllowed,
			"this proxy only intercepts the configured DingTalk API hosts on port 443")
		return &goproxy.ConnectAction{Action: goproxy.ConnectReject}, hostport
	}
	ctx.UserData = &tunnel{host: host, upstream: up,
		cred: parseProxyAuthorization(ctx.Req.Header.Get("Proxy-Authorization"))}
	return &goproxy.ConnectAction{Action: goproxy.ConnectMitm, TLSConfig: f.tlsConfig}, hostport
}

// tlsConfig is the server side of the client's TLS inside a tunnel.
func (f *forward) tlsConfig(hostport string, ctx *goproxy.ProxyCtx) (*tls.Config, error) {
	t, _ := ctx.UserData.(*tunnel)
	if t == nil {
		return nil, errors.New("forward: TLS for a tunnel that was not accepted")
	}
	cert, err := f.issuer.Certificate(t.host)
	if err != nil {
		f.log.Error("forward proxy: cannot sign a certificate", "host", t.host, "error", err.Error())
		return nil, err
	}
	return &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{*cert}}, nil
}

// request answers every proxied call: those decrypted inside a tunnel, and plain-HTTP proxy
// requests (absolute URL). It always returns a response, so goproxy never sends anything
// anywhere itself.
func (f *forward) request(req *http.Request, ctx *goproxy.ProxyCtx) (*http.Request, *http.Response) {
	t, _ := ctx.UserData.(*tunnel)
	if t == nil {
		// A plain-HTTP proxy request: the URL names the host.
		host, port := splitHostPort(req.URL.Host, defaultPort(req.URL.Scheme))
		up, ok := f.hosts[host]
		if !ok || port != defaultPort(req.URL.Scheme) || (req.URL.Scheme != "http" && req.URL.Scheme != "https") {
			f.log.Warn("forward proxy: request refused", "host", logHost(req.URL.Host))
			return req, f.refuse(req, http.StatusForbidden, ReasonHostNotAllowed,
				"this proxy only forwards to the configured DingTalk API hosts")
		}
		t = &tunnel{host: host, upstream: up, cred: parseProxyAuthorization(req.Header.Get("Proxy-Authorization"))}
	} else {
		// Inside a tunnel the certificate vouched for t.host: a call naming another host (Host
		// header or absolute URL) would be sent where the client did not verify.
		host, port := splitHostPort(req.URL.Host, "443")
		if host != t.host || port != "443" {
			return req, f.refuse(req, http.StatusMisdirectedRequest, ReasonMisdirected,
				"this connection is for "+t.host+"; open another one for other hosts")
		}
	}
	if UpstreamFor(req.URL.Path) != t.upstream {
		return req, f.refuse(req, http.StatusForbidden, ReasonRouteNotAllowed,
			fmt.Sprintf("%s %s is not an API of %s", req.Method, sanitizePath(req.URL.Path), t.host))
	}
	return req, serveToResponse(f.srv, f.inbound(req, t), f.log)
}

// refuse answers a call forward mode will not take into the pipeline (another host, a call
// for another host inside a tunnel, an API of the other generation) and records it like a
// refused reverse-mode call — audit record, log line, metrics: an attempt to use the proxy
// as an open proxy is evidence too. The host is not recorded (only the reason): a name the
// client chose could carry anything.
func (f *forward) refuse(req *http.Request, status int, reason, msg string) *http.Response {
	c := f.srv.earlyCall(req, status, audit.DecisionDenied, reason)
	f.srv.finish(c, &statusWriter{status: status})
	return bufferedError(req, status, reason, msg, c.ID)
}

// inbound turns a proxied call into the Server's view of a reverse-mode call: a path-only
// URL, the tunnel's key when the call has none, no proxy hop headers.
func (f *forward) inbound(req *http.Request, t *tunnel) *http.Request {
	in := req.Clone(req.Context())
	in.URL = &url.URL{Path: req.URL.Path, RawPath: req.URL.RawPath, RawQuery: req.URL.RawQuery}
	in.RequestURI = in.URL.RequestURI()
	in.Host = t.host
	for _, h := range []string{"Proxy-Authorization", "Proxy-Connection", "Proxy-Authenticate"} {
		in.Header.Del(h)
	}
	applyCredential(in.Header, t.cred)
	return in
}

// notAProxyRequest answers a request that names no host (GET /path sent to this listener),
// recorded like the other refusals: it is most often a client configured with the wrong
// address, and the request id lets its owner find the record.
func (f *forward) notAProxyRequest(w http.ResponseWriter, r *http.Request) {
	c := f.srv.earlyCall(r, http.StatusBadRequest, audit.DecisionDenied, ReasonNotProxyRequest)
	sw := &statusWriter{ResponseWriter: w}
	writeError(sw, http.StatusBadRequest, ReasonNotProxyRequest,
		"this is the forward-mode listener: use it as HTTPS_PROXY, or call the reverse-mode listener directly", c.ID)
	f.srv.finish(c, sw)
}

var errNeverDials = errors.New("forward proxy: goproxy may not connect upstream; calls go through the Server")

func (f *forward) refuseDialContext(_ context.Context, _, addr string) (net.Conn, error) {
	f.log.Error("forward proxy: refused a direct upstream connection", "host", logHost(addr))
	return nil, errNeverDials
}

func (f *forward) refuseConnectDial(_ *http.Request, _, addr string) (net.Conn, error) {
	f.log.Error("forward proxy: refused a CONNECT tunnel", "host", logHost(addr))
	return nil, errNeverDials
}

// splitHostPort returns the lower-case host (no trailing dot, no brackets) and the port,
// or def when there is none.
func splitHostPort(hostport, def string) (string, string) {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, def
	}
	if port == "" {
		port = def
	}
	return strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), "."), port
}

func defaultPort(scheme string) string {
	if scheme == "https" {
		return "443"
	}
	return "80"
}

// logHost bounds and cleans a client-supplied host name before it is logged.
func logHost(h string) string {
	if len(h) > 100 {
		h = h[:100] + "…"
	}
	return sanitizePath(h)
}
