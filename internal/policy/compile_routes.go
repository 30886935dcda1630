package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

var (
	routeName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)
	mediaType = regexp.MustCompile(`^[a-z0-9][a-z0-9!#$&^_.+-]*/([a-z0-9][a-z0-9!#$&^_.+-]*|\*)$`)
)

var knownMethods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// DefaultInspect are the media ranges a route inspects unless it says otherwise.
var DefaultInspect = []string{"application/json", "application/x-www-form-urlencoded", "text/*"}

var routeKeys = []string{"name", "match", "roles", "content_types", "limits", "rate_limit", "retention", "request", "response"}

func (c *compiler) routes(n *node) {
	if n == nil {
		return
	}
	items, ok := c.d.list(n, "routes")
	if !ok {
		return
	}
	items = c.d.capped(items, "routes", maxRoutes, "routes")
	names := map[string]string{}
	for i, it := range items {
		p := index("routes", i)
		if r := c.route(it, p, names); r != nil {
			c.plan.Routes = append(c.plan.Routes, r)
			c.plan.byName[r.Name] = r
			names[r.Name] = p
		}
	}
}

func (c *compiler) route(n *node, p string, names map[string]string) *Route {
	f, ok := c.d.mapping(n, p, routeKeys...)
	if !ok {
		return nil
	}
	// A missing name or match fails the route, but the rest is still checked so every
	// problem shows up in one run.
	good := c.d.require(f, n, p, "name", "match")
	r := &Route{Line: n.line, Col: n.col, Limits: c.plan.Limits, Inspect: slices.Clone(DefaultInspect), path: p}
	if f["name"] == nil {
		// reported by require
	} else if s, ok := c.d.nonEmpty(f["name"], join(p, "name")); ok {
		switch {
		case !routeName.MatchString(s):
			c.d.errorf(f["name"], join(p, "name"), "a route name is a lower-case letter or digit then up to 63 of a-z, 0-9, '.', '_' or '-'")
			good = false
		case names[s] != "":
			c.d.errorf(f["name"], join(p, "name"), "route name %q is already used by %s", s, names[s])
			good = false
		default:
			r.Name = s
		}
	} else {
		good = false
	}
	if f["match"] != nil && !c.match(f["match"], join(p, "match"), r) {
		good = false
	}
	if v, has := f["roles"]; has {
		r.Roles = map[string]bool{}
		items, ok := c.d.list(v, join(p, "roles"))
		items = c.d.capped(items, join(p, "roles"), maxRoles, "roles")
		if ok && len(items) == 0 {
			c.d.errorf(v, join(p, "roles"), "an empty list would refuse every caller; remove the route instead")
			good = false
		}
		for j, it := range items {
			if role, ok := c.roleRef(it, index(join(p, "roles"), j)); ok {
				r.Roles[role] = true
			} else {
				good = false
			}
		}
	}
	if v, has := f["content_types"]; has {
		c.contentTypes(v, join(p, "content_types"), r)
	}
	if v, has := f["limits"]; has {
		r.Limits = c.limits(v, join(p, "limits"), c.plan.Limits)
	}
	if v, has := f["rate_limit"]; has {
		r.RateLimit = c.rateLimit(v, join(p, "rate_limit"))
	}
	if v, has := f["retention"]; has {
		pp := join(p, "retention")
		if s, ok := c.d.str(v, pp); ok {
			d, err := time.ParseDuration(s)
			switch {
			case err != nil:
				c.d.errorf(v, pp, "%q is not a duration (such as 720h)", clip(s))
			case d < time.Hour || d > 100*365*24*time.Hour:
				c.d.errorf(v, pp, "must be between 1h and 100 years")
			default:
				r.Retention = d
			}
		}
	}
	r.Request = c.side(f["request"], join(p, "request"), dirRequest, r)
	r.Response = c.side(f["response"], join(p, "response"), dirResponse, r)
	if !good {
		return nil
	}
	return r
}

