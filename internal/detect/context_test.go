package detect

import (
	"bytes"
	"testing"
)

func TestNearestContext(t *testing.T) {
	tests := []struct {
		text     string // the candidate starts at the '^' marker, which is removed
		mask     tmask
		neg      bool
		absent   bool
		ver      bool
		money    bool
		indirect bool // a digit lies between the word and the candidate
	}{
		{text: "請致電 ^", mask: maskPhone},
		{text: "Call me: ^", mask: maskPhone},
		{text: "phones: ^", mask: maskPhone},
		{text: "telephone ^", mask: maskPhone},
		{text: "hotel ^", absent: true},
		{text: "身份證號碼 ^", mask: maskIDCard},
		{text: "HKID ^", mask: tHKID.mask()},
		{text: "銀行卡號 ^", mask: maskBank},
		{text: "卡號 ^", mask: maskCard},
		{text: "電話 9123 4567，訂單 ^", neg: true},
		{text: "訂單 123，電話 ^", mask: maskPhone},
		{text: "電話\n^", absent: true},
		{text: "電話；^", absent: true},
		{text: "| 電話 | ^", mask: maskPhone},
		{text: "電話 0123456789012345678901234567890123456789 ^", absent: true},
		{text: "HK$^", neg: true, money: true},
		{text: "contract ^", neg: true},
		{text: "contact ^", mask: maskPhone},
		{text: "^", absent: true},
		{text: "\xff\xfe電話 ^", mask: maskPhone},
		// A negative word labels the value right after it, within its clause.
		{text: "金額 ^", neg: true, money: true},
		{text: "金額：HK$ ^", neg: true, money: true},
		{text: "Salary paid to ^", neg: true, money: true},
		{text: "訂單 ^", neg: true},
		{text: "金額 HK$1,200，請核對 ^", absent: true},
		{text: "發票 INV-2024-001 / ^", absent: true},
		{text: "三月份薪金已發放, 補交 ^", absent: true},
		{text: "三月份薪金已發放、補交 ^", absent: true},
		{text: "Ref ABC. Then ^", absent: true},
		{text: "訂單 SO123 請致電 ^", mask: maskPhone},
		// A positive word reaches across values, but is then not direct.
		{text: "電話 9123 4567 / ^", mask: maskPhone, indirect: true},
		{text: "銀行卡 6222 | ^", mask: maskBank, indirect: true},
		{text: "version ^", neg: true, ver: true},
		{text: "版本：^", neg: true, ver: true},
		{text: "IP：^", mask: maskIP},
		{text: "登入IP ^", mask: maskIP},
		{text: "VIP ^", absent: true},
		{text: "UnionPay card ^", mask: maskBank},
		{text: "工资卡 ^", mask: maskBank},
		{text: "salary card: ^", mask: maskBank},
		{text: "UnionPay credit card ^", mask: tCreditCard.mask()},
		{text: "Visa card ^", mask: maskCard},
	}
	for _, tt := range tests {
		i := 0
		for i < len(tt.text) && tt.text[i] != '^' {
			i++
		}
		text := []byte(tt.text[:i] + tt.text[i+1:])
		r := nearestContext(text, i)
		if tt.absent {
			if r.found {
				t.Errorf("%q: want no context, got %+v", tt.text, r)
			}
			continue
		}
		if !r.found || r.mask != tt.mask || r.neg != tt.neg || r.ver != tt.ver || r.money != tt.money || r.direct == tt.indirect {
			t.Errorf("%q: got %+v, want mask=%b neg=%v ver=%v money=%v direct=%v", tt.text, r, tt.mask, tt.neg, tt.ver, tt.money, !tt.indirect)
		}
	}
}

// TestLabelEndSkipsMarkup: DingTalk markdown and cards wrap labels in ** **, 【】 or [];
// the label word ends before the closing markup (label words are matched by their end).
func TestLabelEndSkipsMarkup(t *testing.T) {
	tests := []struct{ text, upTo string }{
		{"姓名：", "姓名"},
		{"Name :", "Name"},
		{"**地址**：", "**地址"},
		{"__DOB__:", "__DOB"},
		{"【姓名】：", "【姓名"},
		{"「住址」：", "「住址"},
		{"[Address]:", "[Address"},
		{"**：", ""},
	}
	for _, tt := range tests {
		b := []byte(tt.text)
		c := bytes.LastIndexAny(b, ":：")
		if got := string(b[:labelEnd(b, c)]); got != tt.upTo {
			t.Errorf("labelEnd(%q) leaves %q; want %q", tt.text, got, tt.upTo)
		}
	}
}
