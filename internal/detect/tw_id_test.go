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
			// Public examples from guanting112/taiwan-id-validator and
			// enylin/taiwan-id-validator: citizen IDs, the 2021 resident certificate
			// (A800000014) and the old resident certificate (AC01234567, AA00000009).
			{text: "A223456781", key: "remark"},
			{text: "A800000014", key: "remark"},
			{text: "AC01234567", key: "twId"},
			{text: "AA00000009", key: "idCardNo"},
			{text: "身分證字號：AC01234567", key: "remark", want: "AC01234567"},
		},
		fp: []tcase{
			{text: "A123456788", key: "remark"},
			{text: "A323456789", key: "remark"},
			{text: "A123456789", key: "orderNo"},
			{text: "a123456789", key: "remark"},
			{text: "A800000015", key: "remark"},
			{text: "AC01234568", key: "twId"},
			// Two letters and eight digits is a common code shape: one in ten passes.
			{text: "AC01234567", key: "remark"},
			{text: "AE01234567", key: "twId"},
		},
	})
}

func TestTWIDCases(t *testing.T) { runCases(t, TWID) }

func TestValidTWID(t *testing.T) {
	for _, s := range []string{"A123456789", "Z202401018", " B223456782 ", "AC01234567", "AA00000009"} {
		if !ValidTWID(s) {
			t.Errorf("ValidTWID(%q) = false", s)
		}
	}
	for _, s := range []string{"", "A123456780", "A12345678", "1123456789", "A3234567890", "AC01234568", "AE01234567"} {
		if ValidTWID(s) {
			t.Errorf("ValidTWID(%q) = true", s)
		}
	}
}
