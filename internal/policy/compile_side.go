package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
)

type direction uint8

const (
	dirRequest direction = iota
	dirResponse
)

func (d direction) String() string {
	if d == dirRequest {
		return "request"
	}
	return "response"
}

var queryParam = regexp.MustCompile(`^[A-Za-z0-9_.~\[\]-]{1,128}$`)

// side compiles one direction of a route. An absent direction scans the whole body and
// redacts whatever it finds, for every role: the safe reading of "nothing was said".
func (c *compiler) side(n *node, p string, dir direction, r *Route) *Side {
	s := &Side{Scan: true, Detected: uniform(ActionRedact)}
	if n == nil {
		return s
	}
	f, ok := c.d.mapping(n, p, "fields", "query", "detected", "block_types", "scan")
	if !ok {
		return s
	}
	if v, has := f["scan"]; has {
		if b, ok := c.d.boolean(v, join(p, "scan")); ok {
			s.Scan = b
		}
	}
	var detectedNode *node
	if v, has := f["detected"]; has {
		detectedNode = v
		s.Detected = c.roleActions(v, join(p, "detected"), dir, true)
	}
	if v, has := f["block_types"]; has {
		s.BlockTypes = c.typeList(v, join(p, "block_types"))
	}
	var ruleNodes []use // the action node of each rule, for the residency check
	if v, has := f["fields"]; has {
		items, _ := c.d.list(v, join(p, "fields"))
		// The rewrite engine matches all of a direction's paths in one machine word.
		items = c.d.capped(items, join(p, "fields"), fieldpath.MaxRules, "field rules per direction")
		paths := map[string]int{}
		for i, it := range items {
			ip := index(join(p, "fields"), i)
			if fr, an := c.fieldRule(it, ip, dir, paths, i); fr != nil {
				s.Fields = append(s.Fields, fr)
				ruleNodes = append(ruleNodes, use{an, ip})
			}
		}
	}
	var queryNodes []use
	if v, has := f["query"]; has {
		if dir == dirResponse {
			c.d.errorf(v, join(p, "query"), "query rules apply to requests only (responses have no query string)")
		} else {
			items, _ := c.d.list(v, join(p, "query"))
			items = c.d.capped(items, join(p, "query"), maxQueryRules, "query rules per request")
			for i, it := range items {
				ip := index(join(p, "query"), i)
				if qr, an := c.queryRule(it, ip, dir, s); qr != nil {
					s.Query = append(s.Query, qr)
					queryNodes = append(queryNodes, use{an, ip})
				}
			}
		}
	}
	if dir == dirRequest && r != nil && r.Upstream != nil && r.Upstream.Region != "" && c.plan.Residency.CrossBorder(r.Upstream) {
		c.checkForbidClear(s, p, r, detectedNode, ruleNodes, queryNodes)
	}
	return s
}

// ruleParts is what field and query rules have in common.
type ruleParts struct {
	typ          detect.Type
	scan         bool
	actions      RoleActions
	fromDetected bool
	actionNode   *node
}

// ruleBody reads type, action and scan, and checks they make sense together: a rule either
// gives actions, or a type whose detected action applies, or asks for a scan.
func (c *compiler) ruleBody(f fields, at *node, p string, dir direction) (ruleParts, bool) {
	var rp ruleParts
	good := true
	if v, has := f["type"]; has {
		if t, ok := c.typeRef(v, join(p, "type")); ok {
			rp.typ = t
		} else {
			good = false
		}
	}
	if v, has := f["scan"]; has {
		if b, ok := c.d.boolean(v, join(p, "scan")); ok {
			rp.scan = b
		} else {
			good = false
		}
	}
	_, hasType := f["type"]
	v, hasAction := f["action"]
	switch {
	case rp.scan && hasAction:
		c.d.errorf(v, join(p, "action"), "a scan rule takes its actions from detected; remove action or scan")
		good = false
	case rp.scan && hasType:
		c.d.errorf(f["type"], join(p, "type"), "a scan rule lets the detectors find the types; remove type or scan")
		good = false
	case hasAction:
		rp.actions = c.roleActions(v, join(p, "action"), dir, false)
		rp.actionNode = v
	case hasType:
		rp.fromDetected = true
		rp.actionNode = f["type"]
	case !rp.scan:
		c.d.errorf(at, p, "give an action, a type (to apply detected's action for it), or scan: true")
		good = false
	}
	return rp, good
}

