package sim

import (
	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// appendUserGet renders the "result" object of /topapi/v2/user/get, members in the order of
// samples/02_oapi_v2_user_get.response.json.
func appendUserGet(dst []byte, e *fakedata.Employee, x *extras) []byte {
	o := newObj(dst)
	o.str("userid", e.UserID)
	o.str("unionid", e.UnionID)
	o.str("name", e.Name)
	o.str("avatar", x.avatar)
	o.str("state_code", e.StateCode)
	o.str("manager_userid", e.ManagerUserID)
	o.str("mobile", e.Mobile)
	o.bool("hide_mobile", x.hideMobile)
	o.str("telephone", e.Telephone)
	o.str("job_number", e.JobNumber)
	o.str("title", e.Title)
	o.str("email", e.Email)
	o.str("work_place", e.WorkPlace)
	o.str("remark", e.Remark)
	o.str("login_id", "")
	o.str("exclusive_account_type", "")
	o.bool("exclusive_account", false)
	o.key("dept_id_list")
	o.b = appendInts(o.b, e.DeptIDs)
	o.objects("dept_order_list", len(e.DeptIDs), func(d *obj, k int) {
		d.int("dept_id", e.DeptIDs[k])
		d.int("order", x.deptOrder+int64(k))
	})
	o.str("extension", x.extension)
	o.int("hired_date", e.HiredDate.UnixMilli())
	o.bool("active", e.Active)
	o.bool("real_authed", x.realAuthed)
	o.str("org_email", e.OrgEmail)
	o.str("org_email_type", "profession")
	o.bool("senior", x.senior)
	o.bool("admin", e.Admin)
	o.bool("boss", e.Boss)
	o.objects("leader_in_dept", len(e.DeptIDs), func(d *obj, k int) {
		d.int("dept_id", e.DeptIDs[k])
		d.bool("leader", e.Leader && k == 0)
	})
	o.objects("role_list", 1, func(r *obj, _ int) {
		r.int("id", x.role.id)
		r.str("name", x.role.name)
		r.str("group_name", x.role.group)
	})
	o.raw("union_emp_ext", []byte("{}"))
	return o.end()
}

// appendUserListItem renders one element of /topapi/v2/user/list's result.list, members in
// the order of samples/03_oapi_v2_user_list.response.json (scalar dept_order and leader
// where user/get has dept_order_list and leader_in_dept).
func appendUserListItem(dst []byte, e *fakedata.Employee, x *extras) []byte {
	o := newObj(dst)
	o.str("userid", e.UserID)
	o.str("unionid", e.UnionID)
	o.str("name", e.Name)
	o.str("avatar", x.avatar)
	o.str("state_code", e.StateCode)
	o.str("mobile", e.Mobile)
	o.bool("hide_mobile", x.hideMobile)
	o.str("telephone", e.Telephone)
	o.str("job_number", e.JobNumber)
	o.str("title", e.Title)
	o.str("email", e.Email)
	o.str("org_email", e.OrgEmail)
	o.str("work_place", e.WorkPlace)
	o.str("remark", e.Remark)
	o.key("dept_id_list")
	o.b = appendInts(o.b, e.DeptIDs)
	o.int("dept_order", x.deptOrder)
	o.str("extension", x.extension)
	o.int("hired_date", e.HiredDate.UnixMilli())
	o.bool("active", e.Active)
	o.bool("admin", e.Admin)
	o.bool("boss", e.Boss)
	o.bool("leader", e.Leader)
	o.bool("exclusive_account", false)
	return o.end()
}
