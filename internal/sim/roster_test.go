package sim

import (
	"strings"
	"testing"
)

// rosterFieldsOf indexes one roster result entry: field code -> list of {value,label}.
func rosterFieldsOf(t *testing.T, entry map[string]any, camel bool) map[string][][2]string {
	t.Helper()
	k := snakeKeys
	if camel {
		k = camelKeys
	}
	out := map[string][][2]string{}
	for _, f := range entry[k.dataList].([]any) {
		fm := f.(map[string]any)
		code := fm[k.code].(string)
		if fm[k.group] != strings.SplitN(code, "-", 2)[0] || fm[k.name] == "" {
			t.Errorf("field %s: group %v name %v", code, fm[k.group], fm[k.name])
		}
		for i, v := range fm[k.valueList].([]any) {
			vm := v.(map[string]any)
			if int(vm[k.index].(float64)) != i {
				t.Errorf("field %s item %d has index %v", code, i, vm[k.index])
			}
			out[code] = append(out[code], [2]string{vm["value"].(string), vm["label"].(string)})
		}
		if _, ok := out[code]; !ok {
			out[code] = nil
		}
	}
	return out
}

func TestRosterBothGenerations(t *testing.T) {
	c := newSim(t)
	var e EmployeeRecord
	for i := 0; ; i++ { // an employee with an HKID, so certNo is predictable
		if e = c.employee(i); e.HKID != "" {
			break
		}
	}
	codes := []string{"sys00-name", "sys00-mobile", "sys02-certNo", "sys02-realName", "sys02-birthTime",
		"sys04-bankAccountNo", "sys06-urgentContactsPhone", "sys02-sexType", "no-such-code"}
	want := map[string]string{
		"sys00-name": e.Name, "sys02-certNo": e.HKID, "sys02-realName": e.NameEN,
		"sys02-birthTime": e.DOB.Format("2006-01-02"), "sys04-bankAccountNo": e.BankAccount,
		"sys06-urgentContactsPhone": e.EmergencyPhone,
		"sys00-mobile":              "+" + e.StateCode + "-" + strings.TrimPrefix(e.Mobile, "+"+e.StateCode+"-"),
	}
	check := func(t *testing.T, entry map[string]any, camel, convert bool) {
		fields := rosterFieldsOf(t, entry, camel)
		if len(fields) != len(codes)-1 {
			t.Errorf("%d fields, want %d (the unknown code skipped)", len(fields), len(codes)-1)
		}
		for code, v := range want {
			if got := fields[code]; len(got) != 1 || got[0][0] != v || got[0][1] != v {
				t.Errorf("%s = %v, want value and label %q", code, got, v)
			}
		}
		sex := fields["sys02-sexType"]
		if len(sex) != 1 || (sex[0][1] != "男" && sex[0][1] != "女") || (convert != (sex[0][0] == sex[0][1])) {
			t.Errorf("select field sys02-sexType = %v (text2SelectConvert %v)", sex, convert)
		}
	}

	t.Run("legacy snake_case", func(t *testing.T) {
		m := c.legacy("/topapi/smartwork/hrm/employee/v2/list",
			`{"agentid":2987654321,"userid_list":"`+e.UserID+`,nobody","field_filter_list":"`+strings.Join(codes, ",")+`"}`)
		if num(t, m, "errcode") != 0 || m["success"] != true {
			t.Fatalf("%v", m)
		}
		res := m["result"].([]any)
		if len(res) != 1 {
			t.Fatalf("%d entries, want 1 (unknown userid skipped)", len(res))
		}
		entry := res[0].(map[string]any)
		if entry["userid"] != e.UserID || entry["corp_id"] == "" || entry["fieldDataList"] != nil {
			t.Errorf("entry keys: %v", entry)
		}
		check(t, entry, false, false)
	})
	for _, convert := range []bool{false, true} {
		t.Run("v1.0 camelCase", func(t *testing.T) {
			body := `{"appAgentId":2987654321,"userIdList":["` + e.UserID + `"],"fieldFilterList":["` + strings.Join(codes, `","`) + `"],"text2SelectConvert":` + map[bool]string{true: "true", false: "false"}[convert] + `}`
			r := c.api("POST", "/v1.0/hrm/rosters/lists/query", body)
			m := r.json(t)
			if r.Status != 200 {
				t.Fatalf("%d %s", r.Status, r.Body)
			}
			entry := m["result"].([]any)[0].(map[string]any)
			if entry["userId"] != e.UserID || entry["unionId"] != e.UnionID || entry["corpId"] == "" {
				t.Errorf("entry keys: %v", entry)
			}
			check(t, entry, true, convert)
		})
	}
}

func TestRosterAllFieldsAndErrors(t *testing.T) {
	c := newSim(t)
	uid := c.employee(1).UserID
	m := c.legacy("/topapi/smartwork/hrm/employee/v2/list", `{"agentid":1,"userid_list":"`+uid+`"}`)
	fields := rosterFieldsOf(t, m["result"].([]any)[0].(map[string]any), false)
	for _, f := range rosterFields {
		if _, ok := fields[f.code]; !ok {
			t.Errorf("empty filter: field %s missing", f.code)
		}
	}
	many := strings.Repeat("x,", 101)
	cases := []struct {
		name, body string
	}{
		{"no agentid", `{"userid_list":"` + uid + `"}`},
		{"no userids", `{"agentid":1}`},
		{"101 userids", `{"agentid":1,"userid_list":"` + many + `"}`},
		{"101 fields", `{"agentid":1,"userid_list":"` + uid + `","field_filter_list":"` + many + `"}`},
		{"list of objects", `{"agentid":1,"userid_list":[{"a":1}]}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if m := c.legacy("/topapi/smartwork/hrm/employee/v2/list", tc.body); num(t, m, "errcode") != errcodeBadParam {
				t.Errorf("%v, want errcode 400002", m)
			}
		})
	}
	r := c.api("POST", "/v1.0/hrm/rosters/lists/query", `{"appAgentId":1,"userIdList":[]}`)
	if r.Status != 400 || r.json(t)["code"] != "InvalidParameter" {
		t.Errorf("empty userIdList: %d %s", r.Status, r.Body)
	}
}

// TestRosterCatalogue holds the registry invariants: unique codes in the sysNN-name form,
// and field names in traditional Chinese (no simplified-only characters).
func TestRosterCatalogue(t *testing.T) {
	const simplifiedOnly = "号邮门职类态试转计级证别户银开联系关电话务员时间学历专业签续长个账"
	seen := map[string]bool{}
	for _, f := range rosterFields {
		if seen[f.code] {
			t.Errorf("duplicate code %s", f.code)
		}
		seen[f.code] = true
		group, rest, ok := strings.Cut(f.code, "-")
		if !ok || len(group) != 5 || !strings.HasPrefix(group, "sys") || rest == "" {
			t.Errorf("code %q is not sysNN-name", f.code)
		}
		if f.name == "" || strings.ContainsAny(f.name, simplifiedOnly) {
			t.Errorf("field %s name %q is empty or not traditional Chinese", f.code, f.name)
		}
	}
	if len(seen) < 50 {
		t.Errorf("catalogue has %d codes; API-NOTES §1.4 lists more than 50", len(seen))
	}
}
