package detect

import (
	"bytes"
	"testing"
)

func TestNearestContext(t *testing.T) {
	tests := []struct {
		text     string // the candidate starts at the '^' marker, which is removed
		mask     tmask
		neg      bool
		absent   bool
		ver      bool
		money    bool
		indirect bool  // a digit lies between the word and the candidate
		narrow   tmask // for a narrow negative word: the types it takes back
	}{
		{text: "請致電 ^", mask: maskPhone},
		{text: "Call me: ^", mask: maskPhone},
		{text: "phones: ^", mask: maskPhone},
		{text: "telephone ^", mask: maskPhone},
		{text: "hotel ^", absent: true},
		{text: "身份證號碼 ^", mask: maskIDCard},
		{text: "HKID ^", mask: tHKID.mask()},
		{text: "銀行卡號 ^", mask: maskBank},
		{text: "卡號 ^", mask: maskCard},
		{text: "電話 9123 4567，訂單 ^", neg: true},
		{text: "訂單 123，電話 ^", mask: maskPhone},
		{text: "電話\n^", absent: true},
		{text: "電話；^", absent: true},
		{text: "| 電話 | ^", mask: maskPhone},
		{text: "電話 0123456789012345678901234567890123456789 ^", absent: true},
		{text: "HK$^", neg: true, money: true},
		{text: "contract ^", neg: true},
		{text: "contact ^", mask: maskPhone},
		{text: "^", absent: true},
		{text: "\xff\xfe電話 ^", mask: maskPhone},
		// A negative word labels the value right after it, within its clause.
		{text: "金額 ^", neg: true, money: true},
		{text: "金額：HK$ ^", neg: true, money: true},
		{text: "Salary paid to ^", neg: true, money: true},
		{text: "訂單 ^", neg: true},
		{text: "金額 HK$1,200，請核對 ^", absent: true},
		{text: "發票 INV-2024-001 / ^", absent: true},
		{text: "三月份薪金已發放, 補交 ^", absent: true},
		{text: "三月份薪金已發放、補交 ^", absent: true},
		{text: "Ref ABC. Then ^", absent: true},
		{text: "訂單 SO123 請致電 ^", mask: maskPhone},
		// A positive word reaches across values, but is then not direct.
		{text: "電話 9123 4567 / ^", mask: maskPhone, indirect: true},
		{text: "銀行卡 6222 | ^", mask: maskBank, indirect: true},
		{text: "version ^", neg: true, ver: true},
		{text: "版本：^", neg: true, ver: true},
		{text: "IP：^", mask: maskIP},
		{text: "登入IP ^", mask: maskIP},
		{text: "VIP ^", absent: true},
		{text: "UnionPay card ^", mask: maskBank},
		{text: "工资卡 ^", mask: maskBank},
		{text: "salary card: ^", mask: maskBank},
		{text: "UnionPay credit card ^", mask: tCreditCard.mask()},
		{text: "打俾佢 ^", mask: maskPhone},
		{text: "我新號碼^", mask: maskPhone},
		{text: "https://wa.me/^", mask: maskPhone},
		{text: "條碼 ^", neg: true},
		{text: "日期 ^", neg: true},
		{text: "出生日期 ^", mask: tDateOfBirth.mask()},
		{text: "Visa card ^", mask: maskCard},
		// The longest word ending at a place wins; 編號 takes the meaning of a word before it.
		{text: "編號：^", neg: true},
		{text: "身份證編號：^", mask: maskIDCard},
		{text: "證件編號 ^", mask: maskIDAll},
		{text: "護照編號：^", mask: maskPassport},
		{text: "澳門身份證編號：^", mask: tMOID.mask()},
		{text: "澳門居民身份證：^", mask: tMOID.mask()},
		{text: "商業登記證號碼：^", mask: tHKBR.mask()},
		{text: "商業登記號碼 ^", mask: tHKBR.mask()},
		{text: "商業登記編號 ^", mask: tHKBR.mask()},
		{text: "居留證編號 ^", mask: tTWID.mask()},
		{text: "合同編號 ^", neg: true},
		{text: "員工編號 ^", neg: true},
		{text: "HKID編號 ^", mask: tHKID.mask()},
		{text: "統一證號：^", mask: tTWID.mask()},
		{text: "Resident Certificate No. ^", mask: tTWID.mask()},
		{text: "ARC ^", mask: tTWID.mask()},
		{text: "ARCs: ^", mask: tTWID.mask()},
		{text: "arc ^", absent: true},
		{text: "Arc ^", absent: true},
		{text: "search ^", absent: true},
		// Hong Kong banks; their short acronyms only in capitals.
		{text: "HSBC ^", mask: tHKBankAccount.mask()},
		{text: "匯豐銀行 ^", mask: maskBank},
		{text: "汇丰 ^", mask: tHKBankAccount.mask()},
		{text: "BOCHK ^", mask: tHKBankAccount.mask()},
		{text: "BEA ^", mask: tHKBankAccount.mask()},
		{text: "Bea ^", absent: true},
		{text: "boc ^", absent: true},
		{text: "aBOC ^", absent: true},
		// A number right after a product name is its version.
		{text: "dingtalk ^", neg: true, ver: true},
		{text: "DingTalk ^", neg: true, ver: true},
		{text: "Chrome ^", neg: true, ver: true},
		{text: "Android ^", neg: true, ver: true},
		{text: "iOS ^", neg: true, ver: true},
		{text: "Windows ^", neg: true, ver: true},
		{text: "kiosk ^", absent: true},
		// Device, SIM, product, journal and postal item numbers.
		{text: "IMEISV: ^", neg: true},
		{text: "MEID ^", neg: true},
		{text: "ICCID：^", neg: true},
		{text: "SIM卡號：^", neg: true},
		{text: "SIM card number ^", neg: true},
		{text: "SIM card ^", neg: true},
		{text: "GTIN: ^", neg: true},
		{text: "SKU ^", neg: true},
		{text: "商品編碼：^", neg: true},
		{text: "商品编码 ^", neg: true},
		{text: "郵件號：^", neg: true},
		{text: "邮件号 ^", neg: true},
		{text: "ISSN: ^", neg: true},
		{text: "國際標準期刊號：^", neg: true},
		// A number glued to a label qualifies it (EAN-13); a longer one is a value, and a
		// product's or a currency's is its version or amount.
		{text: "EAN-13: ^", neg: true},
		{text: "ISBN-10 ^", neg: true},
		{text: "GTIN14 ^", neg: true},
		{text: "Tel-2 ^", mask: maskPhone},
		{text: "EAN-1234 ^", absent: true},
		{text: "Ref 12 ^", absent: true},
		{text: "Android13 ^", absent: true},
		{text: "RMB12 ^", absent: true},
		// A chat or payment app's account beats 帳號/account: a QQ number is nothing else;
		// a WeChat or Alipay account is no bank or card number, and may be a phone.
		{text: "QQ帳號：^", neg: true},
		{text: "QQ account: ^", neg: true},
		{text: "微信帳號：^", neg: true, narrow: maskBank | maskCard},
		{text: "WeChat account: ^", neg: true, narrow: maskBank | maskCard},
		{text: "WeChat ID: ^", neg: true, narrow: maskBank | maskCard},
		{text: "支付宝账号 ^", neg: true, narrow: maskBank | maskCard},
		{text: "帳號：^", mask: maskBank},
		{text: "微信：^", absent: true},
		// A record's id is no phone or card number; an ID document's words are longer.
		{text: "任務ID：^", neg: true, narrow: maskPhone | maskCard},
		{text: "用戶ID：^", neg: true, narrow: maskPhone | maskCard},
		{text: "Task: ^", neg: true, narrow: maskPhone | maskCard},
		{text: "Approval ^", neg: true, narrow: maskPhone | maskCard},
		{text: "审批 ^", neg: true, narrow: maskPhone | maskCard},
		{text: "任務編號：^", neg: true},
		{text: "ID card ^", mask: maskIDCard},
		{text: "ID No. ^", mask: maskIDCard},
		{text: "身份證ID：^", neg: true, narrow: maskPhone | maskCard},
		{text: "HKID ^", mask: tHKID.mask()},
		{text: "Paid ^", absent: true},
		// A word inside an HTML tag is markup.
		{text: "第一行<br>^", absent: true},
		{text: "Line one<br/>^", absent: true},
		{text: `<span title="BR">^`, absent: true},
		{text: "<b>BR</b> ^", mask: tHKBR.mask(), indirect: false},
		{text: "a < b BR ^", mask: tHKBR.mask()},
		{text: `<a href="tel:^`, mask: maskPhone}, // the candidate's own tag`
		// A table's label cell labels the value cell after it; a header or a cell further
		// back does not.
		{text: "| Ref | ^", neg: true},
		{text: "| User ID | ^", neg: true},
		{text: "| Version | ^", neg: true, ver: true},
		{text: "| 合同編號 | ^", neg: true},
		{text: "| 電話號碼 | ^", mask: maskPhone},
		{text: "| Ref | Remarks | ^", absent: true},
		{text: "| Ref | 123 | ^", absent: true},
		{text: "| Version |\n| ^", absent: true},
		{text: "| 訂單已完成 | ^", absent: true},
	}
	for _, tt := range tests {
		i := 0
		for i < len(tt.text) && tt.text[i] != '^' {
			i++
		}
		text := []byte(tt.text[:i] + tt.text[i+1:])
		r := nearestContext(text, i)
		if tt.absent {
			if r.found {
				t.Errorf("%q: want no context, got %+v", tt.text, r)
			}
			continue
		}
		narrow := tt.narrow
		if tt.neg && narrow == 0 {
			narrow = maskAll
		}
		if !r.found || r.mask != tt.mask || r.neg != tt.neg || r.ver != tt.ver || r.money != tt.money || r.direct == tt.indirect ||
			r.negMask != narrow {
			t.Errorf("%q: got %+v, want mask=%b neg=%v ver=%v money=%v direct=%v negMask=%b", tt.text, r, tt.mask, tt.neg, tt.ver, tt.money, !tt.indirect, narrow)
		}
	}
}

