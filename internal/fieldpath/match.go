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
	// doneAt[d] has the bits of paths with exactly d components.
	doneAt []uint64
	// lit[d] maps a literal key to the bits of the paths whose component d is that key, and
	// litMask[d] has all those bits: an object member then costs one lookup, whatever
	// the number of rules, instead of a comparison per rule.
	lit     []litTable
	litMask []uint64
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
		for len(s.doneAt) <= len(p.Segs) {
			s.doneAt = append(s.doneAt, 0)
			s.lit = append(s.lit, litTable{})
			s.litMask = append(s.litMask, 0)
		}
		s.doneAt[len(p.Segs)] |= 1 << i
		for d, seg := range p.Segs {
			if seg.Kind == SegKey && !seg.Wild {
				s.lit[d].add(seg.Key, 1<<i)
				s.litMask[d] |= 1 << i
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
func (s *Set) Done(m uint64, d int) uint64 {
	if d >= len(s.doneAt) {
		return 0
	}
	return m & s.doneAt[d]
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
	var out uint64
	if key >= 0 && keyText == nil {
		var keyBuf [64]byte
		keyText = t.Text(key, keyBuf[:0])
	}
	if key >= 0 && d < len(s.lit) && m&s.litMask[d] != 0 {
		out = s.lit[d].lookup(keyText) & m
		m &^= s.litMask[d] // literal keys are decided; wildcards and queries remain
	}
	for m != 0 {
		i := bits.TrailingZeros64(m)
		m &^= 1 << i
		p := s.paths[i]
		if d >= len(p.Segs) {
			continue
		}
		seg := &p.Segs[d]
		ok := false
		switch seg.Kind {
		case SegKey:
			if key < 0 {
				ok = seg.Index == index
				break
			}
			if seg.Wild {
				ok = match.Match(string(keyText), seg.Key)
			} else {
				ok = string(keyText) == seg.Key
			}
		case SegAll:
			ok = key < 0
		case SegQuery:
			ok = key < 0 && seg.Query.Eval(t, value) && (seg.Query.All || firstMatch(seg.Query, t, parent, value))
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
