package jsonwalk

import (
	"strconv"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
)

// Node is one value during a walk. It is only valid during the Visit call.
type Node struct {
	doc    *doc
	parent *Node // enclosing container node, or the string node holding a nested document

	Tok    int // the value's token in Tape()
	KeyTok int // the member's key token, -1 for array elements and document roots
	Index  int // position in the parent array, -1 otherwise

	// Done has the bits of the field rules whose path ends at this value.
	Done uint64
	// Text is the decoded text of a string, or the literal of a number.
	Text []byte
	// JSON is true when Visit is asked about a string holding JSON before it is walked:
	// Keep walks inside, anything else applies to the whole string.
	JSON bool
	// Repl is the raw JSON that replaces the value when Visit returns Replace.
	Repl []byte
	// Mark is the visitor's own annotation: children (and the root of a JSON string's
	// document) start with their parent's Mark, so a decision taken on a container reaches
	// every value inside it.
	Mark uint32

	// kind is the kind of token Tok, kept at hand: visitors ask for it about every value.
	kind      jsonlex.Kind
	depth     int    // index in the document's node stack
	state     uint64 // rule state (bits of rules matching the path so far)
	ruleDepth int    // number of path components consumed to reach this node
	key       []byte // nearest key (for array elements, the key holding the array)
	keyBuf    []byte // scratch for decoding an escaped key
	label     []byte // roster field_code or form name naming this value, if any
	label2    []byte // beside a field code: the field's display name (fieldName), if any
	// labelRank is the labelRank of the member label was read from (0: none), set with
	// label by fillField: NamesSibling asks for it again on every "label" value.
	labelRank int
	// labelSet says label, label2 and labelRank are filled in. The walk leaves them to the
	// first call that reads them (fillField): finding a label means reading the siblings,
	// and many values are visited without anyone asking (a field rule decides, or the
	// visitor only looks at containers).
	labelSet bool
}

// nodePaths caches, for the node at one depth of a document, its path and its path template
// (pathCache). They live in the doc rather than in the Node: a nested document's root is
// built afresh for each JSON string, and a larger Node made that cost more than the caches
// save.
type nodePaths struct{ path, tpath pathCache }

// pathCache is a node's gjson path or template (AppendPath or AppendPathTemplate, outer
// false) and whether it has a component, kept once a child asked for it: every value with
// findings asks for its path, and its siblings share the prefix, so a container's path is
// written once rather than rebuilt from the root for each. It is valid while gen and tok are
// the doc's walk and the node's token: slots are reused for other values and other
// documents, and checking this when a path is asked for costs nothing per value walked.
type pathCache struct {
	buf   []byte
	gen   uint64
	tok   int
	wrote bool
}

// Tape is the document the node belongs to (a nested tape for JSON inside strings).
func (n *Node) Tape() *jsonlex.Tape { return n.doc.t }

// Key is the nearest object key: for an array element, the key that holds the array.
func (n *Node) Key() []byte { return n.key }

// Label is the roster field_code/fieldCode or form component name that names this value.
func (n *Node) Label() []byte {
	if !n.labelSet {
		n.fillField()
	}
	return n.label
}

// Label2 is, when Label is a roster field code, the field's display name (fieldName /
// field_name): custom roster fields have opaque codes (customField-abc123) and only the
// display name (家庭住址) says what they hold.
func (n *Node) Label2() []byte {
	if !n.labelSet {
		n.fillField()
	}
	return n.label2
}

// Number reports whether the value is a JSON number.
func (n *Node) Number() bool { return n.kind == jsonlex.Number }

// Kind is the token kind of the value.
func (n *Node) Kind() jsonlex.Kind { return n.kind }

// Nested reports whether the node is inside a string that holds JSON.
func (n *Node) Nested() bool { return n.doc.outer != nil }

// Holder returns the string node whose text is the document n belongs to (n is inside JSON
// in a string), or nil for a node of the body. Its key and label say what the whole string
// holds: a visitor reads an inner member with a bare key ("detail") by them.
func (n *Node) Holder() *Node { return n.doc.outer }

// Container returns the object or array that holds n in its document, or nil for a
// document root (the body, or the root of a JSON string: its holder is Holder()).
func (n *Node) Container() *Node {
	if n.parent == nil || n.parent.doc != n.doc {
		return nil
	}
	return n.parent
}

