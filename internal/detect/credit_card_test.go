package detect

import (
	"fmt"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

func init() {
	register(recognizerCases{typ: CreditCard, naturalKey: "creditCardNo",
		tp: []tcase{
			{text: "4111111111111111", key: "creditCardNo"},
			{text: "Maestro 6759649826438453", key: "remark", want: "6759649826438453"},
			{text: "2200000000000004", key: "cardNo"},
			{text: "378282246310005", key: "remark"},
			{text: "30569309025904", key: "remark"},
			{text: "4111 1111 1111 1111", key: "remark"},
			{text: "4111-1111-1111-1111", key: "remark"},
			{text: "5425233430109903", key: "remark"},
			{text: "2223 0000 4841 0010", key: "remark"},
			{text: "3742 454554 00126", key: "remark"},
			{text: "6250941006528599", key: "remark"},
			{text: "6212345678901234569", key: "remark"},
			{text: "6011 0009 9013 9424", key: "remark"},
			{text: "3530111333300000", key: "remark"},
			{text: "3056 930902 5904", key: "remark"},
			// A 13-digit Visa in one block that is not also a valid EAN-13 stands alone (the
			// published test numbers); one that is needs a card word or key, or fours.
			{text: "4222222222222", key: "remark"},
			{text: "4007000000027", key: "remark"},
			{text: withLuhn("4123456789012"), key: "remark"},
			{text: "Visa 4222222222222", key: "remark", want: "4222222222222"},
			{text: "信用卡號：4007000000027", key: "remark", want: "4007000000027"},
			{text: "4222222222222", key: "creditCardNo"},
			{text: "4007000000027", key: "value", label: "Card number"},
			{text: "信用卡號 4539578763621486", key: "remark", want: "4539578763621486"},
			{text: "4716108999716531257", key: "remark"},
			{text: "6445644564456445", key: "remark"},
			{text: "378282246310005", key: "remark"},
			{text: "5555555555554444", key: "cardNo"},
			{text: "card: 3589 9999 9999 9994, exp 12/28", key: "text", want: "3589 9999 9999 9994"},
			{text: "38520000023237", key: "remark"},
			// Bank context re-types only the number it names.
			{text: "bank account 072-225-192879290，謝謝, 請記錄：3561-3897-9056-1908", key: "remark", want: "3561-3897-9056-1908"},
			{text: "申請編號 INV-2028-831086、已更新4702396963605857 for payroll", key: "remark", want: "4702396963605857"},
			{text: "UnionPay credit card 6250941006528599", key: "remark", want: "6250941006528599"},
			{text: "銀聯信用卡 6250941006528599", key: "remark", want: "6250941006528599"},
			// A UnionPay number after a card word alone, or no word, stays a payment card.
			{text: "卡号 6228480690576542854", key: "remark", want: "6228480690576542854"},
			{text: "6228480690576542854", key: "remark"},
			// A debit card of another brand is a payment card; a debit word with another
			// number between names that number, not the card.
			{text: "Visa debit card 4111111111111111", key: "remark", want: "4111111111111111"},
			{text: "Direct debit ref 20240101 card 6228480690576542854", key: "remark", want: "6228480690576542854"},
			{text: "UnionPay credit card 6228480690576542854", key: "remark", want: "6228480690576542854"},
			{text: "#### 薪酬通知\n- 電話：9123 4567\n舊卡號 3437-251780-76285 已核實", key: "text", label: "薪酬通知", want: "3437-251780-76285"},
			// Stripe test cards: Diners 14-digit, UnionPay 19-digit, BCcard/DinaCard.
			{text: "36227206271667", key: "remark"},
			{text: "6205500000000000004", key: "remark"},
			{text: "6555900000604105", key: "remark"},
			// UnionPay's 81 series: Worldline (8171999927660000), Cybersource (81000100…).
			{text: "8171999927660000", key: "remark"},
			{text: "card no. 8100 0100 0000 0142", key: "text", want: "8100 0100 0000 0142"},
			// JCB's original ranges: Authorize.Net and PayPal test numbers.
			{text: "3088000000000017", key: "remark"},
			{text: "JCB 3088-0000-0000-0009", key: "remark", want: "3088-0000-0000-0009"},
			// PayPal's list: Australian BankCard (now Maestro range), Dankort, Switch/Solo;
			// Cybersource Maestro UK.
			{text: "5610591081018250", key: "remark"},
			{text: "5019717010103742", key: "cardNo"},
			{text: "6331101999990016", key: "remark"},
			{text: "5641 8211 1116 6669", key: "remark"},
			// Braintree UnionPay debit, Adyen Elo and Hipercard.
			{text: "6212345678901265", key: "remark"},
			{text: "5066991111111118", key: "remark"},
			{text: "6062828888666688", key: "remark"},
			// Printed in fours, the leftover digits last: Stripe's Diners (14) and Visa (13).
			{text: "3622 7206 2716 67", key: "remark"},
			{text: "4222 2222 2222 2", key: "remark"},
			{text: "4007 0000 0002 7", key: "cardNo"},
			{text: "Visa 4222 2222 2222 2, exp 12/28", key: "text", want: "4222 2222 2222 2"},
			{text: "信用卡號 3056 9309 0259 04。", key: "text", want: "3056 9309 0259 04"},
			{text: "card 3622 7206 2716 67\n電話 9123 4567", key: "text", want: "3622 7206 2716 67"},
		},
		fp: []tcase{
			{text: "1742264100000", key: "remark"},
			{text: withLuhn("1742264100000123"), key: "remark"},
			{text: withoutLuhn("4111111111111111"), key: "remark"},
			{text: "4111111111111111", key: "createTime"},
			{text: "4111111111111111", key: "orderId"},
			{text: "4111111111111111", key: "amount"},
			{text: "訂單號 4111111111111111", key: "remark"},
			{text: withLuhn("542523343010990"), key: "remark"}, // Mastercard range, 15 digits
			{text: "4111 **** **** 1111", key: "remark"},
			{text: "9558801234567890128", key: "remark"},
			{text: withLuhn("411111111111111111"), key: "remark"}, // Visa range, 18 digits
			{text: "2025031810150005", key: "remark"},
			{text: "41111111 11111111", key: "remark"},
			{text: "4111.1111.1111.1111", key: "remark"},
			{text: "4111111111111111", key: "remark", number: true},
			{text: "4111 1111 1111 1111", key: "requestId"},
			{text: "4111111111111111", key: "value", label: "訂單號"},
			{text: withoutLuhn("8171999927660000"), key: "remark"},
			{text: withLuhn("8172000000000000"), key: "remark"},    // past UnionPay's 81 block
			{text: withLuhn("3088000000000000000"), key: "remark"}, // old JCB: 16 digits only
			{text: withLuhn("5900000000000000"), key: "remark"},    // 59: no brand
			{text: "8171999927660000", key: "orderId"},
			// The short last group only closes three or more fours, and the card check decides.
			{text: spacedFours(withoutLuhn("36227206271667")), key: "remark"},
			{text: spacedFours(withoutLuhn("4222222222222")), key: "remark"},
			{text: spacedFours(withLuhn("12345678901234")), key: "remark"}, // no brand
			{text: "4222 2222 2222 2 1234", key: "remark"},                 // a list of groups
			{text: "3622 7206 2716 67", key: "requestId"},
			// 15 digits are Amex only: an IMEI (Luhn) from reporting body 30 or 50 is no
			// Diners or Maestro card.
			{text: "301234567890125", key: "remark"},
			{text: "IMEI: 501234567890123", key: "remark"},
			{text: withLuhn("305693090259041"), key: "remark"},
			// 13 digits starting with 4 in one block that pass Luhn and the EAN-13 check
			// alike: barcodes (Hong Kong 489…, Japan 49…) far more often than a 13-digit
			// Visa number, which Visa no longer issues.
			{text: "4896405622413", key: "remark"},
			{text: "4895254814543", key: "textField_i0o0ota"},
			{text: "貨品 4898488934186 已入倉", key: "content"},
			{text: "4907374125062", key: "remark"},
		},
	})
}

func TestCreditCardCases(t *testing.T) { runCases(t, CreditCard) }

func TestLuhnAndBrand(t *testing.T) {
	for _, s := range []string{"4111111111111111", "79927398713", "0"} {
		if !checkdigit.LuhnValid(s) {
			t.Errorf("LuhnValid(%q) = false", s)
		}
	}
	for _, s := range []string{"", "4111111111111112", "79927398710", "4111-1111", "x"} {
		if checkdigit.LuhnValid(s) {
			t.Errorf("LuhnValid(%q) = true", s)
		}
	}
	brands := []struct {
		n, brand string
		ok       bool
	}{
		{"4111111111111111", "visa", true}, {"4222222222222", "visa", true},
		{"411111111111111", "visa", false}, {"5555555555554444", "mastercard", true},
		{"2221000000000009", "mastercard", true}, {"2720999999999996", "mastercard", true},
		{"2721000000000004", "", false}, {"378282246310005", "amex", true},
		{"3782822463100050", "amex", false}, {"6200000000000005", "unionpay", true},
		{"3530111333300000", "jcb", true}, {"6011111111111117", "discover", true},
		{"6445644564456445", "discover", true}, {"30569309025904", "diners", true},
		{"3095000000000000", "diners", true}, {"1742264100000127", "", false},
		{"9558801234567890128", "", false}, {"411111111111", "", false}, {"41111111111x1111", "", false},
		{"8171999927660000", "unionpay", true}, {"8100010000000142", "unionpay", true},
		{"3088000000000009", "jcb", true}, {"3337000000000008", "jcb", true},
		{"5610591081018250", "maestro", true}, {"6331101999990016", "switch", true},
		{"6331201999990016", "", false}, {"6362970000457013", "elo", true},
		{"6062828888666688", "hipercard", true}, {"6062838888666688", "", false},
		{"301234567890125", "", false}, {"501234567890123", "", false}, {"5018000000000009", "maestro", true},
	}
	for _, b := range brands {
		got, ok := CardBrand(b.n)
		if ok != b.ok || (b.brand != "" && got != b.brand) {
			t.Errorf("CardBrand(%q) = %q, %v; want %q, %v", b.n, got, ok, b.brand, b.ok)
		}
	}
}

// TestCardOrBankCard pins the rule between credit_card and cn_bank_card for card-shaped
// numbers: a bank key, label or a bank word naming the number makes it a bank card; a card
// word, a card key or nothing leaves it a payment card.
func TestCardOrBankCard(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key, label string
		want             []Type // in order of appearance
	}{
		{"內地銀行卡 6216613297839893 | 5490-4836-5179-2974", "remark", "", []Type{CNBankCard, CreditCard}},
		{"UnionPay card 6214837208325002631；Visa 4111 1111 1111 1111", "remark", "", []Type{CNBankCard, CreditCard}},
		{"工資卡 6222020200112230, card no. 6250941006528599", "remark", "", []Type{CNBankCard, CreditCard}},
		{"6250941006528599", "remark", "", []Type{CreditCard}},
		{"6250941006528599", "bankCardNo", "", []Type{CNBankCard}},
		{"6250941006528599", "value", "sys04-bankAccountNo", []Type{CNBankCard}},
		{"6250941006528599", "value", "銀行卡號", []Type{CNBankCard}},
		{"6250941006528599", "creditCardNo", "", []Type{CreditCard}},
		{"信用卡 6250941006528599", "remark", "", []Type{CreditCard}},
		// A Hong Kong bank's name marks its accounts, not its cards.
		{"HSBC 4111 1111 1111 1111, 滙豐 5490-4836-5179-2974", "remark", "", []Type{CreditCard, CreditCard}},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: tt.key, Label: tt.label}, nil)
		var types []Type
		for _, f := range got {
			types = append(types, f.Type)
		}
		if fmt.Sprint(types) != fmt.Sprint(tt.want) {
			t.Errorf("key=%q label=%q %q: got %s, want %v", tt.key, tt.label, tt.text, describe(tt.text, got), tt.want)
		}
	}
}

// spacedFours writes digits in groups of four, the leftover digits last.
func spacedFours(d string) string {
	var b []byte
	for i := 0; i < len(d); i += 4 {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, d[i:min(i+4, len(d))]...)
	}
	return string(b)
}
