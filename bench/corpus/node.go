package corpus

// The generator builds each payload as a small ordered tree, not as Go maps or structs:
// key order, number-versus-string encoding and the exact decoded text of every string are
// all part of what the corpus varies, and every string carries the PII spans it contains.

type node interface{ isNode() }

// span is one labelled PII occurrence in a string's decoded text.
type span struct {
	typ        string
	start, end int
}

// text is a JSON string value: its decoded text and the spans inside it.
type text struct {
	s     string
	spans []span
}

// number is a JSON number token, written literally.
type number string

type boolean bool

type null struct{}

// array is a JSON array.
type array []node

// object is a JSON object whose keys keep insertion order until the writer reorders them.
type object struct {
	keys []string
	vals []node
}

func (text) isNode()    {}
func (number) isNode()  {}
func (boolean) isNode() {}
func (null) isNode()    {}
func (array) isNode()   {}
func (*object) isNode() {}

func obj() *object { return &object{} }

// set appends key k (the generator never sets a key twice).
func (o *object) set(k string, v node) *object {
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
	return o
}

// plain is a string value with no PII in it.
func plain(s string) text { return text{s: s} }

// pii is a string value that is one PII occurrence from end to end; an empty value is
// written but not labelled.
func pii(typ, s string) text {
	if s == "" {
		return text{}
	}
	return text{s: s, spans: []span{{typ, 0, len(s)}}}
}

// piiPrefix labels only the first n bytes of s, e.g. the "852-21234567" of
// "852-21234567-801".
func piiPrefix(typ, s string, n int) text {
	return text{s: s, spans: []span{{typ, 0, n}}}
}

func num[T ~int | ~int64](v T) number { return number(itoa(int64(v))) }

func itoa(v int64) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
