package detect

import "testing"

func init() {
	register(recognizerCases{typ: HKBankAccount, naturalKey: "bankAccountNo",
		tp: []tcase{
			{text: "004-512-345678-838", key: "remark"},
			{text: "012-875-0-123456-7", key: "value", label: "sys04-bankAccountNo"},
			{text: "銀行戶口 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "024123456789001", key: "bankAccountNo"},
			{text: "a/c no. 004 512 345678 838", key: "text", want: "004 512 345678 838"},
			{text: "123456789012", key: "bankAccountNo"},
			{text: "陳大文 你好，三月份薪金已存入 004-512-345678-838。", key: "text", want: "004-512-345678-838"},
			{text: "三月份薪金已存入 004-512-345678-838。", key: "text", label: "薪酬通知", want: "004-512-345678-838"},
			{text: "#### 薪酬通知\n- HKID：Z520167(6)\nA/C 387-789-286830383 副本", key: "text", label: "薪酬通知", want: "387-789-286830383"},
			{text: "Salary paid to 004-512-345678-838", key: "remark", want: "004-512-345678-838"},
			{text: "三月份薪金 004-512-345678-838", key: "remark", want: "004-512-345678-838"},
			// A Hong Kong bank's name before an account number is bank context.
			{text: "HSBC 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "hsbc a/c: 123-456789-001", key: "text", want: "123-456789-001"},
			{text: "滙豐 123456789001", key: "remark", want: "123456789001"},
			{text: "恒生 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "Hang Seng 123 456789 001", key: "remark", want: "123 456789 001"},
			{text: "中銀香港 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "BOC 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "渣打 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "Standard Chartered 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "東亞 123-456789-001", key: "remark", want: "123-456789-001"},
			{text: "BEA 123-456789-001", key: "remark", want: "123-456789-001"},
		},
		fp: []tcase{
			{text: "999-512-345678-838", key: "remark"},
			// IBANs (SWIFT IBAN Registry examples): foreign accounts, read whole as nothing.
			{text: "IBAN: GB82 WEST 1234 5698 7654 32", key: "remark"},
			{text: "銀行帳戶 NO93 8601 1117 947", key: "remark"},
			{text: "123-456789-001", key: "remark"},
			{text: "004-512-345678-838", key: "orderNo"},
			{text: "2025-03-18", key: "bankAccountNo"},
			{text: "004-512-***678-838", key: "remark"},
			{text: "004-512-345678-838", key: "value", label: "合同編號"},
			{text: "Ref 004-512-345678-838", key: "remark"},
			{text: "訂單 004-512-345678-838", key: "remark"},
			// Short acronyms count only in capitals: "Bea" is a name, "boc" a word.
			{text: "Bea 123-456789-001", key: "remark"},
			{text: "bea 123-456789-001", key: "remark"},
			{text: "boc 123-456789-001", key: "remark"},
			{text: "BOCA 123-456789-001", key: "remark"},
			{text: "HSBC 訂單 123-456789-001", key: "remark"},
			{text: "HSBC 123-456789-001", key: "orderId"},
		},
	})
}

func TestHKBankAccountCases(t *testing.T) { runCases(t, HKBankAccount) }

// TestBankVersusCard: a bank account is never a card, a card named as a bank card is
// cn_bank_card, and never both.
func TestBankVersusCard(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key, label string
		want             Type
	}{
		{"004-512-345678-838", "remark", "", HKBankAccount},
		{"012-875-0-123456-7", "bankAccountNo", "", HKBankAccount},
		{"4111 1111 1111 1111", "remark", "", CreditCard},
		{"4111 1111 1111 1111", "bankCardNo", "", CNBankCard},
		{"4111111111111111", "value", "sys04-bankAccountNo", CNBankCard},
		{"銀行卡 4111111111111111", "remark", "", CNBankCard},
		{"銀行戶口 4111-1111-1111-1111", "remark", "", CNBankCard},
		{"信用卡 6222020200112230", "remark", "", CreditCard},
		{"6222020200112230", "creditCardNo", "", CreditCard},
		{"6222020200112230", "sys04-bankAccountNo", "", CNBankCard},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: tt.key, Label: tt.label}, nil)
		if len(got) != 1 || got[0].Type != tt.want {
			t.Errorf("key=%q label=%q %q: got %s, want one %s", tt.key, tt.label, tt.text, describe(tt.text, got), tt.want)
		}
	}
}
