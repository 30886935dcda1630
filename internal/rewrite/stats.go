package rewrite

import (
	"slices"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
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
	seenRules uint64 // field (or query) rules whose path is already in paths
	pathSet   map[string]struct{}
	tokens    []string
	tokenSet  map[string]struct{}
}

type typeCount struct {
	typ detect.Type
	n   int
}

func (t *tally) reset() {
	t.types, t.paths, t.tokens = t.types[:0], nil, nil
	t.actions = [policy.ActionReveal + 1]int{}
	t.seenRules = 0
	clear(t.pathSet)
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

// rulePath records the path of field (or query) rule idx once per body.
func (t *tally) rulePath(idx int, path string) {
	if bit := uint64(1) << idx; t.seenRules&bit == 0 {
		t.seenRules |= bit
		t.addPath(path)
	}
}

func (t *tally) addPath(path string) {
	if path == "" || len(t.paths) >= maxPaths {
		return
	}
	if t.pathSet == nil {
		t.pathSet = map[string]struct{}{}
	}
	if _, ok := t.pathSet[path]; !ok {
		t.pathSet[path] = struct{}{}
		t.paths = append(t.paths, path)
	}
}

// addPathBytes is addPath for a path in a scratch buffer: copied only when new.
func (t *tally) addPathBytes(path []byte) {
	if len(path) == 0 || len(t.paths) >= maxPaths {
		return
	}
	if _, ok := t.pathSet[string(path)]; !ok {
		t.addPath(string(path))
	}
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
