package corpus

import (
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// rosterField is one roster field code (API-NOTES §1.4) and how to fill it: items returns
// (label, value, PII type) triples; a select field has a code as value and text as label,
// and only PII fields are labelled, in both label and value.
type rosterField struct {
	code, name string
	items      func(c *fileCtx, e fakedata.Employee) []rosterItem
}

type rosterItem struct{ label, value, typ string }

func one(v, typ string) []rosterItem { return []rosterItem{{v, v, typ}} }

var rosterFields = []rosterField{
	{"sys00-name", "姓名", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.Name, "person_name") }},
	{"sys00-email", "郵箱", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.Email, "email") }},
	{"sys00-mobile", "手機號", func(c *fileCtx, e fakedata.Employee) []rosterItem {
		if e.StateCode == "86" {
			return one("+86-"+e.Mobile, "cn_mobile")
		}
		d := hkDigits(e.Mobile)
		if c.g.Chance(0.2) {
			return one(d, "hk_phone")
		}
		return one("+852-"+d, "hk_phone")
	}},
	{"sys00-tel", "分機號", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		if c.g.Chance(0.5) {
			return one(itoa(int64(c.g.Between(100, 8999))), "") // an extension alone identifies no one
		}
		return one("852-"+c.g.HKFixed(), "hk_phone")
	}},
	{"sys00-jobNumber", "工號", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.JobNumber, "") }},
	{"sys00-position", "職位", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.Title, "") }},
	{"sys00-dept", "部門", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		return one(c.g.Pick([]string{"財務部", "人力資源部", "資訊科技部", "市場部", "客戶服務部"}), "")
	}},
	{"sys00-mainDeptId", "主部門", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(itoa(e.DeptIDs[0]), "") }},
	{"sys00-workPlace", "辦公地點", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.WorkPlace, "") }},
	{"sys00-remark", "備註", nil}, // free text, filled specially
	{"sys00-confirmJoinTime", "入職時間", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.HiredDate.Format("2006-01-02"), "") }},
	{"sys01-employeeType", "員工類型", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		i := c.g.Intn(3)
		return []rosterItem{{[]string{"全職", "兼職", "實習"}[i], itoa(int64(i + 1)), ""}}
	}},
	{"sys01-employeeStatus", "員工狀態", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		i := c.g.Intn(2)
		return []rosterItem{{[]string{"試用", "正式"}[i], itoa(int64(i + 2)), ""}}
	}},
	{"sys02-realName", "身份證姓名", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.NameEN, "person_name") }},
	{"sys02-certNo", "證件號碼", func(c *fileCtx, e fakedata.Employee) []rosterItem {
		v, typ := c.certNo(e)
		return one(v, typ)
	}},
	{"sys02-birthTime", "出生日期", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(dobText(e), "date_of_birth") }},
	{"sys02-sexType", "性別", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		i := c.g.Intn(2)
		return []rosterItem{{[]string{"男", "女"}[i], itoa(int64(i)), ""}}
	}},
	{"sys02-certAddress", "身份證地址", func(c *fileCtx, _ fakedata.Employee) []rosterItem { return one(c.g.AddressHK(), "address") }},
	{"sys02-address", "住址", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.Address, "address") }},
	{"sys02-certEndTime", "證件有效期", func(c *fileCtx, _ fakedata.Employee) []rosterItem { return one(fakeDate(c.g), "") }},
	{"sys02-marriage", "婚姻狀況", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		i := c.g.Intn(2)
		return []rosterItem{{[]string{"未婚", "已婚"}[i], itoa(int64(i + 1)), ""}}
	}},
	{"sys04-bankAccountNo", "銀行卡號", func(_ *fileCtx, e fakedata.Employee) []rosterItem {
		return one(e.BankAccount, bankAccountType(e.BankAccount))
	}},
	{"sys04-accountBank", "開戶行", func(c *fileCtx, _ fakedata.Employee) []rosterItem { return one(c.g.HKBankName(), "") }},
	{"sys06-urgentContactsName", "緊急聯繫人姓名", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.EmergencyName, "person_name") }},
	{"sys06-urgentContactsRelation", "聯繫人關係", func(_ *fileCtx, e fakedata.Employee) []rosterItem { return one(e.EmergencyRelation, "") }},
	{"sys06-urgentContactsPhone", "聯繫人電話", func(c *fileCtx, e fakedata.Employee) []rosterItem {
		if c.g.Chance(0.2) {
			return one(c.g.HKPhoneStyled(hkDigits(e.EmergencyPhone)), "hk_phone")
		}
		return one(e.EmergencyPhone, "hk_phone")
	}},
	{"sys07-childName", "子女姓名", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		var out []rosterItem
		for range c.g.Between(1, 2) {
			out = append(out, rosterItem{typ: "person_name", label: c.g.NameZH()})
		}
		return out
	}},
	{"sys07-childBirthDate", "子女出生日期", func(c *fileCtx, _ fakedata.Employee) []rosterItem {
		var out []rosterItem
		for range c.g.Between(1, 2) {
			d := time.Date(2000+c.g.Intn(23), 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, c.g.Intn(365))
			out = append(out, rosterItem{typ: "date_of_birth", label: d.Format("2006-01-02")})
		}
		return out
	}},
}

