package jsonlex

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLexValid(t *testing.T) {
	for _, doc := range []string{
		`{}`, `[]`, `0`, `-0.5e+10`, `"x"`, `true`, `false`, `null`, ` {"a" : [1, 2.5, "s", {"b": null}] } `,
		`{"k\"ey":"\u0040\ud83d\ude00\n"}`, `"陳大文"`, `[[[[]]]]`, `{"a":{"b":{"c":[true,false]}}}`,
		`{"英文名":"王欣，表現良好。","k":"\u00e9\"x\/","é":"€😀"}`, "[ -1, 0, 1.5, 1e3, true , false, null ]\n",
		`{"a":[],"b":{},"c":[{}],"d":"abcdefghijklmnopqrstuvwxyz0123456789"}`,
	} {
		var tp Tape
		if err := Lex([]byte(doc), &tp, Options{}); err != nil {
			t.Errorf("Lex(%q) = %v, want nil", doc, err)
		}
	}
}

func TestLexInvalid(t *testing.T) {
	for _, tc := range []struct {
		doc    string
		offset int
	}{
		{``, 0}, {` `, 1}, {`{`, 1}, {`{"a"}`, 4}, {`{"a":}`, 5}, {`[1,]`, 3}, {`[1 2]`, 3},
		{`{"a":1,}`, 7}, {`01`, 1}, {`1.`, 0}, {`1e`, 0}, {`-`, 0}, {`tru`, 0}, {`"abc`, 0},
		{`"\x"`, 1}, {`"\u12g4"`, 1}, {"\"a\x01\"", 2}, {"\"\xff\"", 1}, {`{"a":1}x`, 7},
		{`{1:2}`, 1}, {`[}`, 1}, {`{]`, 1}, {`nul`, 0},
		// Where Lex's fast path hands over to the general one: a surrogate and an overlong
		// form behind lead bytes the fast path does not take, a truncated character, escapes,
		// whitespace between the tokens, a control character after a long plain run.
		{"\"\xed\xa0\x80\"", 1}, {"\"ab\xe0\x80\x80\"", 3}, {"\"王\xe4\xb8\"", 4}, {"{\"王\xff\":1}", 5},
		{`{"a":"x\q"}`, 7}, {`["\u12"]`, 2}, {`{"a" "b"}`, 5}, {"[1,\n 2 ,x]", 8},
		{"[\"abcdefghijklmnop\x01\"]", 18}, {`{"a":1,"b":[true,fals]}`, 17}, {`{"k":-}`, 5}, {`[1.5e]`, 1},
	} {
		var tp Tape
		err := Lex([]byte(tc.doc), &tp, Options{})
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Lex(%q) = %v, want a SyntaxError", tc.doc, err)
			continue
		}
		if se.Offset != tc.offset {
			t.Errorf("Lex(%q) offset = %d, want %d (%v)", tc.doc, se.Offset, tc.offset, err)
		}
		if strings.Contains(err.Error(), tc.doc) && len(tc.doc) > 3 {
			t.Errorf("error %q quotes the input", err)
		}
	}
}

func TestLexDepth(t *testing.T) {
	doc := strings.Repeat("[", 10) + strings.Repeat("]", 10)
	var tp Tape
	if err := Lex([]byte(doc), &tp, Options{MaxDepth: 10}); err != nil {
		t.Fatalf("depth 10 with max 10: %v", err)
	}
	var de *DepthError
	if err := Lex([]byte(doc), &tp, Options{MaxDepth: 9}); !errors.As(err, &de) || de.Offset != 9 {
		t.Fatalf("depth 10 with max 9: %v, want DepthError at 9", err)
	}
}

func TestTapeStructure(t *testing.T) {
	doc := `{"a":[1,{"b":"x"}],"c":"\u0040d","e":{}}`
	var tp Tape
	if err := Lex([]byte(doc), &tp, Options{}); err != nil {
		t.Fatal(err)
	}
	var keys []string
	tp.Children(0, func(k int) bool {
		keys = append(keys, string(tp.Text(k, nil)))
		return true
	})
	if got := strings.Join(keys, ","); got != "a,c,e" {
		t.Fatalf("keys = %s", got)
	}
	if v := tp.Member(0, "c"); v < 0 || string(tp.Text(v, nil)) != "@d" {
		t.Fatalf("Member c = %d", v)
	}
	if v := tp.Member(0, "zz"); v != -1 {
		t.Fatalf("Member zz = %d", v)
	}
	arr := tp.Member(0, "a")
	var elems []string
	tp.Children(arr, func(c int) bool { elems = append(elems, string(tp.Raw(c))); return true })
	if got := strings.Join(elems, "|"); got != `1|{"b":"x"}` {
		t.Fatalf("elements = %s", got)
	}
	if tp.Tokens[0].Next != uint32(len(tp.Tokens)) || int(tp.Tokens[0].End) != len(doc) {
		t.Fatalf("root token %+v, %d tokens", tp.Tokens[0], len(tp.Tokens))
	}
}

