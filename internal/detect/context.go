package detect

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"
	"unicode/utf8"
)

// Context words. Before a candidate the scanner looks back up to ctxWindow runes (UTF-8
// aware), stopping at a line break or a sentence separator (; ； 。), for the NEAREST
// context word. If that word names the candidate's type, the candidate gains context; if it
// is a negative word (order, amount, contract, version, …) validated numeric candidates are
// dropped; any other word gives no context. "Nearest wins" keeps "電話 9123 4567，訂單
// 12345678" right: the second number's nearest word is 訂單.
//
// A negative word names the value right after it, within its own clause: "金額 HK$1,200，
// 請致電 9123 4567" and "發票 INV-2024-001 / 9123 4567" do not make the phone an amount or
// an invoice number. So a negative word is ignored once another value (a digit) or a clause
// separator (, ， 、 | / ／ ｜ ！ ？, or ". " "! " "? ") lies between it and the candidate. One or
// two digits glued to a word qualify it rather than being a value (EAN-13, ISBN-10), and the
// '|' between a table's label cell and its value cell separates no clauses. Most negative
// words take back every type; narrowNegs only some (a task's id is no phone, but an ID
// document's number is called an ID too). A positive word may label a list ("電話 9123 4567 /
// 6123 4567"), so it reaches across both; but only a word with nothing numeric between it
// and the candidate may re-type a card number as a bank card (ctxResult.direct).
//
// English words match case-insensitively on word boundaries (a trailing plural 's' is
// allowed), except short acronyms listed in capitals (BOC, BEA, ARC), which match only in
// capitals: in lower case they are ordinary words or names ("arc", "Bea"). Chinese words
// (traditional and simplified) match anywhere, an ASCII start in any case (QQ帳號, SIM卡).
// Words inside an HTML tag (<br>) are markup and do not count.
//
// Of several words ending at the same place the longest wins: 身份證編號 names an ID although
// it ends in the negative 編號. 編號 after any other context word also takes that word's
// meaning (居留證編號, 商業登記證編號, 合同編號): "number" alone names nothing.

const ctxWindow = 32 // runes

type ctxResult struct {
	found  bool
	mask   tmask // types named by the nearest word(s)
	neg    bool  // the nearest word is a negative one
	ver    bool  // the nearest word names a version or build (it also suppresses IPv4)
	money  bool  // the nearest word names money (it does not suppress a bank account)
	direct bool  // no digit lies between the word and the candidate
	suffix bool  // the nearest word is 編號, which a word right before it may qualify
	hard   bool  // the nearest word names another kind of number (hardNegWords)
	wlen   int   // bytes of the nearest word
	// negMask: the types the nearest (negative) word takes back; narrowNegs leave the others.
	negMask tmask
}

// takesBack reports whether the nearest word is a negative one for type t.
func (r ctxResult) takesBack(t tid) bool { return r.found && r.neg && r.negMask.has(t) }

var (
	maskIDCard = tmask(1<<tHKID | 1<<tCNID | 1<<tMOID | 1<<tTWID)
	maskIDAll  = maskIDCard | maskPassport
)

// ctxGroups: the words, what they name (mask) or that they are negative, and which kind of
// negative: a version or build (ver), or money (an amount, a price, a salary).
var ctxGroups = []struct {
	mask  tmask
	neg   bool
	ver   bool
	money bool
	words []string
}{
	{tHKID.mask(), false, false, false, []string{"hkid", "hkic", "香港身份證", "香港身份证", "香港身分證"}},
	{maskIDCard, false, false, false, []string{"身份證", "身份证", "身分證", "身分证", "身份證號", "身份证号",
		"身份證號碼", "身份证号码", "身分證號", "身分證字號", "身份證編號", "身份证编号", "身分證編號",
		"id no", "id card", "id number", "identity card", "identity no", "i.d.", "id#", "公民身份"}},
	{maskIDAll, false, false, false, []string{"證件", "证件", "證號", "证号", "證件編號", "证件编号", "document no"}},
	{tCNID.mask(), false, false, false, []string{"居民身份", "resident id"}},
	{tMOID.mask(), false, false, false, []string{"澳門身份證", "澳门身份证", "澳門身份證編號", "澳门身份证编号",
		"澳門居民身份證", "澳门居民身份证", "澳門居民", "澳门居民", "macau id", "macao id", "bir"}},
	// Taiwan resident certificates (居留證, ARC) carry Taiwan ID-format numbers (統一證號).
	{tTWID.mask(), false, false, false, []string{"台灣", "臺灣", "台湾", "taiwan", "國民身分", "居留證", "居留证",
		"統一證號", "统一证号", "resident certificate", "ARC"}},
	{maskPassport, false, false, false, []string{"passport", "護照", "护照", "護照編號", "护照编号",
		"travel document", "旅行證件", "旅行证件"}},
	{maskPhone, false, false, false, []string{"電話", "电话", "手機", "手机", "手提", "聯絡", "联络", "聯繫", "联系",
		"致電", "致电", "來電", "来电", "撥打", "拨打", "熱線", "热线", "傳真", "传真", "短訊", "短信",
		"call", "tel", "phone", "telephone", "mobile", "mob", "whatsapp", "contact", "cell", "fax",
		"hotline", "sms", "ring", "dial",
		// Cantonese "call (him)" and "(my new / his) number", as Hong Kong staff type them.
		"打俾", "打畀", "打比", "打給", "打给", "新號碼", "新号码", "個號碼", "个号码",
		// A WhatsApp click-to-chat link holds the number: https://wa.me/85291234567.
		"wa.me/"}},
	{tCreditCard.mask(), false, false, false, []string{"信用卡", "信用咭", "信用卡號", "信用卡号", "credit",
		"credit card", "visa", "mastercard", "master card", "amex", "american express", "jcb",
		"diners", "discover", "cvv"}},
	{maskCard, false, false, false, []string{"card", "卡號", "卡号", "咭號", "扣賬卡", "借記卡", "借记卡", "付款卡",
		"扣款卡", "debit"}},
	{maskBank, false, false, false, []string{"銀行卡", "银行卡", "銀行卡號", "银行卡号", "銀行", "银行", "帳戶", "账户", "賬戶", "帳號", "账号", "賬號", "戶口",
		"户口", "存入", "轉賬", "转账", "轉帳", "轉數", "入數", "過數", "匯款", "汇款", "收款", "開戶",
		"开户", "account", "acct", "a/c", "bank", "iban", "payee", "fps"}},
	// Hong Kong retail banks, named before their account numbers ("HSBC 123-456789-001").
	// They name HK accounts only: the cards these banks issue are payment cards, so
	// "HSBC 4111 1111 1111 1111" stays a credit_card rather than a mainland bank card.
	{tHKBankAccount.mask(), false, false, false, []string{"hsbc", "滙豐", "匯豐", "汇丰", "hang seng", "恒生",
		"恆生", "中銀", "中银", "BOC", "BOCHK", "渣打", "standard chartered", "東亞", "东亚", "BEA"}},
	// Cards that are the access to a bank account: salary cards and UnionPay debit cards,
	// which mainland banks issue with every account. A card number after these words is a
	// bank card (cn_bank_card), not a payment card. "UnionPay credit card" and "銀聯信用卡"
	// stay credit cards: the nearer word "credit card" / "信用卡" wins.
	{maskBank, false, false, false, []string{"bank card", "bankcard", "salary card", "payroll card",
		"salary account", "payroll account", "工資卡", "工资卡", "薪資卡", "薪资卡", "薪金卡", "出糧卡",
		"出粮卡", "糧卡", "粮卡", "unionpay", "union pay", "unionpay card", "union pay card",
		"銀聯", "银联", "銀聯卡", "银联卡", "儲蓄卡", "储蓄卡",
		// Their numbers, which end in the card word 卡號: the longer word keeps them bank cards.
		"工資卡號", "工资卡号", "薪資卡號", "薪资卡号", "薪金卡號", "出糧卡號", "出粮卡号", "糧卡號", "粮卡号",
		"銀聯卡號", "银联卡号", "儲蓄卡號", "储蓄卡号"}},
	{maskIP, false, false, false, []string{"ip", "ips", "ip address", "ipv4", "ipv6", "ip地址", "ip位址",
		"伺服器", "服务器", "server", "host", "gateway", "網關", "网关", "login from",
		"logged in from", "來源", "来源", "subnet", "子網", "子网"}},
	{tCNUSCC.mask(), false, false, false, []string{"統一社會信用代碼", "统一社会信用代码", "信用代碼", "信用代码",
		"社會信用", "社会信用", "uscc", "稅號", "税号", "納稅人識別", "纳税人识别", "credit code"}},
	// 商業登記證號碼 ends in the ID word 證號: the longer word keeps it a BR number.
	{tHKBR.mask(), false, false, false, []string{"商業登記", "商业登记", "商業登記證", "商业登记证",
		"商業登記證號碼", "商业登记证号码", "商業登記號碼", "商业登记号码", "business registration", "br no",
		"br number", "brn", "br", "b.r."}},
	{tDateOfBirth.mask(), false, false, false, []string{"出生", "生日", "dob", "date of birth", "birthday",
		"born", "出生日期", "出生年月日"}},
	// A number right after a product name is its version: "dingtalk 7.6.10.1", "Chrome
	// 120.0.0.0" are not IPv4 addresses.
	{0, true, true, false, []string{"版本", "version", "ver", "build", "firmware", "固件", "韌體",
		"dingtalk", "chrome", "chromium", "safari", "firefox", "android", "ios", "ipados", "macos",
		"windows", "harmonyos"}},
	{0, true, false, true, []string{"金額", "金额", "總額", "总额", "餘額", "余额", "價", "价", "費", "费",
		"薪", "共計", "共计", "合計", "合计", "amount", "total", "price", "balance", "salary",
		"hk$", "us$", "rmb", "hkd", "usd", "cny", "$", "¥", "￥", "€", "£"}},
	{0, true, false, false, []string{"訂單", "订单", "單號", "单号", "編號", "编号", "合同", "合約", "合约",
		"發票", "发票", "流水", "交易", "參考", "参考", "工單", "工单", "型號", "型号", "序號", "序号",
		"運單", "运单", "快遞", "快递", "批次", "部門", "部门", "工號", "工号", "員工編號", "员工编号",
		"時間戳", "时间戳", "數量", "数量", "頁", "页",
		"contract", "order", "invoice", "transaction", "txn", "ref", "reference", "ticket",
		"serial", "s/n", "sn", "tracking", "batch", "dept", "department", "userid", "user id",
		"staff no", "employee no", "job no", "timestamp", "epoch", "qty", "quantity", "page",
		"#", "＃",
		// A date written 20261129 has a phone's eight digits.
		"日期", "date",
		// Product codes: an EAN-13 from a Hong Kong shop (489…) passes Luhn one time in ten.
		"條碼", "条码", "條形碼", "条形码", "barcode", "ean", "upc", "isbn", "imei", "gtin", "sku",
		"商品編碼", "商品编码", "issn", "期刊號", "期刊号",
		// Device and SIM numbers have a card's length, and an ICCID its Luhn check digit.
		"imeisv", "meid", "iccid", "sim card", "sim卡", "sim卡號", "sim卡号",
		// A postal item number (郵件號) has a card's or a phone's length.
		"郵件號", "邮件号"}},
}

