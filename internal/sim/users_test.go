package sim

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"testing"
)

func TestUserGet(t *testing.T) {
	c := newSim(t)
	e := c.employee(7)
	cases := []struct {
		name, body string
		errcode    int64
	}{
		{"known", `{"userid":"` + e.UserID + `","language":"zh_CN"}`, 0},
		{"unknown", `{"userid":"nobody"}`, errcodeUserNotFound},
		{"missing userid", `{"language":"zh_CN"}`, errcodeBadParam},
		{"userid of wrong type", `{"userid":{"a":1}}`, errcodeBadParam},
		{"malformed JSON", `{"userid":`, errcodeBadParam},
		{"not an object", `["userid"]`, errcodeBadParam},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := c.legacy("/topapi/v2/user/get", tc.body)
			if num(t, m, "errcode") != tc.errcode {
				t.Fatalf("errcode %v, want %d: %v", m["errcode"], tc.errcode, m)
			}
			if rid, _ := m["request_id"].(string); len(rid) != 12 {
				t.Errorf("request_id %q, want 12 characters", rid)
			}
			if tc.errcode != 0 {
				return
			}
			res := m["result"].(map[string]any)
			want := map[string]any{
				"userid": e.UserID, "unionid": e.UnionID, "name": e.Name, "mobile": e.Mobile, "email": e.Email,
				"org_email": e.OrgEmail, "telephone": e.Telephone, "job_number": e.JobNumber, "title": e.Title,
				"work_place": e.WorkPlace, "remark": e.Remark, "state_code": e.StateCode, "manager_userid": e.ManagerUserID,
				"avatar": e.Avatar, "active": e.Active, "admin": e.Admin, "boss": e.Boss,
				"hired_date": float64(e.HiredDate.UnixMilli()),
			}
			for k, v := range want {
				if res[k] != v {
					t.Errorf("result.%s = %v, want %v", k, res[k], v)
				}
			}
			var ext map[string]any
			if err := json.Unmarshal([]byte(res["extension"].(string)), &ext); err != nil {
				t.Errorf("extension is not a JSON object in a string: %v", err)
			}
		})
	}
}

// TestUserListPaginatesDeptOne walks department 1 of a 10,000-employee organisation in pages
// of 100 and checks it yields every employee once, in order, and agrees with listid.
func TestUserListPaginatesDeptOne(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 employees")
	}
	c := newSim(t, func(c *Config) { c.Employees = 10000 })
	tok := c.appToken()
	var seen []string
	cursor := int64(0)
	for page := 0; ; page++ {
		if page > 101 {
			t.Fatal("pagination does not end")
		}
		r := c.do(req{Path: "/topapi/v2/user/list?access_token=" + tok, Body: fmt.Sprintf(`{"dept_id":1,"cursor":%d,"size":100}`, cursor)})
		m := r.json(t)
		if num(t, m, "errcode") != 0 {
			t.Fatalf("page %d: %s", page, r.Body)
		}
		res := m["result"].(map[string]any)
		list := res["list"].([]any)
		for _, it := range list {
			seen = append(seen, it.(map[string]any)["userid"].(string))
		}
		next := num(t, res, "next_cursor")
		if next != cursor+int64(len(list)) {
			t.Fatalf("page %d: next_cursor %d after cursor %d and %d items", page, next, cursor, len(list))
		}
		if res["has_more"] != true {
			break
		}
		if len(list) != 100 {
			t.Fatalf("page %d has %d items but has_more", page, len(list))
		}
		cursor = next
	}
	if len(seen) != 10000 {
		t.Fatalf("saw %d employees, want 10000", len(seen))
	}
	ids := c.legacy("/topapi/user/listid", `{"dept_id":1}`)["result"].(map[string]any)["userid_list"].([]any)
	for i, id := range ids {
		if seen[i] != id {
			t.Fatalf("user/list and listid disagree at %d", i)
		}
	}
	for _, i := range []int{0, 1234, 9999} {
		if seen[i] != c.employee(i).UserID {
			t.Errorf("position %d is %s, want employee %d", i, seen[i], i)
		}
	}
	if len(slices.Compact(slices.Sorted(slices.Values(seen)))) != 10000 {
		t.Error("duplicate userids in department 1")
	}
}

