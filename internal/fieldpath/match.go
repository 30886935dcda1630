package fieldpath

import (
	"fmt"
	"math/bits"
	"strconv"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/tidwall/match"
)

// MaxRules is the number of paths one Set can hold: a walk state is one machine word, which
// keeps the per-value cost of many rules at a few instructions.
const MaxRules = 64

// Set matches several paths at once during a walk. Its state is a bitmask of the paths whose
// first d components match the current position at depth d.
type Set struct {
	paths []*Path
	// at[d] sorts the paths by their component d, for d up to the longest path's length.
	at []level
}

// level has, as bitmasks of paths, what kind of component d the paths have, so that a step
// tests each path only for the children its component can match.
type level struct {
	done  uint64 // paths with exactly d components
	lit   uint64 // a literal key, all of them in table
	wild  uint64 // a key with wildcards
	key   uint64 // a key of either kind (an array element tests its index)
	all   uint64 // '#'
	query uint64 // '#(...)'
	// table maps a literal key to the bits of the paths whose component d is that key: an
	// object member then costs one lookup, whatever the number of rules, instead of a
	// comparison per rule.
	table litTable
}

// litTable finds the rules naming a key: a 256-slot hash of the key's length and its first
// and last bytes, chained, so a member costs a multiply and usually one comparison, with
// no hashing of the whole key (a Go map's cost dominated the walk of wide objects).
type litTable struct {
	head [256]uint8 // 1 + index of the first key in the slot, 0 = empty
	next []uint8    // 1 + index of the next key in the same slot
	keys []string
	bits []uint64
}

func litSlot[S string | []byte](key S) uint8 {
	h := uint32(len(key)) << 16
	if len(key) > 0 {
		h |= uint32(key[0])<<8 | uint32(key[len(key)-1])
	}
	return uint8((h * 0x9E3779B1) >> 24)
}

func (lt *litTable) add(key string, bit uint64) {
	for i, k := range lt.keys {
		if k == key {
			lt.bits[i] |= bit
			return
		}
	}
	lt.keys = append(lt.keys, key)
	lt.bits = append(lt.bits, bit)
	h := litSlot(key)
	lt.next = append(lt.next, lt.head[h])
	lt.head[h] = uint8(len(lt.keys)) // at most MaxRules (64) keys
}

func (lt *litTable) lookup(key []byte) uint64 {
	for i := lt.head[litSlot(key)]; i != 0; i = lt.next[i-1] {
		if lt.keys[i-1] == string(key) {
			return lt.bits[i-1]
		}
	}
	return 0
}

// NewSet builds a Set; it fails when there are more than MaxRules paths.
func NewSet(paths []*Path) (*Set, error) {
	if len(paths) > MaxRules {
		return nil, fmt.Errorf("at most %d field rules per direction, got %d", MaxRules, len(paths))
	}
	s := &Set{paths: paths}
	for i, p := range paths {
		for len(s.at) <= len(p.Segs) {
			s.at = append(s.at, level{})
		}
		bit := uint64(1) << i
		s.at[len(p.Segs)].done |= bit
		for d, seg := range p.Segs {
			at := &s.at[d]
			switch {
			case seg.Kind == SegKey && !seg.Wild:
				at.table.add(seg.Key, bit)
				at.lit |= bit
				at.key |= bit
			case seg.Kind == SegKey:
				at.wild |= bit
				at.key |= bit
			case seg.Kind == SegAll:
				at.all |= bit
			case seg.Kind == SegQuery:
				at.query |= bit
			}
		}
	}
	return s, nil
}

// Len is the number of paths.
func (s *Set) Len() int { return len(s.paths) }

// Root is the state at the document root.
func (s *Set) Root() uint64 {
	if len(s.paths) == MaxRules {
		return ^uint64(0)
	}
	return 1<<len(s.paths) - 1
}

// Done returns the bits of the paths fully matched by state m at depth d.
func (s *Set) Done(m uint64, d int) uint64 { return m & s.DoneAt(d) }

// DoneAt returns the bits of the paths with exactly d components, for a walk to look up
// once for all the children of a container.
func (s *Set) DoneAt(d int) uint64 {
	if d >= len(s.at) {
		return 0
	}
	return s.at[d].done
}

// Step returns the state after descending from a container at depth d (whose state is m)
// into one of its children. parent is the container's token index; for an object member,
// key is the member's key token, for an array element key is -1 and index is the position.
// value is the child's value token.
func (s *Set) Step(m uint64, d int, t *jsonlex.Tape, parent, key, index, value int) uint64 {
	return s.StepKey(m, d, t, parent, key, nil, index, value)
}

