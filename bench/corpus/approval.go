package corpus

import (
	"fmt"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// processInstance builds GET /v1.0/workflow/processInstances (S12): form components of
// several kinds, free text in TextareaFields, JSON-array strings in table and holiday fields.
func processInstance(c *fileCtx) node {
	g := c.g
	e := c.employee()
	created := time.UnixMilli(g.EpochMillis()).UTC()
	ts := func(t time.Time) string { return t.Format("2006-01-02T15:04Z") }
	kind := g.Pick([]string{"請假", "報銷", "出差", "資料更新", "加班"})
	r := obj()
	// The applicant's name starts the title (API-NOTES): personal data like any other.
	r.set("title", piiPrefix("person_name", e.Name+"提交的"+kind, len(e.Name)))
	r.set("createTime", plain(ts(created)))
	finished := g.Chance(0.5)
	if finished {
		r.set("finishTime", plain(ts(created.Add(time.Duration(g.Between(1, 72))*time.Hour))))
	} else {
		r.set("finishTime", plain(""))
	}
	r.set("originatorUserId", plain(e.UserID))
	r.set("originatorDeptId", c.id(e.DeptIDs[0], 0.7))
	r.set("originatorDeptName", plain(g.Pick([]string{"財務部", "人力資源部", "資訊科技部", "市場部"})))
	if finished {
		r.set("status", plain("COMPLETED")).set("result", plain(g.Pick([]string{"agree", "refuse"})))
	} else {
		r.set("status", plain("RUNNING")).set("result", plain(""))
	}
	r.set("businessId", plain(created.Format("200601021504")+g.Digits(9)))
	approver := c.employee()
	r.set("approverUserIds", array{plain(approver.UserID)})
	r.set("ccUserIds", array{plain(c.employee().UserID)})
	r.set("bizAction", plain("NONE"))
	r.set("attachedProcessInstanceIds", array{})
	r.set("mainProcessInstanceId", plain(""))
	var forms array
	for range g.Between(2, 6) {
		forms = append(forms, c.formComponent(e))
	}
	r.set("formComponentValues", forms)
	var records array
	records = append(records, c.operationRecord(e, "START_PROCESS_INSTANCE", created, false))
	if finished {
		records = append(records, c.operationRecord(approver, "EXECUTE_TASK_NORMAL", created.Add(time.Hour), true))
	}
	r.set("operationRecords", records)
	task := obj().set("taskId", c.id(g.TaskID(), 0.1)).set("userId", plain(approver.UserID))
	task.set("status", plain(map[bool]string{true: "COMPLETED", false: "RUNNING"}[finished])).set("result", plain(map[bool]string{true: "AGREE", false: "NONE"}[finished]))
	task.set("createTime", plain(ts(created))).set("finishTime", plain("")).set("activityId", plain("FAKEactivity"+g.Digits(2)))
	task.set("processInstanceId", plain(g.UUID())).set("pcUrl", plain("")).set("mobileUrl", plain(""))
	r.set("tasks", array{task})
	success := node(plain("true"))
	if g.Chance(0.3) {
		success = boolean(true)
	}
	return obj().set("success", success).set("result", r)
}

func (c *fileCtx) operationRecord(e fakedata.Employee, typ string, at time.Time, withRemark bool) *object {
	g := c.g
	o := obj().set("userId", plain(e.UserID)).set("date", plain(at.Format("2006-01-02T15:04Z")))
	o.set("type", plain(typ)).set("result", plain(map[bool]string{true: "AGREE", false: "NONE"}[withRemark]))
	o.set("showName", pii("person_name", e.Name))
	if withRemark && g.Chance(0.5) {
		o.set("remark", freeText(g, 1, 2))
	} else {
		o.set("remark", plain(""))
	}
	o.set("images", array{})
	var att array
	if g.Chance(0.3) {
		att = append(att, obj().set("fileName", plain(g.Pick([]string{"證明文件.pdf", "receipt.jpg", "醫生紙.png"}))).set("fileSize", plain(itoa(int64(g.Between(10000, 900000))))).set("fileId", plain(itoa(g.TaskID()))).set("fileType", plain("pdf")))
	}
	o.set("attachments", append(array{}, att...))
	o.set("ccUserIds", array{}).set("activityId", plain(""))
	return o
}

// formComponent returns one formComponentValues entry.
func (c *fileCtx) formComponent(e fakedata.Employee) *object {
	g := c.g
	id := func(t string) string { return t + "-" + g.Token("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 8) }
	comp := func(typ, name string, value node, ext string) *object {
		o := obj().set("componentType", plain(typ)).set("name", plain(name))
		if g.Chance(0.8) {
			o.set("bizAlias", plain(""))
		}
		return o.set("id", plain(id(typ))).set("value", value).set("extValue", plain(ext))
	}
	switch g.Intn(10) {
	case 0: // leave period: JSON array in a string, no PII
		from := time.UnixMilli(g.EpochMillis()).UTC()
		days := g.Between(1, 5)
		v := fmt.Sprintf(`["%s 09:00","%s 18:00",%d,"day","%s","請假類型"]`, from.Format(time.DateOnly), from.AddDate(0, 0, days-1).Format(time.DateOnly), days, g.Pick([]string{"年假", "病假", "事假"}))
		return comp("DDHolidayField", `["開始時間","結束時間"]`, plain(v), "")
	case 1, 2: // free-text reason
		return comp("TextareaField", g.Pick([]string{"請假事由", "備註", "Reason", "說明", "更新內容"}), freeText(g, 1, 3), "")
	case 3: // a phone field, with its label as context
		if g.Chance(0.3) {
			n := g.CNMobile()
			return comp("PhoneField", g.Pick([]string{"手機", "內地手機", "聯絡電話"}), pii("cn_mobile", g.CNMobileStyled(n)), "")
		}
		return comp(g.Pick([]string{"TextField", "PhoneField"}), g.Pick([]string{"代理人電話", "聯絡電話", "手機號碼", "緊急聯絡電話"}), pii("hk_phone", g.HKPhoneStyled(g.HKMobile())), "")
	case 4:
		return comp("TextField", g.Pick([]string{"聯絡電郵", "Email", "電郵地址"}), pii("email", g.Email(emailLocal(g))), "")
	case 5:
		v, typ := c.certNo(e)
		return comp("IdCardField", g.Pick([]string{"身份證號碼", "證件號碼"}), pii(typ, v), "")
	case 6: // a table: JSON array of rows in a string
		return comp("TableField", g.Pick([]string{"同行人員", "聯絡人明細", "報銷明細"}), c.tableValue(), "")
	case 7:
		if g.Chance(0.5) {
			return comp("DDDateField", "出生日期", pii("date_of_birth", dobText(e)), "")
		}
		return comp("DDDateField", g.Pick([]string{"入職日期", "出差日期"}), plain(fakeDate(g)), "")
	case 8:
		return comp("MoneyField", g.Pick([]string{"金額", "報銷金額（元）"}), plain(itoa(int64(g.Between(10, 90000)))+"."+pad2(g.Intn(100))), `{"upper":"","currency":"HKD"}`)
	default:
		opts := array{plain(g.Pick([]string{"交通", "膳食", "住宿"})), plain(g.Pick([]string{"香港", "深圳", "澳門"}))}
		return comp("DDMultiSelectField", g.Pick([]string{"費用類別", "目的地"}), c.embedJSON(opts), "")
	}
}

// tableValue is a TableField value: rows of labelled cells serialised into a string.
func (c *fileCtx) tableValue() text {
	g := c.g
	var rows array
	for r := range g.Between(1, 3) {
		var cells array
		cell := func(label, key string, v node) {
			cells = append(cells, obj().set("label", plain(label)).set("key", plain(key)).set("value", v))
		}
		cell("部門", "TextField-K1", plain(g.Pick([]string{"財務部", "市場部", "資訊科技部"})))
		switch g.Intn(3) {
		case 0:
			// The cell's own key is "value"; only its sibling label says "電話", so the number
			// is written in a style that is recognisable on its own.
			cell("電話", "PhoneField-K2", pii("hk_phone", selfEvidentPhone(g, g.HKMobile())))
		case 1:
			cell("證件", "IdCardField-K3", pii("hkid", g.HKID()))
		default:
			cell("電郵", "TextField-K4", pii("email", g.Email(emailLocal(g))))
		}
		if g.Chance(0.4) {
			cell("金額", "MoneyField-K5", plain(g.Amount()))
		}
		rows = append(rows, obj().set("rowValue", cells).set("rowNumber", plain("TableField-FAKE_"+itoa(int64(r+1)))))
	}
	return c.embedJSON(rows)
}