// hardNegWords name numbers of other kinds that are written like phone numbers, prefix and
// all: a Zoom meeting ID "852 2823 7418", a QQ number. Right before a value (no other value
// or clause between) they also drop the candidates other negative words leave alone (a
// phone with its 852 prefix).
var hardNegWords = []string{"qq", "qq號", "qq号", "qq號碼", "qq号码", "qq帳號", "qq账号", "qq賬號",
	"qq account", "qq id", "meeting id", "meeting no",
	"meeting number", "conference id", "webinar id", "會議號", "会议号", "會議號碼", "会议号码",
	"會議id", "会议id", "會議 id", "会议 id"}

// narrowNegs are negative words that take back some types only: a number named by them is
// no phone or card, but what else it is their words do not say.
var narrowNegs = []struct {
	only  tmask
	words []string
}{
	// A record's id: a task's, an approval's, a user's ("任務ID：15029903791", "Task:
	// 15029903791") has a mainland mobile's eleven digits. Only phones and cards: an ID
	// document is named "ID" too, and its longer words (ID card, ID No., 身份證) win anyway.
	{maskPhone | maskCard, []string{"id", "task", "approval", "任務", "任务", "審批", "审批"}},
	// The account of a chat or payment app is no bank account, though it ends in 帳號 or
	// "account"; it is often the holder's phone number, so phones keep their own evidence.
	{maskBank | maskCard, []string{"微信帳號", "微信账号", "微信賬號", "wechat account", "wechat id",
		"微信id", "微信 id", "支付寶賬號", "支付寶帳號", "支付宝账号", "alipay account", "alipay id"}},
}

// maskAll names every built-in type: what a negative word takes back unless it is narrow.
const maskAll = tmask(1<<numBuiltin - 1)

type ctxWord struct {
	w      []byte // lower case
	caps   []byte // a short acronym, matched only as written (upper case); else nil
	mask   tmask
	neg    bool
	ver    bool
	money  bool
	suffix bool // 編號 ("number"): the word right before it says whose number
	hard   bool
	// negMask: the types a negative word takes back (maskAll unless it is narrow).
	negMask tmask
}

var (
	ctxWords   []ctxWord
	ctxByASCII [128][]uint16         // word indexes by lower-case last byte
	ctxByRune  = map[rune][]uint16{} // word indexes by last rune, for words ending in non-ASCII
	ctxRuneSet [1 << 16 / 64]uint64  // quick filter on the last rune's low 16 bits
)

func init() {
	add := func(words []string, tmpl ctxWord) {
		for _, w := range words {
			i := uint16(len(ctxWords))
			cw := tmpl
			cw.w = bytes.ToLower([]byte(w))
			cw.suffix = w == "編號" || w == "编号"
			if !bytes.Equal(cw.w, []byte(w)) {
				cw.caps = []byte(w)
			}
			ctxWords = append(ctxWords, cw)
			w = string(cw.w)
			if last := w[len(w)-1]; last < utf8.RuneSelf {
				ctxByASCII[last] = append(ctxByASCII[last], i)
				continue
			}
			r, _ := utf8.DecodeLastRuneInString(w)
			ctxByRune[r] = append(ctxByRune[r], i)
			ctxRuneSet[(r&0xFFFF)/64] |= 1 << ((r & 0xFFFF) % 64)
		}
	}
	for _, g := range ctxGroups {
		cw := ctxWord{mask: g.mask, neg: g.neg, ver: g.ver, money: g.money}
		if g.neg {
			cw.negMask = maskAll
		}
		add(g.words, cw)
	}
	add(hardNegWords, ctxWord{neg: true, hard: true, negMask: maskAll})
	for _, g := range narrowNegs {
		add(g.words, ctxWord{neg: true, negMask: g.only})
	}
}

// nearestContext returns the context word ending nearest before start. Of several words
// ending at the same place the longest wins, so 銀行卡號 is a bank word although it ends in
// the card word 卡號. A negative word with a value or a clause separator between it and start
// belongs to something else and gives no context. A word inside an HTML tag (<br>) is
// markup, not a word of the text.
//
// A markdown table row puts the label in the cell before the value: "| Ref | 6518-5293 |".
// The '|' that opens the candidate's cell is then no clause break for a word that ends the
// cell before it; any other word lies beyond it (a header's, another field's).
func nearestContext(text []byte, start int) ctxResult {
	if start > len(text) {
		start = len(text)
	}
	p := start
	crossedValue, crossedClause := false, false
	bar, cellEnd := openingBar(text, start), -1
	for runes := 0; p > 0 && runes < ctxWindow; runes++ {
		if cellEnd >= 0 && p < cellEnd {
			crossedClause, cellEnd = true, -1 // the label cell does not end in a word
		}
		var r ctxResult
		q := p - 1
		if c := text[q]; c < utf8.RuneSelf {
			if c == '\n' || c == '\r' || c == ';' {
				break
			}
			r = asciiWordsEndingAt(text, p)
			if !r.found {
				switch {
				case isDigit(c):
					if k := qualifierStart(text, p); k >= 0 {
						q = k
					} else {
						crossedValue = true
					}
				case c == '|' && q == bar:
					cellEnd = q
					for cellEnd > 0 && text[cellEnd-1] == ' ' {
						cellEnd--
					}
				case c == ',' || c == '|' || c == '/':
					crossedClause = true
				case (c == '.' || c == '!' || c == '?') && p < len(text) && text[p] == ' ':
					crossedClause = true // the end of a sentence
				}
			}
		} else {
			ru, size := utf8.DecodeLastRune(text[:p])
			if ru == '。' || ru == '；' {
				break
			}
			if ru != utf8.RuneError || size > 1 {
				q = p - size
				r = cjkWordsEndingAt(text, p, ru)
				if !r.found && clauseRune(ru) {
					crossedClause = true
				}
			}
		}
		if r.found && (markupWord(text, p, start) || inRedactionMarker(text, p)) {
			r = ctxResult{}
		}
		if r.found && r.suffix {
			// A narrow negative before 編號 (任務編號, 審批編號) names a record whose number
			// is nothing else either: 編號 keeps its own meaning.
			if r2 := wordsEndingAt(text, p-r.wlen); r2.found && !r2.suffix && !(r2.neg && r2.negMask != maskAll) {
				r = r2
			}
		}
		if r.found {
			if r.neg && (crossedValue || crossedClause) {
				return ctxResult{}
			}
			r.direct = !crossedValue
			return r
		}
		p = q
	}
	return ctxResult{}
}

// openingBar returns the '|' that opens the table cell starting at start (spaces between
// them allowed), or -1.
func openingBar(text []byte, start int) int {
	k := start
	for k > 0 && text[k-1] == ' ' {
		k--
	}
	if k > 0 && text[k-1] == '|' {
		return k - 1
	}
	return -1
}

// qualifierStart returns where the digits ending at p start when they qualify the context
// word glued before them, "EAN-13", "ISBN-10", "GTIN14": one or two digits, after a hyphen
// or none, are part of the label rather than a value between it and the candidate. Else -1.
// After a product or a currency ("Android13", "RMB12") the digits are that word's value.
func qualifierStart(text []byte, p int) int {
	if p < len(text) && isDigit(text[p]) {
		return -1
	}
	d := p
	for d > 0 && isDigit(text[d-1]) && p-d < 2 {
		d--
	}
	if d > 0 && isDigit(text[d-1]) {
		return -1
	}
	k := d
	if k > 0 && text[k-1] == '-' {
		k--
	}
	if k == 0 || !isLetter(text[k-1]) {
		return -1
	}
	if r := asciiWordsEndingAt(text, k); !r.found || r.ver || r.money {
		return -1
	}
	return k
}

// markupWord reports whether the word ending at p lies inside an HTML tag ("<br>", "<br/>",
// `<span title="BR">`) that closes before start: a '<' and a letter or '/' before it, a '>'
// after it, no line or other bracket between. DingTalk markdown and card text carry such
// tags. A word in the candidate's own tag still counts: <a href="tel:91234567">.
func markupWord(text []byte, p, start int) bool {
	const reach = 64
	// Most text holds no tag: one IndexByte over the reach (vectorised) rules out a '<'
	// before the byte-by-byte walk back to it.
	if bytes.IndexByte(text[max(p-reach+1, 0):p], '<') < 0 {
		return false
	}
	i := p - 1
	for ; i >= 0 && p-i < reach; i-- {
		if c := text[i]; c == '<' {
			break
		} else if c == '>' || c == '\n' {
			return false
		}
	}
	if i < 0 || p-i >= reach || !isLetter(text[i+1]) && text[i+1] != '/' {
		return false
	}
	for j := p; j < start; j++ {
		switch text[j] {
		case '>':
			return true
		case '<', '\n':
			return false
		}
	}
	return false
}

// wordsEndingAt returns the context words ending right before p.
func wordsEndingAt(text []byte, p int) ctxResult {
	if p <= 0 {
		return ctxResult{}
	}
	if text[p-1] < utf8.RuneSelf {
		return asciiWordsEndingAt(text, p)
	}
	ru, _ := utf8.DecodeLastRune(text[:p])
	return cjkWordsEndingAt(text, p, ru)
}

// clauseRune reports the CJK punctuation that separates clauses or list items.
func clauseRune(r rune) bool {
	switch r {
	case '，', '、', '｜', '／', '！', '？':
		return true
	}
	return false
}

