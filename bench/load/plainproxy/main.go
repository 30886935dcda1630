// Command plainproxy is the baseline of the proxy load benchmark (bench/load): a bare
// net/http/httputil.ReverseProxy in front of the DingTalk simulator, with the same upstream
// transport as the PII proxy, so the difference between the two is what the PII proxy does
// to a call (authentication, policy, buffering, rewriting, audit) and nothing else.
//
//	plainproxy -listen 127.0.0.1:PORT -upstream http://127.0.0.1:SIMPORT [-cpuprofile FILE]
//
// It stops on SIGINT/SIGTERM, writing the CPU profile if asked.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "plainproxy:", err)
		os.Exit(2)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("plainproxy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:0", "listen address (host:port)")
	upstream := fs.String("upstream", "", "upstream base URL, e.g. http://127.0.0.1:8081 (required)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file until the process stops")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	target, err := url.Parse(*upstream)
	if err != nil || (target.Scheme != "http" && target.Scheme != "https") || target.Host == "" {
		return errors.New("-upstream must be an absolute http(s) URL")
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	rp := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			pr.SetXForwarded()
			proxy.FenceBody(pr.Out)
		},
		// The PII proxy's transport: the comparison is about the work per call, not about
		// connection reuse.
		Transport: proxy.NewTransport(),
		ErrorLog:  log.New(stderr, "plainproxy: ", 0),
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "plainproxy listening on %s -> %s\n", ln.Addr(), target)
	srv := &http.Server{Handler: rp, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}
