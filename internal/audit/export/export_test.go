package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/audittest"
)

var update = flag.Bool("update", false, "rewrite golden files")

const subject = "tok_hkid_subjectaaaaaaaaaaaaaaaaaa"

// plantedValues are what the simulated calls carried; none may reach the log or a bundle.
var plantedValues = []string{"A123456(3)", "9123 4567", "chan.taiman@example.com", "陳大文", "4111111111111111"}

// record i of the test log: built from counts, ids and tokens, as the proxy does.
func record(i int) *audit.Record {
	r := &audit.Record{
		RequestID: fmt.Sprintf("req-%04d", i),
		Caller:    []string{"hr-portal", "payroll-sync", "helpdesk-bot"}[i%3],
		Roles:     [][]string{{"hr_admin"}, {"payroll"}, {"bot", "support"}}[i%3],
		Route:     []string{"user-get", "salary-list", "bot-send"}[i%3],
		Method:    "POST",
		Direction: []string{"response", "response", "request"}[i%3],
		Upstream:  "oapi", Region: "cn", ClientNet: "hk", Status: 200,
		Decision:  audit.DecisionForwarded,
		Counts:    map[string]int{"hkid": 1 + i%2, "hk_phone": 1},
		Actions:   map[string]int{[]string{"allow", "mask", "tokenize"}[i%3]: 2 + i%2},
		LatencyMS: 1.5,
	}
	r.CrossBorder = r.Direction == "request" || r.Actions["allow"] > 0
	if i%7 == 6 {
		r.Decision, r.Reason, r.Status = audit.DecisionBlocked, "block_type:hkid", 403
	}
	if i%10 == 0 {
		r.Tokens = []string{subject}
	}
	return r
}

// buildLog writes n call records (one a minute from 2026-03-01 09:00 UTC), an erasure of
// the subject's token and an admin note, and returns the state dir and the log dir.
func buildLog(t testing.TB, n int) (string, string) { return buildLogEvery(t, n, 25) }

func buildLogEvery(t testing.TB, n, checkpointEvery int) (string, string) {
	t.Helper()
	state := t.TempDir()
	// The log's maintainer goroutine reads the clock too: keep it atomic.
	var clock atomic.Int64
	clock.Store(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC).UnixNano())
	tick := func() { clock.Add(int64(time.Minute)) }
	l, err := audit.Open(audit.Config{Dir: filepath.Join(state, "audit"), Replica: "hk-a", SyncEvery: 1000,
		CheckpointEvery: checkpointEvery, Logger: slog.New(slog.DiscardHandler),
		Clock: func() time.Time { return time.Unix(0, clock.Load()).UTC() }})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		tick()
		if err := l.Append(record(i)); err != nil {
			t.Fatal(err)
		}
	}
	tick()
	if err := l.Append(&audit.Record{Kind: audit.KindErasure, Caller: "dpo-console", Reason: "dsar_erase", Tokens: []string{subject}}); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return state, filepath.Join(state, "audit")
}

type bundle struct {
	Statement    string       `json:"statement"`
	Verification audit.Report `json:"verification"`
	Summary      struct {
		Matched     uint64      `json:"records_matched"`
		Calls       uint64      `json:"calls"`
		ByRouteRole []RouteRole `json:"calls_by_route_and_role"`
		Detections  []Count     `json:"detections_by_type"`
		Actions     []Count     `json:"actions"`
		CrossBorder []Flow      `json:"cross_border_flows"`
		Blocked     []Refusal   `json:"refused_calls"`
	} `json:"summary"`
	Records []json.RawMessage `json:"records"`
}

func exportJSON(t *testing.T, dir string, o Options) (bundle, Summary, []byte) {
	t.Helper()
	var buf bytes.Buffer
	o.Format = FormatJSON
	s, err := Export(&buf, dir, o)
	if err != nil {
		t.Fatal(err)
	}
	var b bundle
	if err := json.Unmarshal(buf.Bytes(), &b); err != nil {
		t.Fatalf("bundle is not JSON: %v", err)
	}
	return b, s, buf.Bytes()
}

