package detect

import "testing"

func init() {
	register(recognizerCases{typ: CNID, naturalKey: "idCardNo",
		tp: []tcase{
			{text: "11010519491231002X", key: "idCardNo"},
			{text: "身份证号：440306198807141238", key: "remark", want: "440306198807141238"},
			{text: "310115199502034563", key: "remark"},
			{text: "810000199001011230", key: "certNo"},
			{text: "82000020010615987X", key: "remark"},
			{text: "830000198508094564", key: "remark"},
			{text: "911000200001011230", key: "remark"},
			{text: "650102197202291119", key: "remark"},
			{text: "11010519491231002x", key: "remark"},
			{text: "440306 19880714 1238", key: "remark"},
			{text: "440300198001011233", key: "value", label: "身份證號碼"},
			{text: "ID card 310115199502034563", key: "text", want: "310115199502034563"},
			{text: "440306198807141238", key: "value", label: "sys02-certNo"},
			{text: cnIDWithCheck("32050220260101123"), key: "remark"},
		},
		fp: []tcase{
			{text: cnIDWithCheck("11010518991231123"), key: "idCardNo"}, // born before 1900
			{text: cnIDWithCheck("99010519800101123"), key: "remark"},   // no such province
			{text: cnIDWithCheck("11000019800101123"), key: "remark"},   // city 00
			{text: "440306198807141239", key: "remark"},                 // wrong check
			{text: "440306198807141238", key: "contract_no"},
			{text: "440306198807141238", key: "businessId"},
			{text: "合同編號 440306198807141238", key: "remark"},
			{text: cnIDWithCheck("32050220261201123"), key: "remark"}, // in the future
			{text: cnIDWithCheck("44030619900230123"), key: "remark"}, // 30 February
			{text: "202503181015000123", key: "remark"},
			{text: "4403061988071412381", key: "remark"},
			{text: "A440306198807141238", key: "remark"},
			{text: "440306198807141238", key: "orderNo"},
			{text: "440306198807141238", key: "remark", number: true},
			{text: "110101********1234", key: "idCardNo"},
		},
	})
}

func TestCNIDCases(t *testing.T) { runCases(t, CNID) }

func TestValidCNID(t *testing.T) {
	// 11010519491231002X is the standard's own example; 440524188001010014 is a widely
	// published one whose check is right but whose 1880 birth year we reject.
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "440306198807141238", " 810000199001011230 "} {
		if !ValidCNID(s) {
			t.Errorf("ValidCNID(%q) = false", s)
		}
	}
	for _, s := range []string{"", "440524188001010014", "11010519491231002Y", "1101051949123100", "1101051949123100XX", "11010519491331002X"} {
		if ValidCNID(s) {
			t.Errorf("ValidCNID(%q) = true", s)
		}
	}
}
