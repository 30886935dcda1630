package proxy

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
)

// callLineStrings are the field values that exercise the JSON escaper: quotes, backslashes,
// control bytes, HTML characters (not escaped), Chinese, emoji, invalid UTF-8 and the two
// separators JSONP cannot hold.
var callLineStrings = []string{
	"", "req-0123456789abcdef", "POST", "topapi.v2.user.list", `quote " and \ back`,
	"tab\tnew\nline\rcr\x00nul\x1f\x7f", "<a href='x'>&amp;</a>", "陳大文 香港身份證", "emoji 🙂 e\u0301",
	"bad \xff\xfe utf8 \xc3", "sep \u2028 and \u2029 end", "\u2028", "\xe2\x80", "a\u00a0b",
}

// edgeTimes are the calendar's corners: leap days, century years, the epoch, the ends of
// the four-digit range.
var edgeTimes = []time.Time{
	time.Date(0, 2, 29, 12, 0, 0, 0, time.UTC), time.Date(0, 3, 1, 0, 0, 0, 0, time.UTC),
	time.Date(0, 1, 1, 0, 0, 0, 1, time.UTC), time.Date(1969, 12, 31, 23, 59, 59, 999_000_000, time.UTC),
	time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 2, 29, 23, 59, 59, 100, time.FixedZone("x", 8*3600)),
	time.Date(2100, 2, 28, 23, 0, 0, 0, time.UTC), time.Date(2100, 3, 1, 0, 0, 0, 0, time.FixedZone("y", -11*3600)),
	time.Date(1600, 2, 29, 1, 2, 3, 4, time.UTC), time.Date(1899, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
	time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.FixedZone("far", 14*3600)),
	time.Date(2024, 2, 29, 0, 0, 0, 0, time.FixedZone("neg", -(9*3600+30*60))),
}

func randomCallString(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return callLineStrings[r.IntN(len(callLineStrings))]
	}
	pieces := []string{"a", "Z", "\"", "\\", "\n", "\x01", "\x1b", "\u2029", "é", "香", "\xff", "🙂", " ", "<>&", "\x7f", "\xed\xa0\x80"}
	var sb strings.Builder
	for range r.IntN(12) {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}

func randomCounts(r *rand.Rand) map[string]int {
	n := r.IntN(5)
	if n == 0 && r.IntN(2) == 0 {
		return nil
	}
	m := make(map[string]int, n)
	for range n {
		m[randomCallString(r)] = r.IntN(1000) - 10
	}
	return m
}

// The proxy's own call line is byte for byte what slog's JSONHandler writes for the same
// attributes, over varied calls and times.
func TestCallLineMatchesSlog(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	zones := []*time.Location{time.UTC, time.FixedZone("HKT", 8*3600), time.FixedZone("odd", -(3*3600 + 30*60 + 15)),
		time.FixedZone("zero", 0), time.FixedZone("far", 14*3600-45), time.Local}
	durations := []time.Duration{0, time.Nanosecond, 999 * time.Nanosecond, time.Microsecond, 1500 * time.Microsecond,
		time.Second, 17*time.Minute + 3*time.Microsecond, 1 << 62, -5 * time.Microsecond}
	for i := range 3000 {
		c := &Call{ID: randomCallString(r), Method: randomCallString(r), Status: r.IntN(600) - 1,
			Decision: randomCallString(r), Reason: randomCallString(r)}
		if i%7 == 0 {
			c.Reason = ""
		}
		if r.IntN(2) == 0 {
			c.Caller = &policy.Caller{ID: randomCallString(r)}
		}
		if r.IntN(2) == 0 {
			c.Route = &policy.Route{Name: randomCallString(r)}
		}
		if i < len(durations) {
			c.Duration = durations[i]
		} else {
			c.Duration = time.Duration(r.Int64N(1 << uint(r.IntN(50)+1)))
		}
		c.Stats = rewrite.Stats{Types: randomCounts(r), Actions: randomCounts(r)}
		if i%50 == 3 { // more entries than the stack array holds
			c.Stats.Types = map[string]int{}
			for j := range 40 {
				c.Stats.Types[randomCallString(r)+strconv.Itoa(j)] = j
			}
		}
		now := time.Unix(r.Int64N(1<<34), r.Int64N(1e9)).In(zones[r.IntN(len(zones))])
		switch i % 5 {
		case 0:
			now = now.Truncate(time.Second)
		case 1:
			now = now.Truncate(time.Millisecond)
		case 2:
			now = time.Date(r.IntN(10000), time.Month(r.IntN(12)+1), r.IntN(31)+1, r.IntN(24), r.IntN(60), r.IntN(60), r.IntN(1e9), now.Location())
		}
		if i < len(edgeTimes) {
			now = edgeTimes[i]
		} else if i == len(edgeTimes) {
			now = time.Now() // with a monotonic reading
		}

		var want bytes.Buffer
		logCall(slog.NewJSONHandler(&want, nil), now, c)
		var got bytes.Buffer
		h := NewJSONLogHandler(&got, nil).(*jsonLogHandler)
		if !h.fast || !h.writeCallLine(now, c) {
			t.Fatalf("call %d: the fast path refused a plain call", i)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("call %d:\n got %q\nwant %q", i, got.Bytes(), want.Bytes())
		}
	}
}

