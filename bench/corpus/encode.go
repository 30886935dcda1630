package corpus

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

type layout int

const (
	layoutCompact layout = iota // {"a":1,"b":[2]}
	layoutPretty                // one member per line, like json.MarshalIndent
	layoutMixed                 // pretty near the top, one-line objects below inlineFrom (sample 03)
)

type keyOrder int

const (
	orderAsBuilt  keyOrder = iota // the documented order, as most servers emit it
	orderSorted                   // alphabetical, as the official SDK serialises models
	orderShuffled                 // any order, as map-based writers emit it
	orderNudged                   // the documented order with a few neighbours swapped
)

// style is how one writer serialises a document. Every choice is one that some real
// DingTalk client, server or SDK makes.
type style struct {
	layout      layout
	indent      string
	inlineFrom  int
	spaced      bool // ": " and ", " in one-line containers
	escNonASCII bool // \uXXXX for everything above U+007F (Python's ensure_ascii, fastjson options)
	escSlash    bool // \/ (PHP, some Java writers)
	escAt       bool // \u0040
	escHTML     bool // \u003c \u003e \u0026 \u2028 \u2029 (Go's encoding/json)
	upperHex    bool
	order       keyOrder
	newline     bool // trailing newline after the document
}

// labelled is one truth entry produced while writing: the gjson path of a string value and
// a span in its decoded text.
type labelled struct {
	path string
	span
}

type writer struct {
	st    style
	rng   *rand.Rand
	b     []byte
	path  []string
	truth []labelled
	// rawSpans are the spans mapped to offsets in b, used when the document is itself
	// embedded in a string.
	rawSpans []span
}

func newWriter(st style, rng *rand.Rand) *writer { return &writer{st: st, rng: rng} }

// document serialises root and returns the bytes and the truth entries.
func (w *writer) document(root node) ([]byte, []labelled) {
	w.value(root, 0)
	if w.st.newline {
		w.b = append(w.b, '\n')
	}
	return w.b, w.truth
}

func (w *writer) inline(depth int) bool {
	switch w.st.layout {
	case layoutCompact:
		return true
	case layoutMixed:
		return depth >= w.st.inlineFrom
	}
	return false
}

func (w *writer) value(n node, depth int) {
	switch v := n.(type) {
	case text:
		w.str(v)
	case number:
		w.b = append(w.b, v...)
	case boolean:
		w.b = strconv.AppendBool(w.b, bool(v))
	case null:
		w.b = append(w.b, "null"...)
	case array:
		w.array(v, depth)
	case *object:
		w.object(v, depth)
	default:
		panic("corpusgen: unknown node type") // a programming error in a builder
	}
}

func (w *writer) sep(depth int, first bool) {
	if !first {
		w.b = append(w.b, ',')
		if w.inline(depth) && w.st.spaced {
			w.b = append(w.b, ' ')
		}
	}
	if !w.inline(depth) {
		w.b = append(w.b, '\n')
		for range depth + 1 {
			w.b = append(w.b, w.st.indent...)
		}
	}
}

func (w *writer) close(depth int, c byte) {
	if !w.inline(depth) {
		w.b = append(w.b, '\n')
		for range depth {
			w.b = append(w.b, w.st.indent...)
		}
	}
	w.b = append(w.b, c)
}

func (w *writer) array(a array, depth int) {
	w.b = append(w.b, '[')
	if len(a) == 0 {
		w.b = append(w.b, ']')
		return
	}
	for i, v := range a {
		w.sep(depth, i == 0)
		w.path = append(w.path, strconv.Itoa(i))
		w.value(v, depth+1)
		w.path = w.path[:len(w.path)-1]
	}
	w.close(depth, ']')
}

func (w *writer) object(o *object, depth int) {
	w.b = append(w.b, '{')
	if len(o.keys) == 0 {
		w.b = append(w.b, '}')
		return
	}
	for n, i := range w.order(len(o.keys), o.keys) {
		w.sep(depth, n == 0)
		w.str(text{s: o.keys[i]})
		w.b = append(w.b, ':')
		if !w.inline(depth) || w.st.spaced {
			w.b = append(w.b, ' ')
		}
		w.path = append(w.path, escapeKey(o.keys[i]))
		w.value(o.vals[i], depth+1)
		w.path = w.path[:len(w.path)-1]
	}
	w.close(depth, '}')
}

// order returns the member indexes in the writer's key order.
func (w *writer) order(n int, keys []string) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	switch w.st.order {
	case orderSorted:
		slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	case orderShuffled:
		w.rng.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	case orderNudged:
		for i := 0; i+1 < n; i++ {
			if w.rng.IntN(5) == 0 {
				idx[i], idx[i+1] = idx[i+1], idx[i]
			}
		}
	}
	return idx
}

// str writes a string token and records its spans both as truth (decoded offsets, at the
// current path) and as raw offsets into the output (for embedding).
func (w *writer) str(t text) {
	var bounds map[int]int
	if len(t.spans) > 0 {
		bounds = make(map[int]int, 2*len(t.spans))
		for _, sp := range t.spans {
			bounds[sp.start], bounds[sp.end] = -1, -1
		}
	}
	w.b = append(w.b, '"')
	for i := 0; i < len(t.s); {
		if _, ok := bounds[i]; ok {
			bounds[i] = len(w.b)
		}
		r, size := utf8.DecodeRuneInString(t.s[i:])
		w.rune(r)
		i += size
	}
	if _, ok := bounds[len(t.s)]; ok {
		bounds[len(t.s)] = len(w.b)
	}
	w.b = append(w.b, '"')
	if len(t.spans) == 0 {
		return
	}
	p := joinPath(w.path)
	for _, sp := range t.spans {
		w.truth = append(w.truth, labelled{path: p, span: sp})
		w.rawSpans = append(w.rawSpans, span{sp.typ, bounds[sp.start], bounds[sp.end]})
	}
}

func (w *writer) rune(r rune) {
	switch {
	case r == '"':
		w.b = append(w.b, '\\', '"')
	case r == '\\':
		w.b = append(w.b, '\\', '\\')
	case r == '\n':
		w.b = append(w.b, '\\', 'n')
	case r == '\r':
		w.b = append(w.b, '\\', 'r')
	case r == '\t':
		w.b = append(w.b, '\\', 't')
	case r < 0x20:
		w.u(r)
	case r == '/' && w.st.escSlash:
		w.b = append(w.b, '\\', '/')
	case r == '@' && w.st.escAt:
		w.u(r)
	case (r == '<' || r == '>' || r == '&' || r == 0x2028 || r == 0x2029) && w.st.escHTML:
		w.u(r)
	case r >= 0x80 && w.st.escNonASCII:
		if r > 0xffff {
			r -= 0x10000
			w.u(0xd800 + (r >> 10))
			w.u(0xdc00 + (r & 0x3ff))
		} else {
			w.u(r)
		}
	default:
		w.b = utf8.AppendRune(w.b, r)
	}
}

func (w *writer) u(r rune) {
	const lower, upper = "0123456789abcdef", "0123456789ABCDEF"
	hex := lower
	if w.st.upperHex {
		hex = upper
	}
	w.b = append(w.b, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}

// embed serialises n as the JSON text held inside a string (msgParam, extension, data,
// approval values), moving its spans into that text's coordinates.
func embed(n node, st style, rng *rand.Rand) text {
	w := newWriter(st, rng)
	w.value(n, 0)
	return text{s: string(w.b), spans: w.rawSpans}
}
