package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// simEmployees is enough employees in the root department for a ~1 MiB user/list page
// (about 670 bytes each); the simulator's page limit is raised to match.
const simEmployees = 2500

// servers are the processes under test.
type servers struct {
	dir, root string
	bins      binaries
	policy    string
	sim       *process
	simURL    string
	procs     []*process
	gzip      bool // the simulator compresses (-gzip)
}

func (s *servers) stopAll() {
	for i := len(s.procs) - 1; i >= 0; i-- {
		s.procs[i].stop()
	}
}

func (s *servers) startSim(ctx context.Context) error {
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	// No gzip unless -gzip (every target then answers the same plain bytes and no CPU goes
	// to compression) and no request recording.
	p, err := start("dingtalk-sim", s.dir, s.bins.sim, filepath.Join(s.dir, "sim.log"),
		"-addr", addr, "-employees", strconv.Itoa(simEmployees), "-max-page-size", strconv.Itoa(simEmployees),
		"-seed", "1", "-record", "0", "-gzip="+strconv.FormatBool(s.gzip))
	if err != nil {
		return err
	}
	s.procs = append(s.procs, p)
	s.sim, s.simURL = p, "http://"+addr
	return p.waitReady(ctx, s.simURL+"/_sim/healthz")
}

// startPlain starts a plain reverse proxy in front of the simulator and returns its URL.
func (s *servers) startPlain(ctx context.Context, name string) (*process, string, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	p, err := start(name, s.dir, s.bins.plain, filepath.Join(s.dir, name+".log"), "-listen", addr, "-upstream", s.simURL)
	if err != nil {
		return nil, "", err
	}
	s.procs = append(s.procs, p)
	u := "http://" + addr
	return p, u, p.waitReady(ctx, u+"/_sim/healthz")
}

// startProxy starts `proxy serve` with its own working and state directory.
func (s *servers) startProxy(ctx context.Context, name string) (*process, string, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	wd := filepath.Join(s.dir, name)
	if err := os.MkdirAll(wd, 0o700); err != nil {
		return nil, "", err
	}
	cfg, err := proxySetup(wd, s.policy, serveParams{Listen: addr, Policy: s.policy, State: filepath.Join(wd, "state"), Upstream: s.simURL})
	if err != nil {
		return nil, "", err
	}
	p, err := start(name, wd, s.bins.proxy, filepath.Join(wd, "proxy.log"), "serve", "--config", cfg)
	if err != nil {
		return nil, "", err
	}
	s.procs = append(s.procs, p)
	u := "http://" + addr
	return p, u, p.waitReady(ctx, u+"/readyz")
}