// TestLabelEndSkipsMarkup: DingTalk markdown and cards wrap labels in ** **, 【】 or [];
// the label word ends before the closing markup (label words are matched by their end).
func TestLabelEndSkipsMarkup(t *testing.T) {
	tests := []struct{ text, upTo string }{
		{"姓名：", "姓名"},
		{"Name :", "Name"},
		{"**地址**：", "**地址"},
		{"__DOB__:", "__DOB"},
		{"【姓名】：", "【姓名"},
		{"「住址」：", "「住址"},
		{"[Address]:", "[Address"},
		{"**：", ""},
	}
	for _, tt := range tests {
		b := []byte(tt.text)
		c := bytes.LastIndexAny(b, ":：")
		if got := string(b[:labelEnd(b, c)]); got != tt.upTo {
			t.Errorf("labelEnd(%q) leaves %q; want %q", tt.text, got, tt.upTo)
		}
	}
}

// TestContextWordsInText: the words above, end to end through ScanText.
func TestContextWordsInText(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text string
		typ  Type   // "" for no finding at all
		want string // the finding's text
	}{
		{"護照編號：E12345678", CNPassport, "E12345678"},
		{"护照编号 K12345678", HKPassport, "K12345678"},
		{"澳門身份證編號：1234567(8)", MOID, "1234567(8)"},
		{"澳門居民身份證編號：5215299(8)", MOID, "5215299(8)"},
		{"居留證號碼：AC01234567", TWID, "AC01234567"},
		{"ARC AC01234567", TWID, "AC01234567"},
		{"统一证号 AC01234567", TWID, "AC01234567"},
		{"arc AC01234567", "", ""},
		{"編號 AC01234567", "", ""},
		{"編號：E12345678", "", ""},
		// Versions after product names are not addresses; addresses after other words are.
		{"dingtalk 7.6.10.1", "", ""},
		{"Chrome 120.0.0.0", "", ""},
		{"Android 13.0.0.1 build", "", ""},
		{"iOS 17.1.2.1", "", ""},
		{"Windows 10.0.0.1", "", ""},
		{"DingTalk login from 10.0.0.1", IPv4, "10.0.0.1"},
		{"Android 手機, IP 192.168.1.20", IPv4, "192.168.1.20"},
		{"Chrome 120.0.0.0, IP 10.1.2.3", IPv4, "10.1.2.3"},
		// A contact person after a label and colon; a surname and title is not a name.
		{"聯絡人：黃美玲", PersonName, "黃美玲"},
		{"联系人：王小明 13800138000", PersonName, "王小明"},
		{"緊急聯繫人：Peter Chan", PersonName, "Peter Chan"},
		{"联络人：李嘉欣", PersonName, "李嘉欣"},
		{"聯絡人：吳太", "", ""},
		{"聯絡人：陳生", "", ""},
		{"聯絡人：歐陽小姐", "", ""},
		{"收款人：李小姐", "", ""},
		{"姓名：陳生", PersonName, "陳生"}, // a given name can be a title's character
		{"聯絡人：人事部", "", ""},
		{"聯絡人：Wing On Trading Limited", "", ""},
		// Approval roles name people too; a post, team or system filling one is no name.
		{"- 报销人：Kelvin 林家豪", PersonName, "Kelvin 林家豪"},
		{"出差人：何詠儀", PersonName, "何詠儀"},
		{"Claimant: Wong Siu Ming", PersonName, "Wong Siu Ming"},
		{"审批人：主管", "", ""},
		{"聯絡人：主管", "", ""},
		{"提交人：系統", "", ""},
		{"同行人：無", "", ""},
		// An EAN-13 from a Hong Kong shop (489…) that happens to pass Luhn is a barcode.
		{"條碼 4899923753447", "", ""},
		{"barcode: 4899923753447", "", ""},
		// A Zoom meeting ID or a QQ number in a phone's shape, prefix and all.
		{"Meeting ID: 852 2823 7418", "", ""},
		{"會議號 852 2823 7418", "", ""},
		{"QQ號：91234567", "", ""},
		{"+852 2823 7418", HKPhone, "+852 2823 7418"},
		// A label glued before its value, and a label of several words before a colon.
		{"聯絡人：Chan Tai-ling ID No.: 310115200002107207", PersonName, "Chan Tai-ling"},
		{"聯絡人：陳偉倫 Call me at 91234567", PersonName, "陳偉倫"},
		{"申請人：Ivy HO https://x.example.com", PersonName, "Ivy HO"},
		{"候選人：吳小明 Mozilla/5.0 (iPhone)", PersonName, "吳小明"},
		{"姓名：Maria de Souza", PersonName, "Maria de Souza"},
		{"姓名：Peter chan", PersonName, "Peter chan"},
		{"客戶姓名：歐陽嘉欣 Order #HK-20251120-0621", PersonName, "歐陽嘉欣"},
		{"申請人：Karen Ip", PersonName, "Karen Ip"},
		// Device, product, journal and postal item numbers in a card's or a phone's shape;
		// the same numbers after words that name a card or a phone.
		{"IMEISV: 3584132699540760", "", ""},
		{"MEID 3584132699540760", "", ""},
		{"Card: 3584132699540760", CreditCard, "3584132699540760"},
		{"EAN-13: 4907374125062", "", ""},
		{"ISBN-10 4907374125062", "", ""},
		{"Visa: 4907374125062", CreditCard, "4907374125062"},
		{"EAN-13: 4907374125062, card 4111 1111 1111 1111", CreditCard, "4111 1111 1111 1111"},
		{"GTIN: 38536546609818", "", ""},
		{"商品編碼：38536546609818", "", ""},
		{"SKU 38536546609818", "", ""},
		{"信用卡：38536546609818", CreditCard, "38536546609818"},
		{"郵件號：5655961689763", "", ""},
		{"邮件号 5655961689763", "", ""},
		{"卡號：5655961689763", CreditCard, "5655961689763"},
		{"ISSN: 4416-6990", "", ""},
		{"國際標準期刊號：4416-6990", "", ""},
		{"Tel: 4416-6990", HKPhone, "4416-6990"},
		// A chat or payment app's account is no bank account; a WeChat or Alipay account
		// that is a phone number stays one.
		{"QQ帳號：628470446", "", ""},
		{"QQ account: 628470446", "", ""},
		{"微信帳號：830660547", "", ""},
		{"WeChat account: 830660547", "", ""},
		{"帳號：628470446", HKBankAccount, "628470446"},
		{"Bank account: 830660547", HKBankAccount, "830660547"},
		{"微信帳號：13812345678", CNMobile, "13812345678"},
		{"WeChat ID: 13812345678", CNMobile, "13812345678"},
		{"QQ帳號：13812345678", "", ""},
		// A record's id is no phone or card number; an ID document's is still found.
		{"任務ID：15029903791", "", ""},
		{"Task: 15029903791", "", ""},
		{"Approval: 17860021637", "", ""},
		{"用戶ID：14867385852", "", ""},
		{"審批編號 110101199003077774", "", ""}, // 編號 names the record's number
		{"審批 110101199003077774", CNID, "110101199003077774"},
		{"手機：15029903791", CNMobile, "15029903791"},
		{"Task: call 15029903791", CNMobile, "15029903791"},
		{"ID: A123456(3)", HKID, "A123456(3)"},
		{"身份證ID：A123456(3)", HKID, "A123456(3)"},
		{"ID 11010519491231002X", CNID, "11010519491231002X"},
		{"ID card 11010519491231002X", CNID, "11010519491231002X"},
		{"ID No. 11010519491231002X", CNID, "11010519491231002X"},
		// HTML tags are markup: <br> is no business registration.
		{"第一行<br>12345678", "", ""},
		{"Line one<br/>23456789", "", ""},
		{"BR 12345678", HKBR, "12345678"},
		{"<b>BR</b> 12345678", HKBR, "12345678"},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: "content"}, nil)
		if tt.typ == "" {
			if len(got) > 0 {
				t.Errorf("%q: want nothing, got %s", tt.text, describe(tt.text, got))
			}
			continue
		}
		found := false
		for _, g := range got {
			found = found || g.Type == tt.typ && tt.text[g.Start:g.End] == tt.want
		}
		if !found {
			t.Errorf("%q: want %s %q, got %s", tt.text, tt.typ, tt.want, describe(tt.text, got))
		}
	}
}

