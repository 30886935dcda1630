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
			{text: "440524188001010014", key: "remark"}, // GB 11643's worked example, born 1880
			{text: cnIDWithCheck("11010518991231123"), key: "idCardNo"},
			// A negative word labels the value right after it, not one behind another value.
			{text: "發票 SO201605201687 金額 192778.00 | Updated 500103196805104350 副本", key: "remark", want: "500103196805104350"},
			{text: "工號 HK002766，Updated 440304198502104839", key: "text", want: "440304198502104839"},
			{text: "#### 薪酬通知\n- 身份證：H961313(9)\n補交410105199408243394 副本", key: "text", label: "薪酬通知", want: "410105199408243394"},
			// python-stdnum tests/test_cn_ric.doctest.
			{text: "360426199101010071", key: "remark"},
			{text: "44011320141005001x", key: "idCardNo"},
			{text: "身份证号码：412723199010050012", key: "remark", want: "412723199010050012"},
			// First-generation 15-digit numbers: no check digit, so only under an ID key or word.
			{text: "130503670401001", key: "idCardNo"},
			{text: "身份證 130503670401001", key: "remark", want: "130503670401001"},
			// 編號 ("number") after an ID word is the ID's number, not a reference number.
			{text: "身份證編號：110101199003074477", key: "text", want: "110101199003074477"},
			{text: "身份证编号 110101199003074477", key: "remark", want: "110101199003074477"},
			{text: "證件編號：110101199003074477", key: "text", want: "110101199003074477"},
			{text: "身分證編號 130503670401001", key: "remark", want: "130503670401001"},
			{text: "证件编号：130503670401001", key: "remark", want: "130503670401001"},
		},
		fp: []tcase{
			{text: cnIDWithCheck("11010517991231123"), key: "idCardNo"}, // born before 1800
			{text: cnIDWithCheck("99010519800101123"), key: "remark"},   // no such province
			{text: cnIDWithCheck("11000019800101123"), key: "remark"},   // city 00
			{text: "440306198807141239", key: "remark"},                 // wrong check
			{text: "440306198807141238", key: "contract_no"},
			{text: "440306198807141238", key: "businessId"},
			{text: "合同編號 440306198807141238", key: "remark"},
			{text: "合同編號：440306198807141238", key: "text", label: "薪酬通知"},
			{text: "440306198807141238", key: "value", label: "合同編號"},
			{text: cnIDWithCheck("32050220261201123"), key: "remark"}, // in the future
			{text: cnIDWithCheck("44030619900230123"), key: "remark"}, // 30 February
			{text: "202503181015000123", key: "remark"},
			{text: "4403061988071412381", key: "remark"},
			{text: "A440306198807141238", key: "remark"},
			{text: "440306198807141238", key: "orderNo"},
			{text: "440306198807141238", key: "remark", number: true},
			{text: "110101********1234", key: "idCardNo"},
			// python-stdnum: bad date, bad check, unknown area, letter.
			{text: "360426199113010079", key: "idCardNo"},
			{text: "36042619910102009X", key: "remark"},
			{text: "990426199112010074", key: "remark"},
			{text: "T60426199101010078", key: "remark"},
			{text: "130503670401001", key: "remark"},
			{text: "130503670401001", key: "orderNo"},
			{text: "130503671301001", key: "idCardNo"}, // month 13
			{text: "990503670401001", key: "idCardNo"}, // no such province
			{text: "810000670401001", key: "idCardNo"}, // permits never had 15 digits
			{text: "訂單編號：110101199003074477", key: "text"},
			{text: "編號 110101199003074477", key: "remark"},
			{text: "合同编号 130503670401001", key: "remark"},
		},
	})
}

func TestCNIDCases(t *testing.T) { runCases(t, CNID) }

func TestValidCNID(t *testing.T) {
	// 11010519491231002X and 440524188001010014 (born 1880) are the standard's examples.
	for _, s := range []string{"11010519491231002X", "11010519491231002x", "440306198807141238", " 810000199001011230 ", "440524188001010014", "130503670401001"} {
		if !ValidCNID(s) {
			t.Errorf("ValidCNID(%q) = false", s)
		}
	}
	for _, s := range []string{"", "440524179901010014", "11010519491231002Y", "1101051949123100", "1101051949123100XX", "11010519491331002X", "130503671301001", "13050367040100X"} {
		if ValidCNID(s) {
			t.Errorf("ValidCNID(%q) = true", s)
		}
	}
}