// A time slog writes differently (none, or a year of five digits) goes through slog.
func TestCallLineLeavesOddTimesToSlog(t *testing.T) {
	h := NewJSONLogHandler(&bytes.Buffer{}, nil).(*jsonLogHandler)
	for _, now := range []time.Time{{}, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if h.writeCallLine(now, &Call{}) {
			t.Errorf("%v: the fast path wrote the line", now)
		}
	}
}

// Options that change what slog writes, and derived handlers, keep slog's path.
func TestCallLineFastPathOnlyForThePlainHandler(t *testing.T) {
	if NewJSONLogHandler(&bytes.Buffer{}, &slog.HandlerOptions{AddSource: true}).(*jsonLogHandler).fast {
		t.Error("AddSource: fast path on")
	}
	rep := func(_ []string, a slog.Attr) slog.Attr { return a }
	if NewJSONLogHandler(&bytes.Buffer{}, &slog.HandlerOptions{ReplaceAttr: rep}).(*jsonLogHandler).fast {
		t.Error("ReplaceAttr: fast path on")
	}
	if !NewJSONLogHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelWarn}).(*jsonLogHandler).fast {
		t.Error("Level: fast path off")
	}
	h := NewJSONLogHandler(&bytes.Buffer{}, nil)
	for _, d := range []slog.Handler{h.WithAttrs([]slog.Attr{slog.String("k", "v")}), h.WithGroup("g")} {
		if _, ok := d.(*jsonLogHandler); ok {
			t.Errorf("%T: a derived handler takes the fast path", d)
		}
	}
	// Lines slog writes itself go to the same writer.
	var buf bytes.Buffer
	slog.New(NewJSONLogHandler(&buf, nil)).Info("x", "k", 1)
	if !strings.HasSuffix(buf.String(), `"level":"INFO","msg":"x","k":1}`+"\n") {
		t.Errorf("slog line %q", buf.String())
	}
}

// Floats are formatted as encoding/json formats them, which is what slog uses.
func TestAppendJSONFloatMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.001, 1e-6, 9.99e-7, 1e-7, 1e20, 1e21, 1.5e21, 123456789.125,
		-1e-9, 5e-324, math.MaxFloat64, 0.1, 1.0 / 3}
	for range 5000 {
		vals = append(vals, math.Float64frombits(r.Uint64()), float64(r.Int64N(1<<53))/1000, r.NormFloat64()*math.Pow(10, float64(r.IntN(60)-30)))
	}
	for _, f := range vals {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONFloat(nil, f); !bytes.Equal(got, want) {
			t.Fatalf("%v: got %s want %s", f, got, want)
		}
	}
}

// The fast path honours the handler's level like slog does: Server.finish asks Enabled first.
func TestCallLineRespectsLevel(t *testing.T) {
	h := NewJSONLogHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelWarn})
	if h.Enabled(context.Background(), slog.LevelInfo) {
		t.Fatal("info enabled at warn level")
	}
}

func BenchmarkTimeFormat(b *testing.B) {
	now := time.Now()
	buf := make([]byte, 0, 64)
	b.Run("AppendFormat", func(b *testing.B) {
		for range b.N {
			buf = now.AppendFormat(buf[:0], time.RFC3339Nano)
		}
	})
	b.Run("appendRFC3339Nano", func(b *testing.B) {
		for range b.N {
			buf = appendRFC3339Nano(buf[:0], now)
		}
	})
}
