package policy

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

var customTypeID = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// maxKeywordBytes matches detect.CompileCustom's limit, checked here to point at the keyword.
const maxKeywordBytes = 64

// trimTypePrefix drops the `custom type "x": ` the detect package puts in front of its
// messages: the position and field path already say which recognizer it is.
func trimTypePrefix(msg string, t detect.Type) string {
	return strings.TrimPrefix(msg, fmt.Sprintf("custom type %q: ", t))
}

// recognizers reads custom recognizers. Each pattern is compiled here (through
// detect.CompileCustom, the same code the scanner uses) so a bad pattern fails the load
// with its position instead of failing the proxy later.
func (c *compiler) recognizers(n *node) {
	if n == nil {
		return
	}
	items, ok := c.d.list(n, "recognizers")
	if !ok {
		return
	}
	items = c.d.capped(items, "recognizers", maxRecognizers, "recognizers")
	for i, it := range items {
		p := index("recognizers", i)
		f, ok := c.d.mapping(it, p, "type", "pattern", "keywords", "score", "slow")
		if !ok || !c.d.require(f, it, p, "type", "pattern") {
			continue
		}
		var cr detect.CustomRecognizer
		good := true
		if s, ok := c.d.nonEmpty(f["type"], join(p, "type")); ok {
			tp := join(p, "type")
			switch {
			case !customTypeID.MatchString(s):
				c.d.errorf(f["type"], tp, "type %q: a type id is a lower-case letter then up to 31 of a-z, 0-9 or _", clip(s))
				good = false
			case isBuiltin(detect.Type(s)):
				c.d.errorf(f["type"], tp, "type %q is built in; give the custom recognizer its own id", s)
				good = false
			case c.types[detect.Type(s)]:
				c.d.errorf(f["type"], tp, "type %q is defined twice", s)
				good = false
			case c.plan.roleSet[s] || s == "default":
				c.d.errorf(f["type"], tp, "type %q has the name of a role; pick another so action maps stay unambiguous", s)
				good = false
			default:
				// Known from here on even if the pattern fails, so rules naming the type
				// do not add a second, misleading error.
				cr.Type = detect.Type(s)
				c.types[cr.Type] = true
			}
		} else {
			good = false
		}
		if s, ok := c.d.nonEmpty(f["pattern"], join(p, "pattern")); ok {
			cr.Pattern = s
		} else {
			good = false
		}
		if v, has := f["keywords"]; has {
			kw, nodes, ok := c.d.strList(v, join(p, "keywords"))
			good = good && ok
			for j, k := range kw {
				if len(k) > maxKeywordBytes {
					c.d.errorf(nodes[j], index(join(p, "keywords"), indexOf(v.items, nodes[j])), "a keyword is at most %d bytes", maxKeywordBytes)
					good = false
				}
			}
			cr.Keywords = kw
		}
		slowOK := false
		if v, has := f["slow"]; has {
			slowOK, ok = c.d.boolean(v, join(p, "slow"))
			good = good && ok
		}
		if v, has := f["score"]; has {
			if sc, ok := c.d.number(v, join(p, "score")); ok && sc > 0 && sc <= 1 {
				cr.Score = sc
			} else {
				if ok {
					c.d.errorf(v, join(p, "score"), "must be above 0 and at most 1")
				}
				good = false
			}
		}
		if !good {
			continue
		}
		cc, err := detect.CompileCustom(cr)
		if err != nil {
			c.d.errorf(f["pattern"], join(p, "pattern"), "%v", trimTypePrefix(err.Error(), cr.Type))
			continue
		}
		// Lookaround and backreferences need the backtracking engine: linear-time RE2 cannot
		// run them. Such a pattern must be acknowledged with slow: true, so nobody gets a
		// slow scanner by accident; slow: true on an RE2 pattern is a stale marker.
		switch {
		case cc.Slow() && !slowOK:
			c.d.errorf(f["pattern"], join(p, "pattern"), "needs lookaround or a backreference, so it runs on the backtracking regexp2 engine (%v limit per value, far slower than RE2): rewrite it for RE2, or set slow: true to accept", detect.SlowMatchTimeout)
			continue
		case !cc.Slow() && slowOK:
			c.d.errorf(f["slow"], join(p, "slow"), "the pattern runs on linear-time RE2; remove slow: true")
			continue
		}
		c.plan.Recognizers = append(c.plan.Recognizers, cr)
	}
}

func isBuiltin(t detect.Type) bool {
	for _, b := range detect.BuiltinTypes {
		if b == t {
			return true
		}
	}
	return false
}
