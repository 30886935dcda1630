package fakedata

import "strings"

// Leading two digits of blocks OFCA has allocated to mobile services that are in heavy use.
// Staying inside them keeps every generated number valid for a detector that checks the
// numbering plan.
var hkMobileBlocks = []string{
	"51", "52", "53", "54", "55", "56", "59",
	"60", "61", "62", "63", "64", "65", "66", "67", "68", "69",
	"90", "91", "92", "93", "94", "95", "96", "97", "98",
}

// Mainland mobile prefixes allocated to China Mobile, China Unicom, China Telecom and
// China Broadnet.
var cnMobilePrefixes = []string{
	"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
	"145", "147", "150", "151", "152", "153", "155", "156", "157", "158", "159",
	"166", "173", "175", "176", "177", "178",
	"180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
	"191", "193", "195", "198", "199",
}

// HKMobile returns 8 digits on an allocated Hong Kong mobile block, e.g. "91234567".
func (g *Gen) HKMobile() string { return g.Pick(hkMobileBlocks) + g.Digits(6) }

// HKFixed returns an 8-digit Hong Kong fixed-line number beginning with 2 or 3.
func (g *Gen) HKFixed() string {
	return g.Pick([]string{"2", "3"}) + string(byte('1'+g.Intn(9))) + g.Digits(6)
}

// HKPhoneStyled formats an 8-digit number the way it appears in directories, chat and
// forms. Anything that is not 8 digits is returned unchanged.
func (g *Gen) HKPhoneStyled(n string) string {
	if len(n) != 8 || !allDigits(n) {
		return n
	}
	a, b := n[:4], n[4:]
	styles := []string{
		n,
		a + " " + b,
		a + "-" + b,
		"+852 " + a + " " + b,
		"+852-" + n,
		"+852 " + n,
		"+852" + n,
		"(852) " + n,
		"(852) " + a + " " + b,
		"852" + n,
		"852-" + n,
		"00852 " + n,
	}
	return styles[g.PickWeighted([]int{10, 20, 8, 18, 12, 6, 6, 5, 4, 4, 4, 3})]
}

// CNMobile returns an 11-digit mainland mobile number on an allocated prefix.
func (g *Gen) CNMobile() string { return g.Pick(cnMobilePrefixes) + g.Digits(8) }

// CNMobileStyled formats an 11-digit mainland mobile number; other input is returned
// unchanged.
func (g *Gen) CNMobileStyled(n string) string {
	if len(n) != 11 || !allDigits(n) {
		return n
	}
	a, b, c := n[:3], n[3:7], n[7:]
	styles := []string{
		n,
		a + " " + b + " " + c,
		a + "-" + b + "-" + c,
		"+86 " + a + " " + b + " " + c,
		"+86 " + n,
		"+86-" + n,
		"+86" + n,
		"0086 " + n,
		"0086-" + n,
	}
	return styles[g.PickWeighted([]int{25, 12, 12, 12, 10, 8, 6, 6, 4})]
}

func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
