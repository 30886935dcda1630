package proxy

import (
	"encoding/json"
	"net/http"
)

// Error reasons: stable codes in every JSON error body, audit record and metric.
const (
	ReasonMissingKey       = "missing_api_key"
	ReasonBadKey           = "invalid_api_key"
	ReasonRouteNotAllowed  = "route_not_allowed"
	ReasonRoleNotAllowed   = "role_not_allowed"
	ReasonPolicyRefused    = "policy_refused"
	ReasonBadBody          = "invalid_body"
	ReasonBodyTooLarge     = "body_too_large"
	ReasonBodyTimeout      = "request_body_timeout"
	ReasonBadEncoding      = "unsupported_encoding"
	ReasonUninspectable    = "uninspectable_content_type"
	ReasonVaultUnavailable = "vault_unavailable"
	ReasonAuditUnavailable = "audit_unavailable"
	ReasonUpstreamDown     = "upstream_unavailable"
	ReasonUpstreamTimeout  = "upstream_timeout"
	ReasonResponseRefused  = "response_not_inspectable"
	ReasonRateLimited      = "rate_limited"
	ReasonInternal         = "internal_error"
	ReasonShuttingDown     = "shutting_down"
)

// errorBody is the proxy's own error response. It carries both DingTalk error styles so
// that either kind of client sees a failure: the new API's {code, message, requestid}
// (the official SDK reads these on a 4xx/5xx) and the legacy API's non-zero errcode.
type errorBody struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestid"`
	Errcode   int    `json:"errcode"`
	Errmsg    string `json:"errmsg"`
	Source    string `json:"source"`
	Type      string `json:"pii_type,omitempty"`
	Path      string `json:"path,omitempty"`
}

// writeError writes a JSON error. msg must never hold a value from a body or a secret.
func writeError(w http.ResponseWriter, status int, reason, msg, requestID string, extra ...string) {
	b := errorBody{Code: reason, Message: msg, RequestID: requestID, Errcode: status, Errmsg: msg, Source: "pii-proxy"}
	if len(extra) >= 2 {
		b.Type, b.Path = extra[0], extra[1]
	}
	data, _ := json.Marshal(b)
	h := w.Header()
	for k := range h {
		// Whatever was set before the error is dropped, except what the caller set to
		// describe this error: the 401's challenge and the 429's retry time.
		if k != "Www-Authenticate" && k != "Retry-After" {
			delete(h, k)
		}
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	if requestID != "" {
		h.Set("X-Request-Id", requestID)
	}
	w.WriteHeader(status)
	w.Write(append(data, '\n'))
}
