package admin

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// dashboardPage is everything the dashboard template shows.
type dashboardPage struct {
	Caller    string
	Window    Window
	Windows   []Window
	Generated time.Time
	Zone      string
	S         Summary

	Calls      timeChart
	Detections timeChart
	Roles      barChart
	Types      barChart
	Actions    barChart
	Reasons    barChart

	AuditConfigured bool
	Chain           ChainStatus
	Recent          []recentRow
	RecentSkipped   int
	RecentErr       string
	RecentLimit     int
	Exports         []exportLink
	FormFrom        string // datetime-local defaults of the export form
	FormTo          string

	VaultConfigured bool
	Vault           *VaultInfo
	VaultErr        string
	Components      []componentView
}

type recentRow struct {
	Seq         uint64
	Time        time.Time
	Kind        string
	Caller      string
	Roles       []string
	Route       string
	Method      string
	Decision    string
	Reason      string
	Status      int
	Counts      map[string]int
	Actions     map[string]int
	Detections  int
	CrossBorder bool
	Class       string
}

type exportLink struct {
	Label      string
	HTML, JSON string
}

type componentView struct {
	Name string
	Up   bool
}

func (h *Handler) serveDashboard(w http.ResponseWriter, r *http.Request) {
	win, err := WindowByName(r.URL.Query().Get("window"))
	if err != nil {
		jsonError(w, http.StatusBadRequest, "bad_parameter", "window: "+err.Error())
		return
	}
	p := h.page(r.Context(), win)
	p.Caller = principalFrom(r.Context()).Caller
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, "dashboard.html", p); err != nil {
		h.cfg.Logger.Error("admin: dashboard template", "error", err)
		jsonError(w, http.StatusInternalServerError, "internal_error", "the dashboard could not be rendered")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

func (h *Handler) page(ctx context.Context, win Window) *dashboardPage {
	loc := h.cfg.Location
	now := h.cfg.Now()
	s := h.series.Summary(win)
	unit := "minute"
	if win.Step > time.Minute {
		unit = "15 minutes"
	}
	p := &dashboardPage{
		Window: win, Windows: Windows, Generated: now, Zone: now.In(loc).Format("MST (UTC-07:00)"), S: s,
		Calls: newTimeChart("chart-calls", "Calls per "+unit, s.Timeline, loc, []string{"fwd", "blk", "err"},
			func(p Point) []int64 { return []int64{p.Forwarded, p.Blocked, p.Errors} }),
		Detections: newTimeChart("chart-detections", "Personal data detected per "+unit, s.Timeline, loc, []string{"det"},
			func(p Point) []int64 { return []int64{p.Detections} }),
		Roles:           newBarChart("roles", "Calls by caller role", s.Roles, 12),
		Types:           newBarChart("types", "Detections by PII type", s.Types, 24),
		Actions:         newBarChart("actions", "Actions applied", s.Actions, 12),
		Reasons:         newBarChart("reasons", "Refused and failed calls by reason", s.Reasons, 12),
		AuditConfigured: h.cfg.AuditDir != "",
		VaultConfigured: h.cfg.Vault != nil,
		RecentLimit:     h.cfg.RecentRecords,
	}
	if h.cfg.AuditDir != "" {
		p.Chain = h.chain.Status()
		recs, skipped, err := ReadRecent(h.cfg.AuditDir, h.cfg.RecentRecords)
		p.RecentSkipped = skipped
		if err != nil {
			h.cfg.Logger.Error("admin: reading recent audit records", "error", err)
			p.RecentErr = "the audit log could not be read; see the proxy log"
		}
		for _, r := range recs {
			p.Recent = append(p.Recent, newRecentRow(r))
		}
		p.Exports, p.FormFrom, p.FormTo = exportLinks(now, loc)
	}
	if h.cfg.Vault != nil {
		vctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		vi, err := h.cfg.Vault(vctx)
		cancel()
		if err != nil {
			h.cfg.Logger.Warn("admin: vault stats", "error", err)
			p.VaultErr = "the vault did not answer"
		} else {
			p.Vault = &vi
		}
	}
	if h.cfg.Telemetry != nil {
		for _, c := range h.cfg.Telemetry.CheckHealth(ctx) {
			p.Components = append(p.Components, componentView{c.Name, c.Up})
		}
	}
	return p
}

func newRecentRow(r *audit.Record) recentRow {
	row := recentRow{Seq: r.Seq, Time: r.Time, Kind: r.Kind, Caller: r.Caller, Roles: r.Roles, Route: r.Route,
		Method: r.Method, Decision: r.Decision, Reason: r.Reason, Status: r.Status, Counts: r.Counts,
		Actions: r.Actions, CrossBorder: r.CrossBorder}
	for _, n := range r.Counts {
		row.Detections += n
	}
	switch {
	case r.Kind != audit.KindCall:
		row.Class = "sys"
	case r.Decision != audit.DecisionForwarded:
		row.Class = "refused"
	case r.CrossBorder:
		row.Class = "xb"
	}
	return row
}

// exportLinks offers bundles for common ranges ending now, and the export form's defaults.
func exportLinks(now time.Time, loc *time.Location) ([]exportLink, string, string) {
	// The upper bound is exclusive: round up to the next minute so records of this minute
	// are in.
	to := now.Truncate(time.Minute).Add(time.Minute)
	var links []exportLink
	for _, r := range []struct {
		label string
		span  time.Duration
	}{{"Last hour", time.Hour}, {"Last 24 hours", 24 * time.Hour}, {"Last 7 days", 7 * 24 * time.Hour}, {"Last 30 days", 30 * 24 * time.Hour}} {
		q := url.Values{"from": {to.Add(-r.span).UTC().Format(time.RFC3339)}, "to": {to.UTC().Format(time.RFC3339)}}
		q.Set("format", "html")
		l := exportLink{Label: r.label, HTML: "/admin/audit/export?" + q.Encode()}
		q.Set("format", "json")
		l.JSON = "/admin/audit/export?" + q.Encode()
		links = append(links, l)
	}
	const local = "2006-01-02T15:04"
	return links, to.Add(-24 * time.Hour).In(loc).Format(local), to.In(loc).Format(local)
}
