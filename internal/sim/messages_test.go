package sim

import (
	"encoding/json"
	"net/url"
	"slices"
	"testing"
)

func (c *simClient) messages() []Message {
	c.t.Helper()
	var out []Message
	if err := json.Unmarshal(c.do(req{Method: "GET", Path: "/_sim/messages"}).Body, &out); err != nil {
		c.t.Fatal(err)
	}
	return out
}

func TestAsyncSend(t *testing.T) {
	c := newSim(t)
	u := c.employee(1).UserID
	tok := c.appToken()
	msg := `{"msgtype":"text","text":{"content":"你好 A123456(3)"}}`
	formBody := url.Values{"agent_id": {"2987654321"}, "userid_list": {u + ",x"}, "msg": {msg}}.Encode()
	cases := []struct {
		name, ct, body string
		errcode        int64
	}{
		{"json", "application/json", `{"agent_id":2987654321,"userid_list":"` + u + `","to_all_user":false,"msg":` + msg + `}`, 0},
		{"form with msg as JSON string", "application/x-www-form-urlencoded", formBody, 0},
		{"json with msg as string", "application/json", `{"agent_id":1,"to_all_user":true,"msg":` + strconvQuote(msg) + `}`, 0},
		{"no recipients", "application/json", `{"agent_id":1,"msg":` + msg + `}`, errcodeBadParam},
		{"no agent", "application/json", `{"userid_list":"a","msg":` + msg + `}`, errcodeBadParam},
		{"msg not JSON", "application/json", `{"agent_id":1,"userid_list":"a","msg":"hello"}`, errcodeBadParam},
		{"msg without msgtype", "application/json", `{"agent_id":1,"userid_list":"a","msg":{"text":{}}}`, errcodeBadParam},
	}
	var tasks []float64
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(req{Path: "/topapi/message/corpconversation/asyncsend_v2?access_token=" + tok, Body: tc.body, Header: map[string]string{"Content-Type": tc.ct}})
			m := r.json(t)
			if num(t, m, "errcode") != tc.errcode {
				t.Fatalf("%s, want errcode %d", r.Body, tc.errcode)
			}
			if tc.errcode == 0 {
				id := m["task_id"].(float64)
				if id < 1e11 || id >= 1e12 || slices.Contains(tasks, id) {
					t.Errorf("task_id %v: want a fresh 12-digit number", id)
				}
				tasks = append(tasks, id)
			}
		})
	}
	ms := c.messages()
	if len(ms) != 3 {
		t.Fatalf("%d messages stored, want 3", len(ms))
	}
	for _, m := range ms[:2] {
		var got, want any
		_ = json.Unmarshal(m.Msg, &got)
		_ = json.Unmarshal([]byte(msg), &want)
		if !jsonEqual(got, want) || m.To[0] != u {
			t.Errorf("stored %s to %v, want the msg object to %s", m.Msg, m.To, u)
		}
	}
}

func TestRobotSend(t *testing.T) {
	c := newSim(t)
	body := string(readSample(t, "06_oapi_robot_send.request.json"))
	cases := []struct {
		name, query, body string
		errcode           int64
	}{
		{"any webhook token", "access_token=FAKEwebhooktoken0001&timestamp=1&sign=x", body, 0},
		{"no token", "", body, errcodeRobotToken},
		{"empty token", "access_token=", body, errcodeRobotToken},
		{"bad msgtype", "access_token=t", `{"msgtype":"voice"}`, errcodeBadParam},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do(req{Path: "/robot/send?" + tc.query, Body: tc.body, Header: map[string]string{"Content-Type": "application/json"}})
			if m := r.json(t); r.Status != 200 || num(t, m, "errcode") != tc.errcode {
				t.Errorf("%d %s, want errcode %d", r.Status, r.Body, tc.errcode)
			}
		})
	}
	ms := c.messages()
	if len(ms) != 1 || ms[0].API != "/robot/send" || !slices.Equal(ms[0].To, []string{"leeka-yan"}) {
		t.Fatalf("stored %+v", ms)
	}
	if compactJSONString(t, body) != string(ms[0].Msg) {
		t.Errorf("stored body differs from the one sent")
	}
}

func TestBatchSendOTO(t *testing.T) {
	c := newSim(t)
	u0, u1 := c.employee(0).UserID, c.employee(1).UserID
	r := c.api("POST", "/v1.0/robot/oToMessages/batchSend",
		`{"robotCode":"dingFAKErobot0001","userIds":["`+u0+`","ghost","`+u1+`"],"msgKey":"sampleText","msgParam":"{\"content\":\"hi\"}"}`)
	m := r.json(t)
	if r.Status != 200 || m["processQueryKey"] == "" {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
	if inv := m["invalidStaffIdList"].([]any); len(inv) != 1 || inv[0] != "ghost" {
		t.Errorf("invalidStaffIdList %v, want [ghost]", inv)
	}
	ms := c.messages()
	if len(ms) != 1 || ms[0].ID != m["processQueryKey"] || string(ms[0].Msg) != `{"msgKey":"sampleText","msgParam":"{\"content\":\"hi\"}"}` {
		t.Errorf("stored %+v", ms)
	}
	cases := []struct{ name, body string }{
		{"no robot", `{"userIds":["a"],"msgKey":"k","msgParam":"{}"}`},
		{"21 users", `{"robotCode":"r","userIds":["1","2","3","4","5","6","7","8","9","10","11","12","13","14","15","16","17","18","19","20","21"],"msgKey":"k","msgParam":"{}"}`},
		{"msgParam object", `{"robotCode":"r","userIds":["a"],"msgKey":"k","msgParam":{"content":"x"}}`},
		{"msgParam not JSON", `{"robotCode":"r","userIds":["a"],"msgKey":"k","msgParam":"hello"}`},
		{"no users", `{"robotCode":"r","userIds":[],"msgKey":"k","msgParam":"{}"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if r := c.api("POST", "/v1.0/robot/oToMessages/batchSend", tc.body); r.Status != 400 || r.json(t)["code"] != "InvalidParameter" {
				t.Errorf("%d %s", r.Status, r.Body)
			}
		})
	}
	if r := c.do(req{Method: "DELETE", Path: "/_sim/messages"}); r.Status != 204 || len(c.messages()) != 0 {
		t.Error("DELETE /_sim/messages did not clear")
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
