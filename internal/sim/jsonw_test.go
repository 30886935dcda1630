package sim

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendString(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", `""`},
		{"陳大文", `"陳大文"`},
		{`a"b\c`, `"a\"b\\c"`},
		{"line\nfeed\ttab\rcr", `"line\nfeed\ttab\rcr"`},
		{"\x00\x1f", `"\u0000\u001f"`},
		{"<b>&</b>", `"<b>&</b>"`},
		{"\u2028\u2029", "\"\u2028\u2029\""}, // valid JSON as they are (the shared jsonlex encoder)
		{"bad\xffutf8", "\"bad\uFFFDutf8\""},
	}
	for _, tc := range cases {
		if got := string(appendString(nil, tc.in)); got != tc.want {
			t.Errorf("appendString(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestObjAndLegacyIDs(t *testing.T) {
	o := newObj(nil)
	o.str("a", "x")
	o.int("b", -3)
	o.bool("c", true)
	o.raw("d", []byte(`[1]`))
	if got := string(o.end()); got != `{"a":"x","b":-3,"c":true,"d":[1]}` {
		t.Errorf("obj = %s", got)
	}
	for h := range uint64(200) {
		id := legacyRequestID(h * 0x9e3779b97f4a7c15)
		if len(id) != 12 || strings.Trim(id, base36) != "" {
			t.Fatalf("legacy request id %q", id)
		}
		u := newRequestID(h)
		if len(u) != 36 || u != strings.ToUpper(u) || strings.Count(u, "-") != 4 {
			t.Fatalf("new request id %q", u)
		}
		if v := uuid4(h); v[14] != '4' || !strings.ContainsRune("89ab", rune(v[19])) {
			t.Fatalf("uuid4 %q is not version 4", v)
		}
	}
}

// FuzzAppendString: whatever the input, the output is a JSON string that decodes to the
// input (with invalid UTF-8 replaced, as encoding/json does).
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "陳大文 A123456(3)", "\x00\"\\\n", "\xff\xfe", "\u2028", "<&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := appendString(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q encoded as invalid JSON %s: %v", s, b, err)
		}
		want := strings.ToValidUTF8(s, "\ufffd")
		if utf8.ValidString(s) && back != s || !utf8.ValidString(s) && back != invalidToReplacement(s) {
			t.Fatalf("round trip of %q gave %q (want %q)", s, back, want)
		}
	})
}

// invalidToReplacement replaces every invalid byte (not every run) by U+FFFD, like
// encoding/json and appendString.
func invalidToReplacement(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
