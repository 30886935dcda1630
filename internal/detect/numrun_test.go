package detect

import "testing"

// TestChainGroupSizes: which spaced or dashed groups chain into one number.
func TestChainGroupSizes(t *testing.T) {
	tests := []struct {
		sizes []int32
		sep   byte
		want  int
	}{
		{[]int32{4, 4, 4, 4}, ' ', 4},
		{[]int32{4, 4, 4, 2}, ' ', 4}, // 3622 7206 2716 67
		{[]int32{4, 4, 4, 1}, ' ', 4}, // 4222 2222 2222 2
		{[]int32{4, 4, 4, 4, 2}, ' ', 5},
		{[]int32{4, 4, 4, 3}, ' ', 4},
		{[]int32{4, 4, 2}, ' ', 2},       // too few fours: "9123 4567 12" is a phone and more
		{[]int32{4, 4, 4, 2, 4}, ' ', 3}, // a short group in the middle ends the number before it
		{[]int32{3, 4, 4, 2}, ' ', 3},    // only a run of fours has leftover digits
		{[]int32{4, 6, 4, 2}, ' ', 3},
		{[]int32{4, 4, 4, 2}, '-', 4},
		{[]int32{8, 8}, ' ', 1},
		{[]int32{6, 8, 4}, ' ', 3},
		{[]int32{3, 8}, ' ', 2},    // 138 12345678: a mainland mobile split after its prefix
		{[]int32{3, 8, 4}, ' ', 2}, // and nothing spaced after it belongs to it
		{[]int32{4, 8}, ' ', 1},
		{[]int32{3, 4, 8}, ' ', 2},
		{[]int32{3, 8}, '-', 2},
	}
	for _, tt := range tests {
		var r numRun
		p := int32(0)
		for i, nd := range tt.sizes {
			sep := tt.sep
			if i == 0 {
				sep = 0
			}
			r.el[i] = elem{s: p, e: p + nd, end: p + nd, nd: nd, sep: sep, kind: ekGroup}
			p += nd + 1
		}
		r.n = len(tt.sizes)
		if got := r.chain(0); got != tt.want {
			t.Errorf("chain(%v sep %q) = %d; want %d", tt.sizes, tt.sep, got, tt.want)
		}
	}
}

// TestChainShapesBesideBankAccounts: the 15-digit first-generation ID and the BR number with
// its branch are found by their own shapes, whatever a bank account would make of them.
func TestChainShapesBesideBankAccounts(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key string
		typ       Type
		want      string // "" for no finding at all
	}{
		{"130503670401001", "idCardNo", CNID, "130503670401001"},
		{"身份證 130503670401001", "remark", CNID, "130503670401001"},
		{"銀行戶口 130503670401001", "remark", HKBankAccount, "130503670401001"},
		{"130503670401001", "remark", "", ""},
		{"12345678-000", "brNo", HKBR, "12345678"},
		{"12345678000", "brNo", HKBR, "12345678000"},
		{"BR No. 12345678-000", "remark", HKBR, "12345678"},
		{"12345678-000", "remark", "", ""},
		{"12345678000", "remark", "", ""},
		{"電話 21234567-801", "remark", HKPhone, "21234567"},
		{"銀行戶口 12345678-000", "remark", HKBankAccount, "12345678-000"},
		// A dashed range of rooms or units needs phone context; a phone's halves seldom
		// climb by so little.
		{"Units 2301-2305, 23/F", "remark", "", ""},
		{"Tel 2301-2305", "remark", HKPhone, "2301-2305"},
		{"2301-2340", "remark", HKPhone, "2301-2340"},
		{"2301 2305", "remark", HKPhone, "2301 2305"},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: tt.key}, nil)
		if tt.want == "" {
			if len(got) > 0 {
				t.Errorf("%q under %s: want nothing, got %s", tt.text, tt.key, describe(tt.text, got))
			}
			continue
		}
		if len(got) != 1 || got[0].Type != tt.typ || tt.text[got[0].Start:got[0].End] != tt.want {
			t.Errorf("%q under %s: want %s %q, got %s", tt.text, tt.key, tt.typ, tt.want, describe(tt.text, got))
		}
	}
}

// TestIBAN: a printed IBAN (ISO 13616, SWIFT IBAN Registry examples) is one token that no
// number format reads; the check digits decide, so a near miss is read as numbers again.
func TestIBAN(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tt := range []struct {
		text, key string
		want      string // "" for no finding
	}{
		{"DE89 3704 0044 0532 0130 00", "iban", ""},
		{"GB82 WEST 1234 5698 7654 32", "bankAccountNo", ""},
		{"IBAN：NL91 ABNA 0417 1643 00，謝謝", "remark", ""},
		{"pay to be68 5390 0754 7034 today", "remark", ""},
		{"IBAN MU17 BOMM 0101 1010 3030 0200 000M UR", "remark", ""},
		// A wrong check digit, a wrong length or a glued word: not an IBAN.
		{"IBAN DE88 3704 0044 0532 0130 00", "remark", "3704 0044 0532 0130 00"},
		{"IBAN DE89 3704 0044 0532 0130 001", "remark", "3704 0044 0532 0130 001"},
		{"BE68 5390 0754", "remark", "5390 0754"},
		{"IBAN BE68 5390 0754 7034, 電話 9123 4567", "remark", "9123 4567"},
	} {
		got := s.ScanText([]byte(tt.text), &Field{Key: tt.key}, nil)
		if tt.want == "" {
			if len(got) > 0 {
				t.Errorf("%q under %s: want nothing, got %s", tt.text, tt.key, describe(tt.text, got))
			}
			continue
		}
		if len(got) != 1 || tt.text[got[0].Start:got[0].End] != tt.want {
			t.Errorf("%q under %s: want %q, got %s", tt.text, tt.key, tt.want, describe(tt.text, got))
		}
	}
}
