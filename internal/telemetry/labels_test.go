package telemetry

import (
	"strings"
	"testing"
)

func TestLabelValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "none"},
		{"user-get", "user-get"},
		{"hk_phone", "hk_phone"},
		{"roster.v2:query", "roster.v2:query"},
		{"/topapi/v2/user/get", "invalid"},
		{"a b", "invalid"},
		{"陳大文", "invalid"},
		{"x@example.com", "invalid"},
		{"A123456(3)", "invalid"},
		{strings.Repeat("a", 64), strings.Repeat("a", 64)},
		{strings.Repeat("a", 65), "invalid"},
	}
	for _, tc := range tests {
		if got := LabelValue(tc.in); got != tc.want {
			t.Errorf("LabelValue(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRoleLabel(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, "none"},
		{[]string{"support"}, "support"},
		{[]string{"payroll", "hr_admin"}, "hr_admin+payroll"},
		{[]string{"b", "a", "b"}, "a+b"},
		{[]string{"x y", "a"}, "a+invalid"},
	}
	for _, tc := range tests {
		in := append([]string(nil), tc.in...)
		if got := RoleLabel(in); got != tc.want {
			t.Errorf("RoleLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for i := range in {
			if in[i] != tc.in[i] {
				t.Errorf("RoleLabel reordered its argument")
			}
		}
	}
}

func TestStatusClassAndRefused(t *testing.T) {
	for status, want := range map[int]string{0: "none", 99: "other", 100: "1xx", 200: "2xx", 204: "2xx", 404: "4xx", 499: "4xx", 504: "5xx", 600: "other", -1: "other"} {
		if got := StatusClass(status); got != want {
			t.Errorf("StatusClass(%d) = %q, want %q", status, got, want)
		}
	}
	for d, want := range map[string]bool{DecisionForwarded: false, DecisionBlocked: true, DecisionDenied: true, DecisionUnauthenticated: true, DecisionError: false, "": false} {
		ev := CallEvent{Decision: d}
		if ev.Refused() != want {
			t.Errorf("Refused(%q) = %v", d, !want)
		}
	}
	ev := CallEvent{Types: map[string]int{"a": 2, "b": 3, "c": -1}}
	if ev.Detections() != 5 {
		t.Errorf("Detections = %d", ev.Detections())
	}
}

func FuzzLabelValue(f *testing.F) {
	for _, s := range []string{"", "user-get", "a b", "陳", strings.Repeat("z", 70)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := LabelValue(s)
		if v != s && v != "none" && v != "invalid" {
			t.Fatalf("LabelValue(%q) = %q", s, v)
		}
		if LabelValue(v) != v && v != "none" {
			t.Fatalf("not idempotent: %q -> %q", s, v)
		}
		for i := 0; i < len(v); i++ {
			c := v[i]
			if c <= ' ' || c >= 0x7f || c == '"' || c == '\\' || c == '/' || c == '@' || c == '(' {
				t.Fatalf("LabelValue(%q) = %q contains %q", s, v, c)
			}
		}
	})
}
