package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/admin"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/notify"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/sink"
	"github.com/hkpii/dingtalk-pii-proxy/internal/config"
	"github.com/hkpii/dingtalk-pii-proxy/internal/dsar"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

func init() {
	register("serve", "run the proxy (reverse mode; forward mode and admin listener when configured)", runServe)
}

// multiFlag collects repeated name=value flags.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	cfgFile := fs.String("config", "", "serve configuration file (YAML)")
	listen := fs.String("listen", "", "override the config's listen address")
	adminListen := fs.String("admin-listen", "", "override the config's admin listener address")
	forwardListen := fs.String("forward-listen", "", "override the config's forward-mode listener address")
	var upstreams multiFlag
	fs.Var(&upstreams, "upstream", "override an upstream URL: name=URL (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy serve --config F [--listen ADDR] [--admin-listen ADDR] [--forward-listen ADDR] [--upstream NAME=URL]...")
		fs.PrintDefaults()
	}
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgFile == "" {
		return usageErr("--config is required")
	}
	cfg, err := config.Load(*cfgFile)
	if err != nil {
		return &exitError{2, err}
	}
	if *listen != "" {
		cfg.Listen = *listen
	}
	if *adminListen != "" {
		cfg.AdminListen = *adminListen
	}
	if *forwardListen != "" && cfg.Forward != nil {
		cfg.Forward.Listen = *forwardListen
	}
	for _, u := range upstreams {
		name, v, ok := strings.Cut(u, "=")
		if !ok {
			return usageErr("--upstream wants name=URL, got %q", u)
		}
		if cfg.Upstreams == nil {
			cfg.Upstreams = map[string]string{}
		}
		cfg.Upstreams[name] = v
	}
	logger := newLogger(cfg.Log, stderr)
	return serve(cfg, logger)
}

func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil || c.Level == "" {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	// The same lines as slog.NewJSONHandler; the proxy writes its per-call line through it
	// at a fraction of slog's cost (proxy.NewJSONLogHandler).
	return slog.New(proxy.NewJSONLogHandler(w, opts))
}

// services holds what serve opens, so it can close it in order.
type services struct {
	vault  *vault.Vault
	audit  *audit.Log
	notify *notify.Notifier
}

func (s *services) close() {
	if s.audit != nil {
		s.audit.Close()
	}
	if s.notify != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		s.notify.Close(ctx)
		cancel()
	}
	if s.vault != nil {
		s.vault.Close()
	}
}

