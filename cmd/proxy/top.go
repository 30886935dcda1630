package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry/topview"
)

func init() {
	register("top", "live terminal view of calls/s, detections and refusals (reads the admin listener's /metrics)", runTop)
}

// runTop scrapes the admin listener's /metrics (which needs no key) every interval and
// redraws one screen of rates. With --once it takes two readings an interval apart, prints
// one frame without cursor movement and exits.
func runTop(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("top", stderr)
	// The default is resolved after parsing: given to the flag, -h would print it a second
	// time after the help text that explains where it comes from.
	addr := fs.String("addr", "", "admin listener: host:port or URL (default $ADMIN_ADDR, else 127.0.0.1:8082)")
	once := fs.Bool("once", false, "print one frame and exit (for scripts and tests)")
	interval := fs.Duration("interval", time.Second, "time between readings")
	rows := fs.Int("rows", 8, "routes and PII types shown at most")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy top [--addr HOST:PORT|URL] [--interval 1s] [--once]")
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr("unexpected argument %q", rest[0])
	}
	if *addr == "" {
		*addr = cmp.Or(os.Getenv("ADMIN_ADDR"), "127.0.0.1:8082")
	}
	if *interval < 50*time.Millisecond {
		return usageErr("--interval must be at least 50ms")
	}
	url := metricsURL(*addr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	client := &http.Client{Timeout: 5 * time.Second}

	tty, width := false, 80
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		tty = true
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			width = w
		}
	}
	opts := topview.RenderOptions{Source: strings.TrimSuffix(url, "/metrics"), Width: width, Color: tty, Rows: *rows}

	prev, err := topview.Scrape(ctx, client, url)
	if err != nil {
		return &exitError{2, fmt.Errorf("cannot read %s: %v", url, err)}
	}
	if *once {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(*interval):
		}
		cur, err := topview.Scrape(ctx, client, url)
		if err != nil {
			return &exitError{2, fmt.Errorf("cannot read %s: %v", url, err)}
		}
		return topview.Render(stdout, topview.NewFrame(prev, cur), opts)
	}

	if tty {
		fmt.Fprint(stdout, "\x1b[?25l")       // hide the cursor while redrawing
		defer fmt.Fprint(stdout, "\x1b[?25h") // and give it back
	}
	t := time.NewTicker(*interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		if tty {
			if w, _, err := term.GetSize(int(stdout.(*os.File).Fd())); err == nil && w > 0 {
				opts.Width = w
			}
		}
		cur, err := topview.Scrape(ctx, client, url)
		if tty {
			fmt.Fprint(stdout, "\x1b[H\x1b[2J")
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			// Keep trying: the proxy may be restarting. The last good reading stays the base.
			fmt.Fprintf(stdout, "pii-proxy top · %s · %s\ncannot read metrics: %v\n", opts.Source, time.Now().Format("15:04:05"), err)
			continue
		}
		if err := topview.Render(stdout, topview.NewFrame(prev, cur), opts); err != nil {
			return err
		}
		prev = cur
	}
}

// metricsURL turns host:port or a base URL into the /metrics URL.
func metricsURL(addr string) string {
	if !strings.Contains(addr, "://") {
		addr = "http://" + addr
	}
	addr = strings.TrimSuffix(addr, "/")
	if !strings.HasSuffix(addr, "/metrics") {
		addr += "/metrics"
	}
	return addr
}
