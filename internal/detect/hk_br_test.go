package detect

import "testing"

func init() {
	register(recognizerCases{typ: HKBR, naturalKey: "brNo",
		tp: []tcase{
			{text: "12345678", key: "brNo"},
			{text: "商業登記號碼 31234567", key: "remark", want: "31234567"},
			{text: "BR No. 61234567", key: "text", want: "61234567"},
			{text: "41234567", key: "value", label: "商業登記證號碼"},
			{text: "BR No.: 12345678-000-03-25-A", key: "remark", want: "12345678"},
			// BR number with its branch number, as forms ask for it.
			{text: "BR No.: 12345678-000", key: "remark", want: "12345678"},
			{text: "12345678-001", key: "brNo", want: "12345678"},
			{text: "12345678000", key: "businessRegistrationNo"},
			// 商業登記證號碼 ends in the ID word 證號; 商業登記編號 in the negative 編號.
			{text: "商業登記證號碼：12345678", key: "text", want: "12345678"},
			{text: "商業登記編號：12345678", key: "text", want: "12345678"},
			{text: "商业登记证 32345678-000", key: "remark", want: "32345678"},
			{text: "商業登記號碼 12345678000", key: "remark", want: "12345678000"},
			{text: "商業登記證編號：12345678", key: "text", want: "12345678"},
		},
		fp: []tcase{
			{text: "12345678", key: "remark"},
			{text: "BR 1234567", key: "remark"},
			{text: "12345678", key: "dept_id"},
			{text: "brown 12345678", key: "remark"},
			{text: "12345678-000", key: "remark"},
			{text: "12345678000", key: "remark"},
			{text: "編號：12345678", key: "text"},
			{text: "證件號碼 12345678-000", key: "remark"},
			{text: "商業登記證 12345678", key: "dept_id"},
		},
	})
}

func TestHKBRCases(t *testing.T) { runCases(t, HKBR) }

func TestValidHKBR(t *testing.T) {
	if !ValidHKBR("12345678") || ValidHKBR("1234567") || ValidHKBR("1234567a") ||
		!ValidHKBR("12345678-000-03-25-A") || !ValidHKBR("12345678-000") || ValidHKBR("12345678-00") {
		t.Error("ValidHKBR")
	}
}
