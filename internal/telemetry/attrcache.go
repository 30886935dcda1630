package telemetry

import (
	"sync"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

// maxCachedSets bounds the attribute-set cache. Label values are policy and catalogue names,
// so real deployments stay far below it; past it sets are built per call (correct, slower).
const maxCachedSets = 4096

// setCache keeps the attribute sets of label combinations already seen: building a set
// sorts and allocates, and a call records up to a dozen series, so reuse takes most of the
// per-call cost off the proxy's hot path.
type setCache struct {
	mu   sync.RWMutex
	sets map[setKey]metric.MeasurementOption
}

// setKey names a series: the metric and up to four label values in the metric's order.
type setKey struct {
	metric     uint8
	a, b, c, d string
}

func (sc *setCache) get(k setKey, build func() []attribute.KeyValue) metric.MeasurementOption {
	sc.mu.RLock()
	opt, ok := sc.sets[k]
	sc.mu.RUnlock()
	if ok {
		return opt
	}
	opt = metric.WithAttributeSet(attribute.NewSet(build()...))
	sc.mu.Lock()
	if sc.sets == nil {
		sc.sets = make(map[setKey]metric.MeasurementOption)
	}
	if len(sc.sets) < maxCachedSets {
		sc.sets[k] = opt
	}
	sc.mu.Unlock()
	return opt
}
