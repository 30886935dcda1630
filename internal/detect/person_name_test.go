package detect

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func init() {
	register(recognizerCases{typ: PersonName, naturalKey: "realName",
		tp: []tcase{
			{text: "Hi 陳大文，你的請假已批核", key: "content", want: "陳大文"},
			{text: "聯絡人Chan Tai Man", key: "content", want: "Chan Tai Man"}, // Latin, glued
			{text: "Hey Grace Lee, thanks!", key: "content", want: "Grace Lee"},
			{text: "@陳大文 請審批", key: "content", want: "陳大文"}, // a DingTalk @mention
			{text: "@李嘉欣請覆核", key: "content", want: "李嘉欣"},
			{text: "姓名陳大文已提交", key: "remark", want: "陳大文"},
			{text: "Attn: Chan Tai Man，謝謝", key: "remark", want: "Chan Tai Man"},
			// A name the sentence runs on from, and two characters glued to a label.
			{text: "姓名：陳大文已提交", key: "remark", want: "陳大文"},
			{text: "申請人：張偉於3月1日入職", key: "remark", want: "張偉"},
			{text: "姓名張偉", key: "remark", want: "張偉"},
			{text: "姓名張偉，電話9123 4567", key: "remark", want: "張偉"},
			{text: "Name of employee: Ho Ka Lok", key: "remark", want: "Ho Ka Lok"},
			{text: "Approved by Wong Siu Ming on 18 Mar", key: "remark", want: "Wong Siu Ming"},
			{text: "Please contact Chan Tai Man, HR", key: "remark", want: "Chan Tai Man"},
			{text: "黃美玲", key: "emergencyContact"},
			{text: "陳大文", key: "name"},
			{text: "黃美玲", key: "value", label: "sys06-urgentContactsName"},
			{text: "CHAN, Tai Man", key: "label", label: "sys02-realName"},
			{text: "Peter Chan", key: "英文名"},
			{text: "- 姓名：李嘉欣 Grace Lee\n- 手機", key: "text", want: "李嘉欣 Grace Lee"},
			{text: "姓名：陳大文A123456(3)", key: "remark", want: "陳大文"}, // glued to an HKID
			{text: "姓名：李嘉欣 K382716A", key: "remark", want: "李嘉欣"},  // an ID word after the name
			{text: "Name: Grace Lee", key: "text", want: "Grace Lee"},
			{text: "陳大文", key: "senderNick"},
			{text: "歐陽娜娜", key: "name"},
			{text: "Peter Chan", key: "name"},
			{text: "黃志明", key: "displayName"},
			{text: "Wong Siu Ming", key: "name_en"},
			{text: "陳大文", key: "applicant"},
			{text: "Peter Chan", key: "linkman"},
			{text: "艾力·買買提", key: "realName"},
			{text: "陳大文", key: "value", label: "sys00-name"},
			{text: "Maria Santos", key: "name"},
			// A label and colon name a person in free text, also under a message title.
			{text: "#### 薪酬通知\n- 姓名：周寶儀 Fiona Chan\n- 電話：9123 4567", key: "text", label: "薪酬通知", want: "周寶儀 Fiona Chan"},
			// The value ends at the next field: a sentence stop, a spaced dash or another
			// label's colon.
			{text: "Tel: (852)56564615. Name: 趙偉. Taiwan ID： A123456789", key: "content", want: "趙偉"},
			{text: "Name: Peter Chan. Tel: 9123 4567", key: "content", want: "Peter Chan"},
			{text: "Applicant: 陳大文 - Tel 9123 4567", key: "content", want: "陳大文"},
			{text: "收款人：Jessica Ho 護照號碼：H12345678", key: "content", want: "Jessica Ho"},
			{text: "Contact person:LEE Jessica 住址 新界將軍澳唐德街6號", key: "content", want: "LEE Jessica"},
			{text: "姓名：Peter 陳淑芬", key: "content", want: "Peter 陳淑芬"},
			{text: "Name: Peter C. Chan", key: "content", want: "Peter C. Chan"},
			// A label may follow a value that ends in a letter (a China ID's X).
			{text: "身份证号码:31010419810121683X 姓名：王小明", key: "content", want: "王小明"},
			{text: "ID 31010419810121683X Name: Wong Siu Ming", key: "content", want: "Wong Siu Ming"},
			// A role and a qualifier before Name; a Yida member picker's names.
			{text: "蔡家詩", key: "operatorDisplayName"},
			{text: "Au Yeung Lok Tak", key: "value", label: "拜訪客戶"},
			{text: "Yeung Cheuk Chun", key: "employeeField_6gk7zx5b"},
			{text: "馮輝穎 Michelle", key: "employeeField_6gk7zx5b"},
			// Prose cues: an interview's candidate, a contact, a closing, a receiver.
			{text: "Interview: Fanny Poon (Sales Executive)", key: "summary", want: "Fanny Poon"},
			{text: "面試 - 麥晴文", key: "summary", want: "麥晴文"},
			{text: "Please contact 岑國子 at 18547165820 before delivery.", key: "remark", want: "岑國子"},
			{text: "Regards,\nKenneth Mak Man Ling\nMobile: 0086-16696707786", key: "remark", want: "Kenneth Mak Man Ling"},
			{text: "出貨前請致電收貨人 李秀玲 63384293，地址：香港北角英皇道490號", key: "remark", want: "李秀玲"},
			{text: "收款帳戶：滙豐 701-042170-988，戶口名稱 FUNG Chun Sze。", key: "remark", want: "FUNG Chun Sze"},
			{text: "住址已更新，緊急聯絡人曾英麗（電話6580 1376）。", key: "remark", want: "曾英麗"},
			{text: "Attendees: 曾詠晴 <ptsang@example.com>; Wong Ho Keung <hk.wong@example.com>", key: "description", want: "Wong Ho Keung"},
		},
		fp: []tcase{
			{text: "Hi all, the office is closed", key: "content"},
			{text: "Hi Ivy, see you", key: "content"}, // a given name alone
			{text: "@所有人 開會", key: "content"},
			{text: "@財務部 請跟進", key: "content"},
			{text: "Attention: all staff", key: "remark"},
			// A red-team pass over this session's rules (false alarms, fixed).
			{text: "Attn: Accounts Payable", key: "remark"},
			{text: "申請人IT Helpdesk", key: "remark"},
			{text: "Reviewed by Kwun Tong", key: "remark"},
			{text: "負責人周五", key: "remark"},
			{text: "申請人陳述", key: "remark"},
			{text: "聯絡人周年晚會", key: "remark"},
			{text: "員工 周年晚宴", key: "content"},
			{text: "陪同母親 黃昏 散步", key: "content"},
			{text: "Mother: Hong Kong", key: "remark"},
			{text: "姓名：同上", key: "remark"},
			{text: "Name of applicant: Same as above", key: "remark"},
			{text: "聯繫人關係", key: "remark"},
			{text: "姓名欄位", key: "remark"},
			{text: "審批人：王經理已批", key: "remark"},
			{text: "Approved by Finance Department on 18 Mar", key: "remark"},
			{text: "母親", key: "emergencyContact"},
			{text: "財務", key: "name"},
			{text: "黃金組", key: "name"},
			{text: "Senior Accounting Officer", key: "name"},
			{text: "請假事由", key: "name"},
			{text: "中環皇后大道中1號", key: "displayName"},
			{text: "2024年報.pdf", key: "displayName"},
			{text: "本人", key: "realName"},
			{text: "N/A", key: "nick"},
			{text: "PENDING", key: "contactName"},
			{text: "父親", key: "urgentContactsName"},
			{text: "陳大文", key: "title"},
			{text: "chantaiman", key: "userName"},
			{text: "File name: report", key: "text"},
			{text: "HR Team", key: "name"},
			{text: "陳大文2", key: "realName"},
			{text: "配偶", key: "value", label: "sys06-urgentContactsRelation"},
			{text: "Leave Request", key: "name"},
			// Bare names in prose have no label: not reported (a message's opening name
			// before 你好 is: TestPersonNameSalutation).
			{text: "蔡國榮：已核實", key: "remark"},
			// The slot holds only the next label; a word of a longer phrase is no label.
			{text: "Name: Tel: n/a", key: "content"},
			{text: "File name: Peter Chan.pdf", key: "content"},
			{text: "Peter Chan 2 Name: report", key: "content"},
			// An approval node or a post is not a person, whatever key holds it.
			{text: "財務審批", key: "showName"},
			{text: "經理覆核", key: "showName"},
			{text: "人事會簽", key: "realName"},
			{text: "高級會計", key: "displayName"},
			{text: "面試 - 高級會計", key: "summary"},
			{text: "Interview: Senior Developer", key: "summary"},
			{text: "Please contact HR for details", key: "remark"},
			{text: "Regards,\nHR Department", key: "remark"},
			{text: "聯絡人王經理", key: "remark"},
			{text: "Sha Tin Centre Street", key: "employeeField_6gk7zx5b_id"},
			{text: "新界五金製品廠有限公司", key: "value", label: "拜訪客戶"},
		},
	})
}