// appToken fetches a legacy app access token from the simulator directly.
func appToken(ctx context.Context, simURL string) (string, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, simURL+"/gettoken?appkey=demo-app-key&appsecret=demo-app-secret", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	var t struct {
		Token string `json:"access_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&t); err != nil || t.Token == "" {
		return "", fmt.Errorf("gettoken: no token (status %d)", res.StatusCode)
	}
	return t.Token, nil
}

func progress(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "%s load: "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

func benchmark(ctx context.Context, o *options, log io.Writer) (*report, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "proxy-load-")
	if err != nil {
		return nil, err
	}
	if o.keep {
		progress(log, "keeping %s", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	s := &servers{dir: dir, root: root, policy: filepath.Join(root, o.policy), gzip: o.gzip}
	defer s.stopAll()

	progress(log, "building the simulator, the proxy and the plain reverse proxy")
	if s.bins, err = build(ctx, root, filepath.Join(dir, "bin")); err != nil {
		return nil, err
	}
	if err := s.startSim(ctx); err != nil {
		return nil, err
	}
	_, plainURL, err := s.startPlain(ctx, "plainproxy")
	if err != nil {
		return nil, err
	}
	_, proxyURL, err := s.startProxy(ctx, "proxy")
	if err != nil {
		return nil, err
	}
	token, err := appToken(ctx, s.simURL)
	if err != nil {
		return nil, err
	}
	bases := map[string]string{targetDirect: s.simURL, targetPlain: plainURL, targetProxy: proxyURL}

	rep := newReport(o)
	cells, err := prepareCells(ctx, o, bases, token, rep)
	if err != nil {
		return nil, err
	}
	keys := plan(o.bodies, o.concs, o.roles)
	for run := 1; run <= o.runs; run++ {
		for _, k := range keys {
			c := cells[k]
			call := userListCall(bases[k.target], token, c.page, roleKey(k.role))
			call.gzip = o.gzip
			smp, err := load(ctx, call, k.conc, o.warmup, o.measure, c.respLen)
			if err != nil {
				return nil, fmt.Errorf("%s, %d B, c=%d: %w", k.label(), k.body, k.conc, err)
			}
			c.runs = append(c.runs, smp)
			progress(log, "run %d/%d  %6d B  c=%-3d %-26s %8.0f req/s  p50 %s  p99 %s  errors %d %s", run, o.runs,
				c.respLen, k.conc, k.label(), smp.rps(), ms(percentile(smp.latencies, .5)), ms(percentile(smp.latencies, .99)),
				smp.errors, smp.firstErr)
		}
	}
	for _, k := range keys {
		rep.cells = append(rep.cells, cells[k])
	}

	if !o.noMem {
		if rep.mem, err = memoryPhase(ctx, o, s, token, log); err != nil {
			return nil, err
		}
	}
	rep.finished = time.Now()
	return rep, nil
}

// prepareCells picks the page size of each body size and checks, once per cell, that the
// target answers correctly: 200, the simulator's answer for direct and plain, a rewritten
// one for masking roles. The answer's length is then required of every measured call.
func prepareCells(ctx context.Context, o *options, bases map[string]string, token string, rep *report) (map[cellKey]*cell, error) {
	cl := newClient(1)
	defer cl.CloseIdleConnections()
	pages := map[int]int{}
	for _, b := range o.bodies {
		page, n, err := pageSize(ctx, cl, bases[targetDirect], token, b, simEmployees)
		if err != nil {
			return nil, err
		}
		pages[b] = page
		rep.pages = append(rep.pages, pageInfo{target: b, page: page, bytes: n})
	}
	cells := map[cellKey]*cell{}
	for _, k := range plan(o.bodies, o.concs, o.roles) {
		page := pages[k.body]
		raw, err := userListCall(bases[targetDirect], token, page, "").fetch(ctx, cl)
		if err != nil {
			return nil, err
		}
		got, err := userListCall(bases[k.target], token, page, roleKey(k.role)).fetch(ctx, cl)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.label(), err)
		}
		if err := checkAnswer(k, raw, got); err != nil {
			return nil, err
		}
		if o.gzip {
			// Checked plain above; measured compressed, at the compressed length.
			c := userListCall(bases[k.target], token, page, roleKey(k.role))
			c.gzip = true
			if got, err = c.fetch(ctx, cl); err != nil {
				return nil, fmt.Errorf("%s, gzip: %w", k.label(), err)
			}
		}
		cells[k] = &cell{cellKey: k, page: page, respLen: len(got)}
	}
	return cells, nil
}

// checkAnswer makes sure a cell measures what it claims: a successful DingTalk answer,
// passed through unchanged without the PII proxy, and rewritten by it for roles that do not
// see everything in clear.
func checkAnswer(k cellKey, raw, got []byte) error {
	var env struct {
		Errcode *int `json:"errcode"`
	}
	if err := json.Unmarshal(got, &env); err != nil || env.Errcode == nil || *env.Errcode != 0 {
		return fmt.Errorf("%s: not a successful user/list answer: %.200s", k.label(), got)
	}
	switch {
	case k.target != targetProxy && !bytes.Equal(raw, got):
		return fmt.Errorf("%s: the answer differs from the simulator's", k.label())
	case k.target == targetProxy && k.role != "hr_admin" && bytes.Equal(raw, got):
		return fmt.Errorf("%s: the answer was not rewritten (is the policy masking this role?)", k.label())
	}
	return nil
}

// memoryPhase restarts the PII proxy and the plain proxy (VmHWM counts from process start,
// so the load cells must not set it) and puts both under conc concurrent ~1 MiB answers.
func memoryPhase(ctx context.Context, o *options, s *servers, token string, log io.Writer) ([]memResult, error) {
	cl := newClient(1)
	defer cl.CloseIdleConnections()
	page, upstream, err := pageSize(ctx, cl, s.simURL, token, o.memBody, simEmployees)
	if err != nil {
		return nil, err
	}
	pp, proxyURL, err := s.startProxy(ctx, "proxy-mem")
	if err != nil {
		return nil, err
	}
	plain, plainURL, err := s.startPlain(ctx, "plainproxy-mem")
	if err != nil {
		return nil, err
	}
	role := o.roles[0]
	var out []memResult
	for _, t := range []struct {
		name string
		p    *process
		url  string
		key  string
	}{
		{"PII proxy, " + role, pp, proxyURL, roleKey(role)},
		{"plain ReverseProxy", plain, plainURL, ""},
	} {
		c := userListCall(t.url, token, page, t.key)
		got, err := c.fetch(ctx, cl) // warm-up and the exact length to expect
		if err != nil {
			return nil, fmt.Errorf("%s: %w", t.name, err)
		}
		progress(log, "memory: %s, %d concurrent %d-byte answers, %d waves of %s", t.name, o.memConc, len(got), o.memWaves, o.memWave)
		r, err := memoryTest(ctx, t.p.pid(), t.name, c, o.memConc, o.memWaves, o.memWave, len(got))
		if err != nil {
			return nil, err
		}
		r.page, r.upstream = page, upstream
		progress(log, "memory: %s: baseline %s, peak %s, wave peaks %v, after %s, %d calls, %d errors",
			t.name, mib(r.baseline), mib(r.peak()), mibs(r.wavePeaks), mib(r.after), r.requests, r.errors)
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, errors.New("memory test: nothing measured")
	}
	return out, nil
}
