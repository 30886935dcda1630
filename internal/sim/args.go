package sim

import (
	"bytes"
	"net/url"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// args reads the parameters of one call from wherever DingTalk would take them: a JSON
// object body, an urlencoded form body (legacy only), then the query string (legacy only;
// GET parameters on the new API).
type args struct {
	js    []byte     // a valid JSON object, or nil
	form  url.Values // the parsed form body, or nil
	query url.Values // nil when the query is not consulted
}

// paramError names a parameter and what is wrong with it, never its value.
type paramError struct {
	name, problem string
}

func (e *paramError) Error() string { return "parameter " + e.name + ": " + e.problem }

func missing(name string) error { return &paramError{name, "missing"} }

func badType(name, want string) error { return &paramError{name, "must be " + want} }

// parseArgs builds args from a body. form selects urlencoded parsing; otherwise a non-blank
// body must be a JSON object.
func parseArgs(body []byte, form bool, query url.Values) (*args, error) {
	a := &args{query: query}
	// A JSON object under a form Content-Type (curl -d '{...}' does this) is read as JSON:
	// no urlencoded form starts with '{' and parses as a whole JSON object.
	if form && looksLikeJSONObject(body) {
		form = false
	}
	if form {
		v, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, &paramError{"body", "malformed urlencoded form"}
		}
		a.form = v
		return a, nil
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return a, nil
	}
	if trimmed[0] != '{' || !gjson.ValidBytes(trimmed) {
		return nil, &paramError{"body", "must be a JSON object"}
	}
	a.js = trimmed
	return a, nil
}

// lookup finds a raw parameter: a JSON member (any type), or a form/query value (string).
func (a *args) lookup(name string) (res gjson.Result, fromText bool, ok bool) {
	if a.js != nil {
		if r := gjson.GetBytes(a.js, gjsonKey(name)); r.Exists() {
			return r, false, true
		}
	}
	for _, v := range []url.Values{a.form, a.query} {
		if v != nil && v.Has(name) {
			return gjson.Result{Type: gjson.String, Str: v.Get(name)}, true, true
		}
	}
	return gjson.Result{}, false, false
}

// gjsonKey escapes the characters gjson gives meaning to, so a name is matched literally.
func gjsonKey(name string) string {
	if !strings.ContainsAny(name, `.*?|#@\!=<>%`) {
		return name
	}
	var b strings.Builder
	for _, c := range name {
		if strings.ContainsRune(`.*?|#@\!=<>%`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// str returns a string parameter; JSON numbers are accepted in their literal form, as the
// TOP gateway converts types. ok is false when absent or null.
func (a *args) str(name string) (string, bool, error) {
	r, _, ok := a.lookup(name)
	if !ok || r.Type == gjson.Null {
		return "", false, nil
	}
	switch r.Type {
	case gjson.String:
		return r.Str, true, nil
	case gjson.Number:
		return r.Raw, true, nil
	}
	return "", true, badType(name, "a string")
}

// reqStr is str for required parameters: absent or empty is an error.
func (a *args) reqStr(name string) (string, error) {
	s, ok, err := a.str(name)
	if err != nil {
		return "", err
	}
	if !ok || s == "" {
		return "", missing(name)
	}
	return s, nil
}

// int returns an integer parameter given as a JSON number or a decimal string.
func (a *args) int(name string) (int64, bool, error) {
	r, _, ok := a.lookup(name)
	if !ok || r.Type == gjson.Null {
		return 0, false, nil
	}
	var lit string
	switch r.Type {
	case gjson.Number:
		lit = r.Raw
	case gjson.String:
		lit = strings.TrimSpace(r.Str)
	default:
		return 0, true, badType(name, "an integer")
	}
	n, err := strconv.ParseInt(lit, 10, 64)
	if err != nil {
		return 0, true, badType(name, "an integer")
	}
	return n, true, nil
}

// bool returns a boolean parameter given as JSON true/false or the strings "true"/"false".
func (a *args) bool(name string) (bool, bool, error) {
	r, _, ok := a.lookup(name)
	if !ok || r.Type == gjson.Null {
		return false, false, nil
	}
	switch r.Type {
	case gjson.True:
		return true, true, nil
	case gjson.False:
		return false, true, nil
	case gjson.String:
		if b, err := strconv.ParseBool(r.Str); err == nil {
			return b, true, nil
		}
	}
	return false, true, badType(name, "a boolean")
}

// list returns a list of strings given either as a JSON array of strings (new API style) or
// as one comma-separated string (legacy style: userid_list "u1,u2"). Blank items are dropped.
func (a *args) list(name string) ([]string, bool, error) {
	r, _, ok := a.lookup(name)
	if !ok || r.Type == gjson.Null {
		return nil, false, nil
	}
	var out []string
	switch {
	case r.IsArray():
		var bad bool
		r.ForEach(func(_, v gjson.Result) bool {
			switch v.Type {
			case gjson.String:
				out = append(out, v.Str)
			case gjson.Number:
				out = append(out, v.Raw)
			default:
				bad = true
				return false
			}
			return true
		})
		if bad {
			return nil, true, badType(name, "a list of strings")
		}
	case r.Type == gjson.String:
		for p := range strings.SplitSeq(r.Str, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	case r.Type == gjson.Number:
		out = []string{r.Raw}
	default:
		return nil, true, badType(name, "a list or a comma-separated string")
	}
	return out, true, nil
}

// object returns a parameter that must be a JSON object, given either as an object or as a
// string holding one (the legacy form body sends asyncsend_v2 "msg" that way).
func (a *args) object(name string) ([]byte, bool, error) {
	r, _, ok := a.lookup(name)
	if !ok || r.Type == gjson.Null {
		return nil, false, nil
	}
	raw := r.Raw
	if r.Type == gjson.String {
		raw = r.Str
	}
	raw = strings.TrimSpace(raw)
	if !strings.HasPrefix(raw, "{") || !gjson.Valid(raw) {
		return nil, true, badType(name, "a JSON object")
	}
	return []byte(raw), true, nil
}

// raw returns a JSON parameter's raw text (JSON bodies only).
func (a *args) raw(name string) (gjson.Result, bool) {
	if a.js == nil {
		return gjson.Result{}, false
	}
	r := gjson.GetBytes(a.js, gjsonKey(name))
	return r, r.Exists()
}

func looksLikeJSONObject(b []byte) bool {
	t := bytes.TrimSpace(b)
	return len(t) > 0 && t[0] == '{' && gjson.ValidBytes(t)
}
