// Package admin is the proxy's admin listener: Prometheus metrics at /metrics (no key),
// and for callers holding the policy's admin role a compliance dashboard at /dashboard,
// its JSON at /dashboard/api/summary, and the audit evidence export at
// /admin/audit/export.
//
// The dashboard is rendered on the server (inline SVG charts, no script, no external
// resource). It shows the last hour or day of calls and detections by route, role and PII
// type, cross-border flows, refused calls, the audit chain status, the vault's size and
// retention, and the most recent audit records. It holds counts and names only: the proxy
// feeds it telemetry.CallEvents (Record), and audit records carry no values.
//
// A privacy officer signs in with an admin caller's API key on /login; the session cookie
// (HttpOnly, SameSite=Strict) holds a random session id, never the key. Scripts send the
// key as Authorization: Bearer or X-Api-Key. Every request re-checks the key against the
// current policy, so removing a caller or its admin role ends its sessions.
package admin