// take folds a matching word into r, keeping only the longest words.
func (r *ctxResult) take(w *ctxWord, longest *int) {
	switch {
	case len(w.w) > *longest:
		*longest = len(w.w)
		r.found, r.mask, r.neg, r.ver, r.money, r.suffix = true, w.mask, w.neg, w.ver, w.money, w.suffix
		r.hard = w.hard
		r.wlen = len(w.w)
		r.negMask = w.negMask
	case len(w.w) == *longest:
		r.mask |= w.mask
		r.neg = r.neg || w.neg
		r.ver = r.ver || w.ver
		r.money = r.money && w.money
		r.suffix = r.suffix && w.suffix
		r.hard = r.hard || w.hard
		r.negMask |= w.negMask
	}
}

func asciiWordsEndingAt(text []byte, p int) ctxResult {
	var r ctxResult
	longest := 0
	try := func(end int) {
		for _, i := range ctxByASCII[lower(text[end-1])] {
			w := &ctxWords[i]
			s := end - len(w.w)
			if s < 0 || !equalFoldASCII(text[s:end], w.w) || w.caps != nil && !bytes.Equal(text[s:end], w.caps) {
				continue
			}
			if isLetter(w.w[0]) && s > 0 && isLetter(text[s-1]) {
				continue // not the start of a word
			}
			r.take(w, &longest)
		}
	}
	c := text[p-1]
	if isLetter(c) && p < len(text) && isLetter(text[p]) {
		return r // inside a word
	}
	try(p)
	// A plural: "phones", "contacts".
	if lower(c) == 's' && p >= 2 && isLetter(text[p-2]) {
		try(p - 1)
	}
	return r
}

func cjkWordsEndingAt(text []byte, p int, ru rune) ctxResult {
	var r ctxResult
	if ctxRuneSet[(ru&0xFFFF)/64]&(1<<((ru&0xFFFF)%64)) == 0 {
		return r
	}
	longest := 0
	for _, i := range ctxByRune[ru] {
		w := &ctxWords[i]
		// Folded: a word may start in ASCII ("QQ帳號", "SIM卡").
		if s := p - len(w.w); s >= 0 && equalFoldASCII(text[s:p], w.w) && (w.caps == nil || bytes.Equal(text[s:p], w.caps)) {
			r.take(w, &longest)
		}
	}
	return r
}

func equalFoldASCII(a, lowerB []byte) bool {
	if len(a) != len(lowerB) {
		return false
	}
	for i := range a {
		if lower(a[i]) != lowerB[i] {
			return false
		}
	}
	return true
}

// Labels in free text: "姓名：李嘉欣", "Name: Peter Chan", "出生日期：1988-07-14",
// "住址：香港九龍…". Only these strong "label + colon" forms make a person name, date of birth
// or address in free text; the value runs to the end of the line or field.

type labelGroup struct {
	t    tid
	role bool // the label names a role (聯絡人), which a title alone may fill: 吳太, 陳生
	// cue: the words are prose that a name often follows rather than a field's label
	// ("Interview: …", "Please contact …"), so the name must pass the strict test of the
	// overloaded `name` key (a surname, a known given name), colon or not.
	cue bool
	// signoff: a letter's closing ("Regards,"): the name is the next line.
	signoff bool
	words   []string
}

var labelGroups = []labelGroup{
	{tPersonName, false, false, false, []string{"姓名", "名字", "英文名", "中文名", "英文姓名", "中文姓名", "name", "full name",
		"english name", "chinese name", "name of employee", "name of staff", "name of applicant"}},
	// A role names the person who fills it; the value must still look like a name.
	{tPersonName, true, false, false, slices.Concat([]string{"聯絡人", "联系人", "聯繫人", "联络人", "申請人", "申请人", "收款人", "付款人",
		"受益人", "持卡人", "戶名", "户名", "經辦人", "经办人", "負責人", "负责人", "代理人", "收件人", "寄件人",
		"收貨人", "收货人", "病人", "患者", "擔保人", "担保人", "監護人", "监护人", "配偶",
		"contact person", "contact name", "applicant", "patient", "payee", "beneficiary",
		"account name", "account holder", "cardholder", "card holder", "recipient",
		"emergency contact", "employee name", "staff name",
		// Next of kin on HR forms: "母親：黃麗華", "Spouse: Lee Ka Yan" (and hanKinWords).
		"father", "mother", "husband", "wife", "spouse"}, hanKinWords, []string{
		// Approval and HR forms name the person in each role the same way (报销人：…).
		"報銷人", "报销人", "出差人", "請假人", "请假人", "審批人", "审批人", "發起人", "发起人", "提交人",
		"填表人", "經手人", "经手人", "借款人", "領款人", "领款人", "簽收人", "签收人", "交接人", "同行人",
		"承辦人", "承办人", "推薦人", "推荐人", "介紹人", "介绍人", "委託人", "委托人", "投保人",
		"被保險人", "被保险人", "法定代表人", "戶主", "户主", "持有人", "監護人姓名",
		"claimant", "requester", "requestor", "next of kin", "policyholder", "policy holder",
		"legal representative",
		// Recruitment: interview schedules and reports name the candidate.
		"候選人", "候选人", "應徵者", "应聘者", "candidate", "interviewee",
		// The emergency contact, and a bank account's name as a payment slip writes it
		// (戶口名稱 FUNG Chun Sze): the holder, a person or a firm.
		"緊急聯絡人", "紧急联络人", "緊急聯繫人", "紧急联系人", "戶口名稱", "户口名称", "帳戶名稱",
		"账户名称", "賬戶名稱", "帳戶名", "账户名", "賬戶名", "account holder name"})},
	// Prose before a name: a calendar entry's "Interview: Peter Chan (Sales)" / "面試 - 陳大文",
	// "Please contact Peter Chan at …".
	{tPersonName, true, true, false, []string{"interview", "面試", "面试", "面談", "面谈", "contact",
		"please contact", "pls contact", "kindly contact",
		// A list of people with their addresses: "Attendees: 曾詠晴 <…>; Wong Ho Keung <…>"
		// (the names after the first follow their "<address>;", nextNameAddr).
		"attendees", "participants", "invitees", "參加者", "参加者", "出席者", "與會者", "与会者",
		"參與者", "参与者", "受邀者",
		// A sole trader's operator, whom to contact: "个体工商户 … 经营者 孟红", "聯絡 Isaac
		// Li on 6135 2429". (A colleague and a customer: cueName.)
		"經營者", "经营者", "聯絡", "联络", "聯繫", "联系",
		// A letter's addressee: "Attn: Chan Tai Man" (as often a team: "Attn: Accounts
		// Payable").
		"attn", "attention",
		// Who acted on a request: "Approved by Wong Siu Ming on 18 Mar".
		"approved by", "submitted by", "requested by", "prepared by", "signed by", "reviewed by"}},
	// A letter's salutation (salutationName): "Dear Kayden Tan, your leave … has been
	// approved" names the person it is about.
	{tPersonName, true, true, false, salutationWords},
	// A letter's sign-off, the writer's name on the next line.
	{tPersonName, true, true, true, []string{"regards", "best regards", "kind regards",
		"warm regards", "sincerely", "yours sincerely", "yours faithfully", "best wishes"}},
	{tDateOfBirth, false, false, false, []string{"出生日期", "出生年月日", "出生年月", "生日", "出生", "dob", "d.o.b.", "date of birth",
		"birth date", "birthday", "born"}},
	{tAddress, false, false, false, []string{"住址", "地址", "通訊地址", "通讯地址", "居住地址", "住宅地址", "通訊處", "通讯处",
		"address", "home address", "residential address", "correspondence address",
		// Where a parcel or a letter goes: written without a colon at the start of a clause
		// as often as with one ("送貨地址 新界屯門…").
		"送貨地址", "送货地址", "收貨地址", "收货地址", "郵寄地址", "邮寄地址", "家庭地址", "家庭住址",
		"delivery address", "shipping address", "mailing address",
		// A changed address, as a leaver or a mover writes it ("新地址 九龍…").
		"新地址", "新住址", "現住址", "现住址", "現地址", "现地址", "現居地址", "现居地址",
		"new address", "current address", "present address",
		// Where to send a parcel, as a message says it (寄往九龍…): prose, so the value must
		// have an address's shape (labelled). (Not 住在/住喺, "lives in": 住在九龍灣的同事
		// are colleagues, not an address.)
		"寄往", "寄去", "寄到", "送往"}},
}

// englishCues are the words of English prose that a date of birth or an address follows
// inside a sentence, where a label word is prose ("the address of the event", "born in
// Kowloon"): "My HKID is … and DOB 10/01/1975", "Staff address changed to Flat G, 10/F, …".
// A cue only offers the value; it must still read as one (a real date, addressShape). What
// follows "moved to" is as often a meeting, a date or a team: it must name a street
// (streetFollows) and be no meeting room or public venue.
var englishCues = func() (out []englishCue) {
	for _, w := range []string{"dob", "d.o.b.", "d.o.b", "date of birth", "birth date", "birthday",
		"born on", "born"} {
		if w != "birthday" { // "on my birthday 12/05/2020 we …" is the day, not the birth
			out = append(out, englishCue{t: tDateOfBirth, w: w})
		}
		if w != "born" && w != "born on" {
			out = append(out, englishCue{t: tDateOfBirth, w: w + " is"})
		}
	}
	for _, v := range addressVerbs {
		out = append(out, englishCue{t: tAddress, w: "address " + v})
	}
	for _, w := range []string{"moved to", "relocated to", "moving to", "living at", "lives at",
		"residing at", "resides at", "send to", "deliver to", "ship to", "mail to"} {
		out = append(out, englishCue{t: tAddress, strict: true, w: w})
	}
	for i := range out {
		c := &out[i]
		w := strings.TrimSuffix(c.w, ".")
		c.dot = len(w) < len(c.w)
		c.last = len(w) - 1 - strings.LastIndexAny(w, " .")
	}
	return out
}()

// maxCueLast is the longest last word of an English cue ("birth").
const maxCueLast = 5

type englishCue struct {
	t      tid
	strict bool
	w      string // lower case
	// last: the letters of the last word ("b" of "d.o.b."), which the scan hands over; dot:
	// a full stop follows them.
	last int
	dot  bool
}

// addressVerbs say that an address follows: "Address changed to …", "My address is now …".
// After an address label without a colon they are skipped (labelVerbLen).
var addressVerbs = []string{"changed to", "updated to", "has changed to", "has been changed to",
	"has been updated to", "was changed to", "was updated to", "is now", "now", "is"}

