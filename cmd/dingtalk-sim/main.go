// Command dingtalk-sim serves a faithful simulation of the DingTalk server APIs
// (oapi.dingtalk.com and api.dingtalk.com on one listener) with seeded fake Hong Kong data,
// for the demo, the end-to-end tests and the load benchmarks. See docs/simulator.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/sim"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "dingtalk-sim:", err)
		os.Exit(2)
	}
}

func run(argv []string, stderr io.Writer) error {
	cfg := sim.DefaultConfig()
	fs := flag.NewFlagSet("dingtalk-sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8081", "listen address (host:port)")
	tlsCert := fs.String("tls-cert", "", "serve HTTPS with this certificate (PEM); needs -tls-key")
	tlsKey := fs.String("tls-key", "", "private key (PEM) for -tls-cert")
	fs.IntVar(&cfg.Employees, "employees", cfg.Employees, "number of fake employees")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "fake data seed (same seed, same answers)")
	fs.StringVar(&cfg.AppKey, "app-key", cfg.AppKey, "the app key that may fetch tokens")
	fs.StringVar(&cfg.AppSecret, "app-secret", cfg.AppSecret, "the app secret that goes with -app-key")
	fs.IntVar(&cfg.Record, "record", cfg.Record, "requests kept for GET /_sim/requests (ring buffer); 0 = none")
	fs.DurationVar(&cfg.Latency, "latency", cfg.Latency, "artificial latency added to every DingTalk answer")
	fs.IntVar(&cfg.QPS, "qps", cfg.QPS, "per-app per-API calls per second before errcode 90018 / 403; 0 = off")
	fs.BoolVar(&cfg.Gzip, "gzip", cfg.Gzip, "gzip answers to clients that send Accept-Encoding: gzip")
	fs.IntVar(&cfg.MaxPageSize, "max-page-size", cfg.MaxPageSize, "largest user/list size accepted (DingTalk: 100; raise for 1 MiB bodies)")
	fs.DurationVar(&cfg.TokenTTL, "token-ttl", cfg.TokenTTL, "access token validity")
	fs.Int64Var(&cfg.MaxBody, "max-body", cfg.MaxBody, "largest request body accepted, in bytes")
	fs.BoolVar(&cfg.AppTokenAsUser, "app-token-as-user", cfg.AppTokenAsUser, "let an app token call /v1.0/contact/users/me as employee 0 (DingTalk refuses)")
	if err := fs.Parse(argv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	if (*tlsCert == "") != (*tlsKey == "") {
		return errors.New("-tls-cert and -tls-key go together")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	start := time.Now()
	s, err := sim.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	scheme := "http"
	if *tlsCert != "" {
		scheme = "https"
	}
	// Secrets are not logged: neither the app secret nor any token.
	log.Info("dingtalk-sim listening", "url", scheme+"://"+ln.Addr().String(), "employees", cfg.Employees,
		"seed", cfg.Seed, "app_key", cfg.AppKey, "startup", time.Since(start).Round(time.Millisecond))

	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() {
		if *tlsCert != "" {
			errc <- srv.ServeTLS(ln, *tlsCert, *tlsKey)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("dingtalk-sim shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
