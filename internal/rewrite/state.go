package rewrite

import (
	"bytes"
	"context"
	"math/bits"
	"unicode/utf8"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// state is the per-body scratch space, pooled.
type state struct {
	e      *Engine
	ctx    context.Context
	in     *Input
	walker *jsonwalk.Walker
	tape   jsonlex.Tape
	query  bool // rules are query rules
	tokens bool // the body (a response) holds vault tokens

	findings []detect.Finding
	spans    [][2]int
	items    []item
	text     []byte // replacement text being built
	plain    bool   // scanText replaced its items with text that needs no escaping
	repl     []byte // its JSON encoding (the walker copies it at once)
	pathBuf  []byte

	redactions []redaction                    // placeholders by type, quoted (redaction)
	byRule     [fieldpath.MaxRules]*redaction // a field rule's last placeholder (ruleRedaction)

	revealed map[string]vault.Revealed
	pending  []vault.Entry
	refusal  *Refusal
	err      error
	stats    tally
}

// item is one thing to act on inside a value: a finding, or a vault token.
type item struct {
	start, end int
	typ        detect.Type
	token      bool
}

func (st *state) begin(ctx context.Context, in *Input, rules *fieldpath.Set) {
	st.ctx, st.in = ctx, in
	depth := in.MaxDepth
	if depth <= 0 {
		depth = st.e.cfg.MaxDepth
	}
	st.walker.SetOptions(jsonwalk.Options{Rules: rules, MaxDepth: depth})
	st.query = false
	st.refusal, st.err = nil, nil
	st.pending = st.pending[:0]
	st.stats.reset()
	clear(st.revealed)
}

func (st *state) release() {
	st.ctx, st.in = nil, nil
	for i := range st.pending {
		st.pending[i] = vault.Entry{} // values must not linger in pooled memory
	}
	clear(st.revealed)
	clear(st.text)
	st.e.pool.Put(st)
}

func (st *state) maxDepth() int {
	if st.in.MaxDepth > 0 {
		return st.in.MaxDepth
	}
	return st.e.cfg.MaxDepth
}

// rule returns the resolved action, declared type and scan flag of field (or query) rule i.
func (st *state) rule(i int) (policy.Action, detect.Type, bool) {
	if st.query {
		q := &st.in.Decisions.Query[i]
		return q.Action, q.Rule.Type, q.Rule.Scan
	}
	f := &st.in.Decisions.Fields[i]
	return f.Action, f.Rule.Type, f.Rule.Scan
}

func (st *state) rewriteJSON(body []byte) ([]byte, bool, error) {
	// Tokens are [a-z0-9_] only, so they appear verbatim in the raw body (nested JSON
	// included): one search here spares a token search in every value.
	st.tokens = st.in.Direction == Response && vault.HasTokenPrefix(body)
	if err := jsonlex.Lex(body, &st.tape, lexOptions(st.maxDepth())); err != nil {
		return nil, false, err
	}
	if err := st.prepareReveal(body); err != nil {
		return nil, false, err
	}
	out, changed, err := st.walker.Rewrite(&st.tape, st, st.in.Dst)
	if err != nil {
		return nil, false, err
	}
	if st.err != nil {
		return nil, false, st.err
	}
	return out, changed, nil
}

// prepareReveal looks up, in one batch, every vault token in a response body when some
// action for this caller needs the values behind them. Tokens consist of [a-z0-9_] only,
// so they appear verbatim in the raw body, even inside JSON strings nested in strings.
func (st *state) prepareReveal(body []byte) error {
	if !st.tokens || !needsValues(st.in.Decisions) { // st.tokens: a response holding "tok_"
		return nil
	}
	st.spans = vault.FindTokens(body, st.spans[:0])
	if len(st.spans) == 0 {
		return nil
	}
	if st.e.cfg.Vault == nil {
		return ErrNoVault
	}
	tokens := make([]string, 0, len(st.spans))
	seen := make(map[string]bool, len(st.spans))
	for _, s := range st.spans {
		t := string(body[s[0]:s[1]])
		if !seen[t] {
			seen[t] = true
			tokens = append(tokens, t)
		}
	}
	rev, err := st.e.cfg.Vault.Reveal(st.ctx, tokens)
	if err != nil {
		return err
	}
	if st.revealed == nil {
		st.revealed = make(map[string]vault.Revealed, len(rev))
	}
	for _, r := range rev {
		st.revealed[r.Token] = r
	}
	return nil
}

// needsValues reports whether any action for these decisions uses the value behind a token.
func needsValues(d *policy.Decisions) bool {
	uses := func(a policy.Action) bool {
		return a == policy.ActionReveal || a == policy.ActionMask || a == policy.ActionHash
	}
	if uses(d.Detected.Default) {
		return true
	}
	for _, ta := range d.Detected.Types {
		if uses(ta.Action) {
			return true
		}
	}
	for _, f := range d.Fields {
		if uses(f.Action) {
			return true
		}
	}
	return false
}

// Visit decides about one value of the walk.
func (st *state) Visit(n *jsonwalk.Node) jsonwalk.Verdict {
	if st.refusal != nil || st.err != nil {
		return jsonwalk.Skip
	}
	idx := -1
	if n.Done != 0 {
		idx = bits.TrailingZeros64(n.Done)
	} else if n.Mark != 0 {
		idx = int(n.Mark) - 1
	}
	kind := n.Kind()
	whole := kind == jsonlex.Object || kind == jsonlex.Array || n.JSON
	if idx >= 0 {
		act, typ, scan := st.rule(idx)
		if scan {
			n.Mark = uint32(idx + 1)
			if whole {
				return jsonwalk.Keep
			}
			return st.scanNode(n)
		}
		return st.applyRule(n, idx, act, typ, whole)
	}
	if whole || !st.in.Decisions.Scan {
		return jsonwalk.Keep
	}
	return st.scanNode(n)
}

// applyRule carries out a non-scan field rule on a value.
func (st *state) applyRule(n *jsonwalk.Node, idx int, act policy.Action, typ detect.Type, whole bool) jsonwalk.Verdict {
	switch act {
	case policy.ActionAllow, policy.ActionNone:
		if st.forbidCheck() && st.carriesForbidden(n, whole) {
			return jsonwalk.Skip
		}
		if typ != "" {
			st.countRule(idx, typ, act, n)
		}
		return jsonwalk.Skip
	case policy.ActionDeny:
		st.refuse("denied", typ, n)
		return jsonwalk.Skip
	case policy.ActionDrop:
		st.countRule(idx, typ, act, n)
		if n.KeyTok < 0 && n.Index < 0 {
			// The document root cannot be removed: replace it with an empty value.
			n.Repl = append(n.Repl[:0], `""`...)
			return jsonwalk.Replace
		}
		return jsonwalk.Drop
	case policy.ActionRedact:
		if n.Kind() == jsonlex.String && detect.IsRedactionMarker(n.Text) { // ("[HKID]" is also JSON-shaped)
			// Already redacted (by this proxy: [HK_PHONE]); redacting it again under the
			// rule's own type would turn it into [REDACTED]: redaction is idempotent.
			st.countRule(idx, typ, act, n)
			return jsonwalk.Skip
		}
		if !whole && typ == "" {
			typ = st.valueType(n, typ)
		}
		st.countRule(idx, typ, act, n)
		n.Repl = st.ruleRedaction(idx, typ).quoted // the walker copies it at once
		return jsonwalk.Replace
	}
	if whole {
		// mask, hash, tokenize, reveal on a container or a JSON string: every value inside.
		n.Mark = uint32(idx + 1)
		return jsonwalk.Keep
	}
	if act == policy.ActionMask && st.maskedAlready(n) {
		// A value this proxy (or DingTalk's own hide_mobile) already masked is left as it is:
		// re-masking it under the declared type would change it again (1*****0(0), masked
		// as a Macau ID, becomes 1******(*) as an HKID), and masking must be idempotent.
		st.countRule(idx, typ, act, n)
		return jsonwalk.Skip
	}
	if typ == "" || act == policy.ActionMask || act == policy.ActionTokenize {
		// The mask's shape and the token's type follow what the value really is (a
		// `mobile` declared hk_phone may hold a mainland number); a hash keeps the
		// declared type so equal fields hash alike.
		typ = st.valueType(n, typ)
	}
	if act == policy.ActionReveal && st.in.Direction == Response && !st.tokens && !n.Number() {
		// No token anywhere in the body: the value stays as it is (what revealAll would copy
		// out and find unchanged). A number still goes the long way: it comes back a string.
		st.countRule(idx, typ, act, n)
		return jsonwalk.Keep
	}
	st.text = st.text[:0]
	var err error
	if act == policy.ActionReveal {
		st.text, err = st.revealAll(st.text, n.Text)
	} else {
		st.text, err = st.transform(st.text, act, typ, n.Text, false)
	}
	if err != nil {
		st.err = err
		return jsonwalk.Skip
	}
	st.countRule(idx, typ, act, n)
	if string(st.text) == string(n.Text) && !n.Number() {
		return jsonwalk.Keep
	}
	st.repl = jsonlex.AppendString(st.repl[:0], st.text)
	n.Repl = st.repl
	return jsonwalk.Replace
}

// appendJSONString appends text as a JSON string. plain says the caller knows that
// jsonlex.AppendString would write text as it is (valid UTF-8 without '"', '\\' or control
// characters): the quotes are then all there is to add, without another pass over text.
func appendJSONString(dst, text []byte, plain bool) []byte {
	if !plain {
		return jsonlex.AppendString(dst, text)
	}
	dst = append(dst, '"')
	dst = append(dst, text...)
	return append(dst, '"')
}

// forbidCheck reports whether values allowed in clear must still be checked for types that
// may not cross the border in clear (residency.forbid_clear).
func (st *state) forbidCheck() bool {
	return st.in.CrossBorder && st.in.Direction == Request && len(st.in.ForbidClear) > 0
}

// carriesForbidden scans a value a field rule allows in clear, and refuses the call when it
// holds a forbid_clear type: an allow rule cannot open a way across the border for data the
// residency rules keep at home. Containers and JSON strings are checked value by value.
func (st *state) carriesForbidden(n *jsonwalk.Node, whole bool) bool {
	if whole {
		var found bool
		st.checkTree(n, &found)
		return found
	}
	f := detect.FieldOf(n)
	st.findings = st.e.cfg.Scanner.ScanText(n.Text, &f, st.findings[:0])
	for _, fd := range st.findings {
		if st.in.ForbidClear.Has(fd.Type) {
			st.refuse("forbid_clear", fd.Type, n)
			return true
		}
	}
	return false
}

// checkTree scans every string and number under a container or JSON string node.
func (st *state) checkTree(n *jsonwalk.Node, found *bool) {
	t := n.Tape()
	tk := t.Tokens[n.Tok]
	var buf []byte
	for i := n.Tok; i < int(tk.Next) && !*found; i++ {
		c := t.Tokens[i]
		if c.Kind != jsonlex.String && c.Kind != jsonlex.Number || c.Flags&jsonlex.FlagKey != 0 {
			continue
		}
		buf = t.Text(i, buf[:0])
		f := detect.Field{Number: c.Kind == jsonlex.Number}
		st.findings = st.e.cfg.Scanner.ScanText(buf, &f, st.findings[:0])
		for _, fd := range st.findings {
			if st.in.ForbidClear.Has(fd.Type) {
				st.refuse("forbid_clear", fd.Type, n)
				*found = true
				break
			}
		}
	}
}

// maskedAlready reports a value holding a mask's run of asterisks in which no recognizer
// finds anything: there is nothing left in it to mask.
func (st *state) maskedAlready(n *jsonwalk.Node) bool {
	if !bytes.Contains(n.Text, maskRun) {
		return false
	}
	f := detect.FieldOf(n)
	st.findings = st.e.cfg.Scanner.ScanText(n.Text, &f, st.findings[:0])
	return len(st.findings) == 0
}

var maskRun = []byte("***")

// valueType is the type a field rule's action formats a value as: what the detectors find
// when one finding covers the whole value (a `mobile` field declared hk_phone may hold a
// mainland number), else the declared type, else the first finding's type ("" when
// nothing is known).
func (st *state) valueType(n *jsonwalk.Node, declared detect.Type) detect.Type {
	if declared != "" && detect.Validate(declared, n.Text) {
		return declared // the field holds what the policy says: no need to scan it
	}
	f := detect.FieldOf(n)
	st.findings = st.e.cfg.Scanner.ScanText(n.Text, &f, st.findings[:0])
	if len(st.findings) == 1 && covers(st.findings[0], n.Text) {
		return st.findings[0].Type
	}
	if declared == "" && len(st.findings) > 0 {
		return st.findings[0].Type
	}
	return declared
}

// covers reports whether a finding spans the whole text but surrounding white space.
func covers(f detect.Finding, text []byte) bool {
	for i := 0; i < f.Start; i++ {
		if text[i] != ' ' {
			return false
		}
	}
	for i := f.End; i < len(text); i++ {
		if text[i] != ' ' {
			return false
		}
	}
	return true
}

// scanNode runs the detectors (and, on responses, the token finder) over a scalar.
func (st *state) scanNode(n *jsonwalk.Node) jsonwalk.Verdict {
	key, label, number := detect.FieldParts(n)
	out, changed, drop := st.scanText(n.Text, key, label, number, n)
	switch {
	case drop:
		return jsonwalk.Drop
	case st.refusal != nil || st.err != nil:
		return jsonwalk.Skip
	case !changed:
		return jsonwalk.Keep
	}
	st.repl = appendJSONString(st.repl[:0], out, st.plain && st.plainCuts(n, n.Text))
	n.Repl = st.repl
	return jsonwalk.Replace
}

// scanText finds PII (and tokens) in text and builds the replacement text in st.text.
// n locates the value for stats and refusals (nil for a whole text body).
// The field comes in parts (detect.FieldParts), for ScanField: a detect.Field built for every
// value only to be read back through a pointer costs two copies.
func (st *state) scanText(text []byte, key, label string, number bool, n *jsonwalk.Node) (out []byte, changed, drop bool) {
	st.findings = st.e.cfg.Scanner.ScanField(text, key, label, number, st.findings[:0])
	st.items = st.items[:0]
	if st.tokens {
		st.spans = vault.FindTokens(text, st.spans[:0])
	} else {
		st.spans = st.spans[:0]
	}
	if len(st.findings) == 0 && len(st.spans) == 0 {
		return nil, false, false
	}
	st.mergeItems(text)
	d := st.in.Decisions
	same := true // every item stays as it is (allow, or reveal of no token)
	for _, it := range st.items {
		act := d.Detected.For(it.typ)
		same = same && !it.token && (act == policy.ActionAllow || act == policy.ActionReveal)
		if !it.token {
			if d.Block.Has(it.typ) {
				st.refuse("blocked_type", it.typ, n)
				return nil, false, false
			}
			if act == policy.ActionAllow && st.in.CrossBorder && st.in.Direction == Request && st.in.ForbidClear.Has(it.typ) {
				st.refuse("forbid_clear", it.typ, n)
				return nil, false, false
			}
		}
		if act == policy.ActionDeny {
			st.refuse("denied", it.typ, n)
			return nil, false, false
		}
		if act == policy.ActionDrop {
			st.count(it.typ, act, n)
			return nil, false, true
		}
	}
	if same {
		// Nothing to build (the text would come out as it is): only the counts.
		for _, it := range st.items {
			st.count(it.typ, d.Detected.For(it.typ), n)
		}
		return nil, false, false
	}
	st.text = st.text[:0]
	st.plain = true // every item is kept or becomes a plain placeholder
	pos := 0
	for _, it := range st.items {
		act := d.Detected.For(it.typ)
		st.text = append(st.text, text[pos:it.start]...)
		if act == policy.ActionRedact {
			// transform's redaction, with the placeholder's plainness at hand
			r := st.redaction(it.typ)
			st.text = append(st.text, r.text...)
			st.plain = st.plain && r.plain
		} else {
			st.plain = st.plain && act == policy.ActionAllow
			var err error
			st.text, err = st.transform(st.text, act, it.typ, text[it.start:it.end], it.token)
			if err != nil {
				st.err = err
				return nil, false, false
			}
		}
		pos = it.end
		st.count(it.typ, act, n)
	}
	st.text = append(st.text, text[pos:]...)
	if string(st.text) == string(text) {
		return nil, false, false
	}
	return st.text, true, false
}

// plainCuts reports, after scanText replaced its items with plain text only (st.plain),
// whether the rest of the output is plain too: the text of a string without escapes (or of
// a number) is valid UTF-8 that JSON holds as it is, and so is every piece of it cut at
// character boundaries.
func (st *state) plainCuts(n *jsonwalk.Node, text []byte) bool {
	if n.Tape().Tokens[n.Tok].Flags&jsonlex.FlagEscaped != 0 {
		return false
	}
	for _, it := range st.items {
		if !runeStart(text, it.start) || !runeStart(text, it.end) {
			return false
		}
	}
	return true
}

// runeStart reports whether offset i of valid UTF-8 text is a character boundary.
func runeStart(text []byte, i int) bool { return i == len(text) || utf8.RuneStart(text[i]) }

// mergeItems orders findings and tokens by position; a finding that overlaps a token is
// dropped (the token is the pseudonym of whatever it stands for).
func (st *state) mergeItems(text []byte) {
	fi, ti := 0, 0
	for fi < len(st.findings) || ti < len(st.spans) {
		if ti < len(st.spans) && (fi == len(st.findings) || st.spans[ti][0] <= st.findings[fi].Start) {
			s := st.spans[ti]
			typ, _ := vault.ParseToken(string(text[s[0]:s[1]]))
			st.items = append(st.items, item{start: s[0], end: s[1], typ: detect.Type(typ), token: true})
			for fi < len(st.findings) && st.findings[fi].Start < s[1] {
				fi++
			}
			ti++
			continue
		}
		f := st.findings[fi]
		if ti < len(st.spans) && st.spans[ti][0] < f.End {
			fi++ // overlaps the next token
			continue
		}
		st.items = append(st.items, item{start: f.Start, end: f.End, typ: f.Type})
		fi++
	}
}

func (st *state) refuse(reason string, typ detect.Type, n *jsonwalk.Node) {
	if st.refusal != nil {
		return
	}
	st.refusal = &Refusal{Reason: reason, Type: typ, Path: st.path(n)}
}

func (st *state) path(n *jsonwalk.Node) string {
	if n == nil {
		return ""
	}
	st.pathBuf = n.AppendPath(st.pathBuf[:0], true)
	return string(st.pathBuf)
}

// count records a detected finding. Its path goes into the audit record as a template
// (array indexes as '#': result.list.#.remark), which says where personal data was without
// one entry per list element.
func (st *state) count(typ detect.Type, act policy.Action, n *jsonwalk.Node) {
	st.stats.count(typ, act)
	if st.e.cfg.RecordPaths && n != nil {
		st.pathBuf = st.stats.templatePath(n, st.pathBuf)
	}
}

// countRule records a value a field rule acted on, under the rule's own path.
func (st *state) countRule(idx int, typ detect.Type, act policy.Action, n *jsonwalk.Node) {
	st.stats.countRule(idx, typ, act)
	if !st.e.cfg.RecordPaths {
		return
	}
	if st.query {
		st.stats.rulePath(idx, st.in.Decisions.Query[idx].Rule.Param)
		return
	}
	st.stats.rulePath(idx, st.in.Decisions.Fields[idx].Rule.PathText)
}

// finish stores the values tokenized in this body (one batch, all or nothing) and builds
// the outcome. A refusal drops everything: nothing is stored for a refused call.
func (st *state) finish(out []byte, changed bool) (*Outcome, error) {
	if st.refusal != nil {
		return &Outcome{Refusal: st.refusal, Stats: st.stats.stats()}, nil
	}
	if len(st.pending) > 0 {
		if _, err := st.e.cfg.Vault.Tokenize(st.ctx, st.pending); err != nil {
			return nil, err
		}
	}
	return &Outcome{Body: out, Changed: changed, Stats: st.stats.stats()}, nil
}
