package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A hand-made corpus of two positive files and one hard negative, with findings chosen to
// exercise every matching rule once.
const (
	fileA = `{"result":{"mobile":"91234567","name":"陳大文","remark":"HKID A123456(3) tel 9123 4567","extension":"{\"x\":\"x\",\"email\":\"a@example.com\",\"pad\":\"zz\"}","key.dot":"b@ex.com12"}}`
	fileC = `{"msgParam":"{\"content\":\"110105194912310021 and then A123456(3)\"}"}`

	truthJSONL = `{"file":"00001_user_get.json","path":"result.mobile","type":"hk_phone","start":0,"end":8}
{"file":"00001_user_get.json","path":"result.remark","type":"hkid","start":5,"end":15}
{"file":"00001_user_get.json","path":"result.remark","type":"hk_phone","start":20,"end":29}
{"file":"00001_user_get.json","path":"result.extension","type":"email","start":18,"end":31}

{"file":"00001_user_get.json","path":"result.name","type":"person_name","start":0,"end":9}
{"file":"00003_robot_send.json","path":"msgParam","type":"cn_id","start":12,"end":30}
{"file":"00003_robot_send.json","path":"msgParam","type":"hkid","start":40,"end":50}
{"file":"00001_user_get.json","path":"result.key\\.dot","type":"email","start":0,"end":8}
`
	findingsJSONL = `{"file":"/tmp/x/00001_user_get.json","path":"result.mobile","type":"hk_phone","start":0,"end":8,"score":0.95}
{"file":"00001_user_get.json","path":"result.remark","type":"hkid","start":4,"end":15,"score":0.9}
{"file":"00001_user_get.json","path":"result.remark","type":"hk_phone","start":20,"end":25,"score":0.9}
{"file":"00001_user_get.json","path":"result.remark","type":"hk_phone","start":25,"end":29,"score":0.9}
{"file":"00001_user_get.json","path":"result.extension","type":"email","start":40,"end":50,"score":0.9}
{"file":"00001_user_get.json","path":"result.name","type":"hk_phone","start":0,"end":9,"score":0.5}
{"file":"corpus/00002_negative_departments.json","path":"result.0.dept_id","type":"hk_phone","start":0,"end":8,"score":0.6}
{"file":"C:\\corpus\\00003_robot_send.json","path":"msgParam","type":"cn_id","start":12,"end":30,"score":1}
{"file":"00001_user_get.json","path":"result.key\\.dot","type":"email","start":0,"end":8,"score":1}
`
)

func writeFixture(t *testing.T) (truth, found string) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{
		"00001_user_get.json": fileA, "00003_robot_send.json": fileC,
		"truth.jsonl": truthJSONL, "findings.jsonl": findingsJSONL,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "truth.jsonl"), filepath.Join(dir, "findings.jsonl")
}

