package telemetry

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// Config selects the exporters. The zero value exports nothing: spans and metrics are
// still cheap no-ops, so the proxy can call the API unconditionally.
type Config struct {
	ServiceName string // resource service.name; default "dingtalk-pii-proxy"
	Replica     string // resource service.instance.id; default empty (omitted)

	// OTLPEndpoint is an OTLP/HTTP collector base URL (http://host:4318 or https://…);
	// spans are sent to <endpoint>/v1/traces in batches and metrics to <endpoint>/v1/metrics
	// every MetricInterval. "" = no OTLP export.
	OTLPEndpoint string
	// MetricInterval is how often metrics are pushed over OTLP; 0 means 60s (the
	// OpenTelemetry default). Shutdown pushes once more.
	MetricInterval time.Duration
	// Prometheus serves metrics at MetricsHandler. Metrics are collected when either this
	// or OTLPEndpoint is set.
	Prometheus bool

	// SpanExporter is an extra exporter that receives every span synchronously (tests use
	// tracetest.NewInMemoryExporter). nil = none.
	SpanExporter sdktrace.SpanExporter
	// SampleRatio is the share of calls traced when the caller sent no sampled parent;
	// 0 means 1 (every call). Metrics are never sampled.
	SampleRatio float64
}

const defaultServiceName = "dingtalk-pii-proxy"

// validate checks the fields and reports every problem at once, naming the field.
func (c *Config) validate() error {
	var errs []error
	if c.ServiceName == "" {
		c.ServiceName = defaultServiceName
	}
	if len(c.ServiceName) > 128 {
		errs = append(errs, errors.New("telemetry: service_name: longer than 128 bytes"))
	}
	if c.OTLPEndpoint != "" {
		u, err := url.Parse(c.OTLPEndpoint)
		switch {
		case err != nil:
			errs = append(errs, errors.New("telemetry: otlp_endpoint: not a URL"))
		case u.Scheme != "http" && u.Scheme != "https":
			errs = append(errs, fmt.Errorf("telemetry: otlp_endpoint: scheme %q, want http or https", u.Scheme))
		case u.Host == "":
			errs = append(errs, errors.New("telemetry: otlp_endpoint: no host"))
		case u.User != nil:
			// Credentials in a URL end up in logs; collectors take them as headers.
			errs = append(errs, errors.New("telemetry: otlp_endpoint: must not carry user:password"))
		case u.RawQuery != "" || u.Fragment != "":
			errs = append(errs, errors.New("telemetry: otlp_endpoint: must not have a query or fragment"))
		default:
			c.OTLPEndpoint = strings.TrimSuffix(u.String(), "/")
		}
	}
	if c.SampleRatio < 0 || c.SampleRatio > 1 {
		errs = append(errs, errors.New("telemetry: sample_ratio: must be between 0 and 1"))
	}
	if c.SampleRatio == 0 {
		c.SampleRatio = 1
	}
	switch {
	case c.MetricInterval < 0:
		errs = append(errs, errors.New("telemetry: metric_interval: negative"))
	case c.MetricInterval == 0:
		c.MetricInterval = 60 * time.Second
	}
	return errors.Join(errs...)
}

// tracing reports whether any span exporter is configured.
func (c *Config) tracing() bool { return c.OTLPEndpoint != "" || c.SpanExporter != nil }