// StepKey is Step for a caller that has already decoded the member's key (keyText; nil to
// have it decoded here): a walk decodes every key once and shares it.
func (s *Set) StepKey(m uint64, d int, t *jsonlex.Tape, parent, key int, keyText []byte, index, value int) uint64 {
	if d >= len(s.at) {
		return 0 // no path has a component d
	}
	at := &s.at[d]
	if key < 0 || keyText == nil || m&at.wild != 0 {
		return s.step(at, m, d, t, parent, key, keyText, index, value)
	}
	// The common case: a member whose key the walk has decoded, with only literal keys to
	// match, costs one lookup (kept apart from step, whose calls would make this path save
	// its registers too).
	if m&at.lit == 0 {
		return 0
	}
	return at.table.lookup(keyText) & m
}

// Members is StepKey for the members of one object, set up once for all of them (see
// Set.Members): a member then costs a key lookup and no more.
type Members struct {
	table *litTable // nil: no member matches
	m     uint64
}

// Members returns the Members of an object at depth d in state m, when a key lookup is all
// that matching its members takes (false: a wildcard key is left to match, and every
// member needs StepKey).
func (s *Set) Members(m uint64, d int) (Members, bool) {
	if d >= len(s.at) {
		return Members{}, true
	}
	at := &s.at[d]
	switch {
	case m&at.wild != 0:
		return Members{}, false
	case m&at.lit == 0:
		return Members{}, true
	}
	return Members{&at.table, m}, true
}

// Step is StepKey for a member whose key the walk has decoded (keyText, not nil).
func (ms Members) Step(keyText []byte) uint64 {
	if ms.table == nil {
		return 0
	}
	return ms.table.lookup(keyText) & ms.m
}

// step is StepKey for any child.
func (s *Set) step(at *level, m uint64, d int, t *jsonlex.Tape, parent, key int, keyText []byte, index, value int) uint64 {
	var out uint64
	if key >= 0 {
		if m&(at.lit|at.wild) != 0 && keyText == nil {
			var keyBuf [64]byte
			keyText = t.Text(key, keyBuf[:0])
		}
		if m&at.lit != 0 {
			out = at.table.lookup(keyText) & m
		}
		m &= at.wild // only a wildcard is left to match a member; '#' and queries never do
	} else {
		out = m & at.all       // '#' takes every element
		m &= at.key | at.query // a key matches its index; a query is evaluated
	}
	for m != 0 { // what is left is tested path by path
		i := bits.TrailingZeros64(m)
		m &^= 1 << i
		seg := &s.paths[i].Segs[d]
		var ok bool
		switch {
		case seg.Kind == SegQuery:
			ok = seg.Query.Eval(t, value) && (seg.Query.All || firstMatch(seg.Query, t, parent, value))
		case key < 0:
			ok = seg.Index == index
		default:
			ok = match.Match(string(keyText), seg.Key)
		}
		if ok {
			out |= 1 << i
		}
	}
	return out
}

// firstMatch reports whether no element of array parent before value satisfies q.
func firstMatch(q *Query, t *jsonlex.Tape, parent, value int) bool {
	first := true
	t.Children(parent, func(c int) bool {
		if c == value {
			return false
		}
		if q.Eval(t, c) {
			first = false
			return false
		}
		return true
	})
	return first
}

// Eval evaluates the condition on the element whose value token is v.
func (q *Query) Eval(t *jsonlex.Tape, v int) bool {
	for _, k := range q.Path {
		v = t.Member(v, k)
		if v < 0 {
			return false
		}
	}
	if q.Op == "" {
		return true
	}
	tk := t.Tokens[v]
	switch q.Lit.Kind {
	case LitString:
		if tk.Kind != jsonlex.String {
			return q.Op == "!="
		}
		var buf [128]byte
		return cmpString(string(t.Text(v, buf[:0])), q.Op, q.Lit.Str)
	case LitNumber:
		if tk.Kind != jsonlex.Number {
			return q.Op == "!="
		}
		f, err := strconv.ParseFloat(string(t.Raw(v)), 64)
		if err != nil {
			return false
		}
		return cmpFloat(f, q.Op, q.Lit.Num)
	default:
		want := jsonlex.Null
		if q.Lit.Kind == LitTrue {
			want = jsonlex.True
		} else if q.Lit.Kind == LitFalse {
			want = jsonlex.False
		}
		switch q.Op {
		case "==":
			return tk.Kind == want
		case "!=":
			return tk.Kind != want
		}
		return false
	}
}

func cmpString(a, op, b string) bool {
	switch op {
	case "%":
		return match.Match(a, b)
	case "!%":
		return !match.Match(a, b)
	}
	return compare(a, op, b)
}

func cmpFloat(a float64, op string, b float64) bool { return compare(a, op, b) }

// compare evaluates gjson's ordering operators.
func compare[T string | float64](a T, op string, b T) bool {
	switch op {
	case "==":
		return a == b
	case "!=":
		return a != b
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	case ">=":
		return a >= b
	}
	return false
}
