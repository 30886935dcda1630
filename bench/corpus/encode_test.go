package corpus

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// A value with everything a writer may escape, and spans around the awkward parts.
func trickyDoc() (*object, map[string]text) {
	vals := map[string]text{
		"ascii":    pii("email", "taiman.chan@example.com"),
		"cjk":      {s: "身份證A123456(3)，電話 9123 4567", spans: []span{{"hkid", 9, 19}, {"hk_phone", 29, 38}}},
		"controls": {s: "line1\nline2\t\"quoted\" \\ back\x01 </tag> & 2028:\u2028 😀 end", spans: []span{{"x", 0, 5}, {"y", 59, 63}}},
		"slash":    pii("address", "Flat B, 12/F, 688 Nathan Road"),
	}
	o := obj()
	inner := obj().set("deep.key", vals["cjk"])
	o.set("ascii", vals["ascii"]).set("nested", obj().set("arr", array{vals["controls"], num(42), boolean(true), null{}, inner}))
	o.set("slash", vals["slash"]).set("empty", obj()).set("none", array{})
	return o, vals
}

func allStyles() []style {
	var out []style
	for _, l := range []layout{layoutCompact, layoutPretty, layoutMixed} {
		for _, esc := range []style{{}, {escNonASCII: true, upperHex: true}, {escSlash: true, escAt: true}, {escHTML: true}} {
			for _, o := range []keyOrder{orderAsBuilt, orderSorted, orderShuffled, orderNudged} {
				st := esc
				st.layout, st.order, st.indent, st.inlineFrom = l, o, "  ", 2
				st.spaced = l == layoutMixed
				out = append(out, st)
			}
		}
	}
	return out
}

func TestWriterRoundTripsEveryStyle(t *testing.T) {
	root, vals := trickyDoc()
	paths := map[string]text{"ascii": vals["ascii"], "nested.arr.0": vals["controls"], "nested.arr.4.deep\\.key": vals["cjk"], "slash": vals["slash"]}
	for i, st := range allStyles() {
		data, truth := newWriter(st, rand.New(rand.NewPCG(uint64(i), 1))).document(root)
		if !json.Valid(data) {
			t.Fatalf("style %+v: invalid JSON:\n%s", st, data)
		}
		for p, want := range paths {
			if got := gjson.GetBytes(data, p).String(); got != want.s {
				t.Fatalf("style %+v: %s decodes to %q, want %q", st, p, got, want.s)
			}
		}
		if len(truth) != 6 {
			t.Fatalf("style %+v: %d truth entries, want 6", st, len(truth))
		}
		for _, l := range truth {
			want, ok := paths[l.path]
			if !ok {
				t.Fatalf("style %+v: truth path %q unexpected", st, l.path)
			}
			found := false
			for _, sp := range want.spans {
				found = found || sp == l.span
			}
			if !found {
				t.Fatalf("style %+v: span %+v at %s not among %+v", st, l.span, l.path, want.spans)
			}
		}
		for flag, marker := range map[bool]string{st.escAt: `\u0040`, st.escSlash: `\/`} {
			if flag && !strings.Contains(string(data), marker) {
				t.Errorf("style %+v: no %s in output", st, marker)
			}
		}
		if st.escNonASCII && (strings.ContainsFunc(string(data), func(r rune) bool { return r > 127 }) || !strings.Contains(string(data), `\uD83D\uDE00`)) {
			t.Errorf("style %+v: non-ASCII left unescaped or emoji not a surrogate pair", st)
		}
		if st.layout == layoutCompact && strings.Contains(string(data), "\n") {
			t.Errorf("style %+v: newline in compact output", st)
		}
	}
}

// Spans of a document embedded in a string land on the same text in the outer decoded value.
func TestEmbedMovesSpans(t *testing.T) {
	_, vals := trickyDoc()
	inner := obj().set("text", vals["cjk"]).set("n", num(7)).set("mail", vals["ascii"])
	for i, st := range allStyles() {
		st.layout = layoutCompact
		emb := embed(inner, st, rand.New(rand.NewPCG(uint64(i), 2)))
		if !json.Valid([]byte(emb.s)) {
			t.Fatalf("embedded text is not JSON: %s", emb.s)
		}
		if len(emb.spans) != 3 {
			t.Fatalf("%d spans, want 3", len(emb.spans))
		}
		for _, sp := range emb.spans {
			frag := emb.s[sp.start:sp.end]
			var dec string
			if err := json.Unmarshal([]byte(`"`+frag+`"`), &dec); err != nil {
				t.Fatalf("span %+v is not a clean fragment: %q", sp, frag)
			}
			if !strings.Contains(vals["cjk"].s+vals["ascii"].s, dec) {
				t.Fatalf("span %+v holds %q, not a labelled value", sp, dec)
			}
		}
		// Written into an outer document, the spans must survive outer escaping too.
		data, truth := newWriter(style{escNonASCII: true, escAt: true}, nil).document(obj().set("msgParam", emb))
		outer := gjson.GetBytes(data, "msgParam").String()
		if outer != emb.s || len(truth) != 3 {
			t.Fatalf("outer decoding changed the embedded text or lost spans")
		}
	}
}

func TestEscapeKey(t *testing.T) {
	for in, want := range map[string]string{
		"name": "name", "deep.key": `deep\.key`, "a*b?c": `a\*b\?c`, "#": `\#`, "@at": `\@at`, "a|b": `a\|b`, `a\b`: `a\\b`, "英文名": "英文名",
	} {
		if got := escapeKey(in); got != want {
			t.Errorf("escapeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzEscapeKey: any key, escaped, is a gjson path that selects exactly that member.
func FuzzEscapeKey(f *testing.F) {
	for _, s := range []string{"a.b", "*", "?x", "#", "@this", "a|b", `\`, "英文名", "0", "a b", "(x)", "a=b", "!true", "{0", "[1]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, k string) {
		// Keys decoded from JSON are valid UTF-8 (encoding/json would replace bad bytes).
		if k == "" || !utf8.ValidString(k) {
			return
		}
		doc, err := json.Marshal(map[string]any{k: "v", "other": map[string]string{k: "w"}})
		if err != nil {
			return
		}
		if got := gjson.GetBytes(doc, escapeKey(k)).String(); got != "v" {
			t.Errorf("key %q: path %q selects %q", k, escapeKey(k), got)
		}
		if got := gjson.GetBytes(doc, "other."+escapeKey(k)).String(); got != "w" {
			t.Errorf("key %q: nested path selects %q", k, got)
		}
	})
}