// camel turns a snake_case roster key into the v1.0 camelCase one.
func camel(k string) string {
	parts := strings.Split(k, "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "")
}

// rosterEmployee builds one employee's field list in the legacy (snake_case) or v1.0
// (camelCase) dialect, with a random subset of fields in the requested order.
func (c *fileCtx) rosterEmployee(e fakedata.Employee, v1 bool) *object {
	g := c.g
	key := func(k string) string {
		if v1 {
			return camel(k)
		}
		return k
	}
	var fields []rosterField
	for _, f := range rosterFields {
		if g.Chance(0.55) {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		fields = append(fields, rosterFields[0])
	}
	var list array
	for _, f := range fields {
		var items []rosterItem
		if f.items == nil {
			items = nil // remark: free text in both label and value
		} else {
			items = f.items(c, e)
		}
		var values array
		if f.items == nil {
			t := freeText(g, 1, 2)
			values = append(values, obj().set(key("item_index"), num(0)).set("label", t).set("value", t))
		}
		for i, it := range items {
			if it.value == "" {
				it.value = it.label
			}
			item := obj().set(key("item_index"), num(i))
			if it.typ != "" {
				item.set("label", pii(it.typ, it.label)).set("value", pii(it.typ, it.value))
			} else {
				item.set("label", plain(it.label)).set("value", plain(it.value))
			}
			values = append(values, item)
		}
		fd := obj().set(key("field_code"), plain(f.code)).set(key("field_name"), plain(f.name)).set(key("group_id"), plain(f.code[:5]))
		fd.set(key("field_value_list"), values)
		list = append(list, fd)
	}
	o := obj()
	o.set(key("corp_id"), plain("dingFAKEcorp0000000000000000000001"))
	if v1 {
		o.set("userId", plain(e.UserID))
		o.set("unionId", plain(e.UnionID))
	} else {
		o.set("userid", plain(e.UserID))
	}
	o.set(key("field_data_list"), list)
	return o
}

// rosterLegacy builds POST /topapi/smartwork/hrm/employee/v2/list (S10).
func rosterLegacy(c *fileCtx) node {
	var res array
	for range c.g.Between(1, 4) {
		res = append(res, c.rosterEmployee(c.employee(), false))
	}
	o := obj().set("errcode", num(0)).set("errmsg", plain("ok")).set("success", boolean(true))
	if c.g.Chance(0.9) {
		o.set("request_id", plain(c.g.RequestID()))
	}
	return o.set("result", res)
}

// rosterV1 builds POST /v1.0/hrm/rosters/lists/query (S9): no envelope.
func rosterV1(c *fileCtx) node {
	var res array
	for range c.g.Between(1, 4) {
		res = append(res, c.rosterEmployee(c.employee(), true))
	}
	return obj().set("result", res)
}
