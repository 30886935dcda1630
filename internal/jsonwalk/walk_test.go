package jsonwalk

import (
	"bytes"
	"encoding/json"
	"hash/fnv"
	"reflect"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/tidwall/gjson"
)

type funcVisitor func(n *Node) Verdict

func (f funcVisitor) Visit(n *Node) Verdict { return f(n) }

func rewrite(t *testing.T, src string, opts Options, v Visitor) (string, bool) {
	t.Helper()
	var tp jsonlex.Tape
	if err := jsonlex.Lex([]byte(src), &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	out, changed, err := New(opts).Rewrite(&tp, v, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out) {
		t.Fatalf("output is not valid JSON: %s", out)
	}
	return string(out), changed
}

func sameJSON(t *testing.T, got, want string) {
	t.Helper()
	var a, b any
	if err := json.Unmarshal([]byte(got), &a); err != nil {
		t.Fatalf("got %s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &b); err != nil {
		t.Fatalf("want %s: %v", want, err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestUnchangedIsIdentical(t *testing.T) {
	src := `{ "a" : [1, "x\u0040y", {"b": null}], "msg": "{\"k\":\"v\"}" }`
	var tp jsonlex.Tape
	if err := jsonlex.Lex([]byte(src), &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	out, changed, err := New(Options{}).Rewrite(&tp, funcVisitor(func(*Node) Verdict { return Keep }), nil)
	if err != nil || changed || &out[0] != &tp.Src[0] {
		t.Fatalf("unchanged walk: changed=%v err=%v, output is a copy: %v", changed, err, &out[0] != &tp.Src[0])
	}
}

func dropKeys(keys ...string) Visitor {
	return funcVisitor(func(n *Node) Verdict {
		for _, k := range keys {
			if string(n.Key()) == k && n.KeyTok >= 0 {
				return Drop
			}
		}
		return Keep
	})
}

func TestDrop(t *testing.T) {
	for _, tc := range []struct{ src, drop, want string }{
		{`{"a":1,"b":2,"c":3}`, "a", `{"b":2,"c":3}`},
		{`{"a":1,"b":2,"c":3}`, "b", `{"a":1,"c":3}`},
		{`{"a":1,"b":2,"c":3}`, "c", `{"a":1,"b":2}`},
		{`{"a":1}`, "a", `{}`},
		{`{ "a" : 1 , "b" : 2 }`, "a,b", `{}`},
		{`{"a":1,"b":2,"c":3,"d":4}`, "b,c", `{"a":1,"d":4}`},
		{`{"a":1,"b":2,"c":3,"d":4}`, "c,d", `{"a":1,"b":2}`},
		{`{"a":1,"b":2,"c":3,"d":4}`, "a,b", `{"c":3,"d":4}`},
		{`{"a":1,"b":2,"c":3,"d":4}`, "a,c", `{"b":2,"d":4}`},
		{`{"a":1,"b":2,"c":3,"d":4}`, "a,d", `{"b":2,"c":3}`},
		{`{"x":{"a":[1,2],"b":"s"},"a":{"q":1}}`, "a", `{"x":{"b":"s"}}`},
		{`[{"a":1,"b":2},{"a":3}]`, "a", `[{"b":2},{}]`},
		// true, false and null, kept without a visit, between dropped members.
		{`{"a":1,"t":true,"c":3}`, "a,c", `{"t":true}`},
		{`{"f":false,"a":1,"n":null}`, "a", `{"f":false,"n":null}`},
		{`{"a":1,"b":2,"n":null}`, "a,b", `{"n":null}`},
		{`{"n":null,"a":1,"b":2}`, "a,b", `{"n":null}`},
	} {
		got, changed := rewrite(t, tc.src, Options{}, dropKeys(strings.Split(tc.drop, ",")...))
		if !changed {
			t.Errorf("%s drop %s: not changed", tc.src, tc.drop)
		}
		sameJSON(t, got, tc.want)
	}
}

func TestDropArrayElements(t *testing.T) {
	v := funcVisitor(func(n *Node) Verdict {
		if n.Index >= 0 && strings.HasPrefix(string(n.Text), "x") {
			return Drop
		}
		return Keep
	})
	for src, want := range map[string]string{
		`["x1","a","x2","b","x3"]`: `["a","b"]`,
		`["x1","x2"]`:              `[]`,
		`["a","x1"]`:               `["a"]`,
		`[ "x1" , "a" ]`:           `["a"]`,
	} {
		got, _ := rewrite(t, src, Options{}, v)
		sameJSON(t, got, want)
	}
}

func TestReplaceAndNestedJSON(t *testing.T) {
	src := `{"msgParam":"{\"content\":\"call 9123 4567\",\"title\":\"t\"}","n":5,"deep":"[\"{\\\"x\\\":\\\"secret\\\"}\"]"}`
	v := funcVisitor(func(n *Node) Verdict {
		switch string(n.Text) {
		case "call 9123 4567":
			n.Repl = jsonlex.AppendString(nil, []byte("call [PHONE]"))
			return Replace
		case "secret":
			n.Repl = []byte(`"[X]"`)
			return Replace
		}
		return Keep
	})
	got, _ := rewrite(t, src, Options{}, v)
	sameJSON(t, got, `{"msgParam":"{\"content\":\"call [PHONE]\",\"title\":\"t\"}","n":5,"deep":"[\"{\\\"x\\\":\\\"[X]\\\"}\"]"}`)
}

func TestPathsAgreeWithGJSON(t *testing.T) {
	src := `{"result":{"list":[{"mobile":"9","e.x":{"k*":"v"}},{"n":1.5}]},"a\"b":"q","u":"\u0040"}`
	v := funcVisitor(func(n *Node) Verdict {
		if n.JSON || n.Kind() == jsonlex.Object || n.Kind() == jsonlex.Array {
			return Keep
		}
		p := n.Path(false)
		r := gjson.Get(src, p)
		if !r.Exists() || r.Raw != string(n.Tape().Raw(n.Tok)) {
			t.Errorf("path %q selects %q, want %q", p, r.Raw, n.Tape().Raw(n.Tok))
		}
		return Keep
	})
	rewrite(t, src, Options{}, v)
}

func TestLabelsAndOuterOffsets(t *testing.T) {
	src := `{"result":[{"fieldCode":"sys02-certNo","fieldValueList":[{"label":"L","value":"V"}]}],
	 "form":[{"value":"+852 6876 5432","name":"代理人電話"}],
	 "ext":"{\"身份證號碼\":\"A123456(3)\",\"x\":\"\\u0040@\"}"}`
	labels := map[string]string{}
	offsets := map[string][2]int{}
	v := funcVisitor(func(n *Node) Verdict {
		if n.JSON || n.Text == nil {
			return Keep
		}
		labels[string(n.Text)] = string(n.Label())
		if n.Nested() {
			outer := n.Outer()
			s, e := n.OuterOffset(0), n.OuterOffset(len(n.Text))
			offsets[string(n.Text)] = [2]int{s, e}
			if got := string(outer.Text[s:e]); got != `"`+string(n.Text)+`"` && got != string(n.Text) {
				// outer text holds the raw inner JSON string; its decoded span must map
				// to the same characters once inner escapes are decoded
				var dec string
				if err := json.Unmarshal([]byte(`"`+got+`"`), &dec); err != nil || dec != string(n.Text) {
					t.Errorf("outer span %q does not decode to %q", got, n.Text)
				}
			}
			if p := n.Path(true); p != "ext" {
				t.Errorf("outer path %q", p)
			}
		}
		return Keep
	})
	rewrite(t, src, Options{}, v)
	for text, want := range map[string]string{"L": "sys02-certNo", "V": "sys02-certNo", "+852 6876 5432": "代理人電話"} {
		if labels[text] != want {
			t.Errorf("label of %q = %q, want %q", text, labels[text], want)
		}
	}
	if o := offsets["A123456(3)"]; o[1]-o[0] != 10 {
		t.Errorf("offsets of the nested HKID %v", o)
	}
	if o := offsets["@@"]; o[1]-o[0] != 7 {
		t.Errorf("offsets of an escaped nested value %v (want 7 raw bytes)", o)
	}
}

func TestRules(t *testing.T) {
	paths := []string{"result.mobile", "result.list.#.email", "ext.id", "obj"}
	var ps []*fieldpath.Path
	for _, p := range paths {
		c, err := fieldpath.Compile(p)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, c)
	}
	set, _ := fieldpath.NewSet(ps)
	src := `{"result":{"mobile":"1","list":[{"email":"a"},{"email":"b","mobile":"2"}]},"ext":"{\"id\":\"3\"}","obj":{"x":"4"}}`
	hits := map[string]uint64{}
	v := funcVisitor(func(n *Node) Verdict {
		if n.Done != 0 {
			hits[n.Path(false)] = n.Done
			if n.Kind() == jsonlex.Object {
				return Drop
			}
		}
		return Keep
	})
	got, _ := rewrite(t, src, Options{Rules: set}, v)
	want := map[string]uint64{"result.mobile": 1, "result.list.0.email": 2, "result.list.1.email": 2, "ext.id": 4, "obj": 8}
	if !reflect.DeepEqual(hits, want) {
		t.Fatalf("rule hits %v, want %v", hits, want)
	}
	if strings.Contains(got, `"obj"`) {
		t.Fatalf("obj not dropped: %s", got)
	}
}

func TestDepthAcrossNesting(t *testing.T) {
	inner := strings.Repeat("[", 10) + strings.Repeat("]", 10)
	src := string(jsonlex.AppendString([]byte(`{"a":`), []byte(inner))) + "}"
	var tp jsonlex.Tape
	if err := jsonlex.Lex([]byte(src), &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	_, _, err := New(Options{MaxDepth: 8}).Rewrite(&tp, funcVisitor(func(*Node) Verdict { return Keep }), nil)
	if err != ErrTooDeep {
		t.Fatalf("err = %v, want ErrTooDeep", err)
	}
}

// FuzzRewrite drops and replaces values chosen by a hash of their path and checks that the
// output is always valid JSON, and that with no change the output is the input.
func FuzzRewrite(f *testing.F) {
	for _, s := range []string{`{"a":1,"b":[1,2,{"c":"d"}],"e":"{\"f\":[1,2]}"}`, `[1,"x",[],{}]`, `"[1]"`, `{"a":{"b":{"c":"{\"d\":\"e\"}"}}}`} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, src []byte, salt uint8) {
		var tp jsonlex.Tape
		if jsonlex.Lex(src, &tp, jsonlex.Options{}) != nil {
			return
		}
		w := New(Options{})
		out, changed, err := w.Rewrite(&tp, funcVisitor(func(*Node) Verdict { return Keep }), nil)
		if err == nil && (changed || !bytes.Equal(out, src)) {
			t.Fatal("a walk that changes nothing altered the document")
		}
		v := funcVisitor(func(n *Node) Verdict {
			// A path built on its containers' cached paths is the path written out from the
			// root: caches must not outlive their value, slot or document.
			for _, outer := range []bool{false, true} {
				o := n
				if outer {
					o = n.Outer()
				}
				want, _ := o.appendSegs(nil, false)
				if got := n.AppendPath(nil, outer); !bytes.Equal(got, want) {
					t.Fatalf("path %q (outer %v), written out %q", got, outer, want)
				}
				want, _ = o.appendSegs(nil, true)
				if got := n.AppendPathTemplate(nil, outer); !bytes.Equal(got, want) {
					t.Fatalf("path template %q (outer %v), written out %q", got, outer, want)
				}
			}
			h := fnv.New32a()
			h.Write(n.AppendPath(nil, false))
			h.Write([]byte{salt})
			switch h.Sum32() % 5 {
			case 0:
				if n.KeyTok >= 0 || n.Index >= 0 {
					return Drop
				}
			case 1:
				n.Repl = jsonlex.AppendString(nil, append([]byte("r:"), n.Text...))
				return Replace
			case 2:
				return Skip
			}
			return Keep
		})
		out, _, err = w.Rewrite(&tp, v, nil)
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid output %q from %q", out, src)
		}
	})
}

// appendSegs appends the path components from the root down to n without the caches
// AppendPath builds on, the reference FuzzRewrite holds them to. wrote reports whether any
// component was written, so the next one knows to put a '.' first.
func (n *Node) appendSegs(dst []byte, template bool) (out []byte, wrote bool) {
	if n == nil {
		return dst, false
	}
	dst, wrote = n.parent.appendSegs(dst, template)
	return n.appendSeg(dst, wrote, template)
}

// TestNodeFieldsReset guards the field-by-field reset of a reused node slot in container:
// a new Node field must be reset there too, then counted here. (labelRank is the exception:
// fillField sets it with label, and it is read only on the scalars fillField runs for.)
func TestNodeFieldsReset(t *testing.T) {
	if n := reflect.TypeFor[Node]().NumField(); n != 20 {
		t.Fatalf("Node has %d fields: reset the new one in (*doc).container, then update this count", n)
	}
}

// Escaped keys address their member in gjson, whatever special characters they hold.
func TestAppendEscapedKey(t *testing.T) {
	for _, k := range []string{"plain", "a.b", "x*y?z", "#tag", "@at|pipe", `back\slash`, "(p)=!<>%", `q"[]{},`, "..", "姓名.中文"} {
		esc := string(AppendEscapedKey(nil, []byte(k)))
		doc, _ := json.Marshal(map[string]string{k: "v", "other": "w"})
		if got := gjson.GetBytes(doc, esc); got.String() != "v" {
			t.Errorf("key %q escaped as %q selects %q in %s", k, esc, got.String(), doc)
		}
	}
}

// TestNestedHolderAndSiblings: a member of JSON held in a string reaches the string's key
// and label through Holder (its Container chain ends at its document's root), and
// HasSibling compares keys without case, '_' and '-', escaped keys decoded.
func TestNestedHolderAndSiblings(t *testing.T) {
	src := `{"form":[{"name":"地址","value":"{\"addr\":{\"detail\":\"D\"},\"list\":[\"E\"]}"}],
	 "address":"{\"detail\":\"F\"}",
	 "process_instance":{"title":"T","originator\u005fuserid":"u"},
	 "other":{"title":"U","Process-Instance-ID":"p"},
	 "body":{"detail":"G"}}`
	type seen struct {
		holderKey, holderLabel, containers string
		nested                             bool
	}
	got := map[string]seen{}
	sib := map[string]bool{}
	v := funcVisitor(func(n *Node) Verdict {
		if n.JSON || n.Text == nil {
			return Keep
		}
		var s seen
		if h := n.Holder(); h != nil {
			s.holderKey, s.holderLabel = string(h.Key()), string(h.Label())
		}
		for c := n.Container(); c != nil; c = c.Container() {
			s.containers += "/" + string(c.Key())
		}
		s.nested = n.Nested()
		got[string(n.Text)] = s
		sib[string(n.Text)] = n.HasSibling("originatorUserId", "processInstanceId")
		return Keep
	})
	rewrite(t, src, Options{}, v)
	want := map[string]seen{
		"D": {"value", "地址", "/addr/value", true}, // the nested root has the holder's key
		"E": {"value", "地址", "/list/value", true},
		"F": {"address", "", "/address", true},
		"T": {"", "", "/process_instance/", false},
		"G": {"", "", "/body/", false},
	}
	for text, w := range want {
		if got[text] != w {
			t.Errorf("%q: got %+v, want %+v", text, got[text], w)
		}
	}
	// "u" and "p" are the listed members themselves: a member is not its own sibling.
	for text, w := range map[string]bool{"T": true, "U": true, "u": false, "p": false, "D": false, "E": false, "G": false} {
		if sib[text] != w {
			t.Errorf("HasSibling of %q = %v, want %v", text, sib[text], w)
		}
	}
}

// TestNavigationDoesNotAllocate: Holder, Container and HasSibling (escaped keys too) run for
// values on the hot path.
func TestNavigationDoesNotAllocate(t *testing.T) {
	src := []byte(`{"r":{"title":"T","process\u005finstance\u005fid":"p","x":"{\"detail\":\"D\"}"}}`)
	var tp jsonlex.Tape
	if err := jsonlex.Lex(src, &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	w := New(Options{})
	hits := 0
	v := funcVisitor(func(n *Node) Verdict {
		if n.HasSibling("processInstanceId") {
			hits++
		}
		for c := n.Container(); c != nil; c = c.Container() {
			if h := c.Holder(); h != nil && KeyIs(h.Key(), "x") {
				hits++
			}
		}
		return Keep
	})
	if err := w.Walk(&tp, v); err != nil {
		t.Fatal(err)
	}
	if allocs := testing.AllocsPerRun(100, func() { _ = w.Walk(&tp, v) }); allocs != 0 {
		t.Fatalf("walk with navigation: %v allocations", allocs)
	}
	if hits == 0 {
		t.Fatal("navigation found nothing")
	}
}

func TestKeyIs(t *testing.T) {
	for _, tt := range []struct {
		key, name string
		want      bool
	}{
		{"process_instance_id", "processInstanceId", true},
		{"Process-Instance-ID", "processInstanceId", true},
		{"processInstanceIds", "processInstanceId", false},
		{"_", "", true},
		{"", "x", false},
		{"line_1", "line1", true},
	} {
		if got := KeyIs([]byte(tt.key), tt.name); got != tt.want {
			t.Errorf("KeyIs(%q, %q) = %v", tt.key, tt.name, got)
		}
	}
}

func TestNormKey(t *testing.T) {
	var buf [8]byte
	for _, tt := range []struct{ key, want string }{
		{"process_Instance-Id", ""}, // longer than the buffer: no match
		{"Line_1", "line1"},
		{"DETAIL", "detail"},
		{"--", ""},
	} {
		if got := string(NormKey(buf[:0], []byte(tt.key))); got != tt.want {
			t.Errorf("NormKey(%q) = %q, want %q", tt.key, got, tt.want)
		}
		if tt.want != "" && !KeyIs([]byte(tt.key), tt.want) {
			t.Errorf("KeyIs(%q, %q) disagrees with NormKey", tt.key, tt.want)
		}
	}
}
