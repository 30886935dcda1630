package policy

import (
	"errors"
	"fmt"
	"strings"

	goyaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// The YAML library gives positions but decodes into Go values without them and stops at the
// first problem. The loader therefore converts the library's syntax tree into this small tree
// (anchors, aliases, merge keys and tags resolved) and validates it itself, so every node
// keeps its line and column and every problem is reported at once.

// Limits on the source, checked before the YAML parser runs: its cost grows with the square
// of the nesting depth, so depth is measured on the (linear) token stream first.
const (
	maxPolicyBytes = 1 << 20 // a real policy is a few tens of KiB
	maxNesting     = 64      // the schema itself needs fewer than ten levels
	// maxBlockKeys bounds the keys of one block mapping: the parser's cost grows with the
	// square of that number (10 000 keys take seconds), and no policy mapping needs many.
	maxBlockKeys = 1000
	// maxExpandedNodes bounds the size of the document as if every alias were copied out;
	// aliases are shared, not copied, but the compiler walks them once per use.
	maxExpandedNodes = 200_000
)

type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindScalar
	kindMap
	kindSeq
)

func (k nodeKind) String() string {
	switch k {
	case kindScalar:
		return "a scalar"
	case kindMap:
		return "a mapping"
	case kindSeq:
		return "a list"
	}
	return "null"
}

type scalarKind uint8

const (
	scalarString scalarKind = iota
	scalarInt
	scalarFloat
	scalarBool
)

// node is one resolved YAML node. Nodes reached through aliases are shared.
type node struct {
	kind      nodeKind
	line, col int
	scalar    scalarKind
	text      string  // scalar text (also for ints, floats, bools: as written)
	keys      []*node // mapping keys (scalars), in source order, merged keys appended
	vals      []*node
	items     []*node // sequence items
	size      int     // node count as if aliases were expanded, saturated at maxExpandedNodes+1
	// bad marks a placeholder for something already reported (an alias to no anchor), so
	// the compiler does not report it a second time as a wrong kind of value.
	bad bool
}

func (n *node) get(key string) *node {
	for i, k := range n.keys {
		if k.text == key {
			return n.vals[i]
		}
	}
	return nil
}

// treeBuilder converts one parsed document.
type treeBuilder struct {
	errs    *errorList
	anchors map[string]*node
	bomb    bool
}

// parseTree lexes, checks and parses src, and returns the root of its single document,
// or nil with the problems recorded in errs.
func parseTree(src []byte, errs *errorList) *node {
	if len(src) > maxPolicyBytes {
		errs.add(1, 1, fmt.Sprintf("policy is larger than %d bytes", maxPolicyBytes))
		return nil
	}
	tokens := lexer.Tokenize(string(src))
	if tk := tokens.InvalidToken(); tk != nil {
		line, col := tokenPos(tk)
		errs.add(line, col, "YAML syntax: "+cleanSyntax(tk.Error))
		return nil
	}
	if !checkNesting(tokens, errs) {
		return nil
	}
	file, err := safeParse(tokens)
	if err != nil {
		line, col := 1, 1
		msg := err.Error()
		var se *goyaml.SyntaxError
		if errors.As(err, &se) {
			msg = se.Message
			if se.Token != nil {
				line, col = tokenPos(se.Token)
			}
		}
		errs.add(line, col, "YAML syntax: "+cleanSyntax(msg))
		return nil
	}
	var docs []*ast.DocumentNode
	for _, d := range file.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	if len(docs) == 0 {
		errs.add(1, 1, "the policy is empty")
		return nil
	}
	if len(docs) > 1 {
		line, col := nodePos(docs[1].Body)
		errs.add(line, col, "a policy file holds exactly one YAML document")
		return nil
	}
	b := &treeBuilder{errs: errs, anchors: map[string]*node{}}
	root := b.convert(docs[0].Body)
	if b.bomb {
		return nil
	}
	return root
}

// safeParse runs the YAML parser; a panic inside the library becomes an error, because
// a policy that fails to load must never take the process down.
func safeParse(tokens token.Tokens) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("the YAML parser could not read this document")
		}
	}()
	return parser.Parse(tokens, 0, parser.AllowDuplicateMapKey())
}