// labelVerbLen returns the length of a verb phrase and its space that follow a label word at
// the start of b ("changed to Flat G", "is 10/01/1975"), or 0.
func labelVerbLen(t tid, b []byte) int {
	if t == tDateOfBirth {
		if len(b) > 3 && equalFoldASCII(b[:3], []byte("is ")) {
			return 3
		}
		return 0
	}
	for _, v := range addressVerbs {
		if n := len(v); len(b) > n && b[n] == ' ' && equalFoldASCII(b[:n], []byte(v)) {
			return n + 1
		}
	}
	return 0
}

// cueByLast indexes englishCues by the last letter of their last word, in lower case.
var cueByLast = func() (t [128][]uint8) {
	for i, c := range englishCues {
		last := c.w[len(c.w)-1]
		if c.dot {
			last = c.w[len(c.w)-2]
		}
		t[last] = append(t[last], uint8(i))
	}
	return t
}()

// cueEnd holds, for each letter in either case, the lengths (bit n) of the last words of
// the English cues that end with it: most words end no cue and are passed over here.
var cueEnd = func() (t [256]uint8) {
	for c, cues := range cueByLast {
		for _, k := range cues {
			bit := uint8(1) << englishCues[k].last
			t[c] |= bit
			t[upper(byte(c))] |= bit
		}
	}
	return t
}()

// mayEndCue reports whether the n-letter word ending at e may end an English cue.
func mayEndCue(text []byte, e, n int) bool {
	return n <= maxCueLast && cueEnd[text[e-1]]&(1<<n) != 0
}

// cueWord handles the end e of an n-letter word in running text: an English cue ending
// there, before a space (or the full stop of "D.O.B." and a space), offers what follows.
func (st *scanState) cueWord(e, n int) {
	text := st.text
	if st.hint().pos&maskText != 0 {
		return // under a name, date of birth or address key the whole value is read already
	}
	sp, dot := e, false
	if text[e] == '.' && e+1 < len(text) && text[e+1] == ' ' {
		sp, dot = e+1, true
	} else if text[e] != ' ' {
		return
	}
	for _, k := range cueByLast[lower(text[e-1])&0x7F] {
		c := &englishCues[k]
		if c.last != n || c.dot != dot {
			continue
		}
		s := sp - len(c.w)
		if s < 0 || s > 0 && isLetter(text[s-1]) || !equalFoldASCII(text[s:sp], []byte(c.w)) {
			continue
		}
		v := sp + 1
		if v >= len(text) || !isAlnum(text[v]) {
			return
		}
		if c.t == tAddress {
			before := bytes.TrimRight(text[:s], " ")
			for _, p := range notPostalBefore {
				p = bytes.TrimSpace(p)
				if k := len(before) - len(p); bytes.HasSuffix(before, p) && (p[0] >= utf8.RuneSelf || k == 0 || !isLetter(before[k-1])) {
					return // "IP address is …", "e-mail address changed to …"
				}
			}
			if c.strict && (!st.streetFollows(v) || businessMove(text[:s])) {
				return
			}
		}
		n := len(st.out)
		st.labelled(c.t, false, true, v)
		if len(st.out) > n {
			// The same value read after a label at the start of the clause ("DOB 10/01/1975"
			// from bareLabel) is offered once.
			f := st.out[len(st.out)-1]
			for _, g := range st.out[st.base:n] {
				if g.Type == f.Type && g.Start == f.Start && g.End == f.End {
					st.out = st.out[:len(st.out)-1]
					break
				}
			}
		}
		return
	}
}

// streetEnded reports an English address (so far) that holds its street word: "8 Finance
// Street", "22 Lyndhurst Terrace, Central". Before the street a lower-case word may still be
// the address's ("Flat 3 on the top floor of …"), so the address is not cut there.
func streetEnded(b []byte) bool {
	seen := false
	for w := range bytes.FieldsSeq(b) {
		w = bytes.TrimRight(w, ",.")
		var low [12]byte
		if l := lowerFit(low[:], w); l != nil && streetWord(l) {
			seen = true
		}
	}
	return seen
}

// businessMove reports that the sentence before a move cue is about an organisation or an
// event, not a person: "Our office moved to 10/F, …", "Clinic relocated to …", "Event moved
// to 1 Expo Drive": a business's address is no personal data.
func businessMove(before []byte) bool {
	k := len(before)
	for i := 0; i < 40 && k > 0; i++ {
		c := before[k-1]
		if c == '.' || c == '\n' || c == ';' || c == '!' || c == '?' || c >= utf8.RuneSelf {
			break
		}
		k--
	}
	clause := before[k:]
	if hasOrgWord(clause) {
		return true
	}
	for w := range bytes.FieldsSeq(clause) {
		var low [12]byte
		switch string(lowerFit(low[:], w)) {
		case "event", "meeting", "showroom", "hq", "headquarters", "vendor", "supplier",
			"site", "venue", "party", "seminar", "workshop", "training", "ceremony", "dinner", "lunch",
			"class", "course", "booth", "counter":
			return true
		}
	}
	return false
}

// cueWordsBefore offers the words before start, which the scan does not visit, to cueWord:
// the cue of a value whose first digit starts the scan ("My DOB 10/01/1975", "address
// changed to Flat G, 10/F") ends a few English words before it at most, with nothing but
// letters, digits, spaces, commas and full stops between, and a space right before start.
func (st *scanState) cueWordsBefore(start int) {
	const reach = 32
	text := st.text
	if start < 3 || text[start-1] != ' ' || st.hint().pos&maskText != 0 {
		return
	}
	lo := max(start-reach, 0)
	end := -1 // the end of the letters walked back over
	for k := start - 1; k >= lo; k-- {
		c := text[k]
		if isLetter(c) {
			if end < 0 {
				end = k + 1
			}
			continue
		}
		if end >= 0 {
			if mayEndCue(text, end, end-k-1) {
				st.cueWord(end, end-k-1)
			}
			end = -1
		}
		if c != ' ' && c != ',' && c != '.' && !isDigit(c) {
			return // no English cue reaches past other text ("銀行戶口 004-…")
		}
	}
	if end >= 0 && (lo == 0 || !isLetter(text[lo-1])) {
		if mayEndCue(text, end, end-lo) {
			st.cueWord(end, end-lo)
		}
	}
}

type labelWord struct {
	t       tid
	role    bool
	cue     bool
	signoff bool
	w       []byte // lower case
}

var labelWords = func() (out []labelWord) {
	for _, g := range labelGroups {
		for _, w := range g.words {
			out = append(out, labelWord{t: g.t, role: g.role, cue: g.cue, signoff: g.signoff, w: []byte(w)})
		}
	}
	if len(out) > 256 {
		panic("detect: labelByLast and labelByFirst index label words with a byte")
	}
	return out
}()

// labelByLast indexes labelWords by their last byte, keeping their order.
var labelByLast = func() (t [256][]uint8) {
	for i, lw := range labelWords {
		last := lw.w[len(lw.w)-1]
		t[last] = append(t[last], uint8(i))
		if isLower(last) {
			t[upper(last)] = append(t[upper(last)], uint8(i))
		}
	}
	return t
}()

// labelByFirst indexes labelWords by their start (labelFirstSlot), keeping their order: a
// byte alone would leave a dozen words to compare after every comma ("c", "a", "p" …), and
// most Chinese labels share a lead byte.
var labelByFirst = func() (t [512][]uint8) {
	for i, lw := range labelWords {
		k := labelFirstSlot(lw.w, 0)
		t[k] = append(t[k], uint8(i))
	}
	return t
}()

// labelFirstSlot returns the slot of labelByFirst for the text at b[i]: the low bits of its
// first two ASCII letters (folded to lower case), or of the last two bytes of a multi-byte
// first character.
func labelFirstSlot(b []byte, i int) int {
	if i+2 >= len(b) {
		return 0 // no label word and its space fit
	}
	if b[i] < utf8.RuneSelf {
		// |0x20 folds letters; other bytes start no label word and may share a slot.
		return (int(b[i]|0x20)<<4 ^ int(b[i+1]|0x20)) & 511
	}
	return int(b[i+1]&0x07)<<6 | int(b[i+2]&0x3F)
}

// inRedactionMarker reports a word ending at p inside a redaction placeholder ("[HK_PHONE]"):
// a first pass's placeholder is no context word on the second ("[HK_PHONE]：20000000" must
// read as "852 20000000：20000000" did, or masking is not idempotent).
func inRedactionMarker(text []byte, p int) bool {
	if p >= len(text) || text[p] != ']' {
		return false
	}
	o := bytes.LastIndexByte(text[:p], '[')
	return o >= 0 && IsRedactionMarker(text[o:p+1])
}

// notPostalBefore are words that, right before 地址/address, make it something else.
var notPostalBefore = [][]byte{[]byte("IP"), []byte("ip"), []byte("MAC"), []byte("mac"),
	[]byte("郵件"), []byte("邮件"), []byte("電郵"), []byte("电邮"), []byte("網"), []byte("网"),
	[]byte("email "), []byte("Email "), []byte("E-mail "), []byte("e-mail ")}

// labelValue handles a colon at text[c:v] (v is just after it): if a label word ends right
// before it, the value after it is offered to that label's type.
//
// It reports whether a label word ended there.
func (st *scanState) labelValue(c, v int) bool {
	text := st.text
	e := labelEnd(text, c)
	if e == 0 {
		return false
	}
	if inRedactionMarker(text, e) {
		// A redaction placeholder is no label: "[PERSON_NAME] - A" left by a first pass
		// must not make the next word a name on the second.
		return false
	}
	for _, i := range labelByLast[text[e-1]] {
		lw := &labelWords[i]
		s := e - len(lw.w)
		if s < 0 || !equalFoldASCII(text[s:e], lw.w) {
			continue
		}
		bare := false
		if lw.w[0] < utf8.RuneSelf {
			// An English label must not be the tail of a longer phrase ("File name:").
			k := s
			for k > 0 && text[k-1] == ' ' {
				k--
			}
			if k > 0 && isLetter(text[k-1]) && !valueWordBefore(text, k) {
				// Unless it is capitalised as a label is and names a value that shows
				// its shape ("FYI Address: 九龍…", "Thanks DOB: 1990-01-02"): read as
				// strictly as a label without a colon. A name has no such shape.
				if lw.t == tPersonName || !isUpper(text[s]) || k == s {
					continue
				}
				bare = true
			}
		}
		if lw.signoff || lw.t == tPersonName && salutation(lw.w) {
			continue // "Regards:" is no sign-off, "Dear:" no salutation
		}
		if lw.t == tAddress {
			for _, p := range notPostalBefore {
				if bytes.HasSuffix(text[:s], p) {
					return true
				}
			}
		}
		st.labelled(lw.t, lw.role, bare || lw.cue, v)
		return true
	}
	return false
}

