package sim

import (
	"encoding/json"
	"net/url"
	"slices"
	"testing"
)

func TestArgs(t *testing.T) {
	js := func(s string) *args {
		a, err := parseArgs([]byte(s), false, url.Values{"q": {"fromquery"}, "dept_id": {"9"}})
		if err != nil {
			t.Fatalf("parseArgs(%s): %v", s, err)
		}
		return a
	}
	a := js(`{"s":"x","n":12,"ns":" 34 ","b":true,"bs":"false","l":["a","b"],"lc":"a, b,,c","o":{"k":1},"os":"{\"k\":2}","nul":null,"f":1.5,"dot.key":"d"}`)
	if v, ok, err := a.str("s"); v != "x" || !ok || err != nil {
		t.Errorf("str s = %q %v %v", v, ok, err)
	}
	if v, _, _ := a.str("n"); v != "12" {
		t.Errorf("a number reads as its literal text, got %q", v)
	}
	if _, ok, _ := a.str("nul"); ok {
		t.Error("null is absent")
	}
	if _, _, err := a.str("o"); err == nil {
		t.Error("an object is not a string")
	}
	if v, _, err := a.int("ns"); v != 34 || err != nil {
		t.Errorf("int from text = %d %v", v, err)
	}
	if _, _, err := a.int("f"); err == nil {
		t.Error("1.5 is not an integer")
	}
	if v, ok, _ := a.int("dept_id"); v != 9 || !ok {
		t.Errorf("legacy parameters fall back to the query: %d %v", v, ok)
	}
	if v, _, err := a.bool("bs"); v || err != nil {
		t.Errorf("bool from text = %v %v", v, err)
	}
	if v, _, _ := a.list("l"); !slices.Equal(v, []string{"a", "b"}) {
		t.Errorf("list from array = %q", v)
	}
	if v, _, _ := a.list("lc"); !slices.Equal(v, []string{"a", "b", "c"}) {
		t.Errorf("list from comma string = %q", v)
	}
	if _, _, err := a.list("o"); err == nil {
		t.Error("an object is not a list")
	}
	for _, k := range []string{"o", "os"} {
		if v, ok, err := a.object(k); !ok || err != nil || !json.Valid(v) {
			t.Errorf("object %s = %s %v %v", k, v, ok, err)
		}
	}
	if _, _, err := a.object("s"); err == nil {
		t.Error("a plain string is not an object")
	}
	if v, _, _ := a.str("dot.key"); v != "d" {
		t.Errorf("keys with gjson syntax characters are matched literally, got %q", v)
	}
	if v, _ := a.reqStr("q"); v != "fromquery" {
		t.Errorf("query fallback %q", v)
	}
	if _, err := a.reqStr("absent"); err == nil || err.Error() != "parameter absent: missing" {
		t.Errorf("reqStr error %v", err)
	}

	f, err := parseArgs([]byte("dept_id=5&msg=%7B%22msgtype%22%3A%22text%22%7D&userid_list=a,b"), true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, _, _ := f.int("dept_id"); v != 5 {
		t.Errorf("form int %d", v)
	}
	if v, _, _ := f.object("msg"); string(v) != `{"msgtype":"text"}` {
		t.Errorf("form msg %s", v)
	}
	if v, _, _ := f.list("userid_list"); !slices.Equal(v, []string{"a", "b"}) {
		t.Errorf("form list %q", v)
	}
	for _, bad := range []string{`[1]`, `{"a":`, `"s"`, `{}x`} {
		if _, err := parseArgs([]byte(bad), false, nil); err == nil {
			t.Errorf("parseArgs(%s) accepted a non-object", bad)
		}
	}
	if a, err := parseArgs([]byte(`{"a":1}`), true, nil); err != nil || a.js == nil {
		t.Error("a JSON object under a form content type is read as JSON")
	}
	if a, err := parseArgs([]byte("  \n"), false, nil); err != nil || a.js != nil {
		t.Error("a blank body is an empty parameter set")
	}
}

// FuzzParseArgs: no input panics; accepted JSON bodies are objects whose string members read
// back as encoding/json reads them.
func FuzzParseArgs(f *testing.F) {
	f.Add([]byte(`{"userid":"chantaiman","size":10}`), false)
	f.Add([]byte(`dept_id=1&access_token=x`), true)
	f.Add([]byte(`{"userid":"a\u0000b","userid":"dup"}`), false)
	f.Add([]byte(`{"msg":"{\"msgtype\":\"text\"}"}`), false)
	f.Fuzz(func(t *testing.T, body []byte, form bool) {
		a, err := parseArgs(body, form, nil)
		if err != nil {
			return
		}
		for _, k := range []string{"userid", "size", "msg", "dept_id", "userid_list"} {
			a.str(k)
			a.int(k)
			a.bool(k)
			a.list(k)
			a.object(k)
		}
		if a.js == nil {
			return
		}
		var m map[string]any
		if err := json.Unmarshal(a.js, &m); err != nil {
			t.Fatalf("accepted %q, which encoding/json rejects: %v", a.js, err)
		}
	})
}

// FuzzRedactQuery: a secret parameter's value never survives redaction, and the other
// parameters are untouched.
func FuzzRedactQuery(f *testing.F) {
	f.Add("appkey=k&appsecret=s3cr3t", "s3cr3t")
	f.Add("access_token=abc&x=1", "abc")
	f.Add("access%5Ftoken=abc", "abc")
	f.Fuzz(func(t *testing.T, prefix, secret string) {
		if len(secret) < 4 || !validQueryValue(secret) || !validQueryValue(prefix) {
			return
		}
		for _, key := range []string{"access_token", "appsecret", "access%5ftoken"} {
			raw := prefix + "&" + key + "=" + secret
			out, red := redactQuery(raw, nil)
			if !slices.Contains(red, "access_token") && !slices.Contains(red, "appsecret") {
				t.Fatalf("%q: nothing redacted", raw)
			}
			v, err := url.ParseQuery(out)
			if err != nil {
				continue
			}
			for _, k := range []string{"access_token", "appsecret"} {
				for _, val := range v[k] {
					if val != "***" && val != "" {
						t.Fatalf("%q -> %q keeps %s=%q", raw, out, k, val)
					}
				}
			}
		}
	})
}

// validQueryValue keeps the fuzzer to values that cannot smuggle a parameter separator.
func validQueryValue(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '&' || c == '=' || c == '%' || c == '+' || c == ';' || c < 0x21 || c > 0x7e {
			return false
		}
	}
	return true
}

// FuzzRedactJSON: a top-level secret member's value never survives redaction, and the
// result is still JSON when the input was.
func FuzzRedactJSON(f *testing.F) {
	f.Add(`{"appKey":"k","appSecret":"s3cr3t"}`, "s3cr3t")
	f.Add(`{"clientSecret":"abcd","refreshToken":"abcd"}`, "abcd")
	f.Fuzz(func(t *testing.T, body, secret string) {
		out, _ := redactJSON([]byte(body), nil)
		if !json.Valid([]byte(body)) {
			return
		}
		var m map[string]any
		if json.Unmarshal(out, &m) != nil {
			if json.Unmarshal([]byte(body), &m) == nil && string(out)[0] != '*' {
				t.Fatalf("valid object %q redacted to invalid %q", body, out)
			}
			return
		}
		for _, k := range secretJSONKeys {
			if v, ok := m[k]; ok && v != "***" {
				t.Fatalf("%q -> %q keeps %s", body, out, k)
			}
		}
	})
}
