// Package jsonwalk walks a lexed JSON document once, top to bottom, keeping for every value
// its path, its key, the label of its roster/form siblings and the state of the policy's
// field rules; it descends into strings that hold JSON; and it splices the replacements a
// visitor asks for into a new document in a single pass. Detection (scan) and the policy
// rewrite are both visitors of this one walk.
package jsonwalk

import (
	"errors"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
)

// Verdict is what a visitor wants done with a value.
type Verdict uint8

const (
	Keep    Verdict = iota // leave the value as it is (and, for containers and JSON strings, walk inside)
	Replace                // put Node.Repl (raw JSON) in place of the value
	Drop                   // remove the value (with its key, or as an array element)
	Skip                   // leave the value as it is and do not walk inside
)

// Visitor decides about values.
type Visitor interface {
	// Visit is called for every value except true, false and null: for containers before
	// their members (Keep walks inside), for strings holding JSON before they are walked
	// (Node.JSON), and for strings and numbers. For a Replace, the visitor sets n.Repl.
	Visit(n *Node) Verdict
}

// Options bound a walk.
type Options struct {
	Rules     *fieldpath.Set // nil: no field rules
	MaxDepth  int            // nesting limit across JSON-in-string levels; 0 = jsonlex.DefaultMaxDepth
	MaxNested int            // JSON-in-string levels to descend; 0 = 4
}

// ErrTooDeep is returned when JSON-in-string nesting pushes the depth past MaxDepth.
var ErrTooDeep = errors.New("JSON nested too deep")

// Walker holds reusable scratch space. It is not safe for concurrent use; pool it.
type Walker struct {
	opts    Options
	v       Visitor
	depth   int
	buf     []byte // replacement bytes of every edit, back to back
	tapes   []*jsonlex.Tape
	stacks  [][]Node // per JSON-in-string level: one Node per depth, reused for every value
	nestBuf []byte   // a nested document being re-encoded (its levels are spliced one at a time)
	docs    []*doc   // per level: the walk state, reused
	gen     uint64   // documents begun (doc.gen): outlives SetOptions, as docs do
}

// New returns a Walker.
func New(opts Options) *Walker {
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = jsonlex.DefaultMaxDepth
	}
	if opts.MaxNested <= 0 {
		opts.MaxNested = 4
	}
	return &Walker{opts: opts}
}

// SetOptions changes the options of a pooled walker.
func (w *Walker) SetOptions(opts Options) {
	stacks := w.stacks
	if New(opts).opts.MaxDepth != w.opts.MaxDepth {
		stacks = nil
	}
	*w = Walker{opts: New(opts).opts, buf: w.buf[:0], tapes: w.tapes, stacks: stacks, nestBuf: w.nestBuf[:0], docs: w.docs, gen: w.gen}
}

type edit struct {
	start, end int // source range replaced
	r0, r1     int // replacement in Walker.buf
}

// doc is the walk state of one document (the body, or a JSON string nested inside it).
type doc struct {
	w       *Walker
	t       *jsonlex.Tape
	outer   *Node // the string node this document is nested in; nil for the body
	level   int   // JSON-in-string level
	edits   []edit
	stack   []Node // stack[d] is the node at depth d of this document
	scratch []byte
	labels  labelScan   // the last object scanned for labels two levels up (bestLabel)
	gen     uint64      // this document's number in the walker: paths are valid for it only
	paths   []nodePaths // paths[d]: the cached paths of stack[d] (Node.cachedPath)
}

// Rewrite walks src (already lexed into t) and returns the document with every replacement
// and removal the visitor asked for. When nothing changes it returns src itself and false,
// so an untouched body goes out byte for byte as it came in.
func (w *Walker) Rewrite(t *jsonlex.Tape, v Visitor, dst []byte) ([]byte, bool, error) {
	w.v = v
	w.buf = w.buf[:0]
	d := w.doc(0, t, nil)
	if err := d.walkRoot(); err != nil {
		return nil, false, err
	}
	if len(d.edits) == 0 {
		return t.Src, false, nil
	}
	return d.splice(dst[:0]), true, nil
}