// HasSibling reports whether the object holding n has another member named one of names,
// ASCII case, '_' and '-' aside (processInstanceId, process_instance_id): what else an
// object holds tells what kind of record it is.
func (n *Node) HasSibling(names ...string) bool {
	obj := n.Container()
	if obj == nil || n.KeyTok < 0 {
		return false
	}
	t := obj.doc.t
	if obj.kind != jsonlex.Object {
		return false
	}
	end := int(t.Tokens[obj.Tok].Next)
	for k := obj.Tok + 1; k < end; k = int(t.Tokens[k+1].Next) {
		if k == n.KeyTok {
			continue
		}
		key := t.RawString(k)
		if t.Tokens[k].Flags&jsonlex.FlagEscaped != 0 {
			// Decoding never lengthens a key, so one this short decodes into buf; the names
			// looked for are short, and nobody escapes one into a longer key.
			var buf [64]byte
			if len(key) > len(buf) {
				continue
			}
			key = t.Text(k, buf[:0])
		}
		for _, name := range names {
			if KeyIs(key, name) {
				return true
			}
		}
	}
	return false
}

// KeyIs compares a key with a name, ASCII case, '_' and '-' aside.
func KeyIs(key []byte, name string) bool {
	i, j := 0, 0
	for {
		for i < len(key) && keySep(key[i]) {
			i++
		}
		for j < len(name) && keySep(name[j]) {
			j++
		}
		if i == len(key) || j == len(name) {
			return i == len(key) && j == len(name)
		}
		if lowerASCII(key[i]) != lowerASCII(name[j]) {
			return false
		}
		i++
		j++
	}
}

// NormKey appends key to dst as KeyIs compares it: ASCII lower case, '_' and '-' left out.
// It returns nil when the result would not fit in dst's capacity, so that a caller with a
// small stack buffer gets no match, and no allocation, for a long key.
func NormKey(dst, key []byte) []byte {
	for _, c := range key {
		if keySep(c) {
			continue
		}
		if len(dst) == cap(dst) {
			return nil
		}
		dst = append(dst, lowerASCII(c))
	}
	return dst
}

// keySep reports the separators that key comparisons leave out: process_instance_id,
// process-instance-id and processInstanceId are one key.
func keySep(c byte) bool { return c == '_' || c == '-' }

