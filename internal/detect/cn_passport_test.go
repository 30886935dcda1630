package detect

import "testing"

func init() {
	register(recognizerCases{typ: CNPassport, naturalKey: "passportNo",
		tp: []tcase{
			{text: "E12345678", key: "passportNo"},
			{text: "护照 EA1234567", key: "remark", want: "EA1234567"},
			{text: "G12345678", key: "passport"},
			{text: "Passport: D1234567", key: "text", want: "D1234567"},
			{text: "P1234567", key: "value", label: "护照号码"},
		},
		fp: []tcase{
			{text: "E12345678", key: "remark"},
			{text: "EI1234567", key: "passportNo"},
			{text: "E1234567", key: "passportNo"},
			{text: "G1234567890", key: "passportNo"},
		},
	})
}

func TestCNPassportCases(t *testing.T) { runCases(t, CNPassport) }

func TestValidCNPassport(t *testing.T) {
	if !ValidCNPassport("E12345678") || !ValidCNPassport("EA1234567") || ValidCNPassport("EO1234567") || ValidCNPassport("K12345678") {
		t.Error("ValidCNPassport")
	}
}
