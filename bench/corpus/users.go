package corpus

import (
	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// userGet builds a legacy POST /topapi/v2/user/get response (API-NOTES S2).
func userGet(c *fileCtx) node {
	e := c.employee()
	return legacyEnvelope(c, c.userObject(e, false))
}

// userList builds a legacy POST /topapi/v2/user/list response (S3).
func userList(c *fileCtx) node {
	g := c.g
	var list array
	for range g.Between(1, 6) {
		list = append(list, c.userObject(c.employee(), true))
	}
	res := obj().set("has_more", boolean(g.Chance(0.4)))
	if g.Chance(0.8) {
		res.set("next_cursor", num(g.Between(1, 200)))
	}
	res.set("list", list)
	return legacyEnvelope(c, res)
}

func legacyEnvelope(c *fileCtx, result node) *object {
	o := obj().set("errcode", num(0)).set("errmsg", plain("ok"))
	if c.g.Chance(0.9) {
		o.set("request_id", plain(c.g.RequestID()))
	}
	return o.set("result", result)
}

// userObject writes one user in the /v2/user/get (listItem false) or /v2/user/list shape,
// leaving out optional fields the way permission scopes and default avatars do.
func (c *fileCtx) userObject(e fakedata.Employee, listItem bool) *object {
	g := c.g
	o := obj()
	o.set("userid", plain(e.UserID))
	o.set("unionid", plain(e.UnionID))
	o.set("name", pii("person_name", e.Name))
	if g.Chance(0.7) {
		o.set("avatar", plain(c.avatar()))
	} else if g.Chance(0.5) {
		o.set("avatar", plain(""))
	}
	state, mobile := c.mobileValue(e)
	o.set("state_code", plain(state))
	if !listItem && e.ManagerUserID != "" && g.Chance(0.8) {
		o.set("manager_userid", plain(e.ManagerUserID))
	}
	if g.Chance(0.9) { // only with the contact-mobile permission
		o.set("mobile", mobile)
	}
	o.set("hide_mobile", boolean(g.Chance(0.2)))
	switch g.Intn(3) {
	case 0:
		o.set("telephone", c.telephoneValue())
	case 1:
		o.set("telephone", plain(""))
	}
	o.set("job_number", plain(e.JobNumber))
	o.set("title", plain(e.Title))
	if g.Chance(0.85) {
		o.set("email", pii("email", e.Email))
	}
	if listItem && g.Chance(0.8) {
		o.set("org_email", pii("email", e.OrgEmail))
	}
	o.set("work_place", plain(e.WorkPlace))
	o.set("remark", c.remark())
	if !listItem {
		o.set("login_id", plain(""))
		o.set("exclusive_account_type", plain(""))
		o.set("exclusive_account", boolean(false))
	}
	depts := array{}
	for _, d := range e.DeptIDs {
		depts = append(depts, c.id(d, 0.05))
	}
	o.set("dept_id_list", depts)
	if listItem {
		o.set("dept_order", num(g.Between(100000000, 199999999)))
	} else {
		var orders array
		for _, d := range e.DeptIDs {
			orders = append(orders, obj().set("dept_id", num(d)).set("order", num(g.Between(100000000, 199999999))))
		}
		o.set("dept_order_list", orders)
	}
	if g.Chance(0.85) {
		o.set("extension", c.extension(e))
	}
	o.set("hired_date", num(e.HiredDate.UnixMilli()))
	o.set("active", boolean(e.Active))
	if !listItem {
		o.set("real_authed", boolean(g.Chance(0.8)))
		if g.Chance(0.8) {
			o.set("org_email", pii("email", e.OrgEmail))
			o.set("org_email_type", plain("profession"))
		}
		o.set("senior", boolean(false))
	}
	o.set("admin", boolean(e.Admin))
	o.set("boss", boolean(e.Boss))
	if listItem {
		o.set("leader", boolean(e.Leader))
		o.set("exclusive_account", boolean(false))
		return o
	}
	var leaders array
	for _, d := range e.DeptIDs {
		leaders = append(leaders, obj().set("dept_id", num(d)).set("leader", boolean(e.Leader)))
	}
	o.set("leader_in_dept", leaders)
	if g.Chance(0.5) {
		roles := []struct{ name, group string }{{"財務", "職務"}, {"人事", "職務"}, {"主管", "默認"}, {"IT", "職務"}}
		r := roles[g.Intn(len(roles))]
		o.set("role_list", array{obj().set("id", num(g.Between(1000000, 9999999))).set("name", plain(r.name)).set("group_name", plain(r.group))})
	}
	o.set("union_emp_ext", obj())
	return o
}

// remark is the profile's free-text note: often empty, otherwise a mix of sentences and
// identifiers.
func (c *fileCtx) remark() text {
	if c.g.Chance(0.3) {
		return plain("")
	}
	return freeText(c.g, 1, 3)
}

// extension is the JSON object held in the user's extension string: custom profile
// fields, keyed by whatever the organisation named them.
func (c *fileCtx) extension(e fakedata.Employee) text {
	g := c.g
	if g.Chance(0.15) {
		return plain("{}")
	}
	o := obj()
	type field struct {
		key string
		val func() node
	}
	cert, certType := c.certNo(e)
	certKey := "身份證號碼"
	if certType == "hk_passport" || certType == "cn_passport" {
		certKey = "護照號碼"
	}
	phone := g.HKPhoneStyled(g.HKMobile())
	fields := []field{
		{"英文名", func() node { return pii("person_name", e.EnglishName) }},
		{certKey, func() node { return pii(certType, cert) }},
		{"住址", func() node { return pii("address", e.Address) }},
		{"緊急聯絡電話", func() node { return pii("hk_phone", phone) }},
		{"出生日期", func() node { return pii("date_of_birth", dobText(e)) }},
		{"愛好", func() node { return plain(g.Pick([]string{"行山", "旅遊", "攝影", "跑步", "閱讀"})) }},
		{"年齡", func() node { return num(2025 - e.DOB.Year()) }},
		{"員工編號", func() node { return plain(e.JobNumber) }},
		{"入職日期", func() node { return plain(e.HiredDate.Format("2006-01-02")) }},
	}
	g.Rand().Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
	for _, f := range fields[:g.Between(1, len(fields))] {
		o.set(f.key, f.val())
	}
	return c.embedJSON(o)
}
