package admin

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"golang.org/x/time/rate"

	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

//go:embed templates/*.html assets/*
var files embed.FS

// Handler serves the admin listener. Create it with New, feed it with Record, stop its
// background verification with Close.
type Handler struct {
	cfg    Config
	mux    *http.ServeMux
	series *Series
	sess   *sessions
	chain  *chainChecker // nil without an audit directory
	tmpl   *template.Template
	// failedLogins throttles wrong keys on the login form. Keys are long random strings, so
	// this is about not being a free oracle or a CPU sink, not about guessing.
	failedLogins *rate.Limiter
}

// New builds the handler and starts the background chain verification.
func New(cfg Config) (*Handler, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	tmpl, err := template.New("").Funcs(templateFuncs(cfg.Location)).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	h := &Handler{
		cfg:          cfg,
		mux:          http.NewServeMux(),
		series:       NewSeries(cfg.Now),
		sess:         newSessions(cfg.SessionTTL, cfg.Now),
		tmpl:         tmpl,
		failedLogins: rate.NewLimiter(rate.Every(time.Second), 10),
	}
	if cfg.AuditDir != "" {
		h.chain = newChainChecker(cfg.AuditDir, cfg.AuditVerify, cfg.VerifyEvery, cfg.Now, cfg.Logger)
	}
	metrics := http.NotFoundHandler()
	if cfg.Telemetry != nil {
		metrics = cfg.Telemetry.MetricsHandler()
	}
	h.mux.Handle("GET /metrics", metrics)
	h.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/dashboard", http.StatusSeeOther)
	})
	h.mux.HandleFunc("GET /login", h.serveLoginForm)
	h.mux.HandleFunc("POST /login", h.serveLogin)
	h.mux.HandleFunc("POST /logout", h.serveLogout)
	h.mux.HandleFunc("GET /dashboard/assets/{name}", h.serveAsset)
	h.mux.Handle("GET /dashboard", h.adminOnly(http.HandlerFunc(h.serveDashboard)))
	h.mux.Handle("GET /dashboard/api/summary", h.adminOnly(http.HandlerFunc(h.serveSummary)))
	h.mux.Handle("POST /dashboard/verify", h.adminOnly(http.HandlerFunc(h.serveVerify)))
	h.mux.Handle("GET /admin/audit/export", h.adminOnly(http.HandlerFunc(h.serveExport)))
	for pattern, next := range cfg.Mount {
		if err := h.mount(pattern, next); err != nil {
			h.Close()
			return nil, err
		}
	}
	return h, nil
}

// mount registers an extra admin endpoint; ServeMux panics on a conflicting pattern, which
// is a configuration error here.
func (h *Handler) mount(pattern string, next http.Handler) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("admin: Mount %q: %v", pattern, p)
		}
	}()
	if next == nil {
		return fmt.Errorf("admin: Mount %q: nil handler", pattern)
	}
	h.mux.Handle(pattern, h.adminOnly(next))
	return nil
}

// Caller is the admin caller id of a request that passed the admin check (for handlers
// given in Config.Mount); "" otherwise.
func Caller(r *http.Request) string { return principalFrom(r.Context()).Caller }

// Record counts a finished call in the dashboard's series.
func (h *Handler) Record(ev telemetry.CallEvent) { h.series.Record(ev) }

// Close stops the background verification.
func (h *Handler) Close() error {
	if h.chain != nil {
		h.chain.close()
	}
	return nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the
	// dashboard's own form posts, and sameOrigin could not tell them from cross-site ones.
	hd.Set("Referrer-Policy", "same-origin")
	hd.Set("X-Frame-Options", "DENY")
	// No script anywhere; styles and images only from this listener.
	hd.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.mux.ServeHTTP(w, r)
}

// adminOnly lets admin callers through; a browser without a session goes to the login form,
// anything else gets a JSON error.
func (h *Handler) adminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		p, res := h.authenticate(r)
		switch res {
		case authOK:
			if r.Method == http.MethodPost && p.ViaCookie && !sameOrigin(r) {
				jsonError(w, http.StatusForbidden, "cross_origin", "cross-origin form posts are refused")
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
		case authForbidden:
			jsonError(w, http.StatusForbidden, "not_admin", "this caller does not hold the admin role")
		case authNone:
			if r.Method == http.MethodGet && r.URL.Path == "/dashboard" {
				http.Redirect(w, r, "/login?next="+urlQueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="pii-proxy-admin"`)
			jsonError(w, http.StatusUnauthorized, "missing_api_key", "send an admin API key (Authorization: Bearer or X-Api-Key) or sign in at /login")
		default:
			w.Header().Set("WWW-Authenticate", `Bearer realm="pii-proxy-admin"`)
			jsonError(w, http.StatusUnauthorized, "invalid_api_key", "the API key is not known to this proxy")
		}
	})
}

func (h *Handler) serveAsset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name != "dashboard.css" {
		http.NotFound(w, r)
		return
	}
	b, err := files.ReadFile("assets/" + name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=300")
	w.Write(b)
}

func (h *Handler) serveVerify(w http.ResponseWriter, r *http.Request) {
	if h.chain == nil {
		jsonError(w, http.StatusNotFound, "no_audit", "no audit log is configured")
		return
	}
	h.chain.Trigger()
	if principalFrom(r.Context()).ViaCookie {
		http.Redirect(w, r, "/dashboard?"+r.URL.RawQuery, http.StatusSeeOther)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusAccepted)
	w.Write([]byte(`{"status":"verification started"}` + "\n"))
}

// jsonError writes the admin listener's error body. msg is a fixed text, never input.
func jsonError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"code": code, "message": msg})
}
