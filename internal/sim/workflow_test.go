package sim

import (
	"encoding/json"
	"regexp"
	"testing"
)

var (
	hkidShape  = regexp.MustCompile(`(?i)\b[A-Z]{1,2}\d{6} ?\(?[0-9A]\)?`)
	phoneShape = regexp.MustCompile(`\d{4}[ -]?\d{4}`)
)

func TestGetSeededProcessInstance(t *testing.T) {
	c := newSim(t)
	e := c.employee(9)
	r := c.api("GET", "/v1.0/workflow/processInstances?processInstanceId="+e.ProcessInstanceID, "")
	m := r.json(t)
	if r.Status != 200 || m["success"] != "true" {
		t.Fatalf("%d %s", r.Status, r.Body)
	}
	res := m["result"].(map[string]any)
	if res["originatorUserId"] != e.UserID || res["title"] != e.Name+"提交的請假" {
		t.Errorf("originator %v title %v", res["originatorUserId"], res["title"])
	}
	var sawFreeText, sawJSONArray bool
	for _, f := range res["formComponentValues"].([]any) {
		v := f.(map[string]any)["value"].(string)
		if hkidShape.MatchString(v) && phoneShape.MatchString(v) {
			sawFreeText = true
		}
		var arr []any
		if json.Unmarshal([]byte(v), &arr) == nil && len(arr) > 0 {
			sawJSONArray = true
		}
	}
	if !sawFreeText || !sawJSONArray {
		t.Errorf("form lacks free text with an HKID and a phone (%v) or a JSON-array string (%v)", sawFreeText, sawJSONArray)
	}
	tasks := res["tasks"].([]any)
	if len(tasks) != 1 || tasks[0].(map[string]any)["processInstanceId"] != e.ProcessInstanceID {
		t.Errorf("tasks %v", tasks)
	}
	for _, bad := range []string{"?processInstanceId=nope", ""} {
		if r := c.api("GET", "/v1.0/workflow/processInstances"+bad, ""); r.Status != 400 || r.json(t)["code"] != "InvalidParameter" {
			t.Errorf("GET %q: %d %s", bad, r.Status, r.Body)
		}
	}
}

// TestStartThenGet proves the simulator stores what it was sent: the values of a started
// instance come back verbatim, JSON-in-string values included.
func TestStartThenGet(t *testing.T) {
	c := newSim(t, func(c *Config) { c.Now = fixedClock() })
	e, a := c.employee(2), c.employee(3)
	form := []map[string]string{
		{"name": "報銷事由", "value": "tok_hkid_ABCDEFGHIJKLMNOPQRSTUVWXYZ 的醫療費 <b>&</b>"},
		{"name": "明細", "value": `[{"item":"診金","amount":"350.00"}]`, "componentType": "TableField"},
	}
	body, _ := json.Marshal(map[string]any{
		"processCode": "PROC-FAKE-001", "originatorUserId": e.UserID, "deptId": e.DeptIDs[0],
		"approvers": []map[string]any{{"actionType": "NONE", "userIds": []string{a.UserID}}}, "ccList": []string{},
		"formComponentValues": form,
	})
	r := c.api("POST", "/v1.0/workflow/processInstances", string(body))
	id, _ := r.json(t)["instanceId"].(string)
	if r.Status != 200 || len(id) != 36 {
		t.Fatalf("start: %d %s", r.Status, r.Body)
	}
	got := c.api("GET", "/v1.0/workflow/processInstances?processInstanceId="+id, "")
	res := got.json(t)["result"].(map[string]any)
	if !regexp.MustCompile(`<b>&</b>`).Match(got.Body) {
		t.Error("< > & should travel unescaped, as DingTalk sends them")
	}
	vals := res["formComponentValues"].([]any)
	if len(vals) != 2 {
		t.Fatalf("stored %d values, want 2", len(vals))
	}
	for i, v := range vals {
		vm := v.(map[string]any)
		if vm["name"] != form[i]["name"] || vm["value"] != form[i]["value"] {
			t.Errorf("value %d = %v, want %v", i, vm, form[i])
		}
	}
	if res["originatorUserId"] != e.UserID || res["approverUserIds"].([]any)[0] != a.UserID || res["createTime"] != "2026-03-18T10:15Z" {
		t.Errorf("stored instance %v", res)
	}
	cases := []struct{ name, body string }{
		{"no processCode", `{"originatorUserId":"` + e.UserID + `","formComponentValues":[{"name":"a","value":"b"}]}`},
		{"unknown originator", `{"processCode":"P","originatorUserId":"nobody","formComponentValues":[{"name":"a","value":"b"}]}`},
		{"no form", `{"processCode":"P","originatorUserId":"` + e.UserID + `"}`},
		{"value not a string", `{"processCode":"P","originatorUserId":"` + e.UserID + `","formComponentValues":[{"name":"a","value":1}]}`},
		{"malformed", `{"processCode":`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if r := c.api("POST", "/v1.0/workflow/processInstances", tc.body); r.Status != 400 || r.json(t)["code"] != "InvalidParameter" {
				t.Errorf("%d %s", r.Status, r.Body)
			}
		})
	}
}
