package policy

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Inputs built to exhaust the parser must be refused quickly and with a position.
func TestHostileYAML(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 12; i++ {
		fmt.Fprintf(&bomb, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	var mergeBomb strings.Builder
	mergeBomb.WriteString("m0: &m0 {a: 1, b: 2}\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&mergeBomb, "m%d: &m%d {<<: [*m%d, *m%d], k%d: 1}\n", i, i, i-1, i-1, i)
	}
	var wide strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&wide, "k%d: v\n", i)
	}
	var nestedWide strings.Builder
	nestedWide.WriteString("x-a:\n  inner:\n")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&nestedWide, "    k%d: v\n", i)
	}
	cases := []struct {
		name, src, want string
	}{
		{"wide mapping", wide.String(), "a mapping with more than 1000 keys"},
		{"wide nested mapping", nestedWide.String(), "a mapping with more than 1000 keys"},
		{"billion laughs", bomb.String(), "aliases expand to more than"},
		{"merge-key bomb", mergeBomb.String(), "aliases expand to more than"},
		{"deep flow", "a: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "nesting deeper than 64"},
		{"deep flow maps", "a: " + strings.Repeat("{b: ", 5000) + "1" + strings.Repeat("}", 5000), "nesting deeper than 64"},
		{"dash chain", strings.Repeat("- ", 100000) + "x\n", "nesting deeper than 64"},
		{"too large", "a: '" + strings.Repeat("x", maxPolicyBytes) + "'\n", "larger than"},
		{"alias before anchor", "a: *later\nb: &later 1\n", "refers to no earlier anchor"},
		{"self alias", "a: &x [*x]\n", "refers to no earlier anchor"},
		{"complex key", "? [a, b]\n: 1\n", "YAML syntax"},
		{"flow key", "{a: 1}: x\n", "YAML syntax"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("hostile.yaml", []byte(c.src))
			if elapsed := time.Since(start); elapsed > 3*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error containing %q", err, c.want)
			}
			le := err.(*LoadError)
			for _, e := range le.Errors {
				if e.Line < 1 || e.Col < 1 || e.File != "hostile.yaml" {
					t.Errorf("bad position %+v", e)
				}
			}
		})
	}
}

// Anchors used many times below the expansion budget are fine.
func TestAliasesWithinBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("x-d: &d {hr_admin: reveal, default: redact}\n")
	b.WriteString("routes:\n")
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, "  - {name: r%d, match: {upstream: oapi, method: POST, path: /r/%d}, response: {detected: *d}}\n", i, i)
	}
	src := strings.Replace(b.String(), "routes:\n", "", 1) // header ends with "routes:"
	p := mustParse(t, src)
	if len(p.Routes) != 300 {
		t.Fatalf("routes %d", len(p.Routes))
	}
}

func TestTreeScalars(t *testing.T) {
	errs := &errorList{file: "t"}
	root := parseTree([]byte("s: text\ni: 0x1F\nf: 1.5\nb: true\nn: ~\nl: |\n  line\nq: !!str 12\nk: !!int 3\n"), errs)
	if root == nil || len(errs.errs) != 0 {
		t.Fatalf("parse: %v", errs.errs)
	}
	want := map[string]struct {
		kind   nodeKind
		scalar scalarKind
		text   string
	}{
		"s": {kindScalar, scalarString, "text"}, "i": {kindScalar, scalarInt, "0x1F"}, "f": {kindScalar, scalarFloat, "1.5"},
		"b": {kindScalar, scalarBool, "true"}, "n": {kindNull, 0, ""}, "l": {kindScalar, scalarString, "line\n"},
		"q": {kindScalar, scalarString, "12"}, "k": {kindScalar, scalarInt, "3"},
	}
	for key, w := range want {
		n := root.get(key)
		if n == nil || n.kind != w.kind || (w.kind == kindScalar && (n.scalar != w.scalar || n.text != w.text)) {
			t.Errorf("%s: got %+v, want %+v", key, n, w)
		}
	}
	d := decoder{errs: errs}
	if v, ok := d.integer(root.get("i"), "i"); !ok || v != 31 {
		t.Errorf("hex integer = %d", v)
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"fields", "query", "detected", "block_types", "scan"}
	for in, want := range map[string]string{"field": "fields", "detect": "detected", "detectd": "detected", "blocktypes": "block_types", "x": "", "scna": "scan"} {
		if got := closest(in, keys); got != want {
			t.Errorf("closest(%q) = %q, want %q", in, got, want)
		}
	}
	if got := clip(strings.Repeat("長", 40)); !strings.HasSuffix(got, "…") || len(got) > 52 {
		t.Errorf("clip = %q", got)
	}
}

// TestSuggestKey: an unknown key's suggestion prefers a key the mapping does not have yet,
// and falls back to a present one only when nothing else is close.
func TestSuggestKey(t *testing.T) {
	for _, tc := range []struct {
		unknown string
		present []string
		want    string
	}{
		{"rotes", []string{"version", "roles"}, "routes"},
		{"rotes", []string{"version", "routes"}, "roles"},
		{"rotes", nil, "roles"}, // a tie with nothing present: the first in order, as before
		{"role", []string{"roles"}, "roles"},
		{"upstream", []string{"roles", "upstreams"}, "upstreams"},
		{"x", []string{"roles"}, ""},
	} {
		keys := make([]*node, len(tc.present))
		for i, k := range tc.present {
			keys[i] = &node{kind: kindScalar, text: k}
		}
		if got := suggestKey(tc.unknown, topKeys, keys); got != tc.want {
			t.Errorf("suggestKey(%q) beside %v = %q, want %q", tc.unknown, tc.present, got, tc.want)
		}
	}
	// Through the decoder, as policy check reports it.
	_, err := Parse("p.yaml", []byte("version: 1\nroles: [a]\nupstreams: {oapi: {url: https://oapi.dingtalk.com, region: cn}}\nrotes: []\n"))
	if err == nil || !strings.Contains(err.Error(), `p.yaml:4:1: rotes: unknown key "rotes" (did you mean "routes"?)`) {
		t.Errorf("Parse: %v", err)
	}
}

// Many list items with the same keys are not one wide mapping.
func TestManyListItemsAreNotAWideMapping(t *testing.T) {
	var b strings.Builder
	b.WriteString(header)
	b.WriteString("- name: r0\n  match: {upstream: oapi, method: GET, path: /r0}\n") // indentless list
	for i := 1; i < 1500; i++ {
		fmt.Fprintf(&b, "- name: r%d\n  match:\n    upstream: oapi\n    method: GET\n    path: /r%d\n", i, i)
	}
	p := mustParse(t, b.String())
	if len(p.Routes) != 1500 {
		t.Fatalf("routes %d", len(p.Routes))
	}
}
