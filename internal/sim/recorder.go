package sim

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// Recorded is one request as the simulator received it, served by GET /_sim/requests so
// end-to-end tests can prove what "DingTalk" saw behind the proxy. Secrets are replaced by
// "***" (query access_token/appsecret, form access_token/appsecret, JSON appSecret,
// clientSecret and refreshToken); the token header's value is never kept.
type Recorded struct {
	Seq    int64     `json:"seq"`
	Time   time.Time `json:"time"`
	Method string    `json:"method"`
	Path   string    `json:"path"`
	// Query is the raw query string, in its original order and encoding, secrets replaced.
	Query string `json:"query"`
	// Headers holds selected headers (lower-case names): host, content-type, content-length,
	// content-encoding, transfer-encoding, user-agent, accept, accept-encoding.
	Headers map[string]string `json:"headers"`
	// HeaderNames lists every header name that arrived (canonical form, sorted), values
	// withheld, so tests can assert that e.g. the caller's X-Api-Key was not forwarded.
	HeaderNames []string `json:"header_names"`
	// TokenHeader says whether x-acs-dingtalk-access-token was present.
	TokenHeader bool `json:"token_header"`
	// Body is the body exactly as received after undoing Content-Encoding; if it is not
	// valid UTF-8 it is in BodyBase64 instead.
	Body       string `json:"body"`
	BodyBase64 []byte `json:"body_base64,omitempty"`
	// Gzip says the body arrived gzip-encoded (Encoding names any other coding).
	Gzip     bool   `json:"gzip"`
	Encoding string `json:"encoding,omitempty"`
	// Truncated says Body holds only the first recordBodyMax bytes.
	Truncated bool `json:"truncated,omitempty"`
	// Redacted names the parameters whose values were replaced by "***".
	Redacted []string `json:"redacted,omitempty"`
}

// recordBodyMax bounds the memory of the ring buffer under 1 MiB load tests.
const recordBodyMax = 1 << 20

var recordedHeaders = []string{
	"host", "content-type", "content-length", "content-encoding", "transfer-encoding",
	"user-agent", "accept", "accept-encoding",
}

// secretQueryKeys are query and form parameters whose values never reach the record.
var secretQueryKeys = []string{"access_token", "appsecret", "appSecret"}

// secretJSONKeys are top-level JSON members whose string values never reach the record.
var secretJSONKeys = []string{"appSecret", "clientSecret", "refreshToken", "client_secret", "appsecret"}

type recorder struct {
	mu   sync.Mutex
	ring []*Recorded
	next int   // where the next record goes
	n    int   // how many are held
	seq  int64 // last sequence number handed out
}

func newRecorder(size int) *recorder { return &recorder{ring: make([]*Recorded, size)} }

func (rc *recorder) add(rec *Recorded) {
	if len(rc.ring) == 0 {
		return
	}
	rc.mu.Lock()
	rc.seq++
	rec.Seq = rc.seq
	rc.ring[rc.next] = rec
	rc.next = (rc.next + 1) % len(rc.ring)
	if rc.n < len(rc.ring) {
		rc.n++
	}
	rc.mu.Unlock()
}

// list returns the held records with Seq > since, oldest first.
func (rc *recorder) list(since int64) []*Recorded {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := make([]*Recorded, 0, rc.n)
	for i := 0; i < rc.n; i++ {
		r := rc.ring[(rc.next-rc.n+i+len(rc.ring))%len(rc.ring)]
		if r.Seq > since {
			out = append(out, r)
		}
	}
	return out
}

func (rc *recorder) clear() {
	rc.mu.Lock()
	clear(rc.ring)
	rc.next, rc.n = 0, 0
	rc.mu.Unlock()
}