func TestPersonNameCases(t *testing.T) { runCases(t, PersonName) }

// TestPersonNameRolesAndOrganisations: role-scoped keys and labels report a person's name;
// a firm or team under a role label or the overloaded name key does not.
func TestPersonNameRolesAndOrganisations(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key, label, want string // want "" = nothing
	}{
		{"何志明", "creator_name", "", "何志明"},
		{"Peter Chan", "approverName", "", "Peter Chan"},
		{"何志明", "value", "出差人", "何志明"},
		{"HO, Chi Ming", "value", "英文姓名（與護照相同）", "HO, Chi Ming"},
		{"是", "value", "是否本人", ""},
		{"同意", "value", "審批人", ""},
		{"財務部", "value", "審批人", ""},
		{"Wing On Trading Limited", "name", "", ""},
		{"Wing On Trading Limited", "value", "收款人", ""},
		{"HR Team", "realName", "", ""},
		{"收款人：Wing On Trading Limited", "remark", "", ""},
		{"收款人：林嘉慧，帳號 024-123-456789-001", "remark", "", "林嘉慧"},
		{"**客戶姓名**：梁美華\n**電話**：9321 6547", "text", "", "梁美華"},
		{"【姓名】：周寶儀", "content", "", "周寶儀"},
		{"病人：鄭美琪 Maggie Cheng，出生日期：1975-06-21", "description", "", "鄭美琪 Maggie Cheng"},
		{"Applicant: Kelvin Lau", "text", "", "Kelvin Lau"},
		{"Payee: HSBC Bank", "text", "", ""},
		{"申請人：本公司", "remark", "", ""},
		// A CRM customer is a person (DingTalk's personal customers) or a firm: the name
		// must look like a person's, as under the overloaded name key.
		{"黃美玲", "customer_name", "", "黃美玲"},
		{"Mary Cheung", "customerName", "", "Mary Cheung"},
		{"Szeto Hoi Keung", "clientName", "", "Szeto Hoi Keung"},
		{"ABC 貿易有限公司", "customer_name", "", ""},
		{"Kowloon Property Agency Ltd", "customerName", "", ""},
		{"Victoria Dental Clinic", "customer_name", "", ""},
		{"澳門新口岸豐盛貿易行", "client_name", "", ""},
	}
	for _, tt := range tests {
		names := personNames(s, tt.text, Field{Key: tt.key, Label: tt.label})
		switch {
		case tt.want == "" && len(names) > 0:
			t.Errorf("%q key=%q label=%q: want no name, got %q", tt.text, tt.key, tt.label, names)
		case tt.want != "" && (len(names) != 1 || names[0] != tt.want):
			t.Errorf("%q key=%q label=%q: want %q, got %q", tt.text, tt.key, tt.label, tt.want, names)
		}
	}
}

