package vault

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

const (
	tokA = "tok_hkid_jreuczpupewkeauqsmxsnpzkfg"
	tokB = "tok_hk_phone_abcdefghijklmnopqrstuvwxyz"
)

func spans(text string) [][2]int { return FindTokens([]byte(text), nil) }

func TestFindTokens(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"alone", tokA, []string{tokA}},
		{"in prose", "HKID " + tokA + ", phone " + tokB + ".", []string{tokA, tokB}},
		{"json", `{"id":"` + tokA + `","m":"call ` + tokB + `"}`, []string{tokA, tokB}},
		{"after a json escape", `"line\n` + tokA + `\tend"`, []string{tokA}},
		{"glued to CJK", "身份證" + tokA + "已收到", []string{tokA}},
		{"glued prefix letters", "x" + tokA, []string{tokA}}, // nothing is required before tok_
		{"followed by a letter", tokA + "x", nil},
		{"followed by upper case", tokA + "X", nil},
		{"followed by underscore", tokA + "_", nil},
		{"followed by digit", tokA + "2", nil},
		{"body too short", tokA[:len(tokA)-1] + " ", nil},
		{"four digits in a row", "tok_hkid_abcd2345efghijklmnopqrstuv", nil},
		{"upper-case body", strings.ToUpper(tokA), nil},
		{"adjacent tokens without a separator", tokA + tokB, []string{tokB}}, // the first is followed by "t"
		{"adjacent with a space", tokA + " " + tokB, []string{tokA, tokB}},
		{"prefix only", "tok_ tok_hkid_ tok_", nil},
		{"nested prefix", "tok_" + tokA, []string{"tok_" + tokA}}, // the type is "tok_hkid": still one token
		{"type too long", "tok_" + strings.Repeat("a", 33) + "_abcdefghijklmnopqrstuvwxyz", nil},
		{"type with digits", "tok_emp9_abcdefghijklmnopqrstuvwxyz", []string{"tok_emp9_abcdefghijklmnopqrstuvwxyz"}},
		{"empty", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range spans(tc.text) {
				got = append(got, tc.text[s[0]:s[1]])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("FindTokens(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestFindTokensAppendsWithoutAllocating(t *testing.T) {
	text := []byte(strings.Repeat("some text "+tokA+" and "+tokB+"; ", 50))
	out := make([][2]int, 0, 128)
	allocs := testing.AllocsPerRun(100, func() { out = FindTokens(text, out[:0]) })
	if allocs != 0 {
		t.Errorf("FindTokens allocated %.1f times per run", allocs)
	}
	if len(out) != 100 {
		t.Errorf("found %d tokens, want 100", len(out))
	}
}

var tokenRE = regexp.MustCompile(`^` + TokenPattern + `$`)

// FuzzFindTokens checks properties rather than fixed answers: every span is a
// well-formed, well-bounded token and spans are ordered and disjoint; and a real token
// placed in the text between separators is always found exactly where it was put.
func FuzzFindTokens(f *testing.F) {
	for _, s := range []string{"", tokA, "x" + tokA + "y", tokA + tokB, "tok_tok_tok_", `{"a":"` + tokB + `"}`} {
		f.Add([]byte(s), uint16(0))
	}
	f.Fuzz(func(t *testing.T, text []byte, at uint16) {
		check := func(text []byte) [][2]int {
			got := FindTokens(text, nil)
			prev := 0
			for _, s := range got {
				if s[0] < prev || s[1] <= s[0] || s[1] > len(text) {
					t.Fatalf("bad span %v (previous end %d, len %d)", s, prev, len(text))
				}
				tok := string(text[s[0]:s[1]])
				if _, ok := ParseToken(tok); !ok || !tokenRE.MatchString(tok) {
					t.Fatalf("span %q is not a token", tok)
				}
				if s[1] < len(text) && isWordByte(text[s[1]]) {
					t.Fatalf("span %q is followed by a word byte", tok)
				}
				prev = s[1]
			}
			return got
		}
		check(text)

		// Insert a token between separators at a fuzzed position: it must be found.
		pos := int(at) % (len(text) + 1)
		withTok := bytes.Join([][]byte{text[:pos], []byte(" " + tokA + " "), text[pos:]}, nil)
		start := pos + 1
		found := false
		for _, s := range check(withTok) {
			if s[1] == start+len(tokA) && s[0] <= start {
				found = true // it may be longer on the left ("tok_" + tokA is one token)
			}
		}
		if !found {
			t.Fatalf("inserted token at %d not found in %q", start, withTok)
		}
	})
}

// FuzzIndexTokenPrefix: the word-at-a-time search agrees with bytes.Index everywhere.
func FuzzIndexTokenPrefix(f *testing.F) {
	for _, s := range []string{"", "tok_", "xtok_", "to_k_tok_", "tok", "_tok_", "ttttttttttttok_",
		`{"state_code":"86","tok":"tok_","k_":1}`, "tok\u00e9_tok_email_", "________tok_", "tok_tok_"} {
		f.Add([]byte(s), 0)
	}
	f.Fuzz(func(t *testing.T, b []byte, from int) {
		if from < 0 || from > len(b) {
			from = 0
		}
		want := bytes.Index(b[from:], []byte(TokenPrefix))
		if want >= 0 {
			want += from
		}
		if got := indexTokenPrefix(b, from); got != want {
			t.Fatalf("indexTokenPrefix(%q, %d) = %d, want %d", b, from, got, want)
		}
		if HasTokenPrefix(b) != bytes.Contains(b, []byte(TokenPrefix)) {
			t.Fatalf("HasTokenPrefix(%q) wrong", b)
		}
	})
}