func serve(cfg *config.Config, log *slog.Logger) error {
	setGCPercent(log)
	policyPath := cfg.Path(cfg.Policy)
	plan, err := policy.Load(policyPath)
	if err != nil {
		return &exitError{2, err}
	}
	if err := os.MkdirAll(cfg.State(), 0o700); err != nil {
		return &exitError{2, err}
	}
	svc := &services{}
	defer svc.close()
	if svc.vault, err = openVault(cfg); err != nil {
		return &exitError{2, err}
	}
	if !cfg.Audit.Disabled {
		if svc.audit, svc.notify, err = openAudit(cfg, log); err != nil {
			return &exitError{2, fmt.Errorf("audit: %w", err)}
		}
	}
	overrides := map[string]*url.URL{}
	for name, raw := range cfg.Upstreams {
		u, err := url.Parse(raw)
		if err != nil {
			return &exitError{2, fmt.Errorf("upstream %s: %w", name, err)}
		}
		overrides[name] = u
	}
	tel, err := telemetry.New(telemetry.Config{ServiceName: cfg.Telemetry.ServiceName, Replica: cfg.Replica,
		OTLPEndpoint: cfg.Telemetry.OTLPEndpoint, MetricInterval: time.Duration(cfg.Telemetry.MetricInterval),
		Prometheus: cfg.AdminListen != ""})
	if err != nil {
		return &exitError{2, fmt.Errorf("telemetry: %w", err)}
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		tel.Shutdown(ctx)
		cancel()
	}()
	tel.RegisterHealth("vault", svc.vault.Ping)
	tel.RegisterGauge("pii_proxy_vault_entries", "Live token vault entries.", func(ctx context.Context) (float64, error) {
		st, err := svc.vault.Stats(ctx)
		return float64(st.Entries), err
	})
	if svc.audit != nil {
		tel.RegisterHealth("audit", func(context.Context) error { return svc.audit.Healthy() })
	}
	var adm *admin.Handler
	srv, err := proxy.New(plan, proxy.Options{
		Logger: log, Vault: svc.vault, Audit: svc.audit, Replica: cfg.Replica,
		UpstreamOverrides: overrides, RecordPaths: cfg.Audit.RecordPaths,
		Transport: tel.Transport(proxy.NewTransport()),
		Trace: func(ctx context.Context, method string, h http.Header) (context.Context, func(*proxy.Call)) {
			ctx, span := tel.StartCall(tel.Extract(ctx, h), method)
			return ctx, func(c *proxy.Call) {
				ev := c.Event()
				tel.EndCall(ctx, span, ev)
				if adm != nil {
					adm.Record(ev)
				}
			}
		},
	})
	if err != nil {
		return &exitError{2, err}
	}
	if cfg.AdminListen != "" {
		if adm, err = adminHandler(cfg, srv, svc, tel, log); err != nil {
			return &exitError{2, err}
		}
		defer adm.Close()
	}

	main := &http.Server{
		Addr: cfg.Listen, Handler: srv.Ops(srv), ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 1 << 20,
	}
	if cfg.TLS != nil {
		tc, err := serverTLS(cfg)
		if err != nil {
			return &exitError{2, err}
		}
		main.TLSConfig = tc
	}
	servers := []*http.Server{main}
	if f := cfg.Forward; f != nil {
		fwd, err := forwardServer(cfg, f, srv, log)
		if err != nil {
			return &exitError{2, err}
		}
		fwd.ErrorLog = main.ErrorLog
		servers = append(servers, fwd)
	}
	var admin *http.Server
	if cfg.AdminListen != "" {
		admin = &http.Server{Addr: cfg.AdminListen, Handler: srv.Ops(adm),
			ReadHeaderTimeout: 10 * time.Second, ErrorLog: main.ErrorLog}
		servers = append(servers, admin)
	}

	errc := make(chan error, len(servers))
	for _, hs := range servers {
		ln, err := net.Listen("tcp", hs.Addr)
		if err != nil {
			return &exitError{2, err}
		}
		log.Info("listening", "addr", ln.Addr().String(), "tls", hs.TLSConfig != nil)
		go func(hs *http.Server, ln net.Listener) {
			var err error
			if hs.TLSConfig != nil {
				err = hs.ServeTLS(ln, "", "")
			} else {
				err = hs.Serve(ln)
			}
			if !errors.Is(err, http.ErrServerClosed) {
				errc <- err
			}
		}(hs, ln)
	}
	log.Info("proxy started", "policy", policyPath, "routes", len(plan.Routes), "callers", len(plan.Callers))

	stopPurge := schedulePurge(svc.vault, time.Duration(cfg.Vault.PurgeEvery), log)
	defer stopPurge()

	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	for {
		select {
		case err := <-errc:
			return &exitError{2, err}
		case sig := <-sigs:
			if sig == syscall.SIGHUP {
				reload(srv, policyPath, log)
				continue
			}
			log.Info("shutting down: draining calls in flight", "signal", sig.String())
			timeout := time.Duration(cfg.ShutdownTimeout)
			if timeout <= 0 {
				timeout = 30 * time.Second
			}
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			if err := srv.Drain(ctx); err != nil {
				log.Warn("drain timed out; closing with calls in flight", "timeout", timeout.String())
			}
			for _, hs := range servers {
				hs.Shutdown(ctx)
			}
			cancel()
			log.Info("stopped")
			return nil
		}
	}
}

