package admin

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	hk := time.FixedZone("HKT", 8*3600)
	tests := []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: ""},
		{in: "2026-03-02T09:30:00Z", want: time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)},
		{in: "2026-03-02T09:30:00.5+08:00", want: time.Date(2026, 3, 2, 1, 30, 0, 5e8, time.UTC)},
		{in: "2026-03-02T09:30", want: time.Date(2026, 3, 2, 9, 30, 0, 0, hk)},
		{in: "2026-03-02T09:30:15", want: time.Date(2026, 3, 2, 9, 30, 15, 0, hk)},
		{in: "2026-03-02", want: time.Date(2026, 3, 2, 0, 0, 0, 0, hk)},
		{in: " 2026-03-02 ", want: time.Date(2026, 3, 2, 0, 0, 0, 0, hk)},
		{in: "2026-02-30", bad: true},
		{in: "1999-12-31", bad: true},
		{in: "yesterday", bad: true},
		{in: "A123456(3)", bad: true},
		{in: strings.Repeat("2", 65), bad: true},
	}
	for _, tc := range tests {
		got, err := ParseTime(tc.in, hk)
		if tc.bad {
			if err == nil {
				t.Errorf("ParseTime(%q) accepted", tc.in)
			} else if strings.Contains(err.Error(), strings.TrimSpace(tc.in)) {
				t.Errorf("ParseTime(%q): error quotes the input", tc.in)
			}
			continue
		}
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"", "2026-03-02", "2026-03-02T09:30", "2026-03-02T09:30:00Z", "2026-03-02T09:30:00.123456789-07:00", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTime(s, time.UTC)
		if err != nil {
			if len(s) > 3 && strings.Contains(err.Error(), s) {
				t.Fatalf("error quotes the input: %v", err)
			}
			return
		}
		if got.IsZero() {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("%q parsed to the zero time", s)
			}
			return
		}
		// What the dashboard writes back into links parses to the same instant.
		again, err := ParseTime(got.UTC().Format(time.RFC3339Nano), time.UTC)
		if err != nil || !again.Equal(got) {
			t.Fatalf("%q: %v does not round-trip (%v, %v)", s, got, again, err)
		}
	})
}

func TestExportOptions(t *testing.T) {
	tests := []struct {
		query string
		errs  []string
	}{
		{"", nil},
		{"format=json&from=2026-03-01&to=2026-03-02&caller=demo-support&route=user-get", nil},
		{"format=pdf", []string{"format: want html or json"}},
		{"from=2026-03-02&to=2026-03-01", []string{"from: must be before to"}},
		{"from=bad&to=worse", []string{"from: not a time", "to: not a time"}},
		{"caller=91234567%20x&route=/topapi", []string{"caller: not a policy name", "route: not a policy name"}},
		{"token=tok_hkid_short", []string{"token: not a vault token"}},
	}
	for _, tc := range tests {
		r := httptest.NewRequest("GET", "/admin/audit/export?"+tc.query, nil)
		_, err := exportOptions(r, time.UTC)
		if len(tc.errs) == 0 {
			if err != nil {
				t.Errorf("%q: %v", tc.query, err)
			}
			continue
		}
		if err == nil {
			t.Errorf("%q: accepted", tc.query)
			continue
		}
		for _, w := range tc.errs {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q: %q lacks %q", tc.query, err, w)
			}
		}
		if strings.Contains(err.Error(), "91234567") {
			t.Errorf("%q: error echoes the value", tc.query)
		}
	}
}

func TestExportStreamsBundle(t *testing.T) {
	dir := t.TempDir()
	writeLog(t, dir, callRecord(1), callRecord(2), callRecord(3))
	e := newEnv(t, func(c *Config) { c.AuditDir = dir; c.Now = time.Now })
	c := e.srv.Client()

	resp, body := get(t, c, e.srv.URL+"/admin/audit/export?format=json", "X-Api-Key", adminKey)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="audit-evidence`) {
		t.Fatalf("json export: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
	var bundle map[string]json.RawMessage
	if err := json.Unmarshal([]byte(body), &bundle); err != nil {
		t.Fatalf("json export does not parse: %v", err)
	}
	if !strings.Contains(body, `"records_matched": 3`) && !strings.Contains(body, `"records_matched":3`) {
		t.Errorf("json export does not hold the three calls:\n%.600s", body)
	}

	resp, body = get(t, c, e.srv.URL+"/admin/audit/export?format=html&from=2000-01-01&to=2999-01-01", "X-Api-Key", adminKey)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") || !strings.Contains(body, "req0002") {
		t.Fatalf("html export: %d", resp.StatusCode)
	}
	if strings.Contains(body, "<script") {
		t.Error("html export has a script")
	}

	resp, body = get(t, c, e.srv.URL+"/admin/audit/export?format=html&from=2026-03-02&to=2026-03-01", "X-Api-Key", adminKey)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "must be before") {
		t.Errorf("bad range: %d %s", resp.StatusCode, body)
	}

	// The dashboard links to the export and shows the records and the chain status.
	e.h.chain.Trigger()
	deadline := time.Now().Add(5 * time.Second)
	for e.h.chain.Status().Report == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	_, page := get(t, c, e.srv.URL+"/dashboard", "X-Api-Key", adminKey)
	for _, w := range []string{`id="chain-state" data-state="ok"`, `id="chain-records" data-value="`, `<tr data-seq="`, `href="/admin/audit/export?format=html&amp;from=`} {
		if !strings.Contains(page, w) {
			t.Errorf("dashboard lacks %s", w)
		}
	}
	if n := strings.Count(page, `<tr data-seq="`); n != 3 {
		t.Errorf("%d recent records shown, want 3", n)
	}
}