// bareLabel handles a label written without a colon or markup, "Name 張嘉欣", "代理人 張美玲",
// "DOB Jan 18, 1994", at i: the start of the text, a line or a clause (the scan calls it
// after a line break, after 。；;，,！!？? and after ". "). A label word only counts where a field would
// start: inside a sentence the same words are prose ("the name of the project",
// "請代理人盡快處理"). A name after it must pass the strict name test.
func (st *scanState) bareLabel(i int) {
	if st.keyProofOnly {
		return
	}
	if v := shortSalutation(st.text, i); v > 0 {
		st.salutationName(v) // "Hi 陳大文，你的請假已批核"
		return
	}
	lw, v := bareLabelAt(st.text, i)
	switch {
	case lw == nil:
	case lw.signoff:
		st.signoffName(v)
	case lw.t == tPersonName && salutation(lw.w):
		st.salutationName(v)
	case lw.w[0] >= utf8.RuneSelf && st.text[v-1] == ' ':
		// A Chinese label and a space are read where the space is: hanLabelSpace.
	default:
		st.labelled(lw.t, lw.role, true, v)
	}
}

// signoffName reports the name on the line after a letter's closing ("Regards,\nPeter
// Chan"): the whole line, two words or more (a single word may be a team's or a product's
// name), with the evidence the `name` key asks for and no organisation word.
func (st *scanState) signoffName(v int) {
	text := st.text
	e := v
	for e < len(text) && text[e] != '\n' && text[e] != '\r' {
		if e-v > 64 {
			return // longer than a name
		}
		e++
	}
	b := trimSpaceBytes(text[v:e])
	if len(b) == 0 || bytes.IndexByte(b, ' ') < 0 || hasOrgWord(b) || !looksLikeName(b, true, true) {
		return
	}
	st.addNameIn(v, e, b)
}

// salutationWords open a letter, a notice or a message: "Dear Kayden Tan, …", "Hello Grace
// Lee, …". ("Hi" and "Hey" are too short for label words, whose index needs three letters:
// shortSalutation reads them.)
var salutationWords = []string{"dear", "hello"}

// shortSalutation returns where the name starts after "Hi " or "Hey " at text[i:] (after
// spaces), or 0.
func shortSalutation(text []byte, i int) int {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	// This runs for most values (bareLabelStart): one byte decides for nearly all.
	if i+3 >= len(text) || text[i]|0x20 != 'h' {
		return 0
	}
	n := 0
	switch {
	case text[i+1]|0x20 == 'i' && text[i+2] == ' ':
		n = 3
	case text[i+1]|0x20 == 'e' && text[i+2]|0x20 == 'y' && text[i+3] == ' ':
		n = 4
	}
	if n == 0 || i+n >= len(text) || text[i+n] == ' ' {
		return 0
	}
	return i + n
}

func salutation(w []byte) bool {
	switch string(w) {
	case "dear", "hello":
		return true
	}
	return false
}

// salutationName reports the name a salutation addresses, up to its comma ("Dear Kayden
// Tan, your leave … has been approved"): a full name — two words or more, or a Chinese name
// — with the evidence the `name` key asks for. A group ("Dear All", "Dear Team", "Dear
// Valued Customer"), a single given name ("Dear Ivy") and a title with a surname ("Dear
// Mr. Chan", as 陳生 is how a person is addressed) are not reported.
func (st *scanState) salutationName(v int) {
	text := st.text
	e := v
	for e < len(text) && text[e] != ',' && text[e] != '\n' && text[e] != '\r' && text[e] != '!' &&
		!hasFullwidth(text, e, 0x8C) && !hasFullwidth(text, e, 0x81) { // ，！
		if e-v > 64 {
			return // longer than a name
		}
		e++
	}
	if e == len(text) || text[e] == '\n' || text[e] == '\r' {
		return // a salutation ends with its comma
	}
	if b := trimSpaceBytes(text[v:e]); fullNameByPosition(b) {
		st.addNameIn(v, e, b)
	}
}

// latinAddressForm reports a title and a single word, "Mr. Chan", "Ms Wong": how a person
// is addressed, as 陳生 and 黃小姐 are (addressForm).
func latinAddressForm(b []byte) bool {
	sp := bytes.IndexByte(b, ' ')
	if sp < 0 || bytes.IndexByte(b[sp+1:], ' ') >= 0 {
		return false
	}
	var low [8]byte
	switch string(lowerFit(low[:], bytes.TrimSuffix(b[:sp], []byte(".")))) {
	case "mr", "mrs", "ms", "miss", "mdm", "madam", "dr", "prof", "sir":
		return true
	}
	return false
}

// bareLabelAt returns the label word at i (after spaces and a markdown bullet "- ", "* ",
// "1. ") and where its value starts, or nil. The label must be followed by one space (or
// U+3000) and the start of a value.
func bareLabelAt(text []byte, i int) (*labelWord, int) {
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) {
		return nil, 0
	}
	switch c := text[i]; {
	case c >= utf8.RuneSelf || isLetter(c):
	case (c == '-' || c == '*' || c == '+') && i+2 < len(text) && text[i+1] == ' ':
		i += 2 // "- Payee 趙子軒"
	case isDigit(c):
		j := i + 1
		if j < len(text) && isDigit(text[j]) {
			j++
		}
		if j+2 >= len(text) || (text[j] != '.' && text[j] != ')') || text[j+1] != ' ' {
			return nil, 0
		}
		i = j + 2 // "1. Name 陳大文"
	default:
		return nil, 0
	}
	for _, k := range labelByFirst[labelFirstSlot(text, i)] {
		lw := &labelWords[k]
		v := i + len(lw.w)
		if v >= len(text) || !equalFoldASCII(text[i:v], lw.w) {
			continue
		}
		if lw.signoff {
			// "Regards,\nPeter Chan": the name is the line after the closing.
			if n := signoffLineEnd(text, v); n > 0 && n < len(text) {
				return lw, n
			}
			continue
		}
		switch {
		case text[v] == ' ':
			v++
		case cjkPunct(text, v, 0x80): // U+3000
			v += 3
		case lw.w[0] >= utf8.RuneSelf && copulaAt(text, v):
			// "住址為九龍…", "姓名係陳大文": a Chinese label and "is" before its value.
			v += 3
			if text[v] == ' ' && v+1 < len(text) && text[v+1] != ' ' {
				// "生日係 14/7/1988": the value after the space is read from there (labelled
				// skips it), so bareLabel does not take it for a label's space.
				return lw, v
			}
		case lw.w[0] >= utf8.RuneSelf && lw.t == tPersonName && hanSurnameAt(text[v:]) &&
			(gluedNameLen(text[v:]) || !lw.role && gluedShortName(text, v) || gluedNameBeforeVerb(text[v:], lw.role)):
			// "緊急聯絡人曾英麗（電話…）": Chinese writes no space after the label; the
			// name is read up to the next character that cannot be in one, and must
			// start with a surname and pass the strict name test. Three or four
			// characters: two glued to a label are as often a word (聯繫人關係, 負責人周五),
			// unless the label asks for the name itself, a common surname starts them and
			// the clause ends there (姓名張偉); more when a verb follows the name
			// (申請人陳大文已提交).
		case lw.w[0] >= utf8.RuneSelf && lw.t == tPersonName && isUpper(text[v]) && !lw.cue:
			// "聯絡人Chan Tai Man": a Latin name glued to a Chinese label (read as strictly as
			// after a label without a colon).
		case lw.w[0] >= utf8.RuneSelf && lw.t == tAddress && gluedAddressLead(text[v:]):
			// "地址九龍旺角彌敦道688號", "住址Flat B, 12/F, …": glued, the value must start
			// as an address does (a region or district, a flat, a number): "地址變更申請…"
			// is a sentence about one.
		default:
			continue // "監護人姓名 …" is tried next; "Names are …" is no label
		}
		// The value starts with a letter, digit or Han character: "Name - …", "Name : …"
		// and "Name (…)" are the other handlers' or nobody's.
		if v < len(text) && (isAlnum(text[v]) || text[v] >= utf8.RuneSelf && !hasFullwidth(text, v, 0x9A) &&
			!cjkPunct(text, v, 0x80)) {
			return lw, v
		}
		return nil, 0
	}
	return nil, 0
}

// hanLabelSpace handles a space at sp right after a Chinese character: a Chinese label word
// ending there ("收貨人 李秀玲", "新地址 九龍…") labels what follows even inside a clause,
// for Chinese puts no space between the words of a sentence. The value is read as strictly
// as after a label without a colon (bareLabel).
func (st *scanState) hanLabelSpace(sp int) {
	if st.keyProofOnly {
		return
	}
	if lw := hanLabelBefore(st.text, sp); lw != nil {
		if kinLabel(lw.w) && hanRunLen(st.text[sp+1:], 3) < 3 {
			return // "陪同母親 黃昏 散步": two characters after a relation are as often a word
		}
		st.labelled(lw.t, lw.role, true, sp+1)
	}
}

// gluedNameBeforeVerb reports a name glued to its label with a verb glued after it
// (nameBeforeVerb): after a role (申請人, 負責人) only a three-character reading, as a
// two-character one is as often a word (申請人陳述).
func gluedNameBeforeVerb(b []byte, role bool) bool {
	n := nameBeforeVerb(b)
	return n > 0 && (!role || n >= 9)
}

// hanKinWords are the Chinese next-of-kin labels (母親：黃麗華), role labels that a space and
// two characters do not fill (kinLabel).
var hanKinWords = []string{"父親", "母親", "父亲", "母亲", "丈夫", "妻子", "兒子", "女兒", "儿子", "女儿"}

// kinLabel reports a Chinese next-of-kin label (母親, 丈夫 …).
func kinLabel(w []byte) bool { return slices.Contains(hanKinWords, string(w)) }

