package fieldpath

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/tidwall/gjson"
)

func TestCompileErrors(t *testing.T) {
	for _, tc := range []struct {
		path string
		off  int
	}{
		{"", 0}, {".a", 0}, {"a.", 0}, {"a..b", 2}, {"@this", 0}, {"a|b", 1}, {"[a,b]", 0}, {"{a}", 0},
		{"list.#", 5}, {"list.#x", 6}, {"list.#(a==", 5}, {"list.#(a==\"x).b", 5}, {"a.#(b.#(c==1))", 4},
		{"a.#(b==x)", 5}, {"a\\", 1}, {"a(b", 1},
	} {
		_, err := Compile(tc.path)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Compile(%q) = %v, want *Error", tc.path, err)
			continue
		}
		if pe.Offset != tc.off {
			t.Errorf("Compile(%q) offset %d, want %d (%v)", tc.path, pe.Offset, tc.off, err)
		}
	}
}

func TestCompileSegments(t *testing.T) {
	p, err := Compile(`result.#.field_data_list.#(field_code=="sys02-certNo")#.field_value_list.0.va\.lue`)
	if err != nil {
		t.Fatal(err)
	}
	kinds := []SegKind{SegKey, SegAll, SegKey, SegQuery, SegKey, SegKey, SegKey}
	if len(p.Segs) != len(kinds) {
		t.Fatalf("%d segments", len(p.Segs))
	}
	for i, k := range kinds {
		if p.Segs[i].Kind != k {
			t.Fatalf("segment %d kind %d want %d", i, p.Segs[i].Kind, k)
		}
	}
	q := p.Segs[3].Query
	if !q.All || q.Op != "==" || q.Lit.Str != "sys02-certNo" || !slices.Equal(q.Path, []string{"field_code"}) {
		t.Fatalf("query %+v", q)
	}
	if p.Segs[5].Index != 0 || p.Segs[6].Key != "va.lue" {
		t.Fatalf("segments %+v", p.Segs[5:])
	}
}

// walkMatches returns the start offsets of every value matched by p, using the Set walk.
func walkMatches(t *testing.T, doc string, p *Path) []string {
	t.Helper()
	var tp jsonlex.Tape
	if err := jsonlex.Lex([]byte(doc), &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	set, err := NewSet([]*Path{p})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(tok, d int, m uint64)
	walk = func(tok, d int, m uint64) {
		if set.Done(m, d) != 0 {
			got = append(got, string(tp.Raw(tok)))
			return
		}
		kind := tp.Tokens[tok].Kind
		if kind != jsonlex.Object && kind != jsonlex.Array {
			return
		}
		idx := 0
		tp.Children(tok, func(c int) bool {
			if kind == jsonlex.Object {
				if m2 := set.Step(m, d, &tp, tok, c, -1, c+1); m2 != 0 {
					walk(c+1, d+1, m2)
				}
			} else {
				if m2 := set.Step(m, d, &tp, tok, -1, idx, c); m2 != 0 {
					walk(c, d+1, m2)
				}
				idx++
			}
			return true
		})
	}
	walk(0, 0, set.Root())
	return got
}

// gjsonMatches flattens what gjson selects into raw values. Paths with '#' make gjson build
// (nested) arrays of the selected values; the test documents select only scalars, so every
// array in the result is one of those.
func gjsonMatches(doc, path string) []string {
	r := gjson.Get(doc, path)
	var out []string
	var add func(r gjson.Result)
	add = func(r gjson.Result) {
		if !r.Exists() {
			return
		}
		if r.IsArray() {
			r.ForEach(func(_, v gjson.Result) bool { add(v); return true })
			return
		}
		out = append(out, r.Raw)
	}
	add(r)
	return out
}

const rosterDoc = `{"result":[{"userid":"a","field_data_list":[
 {"field_code":"sys00-name","field_value_list":[{"label":"陳大文","value":"陳大文"}]},
 {"field_code":"sys02-certNo","field_value_list":[{"label":"A123456(3)","value":"A123456(3)"},{"value":"B"}]},
 {"field_code":"sys02-certNo","field_value_list":[{"value":"C"}]}]},
 {"userid":"b","field_data_list":[{"field_code":"sys02-certNo","field_value_list":[{"value":"D"}]}],"n":5,"ok":true}],
 "list":[{"mobile":"1","e.x":{"k":2}},{"mobile":"3","age":40},{"name":"x","age":50}]}`

func TestMatchesAgreeWithGJSON(t *testing.T) {
	for _, path := range []string{
		`result.0.userid`, `result.#.userid`, `list.#.mobile`, `list.1.mobile`, `list.#.e\.x.k`,
		`result.#.field_data_list.#.field_value_list.#.value`,
		`result.#.field_data_list.#(field_code=="sys02-certNo")#.field_value_list.#.value`,
		`list.#(age>45).name`, `list.#(age>=40)#.age`, `list.#(mobile%"?")#.mobile`, `list.#(mobile!="1")#.mobile`,
		`result.#(ok==true)#.n`, `li*.#.mob?le`, `result.#(n)#.userid`,
	} {
		p, err := Compile(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		got := walkMatches(t, rosterDoc, p)
		want := gjsonMatches(rosterDoc, path)
		if !slices.Equal(got, want) {
			t.Errorf("%s: walk %v, gjson %v", path, got, want)
		}
	}
}

func FuzzCompile(f *testing.F) {
	for _, s := range []string{"a.b", `a.#(b=="c")#.d`, `x\.y.*`, "a.#.b", "#(", `a.#(b%"x*")`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Compile(s)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("Compile(%q): bad error %v", s, err)
			}
			return
		}
		if p.String() != s || len(p.Segs) == 0 {
			t.Fatalf("Compile(%q) = %+v", s, p)
		}
		walkMatches(t, rosterDoc, p) // must not panic
	})
}

