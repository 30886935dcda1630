// Package telemetry gives the proxy its OpenTelemetry traces and metrics: one span per
// proxied call, linked to the upstream DingTalk request through a W3C traceparent header,
// and counters and histograms exported in the Prometheus text format at the admin
// listener's /metrics (and spans over OTLP/HTTP when an endpoint is configured). Nothing is
// exported unless configured.
//
// Everything recorded is a name from the policy or the catalogue (route, role, PII type,
// action, decision, reason, upstream, region) or a number. The package never sees a body,
// a header value, a path with ids or a caller's key, so nothing it exports can hold one;
// label values are additionally confined to identifier characters (see labelValue).
//
// The proxy converts each finished call into a CallEvent (this package does not import the
// proxy): EndCall when it started a span with StartCall, Record when it only learns about
// the call afterwards (Options.Observe).
package telemetry
