package audit

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"
	"unsafe"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
)

// ErrNotCanonical is returned by ParseLine for a line that is not exactly what the encoder
// writes for the record it decodes to: hand edits, re-serialisation by another tool,
// duplicate or unknown keys.
var ErrNotCanonical = errors.New("audit: not a canonical record line")

// ParseLine decodes one record line (the trailing newline is optional). It accepts only
// canonical lines: the decoded record must re-encode to the same bytes, so what a verifier
// hashes is exactly what a reader sees. Errors name the field, never its content.
func ParseLine(line []byte) (*Record, error) {
	r := new(Record)
	if _, err := parseLine(line, r, nil); err != nil {
		return nil, err
	}
	return r, nil
}

// parseLine decodes into r, using scratch for the re-encoding, and returns scratch for reuse.
// The decoder is a small JSON reader for the shapes a record has (strings, integers, one
// float, true, arrays of strings, objects of integers or strings); strictness comes from
// the re-encoding comparison at the end, not from the reader.
func parseLine(line []byte, r *Record, scratch []byte) ([]byte, error) {
	line = bytes.TrimSuffix(line, []byte{'\n'})
	*r = Record{}
	d := decoder{s: string(line)} // one copy; decoded strings are substrings of it
	if err := d.record(r); err != nil {
		return scratch, err
	}
	scratch = appendLine(scratch[:0], r)
	if !bytes.Equal(scratch[:len(scratch)-1], line) {
		return scratch, ErrNotCanonical
	}
	return scratch, nil
}

type decoder struct {
	s   string
	pos int
}

var errSyntax = errors.New("malformed JSON")

func (d *decoder) expect(c byte) error {
	if d.pos >= len(d.s) || d.s[d.pos] != c {
		return errSyntax
	}
	d.pos++
	return nil
}

func (d *decoder) peek() byte {
	if d.pos >= len(d.s) {
		return 0
	}
	return d.s[d.pos]
}

func (d *decoder) record(r *Record) error {
	if err := d.expect('{'); err != nil {
		return fmt.Errorf("%w: not a JSON object", ErrNotCanonical)
	}
	for first := true; ; first = false {
		if d.peek() == '}' && first {
			return fmt.Errorf("%w: empty object", ErrNotCanonical)
		}
		key, err := d.str()
		if err != nil {
			return fmt.Errorf("%w: %v", ErrNotCanonical, err)
		}
		if err := d.expect(':'); err != nil {
			return fieldErr(key, "missing ':'")
		}
		if err := d.field(r, key); err != nil {
			return fieldErr(key, err.Error())
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			if d.pos != len(d.s) {
				return fmt.Errorf("%w: data after the object", ErrNotCanonical)
			}
			return nil
		default:
			return fieldErr(key, "want ',' or '}' after the value")
		}
	}
}

func (d *decoder) field(r *Record, key string) error {
	var err error
	switch key {
	case "seq":
		r.Seq, err = d.uint()
	case "time":
		var s string
		if s, err = d.str(); err == nil {
			r.Time, err = time.Parse(TimeLayout, s)
		}
	case "kind":
		r.Kind, err = d.str()
	case "replica":
		r.Replica, err = d.str()
	case "request_id":
		r.RequestID, err = d.str()
	case "caller":
		r.Caller, err = d.str()
	case "roles":
		r.Roles, err = d.strList()
	case "route":
		r.Route, err = d.str()
	case "method":
		r.Method, err = d.str()
	case "direction":
		r.Direction, err = d.str()
	case "upstream":
		r.Upstream, err = d.str()
	case "region":
		r.Region, err = d.str()
	case "cross_border":
		if !hasPrefixAt(d.s, d.pos, "true") {
			return errors.New("want true (false is omitted)")
		}
		d.pos += 4
		r.CrossBorder = true
	case "client_net":
		r.ClientNet, err = d.str()
	case "status":
		var n int64
		if n, err = d.int(); err == nil && (n < 0 || n > 999) {
			err = errors.New("out of range")
		}
		r.Status = int(n)
	case "decision":
		r.Decision, err = d.str()
	case "reason":
		r.Reason, err = d.str()
	case "counts":
		r.Counts, err = d.intMap()
	case "actions":
		r.Actions, err = d.intMap()
	case "paths":
		r.Paths, err = d.strList()
	case "tokens":
		r.Tokens, err = d.strList()
	case "latency_ms":
		r.LatencyMS, err = strconv.ParseFloat(d.number(), 64)
	case "bytes_in":
		r.BytesIn, err = d.int()
	case "bytes_out":
		r.BytesOut, err = d.int()
	case "detail":
		r.Detail, err = d.strMap()
	case "prev":
		r.Prev, err = d.str()
	case "hash":
		r.Hash, err = d.str()
	case "mac":
		r.MAC, err = d.str()
	case "sig":
		r.Sig, err = d.str()
	default:
		return errors.New("unknown field")
	}
	return err
}

