package rewrite

import (
	"reflect"
	"slices"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
)

func TestStatsMerge(t *testing.T) {
	for _, tc := range []struct {
		name  string
		sides []Stats
		want  Stats
	}{
		{name: "nothing", sides: []Stats{{}, {}}, want: Stats{}},
		{
			name:  "response only",
			sides: []Stats{{}, {Types: map[string]int{"hkid": 2}, Actions: map[string]int{"mask": 2}, Paths: []string{"a"}}},
			want:  Stats{Types: map[string]int{"hkid": 2}, Actions: map[string]int{"mask": 2}, Paths: []string{"a"}},
		},
		{
			name: "both sides add up, paths and tokens unique",
			sides: []Stats{
				{Types: map[string]int{"hkid": 1}, Actions: map[string]int{"tokenize": 1}, Paths: []string{"a"}, Tokens: []string{"tok_x"}},
				{Types: map[string]int{"hkid": 1, "email": 3}, Actions: map[string]int{"reveal": 1, "redact": 3}, Paths: []string{"a", "b"}, Tokens: []string{"tok_x"}},
			},
			want: Stats{
				Types:   map[string]int{"hkid": 2, "email": 3},
				Actions: map[string]int{"tokenize": 1, "reveal": 1, "redact": 3},
				Paths:   []string{"a", "b"},
				Tokens:  []string{"tok_x"},
			},
		},
		{
			name: "three sides (query, request, response)",
			sides: []Stats{
				{Types: map[string]int{"cn_mobile": 1}, Actions: map[string]int{"mask": 1}},
				{},
				{Types: map[string]int{"cn_mobile": 1}, Actions: map[string]int{"mask": 1}, Paths: []string{"r"}},
			},
			want: Stats{Types: map[string]int{"cn_mobile": 2}, Actions: map[string]int{"mask": 2}, Paths: []string{"r"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s Stats
			for _, o := range tc.sides {
				s.Merge(o)
			}
			if !reflect.DeepEqual(s, tc.want) {
				t.Fatalf("merged %+v, want %+v", s, tc.want)
			}
		})
	}
}

// TestTemplatePathHints checks the hinted path recording against building every template.
func TestTemplatePathHints(t *testing.T) {
	src := `{"result":{"list":[{"title":"a","x.y":"b","k\u0065y":"c","key":"d","j":"{\"in\":[{\"title\":\"e\"}]}"},` +
		`{"title":"f","x.y":"g","key":"h","kfy":"i","j":"{\"in\":[{\"title\":\"k\"}]}","sub":[{"title":"l"},[{"title":"m"}]]}],` +
		`"other":[{"title":"n","key":"o"},{"key":"p"}]},"title":"q","arr":[["r",{"title":"s"}]]}`
	var tp jsonlex.Tape
	if err := jsonlex.Lex([]byte(src), &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	var hinted, built tally
	var buf []byte
	visits := 0
	v := visitFunc(func(n *jsonwalk.Node) jsonwalk.Verdict {
		if k := n.Kind(); k == jsonlex.Object || k == jsonlex.Array || n.JSON {
			return jsonwalk.Keep
		}
		for range 2 { // the second time through, hints are set
			buf = hinted.templatePath(n, buf)
			p := n.AppendPathTemplate(nil, true)
			if len(p) > 0 {
				if _, ok := built.pathSet[string(p)]; !ok {
					built.addPath(string(p))
				}
			}
		}
		visits++
		return jsonwalk.Keep
	})
	if err := jsonwalk.New(jsonwalk.Options{}).Walk(&tp, v); err != nil {
		t.Fatal(err)
	}
	if visits != 18 || !slices.Equal(hinted.paths, built.paths) {
		t.Fatalf("%d values\nhinted %q\nbuilt  %q", visits, hinted.paths, built.paths)
	}
}

type visitFunc func(n *jsonwalk.Node) jsonwalk.Verdict

func (f visitFunc) Visit(n *jsonwalk.Node) jsonwalk.Verdict { return f(n) }