func (c *compiler) match(n *node, p string, r *Route) bool {
	f, ok := c.d.mapping(n, p, "upstream", "method", "path")
	if !ok {
		return false
	}
	good := c.d.require(f, n, p, "upstream", "method", "path")
	if f["upstream"] == nil {
		// reported by require
	} else if s, ok := c.d.nonEmpty(f["upstream"], join(p, "upstream")); ok {
		if u := c.plan.Upstreams[s]; u != nil {
			r.Upstream = u
		} else if c.upstreamsBroken || c.declaredUpstreams[s] {
			// The upstream section (or this upstream) already has an error; repeating it
			// for every route would only bury it.
			good = false
		} else {
			msg := fmt.Sprintf("unknown upstream %q", clip(s))
			if hint := closest(s, c.upstreamNames()); hint != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", hint)
			}
			c.d.errorf(f["upstream"], join(p, "upstream"), "%s", msg)
			good = false
		}
	} else {
		good = false
	}
	if f["method"] != nil {
		methods, ok := c.methods(f["method"], join(p, "method"))
		good = good && ok
		r.Methods = methods
	}
	if f["path"] == nil {
		// reported by require
	} else if s, ok := c.d.nonEmpty(f["path"], join(p, "path")); ok {
		pat, err := parsePattern(s)
		if err != nil {
			c.d.errorf(f["path"], join(p, "path"), "%v", err)
			good = false
		} else {
			r.Pattern, r.pattern = s, pat
		}
	} else {
		good = false
	}
	return good
}

func (c *compiler) upstreamNames() []string {
	out := make([]string, 0, len(c.plan.Upstreams))
	for k := range c.plan.Upstreams {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// methods reads one method, a list, or "*" (every method, returned as nil).
func (c *compiler) methods(n *node, p string) ([]string, bool) {
	var items []*node
	var paths []string
	switch {
	case n != nil && n.kind == kindSeq:
		if len(n.items) == 0 {
			c.d.errorf(n, p, "list at least one method")
			return nil, false
		}
		items = n.items
		for i := range items {
			paths = append(paths, index(p, i))
		}
	default:
		items, paths = []*node{n}, []string{p}
	}
	var out []string
	good := true
	for i, it := range items {
		s, ok := c.d.nonEmpty(it, paths[i])
		if !ok {
			good = false
			continue
		}
		switch {
		case s == "*":
			if len(items) > 1 {
				c.d.errorf(it, paths[i], `"*" stands alone, not in a list`)
				good = false
			}
			return nil, good
		case slices.Contains(knownMethods, s):
			if slices.Contains(out, s) {
				c.d.errorf(it, paths[i], "method %s is listed twice", s)
				good = false
				continue
			}
			out = append(out, s)
		case slices.Contains(knownMethods, strings.ToUpper(s)):
			c.d.errorf(it, paths[i], "method %q must be upper case (%s)", clip(s), strings.ToUpper(s))
			good = false
		default:
			c.d.errorf(it, paths[i], "unknown method %q (want one of %s, or \"*\")", clip(s), strings.Join(knownMethods, ", "))
			good = false
		}
	}
	return out, good
}

func (c *compiler) contentTypes(n *node, p string, r *Route) {
	f, ok := c.d.mapping(n, p, "inspect", "passthrough")
	if !ok {
		return
	}
	inspected := map[string]bool{}
	read := func(key string) []string {
		v, has := f[key]
		if !has {
			return nil
		}
		list, nodes, _ := c.d.strList(v, join(p, key))
		var out []string
		for i, s := range list {
			at := nodes[i]
			ip := index(join(p, key), indexOf(v.items, at))
			switch {
			case key == "passthrough" && s == "*/*":
				c.d.errorf(at, ip, "*/* would forward every body uninspected; list the binary types instead")
			case s != "*/*" && !mediaType.MatchString(s):
				c.d.errorf(at, ip, "%q is not a lower-case media type or range (such as application/json or text/*)", clip(s))
			case key == "passthrough" && inspected[s]:
				c.d.errorf(at, ip, "%s is also listed under inspect", s)
			default:
				out = append(out, s)
			}
		}
		return out
	}
	if _, has := f["inspect"]; has {
		r.Inspect = read("inspect")
	}
	for _, s := range r.Inspect {
		inspected[s] = true
	}
	r.Passthrough = read("passthrough")
}

// indexOf finds a node among a list's items, for error paths.
func indexOf(items []*node, n *node) int {
	for i, it := range items {
		if it == n {
			return i
		}
	}
	return 0
}
