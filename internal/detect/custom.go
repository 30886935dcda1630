package detect

import (
	"bytes"
	"errors"
	"fmt"
	"regexp/syntax"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2"
	re2 "github.com/wasilibs/go-re2"
)

// CustomRecognizer is a policy-defined pattern, e.g. a staff number format.
type CustomRecognizer struct {
	// Type is the policy's own id, e.g. "staff_no": lower case letters, digits and '_',
	// starting with a letter, at most 64 bytes, and not a built-in id.
	Type Type
	// Pattern is RE2 syntax, compiled with go-re2 (linear time). A pattern that RE2 rejects
	// only because it needs lookaround or backreferences is compiled with regexp2 under a
	// match timeout instead, and the recognizer is marked slow.
	Pattern string
	// Keywords, when set, make a match count only with one of them (case-insensitive) in the
	// key, the label or within customKeywordWindow bytes before the match.
	Keywords []string
	// Score of a match; 0 means the default, 0.8.
	Score float64
}

// CompiledCustom is a validated, compiled custom recognizer. It is immutable and safe for
// concurrent use.
type CompiledCustom struct {
	typ      Type
	pattern  string
	fast     *re2.Regexp
	slowRE   *regexp2.Regexp
	score    float64
	keywords [][]byte // ASCII-lower-cased
	prefix   []byte   // a literal every match starts with (case-sensitive), or nil
	first    *[256]bool
}

const (
	defaultCustomScore  = 0.8
	customKeywordWindow = 32
	// SlowMatchTimeout bounds one regexp2 search of a slow custom recognizer.
	SlowMatchTimeout = 50 * time.Millisecond
	maxPatternLen    = 4096
)

// Type returns the recognizer's type id.
func (c *CompiledCustom) Type() Type { return c.typ }

// Slow reports whether the recognizer runs on regexp2 (lookaround or backreferences): it is
// backtracking, bounded only by SlowMatchTimeout, and `policy check` flags it.
func (c *CompiledCustom) Slow() bool { return c.slowRE != nil }

// Score returns the score a match is reported with.
func (c *CompiledCustom) Score() float64 { return c.score }

// CompileCustom validates and compiles one custom recognizer. Errors name the problem and the
// offending part of the pattern (policy text, never scanned data); it never panics.
func CompileCustom(c CustomRecognizer) (*CompiledCustom, error) {
	if err := validCustomType(c.Type); err != nil {
		return nil, err
	}
	cc := &CompiledCustom{typ: c.Type, pattern: c.Pattern, score: c.Score}
	if cc.score == 0 {
		cc.score = defaultCustomScore
	}
	if !(cc.score > 0 && cc.score <= 1) {
		return nil, fmt.Errorf("custom type %q: score %v is outside (0, 1]", c.Type, c.Score)
	}
	for i, k := range c.Keywords {
		k = strings.TrimSpace(k)
		if k == "" || len(k) > 64 {
			return nil, fmt.Errorf("custom type %q: keyword %d is empty or longer than 64 bytes", c.Type, i)
		}
		cc.keywords = append(cc.keywords, lowerASCII([]byte(k)))
	}
	if c.Pattern == "" {
		return nil, fmt.Errorf("custom type %q: empty pattern", c.Type)
	}
	if len(c.Pattern) > maxPatternLen {
		return nil, fmt.Errorf("custom type %q: pattern longer than %d bytes", c.Type, maxPatternLen)
	}
	if !utf8.ValidString(c.Pattern) {
		return nil, fmt.Errorf("custom type %q: pattern is not valid UTF-8", c.Type)
	}
	parsed, err := syntax.Parse(c.Pattern, syntax.Perl)
	if err != nil {
		if !needsBacktracking(err) {
			return nil, fmt.Errorf("custom type %q: invalid pattern: %w", c.Type, err)
		}
		re, err2 := regexp2.Compile(c.Pattern, regexp2.RE2)
		if err2 != nil {
			return nil, fmt.Errorf("custom type %q: invalid pattern: %v", c.Type, err2)
		}
		re.MatchTimeout = SlowMatchTimeout
		cc.slowRE = re
		return cc, nil
	}
	// regexp/syntax accepted it, so RE2 will: go-re2 never sees (and never logs about) a
	// pattern that does not parse.
	fast, err := re2.Compile(c.Pattern)
	if err != nil {
		return nil, fmt.Errorf("custom type %q: invalid pattern: %v", c.Type, err)
	}
	cc.fast = fast
	if prog, err := syntax.Compile(parsed.Simplify()); err == nil {
		if p, _ := prog.Prefix(); p != "" {
			cc.prefix = []byte(p)
		}
		cc.first = firstBytes(prog)
	}
	return cc, nil
}

func validCustomType(t Type) error {
	if t == "" {
		return errors.New("custom recognizer without a type")
	}
	if len(t) > 64 {
		return fmt.Errorf("custom type %q is longer than 64 bytes", t)
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if !(isLower(c) || i > 0 && (isDigit(c) || c == '_')) {
			return fmt.Errorf("custom type %q: use lower-case letters, digits and '_', starting with a letter", t)
		}
	}
	if _, ok := builtinIndex(t); ok {
		return fmt.Errorf("custom type %q clashes with the built-in type of that name", t)
	}
	return nil
}

