package rewrite

import (
	"slices"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

// Limits on what one body adds to an audit record.
const (
	maxPaths  = 64
	maxTokens = 256
)

// Stats summarise what a rewrite touched, for the audit record and metrics: counts and
// paths, never values.
type Stats struct {
	Types   map[string]int // findings and typed field values, by PII type
	Actions map[string]int // by action
	Paths   []string       // gjson paths touched (Config.RecordPaths), unique, capped
	Tokens  []string       // vault tokens issued or revealed, unique, capped
}

// tally accumulates a body's counts cheaply (the per-value hot path); Stats, with its maps,
// is built once at the end.
type tally struct {
	types     []typeCount
	actions   [policy.ActionReveal + 1]int
	paths     []string
	seenRules uint64         // field (or query) rules whose path is already in paths
	pathSet   map[string]int // paths[i] -> i
	pathHints [16]pathHint   // by hintSlot of a member's key
	tokens    []string
	tokenSet  map[string]struct{}
	// byRule[i] is where field (or query) rule i's values were last counted: most rules
	// count every value under one type, and finding its entry by this pointer compare
	// spares the search of types (and its byte compares: a rule's type and a recognizer's
	// are spelt in different places) for every value. Entries of an older body (gen) are
	// stale.
	byRule [fieldpath.MaxRules]ruleType
	gen    uint64
}

// ruleType says that a rule's values of type typ (this very string, see sameType) are
// counted in types[i], in the body whose tally gen is gen.
type ruleType struct {
	typ detect.Type
	i   int
	gen uint64
}

type typeCount struct {
	typ detect.Type
	n   int
}

func (t *tally) reset() {
	t.types, t.paths, t.tokens = t.types[:0], nil, nil
	t.actions = [policy.ActionReveal + 1]int{}
	t.seenRules = 0
	t.gen++ // every byRule entry is now stale
	clear(t.pathSet)
	t.pathHints = [16]pathHint{} // they point into the body
	clear(t.tokenSet)
}

func (t *tally) count(typ detect.Type, act policy.Action) {
	if typ != "" {
		found := false
		for i := range t.types {
			if t.types[i].typ == typ {
				t.types[i].n++
				found = true
				break
			}
		}
		if !found {
			t.types = append(t.types, typeCount{typ, 1})
		}
	}
	if int(act) < len(t.actions) {
		t.actions[act]++
	}
}

// countRule is count for a value field (or query) rule idx acted on.
func (t *tally) countRule(idx int, typ detect.Type, act policy.Action) {
	if typ != "" {
		c := &t.byRule[idx]
		if c.gen != t.gen || !sameType(c.typ, typ) {
			*c = ruleType{typ, t.typeIndex(typ), t.gen}
		}
		t.types[c.i].n++
	}
	if int(act) < len(t.actions) {
		t.actions[act]++
	}
}

// typeIndex returns the index of type typ in types, adding it (uncounted) if need be.
func (t *tally) typeIndex(typ detect.Type) int {
	for i := range t.types {
		if t.types[i].typ == typ {
			return i
		}
	}
	t.types = append(t.types, typeCount{typ: typ})
	return len(t.types) - 1
}

// rulePath records the path of field (or query) rule idx once per body.
func (t *tally) rulePath(idx int, path string) {
	if bit := uint64(1) << idx; t.seenRules&bit == 0 {
		t.seenRules |= bit
		t.addPath(path)
	}
}

func (t *tally) addPath(path string) int {
	if path == "" || len(t.paths) >= maxPaths {
		return -1
	}
	if t.pathSet == nil {
		t.pathSet = map[string]int{}
	}
	i, ok := t.pathSet[path]
	if !ok {
		i = len(t.paths)
		t.pathSet[path] = i
		t.paths = append(t.paths, path)
	}
	return i
}

// templatePath records the path template of n (outer, as count reports it), building it in
// buf (returned for reuse) only when n is not known to repeat a template already kept.
//
// Most findings repeat one: a list element's member has the template of the same member of
// every other element (result.list.#.title). Two members with the same raw key in elements
// of the same array token have the same template, so pathHint remembers, for a member of an
// array element, the array, its raw key and the template's index: a hit costs a few loads
// and one short compare instead of writing the path out and hashing it. The slot is chosen
// by the key; a miss (other array, other key, other shape) takes the long way.
func (t *tally) templatePath(n *jsonwalk.Node, buf []byte) []byte {
	if len(t.paths) >= maxPaths {
		return buf
	}
	n = n.Outer() // a node of the body: its tape holds every token below
	arr, key := -1, []byte(nil)
	if n.KeyTok >= 0 {
		if obj := n.Container(); obj != nil && obj.Index >= 0 {
			arr, key = obj.Container().Tok, n.Tape().RawString(n.KeyTok)
		}
	}
	var h *pathHint
	if arr >= 0 {
		h = &t.pathHints[hintSlot(key)]
		if h.path > 0 && h.arr == arr && string(h.key) == string(key) {
			return buf
		}
	}
	buf = n.AppendPathTemplate(buf[:0], true)
	if len(buf) == 0 {
		return buf
	}
	i, ok := t.pathSet[string(buf)]
	if !ok {
		i = t.addPath(string(buf))
	}
	if h != nil && i >= 0 {
		*h = pathHint{arr: arr, key: key, path: i + 1}
	}
	return buf
}

// pathHint says that members named key (raw) of the elements of array token arr have the
// template paths[path-1] (path 0: empty slot). Valid for one body only.
type pathHint struct {
	arr  int
	key  []byte // in the body
	path int
}

// hintSlot picks the pathHints entry of a member key: its length and last byte.
func hintSlot(key []byte) int {
	if len(key) == 0 {
		return 0
	}
	return (len(key)*7 + int(key[len(key)-1])) % len(tally{}.pathHints)
}

func (t *tally) token(tok string) {
	if len(t.tokens) >= maxTokens {
		return
	}
	if t.tokenSet == nil {
		t.tokenSet = map[string]struct{}{}
	}
	if _, ok := t.tokenSet[tok]; !ok {
		t.tokenSet[tok] = struct{}{}
		t.tokens = append(t.tokens, tok)
	}
}

// stats builds the Stats of the body (fresh maps and slices: the tally is pooled).
func (t *tally) stats() Stats {
	var s Stats
	if len(t.types) > 0 {
		s.Types = make(map[string]int, len(t.types))
		for _, tc := range t.types {
			s.Types[string(tc.typ)] = tc.n
		}
	}
	for a, n := range t.actions {
		if n > 0 {
			if s.Actions == nil {
				s.Actions = make(map[string]int, 4)
			}
			s.Actions[policy.Action(a).String()] = n
		}
	}
	s.Paths = slices.Clone(t.paths)
	s.Tokens = slices.Clone(t.tokens)
	return s
}

// Merge adds o into s (request and response of one call). While s is empty it takes o's
// maps and slices as they are (each rewrite builds its own, and most calls find PII on one
// side only), so o must not be used after it is merged.
func (s *Stats) Merge(o Stats) {
	if s.Types == nil && s.Actions == nil && s.Paths == nil && s.Tokens == nil {
		*s = o
		return
	}
	for k, v := range o.Types {
		if s.Types == nil {
			s.Types = map[string]int{}
		}
		s.Types[k] += v
	}
	for k, v := range o.Actions {
		if s.Actions == nil {
			s.Actions = map[string]int{}
		}
		s.Actions[k] += v
	}
	for _, p := range o.Paths {
		if len(s.Paths) < maxPaths && !slices.Contains(s.Paths, p) {
			s.Paths = append(s.Paths, p)
		}
	}
	for _, t := range o.Tokens {
		if len(s.Tokens) < maxTokens && !slices.Contains(s.Tokens, t) {
			s.Tokens = append(s.Tokens, t)
		}
	}
}

// Total is the number of values acted on.
func (s *Stats) Total() int {
	n := 0
	for _, v := range s.Actions {
		n += v
	}
	return n
}