func lowerASCII(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// Outer returns the outermost string node that this node is nested in, or n itself.
func (n *Node) Outer() *Node {
	for n.doc.outer != nil {
		n = n.doc.outer
	}
	return n
}

// OuterOffset maps an offset in n.Text to an offset in the decoded text of Outer(), so
// findings inside JSON-in-string values are reported on the outer string (DESIGN.md §8).
func (n *Node) OuterOffset(off int) int {
	for n.doc.outer != nil {
		tk := &n.doc.t.Tokens[n.Tok]
		if tk.Kind == jsonlex.String {
			off = int(tk.Start) + 1 + jsonlex.RawOffset(n.doc.t.RawString(n.Tok), off)
		} else {
			off += int(tk.Start)
		}
		n = n.doc.outer
	}
	return off
}

// DocOffset maps an offset in n.Text to a byte offset in the outermost document's source:
// for a JSON document that is itself a decoded value (a form parameter holding JSON), where
// findings are reported in that value, not in one of its strings.
func (n *Node) DocOffset(off int) int {
	o := n.Outer()
	off = n.OuterOffset(off)
	tk := &o.doc.t.Tokens[o.Tok]
	if tk.Kind == jsonlex.String {
		return int(tk.Start) + 1 + jsonlex.RawOffset(o.doc.t.RawString(o.Tok), off)
	}
	return int(tk.Start) + off
}

// AppendPath appends the gjson path of the node, keys joined by '.', indexes as numbers,
// special characters escaped. With outer true, a node inside a JSON string gets the path of
// that string (as `proxy scan` reports it); otherwise the path continues inside it.
func (n *Node) AppendPath(dst []byte, outer bool) []byte { return n.appendPath(dst, outer, false) }

// AppendPathTemplate is AppendPath with every array index written as '#'
// (result.list.#.mobile): the gjson path of the field across all elements.
func (n *Node) AppendPathTemplate(dst []byte, outer bool) []byte {
	return n.appendPath(dst, outer, true)
}

func (n *Node) appendPath(dst []byte, outer, template bool) []byte {
	if outer {
		n = n.Outer()
	}
	wrote := false
	if n.parent != nil {
		var prefix []byte
		prefix, wrote = n.parent.cachedPath(template)
		dst = append(dst, prefix...)
	}
	dst, _ = n.appendSeg(dst, wrote, template)
	return dst
}

// cachedPath returns n's path (AppendPath's, outer false) and whether it has a component, from
// n's cache when it is still n's, else written into it.
func (n *Node) cachedPath(template bool) ([]byte, bool) {
	d := n.doc
	for len(d.paths) <= n.depth {
		d.paths = append(d.paths, nodePaths{})
	}
	c := &d.paths[n.depth].path
	if template {
		c = &d.paths[n.depth].tpath
	}
	if c.gen == d.gen && c.tok == n.Tok {
		return c.buf, c.wrote
	}
	buf, wrote := c.buf[:0], false
	if n.parent != nil {
		var prefix []byte
		prefix, wrote = n.parent.cachedPath(template)
		buf = append(buf, prefix...)
	}
	c.buf, c.wrote = n.appendSeg(buf, wrote, template)
	c.gen, c.tok = d.gen, n.Tok
	return c.buf, c.wrote
}

// appendSeg appends n's own path component after a path that has one when wrote is set.
func (n *Node) appendSeg(dst []byte, wrote, template bool) ([]byte, bool) {
	if n.KeyTok < 0 && n.Index < 0 {
		return dst, wrote // a document root (the body, or a nested document's root)
	}
	if wrote {
		dst = append(dst, '.')
	}
	switch t := n.doc.t; {
	case n.KeyTok >= 0 && t.Tokens[n.KeyTok].Flags&jsonlex.FlagEscaped == 0:
		dst = AppendEscapedKey(dst, t.RawString(n.KeyTok))
	case n.KeyTok >= 0:
		var buf [64]byte
		dst = AppendEscapedKey(dst, t.Text(n.KeyTok, buf[:0]))
	case template:
		dst = append(dst, '#')
	default:
		dst = strconv.AppendInt(dst, int64(n.Index), 10)
	}
	return dst, true
}

// Path returns AppendPath as a string.
func (n *Node) Path(outer bool) string { return string(n.AppendPath(nil, outer)) }

// AppendEscapedKey appends a key with gjson's special characters escaped.
func AppendEscapedKey(dst, key []byte) []byte {
	start := 0
	for i, c := range key {
		if gjsonSpecial[c] {
			dst = append(append(dst, key[start:i]...), '\\')
			start = i
		}
	}
	return append(dst, key[start:]...)
}

// gjsonSpecial marks the bytes a gjson path escapes in a key.
var gjsonSpecial = func() (t [256]bool) {
	for _, c := range []byte(`.*?#@|\()=!<>%"[]{},`) {
		t[c] = true
	}
	return t
}()

// labelRank ranks the member names that name a value held in a sibling "value"/"label"
// member, in order of preference (0 = none): roster field codes are exact, display names
// are context.
func labelRank(k []byte) int {
	switch string(k) {
	case "field_code", "fieldCode", "emp_field_code", "empFieldCode": // emp_*: hrm employee v2 update
		return 1
	case "fieldName", "field_name":
		return 2
	case "name":
		return 3
	case "label": // a table row's cell: {"label":"收款人","key":"TextField-2","value":"…"}
		return 4
	case "key":
		return 5
	case "title", "componentName":
		return 6
	}
	return 0
}

// valueKeys are the generic member names whose meaning comes from a sibling label.
func isValueKey(k []byte) bool {
	switch string(k) {
	case "value", "label", "values", "extValue", "ext_value", "field_value", "fieldValue", "text",
		"emp_field_value", "empFieldValue",
		// A roster change event's before/after pair, labelled by the field code beside it.
		"oldValue", "newValue", "old_value", "new_value", "beforeValue", "afterValue":
		return true
	}
	return false
}

// NamesSibling reports whether a "name" or "label" member is itself a label: it sits in an
// object that also holds a scalar value member, as in an approval form component
// {"name":"明細","value":"…"}. Its text names a field; it is not a person's name because its
// key is "name". (The other naming members — field_code, title … — carry no type of their
// own, so only these two keys are checked: this runs for every value under them.)
func (n *Node) NamesSibling() bool {
	if n.KeyTok < 0 {
		return false
	}
	switch string(n.key) {
	case "name":
	case "label":
		// "label" names a table cell's value ({"label":"收款人","value":…}) but is itself a
		// display value under a roster fieldCode: it is a label only when nothing ranked
		// above it names the object.
		var r int
		if k := n.Kind(); k == jsonlex.Object || k == jsonlex.Array {
			_, _, r, _ = n.bestLabel() // fillField labels scalars only
		} else {
			if !n.labelSet {
				n.fillField()
			}
			r = n.labelRank
		}
		if r > 0 && r < labelRank(n.key) {
			return false
		}
	default:
		return false
	}
	obj := n.parent
	if obj == nil || obj.doc != n.doc || obj.kind != jsonlex.Object {
		return false
	}
	t := obj.doc.t
	end := int(t.Tokens[obj.Tok].Next)
	for k := obj.Tok + 1; k < end; k = int(t.Tokens[k+1].Next) {
		if k == n.KeyTok {
			continue
		}
		if v := t.Tokens[k+1].Kind; v != jsonlex.String && v != jsonlex.Number {
			continue
		}
		var buf [32]byte
		if key := t.Text(k, buf[:0]); isValueKey(key) && string(key) != "label" && string(key) != "text" {
			return true
		}
	}
	return false
}

// fillField sets the label of a scalar node (its key is set by the container walk; the
// container walk and walkRoot label containers at once, so a parent's label is set).
func (n *Node) fillField() {
	n.labelSet = true
	n.label, n.label2, n.labelRank = nil, nil, 0
	if n.KeyTok >= 0 && isValueKey(n.key) {
		n.label, n.label2, n.labelRank = n.findLabel()
	} else if n.parent != nil && n.KeyTok < 0 {
		n.label, n.label2 = n.parent.label, n.parent.label2
	}
}

// findLabel looks for a naming sibling in the enclosing object, then in the object that holds
// the array the enclosing object is an element of (roster fieldValueList items are named by
// the fieldCode two levels up). The best-ranked name wins, the nearer one on a tie (the climb
// stops at a field code, field name or name); a value is never its own label. Each object's
// members are read once.
//
// The second result is the best other naming member (a fieldName) when the label is a field
// code; the third is the label's rank.
func (n *Node) findLabel() (label, label2 []byte, rank int) {
	t, tok, rank, alt := n.bestLabel()
	if tok < 0 {
		return nil, nil, 0
	}
	// Tape.Text, with its common case (no escapes) written out: this runs for most values
	// labelled.
	if tk := &t.Tokens[tok]; tk.Flags&jsonlex.FlagEscaped == 0 {
		label = t.Src[tk.Start+1 : tk.End-1]
	} else {
		label = t.Text(tok, nil)
	}
	if rank == 1 && alt >= 0 {
		if tk := &t.Tokens[alt]; tk.Flags&jsonlex.FlagEscaped == 0 {
			label2 = t.Src[tk.Start+1 : tk.End-1]
		} else {
			label2 = t.Text(alt, nil)
		}
	}
	return label, label2, rank
}

// bestLabel returns the tape and token of the best naming member for n and its rank (tok -1
// when there is none), and the best one ranked below a field code (alt, -1 if none).
func (n *Node) bestLabel() (*jsonlex.Tape, int, int, int) {
	var bestT *jsonlex.Tape
	best, bestRank := -1, 0
	alt, altRank := -1, 0
	obj := n.parent
	for hops := 0; obj != nil && hops < 2; hops++ {
		if d := obj.doc; d == n.doc && obj.kind == jsonlex.Object {
			var b, br, a, ar int
			if obj == n.parent {
				b, br, a, ar = labelsIn(d.t, obj.Tok, n.KeyTok)
			} else {
				// The object two levels up names every element of its array alike (each
				// value of a roster field's fieldValueList): its scan is kept for the next.
				c := &d.labels
				if c.obj != obj.Tok {
					c.obj = obj.Tok
					c.best, c.bestRank, c.alt, c.altRank = labelsIn(d.t, obj.Tok, -1)
				}
				b, br, a, ar = c.best, c.bestRank, c.alt, c.altRank
			}
			// The nearer object wins a tie, as the first member does within an object.
			if br > 0 && (bestRank == 0 || br < bestRank) {
				bestT, best, bestRank = d.t, b, br
			}
			if ar > 0 && (altRank == 0 || ar < altRank) {
				alt, altRank = a, ar
			}
		}
		// climb: object -> array -> object, unless a field code, field name or name already
		// names the value (only a "label", "key" or "title" is worth looking past).
		if bestRank != 0 && bestRank <= 3 || obj.parent == nil || obj.parent.kind != jsonlex.Array {
			break
		}
		obj = obj.parent.parent
	}
	return bestT, best, bestRank, alt
}

// labelScan is labelsIn's answer for one object, kept by its doc (obj -1: none yet).
type labelScan struct {
	obj                          int
	best, bestRank, alt, altRank int
}

// labelsIn returns the value token of the best-ranked naming member of object obj with a
// string value and its rank (-1, 0: none), and the same for the members ranked below a field
// code; the member whose key token is skip is left out. The first member wins a tie.
func labelsIn(t *jsonlex.Tape, obj, skip int) (best, bestRank, alt, altRank int) {
	best, alt = -1, -1
	end := int(t.Tokens[obj].Next)
	for k := obj + 1; k < end; k = int(t.Tokens[k+1].Next) {
		if t.Tokens[k+1].Kind != jsonlex.String || k == skip {
			continue
		}
		var r int
		if t.Tokens[k].Flags&jsonlex.FlagEscaped == 0 {
			r = labelRank(t.RawString(k))
		} else {
			var buf [32]byte
			r = labelRank(t.Text(k, buf[:0]))
		}
		if r > 0 && (bestRank == 0 || r < bestRank) {
			best, bestRank = k+1, r
		}
		if r > 1 && (altRank == 0 || r < altRank) {
			alt, altRank = k+1, r
		}
	}
	return best, bestRank, alt, altRank
}
