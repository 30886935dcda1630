package detect

import "testing"

func init() {
	register(recognizerCases{typ: TWID, naturalKey: "twId",
		tp: []tcase{
			{text: "A123456789", key: "remark"},
			{text: "B223456782", key: "twId"},
			{text: "身分證 F135792464", key: "remark", want: "F135792464"},
			{text: "a123456789", key: "idCardNo"},
			{text: "A823456783", key: "remark"},
		},
		fp: []tcase{
			{text: "A123456788", key: "remark"},
			{text: "A323456789", key: "remark"},
			{text: "A123456789", key: "orderNo"},
			{text: "a123456789", key: "remark"},
		},
	})
}

func TestTWIDCases(t *testing.T) { runCases(t, TWID) }

func TestValidTWID(t *testing.T) {
	for _, s := range []string{"A123456789", "Z202401018", " B223456782 "} {
		if !ValidTWID(s) {
			t.Errorf("ValidTWID(%q) = false", s)
		}
	}
	for _, s := range []string{"", "A123456780", "A12345678", "1123456789", "A3234567890"} {
		if ValidTWID(s) {
			t.Errorf("ValidTWID(%q) = true", s)
		}
	}
}