func TestExportJSONSummaryMatchesRecords(t *testing.T) {
	const n = 120
	_, dir := buildLog(t, n)
	b, s, _ := exportJSON(t, dir, Options{})
	if !b.Verification.OK || b.Statement != Statement {
		t.Fatalf("verification %+v", b.Verification)
	}
	if b.Summary.Matched != n+1 || b.Summary.Calls != n || uint64(len(b.Records)) != n+1 {
		t.Fatalf("matched %d calls %d records %d; want %d, %d, %d", b.Summary.Matched, b.Summary.Calls, len(b.Records), n+1, n, n+1)
	}
	// Independent recount.
	hkid, blocked, xb := 0, 0, 0
	for i := 0; i < n; i++ {
		r := record(i)
		hkid += r.Counts["hkid"]
		if r.Decision == audit.DecisionBlocked {
			blocked++
		}
		if r.CrossBorder {
			xb++
		}
	}
	if got := find(b.Summary.Detections, "hkid"); got != uint64(hkid) {
		t.Errorf("hkid detections %d, want %d", got, hkid)
	}
	var gotBlocked, gotXB uint64
	for _, r := range b.Summary.Blocked {
		gotBlocked += r.Calls
	}
	for _, f := range b.Summary.CrossBorder {
		gotXB += f.Calls
	}
	if gotBlocked != uint64(blocked) || gotXB != uint64(xb) {
		t.Errorf("blocked %d cross-border %d, want %d and %d", gotBlocked, gotXB, blocked, xb)
	}
	// A call with two roles counts under both.
	var bot, support uint64
	for _, rr := range b.Summary.ByRouteRole {
		if rr.Route == "bot-send" {
			switch rr.Role {
			case "bot":
				bot = rr.Calls
			case "support":
				support = rr.Calls
			}
		}
	}
	if bot != n/3 || support != n/3 {
		t.Errorf("bot-send by role: bot %d support %d, want %d each", bot, support, n/3)
	}
	// Every record is its exact canonical line.
	for i, raw := range b.Records {
		if _, err := audit.ParseLine(raw); err != nil {
			t.Fatalf("record %d of the bundle is not a canonical line: %v", i, err)
		}
	}
	if s.Matched != b.Summary.Matched || !s.Verification.OK {
		t.Fatalf("returned summary %+v disagrees with the bundle", s)
	}
}

func find(cs []Count, name string) uint64 {
	for _, c := range cs {
		if c.Name == name {
			return c.N
		}
	}
	return 0
}

func TestExportFilters(t *testing.T) {
	_, dir := buildLog(t, 90)
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		o    Options
		want int
		ok   func(*audit.Record) bool
	}{
		{"subject token", Options{Token: subject}, 9 + 1, func(r *audit.Record) bool { return len(r.Tokens) == 1 && r.Tokens[0] == subject }},
		{"caller", Options{Caller: "payroll-sync"}, 30, func(r *audit.Record) bool { return r.Caller == "payroll-sync" }},
		{"route and caller", Options{Caller: "hr-portal", Route: "user-get"}, 30, func(r *audit.Record) bool { return r.Route == "user-get" }},
		{"time window", Options{From: start.Add(11 * time.Minute), To: start.Add(21 * time.Minute)}, 10, func(r *audit.Record) bool {
			return !r.Time.Before(start.Add(11*time.Minute)) && r.Time.Before(start.Add(21*time.Minute))
		}},
		{"no match", Options{Caller: "nobody"}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, _ := exportJSON(t, dir, tt.o)
			if len(b.Records) != tt.want {
				t.Fatalf("%d records, want %d", len(b.Records), tt.want)
			}
			for _, raw := range b.Records {
				r, err := audit.ParseLine(raw)
				if err != nil {
					t.Fatal(err)
				}
				if r.Kind == audit.KindCheckpoint || !tt.ok(r) {
					t.Fatalf("record seq %d does not match the filter", r.Seq)
				}
			}
		})
	}
}