// Walk visits every value without producing output (replacements are ignored).
func (w *Walker) Walk(t *jsonlex.Tape, v Visitor) error {
	w.v = v
	w.buf = w.buf[:0]
	return w.doc(0, t, nil).walkRoot()
}

// doc returns the reusable walk state of a nesting level, reset for tape t. Documents at
// one level are walked one after the other, so one state per level is enough, and its
// buffers keep their capacity from body to body.
func (w *Walker) doc(level int, t *jsonlex.Tape, outer *Node) *doc {
	for len(w.docs) <= level {
		w.docs = append(w.docs, &doc{w: w, level: len(w.docs)})
	}
	d := w.docs[level]
	d.t, d.outer, d.edits = t, outer, d.edits[:0]
	d.labels.obj = -1
	w.gen++
	d.gen = w.gen
	return d
}

// splice builds the output in one pass; dst grows once, to the exact size.
func (d *doc) splice(dst []byte) []byte {
	src := d.t.Src
	size := len(src)
	for _, e := range d.edits {
		size += (e.r1 - e.r0) - (e.end - e.start)
	}
	if cap(dst)-len(dst) < size {
		dst = append(make([]byte, 0, len(dst)+size), dst...)
	}
	pos := 0
	for _, e := range d.edits {
		dst = append(dst, src[pos:e.start]...)
		dst = append(dst, d.w.buf[e.r0:e.r1]...)
		pos = e.end
	}
	return append(dst, src[pos:]...)
}

func (d *doc) addEdit(start, end int, repl []byte) {
	r0 := len(d.w.buf)
	d.w.buf = append(d.w.buf, repl...)
	d.edits = append(d.edits, edit{start, end, r0, len(d.w.buf)})
}

func (d *doc) walkRoot() error {
	var state uint64
	depth := 0
	if d.outer != nil {
		state, depth = d.outer.state, d.outer.ruleDepth
	} else if d.w.opts.Rules != nil {
		state = d.w.opts.Rules.Root()
	}
	// Nodes live in a per-level stack indexed by depth, so a walk allocates no nodes: a
	// node is only valid while its subtree is walked, and its slot is reused by its next
	// sibling.
	for len(d.w.stacks) <= d.level {
		d.w.stacks = append(d.w.stacks, nil)
	}
	if d.w.stacks[d.level] == nil {
		d.w.stacks[d.level] = make([]Node, d.w.opts.MaxDepth+2)
	}
	d.stack = d.w.stacks[d.level]
	root := &d.stack[0]
	// The body's root has no label (a scalar body's is found as nil when asked for); a
	// nested document's root is a container, labelled as its string is.
	*root = Node{doc: d, Tok: 0, kind: d.t.Tokens[0].Kind, KeyTok: -1, Index: -1, state: state, ruleDepth: depth, parent: d.outer}
	if d.outer != nil {
		root.key, root.label, root.label2, root.Mark = d.outer.key, d.outer.Label(), d.outer.Label2(), d.outer.Mark
		root.labelSet = true
	}
	if rules := d.w.opts.Rules; rules != nil {
		root.Done = rules.Done(state, depth)
	}
	_, err := d.visit(root)
	return err
}

