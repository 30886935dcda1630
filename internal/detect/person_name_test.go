package detect

import "testing"

func init() {
	register(recognizerCases{typ: PersonName, naturalKey: "realName",
		tp: []tcase{
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
		},
		fp: []tcase{
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
			// Greetings and bare names in prose have no label: not reported.
			{text: "周寶儀 (Fiona Chan) 你好：請核對資料", key: "text"},
			{text: "Dear Nga Ting Yuen, 請核對資料", key: "content"},
			{text: "蔡國榮：已核實", key: "remark"},
		},
	})
}

func TestPersonNameCases(t *testing.T) { runCases(t, PersonName) }
