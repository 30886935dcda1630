package detect

import "testing"

func TestNearestContext(t *testing.T) {
	tests := []struct {
		text   string // the candidate starts at the '^' marker, which is removed
		mask   tmask
		neg    bool
		absent bool
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
		{text: "HK$^", neg: true},
		{text: "version ^", neg: true},
		{text: "contract ^", neg: true},
		{text: "contact ^", mask: maskPhone},
		{text: "^", absent: true},
		{text: "\xff\xfe電話 ^", mask: maskPhone},
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
		if !r.found || r.mask != tt.mask || r.neg != tt.neg {
			t.Errorf("%q: got %+v, want mask=%b neg=%v", tt.text, r, tt.mask, tt.neg)
		}
	}
}
