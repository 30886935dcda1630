package detect

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// A labelled corpus generated with a fixed seed: values of the measured types in the written
// forms and places DingTalk payloads use (structured fields under their keys, free text with
// and without context words), plus hard negatives. It measures recall and precision the way
// the held-out evaluation does; the generators produce the formats independently of the
// scanner's tokeniser (only the check-digit functions are shared, and those are pinned to
// public test vectors in the recognizers' tests).

type labelled struct {
	text, key, label string
	number           bool
	typ              Type   // "" for a negative sample
	value            string // the expected finding's text
}

type gen struct{ r *rand.Rand }

func (g gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.r.IntN(10))
	}
	return string(b)
}

func (g gen) pick(s ...string) string { return s[g.r.IntN(len(s))] }

func (g gen) pickInt(s ...int) int { return s[g.r.IntN(len(s))] }

var issuedSingle = "ABCDEFGHJKLMNPRSTVWYZ"

func (g gen) hkid() string {
	var prefix string
	if g.r.IntN(10) == 0 {
		prefix = g.pick("XA", "XB", "XC", "XD", "XE", "XG", "XH", "WX")
	} else {
		prefix = string(issuedSingle[g.r.IntN(len(issuedSingle))])
	}
	d := g.digits(6)
	c := string(checkdigit.HKID(prefix, d))
	switch g.r.IntN(6) {
	case 0:
		return prefix + d + c
	case 1:
		return prefix + d + " (" + c + ")"
	case 2:
		return strings.ToLower(prefix) + d + "(" + c + ")"
	case 3:
		return prefix + d + "（" + c + "）"
	}
	return prefix + d + "(" + c + ")"
}

func (g gen) hkNumber() string {
	lead := g.pick("2", "3", "5", "6", "9", "9", "6", "5", "4", "7", "84", "85", "86", "87", "88", "89")
	return lead + g.digits(8-len(lead))
}

func (g gen) hkPhone(structured bool) string {
	n := g.hkNumber()
	forms := []string{"+852 " + n[:4] + " " + n[4:], "+852-" + n, "(852) " + n[:4] + " " + n[4:],
		"852-" + n, "00852 " + n, "+852" + n, n[:4] + " " + n[4:], n[:4] + "-" + n[4:], "(+852) " + n}
	if structured {
		forms = append(forms, n, n, n)
	}
	return forms[g.r.IntN(len(forms))]
}

var cnPrefixes = []string{"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
	"147", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "170", "172",
	"173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186", "187",
	"188", "189", "191", "193", "195", "198", "199"}

func (g gen) cnMobile() string {
	n := cnPrefixes[g.r.IntN(len(cnPrefixes))] + g.digits(8)
	return g.pick(n, n, "+86 "+n, "+86-"+n, "0086 "+n, "+86 "+n[:3]+" "+n[3:7]+" "+n[7:],
		n[:3]+"-"+n[3:7]+"-"+n[7:], n[:3]+" "+n[3:7]+" "+n[7:], "86-"+n, "+86"+n)
}

var cnAreas = []string{"110101", "110105", "120101", "130102", "310104", "310115", "320102",
	"330106", "350203", "370202", "410105", "420106", "440103", "440305", "440306", "450102",
	"500103", "510107", "530102", "610113", "650102", "810000", "820000", "830000"}

func (g gen) cnID() string {
	y := 1940 + g.r.IntN(70)
	m := 1 + g.r.IntN(12)
	d := 1 + g.r.IntN(daysIn(y, m))
	base := cnAreas[g.r.IntN(len(cnAreas))] + fmt.Sprintf("%04d%02d%02d", y, m, d) + g.digits(3)
	id := cnIDWithCheck(base)
	if strings.HasSuffix(id, "X") && g.r.IntN(3) == 0 {
		id = id[:17] + "x"
	}
	return id
}

func (g gen) email() string {
	local := g.pick("taiman.chan", "grace.lee", "peter_chan", "kayan.lee+hr", "w.wong", "chan2024", "m.cheung", "lau.ka.ming", "hr-team", "a1b2c3") + g.digits(g.r.IntN(3))
	return local + "@" + g.pick("example.com", "hk.example.com", "corp.com.hk", "gmail.com", "qq.com", "163.com", "example.org", "mail.example.co.uk")
}

