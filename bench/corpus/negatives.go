package corpus

import (
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// Hard-negative payloads: DingTalk-shaped documents whose every number is an id, a time, an
// amount or a near-miss identifier. A detector must report nothing in them.

type negativeKind struct {
	name  string
	build func(c *fileCtx) node
}

var negativeKinds = []negativeKind{
	{"userid_list", negUserIDList},
	{"departments", negDepartments},
	{"send_result", negSendResult},
	{"attendance", negAttendance},
	{"approval", negApproval},
	{"ops_report", negOpsReport},
	{"roster_meta", negRosterMeta},
	{"bpms_event", negBPMSEvent},
}

func negUserIDList(c *fileCtx) node {
	g := c.g
	var ids array
	for range g.Between(3, 30) {
		if g.Chance(0.3) {
			ids = append(ids, plain(g.UserID("")))
		} else {
			ids = append(ids, plain(c.employee().UserID))
		}
	}
	return legacyEnvelope(c, obj().set("userid_list", ids))
}

func negDepartments(c *fileCtx) node {
	g := c.g
	var depts array
	for range g.Between(2, 12) {
		d := obj().set("dept_id", c.id(g.DeptID(), 0.1)).set("parent_id", c.id(g.DeptID(), 0.1))
		d.set("create_dept_group", boolean(g.Chance(0.5))).set("auto_add_user", boolean(g.Chance(0.5)))
		if g.Chance(0.5) {
			d.set("order", num(g.Between(100000000, 999999999)))
		}
		if g.Chance(0.4) {
			d.set("modified", num(g.EpochMillis()))
		}
		depts = append(depts, d)
	}
	return legacyEnvelope(c, depts)
}

func negSendResult(c *fileCtx) node {
	g := c.g
	ids := func() array {
		var a array
		for range g.Intn(4) {
			a = append(a, plain(c.employee().UserID))
		}
		return append(array{}, a...)
	}
	res := obj().set("invalid_user_id_list", ids()).set("forbidden_list", array{}).set("failed_user_id_list", ids())
	res.set("read_user_id_list", ids()).set("unread_user_id_list", ids()).set("invalid_dept_id_list", array{c.id(g.DeptID(), 0.3)})
	o := obj().set("errcode", num(0)).set("errmsg", plain("ok"))
	o.set("task_id", c.id(g.TaskID(), 0.1))
	o.set("send_result", res).set("request_id", plain(g.RequestID()))
	return o
}

func negAttendance(c *fileCtx) node {
	g := c.g
	var rows array
	for range g.Between(2, 10) {
		base := g.EpochMillis()
		r := obj().set("userId", plain(c.employee().UserID)).set("deptId", c.id(g.DeptID(), 0.2))
		r.set("baseCheckTime", num(base)).set("userCheckTime", num(base+int64(g.Between(-900000, 900000))))
		r.set("checkType", plain(g.Pick([]string{"OnDuty", "OffDuty"}))).set("timeResult", plain(g.Pick([]string{"Normal", "Late", "Early"})))
		r.set("recordId", num(g.TaskID())).set("groupId", num(g.Between(100000000, 999999999))).set("planId", num(g.TaskID()))
		if g.Chance(0.4) {
			r.set("procInstId", plain(g.UUID()))
		}
		if g.Chance(0.5) {
			r.set("workDate", num(base/86400000*86400000))
		}
		rows = append(rows, r)
	}
	return obj().set("result", obj().set("hasMore", boolean(g.Chance(0.3))).set("pageList", rows))
}

// negativeText is free text of ids, times, amounts and near-miss identifiers, some of them
// behind context words that would make a careless detector fire.
func negativeText(g *fakedata.Gen) string {
	var parts []string
	for range g.Between(2, 5) {
		switch g.Intn(14) {
		case 0:
			parts = append(parts, "訂單 "+g.OrderNo()+" 已於 "+fakeDate(g)+" 付款 "+g.Amount())
		case 1:
			parts = append(parts, "合同號 "+g.ContractNo18())
		case 2:
			parts = append(parts, "版本 "+g.Version()+" 已部署")
		case 3:
			parts = append(parts, "request_id "+g.RequestID()+", task_id "+itoa(g.TaskID()))
		case 4:
			parts = append(parts, "時間戳 "+itoa(g.EpochMillis()))
		case 5:
			parts = append(parts, "ts="+g.LuhnValidTimestamp())
		case 6: // a mistyped HKID: its check character is wrong, so it identifies no one
			parts = append(parts, "舊證件號碼 "+wrongHKIDBracketed(g)+" 無效")
		case 7:
			parts = append(parts, "身份证号 "+g.WrongCheckCNID()+" 校验失败")
		case 8:
			parts = append(parts, "工號 "+g.JobNumber()+" 於 "+[]string{"09:00", "10:15", "18:30"}[g.Intn(3)]+" 打卡")
		case 9:
			parts = append(parts, "價格 "+g.Amount()+"，折扣後 "+g.Amount())
		case 10:
			parts = append(parts, "部門 "+itoa(int64(g.Between(100000000, 999999999)))+" 已同步")
		case 11:
			parts = append(parts, "epoch "+itoa(g.EpochSeconds()))
		case 12:
			parts = append(parts, "businessId "+g.ContractNo18()+g.Digits(3))
		default:
			parts = append(parts, "unionid "+g.UnionID())
		}
	}
	return strings.Join(parts, g.Pick([]string{"；", "。", ", ", "\n"}))
}

func negApproval(c *fileCtx) node {
	g := c.g
	e := c.employee()
	created := time.UnixMilli(g.EpochMillis()).UTC()
	r := obj().set("title", plain(g.Pick([]string{"採購申請", "合同審批", "付款申請"})))
	r.set("createTime", plain(created.Format("2006-01-02T15:04Z"))).set("finishTime", plain(""))
	r.set("originatorUserId", plain(e.UserID)).set("originatorDeptId", c.id(e.DeptIDs[0], 0.7))
	r.set("status", plain("RUNNING")).set("result", plain("")).set("businessId", plain(created.Format("200601021504")+g.Digits(9)))
	comp := func(typ, name, v string) *object {
		return obj().set("componentType", plain(typ)).set("name", plain(name)).set("id", plain(typ+"-"+g.Token("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 8))).set("value", plain(v)).set("extValue", plain(""))
	}
	forms := array{
		comp("TextField", "合同編號", g.ContractNo18()),
		comp("MoneyField", "金額", itoa(int64(g.Between(100, 999999)))+"."+pad2(g.Intn(100))),
		comp("TextField", "訂單號", g.OrderNo()),
	}
	if g.Chance(0.5) {
		forms = append(forms, comp("IdCardField", "證件號碼", wrongHKIDBracketed(g)))
	}
	if g.Chance(0.4) {
		forms = append(forms, comp("IdCardField", "身份證號碼", g.WrongCheckCNID()))
	}
	forms = append(forms, comp("TextareaField", "說明", negativeText(g)))
	r.set("formComponentValues", forms)
	r.set("tasks", array{obj().set("taskId", c.id(g.TaskID(), 0.1)).set("userId", plain(c.employee().UserID)).set("processInstanceId", plain(g.UUID()))})
	return obj().set("success", boolean(true)).set("result", r)
}

// negOpsReport is a sync job's summary posted through a robot: ids, counts, timings.
func negOpsReport(c *fileCtx) node {
	g := c.g
	var lines []string
	lines = append(lines, "#### 通訊錄同步報告", "- 開始："+itoa(g.EpochMillis()), "- 結束："+itoa(g.EpochMillis()))
	lines = append(lines, "- 部門："+itoa(int64(g.Between(100000000, 999999999)))+"、"+itoa(int64(g.Between(100000000, 999999999))))
	lines = append(lines, "- 用戶："+c.employee().UserID+"、"+g.UserID(""))
	lines = append(lines, "- 版本："+g.Version()+"，耗時 "+itoa(int64(g.Between(10, 99999)))+" ms")
	lines = append(lines, "- "+negativeText(g))
	md := obj().set("title", plain("同步報告")).set("text", plain(strings.Join(lines, "\n")))
	return obj().set("msgtype", plain("markdown")).set("markdown", md).set("at", obj().set("atUserIds", array{plain(c.employee().UserID)}).set("isAtAll", boolean(false)))
}

func negRosterMeta(c *fileCtx) node {
	g := c.g
	var fields array
	for _, f := range rosterFields {
		if g.Chance(0.5) {
			continue
		}
		o := obj().set("fieldCode", plain(f.code)).set("fieldName", plain(f.name))
		o.set("fieldType", plain(g.Pick([]string{"TextField", "DDDateField", "DDSelectField", "NumberField"})))
		if g.Chance(0.3) {
			o.set("optionText", plain(`[{"key":"1","value":"全職"},{"key":"2","value":"兼職"}]`))
		}
		fields = append(fields, o)
	}
	return obj().set("result", append(array{}, fields...))
}

func negBPMSEvent(c *fileCtx) node {
	g := c.g
	at := g.EpochMillis()
	data := obj().set("processInstanceId", plain(g.UUID())).set("corpId", plain("dingFAKEcorp0000000000000000000001"))
	data.set("createTime", num(at)).set("finishTime", num(at+int64(g.Between(60000, 86400000))))
	data.set("bizCategoryId", plain("")).set("processCode", plain("PROC-"+g.Token("ABCDEF0123456789", 8)+"-"+g.Token("ABCDEF0123456789", 4)))
	data.set("type", plain("finish")).set("result", plain("agree")).set("staffId", plain(c.employee().UserID))
	data.set("businessId", plain(time.UnixMilli(at).UTC().Format("200601021504")+g.Digits(9)))
	h := obj().set("topic", plain("bpms_instance_change")).set("messageId", plain("FAKE-msg-"+g.Digits(6))).set("contentType", plain("application/json"))
	h.set("time", plain(itoa(at))).set("eventBornTime", plain(itoa(at))).set("eventId", plain(g.Token("0123456789abcdef", 32)))
	return obj().set("specVersion", plain("1.0")).set("type", plain("EVENT")).set("headers", h).set("data", c.embedJSON(data))
}

// wrongHKIDBracketed is a wrong-check HKID in a bracketed style. Unbracketed, "P1052623"
// could as well be another document's number (PRC service passports are P + 7 digits),
// which would make the negative ambiguous instead of hard.
func wrongHKIDBracketed(g *fakedata.Gen) string {
	for {
		if s := g.WrongCheckHKID(); strings.Contains(s, "(") {
			return s
		}
	}
}
