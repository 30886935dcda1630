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
			// Diplomatic, service and public-affairs e-passports (since 2012): DE/SE/PE + 7.
			{text: "DE1234567", key: "passportNo"},
			{text: "Passport No.: SE1234567", key: "remark", want: "SE1234567"},
			{text: "护照号码：PE1234567", key: "remark", want: "PE1234567"},
			// EC1234569 is also a valid bare HKID: a passport key or word decides.
			{text: "EC1234569", key: "passportNo"},
			{text: "護照 EC1234569", key: "remark", want: "EC1234569"},
			{text: "passport EA7654327", key: "remark", want: "EA7654327"},
			// ED/EF e-passports whose last digit happens to pass the HKID check: the prefix
			// was never issued to an HKID, so a generic ID key does not make them HKIDs.
			{text: hkidBare("ED", "305442"), key: "certNo"},
			{text: hkidBare("EF", "346682"), key: "value", label: "sys02-certNo"},
			{text: hkidBare("DE", "123456"), key: "idNumber"},
		},
		fp: []tcase{
			{text: "E12345678", key: "remark"},
			{text: "EI1234567", key: "passportNo"},
			{text: "E1234567", key: "passportNo"},
			{text: "G1234567890", key: "passportNo"},
			{text: "DE12345678", key: "passportNo"},
			{text: "SE1234567", key: "remark"},
		},
	})
}

func TestCNPassportCases(t *testing.T) { runCases(t, CNPassport) }

func TestValidCNPassport(t *testing.T) {
	if !ValidCNPassport("E12345678") || !ValidCNPassport("EA1234567") || ValidCNPassport("EO1234567") || ValidCNPassport("K12345678") ||
		!ValidCNPassport("DE1234567") || ValidCNPassport("DX1234567") {
		t.Error("ValidCNPassport")
	}
}