func (g gen) card() string {
	var n string
	switch g.r.IntN(8) {
	case 0:
		n = "4" + g.digits(15)
	case 1:
		n = fmt.Sprint(51+g.r.IntN(5)) + g.digits(14)
	case 2:
		n = fmt.Sprint(2221+g.r.IntN(500)) + g.digits(12)
	case 3:
		n = g.pick("34", "37") + g.digits(13)
	case 4:
		n = "62" + g.digits(g.pickInt(14, 17)) // UnionPay cards are 16 or 19 digits
	case 5:
		n = fmt.Sprint(3528+g.r.IntN(62)) + g.digits(12)
	case 6:
		n = g.pick("6011", "6445", "6500") + g.digits(12)
	default:
		n = g.pick("3056", "3600", "3852") + g.digits(10)
	}
	n = withLuhn(n)
	switch {
	case len(n) == 15 && g.r.IntN(2) == 0:
		return n[:4] + " " + n[4:10] + " " + n[10:]
	case len(n) == 16 && g.r.IntN(2) == 0:
		sep := g.pick(" ", "-")
		return n[:4] + sep + n[4:8] + sep + n[8:12] + sep + n[12:]
	}
	return n
}

func (g gen) ipv4() string {
	return fmt.Sprintf("%d.%d.%d.%d", 1+g.r.IntN(223), g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254))
}

// Context templates per type; %s is the value.
var (
	phoneTextZH  = []string{"如有疑問請致電 %s 查詢。", "緊急聯絡人 陳太 %s", "聯絡電話：%s", "手機 %s，謝謝", "請WhatsApp %s"}
	phoneTextEN  = []string{"Please call %s before Friday.", "Tel: %s", "Contact Peter at %s.", "mobile %s / office"}
	idTextZH     = []string{"HKID %s 已核實", "你的強積金登記需補交身份證 %s 副本", "證件號碼：%s", "陪同母親 (HKID %s) 覆診"}
	cnIDText     = []string{"身份证号 %s", "居民身份证：%s，已核验", "证件号码 %s", "ID card no. %s"}
	mobileTextZH = []string{"内地同事请联系 %s。", "手机：%s", "联系电话 %s", "请回电 %s"}
	emailText    = []string{"請電郵 %s 查詢", "Email: %s", "mailto:%s", "或電郵 %s。", "<%s>"}
	cardText     = []string{"信用卡號 %s", "card %s exp 12/28", "Visa %s", "付款卡：%s", "信用咭 %s"}
	ipText       = []string{"login from %s at 10:15", "IP地址：%s", "client %s:443", "伺服器 %s 已重啟"}
	neutralText  = []string{"資料 %s 已更新", "Details: %s, thanks", "%s", "（%s）"}
)

func (g gen) in(tpl []string, v string) string { return fmt.Sprintf(tpl[g.r.IntN(len(tpl))], v) }

