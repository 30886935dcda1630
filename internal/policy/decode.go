package policy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// decoder reads the resolved YAML tree into typed values, recording a positioned error for
// every problem and carrying on, so one run reports them all.
type decoder struct {
	errs *errorList
}

func (d *decoder) errorf(n *node, path, format string, args ...any) {
	if n != nil && n.bad {
		return
	}
	d.errs.at(n, path, format, args...)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// keyPart is a mapping key as it appears in a field path: as written when it is a plain
// name, quoted (and shortened) otherwise.
func keyPart(key string) string {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c == '_' || c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return strconv.Quote(clip(key))
		}
	}
	return clip(key)
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// fields is a mapping's accepted entries by key.
type fields map[string]*node

// mapping checks that n is a mapping whose keys are all in allowed and returns its entries.
// An unknown key is an error at the key (with a suggestion when one is close).
func (d *decoder) mapping(n *node, path string, allowed ...string) (fields, bool) {
	return d.mappingExt(n, path, nil, allowed...)
}

// mappingExt is mapping where keys for which extra returns true are accepted and ignored.
func (d *decoder) mappingExt(n *node, path string, extra func(string) bool, allowed ...string) (fields, bool) {
	if n == nil || n.kind != kindMap {
		d.errorf(n, path, "must be a mapping, not %s", kindOf(n))
		return nil, false
	}
	out := make(fields, len(n.keys))
	for i, k := range n.keys {
		if extra != nil && extra(k.text) {
			continue
		}
		if !contains(allowed, k.text) {
			msg := fmt.Sprintf("unknown key %q", clip(k.text))
			if s := suggestKey(k.text, allowed, n.keys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			d.errorf(k, join(path, keyPart(k.text)), "%s", msg)
			continue
		}
		out[k.text] = n.vals[i]
	}
	return out, true
}

// require reports a missing key at the mapping's position.
func (d *decoder) require(f fields, at *node, path string, keys ...string) bool {
	ok := true
	for _, k := range keys {
		if _, has := f[k]; !has {
			d.errorf(at, path, "missing required key %q", k)
			ok = false
		}
	}
	return ok
}

func kindOf(n *node) string {
	if n == nil {
		return "nothing"
	}
	if n.kind == kindScalar && n.scalar == scalarBool {
		return "a boolean"
	}
	return n.kind.String()
}

// str reads text. Numbers are accepted as their written text (a name like 2024 is fine);
// booleans and null are not, so `name: yes` or an empty value is an error.
func (d *decoder) str(n *node, path string) (string, bool) {
	if n == nil || n.kind != kindScalar || n.scalar == scalarBool {
		d.errorf(n, path, "must be text, not %s", kindOf(n))
		return "", false
	}
	return n.text, true
}

// nonEmpty reads text that must not be empty.
func (d *decoder) nonEmpty(n *node, path string) (string, bool) {
	s, ok := d.str(n, path)
	if ok && strings.TrimSpace(s) == "" {
		d.errorf(n, path, "must not be empty")
		return "", false
	}
	return s, ok
}

func (d *decoder) boolean(n *node, path string) (bool, bool) {
	if n == nil || n.kind != kindScalar || n.scalar != scalarBool {
		d.errorf(n, path, "must be true or false")
		return false, false
	}
	switch n.text {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	d.errorf(n, path, "must be true or false")
	return false, false
}

func (d *decoder) integer(n *node, path string) (int64, bool) {
	if n == nil || n.kind != kindScalar || n.scalar != scalarInt {
		d.errorf(n, path, "must be a whole number")
		return 0, false
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(n.text, "_", ""), 0, 64)
	if err != nil {
		d.errorf(n, path, "must be a whole number")
		return 0, false
	}
	return v, true
}

func (d *decoder) number(n *node, path string) (float64, bool) {
	if n == nil || n.kind != kindScalar || (n.scalar != scalarInt && n.scalar != scalarFloat) {
		d.errorf(n, path, "must be a number")
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(n.text, "_", ""), 64)
	if err != nil || v != v {
		d.errorf(n, path, "must be a number")
		return 0, false
	}
	return v, true
}

// list reads a sequence.
func (d *decoder) list(n *node, path string) ([]*node, bool) {
	if n == nil || n.kind != kindSeq {
		d.errorf(n, path, "must be a list, not %s", kindOf(n))
		return nil, false
	}
	return n.items, true
}

// Caps on list lengths. Real policies are far below them; they keep a hostile file from
// making a check take minutes.
const (
	maxRoles       = 256
	maxUpstreams   = 256
	maxCallers     = 10000
	maxRoutes      = 10000
	maxRecognizers = 256
	maxShortList   = 256 // keywords, types, networks, media types
	maxQueryRules  = 64
)

// capped returns at most max items, reporting the first one beyond.
func (d *decoder) capped(items []*node, path string, max int, what string) []*node {
	if len(items) <= max {
		return items
	}
	d.errorf(items[max], index(path, max), "at most %d %s", max, what)
	return items[:max]
}

// strList reads a list of non-empty texts; duplicates are errors. It returns the accepted
// texts with their nodes (same length), for positioned checks by the caller.
func (d *decoder) strList(n *node, path string) ([]string, []*node, bool) {
	items, ok := d.list(n, path)
	if !ok {
		return nil, nil, false
	}
	items = d.capped(items, path, maxShortList, "entries")
	out := make([]string, 0, len(items))
	nodes := make([]*node, 0, len(items))
	seen := make(map[string]bool, len(items))
	for i, it := range items {
		s, ok2 := d.nonEmpty(it, index(path, i))
		if !ok2 {
			ok = false
			continue
		}
		if seen[s] {
			d.errorf(it, index(path, i), "%q is listed twice", clip(s))
			ok = false
			continue
		}
		seen[s] = true
		out = append(out, s)
		nodes = append(nodes, it)
	}
	return out, nodes, ok
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// suggestKey is the allowed key closest to an unknown one, preferring keys the mapping does
// not have yet: "rotes" is as close to "roles" as to "routes", and beside a roles key it was
// meant to be routes. A key already present is still suggested when no other is close
// ("role" beside "roles" is most likely a stray copy of it).
func suggestKey(s string, allowed []string, keys []*node) string {
	absent := make([]string, 0, len(allowed))
	for _, a := range allowed {
		if !slices.ContainsFunc(keys, func(k *node) bool { return k.text == a }) {
			absent = append(absent, a)
		}
	}
	if c := closest(s, absent); c != "" {
		return c
	}
	return closest(s, allowed)
}

// closest returns the candidate within edit distance 2 of s, if exactly one is closest.
func closest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if dist := editDistance(s, c, bestD); dist < bestD {
			best, bestD = c, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance, giving up (returning limit) once it is reached.
func editDistance(a, b string, limit int) int {
	if len(a) > 64 || len(b) > 64 {
		return limit
	}
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