// TestSetManyLiterals checks the literal-key table with few and many keys at one depth, of
// equal lengths and equal first and last bytes (they share hash slots).
func TestSetManyLiterals(t *testing.T) {
	for _, n := range []int{3, 16, MaxRules} {
		var paths []*Path
		doc := `{"x":{`
		for i := range n {
			p, err := Compile(fmt.Sprintf("x.k%02d", i))
			if err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
			doc += fmt.Sprintf(`"k%02d":%d,"j%02d":0,"k%02d0":0,`, i, i, i, i)
		}
		doc += `"k":-1,"kk99":-2}}`
		var tp jsonlex.Tape
		if err := jsonlex.Lex([]byte(doc), &tp, jsonlex.Options{}); err != nil {
			t.Fatal(err)
		}
		set, err := NewSet(paths)
		if err != nil {
			t.Fatal(err)
		}
		m1 := set.Step(set.Root(), 0, &tp, 0, 1, -1, 2)
		if m1 != set.Root() {
			t.Fatalf("n=%d: x matched %b", n, m1)
		}
		matched := 0
		tp.Children(2, func(c int) bool {
			m2 := set.Step(m1, 1, &tp, 2, c, -1, c+1)
			key := string(tp.RawString(c))
			switch {
			case key[0] == 'k' && len(key) == 3:
				var i int
				fmt.Sscanf(key[1:], "%d", &i)
				if m2 != 1<<i {
					t.Errorf("n=%d: %s matched %b, want bit %d", n, key, m2, i)
				}
				matched++
			case m2 != 0:
				t.Errorf("n=%d: %s matched %b", n, key, m2)
			}
			return true
		})
		if matched != n {
			t.Errorf("n=%d: %d keys seen", n, matched)
		}
	}
}

// TestStepKeyAgreesWithStep: a walk that passes the decoded key (StepKey) takes the lookup
// alone when only literal keys are left, and so does Members for a whole object; the state
// must be the one Step computes (and DoneAt must agree with Done).
func TestStepKeyAgreesWithStep(t *testing.T) {
	doc := `{"a":{"b":1,"x\u0062":[{"c":2,"d":3},{"c":4}],"1":5},"list":[{"name":"n","v":1},{"name":"m"}],"ab":{"b":6}}`
	var paths []*Path
	for _, s := range []string{"a.b", "a.xb.#.c", "a.*.#.d", "list.#.name", "list.1.name", "a?.b", `list.#(name=="m").name`, "a.1", "ab.b"} {
		p, err := Compile(s)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	set, err := NewSet(paths)
	if err != nil {
		t.Fatal(err)
	}
	var tp jsonlex.Tape
	if err := jsonlex.Lex([]byte(doc), &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	steps, members := 0, 0
	var walk func(tok, d int, m uint64)
	walk = func(tok, d int, m uint64) {
		kind := tp.Tokens[tok].Kind
		if kind != jsonlex.Object && kind != jsonlex.Array {
			return
		}
		idx := 0
		tp.Children(tok, func(c int) bool {
			key, val := -1, c
			var text []byte
			if kind == jsonlex.Object {
				key, val, text = c, c+1, tp.Text(c, nil)
			}
			want := set.Step(m, d, &tp, tok, key, idx, val)
			if got := set.StepKey(m, d, &tp, tok, key, text, idx, val); got != want {
				t.Errorf("depth %d, child %d: StepKey %b, Step %b", d, val, got, want)
			}
			if ms, ok := set.Members(m, d); ok && kind == jsonlex.Object {
				if got := ms.Step(text); got != want {
					t.Errorf("depth %d, child %d: Members.Step %b, Step %b", d, val, got, want)
				}
				members++
			}
			if got, want := want&set.DoneAt(d+1), set.Done(want, d+1); got != want {
				t.Errorf("depth %d, child %d: DoneAt %b, Done %b", d, val, got, want)
			}
			steps++
			walk(val, d+1, want)
			idx++
			return true
		})
	}
	walk(0, 0, set.Root())
	if steps < 15 || members < 5 {
		t.Fatalf("only %d steps, %d by Members", steps, members)
	}
}