// adminHandler builds the admin listener: /metrics (no key), the compliance dashboard, the
// evidence export and the data subject request endpoints (admin role only).
func adminHandler(cfg *config.Config, srv *proxy.Server, svc *services, tel *telemetry.T, log *slog.Logger) (*admin.Handler, error) {
	auditDir := ""
	if svc.audit != nil {
		auditDir = cfg.Or(cfg.Audit.Dir, cfg.State("audit"))
	}
	backend := cfg.Vault.Backend
	if backend == "" {
		backend = "bolt"
	}
	dsarSvc := func(actor string) *dsar.Service {
		return &dsar.Service{Vault: svc.vault, AuditDir: auditDir, Audit: svc.audit, Actor: "admin:" + actor,
			CustomTypes: customTypes(srv.Runtime().Plan)}
	}
	return admin.New(admin.Config{
		Plan:      func() *policy.Plan { return srv.Runtime().Plan },
		Telemetry: tel,
		AuditDir:  auditDir,
		Vault: func(ctx context.Context) (admin.VaultInfo, error) {
			st, err := svc.vault.Stats(ctx)
			if err != nil {
				return admin.VaultInfo{}, err
			}
			return vaultInfo(backend, st, cfg), nil
		},
		Mount:  map[string]http.Handler{"POST /admin/dsar/": dsar.Handler(dsarSvc, admin.Caller)},
		Logger: log,
	})
}

// forwardServer builds the forward-mode (HTTPS_PROXY) listener: MITM for the DingTalk
// hosts with the proxy's own CA (`proxy ca init`), every other host refused.
func forwardServer(cfg *config.Config, f *config.Forward, srv *proxy.Server, log *slog.Logger) (*http.Server, error) {
	certFile, keyFile := cfg.Or(f.CACert, cfg.State("ca", "ca.pem")), cfg.Or(f.CAKey, cfg.State("ca", "ca-key.pem"))
	ca, err := proxy.LoadCA(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("forward mode: %w (create the CA with `proxy ca init --dir %s`)", err, filepath.Dir(certFile))
	}
	hosts, err := proxy.ForwardHosts(f.Hosts)
	if err != nil {
		return nil, fmt.Errorf("forward.hosts: %w", err)
	}
	h, err := proxy.NewForward(srv, proxy.ForwardOptions{Hosts: hosts, CACert: ca, Logger: log})
	if err != nil {
		return nil, fmt.Errorf("forward mode: %w", err)
	}
	return &http.Server{Addr: f.Listen, Handler: h, ReadHeaderTimeout: 10 * time.Second, MaxHeaderBytes: 1 << 20}, nil
}

// reload compiles the policy file again and installs it; a policy that does not load, or
// does not compile, leaves the running one in place.
func reload(srv *proxy.Server, path string, log *slog.Logger) {
	plan, err := policy.Load(path)
	if err != nil {
		var le *policy.LoadError
		if errors.As(err, &le) {
			log.Error("policy reload failed; keeping the previous policy", "errors", le.Lines())
		} else {
			log.Error("policy reload failed; keeping the previous policy", "error", err.Error())
		}
		return
	}
	rt, err := srv.Compile(plan)
	if err != nil {
		log.Error("policy reload failed; keeping the previous policy", "error", err.Error())
		return
	}
	srv.Install(rt)
	log.Info("policy reloaded", "policy", path, "routes", len(plan.Routes))
}

