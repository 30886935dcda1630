package admin

import (
	"encoding/json"
	"net/http"
	"time"
)

// SummaryResponse is GET /dashboard/api/summary: the dashboard's numbers for scripts.
type SummaryResponse struct {
	Generated  time.Time       `json:"generated"`
	Summary    Summary         `json:"summary"`
	Chain      *ChainStatus    `json:"audit_chain,omitempty"`
	Vault      *VaultInfo      `json:"vault,omitempty"`
	Components map[string]bool `json:"components,omitempty"` // name → up
	Recent     []RecentRecord  `json:"recent_audit_records,omitempty"`
}

// RecentRecord is an audit record as the dashboard shows it: ids, names and counts (no
// tokens, no paths).
type RecentRecord struct {
	Seq         uint64         `json:"seq"`
	Time        time.Time      `json:"time"`
	Kind        string         `json:"kind"`
	Caller      string         `json:"caller,omitempty"`
	Roles       []string       `json:"roles,omitempty"`
	Route       string         `json:"route,omitempty"`
	Method      string         `json:"method,omitempty"`
	Decision    string         `json:"decision,omitempty"`
	Reason      string         `json:"reason,omitempty"`
	Status      int            `json:"status,omitempty"`
	Counts      map[string]int `json:"counts,omitempty"`
	Actions     map[string]int `json:"actions,omitempty"`
	CrossBorder bool           `json:"cross_border"`
}

func (h *Handler) serveSummary(w http.ResponseWriter, r *http.Request) {
	win, err := WindowByName(r.URL.Query().Get("window"))
	if err != nil {
		jsonError(w, http.StatusBadRequest, "bad_parameter", "window: "+err.Error())
		return
	}
	p := h.page(r.Context(), win)
	resp := SummaryResponse{Generated: p.Generated, Summary: p.S, Vault: p.Vault}
	if p.AuditConfigured {
		resp.Chain = &p.Chain
	}
	if len(p.Components) > 0 {
		resp.Components = map[string]bool{}
		for _, c := range p.Components {
			resp.Components[c.Name] = c.Up
		}
	}
	for _, row := range p.Recent {
		resp.Recent = append(resp.Recent, RecentRecord{Seq: row.Seq, Time: row.Time, Kind: row.Kind, Caller: row.Caller,
			Roles: row.Roles, Route: row.Route, Method: row.Method, Decision: row.Decision, Reason: row.Reason,
			Status: row.Status, Counts: row.Counts, Actions: row.Actions, CrossBorder: row.CrossBorder})
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(resp)
}
