package proxy

import (
	"io"
	"log/slog"
	"math"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hkpii/dingtalk-pii-proxy/internal/counts"
)

// NewJSONLogHandler returns a handler that writes exactly what slog.NewJSONHandler(w, opts)
// writes. The proxy recognises it and writes its per-call line itself, the same bytes in
// one Write, at a fraction of slog's cost (its float goes through encoding/json, its group
// values through sorted attribute slices). Any other handler gets the line through slog.
func NewJSONLogHandler(w io.Writer, opts *slog.HandlerOptions) slog.Handler {
	lw := &lockedWriter{w: w}
	return &jsonLogHandler{
		JSONHandler: slog.NewJSONHandler(lw, opts),
		lw:          lw,
		// ReplaceAttr may rewrite any field and AddSource adds one: those lines are slog's.
		fast: opts == nil || (opts.ReplaceAttr == nil && !opts.AddSource),
	}
}

// jsonLogHandler is a JSONHandler whose writer the proxy knows. WithAttrs and WithGroup are
// the JSONHandler's own and return a plain *slog.JSONHandler, so a derived handler, whose
// lines carry more than the call's fields, never takes the fast path.
type jsonLogHandler struct {
	*slog.JSONHandler
	lw   *lockedWriter
	fast bool
}

// lockedWriter serialises the JSONHandler's writes with the call lines written beside it:
// slog's own mutex is out of reach.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (lw *lockedWriter) Write(p []byte) (int, error) {
	lw.mu.Lock()
	defer lw.mu.Unlock()
	return lw.w.Write(p)
}

var callLineBufs = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// writeCallLine writes c's call line at time t; false when the line is not one this encoder
// can write as slog would (no time, or a year RFC 3339 cannot hold), and the caller logs
// through slog.
func (h *jsonLogHandler) writeCallLine(t time.Time, c *Call) bool {
	t = t.Round(0)
	if y := t.Year(); t.IsZero() || y < 0 || y >= 10000 {
		return false
	}
	bp := callLineBufs.Get().(*[]byte)
	b := appendCallLine((*bp)[:0], t, c)
	_, _ = h.lw.Write(b)
	if cap(b) <= 16<<10 {
		*bp = b
		callLineBufs.Put(bp)
	}
	return true
}

// appendCallLine is slog's JSONHandler line for the attributes Server.finish logs, field
// for field (TestCallLineMatchesSlog holds the two together).
func appendCallLine(b []byte, t time.Time, c *Call) []byte {
	b = append(b, `{"time":"`...)
	b = appendRFC3339Nano(b, t)
	b = append(b, `","level":"INFO","msg":"call","request_id":`...)
	b = appendJSONString(b, c.ID)
	b = append(b, `,"method":`...)
	b = appendJSONString(b, c.Method)
	b = append(b, `,"status":`...)
	b = strconv.AppendInt(b, int64(c.Status), 10)
	b = append(b, `,"decision":`...)
	b = appendJSONString(b, c.Decision)
	b = append(b, `,"duration_ms":`...)
	b = appendJSONFloat(b, float64(c.Duration.Microseconds())/1000)
	if c.Caller != nil {
		b = append(b, `,"caller":`...)
		b = appendJSONString(b, c.Caller.ID)
	}
	if c.Route != nil {
		b = append(b, `,"route":`...)
		b = appendJSONString(b, c.Route.Name)
	}
	if c.Reason != "" {
		b = append(b, `,"reason":`...)
		b = appendJSONString(b, c.Reason)
	}
	if c.Stats.Total() > 0 {
		b = appendCountsGroup(b, `,"pii":{`, c.Stats.Types)
		b = appendCountsGroup(b, `,"actions":{`, c.Stats.Actions)
	}
	return append(b, "}\n"...)
}

// appendRFC3339Nano is t.AppendFormat(b, time.RFC3339Nano) for a year of four digits,
// without the layout's interpretation: fraction without trailing zeros (none for a whole
// second), Z for a zero offset, else ±hh:mm with the offset's seconds dropped.
func appendRFC3339Nano(b []byte, t time.Time) []byte {
	// One zone lookup, then the civil date of the local day count (Hinnant's days-to-civil),
	// where Date and Clock would each resolve the zone and split the time again.
	_, offset := t.Zone()
	secs := t.Unix() + int64(offset)
	days := secs / 86400
	if secs%86400 < 0 {
		days--
	}
	rem := int(secs - days*86400)
	hour, minute, sec := rem/3600, rem/60%60, rem%60
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := int(doy - (153*mp+2)/5 + 1)
	month := int(mp + 3)
	if mp >= 10 {
		month = int(mp - 9)
	}
	year := int(yoe + era*400)
	if month <= 2 {
		year++
	}
	b = append(b, byte('0'+year/1000), byte('0'+year/100%10), byte('0'+year/10%10), byte('0'+year%10), '-',
		byte('0'+month/10), byte('0'+month%10), '-', byte('0'+day/10), byte('0'+day%10), 'T',
		byte('0'+hour/10), byte('0'+hour%10), ':', byte('0'+minute/10), byte('0'+minute%10), ':',
		byte('0'+sec/10), byte('0'+sec%10))
	if ns := t.Nanosecond(); ns != 0 {
		var frac [10]byte
		frac[0] = '.'
		for i := 9; i > 0; i-- {
			frac[i] = byte('0' + ns%10)
			ns /= 10
		}
		n := len(frac)
		for frac[n-1] == '0' {
			n--
		}
		b = append(b, frac[:n]...)
	}
	if offset == 0 {
		return append(b, 'Z')
	}
	zone := offset / 60
	sign := byte('+')
	if zone < 0 {
		sign, zone = '-', -zone
	}
	h, m := zone/60, zone%60
	return append(b, sign, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
}

// appendCountsGroup writes m as slog writes a group of Int attributes sorted by key: an
// empty group is left out, key and all.
func appendCountsGroup(b []byte, open string, m map[string]int) []byte {
	if len(m) == 0 {
		return b
	}
	b = append(b, open...)
	b = counts.AppendMembers(b, m, appendJSONString)
	return append(b, '}')
}

// appendJSONFloat formats f as encoding/json does (slog's JSONHandler marshals floats with
// it): ES6 number formatting. f is finite here (a duration).
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// appendJSONString quotes s as slog's JSONHandler does: no HTML escaping, control bytes as
// \n \r \t or \u00XX, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
