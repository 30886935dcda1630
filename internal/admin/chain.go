package admin

import (
	"errors"
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// ChainStatus is the cached outcome of the last audit chain verification.
type ChainStatus struct {
	Checked time.Time     `json:"checked"` // zero: not verified yet
	Took    time.Duration `json:"took_ns"`
	Running bool          `json:"running"`
	Report  *audit.Report `json:"report,omitempty"` // nil when the log could not be read
	Err     string        `json:"error,omitempty"`  // why the log could not be read (paths, never content)
}

// State is "ok", "problem", "error", "empty" or "pending" (never verified).
func (s ChainStatus) State() string {
	switch {
	case s.Err == errNoRecords:
		return "empty"
	case s.Err != "":
		return "error"
	case s.Report == nil:
		return "pending"
	case s.Report.OK:
		return "ok"
	}
	return "problem"
}

const errNoRecords = "the audit log has no records yet"

// chainChecker runs audit.Verify in the background, every interval and on demand, so the
// dashboard never waits for a full verification (it reads every record).
type chainChecker struct {
	dir   string
	opts  audit.VerifyOptions
	now   func() time.Time
	log   *slog.Logger
	every time.Duration

	mu   sync.Mutex
	st   ChainStatus
	kick chan struct{}
	stop chan struct{}
	done chan struct{}
}

func newChainChecker(dir string, opts audit.VerifyOptions, every time.Duration, now func() time.Time, log *slog.Logger) *chainChecker {
	opts.Progress = nil
	c := &chainChecker{dir: dir, opts: opts, now: now, log: log, every: every,
		kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go c.loop()
	return c
}

func (c *chainChecker) loop() {
	defer close(c.done)
	var tick <-chan time.Time
	if c.every > 0 {
		t := time.NewTicker(c.every)
		defer t.Stop()
		tick = t.C
	}
	c.check() // once at start, so the page has a status soon after the listener opens
	for {
		select {
		case <-c.stop:
			return
		case <-tick:
		case <-c.kick:
		}
		c.check()
	}
}

// Trigger asks for a verification now; it returns at once. Requests while one runs are
// merged into one more run after it.
func (c *chainChecker) Trigger() {
	c.mu.Lock()
	c.st.Running = true
	c.mu.Unlock()
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

// Status returns the latest status.
func (c *chainChecker) Status() ChainStatus {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.st
}

func (c *chainChecker) close() {
	close(c.stop)
	<-c.done
}

func (c *chainChecker) check() {
	c.mu.Lock()
	c.st.Running = true
	c.mu.Unlock()
	start := time.Now()
	st := ChainStatus{}
	if segs, err := segmentsNewestFirst(c.dir); (err == nil && len(segs) == 0) || errors.Is(err, fs.ErrNotExist) {
		st.Err = errNoRecords // a proxy that has not served a call yet
	} else {
		rep, err := audit.Verify(c.dir, c.opts)
		if err == nil && !rep.OK && rep.Problem != nil && rep.Problem.Kind == audit.ProblemTorn && rep.Anomalies == 1 {
			// The proxy may have been half-way through writing the last record: a live
			// log looks torn for a moment. Look again before calling it a problem.
			time.Sleep(50 * time.Millisecond)
			rep, err = audit.Verify(c.dir, c.opts)
		}
		if err != nil {
			st.Err = err.Error()
			c.log.Error("audit chain verification failed", "error", err)
		} else {
			st.Report = &rep
			if !rep.OK && rep.Problem != nil {
				c.log.Warn("audit chain verification found a problem", "problem", rep.Problem.String(), "anomalies", rep.Anomalies)
			}
		}
	}
	st.Checked, st.Took = c.now(), time.Since(start)
	c.mu.Lock()
	// A Trigger that arrived while this ran is still pending in kick.
	st.Running = len(c.kick) > 0
	c.st = st
	c.mu.Unlock()
}
