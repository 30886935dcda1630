package export

import (
	"bufio"
	"html/template"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// htmlRows stages one <tr> per record. Rows are escaped by hand (appendEscaped) rather than
// through html/template: a million template executions would dominate the export time.
type htmlRows struct{ buf []byte }

func (h *htmlRows) row(w *bufio.Writer, r *audit.Record, _ []byte) error {
	b := h.buf[:0]
	cls := ""
	switch {
	case r.Kind != audit.KindCall:
		cls = "sys"
	case r.Decision != audit.DecisionForwarded:
		cls = "refused"
	case r.CrossBorder:
		cls = "xb"
	}
	b = append(b, `<tr class="`...)
	b = append(b, cls...)
	b = append(b, `"><td>`...)
	b = strconv.AppendUint(b, r.Seq, 10)
	b = append(b, `</td><td>`...)
	b = r.Time.UTC().AppendFormat(b, "2006-01-02 15:04:05")
	b = append(b, `</td><td>`...)
	b = appendEscaped(b, r.RequestID)
	b = append(b, `</td><td>`...)
	b = appendEscaped(b, r.Caller)
	if len(r.Roles) > 0 {
		b = append(b, `<br><small>`...)
		b = appendEscaped(b, strings.Join(r.Roles, ", "))
		b = append(b, `</small>`...)
	}
	b = append(b, `</td><td>`...)
	b = appendEscaped(b, r.Route)
	if r.Method != "" {
		b = append(b, `<br><small>`...)
		b = appendEscaped(b, r.Method)
		b = append(b, `</small>`...)
	}
	b = append(b, `</td><td>`...)
	b = appendEscaped(b, r.Direction)
	b = append(b, `</td><td>`...)
	b = appendEscaped(b, r.Upstream)
	if r.Region != "" {
		b = append(b, ` (`...)
		b = appendEscaped(b, r.Region)
		b = append(b, ')')
	}
	b = append(b, `</td><td>`...)
	if r.CrossBorder {
		b = append(b, `<b>yes</b>`...)
	}
	b = append(b, `</td><td>`...)
	b = appendEscaped(b, r.ClientNet)
	b = append(b, `</td><td>`...)
	if r.Status != 0 {
		b = strconv.AppendInt(b, int64(r.Status), 10)
	}
	b = append(b, `</td><td>`...)
	if r.Kind == audit.KindCall {
		b = appendEscaped(b, r.Decision)
	} else {
		b = append(b, `<i>`...)
		b = appendEscaped(b, r.Kind)
		b = append(b, `</i>`...)
	}
	if r.Reason != "" {
		b = append(b, `<br><small>`...)
		b = appendEscaped(b, r.Reason)
		b = append(b, `</small>`...)
	}
	b = append(b, `</td><td>`...)
	b = appendCounts(b, r.Counts)
	if len(r.Paths) > 0 {
		b = append(b, `<br><small>`...)
		b = appendEscaped(b, strings.Join(r.Paths, " "))
		b = append(b, `</small>`...)
	}
	b = append(b, `</td><td>`...)
	b = appendCounts(b, r.Actions)
	b = append(b, `</td><td class="tok">`...)
	b = appendEscaped(b, strings.Join(r.Tokens, " "))
	for _, k := range sortedDetailKeys(r.Detail) {
		b = appendEscaped(b, k+"="+r.Detail[k]+" ")
	}
	b = append(b, `</td><td>`...)
	if r.LatencyMS > 0 {
		b = strconv.AppendFloat(b, r.LatencyMS, 'f', 1, 64)
	}
	b = append(b, "</td></tr>\n"...)
	h.buf = b
	_, err := w.Write(b)
	return err
}

func appendCounts(b []byte, m map[string]int) []byte {
	for i, k := range sortedDetailKeys(m) {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendEscaped(b, k)
		b = append(b, ' ', '\xc3', '\x97', ' ') // U+00D7 multiplication sign
		b = strconv.AppendInt(b, int64(m[k]), 10)
	}
	return b
}

func sortedDetailKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ { // insertion sort: these maps hold a handful of keys
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// appendEscaped escapes text for HTML element content and quoted attributes.
func appendEscaped(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case 0:
			esc = "\uFFFD"
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}

type pageData struct {
	Title     string
	Statement string
	S         *Summary
	V         *audit.Report
}

func (p pageData) Period() string {
	f, t := p.S.Filters.From, p.S.Filters.To
	switch {
	case f.IsZero() && t.IsZero():
		return "the whole log"
	case f.IsZero():
		return "everything before " + fmtTime(t)
	case t.IsZero():
		return "from " + fmtTime(f)
	}
	return fmtTime(f) + " to " + fmtTime(t)
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"time":     fmtTime,
	"typeName": func(id string) string { return label(typeLabels, id) },
	"action":   func(id string) string { return label(actionLabels, id) },
	"decision": func(id string) string { return label(decisionLabels, id) },
}).Parse(pageTemplate))

func writeHTML(w *bufio.Writer, rows io.Reader, s *Summary, o *Options) error {
	d := pageData{Title: o.Title, Statement: Statement, S: s, V: &s.Verification}
	if err := page.ExecuteTemplate(w, "head", d); err != nil {
		return err
	}
	if _, err := io.Copy(w, rows); err != nil {
		return err
	}
	return page.ExecuteTemplate(w, "foot", d)
}