// visit handles one value node and returns its verdict for the parent (Keep or Drop).
// The caller has set n.Done.
func (d *doc) visit(n *Node) (Verdict, error) {
	tk := &d.t.Tokens[n.Tok]
	switch tk.Kind {
	case jsonlex.Object, jsonlex.Array:
		if d.w.depth+1 > d.w.opts.MaxDepth {
			return Keep, ErrTooDeep
		}
		switch verdict := d.w.v.Visit(n); verdict {
		case Replace:
			d.addEdit(int(tk.Start), int(tk.End), n.Repl)
			return Keep, nil
		case Drop:
			return Drop, nil
		case Skip:
			return Keep, nil
		}
		d.w.depth++
		err := d.container(n)
		d.w.depth--
		return Keep, err
	case jsonlex.String:
		// (container has its own copy of this case, for the strings of objects and arrays.)
		// Tape.Text, with its common case (no escapes) inlined.
		if n.Text = d.t.RawString(n.Tok); tk.Flags&jsonlex.FlagEscaped != 0 {
			n.Text = jsonlex.Unescape(d.scratch[:0], n.Text)
			d.scratch = n.Text[:0]
		}
		if LooksLikeJSON(n.Text) && d.level < d.w.opts.MaxNested {
			return d.jsonString(n)
		}
		return d.apply(n, d.w.v.Visit(n)), nil
	case jsonlex.Number:
		n.Text = d.t.Raw(n.Tok)
		return d.apply(n, d.w.v.Visit(n)), nil
	}
	return Keep, nil // true, false, null carry no personal data
}

// jsonString visits a string whose text (n.Text) looks like JSON: the visitor is asked about
// it as JSON first, and the walk goes inside unless told otherwise or it is not JSON after all.
func (d *doc) jsonString(n *Node) (Verdict, error) {
	n.JSON = true
	verdict := d.w.v.Visit(n)
	if verdict == Keep {
		handled, err := d.nested(n)
		if err != nil || handled {
			return Keep, err
		}
		n.JSON = false
		verdict = d.w.v.Visit(n)
	}
	return d.apply(n, verdict), nil
}

func (d *doc) apply(n *Node, v Verdict) Verdict {
	switch v {
	case Replace:
		tk := &d.t.Tokens[n.Tok]
		d.addEdit(int(tk.Start), int(tk.End), n.Repl)
	case Drop:
		return Drop
	}
	return Keep
}

// LooksLikeJSON reports whether a decoded string is shaped like a JSON object or array,
// the cheap test before trying to lex it.
func LooksLikeJSON(s []byte) bool {
	// Most strings fail at the first byte: this test is inlined, the rest is a call.
	return len(s) >= 2 && jsonLead[s[0]] && looksLikeJSON(s)
}

func looksLikeJSON(s []byte) bool {
	i, j := 0, len(s)-1
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j]) {
		j--
	}
	return j > i && (s[i] == '{' && s[j] == '}' || s[i] == '[' && s[j] == ']')
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// jsonLead marks the bytes a JSON-shaped string can start with.
var jsonLead = [256]bool{'{': true, '[': true, ' ': true, '\t': true, '\n': true, '\r': true}

// nested walks a string holding JSON as a document of its own. It reports false when the
// string is not valid JSON after all (it is then plain text).
func (d *doc) nested(n *Node) (bool, error) {
	w := d.w
	lvl := d.level + 1
	for len(w.tapes) < lvl {
		w.tapes = append(w.tapes, new(jsonlex.Tape))
	}
	t := w.tapes[lvl-1]
	// An escaped n.Text lives in this level's scratch space, which only the next string of
	// this level reuses: the nested walk, and the splice after it, are done by then.
	if err := jsonlex.Lex(n.Text, t, jsonlex.Options{MaxDepth: w.opts.MaxDepth - w.depth}); err != nil {
		var de *jsonlex.DepthError
		if errors.As(err, &de) {
			return true, ErrTooDeep
		}
		return false, nil
	}
	inner := w.doc(lvl, t, n)
	if err := inner.walkRoot(); err != nil {
		return true, err
	}
	if len(inner.edits) > 0 {
		// Splice the inner document, then encode it as the outer JSON string. The inner
		// replacements sit in w.buf; the new string is appended after them.
		body := inner.splice(w.nestBuf[:0])
		w.nestBuf = body
		tk := &d.t.Tokens[n.Tok]
		r0 := len(w.buf)
		w.buf = jsonlex.AppendString(w.buf, body)
		d.edits = append(d.edits, edit{int(tk.Start), int(tk.End), r0, len(w.buf)})
	}
	return true, nil
}
