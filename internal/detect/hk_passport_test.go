package detect

import "testing"

func init() {
	register(recognizerCases{typ: HKPassport, naturalKey: "passportNo",
		tp: []tcase{
			{text: "K12345678", key: "passportNo"},
			{text: "護照號碼 H12345678", key: "remark", want: "H12345678"},
			{text: "passport no. K01234567", key: "text", want: "K01234567"},
			{text: "KJ0123456", key: "passportNo"},
			{text: "H87654321", key: "value", label: "護照號碼"},
			// KJ0123453 also passes the HKID check: the passport key still makes it a passport.
			{text: "KJ0123453", key: "passportNo"},
			{text: "HKSAR passport KJ0123461", key: "remark", want: "KJ0123461"},
			{text: "KJ0123461", key: "value", label: "護照號碼"},
		},
		fp: []tcase{
			{text: "K12345678", key: "remark"},
			{text: "K1234567", key: "passportNo"},
			{text: "X12345678", key: "passportNo"},
			{text: "order K12345678", key: "remark"},
		},
	})
}

func TestHKPassportCases(t *testing.T) { runCases(t, HKPassport) }

func TestValidHKPassport(t *testing.T) {
	if !ValidHKPassport("K12345678") || !ValidHKPassport("kj0123456") || ValidHKPassport("K123456789") || ValidHKPassport("E12345678") {
		t.Error("ValidHKPassport")
	}
}
