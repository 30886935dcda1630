package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

// Load reads and compiles a policy file. Any problem yields a *LoadError listing them all.
// Load has no side effects: it reads the one file and nothing else (not even the key files
// the policy names), so a failed reload leaves everything as it was.
func Load(path string) (*Plan, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		reason := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		}
		return nil, &LoadError{Errors: []PosError{{File: path, Line: 1, Col: 1, Msg: "cannot read the policy: " + reason}}}
	}
	return Parse(path, data)
}

// Parse compiles a policy held in memory; name is used in error positions and as the
// plan's Source.
func Parse(name string, data []byte) (*Plan, error) {
	errs := &errorList{file: name}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	root := parseTree(data, errs)
	if root == nil {
		return nil, errs.err()
	}
	c := newCompiler(errs)
	c.plan.Source = name
	c.compile(root)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return c.plan, nil
}

// compiler turns the resolved YAML tree into a Plan.
type compiler struct {
	d    decoder
	plan *Plan
	// types holds every type id a policy may name: the built-in ones and its recognizers'.
	types map[detect.Type]bool
	// hashUses are the nodes that name the hash action, checked against keys.hash at the end.
	hashUses []use
	// declaredUpstreams holds every upstream name written, valid or not, and upstreamsBroken
	// says the section itself is missing or malformed: routes naming them then stay quiet.
	declaredUpstreams map[string]bool
	upstreamsBroken   bool
}

type use struct {
	n    *node
	path string
}

func newCompiler(errs *errorList) *compiler {
	c := &compiler{
		d:     decoder{errs: errs},
		plan:  &Plan{Upstreams: map[string]*Upstream{}, roleSet: map[string]bool{}, byName: map[string]*Route{}},
		types: map[detect.Type]bool{},

		declaredUpstreams: map[string]bool{},
	}
	for _, t := range detect.BuiltinTypes {
		c.types[t] = true
	}
	return c
}

var topKeys = []string{"version", "roles", "callers", "upstreams", "residency", "keys", "limits", "recognizers", "routes"}

func (c *compiler) compile(root *node) {
	// Top-level keys starting with "x-" are ignored: they hold YAML anchors shared by
	// several routes (as in Compose files). Everything else must be a known key.
	isExtension := func(k string) bool { return strings.HasPrefix(k, "x-") }
	f, ok := c.d.mappingExt(root, "", isExtension, topKeys...)
	if !ok {
		return
	}
	c.d.require(f, root, "", "version", "roles", "upstreams", "routes")
	if v, has := f["version"]; has {
		// Checked first so a file for another version gets that one clear message rather
		// than a list of keys this version does not know.
		if n, ok := c.d.integer(v, "version"); ok && n != 1 {
			c.d.errorf(v, "version", "unsupported version %d (this proxy reads version 1)", n)
			return
		}
		c.plan.Version = 1
	}
	// Order matters: later sections refer to roles, types, upstreams and keys.
	c.roles(f["roles"])
	c.recognizers(f["recognizers"])
	c.upstreams(f["upstreams"])
	c.residency(f["residency"])
	c.keys(f["keys"])
	c.plan.Limits = c.limits(f["limits"], "limits", DefaultLimits)
	c.callers(f["callers"])
	c.routes(f["routes"])
	c.finish()
}

var roleName = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,63}$`)

func (c *compiler) roles(n *node) {
	if n == nil {
		return
	}
	items, ok := c.d.list(n, "roles")
	if !ok {
		return
	}
	items = c.d.capped(items, "roles", maxRoles, "roles")
	if len(items) == 0 {
		c.d.errorf(n, "roles", "declare at least one role")
	}
	for i, it := range items {
		p := index("roles", i)
		s, ok := c.d.nonEmpty(it, p)
		if !ok {
			continue
		}
		switch {
		case !roleName.MatchString(s):
			c.d.errorf(it, p, "role %q: a role is a lower-case letter then up to 63 of a-z, 0-9, _ or -", clip(s))
		case s == "default":
			c.d.errorf(it, p, `"default" is reserved: it names the roles an action map does not list`)
		case c.types[detect.Type(s)]:
			c.d.errorf(it, p, "role %q has the name of a PII type; pick another so action maps stay unambiguous", s)
		case c.plan.roleSet[s]:
			c.d.errorf(it, p, "role %q is declared twice", s)
		default:
			c.plan.roleSet[s] = true
			c.plan.Roles = append(c.plan.Roles, s)
		}
	}
}

// roleRef checks a role named outside `roles`.
func (c *compiler) roleRef(n *node, path string) (string, bool) {
	s, ok := c.d.nonEmpty(n, path)
	if !ok {
		return "", false
	}
	if !c.plan.roleSet[s] {
		c.d.errorf(n, path, "unknown role %q (declare it under roles)", clip(s))
		return "", false
	}
	return s, true
}

// typeRef checks a PII type id (built-in or from recognizers).
func (c *compiler) typeRef(n *node, path string) (detect.Type, bool) {
	s, ok := c.d.nonEmpty(n, path)
	if !ok {
		return "", false
	}
	if !c.types[detect.Type(s)] {
		msg := fmt.Sprintf("unknown PII type %q", clip(s))
		if hint := closest(s, c.typeNames()); hint != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", hint)
		}
		c.d.errorf(n, path, "%s", msg)
		return "", false
	}
	return detect.Type(s), true
}

func (c *compiler) typeNames() []string {
	out := make([]string, 0, len(c.types))
	for t := range c.types {
		out = append(out, string(t))
	}
	slices.Sort(out) // closest picks the first of equally close names: keep it stable
	return out
}

// typeList reads a list of PII types without duplicates.
func (c *compiler) typeList(n *node, path string) TypeSet {
	items, ok := c.d.list(n, path)
	if !ok {
		return nil
	}
	items = c.d.capped(items, path, maxShortList, "types")
	var out TypeSet
	for i, it := range items {
		t, ok := c.typeRef(it, index(path, i))
		if !ok {
			continue
		}
		if out.Has(t) {
			c.d.errorf(it, index(path, i), "type %q is listed twice", t)
			continue
		}
		out = append(out, t)
	}
	return out
}
