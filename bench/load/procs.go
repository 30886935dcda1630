package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// binaries are the programs under test, built fresh for every benchmark run so that the
// numbers belong to the source tree they are reported for.
type binaries struct{ sim, proxy, plain string }

// build compiles the simulator, the proxy and the plain reverse proxy into dir.
func build(ctx context.Context, root, dir string) (binaries, error) {
	b := binaries{
		sim:   filepath.Join(dir, "dingtalk-sim"),
		proxy: filepath.Join(dir, "proxy"),
		plain: filepath.Join(dir, "plainproxy"),
	}
	for _, t := range []struct{ out, pkg string }{
		{b.sim, "./cmd/dingtalk-sim"}, {b.proxy, "./cmd/proxy"}, {b.plain, "./bench/load/plainproxy"},
	} {
		cmd := exec.CommandContext(ctx, "go", "build", "-o", t.out, t.pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			return b, fmt.Errorf("go build %s: %w\n%s", t.pkg, err, out)
		}
	}
	return b, nil
}

// moduleRoot is the directory of go.mod, where the packages are built from and relative
// paths (policies/demo.yaml) are resolved.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("not inside the Go module (run from the repository)")
	}
	return filepath.Dir(mod), nil
}

// freeAddr returns a loopback address that was free a moment ago. Another program can take
// it before ours binds; the readiness check then fails with the server's own error.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// process is one server under test, with its output in a log file.
type process struct {
	name string
	cmd  *exec.Cmd
	log  string
	done chan struct{}
	err  error // set before done is closed
}

func start(name, dir, bin, logPath string, args ...string) (*process, error) {
	f, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = f, f
	// GOMAXPROCS and GOGC stay at their defaults: the numbers are for the binary as shipped.
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, fmt.Errorf("starting %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, log: logPath, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		f.Close()
		close(p.done)
	}()
	return p, nil
}

func (p *process) pid() int { return p.cmd.Process.Pid }

// waitReady polls url until it answers 200, the process exits, or ctx ends.
func (p *process) waitReady(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-p.done:
			return fmt.Errorf("%s exited before it was ready (%v); see %s", p.name, p.err, p.log)
		case <-ctx.Done():
			return fmt.Errorf("%s not ready at %s: %w; see %s", p.name, url, ctx.Err(), p.log)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// stop asks the process to shut down (SIGTERM: the servers drain) and kills it if it has
// not gone after a grace period.
func (p *process) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(15 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}
