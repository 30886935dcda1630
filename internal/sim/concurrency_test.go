package sim

import (
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentCalls runs every stateful part at once (render cache, recorder, message
// store, started instances, token table); run it with -race.
func TestConcurrentCalls(t *testing.T) {
	c := newSim(t, func(c *Config) { c.Employees = 200; c.Record = 16 })
	tok := c.appToken()
	h := map[string]string{tokenHeader: tok}
	e := c.employee(1)
	var wg sync.WaitGroup
	errs := make(chan string, 1000)
	for g := range 8 {
		wg.Go(func() {
			for i := range 15 {
				k := g*15 + i
				calls := []req{
					{Path: "/topapi/v2/user/get?access_token=" + tok, Body: `{"userid":"` + c.employee(k%200).UserID + `"}`},
					{Path: "/topapi/v2/user/list?access_token=" + tok, Body: fmt.Sprintf(`{"dept_id":1,"cursor":%d,"size":50}`, k)},
					{Path: "/v1.0/robot/oToMessages/batchSend", Header: h, Body: `{"robotCode":"r","userIds":["` + e.UserID + `"],"msgKey":"k","msgParam":"{}"}`},
					{Path: "/v1.0/workflow/processInstances", Header: h, Body: `{"processCode":"P","originatorUserId":"` + e.UserID + `","formComponentValues":[{"name":"n","value":"v"}]}`},
					{Method: "GET", Path: "/_sim/requests"},
				}
				for _, rq := range calls {
					if r := c.do(rq); r.Status != 200 {
						errs <- fmt.Sprintf("%s: %d %s", rq.Path, r.Status, r.Body)
					}
				}
				c.userToken(e.UserID)
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	keys := map[string]bool{}
	for _, m := range c.messages() {
		if keys[m.ID] {
			t.Errorf("processQueryKey %s handed out twice", m.ID)
		}
		keys[m.ID] = true
	}
	if len(keys) != 16 { // 120 sent; the store keeps as many as the request record (16)
		t.Errorf("%d distinct messages kept, want 16", len(keys))
	}
}
