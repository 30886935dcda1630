package jsonwalk

import (
	"slices"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
)

// container walks the members of an object or the elements of an array, and removes the
// ones the visitor drops without leaving a stray comma: a run of dropped members is cut from
// its first key to the next kept member's key, and a run at the end is cut from the end of
// the last kept member, so the output stays valid JSON whatever is dropped.
func (d *doc) container(n *Node) error {
	t := d.t
	toks := t.Tokens // this document's tape: nested documents have their own
	tk := toks[n.Tok]
	isObj := tk.Kind == jsonlex.Object
	rules := d.w.opts.Rules
	if n.state == 0 {
		rules = nil // no rule reaches below n
	}
	var done uint64 // the rules that end at the children's depth
	var members fieldpath.Members
	lookup := false // members steps every member: a key lookup is all it takes
	if rules != nil {
		done = rules.DoneAt(n.ruleDepth + 1)
		if isObj {
			members, lookup = rules.Members(n.state, n.ruleDepth)
		}
	}
	end := int(tk.Next)

	lastKeptEnd := -1 // end offset of the last kept child
	runStart := -1    // start offset of the current run of dropped children
	runEnd := -1
	idx := 0

	// Every child uses this stack slot, and only this loop writes to it while n is walked,
	// so what all children share is set once, here. The rest is set for each child, field
	// by field (a struct literal would build the whole node on the stack and copy it, once
	// per value), but for what visit sets itself (a scalar's Text) and a scalar's labels,
	// which fillField finds when they are first asked for (labelSet false).
	// keyBuf is left alone: the slot's scratch outlives its reuse.
	child := &d.stack[n.depth+1]
	child.doc, child.parent, child.depth, child.ruleDepth = d, n, n.depth+1, n.ruleDepth+1

	for c := n.Tok + 1; c < end; idx++ {
		keyTok, valTok := -1, c
		if isObj {
			keyTok, valTok = c, c+1
		}
		val := &toks[valTok]
		mark := len(d.edits)
		verdict := Keep
		// true, false and null are kept as they are without a visit: Visit is not called
		// for them and nothing lies below them (so no rule state is needed either).
		if kind := val.Kind; kind < jsonlex.True {
			child.Tok, child.kind, child.KeyTok, child.Index = valTok, kind, keyTok, -1
			child.JSON, child.Repl, child.Mark, child.state = false, nil, n.Mark, 0
			child.labelSet = false
			if kind == jsonlex.Object || kind == jsonlex.Array {
				child.Text, child.label, child.label2, child.labelSet = nil, nil, nil, true
			}
			if isObj {
				if toks[keyTok].Flags&jsonlex.FlagEscaped == 0 {
					child.key = t.RawString(keyTok)
				} else {
					// An escaped key is decoded into its stack slot's buffer: it stays valid
					// while the member's subtree is walked; the next sibling reuses the space.
					child.key = t.Text(keyTok, child.keyBuf[:0])
					child.keyBuf = child.key[:0]
				}
			} else {
				child.Index, child.key = idx, n.key
			}
			if lookup && child.key != nil {
				child.state = members.Step(child.key)
			} else if rules != nil {
				var key []byte
				if isObj {
					key = child.key
				}
				child.state = rules.StepKey(n.state, n.ruleDepth, t, n.Tok, keyTok, key, idx, valTok)
			}
			child.Done = child.state & done
			var err error
			switch kind {
			case jsonlex.String:
				// visit's string and number cases, written out: most values are strings and
				// numbers, and the call to visit cost more than what it does for them.
				if child.Text = t.Src[val.Start+1 : val.End-1]; val.Flags&jsonlex.FlagEscaped != 0 {
					child.Text = jsonlex.Unescape(d.scratch[:0], child.Text)
					d.scratch = child.Text[:0]
				}
				if LooksLikeJSON(child.Text) && d.level < d.w.opts.MaxNested {
					verdict, err = d.jsonString(child)
				} else {
					verdict = d.apply(child, d.w.v.Visit(child))
				}
			case jsonlex.Number:
				child.Text = t.Src[val.Start:val.End]
				verdict = d.apply(child, d.w.v.Visit(child))
			default:
				verdict, err = d.visit(child)
			}
			if err != nil {
				return err
			}
		}
		if verdict == Drop {
			if runStart < 0 {
				runStart = int(toks[c].Start)
			}
			runEnd = int(val.End)
		} else {
			if runStart >= 0 {
				// The cut comes before anything the kept child's own walk added.
				d.edits = slices.Insert(d.edits, mark, edit{start: runStart, end: int(toks[c].Start)})
				runStart = -1
			}
			lastKeptEnd = int(val.End)
		}
		c = int(val.Next)
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
