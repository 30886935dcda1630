// Package residency decides whether a proxied flow moves personal data across the border of
// the home region (Hong Kong by default), for the audit record's cross_border flag and the
// privacy-officer notifier (PDPO section 33 concerns transfers out of Hong Kong).
package residency

import "strings"

// HomeRegion is the region the proxy, and the data controller, sit in.
const HomeRegion = "hk"

// Directions of a proxied flow, as audit records spell them.
const (
	Request  = "request"  // client → proxy → upstream
	Response = "response" // upstream → proxy → client
	Both     = "both"     // one record covering PII in both directions
)

// CrossBorder reports whether a flow in the given direction crosses the border of
// homeRegion. The proxy runs in the home region; data moves between the client's network and
// the upstream's region through it:
//
//   - request: the body goes to the upstream, so it leaves home when the upstream is
//     elsewhere. A client outside home sending to a home upstream brings data in, not out.
//   - response: the body comes from the upstream and goes to the client. Data held by a
//     foreign upstream is a cross-border flow (it came across the border), and data sent to a
//     client outside home leaves home.
//
// An empty upstream region, or an unknown direction, is treated as crossing: an audit flag
// that errs towards "crossed" costs a look from the privacy officer, one that errs the other
// way hides a transfer. The caller decides whether the flow carried PII: the audit record
// flags a crossing flow only when it did.
func CrossBorder(homeRegion, upstreamRegion string, clientHK bool, direction string) bool {
	home := normalize(homeRegion)
	if home == "" {
		home = HomeRegion
	}
	up := normalize(upstreamRegion)
	foreignUpstream := up == "" || up != home
	switch normalize(direction) {
	case Request:
		return foreignUpstream
	case Response:
		return foreignUpstream || !clientHK
	default: // Both, or a direction this version does not know
		return foreignUpstream || !clientHK
	}
}

func normalize(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
