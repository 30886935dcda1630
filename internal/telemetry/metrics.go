package telemetry

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// Metric names as they appear at /metrics (the Prometheus exporter adds _total to counters
// and _seconds from the unit, so the instruments are named without them).
const (
	MetricRequests    = "pii_proxy_requests_total"
	MetricDuration    = "pii_proxy_request_duration_seconds"
	MetricDetections  = "pii_proxy_detections_total"
	MetricActions     = "pii_proxy_actions_total"
	MetricBlocked     = "pii_proxy_blocked_total"
	MetricCrossBorder = "pii_proxy_cross_border_total"
	MetricBytes       = "pii_proxy_body_bytes_total"
	MetricComponentUp = "pii_proxy_component_up"
)

// durationBuckets span the proxy's added latency (sub-millisecond) up to the route timeout.
var durationBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type instruments struct {
	requests    metric.Int64Counter
	duration    metric.Float64Histogram
	detections  metric.Int64Counter
	actions     metric.Int64Counter
	blocked     metric.Int64Counter
	crossBorder metric.Int64Counter
	bytes       metric.Int64Counter

	cache *setCache
}

func newInstruments(m metric.Meter) (instruments, error) {
	in := instruments{cache: &setCache{}}
	var err, e error
	in.requests, e = m.Int64Counter("pii_proxy_requests",
		metric.WithDescription("Proxied calls by route, caller roles, status class and decision."))
	err = errors.Join(err, e)
	in.duration, e = m.Float64Histogram("pii_proxy_request_duration", metric.WithUnit("s"),
		metric.WithDescription("Time from arrival to the last byte answered, by route and decision."),
		metric.WithExplicitBucketBoundaries(durationBuckets...))
	err = errors.Join(err, e)
	in.detections, e = m.Int64Counter("pii_proxy_detections",
		metric.WithDescription("Personal data detected, by PII type and route (counts, never values)."))
	err = errors.Join(err, e)
	in.actions, e = m.Int64Counter("pii_proxy_actions",
		metric.WithDescription("Masking actions applied, by action and route."))
	err = errors.Join(err, e)
	in.blocked, e = m.Int64Counter("pii_proxy_blocked",
		metric.WithDescription("Calls the proxy refused (policy, route or role not allowed, rate limit, no credentials), by reason and route."))
	err = errors.Join(err, e)
	in.crossBorder, e = m.Int64Counter("pii_proxy_cross_border",
		metric.WithDescription("Calls whose personal data crossed the border, by route and upstream region."))
	err = errors.Join(err, e)
	in.bytes, e = m.Int64Counter("pii_proxy_body_bytes",
		metric.WithDescription("Body bytes read from callers (in) and written to them (out), by route."))
	err = errors.Join(err, e)
	return in, err
}

// Series identifiers for the attribute-set cache.
const (
	seriesRequests uint8 = iota
	seriesDuration
	seriesDetections
	seriesActions
	seriesBlocked
	seriesCross
	seriesBytes
)

// record adds one call to the metrics.
func (in *instruments) record(ctx context.Context, ev *CallEvent) {
	route := LabelValue(ev.Route)
	decision := LabelValue(ev.Decision)
	role := RoleLabel(ev.Roles)
	class := StatusClass(ev.Status)
	c := in.cache
	in.requests.Add(ctx, 1, c.get(setKey{seriesRequests, route, role, class, decision}, func() []attribute.KeyValue {
		return []attribute.KeyValue{attribute.String("route", route), attribute.String("role", role),
			attribute.String("status_class", class), attribute.String("decision", decision)}
	}))
	in.duration.Record(ctx, ev.Duration.Seconds(), c.get(setKey{seriesDuration, route, decision, "", ""}, func() []attribute.KeyValue {
		return []attribute.KeyValue{attribute.String("route", route), attribute.String("decision", decision)}
	}))
	for typ, n := range ev.Types {
		if n > 0 {
			typ := LabelValue(typ)
			in.detections.Add(ctx, int64(n), c.get(setKey{seriesDetections, typ, route, "", ""}, func() []attribute.KeyValue {
				return []attribute.KeyValue{attribute.String("type", typ), attribute.String("route", route)}
			}))
		}
	}
	for act, n := range ev.Actions {
		if n > 0 {
			act := LabelValue(act)
			in.actions.Add(ctx, int64(n), c.get(setKey{seriesActions, act, route, "", ""}, func() []attribute.KeyValue {
				return []attribute.KeyValue{attribute.String("action", act), attribute.String("route", route)}
			}))
		}
	}
	if ev.Refused() {
		reason := LabelValue(ev.Reason)
		in.blocked.Add(ctx, 1, c.get(setKey{seriesBlocked, reason, route, "", ""}, func() []attribute.KeyValue {
			return []attribute.KeyValue{attribute.String("reason", reason), attribute.String("route", route)}
		}))
	}
	if ev.CrossBorder {
		region := LabelValue(ev.Region)
		in.crossBorder.Add(ctx, 1, c.get(setKey{seriesCross, route, region, "", ""}, func() []attribute.KeyValue {
			return []attribute.KeyValue{attribute.String("route", route), attribute.String("region", region)}
		}))
	}
	for _, b := range [2]struct {
		dir string
		n   int64
	}{{"in", ev.BytesIn}, {"out", ev.BytesOut}} {
		if b.n > 0 {
			in.bytes.Add(ctx, b.n, c.get(setKey{seriesBytes, b.dir, route, "", ""}, func() []attribute.KeyValue {
				return []attribute.KeyValue{attribute.String("direction", b.dir), attribute.String("route", route)}
			}))
		}
	}
}
