package detect

import "testing"

func init() {
	register(recognizerCases{typ: MOID, naturalKey: "macauId",
		tp: []tcase{
			{text: "1234567(8)", key: "remark"},
			{text: "1234567(8)20000001", key: "remark", want: "1234567(8)"}, // glued to a number
			{text: "澳門身份證 52152998", key: "remark", want: "52152998"},
			{text: "7123456 (3)", key: "remark"},
			{text: "12345678", key: "macauId"},
			{text: "5215299(8)", key: "value", label: "澳門身份證號碼"},
		},
		fp: []tcase{
			{text: "2234567(8)", key: "remark"},
			{text: "52152998", key: "remark"},
			{text: "1234567(A)", key: "remark"},
			{text: "1234567(8)", key: "orderNo"},
		},
	})
}

func TestMOIDCases(t *testing.T) { runCases(t, MOID) }

func TestValidMOID(t *testing.T) {
	for _, s := range []string{"1234567(8)", "1234567 (8)", "12345678", "7123456（3）"} {
		if !ValidMOID(s) {
			t.Errorf("ValidMOID(%q) = false", s)
		}
	}
	for _, s := range []string{"", "2234567(8)", "1234567(A)", "123456(7)", "1234567(8"} {
		if ValidMOID(s) {
			t.Errorf("ValidMOID(%q) = true", s)
		}
	}
}
