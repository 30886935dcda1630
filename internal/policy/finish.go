package policy

// finish runs the checks that need the whole policy, then builds the lookup structures.
func (c *compiler) finish() {
	if c.plan.Keys.Hash == nil {
		for _, u := range c.hashUses {
			c.d.errorf(u.n, u.path, "the hash action needs a key: set keys.hash to {file: ...} or {env: ...}")
		}
	}
	c.checkShadowing()
	c.plan.table = newRouteTable(c.plan.Routes)
	c.precomputeDecisions()
}

// precomputeBudget bounds the work of resolving decisions at load time (in rule-resolutions).
// Ordinary policies fit many times over; a huge one resolves the remaining role sets on
// first use instead (still cached, still without locks).
const precomputeBudget = 1 << 20

// precomputeDecisions resolves every side for no roles, each declared role and each
// distinct role set of the callers, so the first request of a caller costs a lookup.
func (c *compiler) precomputeDecisions() {
	sets := [][]string{nil}
	seen := map[string]bool{"": true}
	add := func(set []string) {
		if k := roleKey(set); !seen[k] {
			seen[k] = true
			sets = append(sets, set)
		}
	}
	for _, r := range c.plan.Roles {
		add([]string{r})
	}
	for _, cl := range c.plan.Callers {
		add(cl.Roles)
	}
	budget := precomputeBudget
	for _, r := range c.plan.Routes {
		for _, s := range []*Side{r.Request, r.Response} {
			cost := (len(s.Fields) + len(s.Query) + 1) * len(sets)
			if cost > budget {
				return
			}
			budget -= cost
			s.precompute(sets)
		}
	}
}

// checkShadowing rejects a route that can never be chosen because an earlier one matches
// exactly the same paths, upstream and methods.
func (c *compiler) checkShadowing() {
	type seen struct {
		r *Route
	}
	byShape := map[string][]seen{}
	for _, r := range c.plan.Routes {
		key := r.Upstream.Name + "\x00" + r.pattern.shape()
		for _, prev := range byShape[key] {
			if methodsOverlap(prev.r.Methods, r.Methods) {
				c.d.errorf(&node{line: r.Line, col: r.Col}, r.path,
					"route %q matches the same upstream, path and methods as route %q above, which always wins", r.Name, prev.r.Name)
				break
			}
		}
		byShape[key] = append(byShape[key], seen{r})
	}
}
