package proxy

import (
	"sync"
	"testing"
)

// Request ids stay 24 lower-case hex digits and distinct across blocks and goroutines.
func TestRequestIDsDistinct(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]bool{}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 500 {
				id := newRequestID()
				if len(id) != 24 || id == "000000000000000000000000" {
					t.Errorf("request id %q", id)
				}
				for _, c := range id {
					if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
						t.Errorf("request id %q", id)
					}
				}
				mu.Lock()
				if seen[id] {
					t.Errorf("request id %q twice", id)
				}
				seen[id] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
}