func TestUserListErrorsAndSubDepartments(t *testing.T) {
	c := newSim(t)
	var depts []DeptRecord
	if err := json.Unmarshal(c.do(req{Method: "GET", Path: "/_sim/departments"}).Body, &depts); err != nil {
		t.Fatal(err)
	}
	if len(depts) < 2 || depts[0].ID != RootDeptID || depts[0].Members != 50 {
		t.Fatalf("departments %+v: want the root with everyone and sub-departments", depts)
	}
	total := 0
	for _, d := range depts[1:] {
		m := c.legacy("/topapi/v2/user/list", fmt.Sprintf(`{"dept_id":%d,"cursor":0,"size":100}`, d.ID))
		for _, it := range m["result"].(map[string]any)["list"].([]any) {
			ids := it.(map[string]any)["dept_id_list"].([]any)
			if !slices.Contains(ids, any(float64(d.ID))) {
				t.Errorf("dept %d lists a member whose dept_id_list is %v", d.ID, ids)
			}
			total++
		}
	}
	if total < 50 {
		t.Errorf("sub-departments hold %d memberships, want every employee in at least one", total)
	}
	cases := []struct {
		name, body string
		errcode    int64
	}{
		{"unknown dept", `{"dept_id":42,"cursor":0,"size":10}`, errcodeNoDept},
		{"size too big", `{"dept_id":1,"cursor":0,"size":101}`, errcodeBadParam},
		{"size zero", `{"dept_id":1,"cursor":0,"size":0}`, errcodeBadParam},
		{"no size", `{"dept_id":1,"cursor":0}`, errcodeBadParam},
		{"negative cursor", `{"dept_id":1,"cursor":-1,"size":10}`, errcodeBadParam},
		{"dept as text", `{"dept_id":"1","cursor":"0","size":"10"}`, 0},
		{"dept not a number", `{"dept_id":"one","cursor":0,"size":10}`, errcodeBadParam},
		{"no dept", `{"cursor":0,"size":10}`, errcodeBadParam},
		{"bad bool", `{"dept_id":1,"cursor":0,"size":10,"contain_access_limit":"maybe"}`, errcodeBadParam},
		{"past the end", `{"dept_id":1,"cursor":500,"size":10}`, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := c.legacy("/topapi/v2/user/list", tc.body)
			if num(t, m, "errcode") != tc.errcode {
				t.Errorf("%v, want errcode %d", m, tc.errcode)
			}
		})
	}
	if res := c.legacy("/topapi/v2/user/list", `{"dept_id":1,"cursor":500,"size":10}`)["result"].(map[string]any); res["has_more"] != false || len(res["list"].([]any)) != 0 {
		t.Errorf("past the end: %v", res)
	}
}

func TestMaxPageSizeKnob(t *testing.T) {
	c := newSim(t, func(c *Config) { c.Employees = 300; c.MaxPageSize = 300 })
	m := c.legacy("/topapi/v2/user/list", `{"dept_id":1,"cursor":0,"size":300}`)
	if n := len(m["result"].(map[string]any)["list"].([]any)); n != 300 {
		t.Fatalf("size 300 with max-page-size 300 gave %d items", n)
	}
}

func TestListIDForm(t *testing.T) {
	c := newSim(t)
	e := c.employee(4)
	tok := c.appToken()
	form := url.Values{"dept_id": {fmt.Sprint(e.DeptIDs[0])}}.Encode()
	r := c.do(req{Path: "/topapi/user/listid?access_token=" + tok, Body: form, Chunked: true,
		Header: map[string]string{"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"}})
	m := r.json(t)
	ids := m["result"].(map[string]any)["userid_list"].([]any)
	if num(t, m, "errcode") != 0 || !slices.Contains(ids, any(e.UserID)) {
		t.Fatalf("listid by form: %s", r.Body)
	}
	bad := c.do(req{Path: "/topapi/user/listid?access_token=" + tok, Body: "dept_id=%zz",
		Header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}).json(t)
	if num(t, bad, "errcode") != errcodeBadParam {
		t.Errorf("malformed form: %v", bad)
	}
}

func TestContactUserByUnionID(t *testing.T) {
	c := newSim(t)
	e3 := c.employee(3)
	tok := c.userToken(c.employee(1).UserID)
	r := c.do(req{Method: "GET", Path: "/v1.0/contact/users/" + e3.UnionID, Header: map[string]string{tokenHeader: tok}})
	if m := r.json(t); r.Status != 200 || m["nick"] != e3.Name || m["openId"] != e3.OpenID || m["stateCode"] != e3.StateCode {
		t.Fatalf("users/{unionId}: %d %s", r.Status, r.Body)
	}
	if r := c.do(req{Method: "GET", Path: "/v1.0/contact/users/nobody", Header: map[string]string{tokenHeader: tok}}); r.Status != 400 {
		t.Errorf("unknown unionId: %d %s", r.Status, r.Body)
	}
}
