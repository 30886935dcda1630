// Package notify tells a privacy officer, through a signed webhook, when personal data
// crossed the Hong Kong border in clear or a call was refused for carrying it. Events are
// derived from audit records (so they hold counts and ids, never values), queued without
// ever blocking the proxy, batched, signed with HMAC-SHA-256 and retried with exponential
// backoff.
package notify

import (
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// Event kinds.
const (
	KindCrossBorderClear = "cross_border_clear" // PII crossed the border unmasked (allowed or revealed)
	KindBlocked          = "blocked"            // a call was refused by policy (blocked PII type or denied role)
)

// Event is one notification. Like the audit record it comes from, it holds no values.
type Event struct {
	Kind       string         `json:"kind"`
	Time       time.Time      `json:"time"`
	Replica    string         `json:"replica"`
	Seq        uint64         `json:"seq"` // audit record sequence number, to find it in the log
	RequestID  string         `json:"request_id,omitempty"`
	Caller     string         `json:"caller,omitempty"`
	Roles      []string       `json:"roles,omitempty"`
	Route      string         `json:"route,omitempty"`
	Method     string         `json:"method,omitempty"`
	Direction  string         `json:"direction,omitempty"`
	Upstream   string         `json:"upstream,omitempty"`
	Region     string         `json:"region,omitempty"`
	ClientNet  string         `json:"client_net,omitempty"`
	Decision   string         `json:"decision,omitempty"`
	Reason     string         `json:"reason,omitempty"`
	Counts     map[string]int `json:"counts,omitempty"`
	Actions    map[string]int `json:"actions,omitempty"`
	ClearItems int            `json:"clear_items,omitempty"` // items that crossed unmasked
}

// EventFor decides whether a record deserves a notification. A refused call (blocked or
// denied) always does; a forwarded call does when it crossed the border and some of its PII
// travelled in clear — passed with "allow" or turned back into values with "reveal".
func EventFor(r *audit.Record) (Event, bool) {
	if r == nil || r.Kind != audit.KindCall {
		return Event{}, false
	}
	ev := Event{
		Time: r.Time, Replica: r.Replica, Seq: r.Seq, RequestID: r.RequestID, Caller: r.Caller,
		Roles: r.Roles, Route: r.Route, Method: r.Method, Direction: r.Direction, Upstream: r.Upstream,
		Region: r.Region, ClientNet: r.ClientNet, Decision: r.Decision, Reason: r.Reason,
		Counts: r.Counts, Actions: r.Actions,
	}
	switch {
	case r.Decision == audit.DecisionBlocked || r.Decision == audit.DecisionDenied:
		ev.Kind = KindBlocked
		return ev, true
	case r.CrossBorder && r.Actions["allow"]+r.Actions["reveal"] > 0:
		ev.Kind = KindCrossBorderClear
		ev.ClearItems = r.Actions["allow"] + r.Actions["reveal"]
		return ev, true
	}
	return Event{}, false
}