// newRecord captures r and its decoded body. body is copied: the caller's buffer is reused.
func newRecord(r *http.Request, body []byte, encoding string, now time.Time) *Recorded {
	rec := &Recorded{
		Time:     now,
		Method:   r.Method,
		Path:     r.URL.Path,
		Headers:  make(map[string]string, 4),
		Gzip:     encoding == "gzip",
		Encoding: encoding,
	}
	var red []string
	rec.Query, red = redactQuery(r.URL.RawQuery, red)
	for _, h := range recordedHeaders {
		var v string
		switch h {
		case "host":
			v = r.Host
		case "transfer-encoding":
			v = strings.Join(r.TransferEncoding, ",")
		case "content-length":
			if r.ContentLength >= 0 && r.Method != http.MethodGet {
				v = strconv.FormatInt(r.ContentLength, 10)
			}
		default:
			v = r.Header.Get(h)
		}
		if v != "" {
			rec.Headers[h] = v
		}
	}
	rec.HeaderNames = make([]string, 0, len(r.Header))
	for k := range r.Header {
		rec.HeaderNames = append(rec.HeaderNames, k)
	}
	slices.Sort(rec.HeaderNames)
	rec.TokenHeader = r.Header.Get(tokenHeader) != ""

	b := body
	if len(b) > recordBodyMax {
		b, rec.Truncated = b[:recordBodyMax], true
	}
	if isForm(r.Header.Get("Content-Type")) && !looksLikeJSONObject(b) {
		var s string
		s, red = redactQuery(string(b), red)
		b = []byte(s)
	} else {
		b, red = redactJSON(b, red)
	}
	if utf8.Valid(b) {
		rec.Body = string(b)
	} else {
		rec.BodyBase64 = bytes.Clone(b)
	}
	rec.Redacted = red
	return rec
}

// redactQuery replaces the values of secret parameters in a raw query or form body, keeping
// everything else byte for byte. It appends the names it redacted to red.
func redactQuery(raw string, red []string) (string, []string) {
	if raw == "" || !strings.ContainsAny(raw, "=") || !containsSecretKey(raw) {
		return raw, red
	}
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		k, _, hasValue := strings.Cut(p, "=")
		name := queryUnescape(k)
		if !slices.Contains(secretQueryKeys, name) {
			continue
		}
		if !hasValue {
			continue
		}
		parts[i] = k + "=***"
		if !slices.Contains(red, name) {
			red = append(red, name)
		}
	}
	return strings.Join(parts, "&"), red
}

// containsSecretKey is a cheap prefilter: can raw mention a secret key at all?
func containsSecretKey(raw string) bool {
	l := strings.ToLower(raw)
	return strings.Contains(l, "access") || strings.Contains(l, "secret") || strings.Contains(l, "%")
}

// queryUnescape decodes a query key; a malformed escape leaves the key as it came, which
// still matches no secret name, so the raw value is kept (it cannot be a well-formed secret key).
func queryUnescape(k string) string {
	if !strings.ContainsAny(k, "%+") {
		return k
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(k) && isHex(k[i+1]) && isHex(k[i+2]):
			b.WriteByte(unhex(k[i+1])<<4 | unhex(k[i+2]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	default:
		return c - 'a' + 10
	}
}

// redactJSON replaces the values of secret top-level members, splicing so the rest of the
// body stays exactly as received. Keys are compared after JSON unescaping, and every
// occurrence of a duplicated key is replaced.
func redactJSON(b []byte, red []string) ([]byte, []string) {
	if !bytes.Contains(b, []byte("ecret")) && !bytes.Contains(b, []byte("efreshToken")) &&
		!bytes.Contains(b, []byte(`\u`)) {
		return b, red
	}
	if !gjson.ValidBytes(b) {
		// Unparseable yet it may hold a secret: withhold it all rather than guess.
		return []byte("*** withheld: malformed body that may hold a secret ***"), append(red, "body")
	}
	type span struct{ from, to int }
	var spans []span
	lost := false
	gjson.ParseBytes(b).ForEach(func(key, value gjson.Result) bool {
		k := key.String()
		if !slices.Contains(secretJSONKeys, k) {
			return true
		}
		if value.Index <= 0 || value.Index+len(value.Raw) > len(b) ||
			string(b[value.Index:value.Index+len(value.Raw)]) != value.Raw {
			lost = true
			return false
		}
		spans = append(spans, span{value.Index, value.Index + len(value.Raw)})
		if !slices.Contains(red, k) {
			red = append(red, k)
		}
		return true
	})
	if lost {
		return []byte("*** withheld: secret not locatable ***"), append(red, "body")
	}
	if len(spans) == 0 {
		return b, red
	}
	out := make([]byte, 0, len(b))
	at := 0
	for _, sp := range spans { // ForEach visits members in order, so spans ascend
		out = append(out, b[at:sp.from]...)
		out = append(out, `"***"`...)
		at = sp.to
	}
	return append(out, b[at:]...), red
}
