package jsonwalk

import (
	"slices"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
)

// container walks the members of an object or the elements of an array, and removes the
// ones the visitor drops without leaving a stray comma: a run of dropped members is cut from
// its first key to the next kept member's key, and a run at the end is cut from the end of
// the last kept member, so the output stays valid JSON whatever is dropped.
func (d *doc) container(n *Node) error {
	t := d.t
	tk := t.Tokens[n.Tok]
	isObj := tk.Kind == jsonlex.Object
	rules := d.w.opts.Rules
	end := int(tk.Next)

	lastKeptEnd := -1 // end offset of the last kept child
	runStart := -1    // start offset of the current run of dropped children
	runEnd := -1
	idx := 0

	for c := n.Tok + 1; c < end; {
		keyTok, valTok := -1, c
		if isObj {
			keyTok, valTok = c, c+1
		}
		next := int(t.Tokens[valTok].Next)
		childStart := int(t.Tokens[c].Start)

		// Every field but keyBuf (the slot's scratch outlives its reuse) is set here, one
		// by one: a struct literal would build the whole node on the stack and copy it,
		// once per value.
		child := &d.stack[n.depth+1]
		child.doc, child.parent, child.Tok, child.KeyTok, child.Index = d, n, valTok, keyTok, -1
		child.Done, child.Text, child.JSON, child.Repl = 0, nil, false, nil
		child.depth, child.state, child.ruleDepth = n.depth+1, 0, n.ruleDepth+1
		if !isObj {
			child.Index = idx
		}
		child.key, child.label, child.label2, child.Mark = n.key, nil, nil, n.Mark
		if isObj {
			if t.Tokens[keyTok].Flags&jsonlex.FlagEscaped == 0 {
				child.key = t.RawString(keyTok)
			} else {
				// An escaped key is decoded into its stack slot's buffer: it stays valid
				// while the member's subtree is walked; the next sibling reuses the space.
				child.key = t.Text(keyTok, child.keyBuf[:0])
				child.keyBuf = child.key[:0]
			}
		}
		if rules != nil && n.state != 0 {
			var key []byte
			if isObj {
				key = child.key
			}
			child.state = rules.StepKey(n.state, n.ruleDepth, t, n.Tok, keyTok, key, idx, valTok)
		}
		mark := len(d.edits)
		verdict, err := d.visit(child)
		if err != nil {
			return err
		}
		if verdict == Drop {
			if runStart < 0 {
				runStart = childStart
			}
			runEnd = int(t.Tokens[valTok].End)
		} else {
			if runStart >= 0 {
				// The cut comes before anything the kept child's own walk added.
				d.edits = slices.Insert(d.edits, mark, edit{start: runStart, end: childStart})
				runStart = -1
			}
			lastKeptEnd = int(t.Tokens[valTok].End)
		}
		c = next
		idx++
	}
	if runStart >= 0 {
		if lastKeptEnd >= 0 {
			d.edits = append(d.edits, edit{start: lastKeptEnd, end: runEnd})
		} else {
			d.edits = append(d.edits, edit{start: runStart, end: runEnd})
		}
	}
	return nil
}
