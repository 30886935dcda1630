package widthfold

import (
	"bytes"
	"testing"
)

func TestAppend(t *testing.T) {
	for in, want := range map[string]string{
		"９１２３ ４５６７":                    "9123 4567",
		"+852　9123　4567":               "+852 9123 4567",
		"＋８５２－９１２３－４５６７":               "+852-9123-4567",
		"Ａ１２３４５６（７）":                   "A123456(7)",
		"ｔａｉｍａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ":           "taiman@example.com",
		"姓名：　陳大文":                      "姓名：　陳大文", // layout, not a separator
		"電話　9123":                      "電話　9123",
		"（852）　9123":                   "(852) 9123",
		"１２３４　ａｂｃ":                     "1234　abc",
		"ＡＢＣ　１２３":                      "ABC　123",
		"，；。：！？＊":                      "，；。：！？＊", // punctuation the scanner reads as it is
		"\xef\xbc\x90\xef\xbc\x91\xe3": "01\xe3",
	} {
		if got := string(Append(nil, []byte(in))); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	for _, s := range []string{"", "plain ASCII 91234567", "陳大文", "姓名：　陳大文"} {
		if got := String(s); got != s {
			t.Errorf("String(%q) = %q, want it unchanged", s, got)
		}
	}
	if got := String("ｔａｉ＠ｅｘａｍｐｌｅ．ｃｏｍ"); got != "tai@example.com" {
		t.Errorf("String = %q", got)
	}
}

// FuzzAppend: folding only ever shrinks three-byte runes to one ASCII byte, the tracked
// offsets say where, and folding twice changes nothing more.
func FuzzAppend(f *testing.F) {
	for _, s := range []string{"９１２３　４５６７", "Ａ１２３４５６（７）", "（852）　9123", "\xef\xbc", "姓名：　陳大文"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := []byte(s)
		out, at := AppendTracked(nil, nil, in)
		if len(in)-len(out) != 2*len(at) {
			t.Fatalf("%q: %d bytes became %d with %d folded runes", s, len(in), len(out), len(at))
		}
		for k, j := range at {
			if k > 0 && at[k-1] >= j || out[j] >= 0x80 {
				t.Fatalf("%q: bad folded offset %d (%v)", s, j, at)
			}
		}
		if string(Append(nil, in)) != string(out) {
			t.Fatalf("%q: Append and AppendTracked disagree", s)
		}
		if again := Append(nil, out); string(again) != string(out) {
			t.Fatalf("%q: folding twice gave %q then %q", s, out, again)
		}
		if string(String(s)) != string(out) {
			t.Fatalf("%q: String and Append disagree", s)
		}
		if bytes.IndexByte(in, 0xEF) < 0 && bytes.IndexByte(in, 0xE3) < 0 && string(out) != s {
			t.Fatalf("%q: no lead byte of a folded rune, yet folding changed it", s)
		}
	})
}