// checkNesting rejects documents nested deeper than maxNesting, measured as the flow
// bracket depth plus the number of "- " entries opened on one line, and block mappings
// with more than maxBlockKeys keys (keys at one column, not interrupted by a shallower
// key or list entry).
func checkNesting(tokens token.Tokens, errs *errorList) bool {
	depth, line, dashes := 0, 0, 0
	type level struct{ col, keys int }
	var levels []level
	popTo := func(col int) {
		for len(levels) > 0 && levels[len(levels)-1].col > col {
			levels = levels[:len(levels)-1]
		}
	}
	for _, tk := range tokens {
		if tk.Position == nil {
			continue
		}
		if tk.Position.Line != line {
			line, dashes = tk.Position.Line, 0
		}
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			depth++
		case token.SequenceEndType, token.MappingEndType:
			if depth > 0 {
				depth--
			}
		case token.SequenceEntryType:
			dashes++
			if depth == 0 {
				popTo(tk.Position.Column)
			}
		case token.MappingValueType:
			key := tk.Prev
			if depth != 0 || key == nil || key.Position == nil {
				break
			}
			col := key.Position.Column
			popTo(col)
			if n := len(levels); n > 0 && levels[n-1].col == col {
				levels[n-1].keys++
				if levels[n-1].keys > maxBlockKeys {
					l, c := tokenPos(key)
					errs.add(l, c, fmt.Sprintf("a mapping with more than %d keys", maxBlockKeys))
					return false
				}
			} else {
				levels = append(levels, level{col, 1})
			}
		}
		if depth+dashes > maxNesting {
			l, c := tokenPos(tk)
			errs.add(l, c, fmt.Sprintf("YAML nesting deeper than %d levels", maxNesting))
			return false
		}
	}
	return true
}

func tokenPos(tk *token.Token) (int, int) {
	if tk == nil || tk.Position == nil {
		return 1, 1
	}
	return max(tk.Position.Line, 1), max(tk.Position.Column, 1)
}

func nodePos(n ast.Node) (int, int) {
	switch v := n.(type) {
	case *ast.MappingNode:
		// A block mapping's token is its first ':'; its first key is where a reader looks.
		if !v.IsFlowStyle && len(v.Values) > 0 && v.Values[0].Key != nil {
			return nodePos(v.Values[0].Key)
		}
	case *ast.MappingValueNode:
		if v.Key != nil {
			return nodePos(v.Key)
		}
	case *ast.TagNode:
		return tokenPos(v.Start)
	case *ast.AnchorNode:
		return tokenPos(v.Start)
	case *ast.AliasNode:
		return tokenPos(v.Start)
	}
	if n == nil {
		return 1, 1
	}
	return tokenPos(n.GetToken())
}

// cleanSyntax keeps the library's message but drops any quoted source it appends.
func cleanSyntax(msg string) string {
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return "invalid document"
	}
	return msg
}

func (b *treeBuilder) convert(n ast.Node) *node {
	line, col := nodePos(n)
	switch v := n.(type) {
	case nil:
		return &node{kind: kindNull, line: line, col: col, size: 1}
	case *ast.NullNode:
		return &node{kind: kindNull, line: line, col: col, size: 1}
	case *ast.StringNode:
		return &node{kind: kindScalar, scalar: scalarString, text: v.Value, line: line, col: col, size: 1}
	case *ast.LiteralNode:
		text := ""
		if v.Value != nil {
			text = v.Value.Value
		}
		return &node{kind: kindScalar, scalar: scalarString, text: text, line: line, col: col, size: 1}
	case *ast.IntegerNode:
		return &node{kind: kindScalar, scalar: scalarInt, text: v.GetToken().Value, line: line, col: col, size: 1}
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return &node{kind: kindScalar, scalar: scalarFloat, text: n.GetToken().Value, line: line, col: col, size: 1}
	case *ast.BoolNode:
		return &node{kind: kindScalar, scalar: scalarBool, text: v.GetToken().Value, line: line, col: col, size: 1}
	case *ast.TagNode:
		return b.convertTag(v, line, col)
	case *ast.AnchorNode:
		val := b.convert(v.Value)
		if v.Name != nil {
			b.anchors[v.Name.GetToken().Value] = val
		}
		return val
	case *ast.AliasNode:
		name := ""
		if v.Value != nil {
			name = v.Value.GetToken().Value
		}
		target, ok := b.anchors[name]
		if !ok {
			b.errs.add(line, col, fmt.Sprintf("alias *%s refers to no earlier anchor", name))
			return &node{kind: kindNull, line: line, col: col, size: 1, bad: true}
		}
		return target
	case *ast.MappingKeyNode: // explicit "? key"
		return b.convert(v.Value)
	case *ast.MappingNode:
		return b.convertMap(v.Values, line, col)
	case *ast.MappingValueNode:
		return b.convertMap([]*ast.MappingValueNode{v}, line, col)
	case *ast.SequenceNode:
		out := &node{kind: kindSeq, line: line, col: col, size: 1}
		for _, it := range v.Values {
			c := b.convert(it)
			out.items = append(out.items, c)
			b.grow(out, c, it)
		}
		return out
	case *ast.CommentGroupNode, *ast.CommentNode:
		return &node{kind: kindNull, line: line, col: col, size: 1}
	}
	b.errs.add(line, col, fmt.Sprintf("unsupported YAML construct (%s)", n.Type()))
	return &node{kind: kindNull, line: line, col: col, size: 1}
}