// TestLabelledValueEnds: a labelled date of birth or address ends where the next field
// begins, so that neither swallows the next label nor fails as a whole.
func TestLabelledValueEnds(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text string
		typ  Type
		want string
	}{
		{"联系地址： 广东省深圳市南山区文三路227号8栋1207室. 證件號碼： M523953", Address, "广东省深圳市南山区文三路227号8栋1207室"},
		{"Address: No. 88 Keji Road, Nanshan District, Shenzhen. Tel: 13800138000", Address, "No. 88 Keji Road, Nanshan District, Shenzhen"},
		{"地址:北京市朝阳区世纪大道100号1栋308室 - 員工姓名 陳大文", Address, "北京市朝阳区世纪大道100号1栋308室"},
		{"Address: Shop 3 - 5, 18 Nathan Road, Kowloon", Address, "Shop 3 - 5, 18 Nathan Road, Kowloon"},
		{"住址:上海市浦东新区科技园南路278号9栋1207室，居民身份證: 440106197503142690", Address, "上海市浦东新区科技园南路278号9栋1207室"},
		{"Address: Flat 3A, 18 Nathan Road, Kowloon.", Address, "Flat 3A, 18 Nathan Road, Kowloon"},
		{"身份证号码:31010419810121683X Birthday：08-05-1958 手机：14775293052", DateOfBirth, "08-05-1958"},
		{"出生日期：1988-07-14 電話：9123 4567", DateOfBirth, "1988-07-14"},
		{"- **联系地址**：北京市朝阳区世纪大道212号4栋107室 @16658125551", Address, "北京市朝阳区世纪大道212号4栋107室"},
		// A field label after another label's colon or after " | " in a one-line summary.
		{"**備註**：生日 11.09.1963。電郵：a@example.com", DateOfBirth, "11.09.1963"},
		{"麻烦帮忙看一下 | 生日 1979/02/16 | 我電話係 +852-7685-5738", DateOfBirth, "1979/02/16"},
		{"Remarks: DOB 1990-01-02", DateOfBirth, "1990-01-02"},
		// A capitalised label after other words, when the value has the label's shape.
		{"FYI Address: 九龍旺角英皇道361號36樓E室 麻煩你 check 下", Address, "九龍旺角英皇道361號36樓E室"},
		{"送貨地址 新界屯門淘大花園8座25樓G室\nSF 單號 141806759540", Address, "新界屯門淘大花園8座25樓G室"},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: "content"}, nil)
		found := false
		for _, g := range got {
			found = found || g.Type == tt.typ && tt.text[g.Start:g.End] == tt.want
		}
		if !found {
			t.Errorf("%q: want %s %q, got %s", tt.text, tt.typ, tt.want, describe(tt.text, got))
		}
	}
}

