package policy

import "slices"

// routeTable indexes routes per upstream so Match does one map lookup for exact paths and
// short scans for the (few) param and prefix routes.
type routeTable struct {
	ups map[string]*upstreamRoutes
}

type upstreamRoutes struct {
	exact    map[string][]*Route // file order within one path
	params   []*Route            // most specific first
	prefixes []*Route            // longest prefix first
}

func newRouteTable(routes []*Route) *routeTable {
	t := &routeTable{ups: map[string]*upstreamRoutes{}}
	for _, r := range routes {
		u := t.ups[r.Upstream.Name]
		if u == nil {
			u = &upstreamRoutes{exact: map[string][]*Route{}}
			t.ups[r.Upstream.Name] = u
		}
		switch r.pattern.kind {
		case patExact:
			u.exact[r.pattern.text] = append(u.exact[r.pattern.text], r)
		case patParam:
			u.params = append(u.params, r)
		case patPrefix:
			u.prefixes = append(u.prefixes, r)
		}
	}
	for _, u := range t.ups {
		slices.SortStableFunc(u.params, func(a, b *Route) int {
			switch {
			case a.pattern.moreSpecific(&b.pattern):
				return -1
			case b.pattern.moreSpecific(&a.pattern):
				return 1
			}
			return 0
		})
		slices.SortStableFunc(u.prefixes, func(a, b *Route) int {
			return len(b.pattern.text) - len(a.pattern.text)
		})
	}
	return t
}

// Match finds the route for a call, with its path parameters (nil when the pattern has
// none). No match means the call is refused (403): nothing passes that a route does not
// name. path is the decoded URL path; a non-canonical path (empty, "." or ".." segments,
// backslashes) never matches. Match allocates only to return parameters.
func (p *Plan) Match(upstream, method, path string) (*Route, map[string]string, bool) {
	if p == nil || p.table == nil || !canonicalPath(path) {
		return nil, nil, false
	}
	u := p.table.ups[upstream]
	if u == nil {
		return nil, nil, false
	}
	for _, r := range u.exact[path] {
		if r.AllowsMethod(method) {
			return r, nil, true
		}
	}
	for _, r := range u.params {
		if r.AllowsMethod(method) && r.pattern.matchParams(path) {
			return r, r.pattern.capture(path), true
		}
	}
	for _, r := range u.prefixes {
		if r.AllowsMethod(method) && r.pattern.matchPrefix(path) {
			return r, nil, true
		}
	}
	return nil, nil, false
}

// methodsOverlap reports whether two method lists (nil = every method) share a method.
func methodsOverlap(a, b []string) bool {
	if a == nil || b == nil {
		return true
	}
	for _, m := range a {
		if slices.Contains(b, m) {
			return true
		}
	}
	return false
}
