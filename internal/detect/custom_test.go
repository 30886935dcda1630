package detect

import (
	"strings"
	"testing"
	"time"
)

func TestCompileCustomErrors(t *testing.T) {
	tests := []struct {
		c    CustomRecognizer
		want string // part of the error message
	}{
		{CustomRecognizer{Pattern: "x"}, "without a type"},
		{CustomRecognizer{Type: "Staff", Pattern: "x"}, "lower-case"},
		{CustomRecognizer{Type: "9staff", Pattern: "x"}, "lower-case"},
		{CustomRecognizer{Type: "staff-no", Pattern: "x"}, "lower-case"},
		{CustomRecognizer{Type: "hkid", Pattern: "x"}, "clashes with the built-in"},
		{CustomRecognizer{Type: "staff_no"}, "empty pattern"},
		{CustomRecognizer{Type: "staff_no", Pattern: "STF-[0-9"}, "missing closing ]"},
		{CustomRecognizer{Type: "staff_no", Pattern: "a**"}, "invalid nested repetition"},
		{CustomRecognizer{Type: "staff_no", Pattern: "x{1001}"}, "invalid repeat count"},
		{CustomRecognizer{Type: "staff_no", Pattern: "(?>atomic)"}, "invalid or unsupported Perl syntax"},
		{CustomRecognizer{Type: "staff_no", Pattern: "(?=a)(b"}, "invalid pattern"},
		{CustomRecognizer{Type: "staff_no", Pattern: "x", Score: 1.5}, "outside (0, 1]"},
		{CustomRecognizer{Type: "staff_no", Pattern: "x", Score: -0.1}, "outside (0, 1]"},
		{CustomRecognizer{Type: "staff_no", Pattern: "x", Keywords: []string{" "}}, "keyword 0"},
		{CustomRecognizer{Type: "staff_no", Pattern: "\xff"}, "not valid UTF-8"},
		{CustomRecognizer{Type: "staff_no", Pattern: strings.Repeat("a", 5000)}, "longer than"},
	}
	for _, tt := range tests {
		c, err := CompileCustom(tt.c)
		if err == nil || c != nil {
			t.Errorf("%+v: want an error", tt.c)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error %q does not mention %q", tt.c, err, tt.want)
		}
	}
}

func TestCompileCustomFastAndSlow(t *testing.T) {
	fast, err := CompileCustom(CustomRecognizer{Type: "staff_no", Pattern: `STF-\d{6}`})
	if err != nil {
		t.Fatal(err)
	}
	if fast.Slow() || fast.Type() != "staff_no" || fast.Score() != defaultCustomScore || string(fast.prefix) != "STF-" {
		t.Errorf("fast: slow=%v type=%s score=%v prefix=%q", fast.Slow(), fast.Type(), fast.Score(), fast.prefix)
	}
	for _, p := range []string{`EMP(?=\d{4})\d{4}`, `(?<!\d)EMP\d{4}`, `(?<=ID:)\d{4}`, `(\d)\1{3}`, `(?!x)EMP\d{4}`} {
		c, err := CompileCustom(CustomRecognizer{Type: "emp", Pattern: p})
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if !c.Slow() {
			t.Errorf("%s: not marked slow", p)
		}
	}
}

func TestFirstBytesPrefilter(t *testing.T) {
	c, err := CompileCustom(CustomRecognizer{Type: "code", Pattern: `\b\d{6}\b`})
	if err != nil {
		t.Fatal(err)
	}
	if c.first == nil || !c.first['5'] || c.first['a'] {
		t.Fatalf("first-byte set of \\d{6}: %v", c.first)
	}
	if ok, _ := c.worth([]byte("no digits here"), "", ""); ok {
		t.Error("prefilter let a digit-free text through")
	}
	ci, _ := CompileCustom(CustomRecognizer{Type: "code", Pattern: `(?i)emp\d+`})
	if ci.first == nil || !ci.first['E'] || !ci.first['e'] || ci.prefix != nil {
		t.Errorf("case-insensitive: first=%v prefix=%q", ci.first != nil, ci.prefix)
	}
	any, _ := CompileCustom(CustomRecognizer{Type: "code", Pattern: `.*x`})
	if any.first != nil {
		t.Error(".*x has a first-byte set")
	}
}

func TestScanCustom(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{Custom: []CustomRecognizer{
		{Type: "staff_no", Pattern: `STF-\d{6}`, Score: 0.9},
		{Type: "member_no", Pattern: `\b\d{10}\b`, Keywords: []string{"member", "會員"}},
		{Type: "emp_id", Pattern: `(?<=工號：)\d{4}`},
	}})
	types := s.Types()
	if types[len(types)-3] != "staff_no" || types[len(types)-1] != "emp_id" {
		t.Errorf("Types() = %v", types)
	}
	tests := []struct {
		text, key string
		want      []string // "type=text"
	}{
		{"staff STF-123456 and STF-654321", "remark", []string{"staff_no=STF-123456", "staff_no=STF-654321"}},
		{"STF-12345", "remark", nil},
		{"member no 1234567890", "remark", []string{"member_no=1234567890"}},
		{"1234567890", "memberNo", []string{"member_no=1234567890"}},
		{"1234567890", "remark", nil},
		{"會員 1234567890", "remark", []string{"member_no=1234567890"}},
		{"member " + strings.Repeat("x", 40) + " 1234567890", "remark", nil},
		{"陳大文 工號：1234 已入職", "remark", []string{"emp_id=1234"}},
		{"工號：12 HKID A123456(3)", "remark", []string{"hkid=A123456(3)"}},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: tt.key}, nil)
		checkFindings(t, []byte(tt.text), got, DefaultThreshold)
		var names []string
		for _, f := range got {
			names = append(names, string(f.Type)+"="+tt.text[f.Start:f.End])
		}
		if strings.Join(names, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: got %v, want %v", tt.text, names, tt.want)
		}
	}
	// Disabling a custom type removes it.
	d := newTestScanner(t, ScannerOptions{Custom: []CustomRecognizer{{Type: "staff_no", Pattern: `STF-\d{6}`}}, Disabled: []Type{"staff_no"}})
	if got := d.ScanText([]byte("STF-123456"), nil, nil); len(got) != 0 {
		t.Errorf("disabled custom type reported: %v", got)
	}
}

func TestSlowCustomTimesOut(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{Custom: []CustomRecognizer{{Type: "evil", Pattern: `^(a+)+\1b$`}}})
	text := []byte(strings.Repeat("a", 40) + "c")
	start := time.Now()
	got := s.ScanText(text, nil, nil)
	if len(got) != 0 {
		t.Errorf("got %v", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("slow recognizer ran %v despite the match timeout", d)
	}
}