// TestLabelledAddressEnds: the full stop of a one-letter abbreviation (N.T., H.K.) belongs
// to an address even at the end of the text, while a sentence's full stop does not; a
// Chinese address ends at its room, so what follows a comma or a space after 室 is not
// taken in, though a comma inside the address is.
func TestLabelledAddressEnds(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, want string
	}{
		{"Address: 18 Sha Tsui Road, Tsuen Wan, N.T.", "18 Sha Tsui Road, Tsuen Wan, N.T."},
		{"Home address: Flat A, 5/F, 88 Nathan Road, Kowloon, H.K.", "Flat A, 5/F, 88 Nathan Road, Kowloon, H.K."},
		{"Address: Flat A, 5/F, 88 Nathan Road, Kowloon, H.K. Tel: 91234567", "Flat A, 5/F, 88 Nathan Road, Kowloon, H.K."},
		{"Address: Flat A, 5/F, 88 Nathan Road, Kowloon.", "Flat A, 5/F, 88 Nathan Road, Kowloon"},
		{"Address: Flat A, 5/F, 88 Nathan Road, Kowloon,", "Flat A, 5/F, 88 Nathan Road, Kowloon"},
		{"病人： 林嘉欣，Home address：浙江省杭州市西湖区世纪大道165号20栋1603室，流程 PROC-7A1C44", "浙江省杭州市西湖区世纪大道165号20栋1603室"},
		{"地址:北京市朝阳区世纪大道100号1栋308室 員工姓名 - 司徒小明", "北京市朝阳区世纪大道100号1栋308室"},
		{"地址：香港九龍旺角彌敦道100號，5樓A室，近地鐵站", "香港九龍旺角彌敦道100號，5樓A室"},
		{"地址：香港九龍旺角彌敦道100號 5樓A室", "香港九龍旺角彌敦道100號 5樓A室"},
		// An English address ends at the full-width comma the typist goes on with; a
		// Chinese one at its room, whatever follows the space.
		{"住址：Flat B, 30/F, 95 Tai Po Road, Mong Kok, Kowloon，asap 唔該", "Flat B, 30/F, 95 Tai Po Road, Mong Kok, Kowloon"},
		{"住址：香港北角嘉湖山莊1座35樓B室 credit card on file", "香港北角嘉湖山莊1座35樓B室"},
		{"Address: Room 417, Block 10, Lok Fu Estate, Causeway Bay, HK. contact me", "Room 417, Block 10, Lok Fu Estate, Causeway Bay, HK"},
		// Past a full-width comma only into more of the address: not into the next field.
		{"地址：新界沙田沙田正街888號11樓A座，單號 SF2907846725429", "新界沙田沙田正街888號11樓A座"},
		{"地址：九龍旺角彌敦道100號，電話 9123 4567", "九龍旺角彌敦道100號"},
		{"地址：香港九龍，旺角彌敦道100號5樓", "香港九龍，旺角彌敦道100號5樓"},
		{"地址：九龍旺角彌敦道100號，請於 3 月 1 日前寄出", "九龍旺角彌敦道100號"},
		// A changed address and "is" after a Chinese label.
		{"離職後聯絡：(852) 93247040，新地址 深水埗石硤尾邨美如樓803室，請寄 MPF 文件。", "深水埗石硤尾邨美如樓803室"},
		{"新地址 Room 704, 7/F, 784 Prince Edward Road West, Prince Edward, Kowloon，請寄 MPF 文件。",
			"Room 704, 7/F, 784 Prince Edward Road West, Prince Edward, Kowloon"},
		{"員工自述：住址為新界荃灣青山公路728號海景大廈38樓H室，緊急聯絡人曾英麗（電話6580 1376）。", "新界荃灣青山公路728號海景大廈38樓H室"},
		{"New address: Flat A, 5/F, 88 Nathan Road, Kowloon", "Flat A, 5/F, 88 Nathan Road, Kowloon"},
		{"新地址 待定，電話 9123 4567", ""},
		// An English address ends with its region: what follows is not more of it.
		{"Address: Flat B, 39/F, 98 Marsh Road, Lai King, N.T., please update payroll.", "Flat B, 39/F, 98 Marsh Road, Lai King, N.T."},
		{"住址：Flat D, 4/F, 133 King's Road, Mong Kok, Kowloon cc ka.ming@example.hk", "Flat D, 4/F, 133 King's Road, Mong Kok, Kowloon"},
		{"地址：252 Lockhart Road, 5/F Flat C, Mong Kok, Kowloon 57% done", "252 Lockhart Road, 5/F Flat C, Mong Kok, Kowloon"},
		{"Address: Room 9, 7/F, 7 Rose Path, Wah Fu, Hong Kong Island, thanks", "Room 9, 7/F, 7 Rose Path, Wah Fu, Hong Kong Island"},
		// Unless another region or the name of a district follows.
		{"Address: Flat 3, 12 Kwun Tong Road, Kowloon Bay, Kowloon, Hong Kong", "Flat 3, 12 Kwun Tong Road, Kowloon Bay, Kowloon, Hong Kong"},
		{"Address: Unit 3, Hong Kong Plaza, 188 Connaught Road West, HK", "Unit 3, Hong Kong Plaza, 188 Connaught Road West, HK"},
		{"Address: 3 Nathan Road, Kowloon, Hong Kong, China", "3 Nathan Road, Kowloon, Hong Kong, China"},
		{"地址為準，以 2024 年版本", ""},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: "content"}, nil)
		var addrs []string
		for _, g := range got {
			if g.Type == Address {
				addrs = append(addrs, tt.text[g.Start:g.End])
			}
		}
		if tt.want == "" && len(addrs) > 0 || tt.want != "" && (len(addrs) != 1 || addrs[0] != tt.want) {
			t.Errorf("%q: want address %q, got %s", tt.text, tt.want, describe(tt.text, got))
		}
	}
	for _, b := range []string{"N.T.", "a H.K.", "x.K."} {
		if !initialDot([]byte(b), len(b)-1) {
			t.Errorf("initialDot(%q) = false", b)
		}
	}
	for _, b := range []string{"Kowloon.", "Rd.", "5.", "."} {
		if initialDot([]byte(b), len(b)-1) {
			t.Errorf("initialDot(%q) = true", b)
		}
	}
}

// labelByLast and labelByFirst index labelWords with uint8: more words would wrap around.
func TestLabelWordsIndexable(t *testing.T) {
	if len(labelWords) > 256 {
		t.Fatalf("%d label words: labelByLast and labelByFirst need wider indexes", len(labelWords))
	}
}
