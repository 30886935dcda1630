package rewrite

import (
	"reflect"
	"testing"
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