func (c *compiler) fieldRule(n *node, p string, dir direction, paths map[string]int, i int) (*FieldRule, *node) {
	f, ok := c.d.mapping(n, p, "path", "type", "action", "scan")
	if !ok || !c.d.require(f, n, p, "path") {
		return nil, nil
	}
	good := true
	fr := &FieldRule{Line: n.line, Col: n.col}
	if text, ok := c.d.nonEmpty(f["path"], join(p, "path")); ok {
		path, err := fieldpath.Compile(text)
		switch {
		case err != nil:
			c.d.errorf(f["path"], join(p, "path"), "%v", err)
			good = false
		default:
			if j, dup := paths[text]; dup {
				c.d.errorf(f["path"], join(p, "path"), "same path as rule %d above, which always wins", j)
				good = false
			} else {
				paths[text] = i
			}
			fr.Path, fr.PathText = path, text
		}
	} else {
		good = false
	}
	rp, ok := c.ruleBody(f, n, p, dir)
	if !ok || !good {
		return nil, nil
	}
	fr.Type, fr.Scan, fr.Actions, fr.fromDetected = rp.typ, rp.scan, rp.actions, rp.fromDetected
	return fr, rp.actionNode
}

func (c *compiler) queryRule(n *node, p string, dir direction, s *Side) (*QueryRule, *node) {
	f, ok := c.d.mapping(n, p, "param", "type", "action", "scan")
	if !ok || !c.d.require(f, n, p, "param") {
		return nil, nil
	}
	good := true
	qr := &QueryRule{Line: n.line, Col: n.col}
	if name, ok := c.d.nonEmpty(f["param"], join(p, "param")); ok {
		switch {
		case !queryParam.MatchString(name):
			c.d.errorf(f["param"], join(p, "param"), "%q is not a query parameter name", clip(name))
			good = false
		case slices.ContainsFunc(s.Query, func(q *QueryRule) bool { return q.Param == name }):
			c.d.errorf(f["param"], join(p, "param"), "parameter %q already has a rule above", name)
			good = false
		default:
			qr.Param = name
		}
	} else {
		good = false
	}
	rp, ok := c.ruleBody(f, n, p, dir)
	if !ok || !good {
		return nil, nil
	}
	qr.Type, qr.Scan, qr.Actions, qr.fromDetected = rp.typ, rp.scan, rp.actions, rp.fromDetected
	return qr, rp.actionNode
}

// roleActions reads `action` (perType false) or `detected` (perType true): one action for
// everybody, or a mapping of role (or default) to an action or, for detected, to a
// per-type mapping. Roles not listed get default; without default they get redact.
func (c *compiler) roleActions(n *node, p string, dir direction, perType bool) RoleActions {
	if n != nil && n.kind == kindScalar {
		return uniform(c.action(n, p, dir))
	}
	if n == nil || n.kind != kindMap {
		c.d.errorf(n, p, "must be an action or a mapping of role to action, not %s", kindOf(n))
		return uniform(ActionRedact)
	}
	ra := RoleActions{Roles: map[string]TypeActions{}, Default: TypeActions{Default: ActionRedact}}
	for i, k := range n.keys {
		key, val := k.text, n.vals[i]
		kp := join(p, keyPart(key))
		switch {
		case key == "default":
			ra.Default = c.typeActions(val, kp, dir, perType)
		case c.plan.roleSet[key]:
			ra.Roles[key] = c.typeActions(val, kp, dir, perType)
		case perType && c.types[detect.Type(key)]:
			c.d.errorf(k, kp, "%q is a PII type, not a role: per-type actions go under a role or default, as in default: {%s: mask, default: redact}", key, key)
		case !perType && c.types[detect.Type(key)]:
			c.d.errorf(k, kp, "%q is a PII type, not a role: a field rule names its type with type:", key)
		default:
			c.d.errorf(k, kp, "unknown role %q (declare it under roles, or use default)", clip(key))
		}
	}
	return ra
}

