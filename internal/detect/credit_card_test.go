package detect

import "testing"

func init() {
	register(recognizerCases{typ: CreditCard, naturalKey: "creditCardNo",
		tp: []tcase{
			{text: "4111111111111111", key: "creditCardNo"},
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
			{text: "4222222222222", key: "remark"},
			{text: "信用卡號 4539578763621486", key: "remark", want: "4539578763621486"},
			{text: "4716108999716531257", key: "remark"},
			{text: "6445644564456445", key: "remark"},
			{text: "378282246310005", key: "remark"},
			{text: "5555555555554444", key: "cardNo"},
			{text: "card: 3589 9999 9999 9994, exp 12/28", key: "text", want: "3589 9999 9999 9994"},
			{text: "38520000023237", key: "remark"},
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
		},
	})
}

func TestCreditCardCases(t *testing.T) { runCases(t, CreditCard) }

func TestLuhnAndBrand(t *testing.T) {
	for _, s := range []string{"4111111111111111", "79927398713", "0"} {
		if !Luhn(s) {
			t.Errorf("Luhn(%q) = false", s)
		}
	}
	for _, s := range []string{"", "4111111111111112", "79927398710", "4111-1111", "x"} {
		if Luhn(s) {
			t.Errorf("Luhn(%q) = true", s)
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
	}
	for _, b := range brands {
		got, ok := CardBrand(b.n)
		if ok != b.ok || (b.brand != "" && got != b.brand) {
			t.Errorf("CardBrand(%q) = %q, %v; want %q, %v", b.n, got, ok, b.brand, b.ok)
		}
	}
}
