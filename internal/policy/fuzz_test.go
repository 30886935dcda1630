package policy

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to the loader. Properties: it never panics; a failure is a
// *LoadError whose positions are valid, sorted and unique, and which is reproducible; a
// success is a usable plan (every route reachable through Match, every side resolvable).
func FuzzLoad(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"testdata/bad/*.yaml", "testdata/good/*.yaml", "../../policies/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		seeds = append(seeds, files...)
	}
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(policyWith(matchRoutes)))
	f.Add([]byte("version: 1\nroles: [a]\nupstreams: {u: {url: http://h, region: hk}}\nroutes: [{name: r, match: {upstream: u, method: GET, path: /}}]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yaml", data)
		if err != nil {
			var le *LoadError
			if !errors.As(err, &le) || len(le.Errors) == 0 {
				t.Fatalf("error %T %v is not a non-empty *LoadError", err, err)
			}
			for i, e := range le.Errors {
				if e.File != "fuzz.yaml" || e.Line < 1 || e.Col < 1 || e.Msg == "" || strings.ContainsAny(e.Msg, "\n\r") {
					t.Fatalf("bad error %+v", e)
				}
				if i > 0 {
					prev := le.Errors[i-1]
					if prev == e || prev.Line > e.Line || (prev.Line == e.Line && prev.Col > e.Col) {
						t.Fatalf("errors not sorted/unique: %+v then %+v", prev, e)
					}
				}
			}
			if _, err2 := Parse("fuzz.yaml", data); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("second parse differs:\n%v\nvs\n%v", err, err2)
			}
			return
		}
		if p.Version != 1 || len(p.Roles) == 0 {
			t.Fatalf("plan without version or roles: %+v", p)
		}
		for _, r := range p.Routes {
			if r.Upstream == nil || r.Request == nil || r.Response == nil || r.Name == "" {
				t.Fatalf("incomplete route %+v", r)
			}
			if r.pattern.kind == patExact {
				m := "GET"
				if r.Methods != nil {
					m = r.Methods[0]
				}
				if got, _, ok := p.Match(r.Upstream.Name, m, r.pattern.text); ok && got.pattern.kind == patExact && got != r {
					t.Fatalf("route %s shadowed by %s", r.Name, got.Name)
				} else if !ok && canonicalPath(r.pattern.text) {
					t.Fatalf("route %s unreachable", r.Name)
				}
			}
			for _, s := range []*Side{r.Request, r.Response} {
				for _, roles := range [][]string{nil, p.Roles, {p.Roles[0]}} {
					d := s.For(roles)
					if len(d.Fields) != len(s.Fields) || len(d.Query) != len(s.Query) {
						t.Fatal("decisions do not match the side")
					}
				}
			}
		}
	})
}