// grow adds child's expanded size to parent and flags an alias bomb once.
func (b *treeBuilder) grow(parent, child *node, at ast.Node) {
	parent.size += child.size
	if parent.size > maxExpandedNodes {
		parent.size = maxExpandedNodes + 1
		if !b.bomb {
			b.bomb = true
			line, col := nodePos(at)
			b.errs.add(line, col, fmt.Sprintf("aliases expand to more than %d nodes", maxExpandedNodes))
		}
	}
}

// convertTag accepts the standard scalar and collection tags only; !!str turns any scalar
// into a string (so `!!str 12` is the text "12").
func (b *treeBuilder) convertTag(v *ast.TagNode, line, col int) *node {
	tag := ""
	if v.Start != nil {
		tag = v.Start.Value
	}
	inner := b.convert(v.Value)
	switch tag {
	case "!!str":
		if inner.kind == kindScalar || inner.kind == kindNull {
			cp := *inner
			cp.kind, cp.scalar = kindScalar, scalarString
			if inner.kind == kindNull && v.Value != nil {
				cp.text = v.Value.GetToken().Value
			}
			return &cp
		}
	case "!!int", "!!float", "!!bool", "!!null", "!!map", "!!seq":
		return inner
	}
	b.errs.add(line, col, fmt.Sprintf("YAML tag %s is not supported", tag))
	return inner
}

func (b *treeBuilder) convertMap(values []*ast.MappingValueNode, line, col int) *node {
	out := &node{kind: kindMap, line: line, col: col, size: 1}
	// seen indexes the keys so that duplicate detection stays linear in huge mappings.
	seen := make(map[string]bool, len(values))
	var merges []*node
	for _, mv := range values {
		if mv == nil {
			continue
		}
		if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
			m := b.convert(mv.Value)
			merges = append(merges, m)
			b.grow(out, m, mv.Value)
			continue
		}
		k := b.convert(mv.Key)
		if k.kind != kindScalar {
			b.errs.add(k.line, k.col, "mapping keys must be plain text")
			continue
		}
		if seen[k.text] {
			b.errs.add(k.line, k.col, fmt.Sprintf("duplicate key %q", clip(k.text)))
			continue
		}
		seen[k.text] = true
		val := b.convert(mv.Value)
		out.keys = append(out.keys, k)
		out.vals = append(out.vals, val)
		b.grow(out, val, mv.Value)
	}
	// Merge keys (<<: *base or <<: [*a, *b]) add the keys not written explicitly; the first
	// source that has a key wins. Merged nodes keep their own positions in the anchor.
	for _, m := range merges {
		srcs := []*node{m}
		if m.kind == kindSeq {
			srcs = m.items
		}
		for _, s := range srcs {
			if s.kind != kindMap {
				b.errs.add(s.line, s.col, "a merge key (<<) takes a mapping or a list of mappings")
				continue
			}
			for i, k := range s.keys {
				if !seen[k.text] {
					seen[k.text] = true
					out.keys = append(out.keys, k)
					out.vals = append(out.vals, s.vals[i])
				}
			}
		}
	}
	return out
}

// clip shortens text echoed in messages (keys, names, enum values; never secrets).
func clip(s string) string {
	const n = 48
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
