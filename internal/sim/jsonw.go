package sim

import (
	"strconv"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
)

// The hot legacy endpoints (user/get, user/list) are rendered with these appenders rather
// than encoding/json: the bytes are cached per employee, and a page is a concatenation of
// cached items, so the simulator never becomes the bottleneck of a proxy benchmark.

// appendString appends s as a JSON string literal. Unlike encoding/json it leaves <, > and &
// alone (DingTalk does not escape them).
func appendString(dst []byte, s string) []byte { return jsonlex.AppendQuoted(dst, s) }

// obj builds one JSON object by appending members; the first member needs no comma.
type obj struct {
	b     []byte
	first bool
}

func newObj(dst []byte) obj { return obj{b: append(dst, '{'), first: true} }

func (o *obj) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = appendString(o.b, k)
	o.b = append(o.b, ':')
}

func (o *obj) str(k, v string)        { o.key(k); o.b = appendString(o.b, v) }
func (o *obj) int(k string, v int64)  { o.key(k); o.b = strconv.AppendInt(o.b, v, 10) }
func (o *obj) bool(k string, v bool)  { o.key(k); o.b = strconv.AppendBool(o.b, v) }
func (o *obj) raw(k string, v []byte) { o.key(k); o.b = append(o.b, v...) }
func (o *obj) end() []byte            { return append(o.b, '}') }

// objects appends member k, an array of n objects, the i-th filled by fill.
func (o *obj) objects(k string, n int, fill func(d *obj, i int)) {
	o.key(k)
	o.b = append(o.b, '[')
	for i := 0; i < n; i++ {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		d := newObj(o.b)
		fill(&d, i)
		o.b = d.end()
	}
	o.b = append(o.b, ']')
}

// appendInts appends a JSON array of integers.
func appendInts(dst []byte, xs []int64) []byte {
	dst = append(dst, '[')
	for i, x := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = strconv.AppendInt(dst, x, 10)
	}
	return append(dst, ']')
}

// appendStrings appends a JSON array of strings.
func appendStrings(dst []byte, xs []string) []byte {
	dst = append(dst, '[')
	for i, x := range xs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, x)
	}
	return append(dst, ']')
}