// typeActions reads one role's entry: an action, or (perType) a mapping of type to action
// with an optional default (redact when absent).
func (c *compiler) typeActions(n *node, p string, dir direction, perType bool) TypeActions {
	if n != nil && n.kind == kindScalar {
		return TypeActions{Default: c.action(n, p, dir)}
	}
	if !perType || n == nil || n.kind != kindMap {
		if perType {
			c.d.errorf(n, p, "must be an action or a mapping of PII type to action, not %s", kindOf(n))
		} else {
			c.d.errorf(n, p, "must be an action, not %s (per-type actions belong in detected)", kindOf(n))
		}
		return TypeActions{Default: ActionRedact}
	}
	ta := TypeActions{Default: ActionRedact}
	for i, k := range n.keys {
		key, val := k.text, n.vals[i]
		kp := join(p, keyPart(key))
		if key == "default" {
			ta.Default = c.action(val, kp, dir)
			continue
		}
		t, ok := c.typeRef(k, kp)
		if !ok {
			continue
		}
		ta.Types = append(ta.Types, TypeAction{Type: t, Action: c.action(val, kp, dir)})
	}
	slices.SortFunc(ta.Types, func(a, b TypeAction) int { return strings.Compare(string(a.Type), string(b.Type)) })
	return ta
}

// action reads one action keyword valid in dir.
func (c *compiler) action(n *node, p string, dir direction) Action {
	s, ok := c.d.str(n, p)
	if !ok {
		return ActionRedact
	}
	a, err := ParseAction(s)
	if err != nil {
		c.d.errorf(n, p, "%v", err)
		return ActionRedact
	}
	switch {
	case a == ActionReveal && dir == dirRequest:
		c.d.errorf(n, p, "reveal applies to responses only: a request would send the real values to DingTalk")
		return ActionRedact
	case a == ActionHash:
		c.hashUses = append(c.hashUses, use{n, p})
	}
	return a
}

// checkForbidClear refuses, at load time, a request side that would send a forbid_clear
// type in clear across the border: the proxy would otherwise refuse every such call at
// run time, which is a policy bug better found by `policy check`.
func (c *compiler) checkForbidClear(s *Side, p string, r *Route, detectedNode *node, ruleNodes, queryNodes []use) {
	forbid := c.plan.Residency.ForbidClear
	if len(forbid) == 0 {
		return
	}
	roles := c.plan.Roles
	if r.Roles != nil {
		roles = slices.DeleteFunc(slices.Clone(roles), func(x string) bool { return !r.Roles[x] })
	}
	where := fmt.Sprintf("upstream %s (region %s)", r.Upstream.Name, r.Upstream.Region)
	report := func(at *node, path string, typ detect.Type, who []string) {
		c.d.errorf(at, path, "%s would send %s in clear to %s; residency.forbid_clear forbids it", describeRoles(who), typ, where)
	}
	scanned := s.Scan
	check := func(typ detect.Type, scan, fromDetected bool, actions RoleActions, at *node, path string) {
		if scan {
			scanned = true
			return
		}
		if !forbid.Has(typ) || fromDetected {
			return
		}
		var who []string
		for _, role := range roles {
			if actions.ForRole(role).Default == ActionAllow {
				who = append(who, role)
			}
		}
		if len(who) > 0 {
			report(at, path, typ, who)
		}
	}
	for i, fr := range s.Fields {
		check(fr.Type, fr.Scan, fr.fromDetected, fr.Actions, ruleNodes[i].n, join(ruleNodes[i].path, "action"))
	}
	for i, qr := range s.Query {
		check(qr.Type, qr.Scan, qr.fromDetected, qr.Actions, queryNodes[i].n, join(queryNodes[i].path, "action"))
	}
	typed := slices.ContainsFunc(s.Fields, func(f *FieldRule) bool { return f.fromDetected }) ||
		slices.ContainsFunc(s.Query, func(q *QueryRule) bool { return q.fromDetected })
	if !scanned && !typed {
		return // detected actions are never used on this side
	}
	at, path := detectedNode, join(p, "detected")
	if at == nil {
		return // the default (redact) sends nothing in clear
	}
	for _, typ := range forbid {
		var who []string
		for _, role := range roles {
			if s.Detected.ForRole(role).For(typ) == ActionAllow {
				who = append(who, role)
			}
		}
		if len(who) > 0 {
			report(at, path, typ, who)
		}
	}
}

func describeRoles(roles []string) string {
	if len(roles) == 1 {
		return "role " + roles[0]
	}
	return "roles " + strings.Join(roles, ", ")
}