func TestExportHTMLSelfContained(t *testing.T) {
	state, dir := buildLog(t, 60)
	var buf bytes.Buffer
	s, err := Export(&buf, dir, Options{Format: FormatHTML, Title: "ACME Ltd — audit evidence"})
	if err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, banned := range []string{"http://", "https://", "<script", "<link", "src=", "@import", "url("} {
		if strings.Contains(page, banned) {
			t.Errorf("page references external resources: contains %q", banned)
		}
	}
	for _, want := range []string{"No personal data values", "Verified:", "ACME Ltd — audit evidence", "Hong Kong Identity Card number", "Cross-border flows", "block_type:hkid", "</html>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if rows := strings.Count(page, "<tr class="); uint64(rows) != s.Matched {
		t.Errorf("%d record rows, want %d", rows, s.Matched)
	}
	os.WriteFile(filepath.Join(state, "bundle.html"), buf.Bytes(), 0o600)
	audittest.AssertNoValues(t, state, plantedValues)
}

func TestExportHTMLEscapes(t *testing.T) {
	state := t.TempDir()
	l, err := audit.Open(audit.Config{Dir: filepath.Join(state, "audit"), Replica: "r", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	l.Append(&audit.Record{Caller: `<img onerror=x>`, Route: `a"b`, Decision: audit.DecisionError, Reason: "<script>"})
	l.Close()
	var buf bytes.Buffer
	if _, err := Export(&buf, filepath.Join(state, "audit"), Options{Format: FormatHTML}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<img") || strings.Contains(buf.String(), "<script>") {
		t.Fatal("record text reached the page unescaped")
	}
}

func TestExportOfTamperedLogSaysSo(t *testing.T) {
	_, dir := buildLog(t, 40)
	segs, _ := filepath.Glob(filepath.Join(dir, "seg-*.jsonl"))
	data, _ := os.ReadFile(segs[0])
	os.WriteFile(segs[0], bytes.Replace(data, []byte(`"caller":"payroll-sync"`), []byte(`"caller":"payroll-synk"`), 1), 0o600)
	var buf bytes.Buffer
	s, err := Export(&buf, dir, Options{Format: FormatHTML})
	if err != nil {
		t.Fatal(err)
	}
	if s.Verification.OK || !strings.Contains(buf.String(), "FAILED") || !strings.Contains(buf.String(), "First problem:</b> edit") {
		t.Fatalf("tampering not reported in the page (ok=%v)", s.Verification.OK)
	}
}

func TestExportProgressAndOptions(t *testing.T) {
	_, dir := buildLog(t, 30)
	var last, total int64
	if _, err := Export(&bytes.Buffer{}, dir, Options{Progress: func(d, tot int64) { last, total = d, tot }}); err != nil {
		t.Fatal(err)
	}
	if total == 0 || last != total {
		t.Fatalf("progress ended at %d of %d", last, total)
	}
	bad := []Options{
		{Format: "pdf"},
		{Token: "91234567"},
		{From: time.Unix(100, 0), To: time.Unix(50, 0)},
	}
	for _, o := range bad {
		if _, err := Export(&bytes.Buffer{}, dir, o); err == nil {
			t.Errorf("options %+v accepted", o)
		}
	}
}

// TestSummaryGolden pins the summary tables of a fixed log (sorted, so stable).
func TestSummaryGolden(t *testing.T) {
	_, dir := buildLog(t, 42)
	_, s, _ := exportJSON(t, dir, Options{Now: func() time.Time { return time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC) }})
	got, _ := json.MarshalIndent(struct {
		ByRouteRole, Detections, Actions, CrossBorder, Refused, Callers any
	}{s.ByRouteRole, s.Detections, s.Actions, s.CrossBorder, s.Blocked, s.Callers}, "", " ")
	got = append(got, '\n')
	path := filepath.Join("testdata", "summary.golden")
	if *update {
		os.WriteFile(path, got, 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("summary changed:\n%s", got)
	}
	if !regexp.MustCompile(`"name": "hkid",\s+"n": 63`).Match(got) {
		t.Fatal("golden does not hold the expected hkid total (42 calls: 21×1 + 21×2)")
	}
}
