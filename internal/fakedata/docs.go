package fakedata

import (
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// HKPassport returns an HKSAR passport number: H or K followed by 8 digits.
func (g *Gen) HKPassport() string { return g.Pick([]string{"H", "K"}) + g.digitsNZ(8) }

// Letters the mainland uses in the second position of post-2017 passport numbers.
const cnPassportLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ"

// CNPassport returns a PRC passport number: E + 8 digits, E + letter + 7 digits (from
// 2017) or the older G + 8 digits.
func (g *Gen) CNPassport() string {
	switch g.PickWeighted([]int{40, 45, 15}) {
	case 0:
		return "E" + g.digitsNZ(8)
	case 1:
		return "E" + string(cnPassportLetters[g.Intn(len(cnPassportLetters))]) + g.Digits(7)
	default:
		return "G" + g.digitsNZ(8)
	}
}

// MOID returns a Macau resident identity card number: 1, 5 or 7, six digits and a check
// digit in brackets, e.g. "5215299(8)".
func (g *Gen) MOID() string {
	return g.Pick([]string{"1", "5", "7"}) + g.Digits(6) + "(" + g.Digits(1) + ")"
}

// TWID returns a Taiwan national ID: a letter, 1 or 2 (sex), 7 digits and a check digit.
func (g *Gen) TWID() string {
	const cities = "ABCDEFGHJKMNPQTUVXYZ" // letters in current use
	l := cities[g.Intn(len(cities))]
	body := g.Pick([]string{"1", "2"}) + g.Digits(7)
	check, _ := checkdigit.TWID(string(l) + body)
	return string(l) + body + string(check)
}

// City-level division codes (ending in 00): positions 7–14 of a USCC then start with "00",
// which can never be a year of birth, so no USCC here parses as a Resident ID.
var usccAreas = []string{"440300", "440100", "440400", "441900", "442000", "310000", "110000", "320500", "330100", "350200", "370200", "510100"}

// USCC returns an 18-character Unified Social Credit Code with a valid GB 11714
// organisation-code check and a valid GB 32100 check character.
func (g *Gen) USCC() string {
	const letters = "ABCDEFGHJKLMNPQRTUWXY"
	var org strings.Builder
	if g.Chance(0.7) {
		org.WriteString("MA")
		for range 6 {
			if g.Chance(0.3) {
				org.WriteByte(letters[g.Intn(len(letters))])
			} else {
				org.WriteByte(byte('0' + g.Intn(10)))
			}
		}
	} else {
		org.WriteString(g.Digits(7))
		org.WriteByte(letters[g.Intn(len(letters))])
	}
	orgBody := org.String()
	body := g.Pick([]string{"9", "9", "9", "1", "5"}) + g.Pick([]string{"1", "1", "2", "3"}) +
		g.Pick(usccAreas) + orgBody + string(checkdigit.OrgCode(orgBody))
	check, _ := checkdigit.USCC(body)
	return body + string(check)
}

// HKBR returns an 8-digit Hong Kong Business Registration number. It starts with 1 so a
// bare BR number never sits on an allocated telephone block.
func (g *Gen) HKBR() string { return "1" + g.Digits(7) }

// hkBank describes how one Hong Kong bank prints account numbers: its HKICL bank code and
// the digit groups after it.
type hkBank struct {
	code, nameZH, nameEN string
	groups               []int
}

var hkBanks = []hkBank{
	{"004", "香港上海滙豐銀行", "HSBC", []int{3, 6, 3}},
	{"024", "恒生銀行", "Hang Seng Bank", []int{3, 6, 3}},
	{"012", "中國銀行(香港)", "Bank of China (Hong Kong)", []int{3, 1, 6, 1}},
	{"003", "渣打銀行(香港)", "Standard Chartered", []int{3, 7, 1}},
	{"015", "東亞銀行", "Bank of East Asia", []int{3, 2, 5, 1}},
	{"016", "星展銀行(香港)", "DBS Bank (Hong Kong)", []int{3, 8}},
	{"072", "中國工商銀行(亞洲)", "ICBC (Asia)", []int{3, 9}},
	{"250", "花旗銀行(香港)", "Citibank (Hong Kong)", []int{3, 8}},
	{"387", "眾安銀行", "ZA Bank", []int{3, 9}},
}

// HKBankAccount returns a Hong Kong bank account number with a real bank code, printed
// the way that bank prints it: "004-512-345678-838", "012-875-0-123456-7".
func (g *Gen) HKBankAccount() string {
	b := hkBanks[g.Intn(len(hkBanks))]
	parts := []string{b.code}
	for _, n := range b.groups {
		parts = append(parts, g.Digits(n))
	}
	return strings.Join(parts, "-")
}

// HKBankName returns the Chinese name of a Hong Kong bank and a branch, for roster
// sys04-accountBank values (not personal data by itself).
func (g *Gen) HKBankName() string {
	b := hkBanks[g.Intn(len(hkBanks))]
	return b.nameZH + " " + g.Pick(districtsZH) + "分行"
}
