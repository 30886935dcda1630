package policy

import "testing"

// BenchmarkMatchFor is the per-request policy work of the proxy: find the route, then the
// caller's decisions for both directions. It must not allocate.
func BenchmarkMatchFor(b *testing.B) {
	p, err := Load("../../policies/demo.yaml")
	if err != nil {
		b.Fatal(err)
	}
	calls := []struct{ upstream, method, path string }{
		{"oapi", "POST", "/topapi/v2/user/get"},                           // exact
		{"api", "GET", "/v1.0/contact/users/Qm7iSZx8JdFiiE2YtPz0aFwiEiE"}, // param (allocates its map)
		{"api", "POST", "/v1.0/hrm/rosters/lists/query"},
	}
	roles := []string{"payroll"}
	b.Run("exact", func(b *testing.B) {
		b.ReportAllocs()
		c := calls[0]
		for b.Loop() {
			r, _, ok := p.Match(c.upstream, c.method, c.path)
			if !ok {
				b.Fatal("no route")
			}
			_ = r.Request.For(roles)
			_ = r.Response.For(roles)
		}
	})
	b.Run("param", func(b *testing.B) {
		b.ReportAllocs()
		c := calls[1]
		for b.Loop() {
			r, params, ok := p.Match(c.upstream, c.method, c.path)
			if !ok || params["unionId"] == "" {
				b.Fatal("no route")
			}
			_ = r.Response.For([]string{"hr_admin"})
		}
	})
	b.Run("multi-role", func(b *testing.B) {
		b.ReportAllocs()
		c := calls[2]
		multi := []string{"payroll", "admin"}
		for b.Loop() {
			r, _, _ := p.Match(c.upstream, c.method, c.path)
			_ = r.Response.For(multi)
		}
	})
}

// BenchmarkLoadDemo is the cost of a (re)load of the demo policy.
func BenchmarkLoadDemo(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load("../../policies/demo.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
