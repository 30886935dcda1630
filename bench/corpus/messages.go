package corpus

import (
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// markdownText is a robot or work-notification markdown body: a heading, bullet lines
// with labelled values, and free text.
func markdownText(g *fakedata.Gen, heading string) text {
	var t tb
	t.w("#### " + heading + "\n")
	for range g.Between(1, 3) {
		t.w("- ")
		switch g.Intn(5) {
		case 0:
			t.w("姓名：" + g.NameZH() + " " + g.NameDisplayEN())
		case 1:
			t.w(g.Pick([]string{"手機：", "電話：", "Mobile: "})).p("hk_phone", g.HKPhoneStyled(g.HKMobile()))
		case 2:
			t.w(g.Pick([]string{"證件：", "HKID：", "身份證："})).p("hkid", g.HKIDStyled())
		case 3:
			t.w(g.Pick([]string{"電郵：", "Email: "})).p("email", g.Email(emailLocal(g)))
		default:
			t.w(filler(g))
		}
		t.w("\n")
	}
	ft := freeText(g, 0, 2)
	base := t.b.Len()
	t.w(ft.s)
	for _, sp := range ft.spans {
		t.spans = append(t.spans, span{sp.typ, sp.start + base, sp.end + base})
	}
	return t.text()
}

// robotBatchSend builds a POST /v1.0/robot/oToMessages/batchSend request (S11): msgParam
// is JSON in a string.
func robotBatchSend(c *fileCtx) node {
	g := c.g
	o := obj().set("robotCode", plain("dingFAKErobot"+g.Digits(4)))
	var users array
	for range g.Between(1, 5) {
		users = append(users, plain(c.employee().UserID))
	}
	o.set("userIds", users)
	var key string
	param := obj()
	switch g.Intn(5) {
	case 0, 1:
		key = "sampleText"
		param.set("content", freeText(g, 1, 3))
	case 2, 3:
		key = "sampleMarkdown"
		title := g.Pick([]string{"薪酬通知", "新員工入職", "資料核對", "Payroll notice"})
		param.set("title", plain(title)).set("text", markdownText(g, title))
	default:
		key = "sampleActionCard"
		param.set("title", plain("請確認個人資料")).set("text", freeText(g, 1, 2)).set("singleTitle", plain("查看詳情")).set("singleURL", plain("https://hr.example.com/profile"))
	}
	o.set("msgKey", plain(key))
	o.set("msgParam", c.embedJSON(param))
	return o
}

// robotSend builds a legacy POST /robot/send request (S6); at.atMobiles holds raw numbers
// and the markdown repeats them as "@68765432".
func robotSend(c *fileCtx) node {
	g := c.g
	var mobiles []text
	for range g.Between(0, 3) {
		if g.Chance(0.8) {
			mobiles = append(mobiles, pii("hk_phone", g.HKMobile()))
		} else {
			mobiles = append(mobiles, pii("cn_mobile", g.CNMobile()))
		}
	}
	var body text
	o := obj()
	if g.Chance(0.5) {
		o.set("msgtype", plain("markdown"))
		title := g.Pick([]string{"新員工入職", "值班安排", "系統通知", "資料更新"})
		body = markdownText(g, title)
		body = withAtMentions(g, body, mobiles)
		o.set("markdown", obj().set("title", plain(title)).set("text", body))
	} else {
		o.set("msgtype", plain("text"))
		body = withAtMentions(g, freeText(g, 1, 3), mobiles)
		o.set("text", obj().set("content", body))
	}
	at := obj()
	var ms array
	for _, m := range mobiles {
		ms = append(ms, m)
	}
	at.set("atMobiles", append(array{}, ms...))
	if g.Chance(0.6) {
		at.set("atUserIds", array{plain(c.employee().UserID)})
	}
	at.set("isAtAll", boolean(false))
	return o.set("at", at)
}

// withAtMentions appends "@<number>" for some of the @-mentioned mobiles, as DingTalk
// requires for the mention to render; the number (not the @) is the PII.
func withAtMentions(g *fakedata.Gen, t text, mobiles []text) text {
	var b tb
	b.w(t.s)
	b.spans = append(b.spans, t.spans...)
	for _, m := range mobiles {
		if g.Chance(0.6) {
			b.w(g.Pick([]string{"\n@", " @"}))
			b.p(m.spans[0].typ, m.s)
		}
	}
	return b.text()
}

// asyncSend builds a legacy POST /topapi/message/corpconversation/asyncsend_v2 request
// (S5) carrying a text, markdown or OA message; some integrations send msg as a JSON
// string, as the form-encoded variant requires.
func asyncSend(c *fileCtx) node {
	g := c.g
	o := obj().set("agent_id", c.id(int64(g.Between(1000000000, 3999999999)), 0.2))
	var ids []string
	for range g.Between(1, 4) {
		ids = append(ids, c.employee().UserID)
	}
	o.set("userid_list", plain(strings.Join(ids, ",")))
	if g.Chance(0.3) {
		o.set("dept_id_list", plain(itoa(g.DeptID())))
	}
	o.set("to_all_user", boolean(false))
	msg := obj()
	switch g.Intn(3) {
	case 0:
		msg.set("msgtype", plain("text")).set("text", obj().set("content", freeText(g, 1, 3)))
	case 1:
		title := g.Pick([]string{"強積金登記", "薪酬通知", "資料核對"})
		msg.set("msgtype", plain("markdown")).set("markdown", obj().set("title", plain(title)).set("text", markdownText(g, title)))
	default:
		msg.set("msgtype", plain("oa")).set("oa", c.oaMessage())
	}
	if g.Chance(0.15) {
		o.set("msg", c.embedJSON(msg))
	} else {
		o.set("msg", msg)
	}
	return o
}

func (c *fileCtx) oaMessage() *object {
	g := c.g
	e := c.employee()
	oa := obj()
	if g.Chance(0.5) {
		oa.set("message_url", plain("https://hr.example.com/notice/"+g.Digits(6)))
	}
	oa.set("head", obj().set("bgcolor", plain("FFBBBBBB")).set("text", plain("人事通知")))
	body := obj().set("title", plain(g.Pick([]string{"個人資料核對", "入職資料確認", "糧單"})))
	var form array
	row := func(k string, v node) { form = append(form, obj().set("key", plain(k)).set("value", v)) }
	row("姓名：", pii("person_name", e.Name))
	if g.Chance(0.7) {
		_, m := c.mobileValue(e)
		row(g.Pick([]string{"電話：", "手機："}), m)
	}
	if g.Chance(0.5) && e.HKID != "" {
		row("HKID：", pii("hkid", e.HKID))
	}
	if g.Chance(0.5) {
		row("電郵：", pii("email", e.Email))
	}
	if g.Chance(0.4) {
		row("部門：", plain(g.Pick([]string{"財務部", "市場部"})))
	}
	body.set("form", form)
	if g.Chance(0.5) {
		body.set("rich", obj().set("num", plain(itoa(int64(g.Between(1000, 90000))))).set("unit", plain("HKD")))
	}
	if g.Chance(0.6) {
		body.set("content", freeText(g, 1, 2))
	}
	body.set("author", plain(g.Pick([]string{"人力資源部", "HR Team", "薪酬組"})))
	return oa.set("body", body)
}

// streamFrame builds a Stream-mode WebSocket frame (S13): a bot message callback or a
// contact-change event, its payload JSON in the data string.
func streamFrame(c *fileCtx) node {
	g := c.g
	at := g.EpochMillis()
	h := obj().set("appId", plain("FAKE-app-id-"+g.Digits(4))).set("connectionId", plain("FAKE-conn-"+g.Digits(4)))
	h.set("contentType", plain("application/json")).set("messageId", plain("FAKE-msg-"+g.Digits(6))).set("time", plain(itoa(at)))
	var data *object
	frameType := "CALLBACK"
	if g.Chance(0.7) {
		h.set("topic", plain("/v1.0/im/bot/messages/get"))
		data = c.botMessage(at)
	} else {
		frameType = "EVENT"
		h.set("topic", plain("user_modify_org")).set("eventId", plain(g.Token("0123456789abcdef", 32)))
		h.set("eventBornTime", plain(itoa(at))).set("eventCorpId", plain("dingFAKEcorp0000000000000000000001"))
		h.set("eventType", plain("user_modify_org")).set("eventUnifiedAppId", plain("FAKE-unified-"+g.Digits(4)))
		data = c.contactEvent(at)
	}
	return obj().set("specVersion", plain("1.0")).set("type", plain(frameType)).set("headers", h).set("data", c.embedJSON(data))
}

func (c *fileCtx) botMessage(at int64) *object {
	g := c.g
	e := c.employee()
	d := obj().set("conversationId", plain("cid"+g.Token(base62, 16)+"=="))
	d.set("atUsers", array{obj().set("dingtalkId", plain("$:LWCP_v1:$"+g.Token(base62, 12)))})
	d.set("chatbotCorpId", plain("dingFAKEcorp0000000000000000000001")).set("chatbotUserId", plain("$:LWCP_v1:$"+g.Token(base62, 12)))
	d.set("msgId", plain("msg"+g.Token(base62, 16))).set("senderNick", pii("person_name", e.Name))
	d.set("isAdmin", boolean(e.Admin)).set("senderStaffId", plain(e.UserID))
	d.set("sessionWebhookExpiredTime", num(at+5400000)).set("createAt", num(at))
	d.set("senderCorpId", plain("dingFAKEcorp0000000000000000000001"))
	group := g.Chance(0.4)
	if group {
		d.set("conversationType", plain("2")).set("conversationTitle", plain(g.Pick([]string{"財務部同事", "HR helpdesk", "IT 支援"})))
	} else {
		d.set("conversationType", plain("1"))
	}
	d.set("senderId", plain("$:LWCP_v1:$"+g.Token(base62, 12))).set("isInAtList", boolean(true))
	d.set("sessionWebhook", plain("https://oapi.dingtalk.com/robot/sendBySession?session="+g.Token(base62, 20)))
	d.set("text", obj().set("content", freeText(g, 1, 3)))
	d.set("robotCode", plain("dingFAKErobot"+g.Digits(4))).set("msgtype", plain("text"))
	return d
}

// contactEvent is a user_modify_org event: the previous and current profile values.
func (c *fileCtx) contactEvent(at int64) *object {
	g := c.g
	e := c.employee()
	side := func() *object {
		o := obj().set("name", pii("person_name", e.Name))
		if g.Chance(0.6) {
			o.set("telephone", c.telephoneValue())
		}
		o.set("jobNumber", plain(e.JobNumber))
		if g.Chance(0.7) {
			o.set("email", pii("email", g.Email(emailLocal(g))))
		}
		if g.Chance(0.5) {
			o.set("remark", freeText(g, 1, 2))
		}
		o.set("workPlace", plain(e.WorkPlace))
		return o
	}
	diff := obj().set("userid", plain(e.UserID)).set("prev", side()).set("curr", side())
	return obj().set("eventId", plain(g.Token("0123456789abcdef", 32))).set("corpId", plain("dingFAKEcorp0000000000000000000001")).
		set("userId", array{plain(e.UserID)}).set("timeStamp", plain(itoa(at))).set("diffInfo", array{diff})
}