// needsBacktracking reports whether RE2 rejected the pattern only for lookaround or a
// backreference — the constructs regexp2 is allowed to handle.
func needsBacktracking(err error) bool {
	var se *syntax.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code {
	case syntax.ErrInvalidPerlOp:
		return strings.HasPrefix(se.Expr, "(?=") || strings.HasPrefix(se.Expr, "(?!")
	case syntax.ErrInvalidNamedCapture:
		return strings.HasPrefix(se.Expr, "(?<=") || strings.HasPrefix(se.Expr, "(?<!")
	case syntax.ErrInvalidEscape:
		return len(se.Expr) == 2 && (se.Expr[1] >= '1' && se.Expr[1] <= '9' || se.Expr[1] == 'k')
	}
	return false
}

// firstBytes returns the set of bytes a match can start with, or nil when a match can be
// empty or start with any byte. Non-ASCII runes mark every UTF-8 lead byte.
func firstBytes(p *syntax.Prog) *[256]bool {
	var set [256]bool
	seen := make([]bool, len(p.Inst))
	var visit func(pc uint32) bool
	visit = func(pc uint32) bool {
		if seen[pc] {
			return true
		}
		seen[pc] = true
		in := &p.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			return visit(in.Out) && visit(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			return visit(in.Out)
		case syntax.InstFail:
			return true
		case syntax.InstRune1, syntax.InstRune:
			fold := syntax.Flags(in.Arg)&syntax.FoldCase != 0
			r := in.Rune
			if len(r) == 1 {
				r = []rune{r[0], r[0]}
			}
			for i := 0; i+1 < len(r); i += 2 {
				lo, hi := r[i], r[i+1]
				if hi >= utf8.RuneSelf || fold {
					for b := 0xC2; b <= 0xF4; b++ {
						set[b] = true
					}
				}
				for c := lo; c <= hi && c < utf8.RuneSelf; c++ {
					set[c] = true
					if fold {
						set[lower(byte(c))] = true
						set[upper(byte(c))] = true
					}
				}
			}
			return true
		}
		return false // InstMatch (empty match), InstRuneAny, InstRuneAnyNotNL
	}
	if !visit(uint32(p.Start)) {
		return nil
	}
	return &set
}

func lowerASCII(b []byte) []byte {
	for i, c := range b {
		b[i] = lower(c)
	}
	return b
}

// containsFold reports whether hay contains the ASCII-lower-cased needle, ignoring ASCII case.
func containsFold(hay, needle []byte) bool {
	if len(needle) == 0 {
		return true
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if lower(hay[i]) == needle[0] && equalFoldASCII(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

func containsFoldString(hay string, needle []byte) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		match := true
		for k := range needle {
			if lower(hay[i+k]) != needle[k] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// worth reports whether the prefilters allow a match in text; keyed is true when a keyword
// sits in the key or label (then every match counts).
func (c *CompiledCustom) worth(text []byte, key, label string) (ok, keyed bool) {
	if c.prefix != nil && !bytes.Contains(text, c.prefix) {
		return false, false
	}
	if c.first != nil {
		found := false
		for _, b := range text {
			if c.first[b] {
				found = true
				break
			}
		}
		if !found {
			return false, false
		}
	}
	if len(c.keywords) == 0 {
		return true, true
	}
	for _, k := range c.keywords {
		if containsFoldString(key, k) || containsFoldString(label, k) {
			return true, true
		}
	}
	for _, k := range c.keywords {
		if containsFold(text, k) {
			return true, false
		}
	}
	return false, false
}

// keywordBefore reports whether a keyword ends within customKeywordWindow bytes before s.
func (c *CompiledCustom) keywordBefore(text []byte, s int) bool {
	w := s - customKeywordWindow
	if w < 0 {
		w = 0
	}
	for w > 0 && !utf8.RuneStart(text[w]) {
		w--
	}
	for _, k := range c.keywords {
		if containsFold(text[w:s], k) {
			return true
		}
	}
	return false
}

// scanCustom runs the custom recognizers. Unlike the built-ins they may allocate (the
// regexp engines return fresh match slices).
func (st *scanState) scanCustom() {
	for _, c := range st.s.custom {
		if c.score < st.s.threshold {
			continue
		}
		ok, keyed := c.worth(st.text, st.key, st.label)
		if !ok {
			continue
		}
		emit := func(s, e int) {
			if s >= e || s < 0 || e > len(st.text) || !utf8.RuneStart(st.text[s]) ||
				(e < len(st.text) && !utf8.RuneStart(st.text[e])) {
				return
			}
			if !keyed && !c.keywordBefore(st.text, s) {
				return
			}
			st.out = append(st.out, Finding{Type: c.typ, Start: s, End: e, Score: c.score})
		}
		if c.fast != nil {
			for _, m := range c.fast.FindAllIndex(st.text, -1) {
				emit(m[0], m[1])
			}
			continue
		}
		runes := make([]rune, 0, len(st.text))
		offs := make([]int, 0, len(st.text)+1)
		for i := 0; i < len(st.text); {
			r, size := utf8.DecodeRune(st.text[i:])
			runes = append(runes, r)
			offs = append(offs, i)
			i += size
		}
		offs = append(offs, len(st.text))
		m, err := c.slowRE.FindRunesMatch(runes)
		for m != nil && err == nil {
			emit(offs[m.Index], offs[m.Index+m.Length])
			m, err = c.slowRE.FindNextMatch(m)
		}
		// A timeout ends this recognizer's search of this value: the findings so far stand.
	}
}
