package policy

import (
	"net/netip"
	"net/url"
	"regexp"
)

// The sections that describe the proxy's surroundings: upstreams, residency, keys.

var (
	upstreamName = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,31}$`)
	regionCode   = regexp.MustCompile(`^[a-z]{2}$`)
	envName      = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,127}$`)
)

func (c *compiler) upstreams(n *node) {
	if n == nil {
		c.upstreamsBroken = true
		return
	}
	if n.kind != kindMap {
		c.upstreamsBroken = true
		c.d.errorf(n, "upstreams", "must be a mapping of name to {url, region}, not %s", kindOf(n))
		return
	}
	if len(n.keys) == 0 {
		c.d.errorf(n, "upstreams", "declare at least one upstream")
	}
	for i, k := range n.keys {
		if i == maxUpstreams {
			c.d.errorf(k, "upstreams", "at most %d upstreams", maxUpstreams)
			break
		}
		name := k.text
		c.declaredUpstreams[name] = true
		p := join("upstreams", keyPart(name))
		if !upstreamName.MatchString(name) {
			c.d.errorf(k, p, "an upstream name is a lower-case letter then up to 31 of a-z, 0-9, _ or -")
			continue
		}
		f, ok := c.d.mapping(n.vals[i], p, "url", "region")
		if !ok {
			continue
		}
		if !c.d.require(f, n.vals[i], p, "url", "region") {
			continue
		}
		u := &Upstream{Name: name}
		if s, ok := c.d.nonEmpty(f["url"], join(p, "url")); ok {
			u.URL = c.upstreamURL(f["url"], join(p, "url"), s)
		}
		if s, ok := c.d.str(f["region"], join(p, "region")); ok {
			if regionCode.MatchString(s) {
				u.Region = s
			} else {
				c.d.errorf(f["region"], join(p, "region"), "region %q: a two-letter lower-case region code such as cn or hk", clip(s))
			}
		}
		if u.URL != nil && u.Region != "" {
			c.plan.Upstreams[name] = u
		}
	}
}

func (c *compiler) upstreamURL(n *node, path, s string) *url.URL {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		c.d.errorf(n, path, "not a URL")
	case u.Scheme != "http" && u.Scheme != "https":
		c.d.errorf(n, path, "must be an absolute http:// or https:// URL")
	case u.Host == "" || u.Hostname() == "":
		c.d.errorf(n, path, "has no host")
	case u.User != nil:
		// The message must not repeat the URL: it holds a credential.
		c.d.errorf(n, path, "must not hold credentials (user:password@)")
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		c.d.errorf(n, path, "must not have a query or fragment")
	default:
		return u
	}
	return nil
}

func (c *compiler) residency(n *node) {
	r := &c.plan.Residency
	r.HomeRegion = "hk"
	if n == nil {
		return
	}
	f, ok := c.d.mapping(n, "residency", "home_region", "client_networks", "forbid_clear")
	if !ok {
		return
	}
	if v, has := f["home_region"]; has {
		if s, ok := c.d.str(v, "residency.home_region"); ok {
			if regionCode.MatchString(s) {
				r.HomeRegion = s
			} else {
				c.d.errorf(v, "residency.home_region", "region %q: a two-letter lower-case region code such as hk", clip(s))
			}
		}
	}
	if v, has := f["client_networks"]; has {
		nets, nodes, _ := c.d.strList(v, "residency.client_networks")
		for i, s := range nets {
			p := index("residency.client_networks", indexOf(v.items, nodes[i]))
			pfx, err := netip.ParsePrefix(s)
			switch {
			case err != nil:
				c.d.errorf(nodes[i], p, "%q is not a CIDR (such as 10.0.0.0/8)", clip(s))
			case pfx != pfx.Masked():
				c.d.errorf(nodes[i], p, "%q has host bits set (did you mean %s?)", s, pfx.Masked())
			default:
				r.ClientNetworks = append(r.ClientNetworks, pfx)
			}
		}
	}
	if v, has := f["forbid_clear"]; has {
		r.ForbidClear = c.typeList(v, "residency.forbid_clear")
	}
}

func (c *compiler) keys(n *node) {
	if n == nil {
		return
	}
	f, ok := c.d.mapping(n, "keys", "hash")
	if !ok {
		return
	}
	if v, has := f["hash"]; has {
		c.plan.Keys.Hash = c.keySource(v, "keys.hash")
	}
}

func (c *compiler) keySource(n *node, path string) *KeySource {
	f, ok := c.d.mapping(n, path, "file", "env")
	if !ok {
		return nil
	}
	if len(f) != 1 {
		c.d.errorf(n, path, "give exactly one of file or env")
		return nil
	}
	if v, has := f["file"]; has {
		if s, ok := c.d.nonEmpty(v, join(path, "file")); ok {
			return &KeySource{File: s}
		}
		return nil
	}
	s, ok := c.d.nonEmpty(f["env"], join(path, "env"))
	if !ok {
		return nil
	}
	if !envName.MatchString(s) {
		c.d.errorf(f["env"], join(path, "env"), "%q is not an environment variable name", clip(s))
		return nil
	}
	return &KeySource{Env: s}
}