// TestPersonNameForms: how names are written in Hong Kong rosters and user records —
// an English name in brackets, a space after the surname, hyphenated surnames and given
// names, interpunct names, a single English given name — and what stays out.
func TestPersonNameForms(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key, label, want string // want "" = nothing
	}{
		// The other name in brackets: the whole value is the name.
		{"陳明嘉（Mary）", "name", "", "陳明嘉（Mary）"},
		{"陳明嘉 (Mary Chan)", "nick", "", "陳明嘉 (Mary Chan)"},
		{"陳大文（Peter）", "value", "sys00-name", "陳大文（Peter）"},
		{"Peter Chan (陳大文)", "name", "", "Peter Chan (陳大文)"},
		{"諸葛小曉（Fiona）", "name", "", "諸葛小曉（Fiona）"},
		// After a label the value reader (context.go) takes a bracketed other name along,
		// as under a name key; a post, a note or an ID in the bracket stays out.
		{"姓名：陳明嘉（Mary），電話 9123 4567", "remark", "", "陳明嘉（Mary）"},
		{"Name: Peter Chan (陳大文), Tel 9123 4567", "remark", "", "Peter Chan (陳大文)"},
		{"申請人：陳明嘉 (Mary Chan) 已提交", "remark", "", "陳明嘉 (Mary Chan)"},
		{"姓名：陳明嘉（2024年入職）", "remark", "", "陳明嘉"},
		{"姓名：陳大文（經理）", "remark", "", "陳大文"},
		{"申請人：陳大文（代）", "remark", "", "陳大文"},
		{"Name: Peter Chan (Manager)", "remark", "", "Peter Chan"},
		{"姓名：陳大文（Manager）", "remark", "", "陳大文"},
		{"姓名：陳大文（HR）", "remark", "", "陳大文"},
		{"姓名：陳大文（陳美玲）", "remark", "", "陳大文"},
		{"財務部（HK）", "name", "", ""},
		{"Marketing (Asia)", "name", "", ""},
		{"考勤打卡（Attendance）", "name", "", ""},
		{"陳大文（A123456(3)）", "name", "", ""},
		{"(Mary)", "name", "", ""},
		// A space after the surname.
		{"陳 俊偉", "name", "", "陳 俊偉"},
		{"諸 葛志", "name", "", "諸 葛志"},
		{"歐陽 小明", "nick", "", "歐陽 小明"},
		{"謝 詠", "value", "sys00-name", "謝 詠"},
		{"財務 部", "name", "", ""},
		{"李明 男", "name", "", ""},
		{"行政 人事", "name", "", ""},
		{"陳 大 文", "name", "", ""},
		{"姓名：陳 香港", "remark", "", "陳"},
		// Hyphenated surnames and given names.
		{"Au-Yeung Ka Wai", "name", "", "Au-Yeung Ka Wai"},
		{"AU-YEUNG, Chi-man", "name", "", "AU-YEUNG, Chi-man"},
		{"Fiona Au-Yeung", "name", "", "Fiona Au-Yeung"},
		{"Chan Tai-man", "name", "", "Chan Tai-man"},
		{"Szeto Siu-lok", "name", "", "Szeto Siu-lok"},
		{"AU-YEUNG", "realName", "", "AU-YEUNG"},
		{"Ka-wai", "nick", "", "Ka-wai"},
		{"Check-In Desk", "name", "", ""},
		{"Self-Service Kiosk", "name", "", ""},
		// Interpunct names of minorities and transliterated foreign names.
		{"阿依古麗·艾則孜", "name", "", "阿依古麗·艾則孜"},
		{"迪麗熱巴・迪力木拉提", "name", "", "迪麗熱巴・迪力木拉提"},
		{"買買提•吐爾遜", "name", "", "買買提•吐爾遜"},
		{"釘釘·宜搭", "name", "", ""},
		{"研發中心·深圳", "name", "", ""},
		{"產品·設計部", "name", "", ""},
		// A single English given name under the overloaded `name` key.
		{"Peter", "name", "", "Peter"},
		{"Ivy", "name", "", "Ivy"},
		{"IVY", "name", "", "IVY"},
		{"Finance", "name", "", ""},
		{"Approval", "name", "", ""},
		{"Admin", "name", "", ""},
		{"Summer", "name", "", ""},
		{"peter", "name", "", ""},
		{"Peter Pan Limited", "name", "", ""},
	}
	for _, tc := range tests {
		names := personNames(s, tc.text, Field{Key: tc.key, Label: tc.label})
		switch {
		case tc.want == "" && len(names) > 0:
			t.Errorf("%q under %s/%s: got name %q, want none", tc.text, tc.key, tc.label, names)
		case tc.want != "" && (len(names) != 1 || names[0] != tc.want):
			t.Errorf("%q under %s/%s: got %q, want %q", tc.text, tc.key, tc.label, names, tc.want)
		}
	}
}

