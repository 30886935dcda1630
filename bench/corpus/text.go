package corpus

import (
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// tb builds free text while recording where each PII value lands.
type tb struct {
	b     strings.Builder
	spans []span
}

func (t *tb) w(s string) *tb { t.b.WriteString(s); return t }

func (t *tb) p(typ, v string) *tb {
	start := t.b.Len()
	t.b.WriteString(v)
	t.spans = append(t.spans, span{typ, start, t.b.Len()})
	return t
}

func (t *tb) text() text { return text{s: t.b.String(), spans: t.spans} }

// mention describes how one PII type shows up in running text: the context words people
// put before it (English, traditional and simplified Chinese; "{name}" is replaced by a
// person's name) and whether it may appear with no context at all. Context words end in a
// space, a colon or a CJK character, so a value never fuses with a preceding Latin word.
type mention struct {
	typ    string
	weight int
	ctx    []string
	bare   bool                                   // may appear without context words
	value  func(g *fakedata.Gen, ctx bool) string // ctx reports whether context words precede it
	noDot  bool                                   // must not be followed by '.' (emails, IPs)
}

// emergencyContactCtx puts the emergency contact's name before a phone number.
const (
	emergencyContactLabel = "緊急聯絡人 "
	emergencyContactCtx   = emergencyContactLabel + "{name} "
)

var mentions = []mention{
	{typ: "hkid", weight: 22, bare: true,
		ctx: []string{"HKID ", "HKID: ", "HKID：", "HKID no. ", "身份證", "身份證 ", "身份證號碼：", "身份證號碼 ", "身份证号码：", "身份证 ", "香港身份證", "證件號碼：", "證件：", "ID card ", "I.D. No. "},
		value: func(g *fakedata.Gen, ctx bool) string {
			if ctx {
				return g.HKIDStyled()
			}
			return g.HKID() // without context only the unmistakable bracketed form
		}},
	{typ: "hk_phone", weight: 24, bare: true,
		ctx: []string{"電話 ", "電話：", "電話", "手機：", "手機 ", "手机：", "手机号 ", "聯絡電話 ", "聯絡電話：", "請致電 ", "请致电 ", "致電", "Tel: ", "Tel ", "tel. ", "Mobile: ", "mobile ", "call ", "WhatsApp ", "Phone: ", emergencyContactCtx, "聯絡人 {name}：", "{name} "},
		value: func(g *fakedata.Gen, ctx bool) string {
			n := g.HKMobile()
			if g.Chance(0.2) {
				n = g.HKFixed()
			}
			if ctx {
				return g.HKPhoneStyled(n)
			}
			return selfEvidentPhone(g, n)
		}},
	{typ: "cn_mobile", weight: 8, bare: true,
		ctx:   []string{"手机 ", "手机号：", "手機：", "内地手机 ", "大陸手機 ", "微信/手机 ", "Mainland mobile ", "mobile: ", "电话："},
		value: func(g *fakedata.Gen, _ bool) string { return g.CNMobileStyled(g.CNMobile()) }},
	{typ: "cn_id", weight: 8, bare: true,
		ctx:   []string{"身份证号 ", "身份证号码：", "身份證號碼：", "內地身份證 ", "居民身份证", "ID No. ", "证件号："},
		value: func(g *fakedata.Gen, _ bool) string { return g.CNID() }},
	{typ: "email", weight: 12, bare: true, noDot: true,
		ctx:   []string{"電郵 ", "電郵：", "email: ", "Email ", "E-mail: ", "邮箱：", "郵箱 ", "請電郵至 ", "或電郵 "},
		value: func(g *fakedata.Gen, _ bool) string { return g.Email(emailLocal(g)) }},
	{typ: "credit_card", weight: 6, bare: true,
		ctx: []string{"信用卡 ", "信用卡號：", "credit card ", "Visa ", "card no. ", "卡號 ", "Card: "},
		value: func(g *fakedata.Gen, _ bool) string {
			for {
				// A 62… number is as likely a UnionPay debit card (cn_bank_card); leaving
				// UnionPay out of credit_card mentions keeps every label unambiguous.
				if c := g.CreditCard(); !strings.HasPrefix(c, "62") {
					return g.CardStyled(c)
				}
			}
		}},
	{typ: "ipv4", weight: 5, bare: true, noDot: true,
		ctx:   []string{"IP ", "IP: ", "IP：", "登入IP ", "來源 IP ", "from ", "login from ", "伺服器 "},
		value: func(g *fakedata.Gen, _ bool) string { return g.IPv4() }},
	{typ: "ipv6", weight: 2, bare: true, noDot: true,
		ctx:   []string{"IPv6 ", "IP ", "IPv6：", "from "},
		value: func(g *fakedata.Gen, _ bool) string { return g.IPv6() }},
	{typ: "hk_bank_account", weight: 6,
		ctx:   []string{"銀行戶口 ", "戶口號碼：", "bank account ", "A/C ", "已存入 ", "存入 ", "轉賬至 ", "戶口"},
		value: func(g *fakedata.Gen, _ bool) string { return g.HKBankAccount() }},
	{typ: "cn_bank_card", weight: 2,
		ctx:   []string{"银行卡号 ", "內地銀行卡 ", "UnionPay card ", "工资卡 "},
		value: func(g *fakedata.Gen, _ bool) string { return g.CNBankCard() }},
	{typ: "hk_passport", weight: 2,
		ctx:   []string{"護照 ", "護照號碼：", "特區護照 ", "HK passport ", "Passport No. "},
		value: func(g *fakedata.Gen, _ bool) string { return g.HKPassport() }},
	{typ: "cn_passport", weight: 2,
		ctx:   []string{"护照号 ", "中國護照 ", "PRC passport ", "护照："},
		value: func(g *fakedata.Gen, _ bool) string { return g.CNPassport() }},
	{typ: "mo_id", weight: 1,
		ctx:   []string{"澳門身份證 ", "澳門居民身份證：", "Macau ID "},
		value: func(g *fakedata.Gen, _ bool) string { return g.MOID() }},
	{typ: "tw_id", weight: 1,
		ctx:   []string{"台灣身分證 ", "台胞身分證字號：", "Taiwan ID "},
		value: func(g *fakedata.Gen, _ bool) string { return g.TWID() }},
	{typ: "cn_uscc", weight: 1,
		ctx:   []string{"統一社會信用代碼 ", "统一社会信用代码：", "USCC "},
		value: func(g *fakedata.Gen, _ bool) string { return g.USCC() }},
	{typ: "hk_br", weight: 1,
		ctx:   []string{"商業登記號碼 ", "商業登記證 ", "BR No. ", "BR no: "},
		value: func(g *fakedata.Gen, _ bool) string { return g.HKBR() }},
}

// emailLocal makes a local part from a romanised name: "taiman.chan", "peter_chan88".
func emailLocal(g *fakedata.Gen) string {
	given, sur := g.NameEN()
	given = strings.ToLower(strings.ReplaceAll(given, " ", ""))
	sur = strings.ToLower(strings.ReplaceAll(sur, " ", ""))
	switch g.Intn(4) {
	case 0:
		return given + "." + sur
	case 1:
		return given + "_" + sur + g.Digits(2)
	case 2:
		return sur + "." + given
	default:
		return string(given[0]) + sur
	}
}

func pickMention(g *fakedata.Gen, types []string) mention {
	var pool []mention
	var w []int
	for _, m := range mentions {
		if len(types) == 0 || contains(types, m.typ) {
			pool = append(pool, m)
			w = append(w, m.weight)
		}
	}
	total := 0
	for _, x := range w {
		total += x
	}
	n := g.Intn(total)
	for i, x := range w {
		if n < x {
			return pool[i]
		}
		n -= x
	}
	return pool[len(pool)-1]
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

var (
	prePhrases  = []string{"", "", "", "", "請核對", "已更新", "新", "舊", "Please verify ", "Updated ", "備註：", "補交", "核實", "請記錄："}
	postPhrases = []string{"", "", "", "", " 已核實", "已核實", " 副本", "副本", "，謝謝", " (verified)", " 謝謝", "。", "！", " for payroll", "；"}
	// No bare space: "9123 4567 6123 4567" would leave even a careful reader unsure
	// where one number ends.
	separators = []string{"；", "，", "。", ", ", "; ", "\n", "、", " | ", "。\n", " / "}
)

// writeMention writes one sentence fragment holding one PII value.
func writeMention(g *fakedata.Gen, t *tb, m mention) {
	t.w(g.Pick(prePhrases))
	useCtx := !m.bare || g.Chance(0.7)
	ctx, strong, contact := "", false, ""
	if useCtx {
		tmpl := g.Pick(m.ctx)
		// A name alone ("陳大文 9123 4567") says nothing about the number's kind.
		strong = tmpl != "{name} "
		name := g.NameZH()
		ctx = strings.ReplaceAll(tmpl, "{name}", name)
		if tmpl == emergencyContactCtx {
			// The name after 緊急聯絡人 is the emergency contact's: personal data the
			// detectors report (a Chinese label and a space), labelled as such.
			contact = name
		}
	}
	writeCtx := func() {
		if contact == "" {
			t.w(ctx)
			return
		}
		t.w(emergencyContactLabel).p("person_name", contact).w(" ")
	}
	v := m.value(g, strong)
	switch g.Intn(12) {
	case 0: // "(HKID C668123(7))"
		open, closing := bracketPair(g)
		t.w(open)
		writeCtx()
		t.p(m.typ, v).w(closing)
	case 1: // "電話（9123 4567）"
		open, closing := bracketPair(g)
		writeCtx()
		t.w(open).p(m.typ, v).w(closing)
	default:
		writeCtx()
		t.p(m.typ, v)
	}
	post := g.Pick(postPhrases)
	if m.noDot && strings.HasPrefix(post, ".") {
		post = ""
	}
	if !m.noDot && g.Chance(0.05) {
		post = "."
	}
	t.w(post)
}

func bracketPair(g *fakedata.Gen) (string, string) {
	switch g.Intn(3) {
	case 0:
		return "(", ")"
	case 1:
		return "（", "）"
	default:
		return "[", "]"
	}
}

// fillers are sentences without PII but full of the numbers detectors must leave alone.
func filler(g *fakedata.Gen) string {
	date := func() string { return fakeDate(g) }
	tm := func() string { return []string{"09:00", "09:30", "10:15", "14:00", "18:00", "17:45"}[g.Intn(6)] }
	switch g.Intn(12) {
	case 0:
		return "會議改於 " + date() + " " + tm() + " 舉行"
	case 1:
		return "發票 " + g.OrderNo() + " 金額 " + g.Amount()
	case 2:
		return "工號 " + g.JobNumber()
	case 3:
		return "App " + g.Version() + " 已更新"
	case 4:
		return "請於 " + date() + " 前回覆"
	case 5:
		return "Thanks"
	case 6:
		return "三月份薪金已發放"
	case 7:
		return "Ref: " + g.OrderNo()
	case 8:
		return "費用 " + g.Amount() + " 已報銷"
	case 9:
		return "see you at " + tm()
	case 10:
		return "申請編號 " + g.OrderNo()
	default:
		return "已核實"
	}
}

func fakeDate(g *fakedata.Gen) string {
	return "20" + itoa(int64(20+g.Intn(7))) + "-" + pad2(1+g.Intn(12)) + "-" + pad2(1+g.Intn(28))
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(int64(n))
	}
	return itoa(int64(n))
}

// freeText writes a note of minMentions–maxMentions PII mentions (restricted to types
// when given) mixed with fillers, optionally opened by a greeting.
func freeText(g *fakedata.Gen, minMentions, maxMentions int, types ...string) text {
	var t tb
	if g.Chance(0.35) {
		greeting(g, &t)
	}
	var frags []bool // true: a mention, false: a filler
	for range g.Between(minMentions, maxMentions) {
		frags = append(frags, true)
	}
	for range g.Intn(3) {
		frags = append(frags, false)
	}
	g.Rand().Shuffle(len(frags), func(i, j int) { frags[i], frags[j] = frags[j], frags[i] })
	for i, isMention := range frags {
		if i > 0 {
			t.w(g.Pick(separators))
		}
		if isMention {
			writeMention(g, &t, pickMention(g, types))
		} else {
			t.w(filler(g))
		}
	}
	if g.Chance(0.4) {
		t.w(g.Pick([]string{"。", "！", "\n", " 謝謝。"}))
	}
	return t.text()
}

// greeting opens a note. The name it greets is the person the note is about and is
// labelled ("陳大文 你好，", "陳大文 (Peter Chan) 你好：" as one person, "Dear Chi Ming Mok, ");
// a first name alone ("Hi Peter, ") and a name before a bare colon are not (the detectors
// read neither).
func greeting(g *fakedata.Gen, t *tb) {
	switch g.Intn(5) {
	case 0:
		t.p("person_name", g.NameZH()).w(" 你好，")
	case 1:
		zh := g.NameZH()
		t.p("person_name", zh+" ("+g.NameDisplayEN()+")").w(" 你好：")
	case 2:
		t.w("Dear ").p("person_name", g.NameDisplayEN()).w(", ")
	case 3:
		t.w("Hi " + strings.Fields(g.NameDisplayEN())[0] + ", ")
	default:
		t.w(g.NameZH() + "：")
	}
}

// selfEvidentPhone formats n in a style that reads as a phone number with no context: with
// a country prefix or a 4-4 separator, never as 8 bare digits.
func selfEvidentPhone(g *fakedata.Gen, n string) string {
	for {
		if s := g.HKPhoneStyled(n); strings.ContainsAny(s, " -+(") {
			return s
		}
	}
}