// TestAgreesWithEncodingJSON checks the lexer against encoding/json on the shared samples.
func TestAgreesWithEncodingJSON(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/dingtalk/samples/*.json")
	files = append(files, mustGlob(t, "testdata/*.json")...)
	if len(files) == 0 {
		t.Skip("no sample files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkAgainstStdlib(t, b)
	}
}

func mustGlob(t *testing.T, pat string) []string {
	m, err := filepath.Glob(pat)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func checkAgainstStdlib(t *testing.T, b []byte) {
	t.Helper()
	var tp Tape
	err := Lex(b, &tp, Options{MaxDepth: 10000})
	valid := json.Valid(b)
	if err == nil && !valid {
		t.Fatalf("Lex accepted what encoding/json rejects: %q", b)
	}
	if err != nil && valid && utf8.Valid(b) {
		t.Fatalf("Lex rejected valid JSON: %v: %q", err, b)
	}
	if err != nil {
		return
	}
	if utf8.Valid(b) {
		// The tape's structure against encoding/json's token stream: kinds, order, key
		// flags, subtree links (Next) and every token's end offset.
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		if end := compareTape(t, &tp, 0, dec); end != len(tp.Tokens) {
			t.Fatalf("root spans %d of %d tokens", end, len(tp.Tokens))
		}
	}
	for i, tk := range tp.Tokens {
		if tk.Kind != String {
			continue
		}
		var want string
		if e := json.Unmarshal(tp.Raw(i), &want); e != nil {
			t.Fatalf("token %d %q: %v", i, tp.Raw(i), e)
		}
		if got := string(tp.Text(i, nil)); got != want {
			t.Fatalf("Text(%q) = %q, want %q", tp.Raw(i), got, want)
		}
	}
}

func FuzzLex(f *testing.F) {
	for _, s := range []string{`{"a":[1,"\u0040",{"b":null}]}`, `[1e5,-0.0,"\ud800"]`, `"\\\"/"`, `{"x":"y"}`} {
		f.Add([]byte(s))
	}
	if files, _ := filepath.Glob("../../../shared/dingtalk/samples/*.json"); len(files) > 0 {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkAgainstStdlib(t, b)
		checkAgainstSteps(t, b)
	})
}

// lexSteps is Lex without fast: step makes every transition.
func lexSteps(src []byte, t *Tape, maxDepth int) error {
	t.Src = src
	l := lexer{src: src, toks: t.Tokens[:0], stack: t.stack[:0], maxDepth: maxDepth}
	var err error
	for done := false; !done && err == nil; {
		done, err = l.step()
	}
	t.Tokens, t.stack = l.toks, l.stack
	return err
}

// checkAgainstSteps checks that fast changes nothing: the same tape, the same error at the
// same offset as step alone, with the slices full from the start and with room.
func checkAgainstSteps(t *testing.T, b []byte) {
	t.Helper()
	var want Tape
	wantErr := lexSteps(b, &want, 3)
	for _, room := range []int{0, len(b) + 8} {
		got := Tape{Tokens: make([]Token, 0, room), stack: make([]uint32, 0, room)}
		err := Lex(b, &got, Options{MaxDepth: 3})
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("Lex(%q) = %v, step alone gives %v", b, err, wantErr)
		}
		if !slices.Equal(got.Tokens, want.Tokens) {
			t.Fatalf("Lex(%q) tokens %v, step alone gives %v", b, got.Tokens, want.Tokens)
		}
	}
}

func TestAgreesWithSteps(t *testing.T) {
	docs := []string{
		`{"a":[1,"\u0040",{"b":null}]}`, `[12345678901234,0,7,"王欣，表現良好。abc"]`, `{"k" :"v", "n":[ ]}`,
		"[\"abcdefgh\x01\"]", `[1234567890.5]`, `[123456789e3,0.5]`, `[true,false,null,nul]`,
		`{"a":{"b":{"c":{"d":1}}}}`, `{"a":"x","b"}`, `[{"k":"\u12"}]`, `"\u00e9\"x\/\n"`,
	}
	for _, d := range docs {
		for i := range len(d) + 1 {
			checkAgainstSteps(t, []byte(d[:i])) // every prefix: every place the input can stop
		}
	}
	files := append(mustGlob(t, "../sim/testdata/samples/*.json"), mustGlob(t, "../detect/testdata/heldout/*.json")...)
	if len(files) == 0 {
		t.Fatal("no sample files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkAgainstSteps(t, b)
	}
}

func TestDigitsEnd(t *testing.T) {
	for _, tc := range []struct {
		src  string
		from int
		want int
	}{
		{"", 0, 0}, {"1", 0, 1}, {"12345678", 0, 8}, {"123456789", 0, 9}, {"1234567x", 0, 7},
		{"12345678,", 0, 8}, {"1234567890123,\"a\"", 0, 13}, {"x1234567890", 1, 11},
		{"12:4567890", 0, 2}, {"12/4567890", 0, 2}, {"123456?8", 0, 6}, {"1234567\xff", 0, 7},
		{"\xff\xff\xff\xff\xff\xff\xff\xff", 0, 0}, {"9\xfa9999999", 0, 1}, {"00000000000000000 ", 3, 17},
	} {
		if got := digitsEnd([]byte(tc.src), tc.from); got != tc.want {
			t.Errorf("digitsEnd(%q, %d) = %d, want %d", tc.src, tc.from, got, tc.want)
		}
	}
	// Every byte value at every place of a word.
	for c := range 256 {
		for at := range 10 {
			b := []byte("1234567890123")
			b[at] = byte(c)
			want := at
			if isDigit(byte(c)) {
				want = len(b)
			}
			if got := digitsEnd(b, 0); got != want {
				t.Errorf("digitsEnd(%q, 0) = %d, want %d", b, got, want)
			}
		}
	}
}

// compareTape checks token i (and its subtree) against the decoder's next tokens and
// returns the index after the subtree.
func compareTape(t *testing.T, tp *Tape, i int, dec *json.Decoder) int {
	t.Helper()
	tk := tp.Tokens[i]
	got, err := dec.Token()
	if err != nil {
		t.Fatalf("token %d: decoder: %v", i, err)
	}
	at := int(dec.InputOffset())
	switch tk.Kind {
	case Object, Array:
		open, close := json.Delim('{'), json.Delim('}')
		if tk.Kind == Array {
			open, close = '[', ']'
		}
		if got != open || at != int(tk.Start)+1 || tp.Src[tk.Start] != byte(open) {
			t.Fatalf("token %d: %v at %d, tape has %s at %d", i, got, at, tk.Kind, tk.Start)
		}
		c := i + 1
		for c < int(tk.Next) {
			if tk.Kind == Object {
				key, err := dec.Token()
				if err != nil || tp.Tokens[c].Kind != String || tp.Tokens[c].Flags&FlagKey == 0 ||
					key != string(tp.Text(c, nil)) || int(dec.InputOffset()) != int(tp.Tokens[c].End) {
					t.Fatalf("key token %d: decoder %v (%v) at %d, tape %+v", c, key, err, dec.InputOffset(), tp.Tokens[c])
				}
				c++
			}
			c = compareTape(t, tp, c, dec)
		}
		if c != int(tk.Next) {
			t.Fatalf("token %d: children end at %d, Next is %d", i, c, tk.Next)
		}
		end, err := dec.Token()
		if err != nil || end != close || int(dec.InputOffset()) != int(tk.End) {
			t.Fatalf("token %d: closes with %v (%v) at %d, tape End %d", i, end, err, dec.InputOffset(), tk.End)
		}
		return c
	}
	if int(tk.Next) != i+1 || at != int(tk.End) || tk.Flags&FlagKey != 0 {
		t.Fatalf("token %d: %+v, decoder ends it at %d", i, tk, at)
	}
	raw := tp.Raw(i)
	switch v := got.(type) {
	case string:
		if tk.Kind != String || v != string(tp.Text(i, nil)) || (tk.Flags&FlagEscaped != 0) != (bytes.IndexByte(raw, '\\') >= 0) {
			t.Fatalf("token %d: string %q, tape %s %q flags %d", i, v, tk.Kind, raw, tk.Flags)
		}
	case json.Number:
		if tk.Kind != Number || string(v) != string(raw) {
			t.Fatalf("token %d: number %s, tape %s %q", i, v, tk.Kind, raw)
		}
	case bool:
		if want := map[bool]Kind{true: True, false: False}[v]; tk.Kind != want {
			t.Fatalf("token %d: %v, tape %s", i, v, tk.Kind)
		}
	case nil:
		if tk.Kind != Null {
			t.Fatalf("token %d: null, tape %s", i, tk.Kind)
		}
	default:
		t.Fatalf("token %d: unexpected %T", i, got)
	}
	return i + 1
}
