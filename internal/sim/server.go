package sim

import (
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

const tokenHeader = "x-acs-dingtalk-access-token"

// Server is the simulator: an http.Handler answering both DingTalk API generations and the
// /_sim/ control endpoints. It is safe for concurrent use.
type Server struct {
	cfg  Config
	now  func() time.Time
	dir  *directory
	tok  *tokens
	qps  *qpsLimiter
	rec  *recorder
	wf   *workflows
	msgs *messageStore
	gz   *compressor // nil when answers are never compressed

	routes map[routeKey]*route
	served atomic.Int64 // DingTalk calls answered (healthz reports it)
}

// New builds a simulator: it generates Config.Employees employees from the seed (cheaply:
// responses are rendered on first use and cached).
func New(cfg Config) (*Server, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	s := &Server{
		cfg:  cfg,
		now:  now,
		dir:  newDirectory(cfg.Seed, cfg.Employees),
		tok:  newTokens(cfg.Seed, cfg.TokenTTL),
		qps:  newQPSLimiter(cfg.QPS),
		rec:  newRecorder(cfg.Record),
		msgs: newMessageStore(cfg.Record),
	}
	if cfg.Gzip {
		s.gz = newCompressor()
	}
	s.wf = newWorkflows(s.dir)
	s.routes = s.routeTable()
	return s, nil
}

// generation of the API a path belongs to: the proxy sends /v1.0/ and /v2.0/ to its "api"
// upstream and everything else to "oapi"; one simulator listener serves both.
func isNewAPI(path string) bool {
	return strings.HasPrefix(path, "/v1.0/") || strings.HasPrefix(path, "/v2.0/")
}

// call is one DingTalk request in flight.
type call struct {
	s      *Server
	w      http.ResponseWriter
	r      *http.Request
	body   []byte
	legacy bool
	hash   uint64
	reqID  string
	tok    tokenInfo
	args   *args
	query  url.Values // the parsed query string, parsed once
	outBuf *[]byte
}

// out returns the pooled response buffer, emptied.
func (c *call) out() []byte {
	if c.outBuf == nil {
		c.outBuf = getBuf()
	}
	return (*c.outBuf)[:0]
}

// send writes one complete answer. b normally lives in c.outBuf (see out), which is
// recycled when the call ends.
func (c *call) send(status int, b []byte) {
	if c.outBuf != nil {
		*c.outBuf = b[:0] // keep the grown capacity for the next call
	}
	writeJSON(c.w, c.r, c.s.gz, status, b)
}

// requestID is deterministic per seed and request, in the dialect of the API.
func (c *call) requestID() string {
	if c.reqID == "" {
		if c.legacy {
			c.reqID = legacyRequestID(c.hash)
		} else {
			c.reqID = newRequestID(c.hash)
		}
	}
	return c.reqID
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_sim/") {
		s.serveSim(w, r)
		return
	}
	buf := getBuf()
	defer putBuf(buf)
	body, coding, bodyErr := readBody(r, *buf, s.cfg.MaxBody)
	*buf = body[:0]
	if len(s.rec.ring) > 0 {
		s.rec.add(newRecord(r, body, coding, s.now()))
	}
	if s.cfg.Latency > 0 {
		t := time.NewTimer(s.cfg.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	s.served.Add(1)
	c := &call{s: s, w: w, r: r, body: body, legacy: !isNewAPI(r.URL.Path)}
	c.hash = uint64(newFNV(s.cfg.Seed).str(r.Method).str(r.URL.Path).str(r.URL.RawQuery).bytes(body))
	defer func() {
		if c.outBuf != nil {
			putBuf(c.outBuf)
		}
	}()
	s.dispatch(c, bodyErr)
}

func (s *Server) dispatch(c *call, bodyErr error) {
	rt := s.lookup(c.r.Method, c.r.URL.Path)
	if rt == nil {
		if c.legacy {
			c.legacyUnknownAPI()
		} else {
			c.apiError(http.StatusNotFound, "InvalidAction.NotFound",
				"Specified api is not found, please check your url and method.")
		}
		return
	}
	if bodyErr != nil {
		c.badParam(&paramError{"body", "unreadable (size limit or Content-Encoding)"})
		return
	}
	form := c.legacy && isForm(c.r.Header.Get("Content-Type"))
	c.query = c.r.URL.Query()
	query := c.query
	if !c.legacy && c.r.Method != http.MethodGet {
		query = nil // the new API takes POST parameters from the JSON body only
	}
	a, parseErr := parseArgs(c.body, form, query)
	if a == nil {
		a = &args{query: query}
	}
	c.args = a
	// Authentication comes before body validation, as on the real gateways: a caller with a
	// bad token learns nothing about its body.
	if !s.authenticate(c, rt) {
		return
	}
	if parseErr != nil {
		c.badParam(parseErr)
		return
	}
	if rt.auth == authApp || rt.auth == authUser {
		if !s.qps.allow(c.tok.app, rt.path, s.now()) {
			c.qpsExceeded()
			return
		}
	}
	rt.handle(c)
}

// authenticate checks the call's token against the route's needs, answering the error
// itself when the check fails.
func (s *Server) authenticate(c *call, rt *route) bool {
	switch rt.auth {
	case authNone, authRobot:
		return true
	}
	now := s.now()
	if c.legacy {
		v := c.query.Get("access_token")
		if v == "" && c.args.form != nil {
			v = c.args.form.Get("access_token")
		}
		if v == "" {
			c.legacyAuth("40000", "access_token is blank")
			return false
		}
		info, ok := s.tok.lookup(v, now)
		if !ok || info.kind != appToken {
			c.legacyAuth("40014", "不合法的access_token")
			return false
		}
		c.tok = info
		return true
	}
	v := c.r.Header.Get(tokenHeader)
	if v == "" {
		c.apiError(http.StatusBadRequest, "AuthenticationFailed.MissingParameter",
			"缺少参数 "+tokenHeader)
		return false
	}
	info, ok := s.tok.lookup(v, now)
	if !ok {
		c.apiError(http.StatusBadRequest, "InvalidAuthentication", "不合法的access_token")
		return false
	}
	switch {
	case rt.auth == authApp && info.kind == appToken,
		rt.auth == authUser && info.kind == userToken:
	case rt.auth == authUser && info.kind == appToken && s.cfg.AppTokenAsUser:
		info.user = 0
	default:
		c.apiError(http.StatusForbidden, "Forbidden.AccessDenied.AccessTokenPermissionDenied",
			"没有调用该接口的权限")
		return false
	}
	c.tok = info
	return true
}
