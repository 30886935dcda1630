package detect

import "testing"

var (
	digitUSCC    = allDigitUSCC()
	digitOrgUSCC = allDigitOrgUSCC()
)

func init() {
	register(recognizerCases{typ: CNUSCC, naturalKey: "creditCode",
		tp: []tcase{
			{text: "91350100M000100Y43", key: "remark"},
			{text: "统一社会信用代码：91440300MA5D8EXX0P", key: "remark", want: "91440300MA5D8EXX0P"},
			{text: "11100000000013127D", key: "creditCode"},
			{text: "91110108551385082Q", key: "taxNo"},
			{text: "稅號 52440300MJL1172383", key: "remark", want: "52440300MJL1172383"},
			{text: digitUSCC, key: "creditCode"},
			{text: "信用代码 " + digitUSCC, key: "remark", want: digitUSCC},
			// A key holding the code's acronym as a word of its own.
			{text: digitUSCC, key: "customer_uscc"},
			{text: digitUSCC, key: "supplierUSCC"},
			// All digits with the organisation code's mod-11 check right too: a USCC on
			// its own (python-stdnum's 121200004013590816; one built on 91440300).
			{text: "121200004013590816", key: "remark"},
			{text: "客戶 " + digitOrgUSCC, key: "textField_vknbq2z", want: digitOrgUSCC},
			// Digits and a check character X, the shape of a mainland ID's number.
			{text: "91440300100000040X", key: "remark"},
			{text: "91440300100000295X", key: "customer_uscc"},
			{text: "統一社會信用代碼 91440300100000295X", key: "remark", want: "91440300100000295X"},
		},
		fp: []tcase{
			{text: "91350100M000100Y44", key: "remark"},
			{text: "91350100M000100Y43", key: "orderNo"},
			// Mod-31 right, the organisation code's mod-11 wrong: an 18-digit number.
			{text: digitUSCC, key: "remark"},
			{text: "121200004013190817", key: "textField_vknbq2z"},
			{text: digitOrgUSCC, key: "processInstanceId"},
			{text: "審批流水號 " + digitOrgUSCC, key: "remark"},
			{text: digitUSCC, key: "muscc"},             // not the acronym as a word
			{text: "91440300100000295X", key: "remark"}, // the organisation code's check fails
			{text: "91440300100000040x", key: "remark"}, // lower case: a hint needed
			{text: "91350100m000100y43", key: "remark"},
			{text: "Z1350100M000100Y43", key: "creditCode"},
		},
	})
}

func TestCNUSCCCases(t *testing.T) { runCases(t, CNUSCC) }

func TestValidUSCC(t *testing.T) {
	// 91350100M000100Y43 is the example code printed in GB 32100 guides.
	for _, s := range []string{"91350100M000100Y43", "11100000000013127D", digitUSCC} {
		if !ValidUSCC(s) {
			t.Errorf("ValidUSCC(%q) = false", s)
		}
	}
	for _, s := range []string{"", "91350100M000100Y4", "91350100M000100Y42", "01350100M000100Y43", "9135010OM000100Y43"} {
		if ValidUSCC(s) {
			t.Errorf("ValidUSCC(%q) = true", s)
		}
	}
}