// hanRunLen returns how many Chinese characters b starts with, counting up to max.
func hanRunLen(b []byte, max int) int {
	n := 0
	for i := 0; i < len(b) && n < max; n++ {
		r, size := decodeRune(b[i:])
		if !isHan(r) {
			break
		}
		i += size
	}
	return n
}

// hanLabelBefore returns the Chinese label word ending right before the space at sp, with a
// value after the space, or nil.
func hanLabelBefore(text []byte, sp int) *labelWord {
	if sp < 1 || sp+1 >= len(text) || text[sp+1] == ' ' || text[sp-1] < utf8.RuneSelf {
		return nil
	}
	for _, k := range labelByLast[text[sp-1]] {
		lw := &labelWords[k]
		s := sp - len(lw.w)
		if lw.w[0] < utf8.RuneSelf || lw.signoff || s < 0 || string(text[s:sp]) != string(lw.w) {
			continue
		}
		return lw
	}
	return nil
}

// signoffLineEnd returns where the line after a letter's closing word at v starts: the word
// ends its line, after an optional comma ("Regards,\n", "Best regards\r\n"). Else 0.
func signoffLineEnd(text []byte, v int) int {
	if v < len(text) && text[v] == ',' {
		v++
	}
	for v < len(text) && (text[v] == ' ' || text[v] == '\r') {
		v++
	}
	if v < len(text) && text[v] == '\n' {
		return v + 1
	}
	return 0
}

// gluedNameLen reports whether b starts with three or four Chinese characters and no more.
func gluedNameLen(b []byte) bool {
	n := hanRunLen(b, 5)
	return n == 3 || n == 4
}

// gluedShortName reports a two-character name glued to its label at text[v:] that ends the
// clause: a common surname, one given character, then the end, a space or punctuation.
func gluedShortName(text []byte, v int) bool {
	r0, n0 := decodeRune(text[v:])
	r1, n1 := decodeRune(text[v+n0:])
	if !topSurnameSet.has(r0) || !isHan(r1) || n1 != 3 {
		return false
	}
	e := v + n0 + n1
	if e >= len(text) {
		return true
	}
	switch c := text[e]; {
	case c == ' ' || c == ',' || c == ';' || c == '\n' || c == '\r' || c == '(' || isDigit(c):
		return true
	case c >= utf8.RuneSelf:
		switch r, _ := decodeRune(text[e:]); r {
		case '，', '。', '、', '；', '（', '\u3000':
			return true
		}
	}
	return false
}

// hanPlaceLeads are the words a Hong Kong address glued to its label starts with: the
// regions and the districts and areas people write first.
var hanPlaceLeads = strings.Fields("香港 九龍 九龙 新界 中環 中环 上環 上环 西環 西环 灣仔 湾仔 銅鑼灣 铜锣湾 " +
	"北角 鰂魚涌 鲗鱼涌 太古 筲箕灣 柴灣 柴湾 跑馬地 跑马地 薄扶林 香港仔 鴨脷洲 赤柱 淺水灣 " +
	"尖沙咀 油麻地 佐敦 旺角 太子 深水埗 長沙灣 长沙湾 荔枝角 美孚 紅磡 红磡 土瓜灣 土瓜湾 何文田 " +
	"九龍城 九龙城 九龍塘 九龙塘 黃大仙 黄大仙 鑽石山 钻石山 新蒲崗 觀塘 观塘 牛頭角 藍田 蓝田 " +
	"油塘 九龍灣 九龙湾 將軍澳 将军澳 西貢 西贡 沙田 大圍 大围 火炭 馬鞍山 马鞍山 大埔 粉嶺 粉岭 " +
	"上水 元朗 天水圍 天水围 屯門 屯门 荃灣 荃湾 葵涌 葵芳 青衣 東涌 东涌 大嶼山 大屿山 離島 " +
	"澳門 澳门 深圳 廣州 广州 北京 上海")

// gluedAddressLead reports whether b starts as an address does: a digit, a capital letter
// (Flat B, Room 3, 12/F …), a Hong Kong place, or a mainland province or city (廣東省…,
// 深圳市…: a place name of two or three characters and 省 or 市).
func gluedAddressLead(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if isDigit(b[0]) || isUpper(b[0]) {
		// A number or a capital starts as many things (地址2樓已經裝修完畢, 送貨地址A區與B區):
		// only with a street in its first clause is it an address.
		return clauseHasStreet(b)
	}
	for _, w := range hanPlaceLeads {
		if hasPrefixBytes(b, w) {
			return true
		}
	}
	for i, n := 0, 0; i < len(b) && n < 4; n++ {
		r, size := decodeRune(b[i:])
		if !isHan(r) {
			return false
		}
		if (r == '省' || r == '市') && n >= 2 {
			return true
		}
		i += size
	}
	return false
}

// clauseHasStreet reports a street in the first clause of b: 道 路 街 里 in Chinese, or an
// English street word after a capitalised name (Nathan Road).
func clauseHasStreet(b []byte) bool {
	end := min(len(b), 120)
	for i := 0; i < end; i++ {
		c := b[i]
		switch {
		case c == '\n' || c == ';' || c == '|' || hasFullwidth(b, i, 0x8C) || cjkPunct(b, i, 0x82):
			return false
		case c >= utf8.RuneSelf && i+2 < len(b):
			switch string(b[i : i+3]) {
			case "道", "路", "街", "里":
				return true
			}
		case isUpper(c) && i > 1 && b[i-1] == ' ':
			j := i
			for j < len(b) && isLetter(b[j]) {
				j++
			}
			var low [12]byte
			if w := lowerFit(low[:], b[i:j]); w != nil && streetWord(w) && prevCapitalWord(b, i-1) {
				return true
			}
		}
	}
	return false
}

// prevCapitalWord reports a capitalised word ending before the space at sp (Nathan, Queen's).
func prevCapitalWord(b []byte, sp int) bool {
	k := sp
	for k > 0 && (isLetter(b[k-1]) || b[k-1] == '\'') {
		k--
	}
	return k < sp && isUpper(b[k])
}

// copulaAt reports "is" written after a Chinese label, 為 为 係 是, before a value.
func copulaAt(text []byte, v int) bool {
	if v+3 >= len(text) {
		return false
	}
	switch string(text[v : v+3]) {
	case "為", "为", "係", "是":
		c := text[v+3]
		if c == ' ' && v+4 < len(text) {
			c = text[v+4] // "生日係 14/7/1988"
		}
		return c >= utf8.RuneSelf && !hasFullwidth(text, v+3, 0x9A) || isAlnum(c)
	}
	return false
}

// bareLabelStart returns where the first label without a colon starts (or the separator
// before it) in a text with no interesting byte, or -1: "申請人 陳大文" holds no digit or colon, yet it holds a name, and a
// finding must not depend on a digit elsewhere in the text (a redacted phone number).
func bareLabelStart(text []byte) int {
	// A label word is followed by a space (U+3000 is an interesting byte), so a label
	// starts before the last space; but a Chinese label at the start may be glued to its
	// value ("聯絡人陳大文", as bareLabels reads it too).
	last := bytes.LastIndexByte(text, ' ')
	if last < 0 {
		if len(text) > 0 && text[0] >= utf8.RuneSelf && len(labelByFirst[labelFirstSlot(text, 0)]) > 0 {
			if lw, _ := bareLabelAt(text, 0); lw != nil {
				return 0
			}
		}
		return -1
	}
	if lw, _ := bareLabelAt(text, 0); lw != nil || shortSalutation(text, 0) > 0 {
		return 0
	}
	if k := nextBareLabel(text, 0, last); k >= 0 {
		return k // the scan meets the separator and reads the label after it
	}
	// A Chinese label and a space inside a clause ("請致電收貨人 李秀玲"): the scan meets
	// the space (hanLabelSpace).
	if !mayHoldHanLabel(text, last) {
		return -1
	}
	for k := hanSpaceFrom(text, 6, last+1); k >= 0; k = hanSpaceFrom(text, k+1, last+1) {
		if hanLabelBefore(text, k) != nil {
			return k
		}
	}
	return -1
}

// nextBareLabel returns the first separator in text[from:to] that a label without a colon
// follows, or -1. Most values hold no separator at all ("Operations Manager", "Flat 14D"):
// they are passed over eight bytes at a time.
func nextBareLabel(text []byte, from, to int) int {
	for j := from; j < to; j += 8 {
		if j+8 <= len(text) && !mayHoldSep(binary.LittleEndian.Uint64(text[j:])) {
			continue
		}
		for k := j; k < min(j+8, to); k++ {
			if byteClass[text[k]] == clsSep && sepAt(text, k) {
				if lw, _ := bareLabelAt(text, k+1); lw != nil {
					return k
				}
			}
		}
	}
	return -1
}

// mayHoldSep reports whether one of the eight bytes of v lies in 0x00–0x3F and is not a
// space: the separators '\n' ! , . ; ? do, letters, spaces and UTF-8 bytes do not. After
// xor with spaces, a space is 0 and those bytes are 0x01–0x3F; with the high bits set first
// no byte borrows from the next (see mayBeInteresting).
func mayHoldSep(v uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	x := v ^ (0x20 * ones)
	below40 := ^((x | high) - 0x40*ones) &^ x & high
	nonZero := ((x | high) - ones | x) & high
	return below40&nonZero != 0
}

// labelEnd returns where the label before the colon at c ends: before a space and before
// the markup that wraps a label in DingTalk markdown and cards ("**姓名**：", "【地址】：",
// "[DOB]:").
func labelEnd(text []byte, c int) int {
	e := c
	if e > 0 && text[e-1] == ' ' {
		e--
	}
	for e > 0 {
		switch {
		case text[e-1] == '*' || text[e-1] == '_' || text[e-1] == ']':
			e--
		case cjkPunct(text, e-3, 0x91) || cjkPunct(text, e-3, 0x8D): // 】 」
			e -= 3
		default:
			return e
		}
	}
	return e
}

