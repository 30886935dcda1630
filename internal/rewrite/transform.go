package rewrite

import (
	"unsafe"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/mask"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// redaction returns the placeholder of type t ("[HK_PHONE]") and its JSON encoding.
// Placeholders are kept per state, a few types at most: a type's placeholder never changes,
// and looking one up here (the type strings mostly share their data, so a compare is a
// pointer test) costs far less than the map in mask.Redact plus quoting it again for every
// value redacted.
func (st *state) redaction(t detect.Type) *redaction {
	for i := range st.redactions {
		// A type spelt in two places has an entry for each (added below).
		if r := &st.redactions[i]; sameType(r.typ, t) {
			return r
		}
	}
	for i := range st.redactions {
		if r := &st.redactions[i]; r.typ == t {
			if len(st.redactions) == maxRedactions {
				return r
			}
			alias := *r
			alias.typ = t
			st.redactions = append(st.redactions, alias)
			return &st.redactions[len(st.redactions)-1]
		}
	}
	text := mask.Redact(t)
	quoted := jsonlex.AppendQuoted(nil, text)
	r := redaction{t, text, quoted, len(quoted) == len(text)+2}
	if len(st.redactions) < maxRedactions {
		st.redactions = append(st.redactions, r)
	}
	return &r
}

// ruleRedaction is redaction for field rule idx, whose type is mostly the same from value to
// value: the rule's last placeholder is tried before the list.
func (st *state) ruleRedaction(idx int, t detect.Type) *redaction {
	if r := st.byRule[idx]; r != nil && sameType(r.typ, t) {
		return r
	}
	r := st.redaction(t)
	st.byRule[idx] = r
	return r
}

// sameType compares the pointers of two types, without a call to compare their bytes:
// equal types spelt in two places (a rule's, a recognizer's) are not the same here.
func sameType(a, b detect.Type) bool {
	return len(a) == len(b) && unsafe.StringData(string(a)) == unsafe.StringData(string(b))
}

type redaction struct {
	typ    detect.Type
	text   string // mask.Redact(typ)
	quoted []byte // as a JSON string
	plain  bool   // quoted is text in quotes: it needs no escaping
}

// maxRedactions bounds the placeholders a state keeps (policies name a few types; custom
// recognizers could add more).
const maxRedactions = 16

// transform appends what value becomes under action act. token says value is a vault
// token (responses): the actions that need the real value reveal it first, and a token
// whose entry is gone becomes the erased placeholder, never a value.
func (st *state) transform(dst []byte, act policy.Action, typ detect.Type, value []byte, token bool) ([]byte, error) {
	switch act {
	case policy.ActionRedact:
		return append(dst, st.redaction(typ).text...), nil
	case policy.ActionTokenize:
		if _, isTok := vault.ParseToken(string(value)); token || isTok {
			return append(dst, value...), nil // already a pseudonym
		}
		return st.tokenize(dst, typ, value)
	case policy.ActionMask, policy.ActionHash, policy.ActionReveal:
		v := value
		if token {
			r, ok := st.revealed[string(value)]
			if !ok || r.Status != vault.StatusOK {
				return append(dst, mask.Erased...), nil
			}
			v = []byte(r.Value)
		}
		switch act {
		case policy.ActionMask:
			return mask.Mask(dst, typ, v), nil
		case policy.ActionHash:
			if mask.IsHash(v) {
				return append(dst, v...), nil // hashing stays idempotent
			}
			if st.e.cfg.Hasher == nil {
				return nil, ErrNoHashKey
			}
			return st.e.cfg.Hasher.Append(dst, hashType(typ), v), nil
		}
		return append(dst, v...), nil // reveal
	}
	return append(dst, value...), nil // allow
}

func hashType(t detect.Type) detect.Type {
	if t == "" {
		return vault.UntypedType
	}
	return t
}

// tokenize appends the token of value and queues the value for the vault; the batch is
// stored before the body is released (finish), so DingTalk never holds a token the vault
// cannot reveal.
func (st *state) tokenize(dst []byte, typ detect.Type, value []byte) ([]byte, error) {
	v := st.e.cfg.Vault
	if v == nil {
		return nil, ErrNoVault
	}
	t := string(typ)
	if t == "" || !vault.ValidType(t) {
		t = vault.UntypedType
	}
	val := string(value)
	st.pending = append(st.pending, vault.Entry{Type: t, Value: val, TTL: st.in.TTL})
	tok := v.TokenFor(t, val)
	st.stats.token(tok)
	return append(dst, tok...), nil
}

// revealAll replaces every token in text with its value (a field rule with action reveal;
// applyRule does not call it for a string of a response that holds no "tok_" at all).
func (st *state) revealAll(dst, text []byte) ([]byte, error) {
	st.spans = vault.FindTokens(text, st.spans[:0])
	pos := 0
	for _, s := range st.spans {
		dst = append(dst, text[pos:s[0]]...)
		var err error
		dst, err = st.transform(dst, policy.ActionReveal, "", text[s[0]:s[1]], true)
		if err != nil {
			return nil, err
		}
		st.stats.token(string(text[s[0]:s[1]]))
		pos = s[1]
	}
	return append(dst, text[pos:]...), nil
}
