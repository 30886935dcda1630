package detect

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// tcase is one row of a recognizer's table. A true positive expects a finding of the
// recognizer's type whose text is want (the whole text when want is empty); a false positive
// expects no finding at all.
type tcase struct {
	text   string
	key    string
	label  string
	number bool
	want   string
}

type recognizerCases struct {
	typ        Type
	naturalKey string // the key a value of this type usually sits under
	tp, fp     []tcase
}

var allCases = map[Type]*recognizerCases{}

func register(c recognizerCases) {
	if allCases[c.typ] != nil {
		panic("cases registered twice for " + c.typ)
	}
	allCases[c.typ] = &c
}

// testNow is the fixed clock of the tests: dates after it are "in the future".
var testNow = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func newTestScanner(t testing.TB, opts ScannerOptions) *Scanner {
	t.Helper()
	s, err := NewScanner(opts)
	if err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return testNow }
	return s
}

func describe(text string, fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "[%s %.2f %q] ", f.Type, f.Score, text[f.Start:f.End])
	}
	if b.Len() == 0 {
		return "(none)"
	}
	return b.String()
}

// typeSpans lists findings as "type:value", in order.
func typeSpans(text string, fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Type)+":"+text[f.Start:f.End])
	}
	return out
}

// runCases checks a recognizer's table.
func runCases(t *testing.T, typ Type) {
	t.Helper()
	c := allCases[typ]
	if c == nil {
		t.Fatalf("no cases registered for %s", typ)
	}
	s := newTestScanner(t, ScannerOptions{})
	for i, tc := range c.tp {
		f := &Field{Key: tc.key, Label: tc.label, Number: tc.number}
		got := s.ScanText([]byte(tc.text), f, nil)
		want := tc.want
		if want == "" {
			want = tc.text
		}
		found := false
		for _, g := range got {
			if g.Type == typ && tc.text[g.Start:g.End] == want {
				found = true
			}
		}
		if !found {
			t.Errorf("TP %d key=%q label=%q %q: want %s %q, got %s", i, tc.key, tc.label, tc.text, typ, want, describe(tc.text, got))
		}
	}
	for i, tc := range c.fp {
		f := &Field{Key: tc.key, Label: tc.label, Number: tc.number}
		got := s.ScanText([]byte(tc.text), f, nil)
		if len(got) > 0 {
			t.Errorf("FP %d key=%q label=%q %q: want nothing, got %s", i, tc.key, tc.label, tc.text, describe(tc.text, got))
		}
	}
}

func TestRegistryMatchesBuiltinTypes(t *testing.T) {
	reg := Registry()
	if len(reg) != len(BuiltinTypes) {
		t.Fatalf("registry has %d recognizers, BuiltinTypes %d", len(reg), len(BuiltinTypes))
	}
	if int(numBuiltin) != len(BuiltinTypes) {
		t.Fatalf("numBuiltin %d != len(BuiltinTypes) %d", numBuiltin, len(BuiltinTypes))
	}
	seenType, seenName := map[Type]bool{}, map[string]bool{}
	for i, r := range reg {
		if r.Type != BuiltinTypes[i] {
			t.Errorf("registry[%d] is %s, BuiltinTypes[%d] is %s", i, r.Type, i, BuiltinTypes[i])
		}
		if tid(i).Type() != r.Type {
			t.Errorf("tid %d maps to %s, want %s", i, tid(i).Type(), r.Type)
		}
		if seenType[r.Type] || seenName[r.Name] {
			t.Errorf("duplicate type or name: %s %q", r.Type, r.Name)
		}
		seenType[r.Type], seenName[r.Name] = true, true
		if r.Name == "" || r.Description == "" || r.Validates == "" {
			t.Errorf("%s: metadata incomplete: %+v", r.Type, r)
		}
		if idx, ok := builtinIndex(r.Type); !ok || int(idx) != i {
			t.Errorf("builtinIndex(%s) = %d, %v", r.Type, idx, ok)
		}
	}
	// Registry returns a copy.
	reg[0].Name = "changed"
	if Registry()[0].Name == "changed" {
		t.Error("Registry exposes its backing array")
	}
}