func fieldErr(key, why string) error {
	if len(key) > 32 {
		key = key[:32]
	}
	return fmt.Errorf("%w: field %q: %s", ErrNotCanonical, key, why)
}

func hasPrefixAt(s string, pos int, p string) bool {
	return len(s)-pos >= len(p) && s[pos:pos+len(p)] == p
}

// number returns the raw token of a number (validated by the caller's strconv call).
func (d *decoder) number() string {
	start := d.pos
	for d.pos < len(d.s) {
		c := d.s[d.pos]
		if c >= '0' && c <= '9' || c == '-' || c == '.' || c == '+' || c == 'e' || c == 'E' {
			d.pos++
			continue
		}
		break
	}
	return d.s[start:d.pos]
}

func (d *decoder) uint() (uint64, error) {
	n, err := strconv.ParseUint(d.number(), 10, 64)
	if err != nil {
		return 0, errors.New("not an unsigned integer")
	}
	return n, nil
}

func (d *decoder) int() (int64, error) {
	n, err := strconv.ParseInt(d.number(), 10, 64)
	if err != nil {
		return 0, errors.New("not an integer")
	}
	return n, nil
}

// str reads a JSON string, validated as the proxy's lexer validates strings. Without escapes
// it is a substring of the line (no copy).
func (d *decoder) str() (string, error) {
	if d.peek() != '"' {
		return "", errors.New("want a string")
	}
	start := d.pos
	src := unsafe.Slice(unsafe.StringData(d.s), len(d.s))
	end, escaped, err := jsonlex.ScanString(src, start)
	if err != nil {
		return "", err // the message holds an offset, never the text
	}
	d.pos = end
	if !escaped {
		return d.s[start+1 : end-1], nil
	}
	return string(jsonlex.Unescape(nil, src[start+1:end-1])), nil
}

// list reads a JSON array, calling elem for each element.
func (d *decoder) list(elem func() error) error {
	if err := d.expect('['); err != nil {
		return errors.New("want an array")
	}
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return errSyntax
		}
	}
}

// object reads a JSON object, calling member for each key.
func (d *decoder) object(member func(key string) error) error {
	if err := d.expect('{'); err != nil {
		return errors.New("want an object")
	}
	if d.peek() == '}' {
		d.pos++
		return nil
	}
	for {
		k, err := d.str()
		if err != nil {
			return err
		}
		if err := d.expect(':'); err != nil {
			return err
		}
		if err := member(k); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return errSyntax
		}
	}
}

func (d *decoder) strList() ([]string, error) {
	var out []string
	err := d.list(func() error {
		if len(out) >= 4*maxListLen {
			return errors.New("too many entries")
		}
		s, err := d.str()
		out = append(out, s)
		return err
	})
	return out, err
}

func (d *decoder) intMap() (map[string]int, error) {
	out := map[string]int{}
	err := d.object(func(k string) error {
		if len(out) >= 4*maxMapLen {
			return errors.New("too many entries")
		}
		n, err := d.int()
		out[k] = int(n)
		return err
	})
	return out, err
}

func (d *decoder) strMap() (map[string]string, error) {
	out := map[string]string{}
	err := d.object(func(k string) error {
		if len(out) >= 4*maxMapLen {
			return errors.New("too many entries")
		}
		s, err := d.str()
		out[k] = s
		return err
	})
	return out, err
}
