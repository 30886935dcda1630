package proxy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
)

// Body buffers are reused from call to call (bufpool.go): calls in flight together, with
// answers of different sizes and different rewrites, must each get exactly their own answer.
// Released buffers are zeroed, so a buffer handed back before its answer was written breaks
// that answer every time, not only when another call happens to reuse it in time.
func TestConcurrentCallsKeepTheirOwnBodies(t *testing.T) {
	t.Cleanup(proxy.PoisonReleasedBuffers())
	h := newHarness(t)
	path := "/topapi/v2/user/list?access_token=" + h.legacyToken()
	type call struct {
		key  string
		body string
	}
	var calls []call
	for _, key := range []string{"demo-support-key", "demo-payroll-key", "demo-hr-admin-key"} {
		for _, size := range []int{1, 6, 50, 100} {
			calls = append(calls, call{key, fmt.Sprintf(`{"dept_id":1,"cursor":0,"size":%d}`, size)})
		}
	}
	post := func(c call) (any, error) {
		req, err := http.NewRequest(http.MethodPost, h.proxy.URL+path, bytes.NewReader([]byte(c.body)))
		if err != nil {
			return nil, err
		}
		req.Header.Set("X-Api-Key", c.key)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil || res.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("status %d, %v: %.200s", res.StatusCode, err, b)
		}
		var m struct{ Result any } // request_id differs from call to call; the page does not
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("answer is not JSON: %v", err)
		}
		return m.Result, nil
	}
	want := make([]any, len(calls))
	for i, c := range calls {
		r, err := post(c)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = r
	}

	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 3 * len(calls) {
				i := (g + n*5) % len(calls)
				got, err := post(calls[i])
				if err == nil && !reflect.DeepEqual(got, want[i]) {
					err = fmt.Errorf("%s %s: the answer differs from the same call made alone", calls[i].key, calls[i].body)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
