package telemetry

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/otlptranslator"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlpmetric/otlpmetrichttp"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	"go.opentelemetry.io/otel/metric"
	metricnoop "go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	tracenoop "go.opentelemetry.io/otel/trace/noop"
)

const instrumentationName = "github.com/hkpii/dingtalk-pii-proxy/internal/telemetry"

// T holds the proxy's tracer, meter and exporters. Its methods are safe for concurrent use;
// a nil *T is valid and records nothing (so wiring can skip telemetry entirely).
type T struct {
	cfg     Config
	tp      *sdktrace.TracerProvider // nil when no span exporter is configured
	tracer  trace.Tracer
	mp      *sdkmetric.MeterProvider // nil when neither Prometheus nor OTLP is configured
	meter   metric.Meter
	in      instruments
	metrics http.Handler
	prop    propagation.TextMapPropagator
	health  healthSet
}

// New builds the telemetry of one proxy process from cfg. It returns every configuration
// problem at once. Call Shutdown to flush spans on exit.
func New(cfg Config) (*T, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	t := &T{cfg: cfg, prop: propagation.TraceContext{}}
	attrs := []attribute.KeyValue{attribute.String("service.name", cfg.ServiceName)}
	if cfg.Replica != "" {
		attrs = append(attrs, attribute.String("service.instance.id", LabelValue(cfg.Replica)))
	}
	res := resource.NewSchemaless(attrs...)

	t.tracer = tracenoop.NewTracerProvider().Tracer(instrumentationName)
	if cfg.tracing() {
		opts := []sdktrace.TracerProviderOption{
			sdktrace.WithResource(res),
			sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.TraceIDRatioBased(cfg.SampleRatio))),
		}
		if cfg.OTLPEndpoint != "" {
			exp, err := otlptracehttp.New(context.Background(), otlptracehttp.WithEndpointURL(cfg.OTLPEndpoint+"/v1/traces"))
			if err != nil {
				return nil, fmt.Errorf("telemetry: otlp exporter: %w", err)
			}
			opts = append(opts, sdktrace.WithBatcher(exp))
		}
		if cfg.SpanExporter != nil {
			opts = append(opts, sdktrace.WithSyncer(cfg.SpanExporter))
		}
		t.tp = sdktrace.NewTracerProvider(opts...)
		t.tracer = t.tp.Tracer(instrumentationName)
	}

	t.meter = metricnoop.NewMeterProvider().Meter(instrumentationName)
	t.metrics = http.NotFoundHandler()
	var readers []sdkmetric.Option
	if cfg.Prometheus {
		// A registry of our own, not the process-global one: two T in one process (tests)
		// must not collide, and nothing else registered globally leaks into /metrics.
		reg := prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
		exp, err := otelprom.New(
			otelprom.WithRegisterer(reg),
			otelprom.WithoutScopeInfo(),
			otelprom.WithTranslationStrategy(otlptranslator.UnderscoreEscapingWithSuffixes),
		)
		if err != nil {
			return nil, fmt.Errorf("telemetry: prometheus exporter: %w", err)
		}
		readers = append(readers, sdkmetric.WithReader(exp))
		t.metrics = promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
	}
	if cfg.OTLPEndpoint != "" {
		// The same instruments pushed to the collector that receives the spans, for
		// deployments that collect with OpenTelemetry rather than scrape.
		exp, err := otlpmetrichttp.New(context.Background(), otlpmetrichttp.WithEndpointURL(cfg.OTLPEndpoint+"/v1/metrics"))
		if err != nil {
			return nil, fmt.Errorf("telemetry: otlp metric exporter: %w", err)
		}
		readers = append(readers, sdkmetric.WithReader(sdkmetric.NewPeriodicReader(exp, sdkmetric.WithInterval(cfg.MetricInterval))))
	}
	if len(readers) > 0 {
		t.mp = sdkmetric.NewMeterProvider(append(readers, sdkmetric.WithResource(res))...)
		t.meter = t.mp.Meter(instrumentationName)
	}
	var err error
	if t.in, err = newInstruments(t.meter); err != nil {
		return nil, fmt.Errorf("telemetry: instruments: %w", err)
	}
	if err := t.health.register(t.meter); err != nil {
		return nil, fmt.Errorf("telemetry: health gauge: %w", err)
	}
	return t, nil
}

// MetricsHandler serves the Prometheus text format (404 when Prometheus is off). It needs
// no credentials: metrics hold names and counts only.
func (t *T) MetricsHandler() http.Handler {
	if t == nil {
		return http.NotFoundHandler()
	}
	return t.metrics
}

// TracerProvider is the provider behind the proxy's spans (a no-op one when tracing is
// off), for libraries that take one.
func (t *T) TracerProvider() trace.TracerProvider {
	if t == nil || t.tp == nil {
		return tracenoop.NewTracerProvider()
	}
	return t.tp
}

// Shutdown flushes pending spans and stops the exporters; later calls record nothing.
func (t *T) Shutdown(ctx context.Context) error {
	if t == nil {
		return nil
	}
	var errs []error
	if t.tp != nil {
		errs = append(errs, t.tp.Shutdown(ctx))
	}
	if t.mp != nil {
		errs = append(errs, t.mp.Shutdown(ctx))
	}
	return errors.Join(errs...)
}