func labelledCorpus(n int) []labelled {
	g := gen{rand.New(rand.NewPCG(2026, 11))}
	var out []labelled
	add := func(text, key, label string, typ Type, v string) {
		out = append(out, labelled{text: text, key: key, label: label, typ: typ, value: v})
	}
	for i := 0; i < n; i++ {
		// HKID
		v := g.hkid()
		add(v, "value", "sys02-certNo", HKID, v)
		add(g.in(idTextZH, v), "remark", "", HKID, v)
		if strings.Contains(v, "(") || strings.Contains(v, "（") {
			add(g.in(neutralText, v), "content", "", HKID, v)
		}
		// HK phone
		v = g.hkPhone(true)
		add(v, g.pick("mobile", "telephone", "atMobiles", "contactPhone"), "", HKPhone, v)
		v = g.hkPhone(false)
		add(g.in(phoneTextZH, v), "content", "", HKPhone, v)
		add(g.in(phoneTextEN, v), "text", "", HKPhone, v)
		// mainland mobile
		v = g.cnMobile()
		add(v, "mobile", "", CNMobile, v)
		add(g.in(mobileTextZH, v), "remark", "", CNMobile, v)
		add(g.in(neutralText, v), "content", "", CNMobile, v)
		// cn_id
		v = g.cnID()
		add(v, g.pick("idCardNo", "certNo"), "", CNID, v)
		add(g.in(cnIDText, v), "remark", "", CNID, v)
		add(g.in(neutralText, v), "content", "", CNID, v)
		// e-mail
		v = g.email()
		add(v, g.pick("email", "org_email", "loginEmail"), "", Email, v)
		add(g.in(emailText, v), "content", "", Email, v)
		// card
		v = g.card()
		add(v, "creditCardNo", "", CreditCard, v)
		add(g.in(cardText, v), "remark", "", CreditCard, v)
		add(g.in(neutralText, v), "content", "", CreditCard, v)
		// IPv4
		v = g.ipv4()
		add(v, "ip", "", IPv4, v)
		add(g.in(ipText, v), "remark", "", IPv4, v)
		add(g.in(neutralText, v), "content", "", IPv4, v)
	}
	for _, h := range hardNegatives() {
		out = append(out, labelled{text: h.text, key: h.key, label: h.label, number: h.number})
	}
	// Generated near misses: wrong check digits, wrong prefixes, ids and times in text.
	for i := 0; i < n; i++ {
		p := string(issuedSingle[g.r.IntN(len(issuedSingle))])
		d := g.digits(6)
		good := checkdigit.HKID(p, d)
		bad := "0123456789A"[(strings.IndexByte("0123456789A", good)+1+g.r.IntN(10))%11]
		badHKID := p + d + "(" + string(bad) + ")"
		cid := g.cnID()
		right := strings.IndexByte("0123456789X", upper(cid[17]))
		wrong := cid[:17] + string("0123456789X"[(right+1+g.r.IntN(10))%11])
		card := withoutLuhn("4" + g.digits(15))
		out = append(out,
			labelled{text: wrong, key: "remark"},
			labelled{text: "HKID " + badHKID, key: "remark"},
			labelled{text: p + d + string(bad), key: "certNo"},
			labelled{text: "身份证号 " + wrong, key: "remark"},
			labelled{text: card, key: "remark"},
			labelled{text: "O" + g.digits(6) + "(" + g.digits(1) + ")", key: "remark"},
			labelled{text: fmt.Sprintf("%d", 1_600_000_000_000+g.r.Int64N(200_000_000_000)), key: "remark"},
			labelled{text: g.digits(8), key: "dept_id", number: true},
			labelled{text: "部門 " + g.digits(9), key: "remark"},
			labelled{text: fmt.Sprintf("合同編號 %d%s", 1+g.r.IntN(9), g.digits(17)), key: "remark"},
			labelled{text: fmt.Sprintf("HK$%d,%03d.%02d", 1+g.r.IntN(999), g.r.IntN(1000), g.r.IntN(100)), key: "remark"},
			labelled{text: fmt.Sprintf("20%02d-%02d-%02d %02d:%02d:%02d", g.r.IntN(26), 1+g.r.IntN(12), 1+g.r.IntN(28), g.r.IntN(24), g.r.IntN(60), g.r.IntN(60)), key: "remark"},
			labelled{text: fmt.Sprintf("v%d.%d.%d.%d", g.r.IntN(10), g.r.IntN(10), g.r.IntN(100), g.r.IntN(1000)), key: "remark"},
			labelled{text: "訂單號 SO" + g.digits(12), key: "remark"},
			labelled{text: g.digits(12), key: "task_id", number: true},
			labelled{text: g.hkNumber(), key: "remark"}, // a bare 8-digit number: no context, not reported
		)
	}
	return out
}

func TestAccuracyOnGeneratedCorpus(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	corpus := labelledCorpus(400)
	type stat struct{ tp, fn, fp int }
	stats := map[Type]*stat{}
	for _, typ := range []Type{HKID, HKPhone, CNMobile, CNID, Email, CreditCard, IPv4} {
		stats[typ] = &stat{}
	}
	negFindings := 0
	var out []Finding
	shown := 0
	for _, c := range corpus {
		out = s.ScanText([]byte(c.text), &Field{Key: c.key, Label: c.label, Number: c.number}, out[:0])
		hit := false
		for _, f := range out {
			got := c.text[f.Start:f.End]
			if c.typ != "" && f.Type == c.typ && got == c.value {
				hit = true
				continue
			}
			if st := stats[f.Type]; st != nil {
				st.fp++
			}
			if c.typ == "" {
				negFindings++
			}
			if shown < 40 {
				shown++
				t.Logf("unexpected %s %q in key=%q %q", f.Type, got, c.key, c.text)
			}
		}
		if c.typ != "" {
			if hit {
				stats[c.typ].tp++
			} else {
				stats[c.typ].fn++
				if shown < 40 {
					shown++
					t.Logf("missed %s %q in key=%q %q: %s", c.typ, c.value, c.key, c.text, describe(c.text, out))
				}
			}
		}
	}
	for typ, st := range stats {
		recall := float64(st.tp) / float64(st.tp+st.fn)
		precision := float64(st.tp) / float64(max(1, st.tp+st.fp))
		t.Logf("%-12s recall %.4f precision %.4f (tp %d fn %d fp %d)", typ, recall, precision, st.tp, st.fn, st.fp)
		if recall < 0.995 || precision < 0.995 {
			t.Errorf("%s: recall %.4f precision %.4f below 0.995", typ, recall, precision)
		}
	}
	if negFindings > 0 {
		t.Errorf("%d findings on hard negatives, want 0", negFindings)
	}
}
