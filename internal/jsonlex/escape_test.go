package jsonlex

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

func TestAppendStringRoundTrip(t *testing.T) {
	for _, s := range []string{"", "plain", `q"uo\te`, "ctl\x00\x1f\n\r\t", "陳大文 A123456(3)", "bad\xffutf8", "</script>&",
		// CJK runs, checked without utf8.Valid, and what they hand over to it.
		"王\xed\xa0\x80欣", "王欣\xe4\xb8", "€é王欣abcdefgh王\xf0\x9f\x98\x80", "\xe0\xa0\x80\xe0\x80\x80", "王\"欣\\"} {
		out := AppendString(nil, []byte(s))
		if !json.Valid(out) || !utf8.Valid(out) {
			t.Fatalf("AppendString(%q) = %s: invalid", s, out)
		}
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		want := string([]rune(s)) // invalid bytes become U+FFFD
		if back != want {
			t.Fatalf("round trip of %q = %q", s, back)
		}
	}
}

func TestRawOffset(t *testing.T) {
	raw := []byte(`a\u0040b\n\ud83d\ude00c陳`)
	dec := Unescape(nil, raw)
	if string(dec) != "a@b\n\U0001F600c陳" {
		t.Fatalf("Unescape = %q", dec)
	}
	cases := map[int]int{0: 0, 1: 1, 2: 7, 3: 8, 4: 10, 8: 22, 9: 23, 12: len(raw)}
	for d, want := range cases {
		if got := RawOffset(raw, d); got != want {
			t.Errorf("RawOffset(%d) = %d, want %d", d, got, want)
		}
	}
}

func FuzzRawOffset(f *testing.F) {
	f.Add(`a\u0040b\n\ud83d\ude00c`)
	f.Add(`plain`)
	f.Fuzz(func(t *testing.T, s string) {
		doc := AppendString(nil, []byte(s))
		var tp Tape
		if err := Lex(doc, &tp, Options{}); err != nil {
			t.Fatalf("AppendString output does not lex: %v", err)
		}
		raw := tp.RawString(0)
		dec := tp.Text(0, nil)
		prev := 0
		for d := 0; d <= len(dec); d++ {
			r := RawOffset(raw, d)
			if r < prev || r > len(raw) {
				t.Fatalf("RawOffset not monotonic at %d: %d after %d", d, r, prev)
			}
			prev = r
		}
	})
}

// FuzzAppendString: the output is always valid JSON that decodes to the input, invalid
// UTF-8 replaced by U+FFFD as encoding/json does (long runs exercise the eight-byte skip).
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain ascii text, longer than eight", `q"uo\te`, "ctl\x00\x1f\n\r\t",
		"陳大文 A123456(3) 陳大文陳大文", "bad\xffutf8 and more bytes", "\xe9\x99\xb3\xe5\xa4", "abcdefgh陳ijklmnop\"qrstuvw"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := AppendString(nil, []byte(s))
		var back string
		if err := json.Unmarshal(out, &back); err != nil || !utf8.Valid(out) {
			t.Fatalf("AppendString(%q) = %s: %v", s, out, err)
		}
		if want := string([]rune(s)); back != want {
			t.Fatalf("round trip of %q = %q", s, back)
		}
	})
}

func TestBackslashAt(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		from int
		want int
	}{
		{``, 0, 0}, {`\`, 0, 0}, {`a\`, 0, 1}, {`abcdefgh`, 0, 8}, {`abcdefg\`, 0, 7},
		{`abcdefgh\`, 0, 8}, {`abcdefghijklmnop\"`, 0, 16}, {`\abcdefghij\k`, 1, 11},
		{`a\bcdefghij`, 2, 11}, {"\x00\x01]\\\x5c\xdc\xff\\", 0, 3}, {"]]]]]]]]\\", 0, 8},
		{"\xdc\xdc\xdc\xdc\xdc\xdc\xdc\xdc\xdc", 0, 9}, {`王欣\"英文名\"`, 0, 6},
	} {
		if got := backslashAt([]byte(tc.raw), tc.from); got != tc.want {
			t.Errorf("backslashAt(%q, %d) = %d, want %d", tc.raw, tc.from, got, tc.want)
		}
	}
}