// TestNameLengthNote: a labelled name takes a bracketed other name with it, nothing else.
func TestNameLengthNote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"陳明嘉（Mary），電話", "陳明嘉（Mary）"},
		{"陳明嘉 (Mary Chan) Tel", "陳明嘉 (Mary Chan)"},
		{"陳明嘉（2024年入職）", "陳明嘉"},
		{"陳明嘉 (HKID A123456(3))", "陳明嘉"},
		{"陳明嘉（Mary", "陳明嘉"},
		{"財務部（HK）", "財務部"},
		{"陳大文（經理）", "陳大文"},
		{"陳大文（Manager）", "陳大文"},
		{"Peter Chan (Manager)", "Peter Chan"},
		{"Peter Chan (陳大文)", "Peter Chan (陳大文)"},
	} {
		if got := tc.in[:nameLength([]byte(tc.in))]; got != tc.want {
			t.Errorf("nameLength(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestApprovalTitleName: under the approval title label (FieldOf sets it) only the head of
// "<originator>提交的<form>" is a name; the same text under a name key or a plain title is
// no title.
func TestApprovalTitleName(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	title := Field{Key: "title", Label: approvalTitleLabel}
	for _, tc := range []struct {
		text string
		f    Field
		want []string
	}{
		{"陳大文提交的請假", title, []string{"person_name:陳大文"}},
		{"  Chan Tai Man提交的報銷 ", title, []string{"person_name:Chan Tai Man"}},
		{"阿依古麗·艾則孜提交的出差申請", title, []string{"person_name:阿依古麗·艾則孜"}},
		{"陳大文提交的請假（HKID A123456(3)）", title, []string{"person_name:陳大文", "hkid:A123456(3)"}},
		{"彭敏卓發起的請假申請", title, []string{"person_name:彭敏卓"}},
		{"陈大文发起的费用报销", title, []string{"person_name:陈大文"}},
		{"財務部發起的報銷", title, nil},
		{"發起的請假", title, nil},
		{"財務部提交的報銷", title, nil},
		{"行政組提交的採購申請", title, nil},
		{"財務提交的報銷", title, nil},
		{"Gigi HO提交的報銷", title, []string{"person_name:Gigi HO"}},
		{"Admin Team提交的報銷", title, nil},
		{"請假", title, nil},
		{"陳大文的請假", title, nil},
		{"年假申請提交的", title, nil},
		{"陳***提交的請假", title, nil},
		{"陳大文提交的請假", Field{Key: "title"}, nil},
		{"陳大文提交的請假", Field{Key: "originatorNickName"}, nil},
	} {
		got := typeSpans(tc.text, s.ScanText([]byte(tc.text), &tc.f, nil))
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q under %+v: got %q, want %q", tc.text, tc.f, got, tc.want)
		}
	}
}

// TestPersonNameCues: names after the words that introduce a person in prose (an
// interview, a contact, a letter's closing, a receiver, an account's name, an emergency
// contact, a list of attendees with their addresses) are read as strictly as after a label
// without a colon: a surname or a known given name, no organisation word, no post.
func TestPersonNameCues(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Interview: Kelvin Shum Kin Tsz (Sales Executive)", []string{"Kelvin Shum Kin Tsz"}},
		{"面試 - 胡大", []string{"胡大"}},
		{"面试：陈大文", []string{"陈大文"}},
		{"Interview: Q3 planning", nil},
		{"面試 - 第二輪", nil},
		{"面試 - 高級會計", nil},
		{"Please contact Chu Kwok Yan at (+852) 9836 4041 or ky.chu@example.com", []string{"Chu Kwok Yan"}},
		{"Please contact us at 2123 4567", nil},
		{"Please contact the hotline 2123 4567", nil},
		{"Please contact Customer Service at 2123 4567", nil},
		{"Best regards,\nPang Wing Mei\nMobile: 6419 8423", []string{"Pang Wing Mei"}},
		{"Thanks.\nRegards,\nPeter Wong\nTel: 9123 4567", []string{"Peter Wong"}},
		{"Regards,\nDingTalk Team\nTel: 9123 4567", nil},
		{"Regards, Peter Chan", nil}, // the closing's line goes on: not a signature
		{"Regards\nKenneth 0", nil},  // the whole line is the name, of two words or more
		{"Regards,\nPeter\nTel: 9123 4567", nil},
		{"出貨前請致電收貨人 張秀恩 13980270601", []string{"張秀恩"}},
		{"請通知申請人 盡快處理", nil},
		{"收貨人 請於 3 日內簽收", nil},
		{"戶口名稱 岑明麗。", []string{"岑明麗"}},
		{"戶口名稱 Wing On Trading Limited。", nil},
		{"員工自述：住址為九龍太子太子道西570號14樓A座，緊急聯絡人劉雅欣（電話6545-6642）。", []string{"劉雅欣"}},
		{"緊急聯絡人陳太（電話6545-6642）", nil},
		{"聯絡人：陳太 aAA", nil}, // a title after the surname, whatever follows
		{"聯絡人資料已更新 6545-6642", nil},
		{"姓名是陳大文，電話 9123 4567", []string{"陳大文"}},
		{"Attendees: 曾詠晴 <ptsang@example.com>; Wong Ho Keung <hk.wong@example.com>; 麥慧強 <t@example.com>",
			[]string{"曾詠晴", "Wong Ho Keung", "麥慧強"}},
		{"與會者：陳大文 <tm@example.com>、Grace Lee <g@example.com>", []string{"陳大文", "Grace Lee"}},
		{"Attendees: HR Team <hr@example.com>; IT Support <it@example.com>", nil},
		{"<a@example.com>, Project Room 3 <b@example.com>", nil},
	} {
		got := personNames(s, tc.text, Field{Key: "remark"})
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: names %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestStepOrPostEndCoversWords: the switch in stepOrPostEnd lets through the last
// character of every workflow step and post word, and rankStart the first of every rank.
func TestStepOrPostEndCoversWords(t *testing.T) {
	for _, w := range strings.Fields(workflowSteps + " " + postWords) {
		r := []rune(w)
		if !stepOrPostEnd(r[0], r[1]) && !rankStart([2]rune{r[0], r[1]}) {
			t.Errorf("%q: neither stepOrPostEnd nor rankStart", w)
		}
	}
}

// TestDecodeRune: decodeRune agrees with utf8.DecodeRune on every lead byte and on
// truncated and invalid forms.
func TestDecodeRune(t *testing.T) {
	for _, s := range []string{"陳", "大文", "€", "\xed\xa0\x80", "\xe0\x80\xaf", "\xe4\xb8", "\xe4\x41\x80", "a", "", "\U0001F600", "\uffff"} {
		b := []byte(s)
		r1, n1 := decodeRune(b)
		r2, n2 := utf8.DecodeRune(b)
		if r1 != r2 || n1 != n2 {
			t.Errorf("decodeRune(%q) = %U %d, utf8 %U %d", s, r1, n1, r2, n2)
		}
	}
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0x70; c1 <= 0xC0; c1 += 0x08 {
			b := []byte{byte(c0), byte(c1), 0x80}
			r1, n1 := decodeRune(b)
			r2, n2 := utf8.DecodeRune(b)
			if r1 != r2 || n1 != n2 {
				t.Errorf("decodeRune(% x) = %U %d, utf8 %U %d", b, r1, n1, r2, n2)
			}
		}
	}
}

// TestOrgWordShape checks that orgShape, the prefilter of orgWord, lets every org word
// through in any case and with its trailing full stop or comma.
func TestOrgWordShape(t *testing.T) {
	for w := range orgWords {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + ".", w + ","} {
			if !orgWord([]byte(v)) {
				t.Errorf("orgWord(%q) = false", v)
			}
		}
	}
	for _, v := range []string{"Chan", "Peter", "Lee", "co", "", "l", "Banks", "bank's"} {
		if orgWord([]byte(v)) {
			t.Errorf("orgWord(%q) = true", v)
		}
	}
}

// TestPersonNameHonorific: a Chinese name glued to a title (陳大文先生) is the name without
// the title, under a name key, after a label and in running text; a surname and a title
// alone is an address, and the titles inside other words, after a measure word or after a
// verb and a surname name no one.
// TestPersonNameSalutation: a letter's salutation names the person up to its comma, when
// the name is a full one; groups, a first name alone and a title with a surname are not
// reported, nor "dear" inside a sentence. So do a message's opening name before 你好 and a
// remark's first clause when it is a full Latin name — and no place or team.
func TestPersonNameSalutation(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Dear Nga Ting Yuen, 請核對資料", []string{"Nga Ting Yuen"}},
		{"Dear Kayden Tan, your leave from 2025-01-10 has been approved.", []string{"Kayden Tan"}},
		{"Dear John Zhu, Your leave is approved", []string{"John Zhu"}},
		{"#### 通知\n- Dear Kayden Tan, your leave has been approved.", []string{"Kayden Tan"}},
		{"Dear 陳大文，請核對資料", []string{"陳大文"}},
		{"Dear Mr Wong Siu Ming,", []string{"Mr Wong Siu Ming"}},
		{"Dear All, the office is closed", nil},
		{"Dear Team,\nplease note", nil},
		{"Dear Valued Customer, thanks", nil},
		{"Dear Sir or Madam,", nil},
		{"Dear HR Team, 請批核", nil},
		{"Dear Mr. Chan, thanks", nil},
		{"Dear Ivy, see you", nil},
		{"Dear colleagues, welcome", nil},
		{"Dear Wong Tai Sin District Council,", nil},
		{"Dear Peter Chan", nil}, // no comma: not a salutation's shape
		{"my dear friend Peter Chan, hi", nil},
		{"Hello Grace Lee, welcome", []string{"Grace Lee"}},
		{"Hi Peter, please call me back", nil},
		{"Hi all, the office is closed", nil},
		// A message's opening name before its greeting.
		{"陳大文 (Peter Chan) 你好：你的強積金登記需補交身份證 A123456(3) 副本", []string{"陳大文 (Peter Chan)"}},
		{"李嘉欣你好，請核對資料", []string{"李嘉欣"}},
		{"周寶儀 您好：", []string{"周寶儀"}},
		{"Peter Chan 你好，", []string{"Peter Chan"}},
		{"陳先生你好，請核對資料", nil},
		{"大家好，今日開會", nil},
		{"各位同事你好，", nil},
		{"你好，請問幾時開會", nil},
		// A remark's opening name, its first clause.
		{"Peter Chan；HKID A123456(3) 已核實；緊急聯絡人 陳太 6123 4567", []string{"Peter Chan"}},
		{"Grace Lee 李嘉欣, HKID K382716(A), 銀行戶口 004-512-345678-838", []string{"Grace Lee 李嘉欣"}},
		{"Sha Tin；3/F meeting room 2", nil},
		{"Wong Tai Sin, 2 staff on leave", nil},
		{"Annual Leave, 3 days", nil},
		{"Sales Team；Q3 target 120%", nil},
		{"Mr. Chan；call back 5pm", nil},
		{"Peter Chan", nil},
		{"Peter Chan；", nil},
		{"Hi Wai, 補交 Taiwan ID H245044273", nil},
		// Places and Hong Kong's best-known firms read like names: none is one.
		{"Dear Tsuen Wan, new promo.", nil},
		{"Hello Tai Po, 今日新貨到，請點收。", nil},
		{"Wong Tai Sin 你好：巡店", nil},
		{"Dear Lee Kum Kee, please confirm the order.", nil},
		{"Chow Tai Fook；display case repair", nil},
		{"Dear Tai Cheong Bakery, 蛋撻訂單", nil},
		{"Lee Garden Two, 33 Hysan Avenue", nil},
		{"Thanks Peter Chan, 已收到 HK$300", nil},
	} {
		got := personNames(s, tc.text, Field{Key: "content"})
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: names %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestPersonNameHonorific(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		key, text string
		want      []string
	}{
		{"name", "陳大文先生", []string{"陳大文"}},
		{"realName", "歐陽小明女士", []string{"歐陽小明"}},
		{"name", "王先生", []string{"王先生"}}, // as before: the key's whole value
		{"remark", "聯絡人：陳大文先生", []string{"陳大文"}},
		{"remark", "聯絡人：王先生", nil},
		{"remark", "致陳大文先生：", []string{"陳大文"}},
		{"remark", "客戶黃志強先生來電查詢", []string{"黃志強"}},
		{"remark", "明天由張偉先生負責", []string{"張偉"}},
		{"content", "Dear 李美玲小姐，你好", []string{"李美玲"}},
		{"remark", "請交給司徒大文太太", []string{"司徒大文"}},
		{"remark", "歐陽小明女士的申請", []string{"歐陽小明"}},
		{"remark", "夏侯昊強先生已到", []string{"夏侯昊強"}},
		{"remark", "多謝陳大文先生的幫忙", []string{"陳大文"}},
		{"remark", "謝志偉先生明天到", []string{"謝志偉"}},
		{"remark", "經理任陳偉先生會出席", []string{"陳偉"}},
		{"remark", "主任金明先生會出席", []string{"金明"}},
		{"remark", "李陳美玲女士已簽收", []string{"李陳美玲"}},
		{"remark", "陳大文先生同黃美玲小姐", []string{"陳大文", "黃美玲"}},
		// Surname and title: an address, not a name.
		{"remark", "多謝陳先生同李小姐", nil},
		{"remark", "明天王先生會來", nil},
		{"remark", "本周陳先生會來", nil},
		{"remark", "向湯先生匯報一下", nil},
		// "Ladies'", "men's" before a product, and shops and brands after a cue.
		{"productName", "韓版女士手袋八折", nil},
		{"content", "成熟女士外套系列", nil},
		{"remark", "車長先生提醒乘客", nil},
		{"title", "客戶周大福的合約到期", nil},
		{"text", "客戶李錦記的訂單", nil},
		{"remark", "客戶黃金會籍的年費", nil},
		{"remark", "同事高鐵出差的報銷", nil},
		{"remark", "新同事張鈺軒（Gladyce So）下星期一入職", []string{"張鈺軒", "Gladyce So"}},
		{"remark", "陳先生太太都會出席", nil},
		{"remark", "張生太太今日到", nil},
		// Titles inside other words, after a measure word or a demonstrative.
		{"remark", "王明首先生成報告然後發送", nil},
		{"remark", "請預先生產一批樣本", nil},
		{"remark", "此設定會優先生效", nil},
		{"remark", "她是陳家大小姐呢", nil},
		{"remark", "空中小姐的工作很辛苦", nil},
		{"remark", "各位女士各位先生大家好", nil},
		{"remark", "這位先生請留步好嗎", nil},
		{"remark", "剛才有一位太太來過", nil},
		{"remark", "關于先生的事情", nil},
		{"remark", "房東太太今日來收租", nil},
		{"remark", "司機先生請等一等", nil},
		{"remark", "司令夫人今日到訪", nil},
		{"remark", "總統夫人訪問香港", nil},
		{"remark", "華裔小姐選美比賽", nil},
		// Under an id key only the key-proof formats are read.
		{"userid", "客戶黃志強先生來電查詢", nil},
	} {
		got := personNames(s, tc.text, Field{Key: tc.key})
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s=%q: names %q, want %q", tc.key, tc.text, got, tc.want)
		}
	}
}

