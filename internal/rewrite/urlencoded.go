package rewrite

import (
	"net/url"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// rewriteURLEncoded rewrites a form body or a query string by viewing it as a JSON object of
// strings ({"name":"value",...}, order and repeats kept): field rules then address
// parameters by name, values holding JSON (the legacy API's `msg`) are walked like any
// JSON-in-string, and the same one-pass visitor applies. Untouched input is returned as is.
func (st *state) rewriteURLEncoded(body []byte) ([]byte, bool, error) {
	obj := make([]byte, 0, len(body)+32)
	obj = append(obj, '{')
	first := true
	err := detect.EachFormValue(body, func(name, value string) error {
		if !first {
			obj = append(obj, ',')
		}
		first = false
		obj = jsonlex.AppendString(obj, []byte(name))
		obj = append(obj, ':')
		obj = jsonlex.AppendString(obj, []byte(value))
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	obj = append(obj, '}')
	out, changed, err := st.rewriteJSON(obj)
	if err != nil || !changed {
		return body, false, err
	}
	if st.refusal != nil {
		return nil, false, nil
	}
	// Re-encode the rewritten object as name=value pairs.
	var t jsonlex.Tape
	if err := jsonlex.Lex(out, &t, jsonlex.Options{}); err != nil {
		return nil, false, err
	}
	enc := make([]byte, 0, len(body)+16)
	var scratch []byte // Text aliases the tape's source unless it must unescape
	t.Children(0, func(k int) bool {
		if len(enc) > 0 {
			enc = append(enc, '&')
		}
		enc = appendEscaped(enc, t.Text(k, scratch[:0]))
		enc = append(enc, '=')
		enc = appendEscaped(enc, t.Text(k+1, scratch[:0]))
		return true
	})
	return enc, true, nil
}

// appendEscaped percent-encodes for both form bodies and query strings ('+' for a space is
// valid in both).
func appendEscaped(dst, s []byte) []byte { return append(dst, url.QueryEscape(string(s))...) }

// rewriteText scans a text/* body as one value.
func (st *state) rewriteText(body []byte) ([]byte, bool, error) {
	if !st.in.Decisions.Scan {
		return body, false, nil
	}
	st.tokens = st.in.Direction == Response && vault.HasTokenPrefix(body)
	if err := st.prepareReveal(body); err != nil {
		return nil, false, err
	}
	out, changed, drop := st.scanText(body, "", "", false, nil)
	if st.err != nil {
		return nil, false, st.err
	}
	if drop {
		return []byte{}, true, nil
	}
	if !changed {
		return body, false, nil
	}
	return append([]byte(nil), out...), true, nil
}

var _ jsonwalk.Visitor = (*state)(nil)
