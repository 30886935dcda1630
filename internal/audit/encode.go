package audit

import (
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/counts"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
)

// TimeLayout is the canonical time format: UTC, fixed microsecond precision, so that a time
// decodes and re-encodes to the same bytes.
const TimeLayout = "2006-01-02T15:04:05.000000Z"

// ZeroHash is the Prev of the first record of a log.
const ZeroHash = "0000000000000000000000000000000000000000000000000000000000000000"

// appendBody appends the canonical encoding of r without Hash, MAC and Sig: the bytes the
// hash covers. Fields appear in a fixed order; optional fields are omitted when zero, maps
// are sorted by key. The result is one JSON object that jq reads.
func appendBody(b []byte, r *Record) []byte {
	b = append(b, `{"seq":`...)
	b = strconv.AppendUint(b, r.Seq, 10)
	b = append(b, `,"time":"`...)
	b = appendTime(b, r.Time)
	b = append(b, '"')
	b = appendStrField(b, "kind", r.Kind, true)
	b = appendStrField(b, "replica", r.Replica, true)
	b = appendStrField(b, "request_id", r.RequestID, false)
	b = appendStrField(b, "caller", r.Caller, false)
	b = appendListField(b, "roles", r.Roles)
	b = appendStrField(b, "route", r.Route, false)
	b = appendStrField(b, "method", r.Method, false)
	b = appendStrField(b, "direction", r.Direction, false)
	b = appendStrField(b, "upstream", r.Upstream, false)
	b = appendStrField(b, "region", r.Region, false)
	if r.CrossBorder {
		b = append(b, `,"cross_border":true`...)
	}
	b = appendStrField(b, "client_net", r.ClientNet, false)
	if r.Status != 0 {
		b = append(b, `,"status":`...)
		b = strconv.AppendInt(b, int64(r.Status), 10)
	}
	b = appendStrField(b, "decision", r.Decision, false)
	b = appendStrField(b, "reason", r.Reason, false)
	b = appendCountsField(b, "counts", r.Counts)
	b = appendCountsField(b, "actions", r.Actions)
	b = appendListField(b, "paths", r.Paths)
	b = appendListField(b, "tokens", r.Tokens)
	if ms := canonicalLatency(r.LatencyMS); ms != 0 {
		b = append(b, `,"latency_ms":`...)
		b = strconv.AppendFloat(b, ms, 'f', 3, 64)
	}
	if r.BytesIn != 0 {
		b = append(b, `,"bytes_in":`...)
		b = strconv.AppendInt(b, r.BytesIn, 10)
	}
	if r.BytesOut != 0 {
		b = append(b, `,"bytes_out":`...)
		b = strconv.AppendInt(b, r.BytesOut, 10)
	}
	if len(r.Detail) > 0 {
		b = append(b, `,"detail":{`...)
		for i, k := range sortedKeys(r.Detail) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendString(b, r.Detail[k])
		}
		b = append(b, '}')
	}
	b = appendStrField(b, "prev", r.Prev, true)
	return append(b, '}')
}

// appendLine appends the full line: the body with hash, mac and (for checkpoints) sig added
// before the closing brace, and a newline.
func appendLine(b []byte, r *Record) []byte {
	return appendSeal(appendBody(b, r), r)
}

// appendSeal turns b, which ends with a record's body (appendBody's output), into its line.
// The log's writer starts from the body its hasher has just encoded instead of encoding the
// record a second time.
func appendSeal(b []byte, r *Record) []byte {
	b = b[:len(b)-1] // reopen the object
	b = appendStrField(b, "hash", r.Hash, true)
	b = appendStrField(b, "mac", r.MAC, true)
	b = appendStrField(b, "sig", r.Sig, false)
	return append(b, '}', '\n')
}

// canonicalLatency maps the latency to what survives a decode: NaN, infinities and negatives
// become 0, and the value is rounded to microseconds so the three-decimal text re-parses to
// the same float.
func canonicalLatency(ms float64) float64 {
	if math.IsNaN(ms) || math.IsInf(ms, 0) || ms <= 0 || ms > 1e12 {
		return 0
	}
	// A whole number n of microseconds (what the proxy records) needs no round trip through
	// text: the double nearest n/1000 is within 1e-4 of it below 1e12, so it prints as n/1000
	// to three places, and that parses back to the same double.
	if n := math.Round(ms * 1000); n/1000 == ms {
		return ms
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(ms, 'f', 3, 64), 64)
	return v
}

// appendTime writes t in TimeLayout (UTC, microseconds) without time.Format's generality:
// it runs for every record written and every record read back.
func appendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return t.AppendFormat(b, TimeLayout) // out of the fixed-width range: let time decide
	}
	year, month, day := t.Date()
	hour, minute, sec := t.Clock()
	us := t.Nanosecond() / 1000
	b = appendDigits(b, year, 4)
	b = append(b, '-')
	b = appendDigits(b, int(month), 2)
	b = append(b, '-')
	b = appendDigits(b, day, 2)
	b = append(b, 'T')
	b = appendDigits(b, hour, 2)
	b = append(b, ':')
	b = appendDigits(b, minute, 2)
	b = append(b, ':')
	b = appendDigits(b, sec, 2)
	b = append(b, '.')
	b = appendDigits(b, us, 6)
	return append(b, 'Z')
}

func appendDigits(b []byte, v, width int) []byte {
	var tmp [8]byte
	for i := width - 1; i >= 0; i-- {
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[:width]...)
}

// canonicalTime is the time as it will read back: UTC, truncated to microseconds.
func canonicalTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func appendStrField(b []byte, name, v string, always bool) []byte {
	if v == "" && !always {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendString(b, v)
}

func appendListField(b []byte, name string, list []string) []byte {
	if len(list) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, `":[`...)
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

func appendCountsField(b []byte, name string, m map[string]int) []byte {
	if len(m) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, `":{`...)
	b = counts.AppendMembers(b, m, appendString)
	return append(b, '}')
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// appendString writes a JSON string: only '"', '\\' and control characters are escaped;
// invalid UTF-8 becomes U+FFFD written raw, so the decoder's output re-encodes identically.
func appendString(b []byte, s string) []byte { return jsonlex.AppendQuoted(b, s) }

// AppendLine appends r's canonical line (with its trailing newline) as stored in segments.
// It does not seal r: Hash, MAC and Sig are written as they are.
func AppendLine(b []byte, r *Record) []byte { return appendLine(b, r) }