// TestPersonNameColleagueCustomer: a name glued to or spaced after 同事, a customer's name
// glued to 客戶 before 的, an operator after 經營者 and a contact after 聯絡 are read with
// the strict name test; everyday words after the same cues are not names.
func TestPersonNameColleagueCustomer(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"新同事程明哲（Derick Yip）下星期一入職，HKID: E517760(3)", []string{"程明哲", "Derick Yip"}},
		{"台灣同事 韓昊然 身分證字號 J198708009，需要辦理來港簽注", []string{"韓昊然"}},
		{"客户葛楷瑞的手机号是145 9864 7339", []string{"葛楷瑞"}},
		{"客户常波的手机号是+8618445038863", []string{"常波"}},
		{"个体工商户 统一社会信用代码 92440304504092674G，经营者 孟红", []string{"孟红"}},
		{"聯絡 Osvaldo Kwok on (852) 4620 7207 or email", []string{"Osvaldo Kwok"}},
		{"聯絡 IT Support on 2123 4567", nil},
		{"請假聯絡 laiwah.cheung27@example.org", nil},
		{"客戶關係的管理很重要，請跟進", nil},
		{"客戶查詢的數量上升了很多", nil},
		{"同事張卡的資料已更新了", nil},
		{"同事張卡片已寄出給大家", nil},
		{"客戶陳生的電話是 9123 4567", nil},
		{"客戶王先生的電話是 9123 4567", nil},
		{"同事們的意見已收集", nil},
		{"客戶何時的回覆都可以", nil},
		{"客戶服務主任 Customer Service Officer", nil},
		{"同事之間要互相幫助", nil},
		{"客户习惯的付款方式", nil},
		{"外勤：到客戶 黃志強 公司，電話 9876 5432", nil}, // a customer's firm, maybe
		{"聯絡方式已更新，請查閱", nil},
		{"台灣同事 馬大 身分證字號 F248606719，手機", []string{"馬大"}},
		{"同事 高興 得很", nil},
		{"客戶陳紫文（HKID：E859079(A)）要求更改聯絡電話", []string{"陳紫文"}},
		{"客戶關係部（香港）已更新", nil},
		{"如有急事請致電 66799245 搵我屋企人譚詠國。", []string{"譚詠國"}},
		{"搵我屋企人張卡。", nil},
		{"我屋企人都好擔心", nil},
	} {
		got := personNames(s, tc.text, Field{Key: "remark"})
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: names %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPersonNameLabelledLatinRun: after a Chinese label asking for the name, capitalised
// words filling the field are the whole name whatever the surname; a field's status is not.
func TestPersonNameLabelledLatinRun(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"英文名 Danny Lang；HKID Z482110(7) 已核實", []string{"Danny Lang"}},
		{"英文名 Amara Green-Stiedemann；HKID W4132087 已核實", []string{"Amara Green-Stiedemann"}},
		{"姓名 Danny Lang，電話 9123 4567", []string{"Danny Lang"}},
		{"英文名 William Shiu；HKID Y228916(2) 已核實", []string{"William Shiu"}}, // 邵 Shiu
		{"英文名 Danny Lang Call 9123 4567", []string{"Danny"}},               // not filling the field
		{"英文名 Pending Review；", nil},
		{"英文名 Sales Team；", nil},
		{"Name Tag Printing；urgent", nil},
		{"聯絡人 Danny Lang；", []string{"Danny"}}, // a role: the strict test as before
	} {
		got := personNames(s, tc.text, Field{Key: "remark"})
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: names %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPersonRecordName: the name of a user record (userid and unionid or a job number
// before it) is a person's whatever its surname; an object with only a userid beside its
// name (a salary item, a simple list) keeps the overloaded key's strict test.
func TestPersonRecordName(t *testing.T) {
	e := engine(t)
	for _, tc := range []struct {
		doc  string
		want []string
	}{
		{`{"userid":"u1","unionid":"x","name":"Rosemary Gorczany","title":"Manager"}`, []string{"Rosemary Gorczany"}},
		{`{"userid":"u1","job_number":"HK1","name":"Wade Dibbert"}`, []string{"Wade Dibbert"}},
		{`{"userId":"u1","name":"Tonya Schultz","amount":"1"}`, nil},
		{`{"userid":"u1","unionid":"x","name":"HR Bot"}`, nil},
		{`{"userid":"u1","unionid":"x","name":"Brennon Choy"}`, []string{"Brennon Choy"}},
		{`{"dept_id":1,"name":"Sales Department"}`, nil},
		{`{"name":"Isaiah Choy"}`, []string{"Isaiah Choy"}}, // 蔡 Choy, a known surname now
		// Shared accounts, departments, firms: a record's name that is no person.
		{`{"userid":"u1","unionid":"x","name":"財務部"}`, nil},
		{`{"userid":"u1","unionid":"x","name":"前台 Reception"}`, nil},
		{`{"userid":"u1","unionid":"x","name":"IT Helpdesk"}`, nil},
		{`{"userid":"u1","unionid":"x","name":"Kwun Tong Warehouse"}`, nil},
		{`{"userid":"u1","unionid":"x","name":"Lee Kum Kee"}`, nil},
		{`{"userid":"u1","unionid":"x","name":"付梓妍"}`, []string{"付梓妍"}},
	} {
		var got []string
		if err := e.ScanJSON([]byte(tc.doc), func(r Report) {
			if r.Type == PersonName {
				got = append(got, string(r.Value))
			}
		}); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: names %q, want %q", tc.doc, got, tc.want)
		}
	}
}

// personNames returns the texts of the person names s finds in text under f.
func personNames(s *Scanner, text string, f Field) []string {
	var names []string
	for _, x := range s.ScanText([]byte(text), &f, nil) {
		if x.Type == PersonName {
			names = append(names, text[x.Start:x.End])
		}
	}
	return names
}
