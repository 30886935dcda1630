package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/export"
	"github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"
)

// serveExport streams an audit evidence bundle (package export) for a time range:
// GET /admin/audit/export?format=html|json&from=…&to=…[&caller=…][&route=…][&token=…].
func (h *Handler) serveExport(w http.ResponseWriter, r *http.Request) {
	if h.cfg.AuditDir == "" {
		jsonError(w, http.StatusNotFound, "no_audit", "no audit log is configured")
		return
	}
	opts, err := exportOptions(r, h.cfg.Location)
	if err != nil {
		jsonError(w, http.StatusBadRequest, "bad_parameter", err.Error())
		return
	}
	opts.Verify = h.cfg.AuditVerify
	opts.Now = h.cfg.Now
	name := "audit-evidence"
	if !opts.From.IsZero() {
		name += "-from-" + opts.From.UTC().Format("20060102T150405Z")
	}
	if !opts.To.IsZero() {
		name += "-to-" + opts.To.UTC().Format("20060102T150405Z")
	}
	if opts.Format == export.FormatHTML {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Disposition", `inline; filename="`+name+`.html"`)
		// The bundle is a self-contained page with inline CSS and no script.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
	} else {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.json"`)
	}
	cw := &countingWriter{w: w}
	sum, err := export.Export(cw, h.cfg.AuditDir, opts)
	p := principalFrom(r.Context())
	if err != nil {
		h.cfg.Logger.Error("audit export failed", "caller", p.Caller, "error", err)
		if cw.n == 0 {
			w.Header().Del("Content-Disposition")
			jsonError(w, http.StatusInternalServerError, "export_failed", "the audit log could not be exported; see the proxy log")
		}
		return
	}
	h.cfg.Logger.Info("audit evidence exported", "caller", p.Caller, "format", opts.Format,
		"from", opts.From, "to", opts.To, "records", sum.Matched, "chain_ok", sum.Verification.OK)
}

type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// exportOptions reads and checks the query of an export request. Errors name the parameter,
// never echo its value.
func exportOptions(r *http.Request, loc *time.Location) (export.Options, error) {
	q := r.URL.Query()
	var opts export.Options
	var errs []error
	switch f := q.Get("format"); f {
	case "", export.FormatHTML:
		opts.Format = export.FormatHTML
	case export.FormatJSON:
		opts.Format = export.FormatJSON
	default:
		errs = append(errs, errors.New("format: want html or json"))
	}
	var err error
	if opts.From, err = ParseTime(q.Get("from"), loc); err != nil {
		errs = append(errs, fmt.Errorf("from: %w", err))
	}
	if opts.To, err = ParseTime(q.Get("to"), loc); err != nil {
		errs = append(errs, fmt.Errorf("to: %w", err))
	}
	if !opts.From.IsZero() && !opts.To.IsZero() && !opts.From.Before(opts.To) {
		errs = append(errs, errors.New("from: must be before to"))
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"caller", &opts.Caller}, {"route", &opts.Route}} {
		if v := q.Get(f.name); v != "" {
			if telemetry.LabelValue(v) != v {
				errs = append(errs, fmt.Errorf("%s: not a policy name", f.name))
			}
			*f.dst = v
		}
	}
	if v := q.Get("token"); v != "" {
		if !audit.IsToken(v) {
			errs = append(errs, errors.New("token: not a vault token (tok_<type>_<id>)"))
		}
		opts.Token = v
	}
	return opts, errors.Join(errs...)
}

// Time layouts accepted for from/to, besides RFC 3339: what an HTML datetime-local or date
// input sends, read in the dashboard's time zone.
var localLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02"}

// ParseTime reads a from/to bound: "" (open), RFC 3339 ("2026-03-02T09:30:00+08:00"), or a
// local "YYYY-MM-DDTHH:MM[:SS]" or "YYYY-MM-DD" in loc. The error does not quote s.
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if len(s) > 64 {
		return time.Time{}, errors.New("too long for a time")
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, checkYear(t)
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, checkYear(t)
		}
	}
	return time.Time{}, errors.New("not a time (want RFC 3339, YYYY-MM-DDTHH:MM or YYYY-MM-DD)")
}

// checkYear keeps bounds within years the audit encoding can hold.
func checkYear(t time.Time) error {
	if y := t.UTC().Year(); y < 2000 || y > 9999 {
		return errors.New("year out of range (2000–9999)")
	}
	return nil
}
