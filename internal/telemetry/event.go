package telemetry

import (
	"slices"
	"strings"
	"time"
)

// CallEvent is what the proxy knows about one finished call. It holds names and numbers
// only: no body, no header value, no URL, no key. The proxy builds it from its Call.
type CallEvent struct {
	Start     time.Time // arrival; Record uses it as the span's start (zero: now − Duration)
	RequestID string    // the proxy's request id (span attribute, to find the audit record)
	Method    string    // HTTP method
	Route     string    // policy route name; "" when no route matched
	Caller    string    // policy caller id; "" when unauthenticated (span only, never a label)
	Roles     []string  // the caller's roles from the policy
	Upstream  string    // policy upstream name (oapi, api)
	Region    string    // the upstream's region (cn)
	Status    int       // HTTP status answered to the caller
	Decision  string    // forwarded, blocked, denied, unauthenticated, error
	Reason    string    // stable reason code of a refusal or error ("" when forwarded)
	// CrossBorder: personal data crossed the border on this call (forwarded, with
	// detections, to or from an upstream outside the home region), as in the audit record.
	CrossBorder bool
	Types       map[string]int // detections by PII type id
	Actions     map[string]int // actions applied, by action name
	Duration    time.Duration
	BytesIn     int64 // request body bytes read from the caller
	BytesOut    int64 // response bytes written to the caller
}

// Decisions (the audit package's values; repeated so this package imports nothing above it).
const (
	DecisionForwarded       = "forwarded"
	DecisionBlocked         = "blocked"
	DecisionDenied          = "denied"
	DecisionUnauthenticated = "unauthenticated"
	DecisionError           = "error"
)

// Refused reports whether the proxy refused the call itself (policy block, route or role
// not allowed, rate limit, no credentials): the "blocked calls" of the dashboard and of
// pii_proxy_blocked_total. Failures (error) are not refusals: the caller did nothing wrong.
func (ev *CallEvent) Refused() bool {
	switch ev.Decision {
	case DecisionBlocked, DecisionDenied, DecisionUnauthenticated:
		return true
	}
	return false
}

// Detections is the total number of detections.
func (ev *CallEvent) Detections() int {
	n := 0
	for _, c := range ev.Types {
		n += max(c, 0)
	}
	return n
}

// RoleLabel is the one label value for a call's roles: the sorted role names joined by
// "+" ("hr_admin+payroll"), "none" without roles. One series per call, not per role, so
// sums over the label stay equal to the number of calls.
func RoleLabel(roles []string) string {
	switch len(roles) {
	case 0:
		return none
	case 1:
		return LabelValue(roles[0])
	}
	rs := make([]string, len(roles))
	for i, r := range roles {
		rs[i] = LabelValue(r)
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	return strings.Join(rs, "+")
}

// StatusClass maps a status to 1xx … 5xx ("none" for 0, "other" outside 100–599).
func StatusClass(status int) string {
	switch {
	case status == 0:
		return none
	case status >= 100 && status < 600:
		return string(rune('0'+status/100)) + "xx"
	}
	return "other"
}

const (
	none    = "none"
	invalid = "invalid"
	// maxLabelLen bounds a label value; policy names are far shorter.
	maxLabelLen = 64
)

// LabelValue returns s when it is a plausible name (letters, digits, '_', '-', '.', ':'; at
// most 64 bytes), "none" when empty and "invalid" otherwise. Policy and catalogue names
// always pass; anything else (a path, free text) cannot reach a label or attribute key.
func LabelValue(s string) string {
	if s == "" {
		return none
	}
	if len(s) > maxLabelLen {
		return invalid
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == ':') {
			return invalid
		}
	}
	return s
}

// methodLabel confines a method to the standard ones (OTel's http.request.method rule).
func methodLabel(m string) string {
	switch m {
	case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE":
		return m
	}
	return "_OTHER"
}
