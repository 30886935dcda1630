package export

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// jsonRows stages records as their exact canonical lines, so a holder of the MAC key can
// check each record of the bundle against its hash and MAC.
type jsonRows struct{ n uint64 }

func (j *jsonRows) row(w *bufio.Writer, _ *audit.Record, line []byte) error {
	if j.n > 0 {
		w.WriteString(",\n")
	}
	j.n++
	_, err := w.Write(line)
	return err
}

// bundleHead is everything before the records, in reading order.
type bundleHead struct {
	Bundle        string       `json:"bundle"`
	FormatVersion int          `json:"format_version"`
	GeneratedAt   any          `json:"generated_at"`
	Statement     string       `json:"statement"`
	Filters       Filters      `json:"filters"`
	Verification  audit.Report `json:"verification"`
	Summary       jsonSummary  `json:"summary"`
}

// jsonSummary is Summary without the fields the head already carries.
type jsonSummary struct {
	Scanned     uint64      `json:"records_scanned"`
	Matched     uint64      `json:"records_matched"`
	Calls       uint64      `json:"calls"`
	FirstTime   any         `json:"first_time,omitempty"`
	LastTime    any         `json:"last_time,omitempty"`
	ByRouteRole []RouteRole `json:"calls_by_route_and_role"`
	Detections  []Count     `json:"detections_by_type"`
	Actions     []Count     `json:"actions"`
	Decisions   []Count     `json:"decisions"`
	Callers     []Count     `json:"calls_by_caller"`
	CrossBorder []Flow      `json:"cross_border_flows"`
	Blocked     []Refusal   `json:"refused_calls"`
}

func writeJSON(w *bufio.Writer, rows io.Reader, s *Summary) error {
	js := jsonSummary{Scanned: s.Scanned, Matched: s.Matched, Calls: s.Calls, ByRouteRole: s.ByRouteRole,
		Detections: s.Detections, Actions: s.Actions, Decisions: s.Decisions, Callers: s.Callers,
		CrossBorder: s.CrossBorder, Blocked: s.Blocked}
	if !s.FirstTime.IsZero() {
		js.FirstTime, js.LastTime = s.FirstTime, s.LastTime
	}
	head := bundleHead{Bundle: "dingtalk-pii-proxy audit evidence", FormatVersion: 1, GeneratedAt: s.GeneratedAt,
		Statement: Statement, Filters: s.Filters, Verification: s.Verification, Summary: js}
	b, err := json.MarshalIndent(head, "", "  ")
	if err != nil {
		return err
	}
	// Reopen the object to append the records array last: it can be very long, and
	// everything a reader needs first comes before it.
	b = append(b[:len(b)-2], ",\n  \"records\": [\n"...)
	if _, err := w.Write(b); err != nil {
		return err
	}
	if _, err := io.Copy(w, rows); err != nil {
		return err
	}
	_, err = w.WriteString("\n  ]\n}\n")
	return err
}