// labelled extracts the value after a label and offers it to the label's type. bare is true
// for a label without a colon (bareLabel): the weaker context asks names for the evidence the
// overloaded `name` key needs (a surname, a known given name).
func (st *scanState) labelled(t tid, role, bare bool, v int) {
	text := st.text
	v0 := v
	for v < len(text) && (text[v] == ' ' || text[v] == '\t') {
		v++
	}
	if cjkPunct(text, v, 0x80) { // U+3000
		v += 3
	}
	if v+1 < len(text) && text[v] == '-' && text[v+1] == ' ' {
		v += 2 // "**地址** - 香港…": the dash separates the label from its value
	}
	if bare && (t == tAddress || t == tDateOfBirth) {
		v += labelVerbLen(t, text[v:]) // "Address changed to Flat G, …", "DOB is 10/01/1975"
	}
	if t == tPersonName && bare && v < len(text) && (isLower(text[v]) || isDigit(text[v])) {
		// "請假聯絡 laiwah.cheung27@example.org": the strict test wants every Latin word of
		// a name capitalised; leave before reading the value.
		return
	}
	end := v
	limit := min(len(text), v+maxAddressLen+1) // values are short; never scan a long line per colon
	for end < limit {
		c := text[end]
		if c == '\n' || c == '\r' || c == ';' || c == '|' {
			break
		}
		if c >= utf8.RuneSelf {
			ru, size := utf8.DecodeRune(text[end:])
			if ru == '（' && t == tPersonName {
				if k := noteEnd(text, end); k > 0 {
					// "姓名：陳明嘉（Mary）": nameLength decides whether the other name in
					// brackets goes with the name (not 陳大文（經理）).
					end = k
					continue
				}
			}
			if ru == '；' || ru == '。' || (t != tAddress && (ru == '，' || ru == '、' || ru == '（')) {
				break
			}
			if t == tAddress && ru == '，' && (roomEnd(text[v:end]) || !hasHan(text[v:end]) || !addressGoesOn(text, end+size)) {
				// An English address separates its parts with ASCII commas: a full-width
				// one after it is the typist switching back to Chinese ("…, Kowloon，asap").
				// A Chinese one runs on past it only into more of the address ("…100號，
				// 5樓A室"), not into the next field ("…11樓A座，單號 SF…").
				break
			}
			if ru == '：' {
				end = labelPhraseStart(text, v, end)
				break
			}
			end += size
			continue
		}
		if t == tPersonName {
			if c == '(' {
				if k := noteEnd(text, end); k > 0 {
					end = k // "Name: Peter Chan (陳大文)", as for '（' above
					continue
				}
			}
			if isDigit(c) && end > v && text[end-1] == ' ' {
				break // "緊急聯絡人 陳大文 9123 4567": a number, where nameLength stops anyway
			}
		}
		if t != tAddress && (c == ',' || c == '(') && !(t == tPersonName && c == ',' && nameCommaOK(text, end)) &&
			!(t == tDateOfBirth && c == ',' && dateCommaOK(text, v, end)) {
			break
		}
		if c == ':' && !(end > v && isDigit(text[end-1]) && end+1 < len(text) && isDigit(text[end+1])) && !hasPrefixBytes(text[end:], "://") {
			// Another label's colon: "地址：… 證件號碼： M523953", "Name: 陳大文 Tel: …". A
			// name, date or address holds no colon (a time 10:30 or a URL aside), so the
			// value ends before the words of the next label.
			end = labelPhraseStart(text, v, end)
			break
		}
		if t == tAddress && (c == ',' || c == ' ') && regionEnds(text, v, end) {
			// "…, Lai King, N.T., please update payroll", "…, Kowloon cc …": the region
			// is the last part of a Hong Kong address.
			break
		}
		if t == tAddress && c == ' ' && end+1 < len(text) && isLower(text[end+1]) && text[v] < utf8.RuneSelf &&
			streetEnded(text[v:end]) {
			// "Address changed to 8 Finance Street for all invoices": after its street an
			// English address goes on in capitalised place names; a lower-case word is the
			// sentence again.
			break
		}
		if t == tAddress && c == ' ' && roomEnd(text[v:end]) {
			// "地址：…1栋308室 員工姓名 - …", "住址：…35樓B室 credit card …": the next
			// field's words follow the room.
			break
		}
		if c == '@' && end > v && text[end-1] == ' ' {
			break // "住址：… @91234567": a DingTalk mention follows the field
		}
		if c == '.' && end+1 < len(text) && text[end+1] == ' ' && sentenceDot(text, v, end, t) {
			break
		}
		if c == ' ' && end+3 < len(text) && text[end+1] == '-' && text[end+2] == ' ' && (t != tAddress || !isDigit(text[end+3])) {
			// "Name: 陳大文 - Tel …": a spaced dash separates fields; in an address it may
			// only join numbers (Unit 3 - 5).
			break
		}
		end++
	}
	val := trimSpaceBytes(text[v:end])
	if t == tAddress {
		// An address runs over commas, so a clause's comma or full stop may trail it.
		for {
			if n := len(val); n > 0 && (val[n-1] == ',' || val[n-1] == '.' && !initialDot(val, n-1)) {
				val = trimSpaceBytes(val[:n-1])
			} else if bytes.HasSuffix(val, []byte("，")) {
				val = trimSpaceBytes(val[:n-3])
			} else {
				break
			}
		}
	}
	if len(val) == 0 || isPlaceholder(val) {
		return
	}
	s := v + bytes.Index(text[v:end], val)
	e := s + len(val)
	switch t {
	case tPersonName:
		// The longest name-like prefix, word by word from the end: in "李嘉欣 K382716A" the
		// name is 李嘉欣 whatever the next word is (else redacting that word would reveal
		// the name on a second pass).
		n := labelledNameEnd(text[s : s+nameLength(text[s:e])])
		if k := honorificNameEnd(text[s : s+n]); k > 0 {
			n = k // "聯絡人：陳大文先生": the name without its title
		} else if k := nameBeforeVerb(text[s : s+n]); k > 0 {
			n = k // "姓名：陳大文已提交": the name without the sentence glued to it
		}
		if nb := trimSpaceBytes(text[s : s+n]); latinPlace(nb) || isPlaceholder(nb) {
			// "Reviewed by Kwun Tong", "Mother: Hong Kong": a place reads like a name. And a
			// filler word is no name even with more after it ("Applicant: Same a"), as it is
			// none alone.
			break
		}
		if role && addressForm(text[s:s+n]) {
			// "緊急聯絡人：吳太": a surname and a title is how a contact is addressed, not
			// a name; after 姓名： the same characters may be one (陳生 is a given name).
			break
		}
		if r, _ := utf8.DecodeRune(text[s:]); (role || bare) && isHan(r) && !hanSurnameAt(text[s:s+n]) {
			// A role is filled by a person or by a post, team or system (审批人：主管,
			// 提交人：系統); a Chinese name starts with a surname.
			break
		}
		if hasOrgWord(text[s : s+n]) {
			// "收款人：Wing On Trading Limited": a firm, not a name with a tail to drop.
			break
		}
		if bare && !role && n == e-s && hanNameLabelBefore(text, v0) && capitalisedWords(text[s:e]) {
			// "英文名 Danny Lang；": after a label that asks for the name itself, capitalised
			// words filling the field up to its end are the whole name, whatever the
			// surname (only a known one would pass the strict test below).
			if looksLikeName(text[s:e], false, true) {
				st.add(cand{t: tPersonName, start: s, end: e, score: scoreShapeCtx, flags: fCtxProof})
				break
			}
		}
		for n > 0 {
			if looksLikeName(text[s:s+n], bare, true) {
				if role && addressForm(text[s:s+n]) {
					break // "聯絡人陳太 aAA" read as 陳太: a contact addressed, as above
				}
				st.add(cand{t: tPersonName, start: s, end: s + n, score: scoreShapeCtx, flags: fCtxProof})
				break
			}
			k := bytes.LastIndexByte(text[s:s+n], ' ')
			// Trimmed as nameLength trims the end of the value: "A. '00" cut to "A." would
			// otherwise differ from the "A" read in the text cut after it.
			for k > 0 && (text[s+k-1] == ' ' || text[s+k-1] == ',' || text[s+k-1] == '.' || text[s+k-1] == '-') {
				k--
			}
			n = k
		}
	case tDateOfBirth:
		if n, ok := parseDate(text[s:e], st.s.now(), false); ok {
			st.add(cand{t: tDateOfBirth, start: s, end: s + n, score: scoreShapeCtx, flags: fCtxProof})
		}
	case tAddress:
		if len(val) > maxAddressLen {
			e = s + utf8Floor(text[s:], maxAddressLen)
		}
		if !addressShape(text[s:e]) {
			// "地址 已更新", "Address the issue today": without a colon the label word
			// may be a verb or the subject of a sentence; and with one, a place alone
			// ("地址：中環", "Address: Kowloon") or a word ("地址：公司", "Online") places no
			// one.
			break
		}
		if plausibleAddress(text[s:e]) {
			st.add(cand{t: tAddress, start: s, end: e, score: scoreShapeCtx, flags: fCtxProof})
		}
	}
}

// hanNameLabelBefore reports a Chinese label word and a space right before v (英文名 ,
// 姓名 ): the field is named by a word, not by prose or a role.
func hanNameLabelBefore(text []byte, v int) bool {
	lw := hanLabelBefore(text, v-1)
	return v > 0 && text[v-1] == ' ' && lw != nil && lw.t == tPersonName && !lw.role
}

// capitalisedWords reports two to four Latin words, each capitalised, and nothing else:
// "Danny Lang", "Amara Green-Stiedemann". A field's status in its place ("Pending Review",
// "Not Provided") is no name.
func capitalisedWords(b []byte) bool {
	words := 0
	for i := 0; i < len(b); {
		switch {
		case b[i] == ' ':
			i++
		case isUpper(b[i]):
			words++
			j := i + 1
			for j < len(b) && (isLetter(b[j]) || b[j] == '-' || b[j] == '\'') {
				j++
			}
			if statusWord(b[i:j]) {
				return false
			}
			i = j
		default:
			return false
		}
	}
	return words >= 2 && words <= 4
}

// statusWords fill a field that holds no value yet.
var statusWords = []string{"pending", "review", "confirmed", "provided", "applicable", "unknown",
	"none", "test", "same", "above", "later", "required", "optional", "update", "updated", "tbc", "tbd"}

func statusWord(w []byte) bool {
	for _, s := range statusWords {
		if equalFoldASCII(w, []byte(s)) {
			return true
		}
	}
	return false
}

// addressHan are the characters that place an address: road, street, number, floor, room,
// block, estate, district, province, city.
const addressHan = "路街道號号樓楼室座棟栋村邨苑區区省市縣县鎮镇巷弄閣阁廈厦園园"