func TestScoreHandMadeCorpus(t *testing.T) {
	truth, found := writeFixture(t)
	var out, errb bytes.Buffer
	if code := run([]string{"-truth", truth, "-found", found, "-json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var r Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	want := map[string]Stats{
		// F1 exact, F3 overlapping; F4 splits an already-matched phone, F6 has the wrong
		// type, F7 is on a hard negative: three false alarms.
		"hk_phone": {TP: 2, FP: 3, FN: 0, Exact: 1, Recall: 1, Precision: 0.4, ExactPct: 50},
		// F2 overlaps the first; the msgParam HKID is missed.
		"hkid": {TP: 1, FP: 0, FN: 1, Exact: 0, Recall: 0.5, Precision: 1, ExactPct: 0},
		// the escaped-dot path matches exactly; the extension email finding misses its span.
		"email":       {TP: 1, FP: 1, FN: 1, Exact: 1, Recall: 0.5, Precision: 0.5, ExactPct: 100},
		"cn_id":       {TP: 1, FP: 0, FN: 0, Exact: 1, Recall: 1, Precision: 1, ExactPct: 100},
		"person_name": {TP: 0, FP: 0, FN: 1, Exact: 0, Recall: 0, Precision: 1, ExactPct: 0},
	}
	if len(r.Types) != len(want) {
		t.Fatalf("%d type rows, want %d: %+v", len(r.Types), len(want), r.Types)
	}
	order := []string{"hkid", "hk_phone", "cn_id", "email", "person_name"}
	for i, s := range r.Types {
		if s.Type != order[i] {
			t.Errorf("row %d is %s, want %s (catalogue order)", i, s.Type, order[i])
		}
		w := want[s.Type]
		w.Type = s.Type
		if !statsEqual(s, w) {
			t.Errorf("%s: got %+v, want %+v", s.Type, s, w)
		}
	}
	if s := r.Structured; s.TP != 5 || s.FP != 4 || s.FN != 2 || !near(s.Recall, 5.0/7) || !near(s.Precision, 5.0/9) {
		t.Errorf("structured totals %+v", s)
	}
	if s := r.All; s.TP != 5 || s.FP != 4 || s.FN != 3 || !near(s.Recall, 5.0/8) {
		t.Errorf("all totals %+v", s)
	}
	if r.NegativeFindings != 1 || r.NegativeFiles != 1 || r.TruthEntries != 8 || r.Findings != 9 {
		t.Errorf("negatives %d in %d files, truth %d, findings %d", r.NegativeFindings, r.NegativeFiles, r.TruthEntries, r.Findings)
	}
}

func statsEqual(a, b Stats) bool {
	return a.Type == b.Type && a.TP == b.TP && a.FP == b.FP && a.FN == b.FN && a.Exact == b.Exact &&
		near(a.Recall, b.Recall) && near(a.Precision, b.Precision) && near(a.ExactPct, b.ExactPct)
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTableAndVerboseNeverLeakValues(t *testing.T) {
	truth, found := writeFixture(t)
	var out, errb bytes.Buffer
	if code := run([]string{"-truth", truth, "-found", found, "-v"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"hk_phone", "40.00%", "71.43%", "55.56%", "findings on hard-negative files: 1 (in 1 files",
		"worst misses", "00003_robot_send.json  msgParam  [40,50)", "person_name", "result.name", "worst false alarms"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	for _, leak := range []string{"陳大文", "A123456(3)", "a@example.com"} {
		if strings.Contains(s, leak) {
			t.Errorf("output shows the value %q without -show-values", leak)
		}
	}
	out.Reset()
	run([]string{"-truth", truth, "-found", found, "-v", "-show-values"}, &out, &errb)
	for _, want := range []string{`"陳大文"`, `"A123456(3)"`, `"a@example.com"`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("-show-values output lacks %s:\n%s", want, out.String())
		}
	}
}

func TestThresholdsAndExitCodes(t *testing.T) {
	truth, found := writeFixture(t)
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-min-recall", "0.7"}, 0, ""},
		{[]string{"-min-recall", "72"}, 1, "structured recall 0.7143 is below 0.7200"},
		{[]string{"-min-precision", "0.995"}, 1, "structured precision 0.5556"},
		{[]string{"-max-negative", "0"}, 1, "1 findings on hard-negative files"},
		{[]string{"-max-negative", "1", "-min-precision", "0.5"}, 0, ""},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		args := append([]string{"-truth", truth, "-found", found}, c.args...)
		if code := run(args, &out, &errb); code != c.code || !strings.Contains(errb.String(), c.msg) {
			t.Errorf("%v: exit %d stderr %q; want %d and %q", c.args, code, errb.String(), c.code, c.msg)
		}
	}
	var out, errb bytes.Buffer
	for _, args := range [][]string{{}, {"-truth", truth}, {"-truth", truth, "-found", found, "extra"}, {"-truth", "-", "-found", "-"}, {"-nope"}} {
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code := run([]string{"-truth", truth, "-found", filepath.Join(t.TempDir(), "missing.jsonl")}, &out, &errb); code != 2 {
		t.Errorf("missing findings file: exit %d, want 2", code)
	}
}

func TestReadEntriesErrorsNameLineNotContent(t *testing.T) {
	cases := map[string]string{
		"{\"file\":\"a\",\"type\":\"hkid\",\"start\":0,\"end\":3}\nA123456(3) not json\n": "x.jsonl:2: not a JSON object",
		`{"type":"hkid","start":0,"end":3}`:                                               "x.jsonl:1: missing \"file\"",
		`{"file":"a","start":0,"end":3}`:                                                  "x.jsonl:1: missing \"type\"",
		`{"file":"a","type":"hkid","end":3}`:                                              "missing \"start\" or \"end\"",
		`{"file":"a","type":"hkid","start":5,"end":3}`:                                    "bad span [5,3)",
		`{"file":"a","type":"hkid","start":-1,"end":3}`:                                   "bad span [-1,3)",
		`{"file":"a","type":"hkid","start":"0","end":3}`:                                  "not a JSON object",
		`{"file":"a","type":"hkid","start":0,"end":3,"value":1}x`:                         "not a JSON object",
	}
	for in, want := range cases {
		_, err := readEntries(strings.NewReader(in), "x.jsonl")
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("input %q: error %v, want %q", in, err, want)
		}
		if err != nil && strings.Contains(err.Error(), "A123456") {
			t.Errorf("error repeats input content: %v", err)
		}
	}
	got, err := readEntries(strings.NewReader("\n  \n{\"file\":\"d/f.json\",\"path\":\"a\\\\.b.0\",\"type\":\"t\",\"start\":1,\"end\":2,\"value\":\"x\"}\n"), "ok")
	if err != nil || len(got) != 1 || got[0].file != "f.json" || got[0].path != "a.b\x000" || got[0].rawPath != `a\.b.0` {
		t.Errorf("got %+v, %v", got, err)
	}
}

func TestCanonicalPathAndShape(t *testing.T) {
	for a, b := range map[string]string{`result.key\.dot`: "result\x00key.dot", `a\-b.c`: "a-b\x00c", `x\\y`: `x\y`, "": "", `trail\`: `trail\`} {
		if got := canonicalPath(a); got != b {
			t.Errorf("canonicalPath(%q) = %q, want %q", a, got, b)
		}
	}
	if canonicalPath(`a\(b`) != canonicalPath(`a(b`) {
		t.Error("escaping an ordinary character changes the canonical path")
	}
	if got := shape(canonicalPath("result.list.12.field_value_list.0.value")); got != "result.list.#.field_value_list.#.value" {
		t.Errorf("shape = %q", got)
	}
}

// FuzzReadEntries: any input either fails with an error or yields only well-formed spans.
func FuzzReadEntries(f *testing.F) {
	f.Add(truthJSONL)
	f.Add(findingsJSONL)
	f.Add("{\"file\":\"a\",\"type\":\"t\",\"start\":0,\"end\":1}\n{")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := readEntries(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, s := range got {
			if s.start < 0 || s.end <= s.start || s.file == "" || s.typ == "" {
				t.Fatalf("ill-formed span %+v accepted", s)
			}
		}
		// Scored against itself, every entry is a true positive with an exact span.
		if r := score(got, got); r.All.FP != 0 || r.All.FN != 0 || r.All.TP != len(got) || r.All.Exact != len(got) {
			t.Fatalf("self-score %+v for %d entries", r.All, len(got))
		}
	})
}
