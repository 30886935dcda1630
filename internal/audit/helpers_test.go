package audit

import (
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// testClock is a settable clock for rotation, retention and checkpoint-interval tests. The
// log's background maintainer reads it too, hence the mutex.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newTestClock() *testClock               { return &testClock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)} }
func testDirs(t *testing.T) (string, string) { d := t.TempDir(); return filepath.Join(d, "audit"), d }

// openTest opens a log in a fresh state directory (log in audit/, keys in keys/).
func openTest(t *testing.T, mod func(*Config)) (*Log, Config) {
	t.Helper()
	dir, _ := testDirs(t)
	cfg := Config{Dir: dir, Replica: "r1", SyncEvery: 64, SyncInterval: 5 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)}
	if mod != nil {
		mod(&cfg)
	}
	l, err := Open(cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return l, cfg
}

// callRecord is a realistic call record built from counts and ids only.
func callRecord(i int) *Record {
	return &Record{
		RequestID: fmt.Sprintf("req-%06d", i),
		Caller:    []string{"hr-portal", "payroll-sync", "helpdesk-bot"}[i%3],
		Roles:     []string{[]string{"hr_admin", "payroll", "bot"}[i%3]},
		Route:     []string{"user-get", "roster-list", "bot-send"}[i%3],
		Method:    "POST",
		Direction: []string{"response", "response", "request"}[i%3],
		Upstream:  "oapi", Region: "cn", CrossBorder: i%3 != 1, ClientNet: "hk",
		Status: 200, Decision: DecisionForwarded,
		Counts:    map[string]int{"hkid": i % 3, "hk_phone": 1},
		Actions:   map[string]int{"mask": 1, "redact": i % 2},
		Tokens:    []string{fmt.Sprintf("tok_hkid_%026d", i)},
		LatencyMS: 1.25, BytesIn: 512, BytesOut: 2048,
	}
}

func appendN(t testing.TB, l *Log, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		if err := l.Append(callRecord(i)); err != nil {
			t.Fatalf("Append %d: %v", i, err)
		}
	}
}

func mustVerify(t *testing.T, dir string, opts VerifyOptions) Report {
	t.Helper()
	rep, err := Verify(dir, opts)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return rep
}

func sleepMS(n int) { time.Sleep(time.Duration(n) * time.Millisecond) }

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
