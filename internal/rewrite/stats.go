package rewrite

import (
	"maps"
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

func (s *Stats) add(typ detect.Type, act policy.Action, path string) {
	if s.Types == nil {
		s.Types = make(map[string]int, 4)
		s.Actions = make(map[string]int, 4)
	}
	if typ != "" {
		s.Types[string(typ)]++
	}
	s.Actions[act.String()]++
	if path != "" && len(s.Paths) < maxPaths && !slices.Contains(s.Paths, path) {
		s.Paths = append(s.Paths, path)
	}
}

// addPath is add for a path held in a scratch buffer: it is copied only when new.
func (s *Stats) addPath(typ detect.Type, act policy.Action, path []byte) {
	s.add(typ, act, "")
	if len(path) == 0 || len(s.Paths) >= maxPaths {
		return
	}
	for _, p := range s.Paths {
		if p == string(path) {
			return
		}
	}
	s.Paths = append(s.Paths, string(path))
}

func (s *Stats) addToken(tok string) {
	if len(s.Tokens) < maxTokens && !slices.Contains(s.Tokens, tok) {
		s.Tokens = append(s.Tokens, tok)
	}
}

// Merge adds o into s (request and response of one call).
func (s *Stats) Merge(o Stats) {
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
		s.addToken(t)
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

func (s *Stats) clone() Stats {
	return Stats{Types: maps.Clone(s.Types), Actions: maps.Clone(s.Actions), Paths: slices.Clone(s.Paths), Tokens: slices.Clone(s.Tokens)}
}
