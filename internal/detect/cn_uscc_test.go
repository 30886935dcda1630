package detect

import "testing"

var digitUSCC = allDigitUSCC()

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
		},
		fp: []tcase{
			{text: "91350100M000100Y44", key: "remark"},
			{text: "91350100M000100Y43", key: "orderNo"},
			{text: digitUSCC, key: "remark"},
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
