package telemetry

import (
	"context"
	"errors"
	"fmt"
	"github.com/hkpii/dingtalk-pii-proxy/internal/ident"
	"slices"
	"strings"
	"sync"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// healthTimeout bounds one health check, so a hung backend cannot stall a scrape.
const healthTimeout = 2 * time.Second

// ComponentHealth is the state of one registered component.
type ComponentHealth struct {
	Name string
	Up   bool
	Err  error // why not, when !Up (the component's own error; log it, do not display it)
}

type healthSet struct {
	mu     sync.Mutex
	checks map[string]func(context.Context) error
}

func (h *healthSet) register(m metric.Meter) error {
	_, err := m.Int64ObservableGauge("pii_proxy_component_up",
		metric.WithDescription("1 when a component (vault, audit, …) answers its health check, 0 when not."),
		metric.WithInt64Callback(func(ctx context.Context, o metric.Int64Observer) error {
			for _, c := range h.check(ctx) {
				v := int64(0)
				if c.Up {
					v = 1
				}
				o.Observe(v, metric.WithAttributes(attribute.String("component", c.Name)))
			}
			return nil
		}))
	return err
}

// check runs every registered check concurrently, each under healthTimeout.
func (h *healthSet) check(ctx context.Context) []ComponentHealth {
	h.mu.Lock()
	names := make([]string, 0, len(h.checks))
	for n := range h.checks {
		names = append(names, n)
	}
	fns := make([]func(context.Context) error, len(names))
	slices.Sort(names)
	for i, n := range names {
		fns[i] = h.checks[n]
	}
	h.mu.Unlock()
	out := make([]ComponentHealth, len(names))
	var wg sync.WaitGroup
	for i := range names {
		wg.Go(func() {
			cctx, cancel := context.WithTimeout(ctx, healthTimeout)
			defer cancel()
			err := runCheck(cctx, fns[i])
			out[i] = ComponentHealth{Name: names[i], Up: err == nil, Err: err}
		})
	}
	wg.Wait()
	return out
}

// runCheck calls fn, turning a panic into an error and giving up at the deadline even if
// fn ignores its context.
func runCheck(ctx context.Context, fn func(context.Context) error) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- errors.New("health check panicked")
			}
		}()
		done <- fn(ctx)
	}()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// RegisterHealth adds a component to pii_proxy_component_up and CheckHealth; fn returns nil
// when the component works (vault: Ping; audit: Healthy). A second registration of a name
// replaces the first.
func (t *T) RegisterHealth(component string, fn func(context.Context) error) error {
	if t == nil {
		return nil
	}
	if !isMetricIdent(component) || fn == nil {
		return fmt.Errorf("telemetry: RegisterHealth: component name must be [a-z][a-z0-9_]* and fn non-nil")
	}
	t.health.mu.Lock()
	defer t.health.mu.Unlock()
	if t.health.checks == nil {
		t.health.checks = map[string]func(context.Context) error{}
	}
	t.health.checks[component] = fn
	return nil
}

// CheckHealth runs the registered checks now (for the dashboard and readiness).
func (t *T) CheckHealth(ctx context.Context) []ComponentHealth {
	if t == nil {
		return nil
	}
	return t.health.check(ctx)
}

// RegisterGauge exports fn's value at every scrape as the gauge name (which must start with
// pii_proxy_), e.g. pii_proxy_vault_entries from vault.Stats. An error from fn leaves the
// gauge without a sample for that scrape. A no-op when Prometheus is off.
func (t *T) RegisterGauge(name, help string, fn func(context.Context) (float64, error)) error {
	if t == nil {
		return nil
	}
	if !strings.HasPrefix(name, "pii_proxy_") || !isMetricIdent(name) || fn == nil {
		return fmt.Errorf("telemetry: RegisterGauge: name must be pii_proxy_[a-z0-9_]+ and fn non-nil")
	}
	_, err := t.meter.Float64ObservableGauge(name, metric.WithDescription(help),
		metric.WithFloat64Callback(func(ctx context.Context, o metric.Float64Observer) error {
			cctx, cancel := context.WithTimeout(ctx, healthTimeout)
			defer cancel()
			var v float64
			err := runCheck(cctx, func(ctx context.Context) error {
				var err error
				v, err = fn(ctx)
				return err
			})
			if err == nil {
				o.Observe(v)
			}
			return nil
		}))
	return err
}

func isMetricIdent(s string) bool { return ident.Valid(s, maxLabelLen) }
