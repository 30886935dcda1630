package sim

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tidwall/sjson"
)

// readSample reads a sample of API-NOTES §4 (copied into testdata/samples).
func readSample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// set rewrites a sample request so it names people and departments this organisation has.
func set(t *testing.T, body []byte, path string, v any) []byte {
	t.Helper()
	out, err := sjson.SetBytes(body, path, v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestShapesMatchSamples sends each sample request (ids swapped for the simulator's own) and
// checks the answer has exactly the key paths and value types of the sample response.
func TestShapesMatchSamples(t *testing.T) {
	c := newSim(t)
	e0, e1 := c.employee(0), c.employee(1)
	subDept := e0.DeptIDs[0]
	errs := map[string]json.RawMessage{}
	if err := json.Unmarshal(readSample(t, "14_errors.json"), &errs); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		sample string // response sample (file name or 14_errors.json member)
		call   func() []byte
	}{
		{"01_oapi_gettoken.response.json", func() []byte {
			return c.do(req{Method: "GET", Path: "/gettoken?appkey=demo-app-key&appsecret=demo-app-secret"}).Body
		}},
		{"02_oapi_v2_user_get.response.json", func() []byte {
			b := set(t, readSample(t, "02_oapi_v2_user_get.request.json"), "userid", e1.UserID)
			return mustJSON(t, c.legacy("/topapi/v2/user/get", string(b)))
		}},
		{"03_oapi_v2_user_list.response.json", func() []byte {
			b := set(t, readSample(t, "03_oapi_v2_user_list.request.json"), "dept_id", subDept)
			return mustJSON(t, c.legacy("/topapi/v2/user/list", string(b)))
		}},
		{"04_oapi_user_listid.response.json", func() []byte {
			return c.do(req{Path: "/topapi/user/listid?access_token=" + c.appToken(), Body: fmt.Sprintf("dept_id=%d", subDept),
				Header: map[string]string{"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"}}).Body
		}},
		{"05_oapi_asyncsend_v2.response.json", func() []byte {
			return mustJSON(t, c.legacy("/topapi/message/corpconversation/asyncsend_v2", string(readSample(t, "05_oapi_asyncsend_v2.request.json"))))
		}},
		{"06_oapi_robot_send.response.json", func() []byte {
			return c.do(req{Path: "/robot/send?access_token=FAKEwebhooktoken0001&timestamp=1742264100000&sign=FAKEsign%3D",
				Body: string(readSample(t, "06_oapi_robot_send.request.json")), Header: map[string]string{"Content-Type": "application/json; charset=utf-8"}}).Body
		}},
		{"07_v1_oauth2_accessToken.response.json", func() []byte {
			b := set(t, set(t, readSample(t, "07_v1_oauth2_accessToken.request.json"), "appKey", "demo-app-key"), "appSecret", "demo-app-secret")
			return c.do(req{Path: "/v1.0/oauth2/accessToken", Body: string(b)}).Body
		}},
		{"08_v1_contact_users_me.response.json", func() []byte {
			return c.do(req{Method: "GET", Path: "/v1.0/contact/users/me", Header: map[string]string{tokenHeader: c.userToken(e0.UserID)}}).Body
		}},
		{"09_v1_hrm_rosters_lists_query.response.json", func() []byte {
			b := set(t, readSample(t, "09_v1_hrm_rosters_lists_query.request.json"), "userIdList", []string{e0.UserID})
			return c.api("POST", "/v1.0/hrm/rosters/lists/query", string(b)).Body
		}},
		{"10_oapi_hrm_employee_v2_list.response.json", func() []byte {
			b := set(t, readSample(t, "10_oapi_hrm_employee_v2_list.request.json"), "userid_list", e0.UserID+","+e1.UserID)
			return mustJSON(t, c.legacy("/topapi/smartwork/hrm/employee/v2/list", string(b)))
		}},
		{"11_v1_robot_oToMessages_batchSend.response.json", func() []byte {
			b := set(t, readSample(t, "11_v1_robot_oToMessages_batchSend.request.json"), "userIds", []string{e0.UserID, e1.UserID})
			return c.api("POST", "/v1.0/robot/oToMessages/batchSend", string(b)).Body
		}},
		{"12_v1_workflow_processInstances.response.json", func() []byte {
			return c.api("GET", "/v1.0/workflow/processInstances?processInstanceId="+SampleProcessInstanceID, "").Body
		}},
		{"oapi_88_bad_token", func() []byte {
			return c.do(req{Path: "/topapi/v2/user/get?access_token=nope", Body: `{"userid":"x"}`}).Body
		}},
		{"api_400_invalid_token", func() []byte {
			return c.do(req{Method: "GET", Path: "/v1.0/workflow/processInstances?processInstanceId=x", Header: map[string]string{tokenHeader: "nope"}}).Body
		}},
	}
	for _, tc := range cases {
		t.Run(tc.sample, func(t *testing.T) {
			var want []byte
			if strings.HasSuffix(tc.sample, ".json") {
				want = readSample(t, tc.sample)
			} else {
				want = errs[tc.sample]
			}
			got := tc.call()
			diff, err := shapeDiff(want, got)
			if err != nil {
				t.Fatalf("%v (body %.300s)", err, got)
			}
			for _, d := range diff {
				t.Error(d)
			}
		})
	}
}

// TestShapesOfQPSErrors checks the rate-limit errors against samples/14_errors.json.
func TestShapesOfQPSErrors(t *testing.T) {
	c := newSim(t, func(c *Config) { c.QPS = 1; c.Now = fixedClock() })
	tok := c.appToken()
	errs := map[string]json.RawMessage{}
	if err := json.Unmarshal(readSample(t, "14_errors.json"), &errs); err != nil {
		t.Fatal(err)
	}
	var legacy, api []byte
	for range 2 {
		legacy = c.do(req{Path: "/topapi/v2/user/get?access_token=" + tok, Body: `{"userid":"x"}`}).Body
		api = c.do(req{Method: "GET", Path: "/v1.0/workflow/processInstances?processInstanceId=x", Header: map[string]string{tokenHeader: tok}}).Body
	}
	for name, got := range map[string][]byte{"oapi_90018_qps": legacy, "api_403_qps": api} {
		diff, err := shapeDiff(errs[name], got)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range diff {
			t.Errorf("%s: %s", name, d)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