// addressShape reports whether b reads as an address rather than words of a sentence: a
// digit and a word that places it (…6號…21樓, Flat 14D, Block 5, 3/F), or two Chinese such
// words (浙江省杭州市).
func addressShape(b []byte) bool {
	marks, digit := addressEvidence(b, true)
	return marks > 0 && (digit || marks >= 2)
}

// addressMarks counts the words of b that place an address.
func addressMarks(b []byte) int {
	marks, _ := addressEvidence(b, false)
	return marks
}

// addressEvidence counts the words of b that place an address and reports a digit in it.
// With shape, it stops as soon as addressShape is sure. A unit word (Room, Unit, Rm) or an
// abbreviated region (HK, Kln) counts only beside a word that places the address by itself
// (a street, a floor, a flat): "Room 3 booked", "Unit 5 of the course" and "HK$500" are no
// addresses, "Rm 3513, 3/F, 5 Kam Hang Drive, Kln" is.
func addressEvidence(b []byte, shape bool) (marks int, digit bool) {
	weak := 0
	for i := 0; i < len(b); {
		if shape && marks > 0 && (digit || marks+weak >= 2) {
			return marks + weak, digit
		}
		c := b[i]
		switch {
		case isDigit(c):
			digit = true
			i++
		case isLetter(c):
			j := i
			for j < len(b) && isLetter(b[j]) {
				j++
			}
			var low [12]byte
			w := lowerFit(low[:], b[i:j])
			switch {
			case addressLatinWord(w):
				marks++
			case addressUnitWord(w):
				weak++
			case j-i == 1 && w[0] == 'f' && i > 0 && b[i-1] == '/':
				marks++ // a floor as Hong Kong writes it: 3/F, G/F, UG/F
			}
			i = j
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(b):
			// A character of the CJK block (U+4E00–U+9FFF), decoded inline.
			r := rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
			if k := r - 0x4E00; k >= 0 && int(k) < len(addressHanSet)*64 && addressHanSet[k/64]&(1<<(k%64)) != 0 {
				marks++
			}
			i += 3
		default:
			i++
		}
	}
	if marks == 0 {
		return 0, digit
	}
	return marks + weak, digit
}

// addressHanSet marks addressHan's characters, by their offset from U+4E00.
var addressHanSet = func() (t [(0xA000 - 0x4E00) / 64]uint64) {
	for _, r := range addressHan {
		k := r - 0x4E00
		t[k/64] |= 1 << (k % 64)
	}
	return t
}()

// addressLatinWord reports a word (given in lower case) that places an address written in
// English: a street (the suffixes of Hong Kong's street names: Road, Street, Lane, Avenue,
// Path, Terrace, Crescent, Drive, Square, Place, Circuit, Praya …), a flat, floor, block or
// building, an estate, or a region spelt out.
func addressLatinWord(w []byte) bool {
	switch string(w) {
	case "road", "rd", "street", "st", "flat", "floor", "block", "blk", "tower", "building", "bldg",
		"estate", "avenue", "ave", "lane", "court", "garden", "gardens", "house", "village", "kowloon",
		"territories", "path", "terrace", "crescent", "drive", "square", "place", "circuit", "praya",
		"boulevard", "blvd", "highway", "mansion", "mansions":
		return true
	}
	return false
}

// addressUnitWord reports a word (in lower case) of an English address that places nothing
// alone: a unit (Room 3 is also a meeting room, Unit 5 a chapter) or an abbreviated region
// (HK$, NT$).
func addressUnitWord(w []byte) bool {
	switch string(w) {
	case "rm", "room", "unit", "suite", "shop", "workshop", "lot", "hk", "kln", "nt", "lantau":
		return true
	}
	return false
}

// addressForm reports a surname followed by a title and nothing else: the titles that
// follow a surname when addressing someone (陳生, 吳太, 李小姐, 黃sir).
func addressForm(b []byte) bool {
	b = trimSpaceBytes(b)
	n := hanSurnameLen(b)
	if n == 0 {
		return false
	}
	b = trimSpaceBytes(b[n:])
	switch string(b) {
	case "太", "生", "先生", "小姐", "女士", "太太", "姑娘", "伯", "婆", "姐", "哥":
		return true
	}
	return equalFoldASCII(b, []byte("sir"))
}

// nameCommaOK allows the comma of "CHAN, Tai Man" inside a labelled name.
func nameCommaOK(text []byte, i int) bool {
	if !(i > 0 && isLetter(text[i-1]) && i+2 < len(text) && text[i+1] == ' ' && isUpper(text[i+2])) {
		return false
	}
	// "Chan Tai Man, HR": after a name written in lower case, an acronym (a team, a post)
	// follows the comma, not a given name.
	j := i + 2
	for j < len(text) && isUpper(text[j]) {
		j++
	}
	return !(isLower(text[i-1]) && j-(i+2) >= 2 && (j == len(text) || !isLetter(text[j])))
}

// addressGoesOn reports whether the clause starting at k (after a full-width comma inside a
// Chinese address) continues the address: it reads as one (addressShape) and holds no
// context word, which would make it another field ("單號 SF2907…", "電話 9123 4567").
func addressGoesOn(text []byte, k int) bool {
	const reach = 96
	e := k
	for e < len(text) && e-k < reach {
		c := text[e]
		if c == '\n' || c == '\r' || c == ';' || c == '|' {
			break
		}
		size := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(text[e:])
			if r == '，' || r == '。' || r == '；' || r == '、' {
				break
			}
		}
		if r := wordsEndingAt(text, e+size); r.found && e+size-r.wlen >= k {
			return false
		}
		e += size
	}
	seg := trimSpaceBytes(text[k:e])
	return len(seg) > 0 && addressShape(seg)
}

// roomEnd reports a Chinese address that ends in its room (…1603室): nothing of an address
// follows the room, so a comma or a space followed by more Chinese after it starts other
// words ("…1603室，流程 PROC-…"), which an address otherwise runs over.
func roomEnd(b []byte) bool {
	return bytes.HasSuffix(trimSpaceBytes(b), []byte("室"))
}

// initialDot reports whether the '.' at i closes a one-letter abbreviation ("N.T.", "H.K.",
// "Tsuen Wan, N.T."): that full stop is part of the address, even at the end of the text.
// After a longer word ("Kowloon.") it ends the sentence.
func initialDot(b []byte, i int) bool {
	return i >= 1 && isLetter(b[i-1]) && (i == 1 || !isLetter(b[i-2]))
}

// dateCommaOK allows the comma of a date written with a month name, "Dec 01, 1982" or
// "01 Oct, 1969", inside a labelled date of birth: the comma sits between the day or month
// and a four-digit year, and the value so far holds a letter (the month name). A comma
// after a numeric date ("1988-07-14, 3 kids") or before anything but a year still ends it.
func dateCommaOK(text []byte, v, i int) bool {
	if i == v || !isWord(text[i-1]) {
		return false
	}
	letter := false
	for _, c := range text[v:i] {
		if isLetter(c) {
			letter = true
			break
		}
	}
	if !letter {
		return false
	}
	j := i + 1
	if j < len(text) && text[j] == ' ' {
		j++
	}
	k := j
	for k < len(text) && isDigit(text[k]) {
		k++
	}
	return k-j == 4 && (k == len(text) || !isWord(text[k]))
}

// utf8Floor returns the largest n ≤ max at a rune boundary of b.
func utf8Floor(b []byte, max int) int {
	if max >= len(b) {
		return len(b)
	}
	for max > 0 && b[max]&0xC0 == 0x80 {
		max--
	}
	return max
}

// labelPhraseStart returns where the label ending at the colon at c begins, within the value
// that started at v: after the last space, comma or full stop before it, or before the run of
// Han characters glued to the value ("陳大文 電話：…" → "陳大文"; "Kowloon Tel: …" →
// "Kowloon"). The next label is at most a few words; a value is never cut to nothing here
// unless the colon follows it directly.
func labelPhraseStart(text []byte, v, c int) int {
	i := c
	for i > v && (text[i-1] == ' ' || text[i-1] == '*' || text[i-1] == ']') {
		i--
	}
	if i >= v+3 && cjkPunct(text, i-3, 0x91) { // 】
		i -= 3
	}
	e := i
	for i > v {
		r, size := utf8.DecodeLastRune(text[v:i])
		if r == ' ' || r == ',' || r == '.' || r == '，' || r == '、' || r == '【' || r == '*' || r == '|' {
			break
		}
		i -= size
	}
	// A label of several words ("ID No.:", "Date of birth:", "Credit card:") starts at its
	// first word: "Name: Chan Tai-ling ID No.: …" names Chan Tai-ling.
	for e > v && text[e-1] == '.' {
		e--
	}
	if r := wordsEndingAt(text, e); r.found && e-r.wlen >= v && e-r.wlen < i {
		i = e - r.wlen
	}
	return i
}

// sentenceDot reports whether the '.' at i, followed by a space, ends a sentence rather than
// an abbreviation inside the value: "Name: 趙偉. Taiwan ID …", "Name: Peter Chan. Tel …"
// end there; "Mr. Chan", "Peter C. Chan", "No. 8 Keji Road" and "Rd. Kowloon" go on.
func sentenceDot(text []byte, v, i int, t tid) bool {
	j := i
	for j > v && isLetter(text[j-1]) {
		j--
	}
	n := i - j
	if n == 0 {
		return i > v // after a Han character or a digit
	}
	if t == tAddress {
		// "…, Causeway Bay, HK. FYI": HK is where an address ends, as Kowloon is.
		return n > 3 && !(n == 4 && equalFoldASCII(text[j:i], []byte("blvd"))) || n == 2 && string(text[j:i]) == "HK"
	}
	if n == 1 {
		return false // an initial
	}
	if t == tDateOfBirth {
		if m, _ := monthAt(text[j:i], 0); m != 0 {
			return false // "DOB: Feb. 16, 1967"
		}
	}
	for _, w := range []string{"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr"} {
		if equalFoldASCII(text[j:i], []byte(w)) {
			return false
		}
	}
	return true
}

// valueWordBefore reports whether the word ending at k holds a digit: a value such as the
// China ID "…683X" in "身份证号码:31010419810121683X Birthday：08-05-1958", which a label may
// follow, unlike a word of the same phrase ("File name:").
func valueWordBefore(text []byte, k int) bool {
	for k > 0 && isWord(text[k-1]) {
		k--
		if isDigit(text[k]) {
			return true
		}
	}
	return false
}
