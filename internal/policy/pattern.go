package policy

import (
	"fmt"
	"strings"
)

// Route path patterns, as written in `match.path`:
//
//	/topapi/v2/user/get              exact
//	/v1.0/contact/users/{unionId}    {name} matches exactly one non-empty segment
//	/v1.0/robot/**                   the prefix itself and everything below it
//
// When several routes match, exact beats param beats prefix; among param patterns a literal
// segment beats a parameter at the first position where they differ; among prefixes the
// longest wins.

type patternKind uint8

const (
	patExact patternKind = iota
	patParam
	patPrefix
)

type pathSegment struct {
	lit   string // literal text, or the parameter name when param
	param bool
}

type pathPattern struct {
	kind   patternKind
	text   string        // exact path, or the prefix without "/**" ("" for "/**")
	segs   []pathSegment // patParam only
	params int           // number of parameters
}

// shape identifies patterns that match exactly the same paths (parameter names ignored).
func (p *pathPattern) shape() string {
	switch p.kind {
	case patExact:
		return "=" + p.text
	case patPrefix:
		return "*" + p.text
	}
	var b strings.Builder
	b.WriteByte('{')
	for _, s := range p.segs {
		b.WriteByte('/')
		if s.param {
			b.WriteString("{}")
		} else {
			b.WriteString(s.lit)
		}
	}
	return b.String()
}

// parsePattern checks and compiles a route path pattern.
func parsePattern(s string) (pathPattern, error) {
	if !strings.HasPrefix(s, "/") {
		return pathPattern{}, fmt.Errorf("must start with /")
	}
	if s == "/**" {
		return pathPattern{kind: patPrefix, text: ""}, nil
	}
	body, prefix := strings.CutSuffix(s, "/**")
	if body == "/" {
		return pathPattern{kind: patExact, text: "/"}, nil
	}
	raw := strings.Split(body[1:], "/")
	segs := make([]pathSegment, 0, len(raw))
	names := map[string]bool{}
	for i, seg := range raw {
		switch {
		case seg == "":
			return pathPattern{}, fmt.Errorf("segment %d is empty (// or a trailing /)", i+1)
		case seg == "." || seg == "..":
			return pathPattern{}, fmt.Errorf("segment %d is a dot segment", i+1)
		case seg == "**":
			return pathPattern{}, fmt.Errorf("** is only allowed as the last segment")
		case strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}"):
			name := seg[1 : len(seg)-1]
			if !validParamName(name) {
				return pathPattern{}, fmt.Errorf("parameter %q: a name is a letter or _ then letters, digits or _", clip(name))
			}
			if prefix {
				return pathPattern{}, fmt.Errorf("a prefix pattern (/**) cannot hold {parameters}")
			}
			if names[name] {
				return pathPattern{}, fmt.Errorf("parameter {%s} appears twice", name)
			}
			names[name] = true
			segs = append(segs, pathSegment{lit: name, param: true})
		default:
			if c, bad := badLiteralChar(seg); bad {
				return pathPattern{}, fmt.Errorf("segment %d holds %q: use {name} for a parameter and a final /** for a prefix", i+1, c)
			}
			segs = append(segs, pathSegment{lit: seg})
		}
	}
	switch {
	case prefix:
		return pathPattern{kind: patPrefix, text: body}, nil
	case len(names) == 0:
		return pathPattern{kind: patExact, text: body}, nil
	}
	return pathPattern{kind: patParam, text: body, segs: segs, params: len(names)}, nil
}

func validParamName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// badLiteralChar finds a character that has no place in a literal path segment: pattern
// syntax, query or fragment markers, white space, control characters, backslashes.
func badLiteralChar(seg string) (string, bool) {
	for _, r := range seg {
		switch {
		case r <= ' ' || r == 0x7f:
			return string(r), true
		case strings.ContainsRune(`{}*?#\%`, r):
			return string(r), true
		}
	}
	return "", false
}

// canonicalPath reports whether a request path is in canonical form. Anything else (empty
// or dot segments, backslashes) never matches a route: the upstream might read it
// differently from the matcher, so it is refused rather than guessed at.
func canonicalPath(p string) bool {
	if len(p) == 0 || p[0] != '/' || strings.IndexByte(p, '\\') >= 0 || strings.Contains(p, "//") {
		return false
	}
	if !strings.Contains(p, "/.") {
		return true // the common case: no segment can be "." or ".."
	}
	return !strings.Contains(p, "/./") && !strings.Contains(p, "/../") &&
		!strings.HasSuffix(p, "/.") && !strings.HasSuffix(p, "/..")
}

// matchParams reports whether path fits the pattern's segments, without allocating.
func (p *pathPattern) matchParams(path string) bool {
	rest := path[1:]
	for i, s := range p.segs {
		seg, tail, more := strings.Cut(rest, "/")
		if seg == "" {
			return false
		}
		if !s.param && seg != s.lit {
			return false
		}
		last := i == len(p.segs)-1
		if last != !more {
			return false
		}
		rest = tail
	}
	return true
}

// capture returns the parameter values of a path that matchParams accepted.
func (p *pathPattern) capture(path string) map[string]string {
	out := make(map[string]string, p.params)
	rest := path[1:]
	for _, s := range p.segs {
		seg, tail, _ := strings.Cut(rest, "/")
		if s.param {
			out[s.lit] = seg
		}
		rest = tail
	}
	return out
}

// matchPrefix reports whether path is the prefix itself or lies below it.
func (p *pathPattern) matchPrefix(path string) bool {
	if p.text == "" {
		return true
	}
	if !strings.HasPrefix(path, p.text) {
		return false
	}
	return len(path) == len(p.text) || path[len(p.text)] == '/'
}

// moreSpecific orders param patterns: a literal beats a parameter at the first position
// where the two differ.
func (p *pathPattern) moreSpecific(q *pathPattern) bool {
	for i := 0; i < len(p.segs) && i < len(q.segs); i++ {
		if p.segs[i].param != q.segs[i].param {
			return !p.segs[i].param
		}
	}
	return len(p.segs) > len(q.segs)
}
