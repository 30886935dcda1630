// Package topview is the model behind `proxy top`: it reads the admin listener's
// Prometheus text (/metrics), keeps the proxy's own series, and turns two readings into a
// frame of rates (calls/s, refusals/s, detections/s) and latency quantiles for a terminal.
package topview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Series names read (the telemetry package's Metric* constants, repeated here so that
// topview can read any proxy version's /metrics without importing the exporter).
const (
	mRequests    = "pii_proxy_requests_total"
	mDuration    = "pii_proxy_request_duration_seconds"
	mDetections  = "pii_proxy_detections_total"
	mBlocked     = "pii_proxy_blocked_total"
	mCrossBorder = "pii_proxy_cross_border_total"
	mComponentUp = "pii_proxy_component_up"
)

// maxMetricsBytes bounds one scrape; the proxy's /metrics is a few tens of KiB.
const maxMetricsBytes = 8 << 20

// Sample is one reading of the counters, summed over the labels the view does not show.
type Sample struct {
	At          time.Time
	Requests    float64
	Decisions   map[string]float64 // by decision
	Routes      map[string]*RouteSample
	Blocked     float64
	Reasons     map[string]float64 // refusals by reason
	Detections  float64
	Types       map[string]float64 // detections by PII type
	CrossBorder float64
	Latency     Histogram       // all routes together
	Components  map[string]bool // component → up
}

// RouteSample is one route's counters.
type RouteSample struct {
	Requests, Blocked, Detections float64
}

// Histogram is a cumulative histogram: Counts[i] observations ≤ Bounds[i].
type Histogram struct {
	Bounds []float64
	Counts []float64
	Count  float64
	Sum    float64
}

// Parse reads the Prometheus text format. Series it does not know are ignored; a body that
// is not the text format is an error (naming the line, never quoting it).
func Parse(r io.Reader, at time.Time) (Sample, error) {
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(io.LimitReader(r, maxMetricsBytes))
	if err != nil {
		var pe expfmt.ParseError
		if errors.As(err, &pe) {
			return Sample{}, fmt.Errorf("metrics: not the Prometheus text format (line %d)", pe.Line)
		}
		return Sample{}, fmt.Errorf("metrics: not the Prometheus text format")
	}
	s := Sample{At: at, Decisions: map[string]float64{}, Routes: map[string]*RouteSample{}, Reasons: map[string]float64{},
		Types: map[string]float64{}, Components: map[string]bool{}}
	route := func(name string) *RouteSample {
		rs := s.Routes[name]
		if rs == nil {
			rs = &RouteSample{}
			s.Routes[name] = rs
		}
		return rs
	}
	each(fams[mRequests], func(l labels, v float64) {
		s.Requests += v
		s.Decisions[l["decision"]] += v
		route(l["route"]).Requests += v
	})
	each(fams[mBlocked], func(l labels, v float64) {
		s.Blocked += v
		s.Reasons[l["reason"]] += v
		route(l["route"]).Blocked += v
	})
	each(fams[mDetections], func(l labels, v float64) {
		s.Detections += v
		s.Types[l["type"]] += v
		route(l["route"]).Detections += v
	})
	each(fams[mCrossBorder], func(_ labels, v float64) { s.CrossBorder += v })
	each(fams[mComponentUp], func(l labels, v float64) { s.Components[l["component"]] = v == 1 })
	if mf := fams[mDuration]; mf != nil {
		for _, m := range mf.GetMetric() {
			s.Latency.add(m.GetHistogram())
		}
	}
	return s, nil
}

type labels map[string]string

// each calls fn with every counter or gauge sample of a family (nil: none). Non-finite or
// negative values are skipped: a counter cannot be either.
func each(mf *dto.MetricFamily, fn func(labels, float64)) {
	if mf == nil {
		return
	}
	for _, m := range mf.GetMetric() {
		var v float64
		switch {
		case m.Counter != nil:
			v = m.GetCounter().GetValue()
		case m.Gauge != nil:
			v = m.GetGauge().GetValue()
		case m.Untyped != nil:
			v = m.GetUntyped().GetValue()
		default:
			continue
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			continue
		}
		l := labels{}
		for _, lp := range m.GetLabel() {
			l[lp.GetName()] = lp.GetValue()
		}
		fn(l, v)
	}
}

// add merges one series' buckets into h (series share the bucket layout; a bound missing
// from h is inserted).
func (h *Histogram) add(src *dto.Histogram) {
	if src == nil {
		return
	}
	h.Count += float64(src.GetSampleCount())
	h.Sum += src.GetSampleSum()
	for _, b := range src.GetBucket() {
		ub := b.GetUpperBound()
		if math.IsNaN(ub) {
			continue
		}
		i, found := slices.BinarySearch(h.Bounds, ub)
		if !found {
			h.Bounds = slices.Insert(h.Bounds, i, ub)
			h.Counts = slices.Insert(h.Counts, i, 0)
		}
		h.Counts[i] += float64(b.GetCumulativeCount())
	}
}

// Scrape fetches and parses url.
func Scrape(ctx context.Context, c *http.Client, url string) (Sample, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Sample{}, err
	}
	req.Header.Set("Accept", "text/plain; version=0.0.4")
	resp, err := c.Do(req)
	if err != nil {
		return Sample{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Sample{}, fmt.Errorf("metrics: %s answered %d", url, resp.StatusCode)
	}
	return Parse(resp.Body, time.Now())
}