func TestEveryRecognizerHasCases(t *testing.T) {
	for _, typ := range BuiltinTypes {
		c := allCases[typ]
		if c == nil {
			t.Errorf("%s: no test table", typ)
			continue
		}
		if len(c.tp) == 0 || len(c.fp) == 0 {
			t.Errorf("%s: %d true and %d false positive samples; need both", typ, len(c.tp), len(c.fp))
		}
		if c.naturalKey == "" {
			t.Errorf("%s: no natural key", typ)
		}
	}
	measured := []Type{HKID, HKPhone, CNMobile, CNID, Email, CreditCard, IPv4}
	for _, typ := range measured {
		if c := allCases[typ]; c != nil && (len(c.tp) < 10 || len(c.fp) < 10) {
			t.Errorf("%s: %d TP / %d FP samples, want at least 10 each", typ, len(c.tp), len(c.fp))
		}
	}
}

// TestTrueSamplesUnderNaturalKey scans every true sample's matched text alone under its
// type's natural key: exactly one finding, of that type, covering it.
func TestTrueSamplesUnderNaturalKey(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	types := make([]string, 0, len(allCases))
	for typ := range allCases {
		types = append(types, string(typ))
	}
	sort.Strings(types)
	for _, ts := range types {
		c := allCases[Type(ts)]
		for _, tc := range c.tp {
			v := tc.want
			if v == "" {
				v = tc.text
			}
			got := s.ScanText([]byte(v), &Field{Key: c.naturalKey, Number: tc.number}, nil)
			if len(got) != 1 || got[0].Type != c.typ || got[0].Start != 0 || got[0].End != len(v) {
				t.Errorf("%s under %q: %q: got %s", c.typ, c.naturalKey, v, describe(v, got))
			}
		}
	}
}

// Check-digit helpers for building samples (cross-checked against public vectors in the
// recognizers' tests).

// cnIDWithCheck appends the MOD 11-2 check character to 17 digits.
func cnIDWithCheck(base17 string) string {
	return base17 + string(checkdigit.CNID(base17))
}

// withLuhn replaces the last digit so that the number passes Luhn.
func withLuhn(s string) string {
	body := s[:len(s)-1]
	return body + string(checkdigit.Luhn(body))
}

// withoutLuhn replaces the last digit so that the number fails Luhn.
func withoutLuhn(s string) string {
	b := []byte(s)
	for c := byte('0'); c <= '9'; c++ {
		b[len(b)-1] = c
		if !checkdigit.LuhnValid(b) {
			return string(b)
		}
	}
	panic("unreachable")
}

// hkidWithCheck returns prefix+digits with its check character, bracketed.
func hkidWithCheck(prefix, digits string) string {
	return prefix + digits + "(" + string(checkdigit.HKID(prefix, digits)) + ")"
}

// usccWithCheck appends the mod-31 check character to 17 characters.
func usccWithCheck(base17 string) string {
	check, _ := checkdigit.USCC(base17)
	return base17 + string(check)
}

// allDigitUSCC returns a valid USCC made only of digits.
func allDigitUSCC() string {
	for n := 100000000; ; n++ {
		s := usccWithCheck(fmt.Sprintf("91440300%09d", n))
		if allDigits([]byte(s)) && !cnIDValid([]byte(s), today(testNow)) && !orgCodeValid([]byte(s)) {
			return s
		}
	}
}

// allDigitOrgUSCC returns an all-digit USCC whose organisation code checks too.
func allDigitOrgUSCC() string {
	for n := 10000000; ; n++ {
		body := fmt.Sprintf("%08d", n)
		s := usccWithCheck("91440300" + body + string(checkdigit.OrgCode(body)))
		if allDigits([]byte(s)) && !cnIDValid([]byte(s), today(testNow)) && orgCodeValid([]byte(s)) {
			return s
		}
	}
}
