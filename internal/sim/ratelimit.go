package sim

import (
	"sync"
	"time"
)

// qpsLimiter enforces DingTalk's per-app, per-API limit (API-NOTES §3.2): a fixed one-second
// window, so "sleep one second" is enough to recover, exactly as the docs advise.
type qpsLimiter struct {
	limit int

	mu      sync.Mutex
	second  int64
	counter map[qpsKey]int
}

type qpsKey struct{ app, api string }

func newQPSLimiter(limit int) *qpsLimiter {
	return &qpsLimiter{limit: limit, counter: map[qpsKey]int{}}
}

// allow counts one call of api by app at now and reports whether it is within the limit.
func (l *qpsLimiter) allow(app, api string, now time.Time) bool {
	if l == nil || l.limit <= 0 {
		return true
	}
	sec := now.Unix()
	l.mu.Lock()
	defer l.mu.Unlock()
	if sec != l.second {
		l.second = sec
		clear(l.counter)
	}
	k := qpsKey{app, api}
	l.counter[k]++
	return l.counter[k] <= l.limit
}