// schedulePurge deletes expired vault entries every interval (default 1h).
func schedulePurge(v *vault.Vault, every time.Duration, log *slog.Logger) func() {
	if every <= 0 {
		every = time.Hour
	}
	t := time.NewTicker(every)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				n, err := v.Purge(ctx, now)
				cancel()
				if err != nil {
					log.Warn("scheduled vault purge failed", "error", err.Error())
				} else if n > 0 {
					log.Info("vault purge", "expired_entries_deleted", n)
				}
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

func serverTLS(cfg *config.Config) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(cfg.Path(cfg.TLS.Cert), cfg.Path(cfg.TLS.Key))
	if err != nil {
		return nil, fmt.Errorf("tls: %w", err)
	}
	tc := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	if cfg.TLS.ClientCA != "" {
		pem, err := os.ReadFile(cfg.Path(cfg.TLS.ClientCA))
		if err != nil {
			return nil, fmt.Errorf("tls.client_ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, errors.New("tls.client_ca: no certificate found")
		}
		tc.ClientCAs = pool
		tc.ClientAuth = tls.VerifyClientCertIfGiven
		if cfg.TLS.RequireClientCert {
			tc.ClientAuth = tls.RequireAndVerifyClientCert
		}
	}
	return tc, nil
}

// openAudit opens the audit log in the state directory (its keys are created on first
// run), with its central sink and the privacy-officer webhook when configured.
func openAudit(cfg *config.Config, log *slog.Logger) (*audit.Log, *notify.Notifier, error) {
	a := cfg.Audit
	c := audit.Config{
		Dir: cfg.Or(a.Dir, cfg.State("audit")), Replica: cfg.Replica,
		SyncEvery: a.SyncEvery, SyncInterval: time.Duration(a.SyncInterval),
		MaxSegmentBytes: a.MaxSegmentBytes, MaxSegmentAge: time.Duration(a.MaxSegmentAge),
		Retention: time.Duration(a.Retention), CheckpointEvery: a.CheckpointEvery,
		RecordPaths: a.RecordPaths, Logger: log,
	}
	if a.KeyDir != "" {
		c.Keys.Dir = cfg.Path(a.KeyDir)
	}
	if sk := a.Sink; sk != nil {
		var err error
		if sk.NATS != "" {
			c.Sink, err = sink.NewNATS(sink.NATSConfig{URL: sk.NATS, Stream: sk.Stream, SubjectPrefix: sk.SubjectPrefix})
		} else {
			c.Sink, err = sink.NewPostgres(sink.PostgresConfig{DSN: sk.Postgres, Table: sk.Table})
		}
		if err != nil {
			return nil, nil, fmt.Errorf("audit sink: %w", err)
		}
		c.SpoolMaxBytes = sk.SpoolMax
	}
	var n *notify.Notifier
	if w := a.Webhook; w != nil {
		var err error
		n, err = notify.New(notify.Config{URL: w.URL, SecretFile: cfg.Path(w.SecretFile), Replica: cfg.Replica, Logger: log})
		if err != nil {
			return nil, nil, fmt.Errorf("audit webhook: %w", err)
		}
		c.Notify = n.Observe
	}
	l, err := audit.Open(c)
	if err != nil {
		var te *audit.TamperError
		if errors.As(err, &te) {
			err = fmt.Errorf("%w\nthe active audit segment is damaged: run `proxy audit verify %s`, keep the report, "+
				"move the damaged segment aside and start again", err, c.Dir)
		}
		return nil, nil, err
	}
	return l, n, nil
}

// vaultInfo is what the dashboard shows of the vault: counts and retention settings.
func vaultInfo(backend string, st vault.Stats, cfg *config.Config) admin.VaultInfo {
	def := time.Duration(cfg.Vault.DefaultTTL)
	if def <= 0 {
		def = vault.DefaultRetention
	}
	every := time.Duration(cfg.Vault.PurgeEvery)
	if every <= 0 {
		every = time.Hour
	}
	info := admin.VaultInfo{Backend: backend, Entries: st.Entries, Erased: st.Erased, ExpiredPending: st.ExpiredPending,
		SizeBytes: st.SizeBytes, DefaultRetention: def, PurgeEvery: every}
	if len(cfg.Vault.TypeTTL) > 0 {
		info.TypeRetention = map[string]time.Duration{}
		for k, v := range cfg.Vault.TypeTTL {
			info.TypeRetention[k] = time.Duration(v)
		}
	}
	return info
}

// serveGCPercent is the collector's target when GOGC is not set. Every call allocates
// buffers of about its body's size that die with the call; at Go's default of 100 the
// collector took ~8% of the proxy's CPU under load. 200 buys ~7% more calls per second
// (bench/RESULTS.md) for a heap up to three times the live data, which the memory bound of
// DESIGN.md §9 still covers (README, Configuration). GOGC in the environment wins.
const serveGCPercent = 200

func setGCPercent(log *slog.Logger) {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	debug.SetGCPercent(serveGCPercent)
	log.Debug("GOGC not set: collector target raised", "gc_percent", serveGCPercent)
}
