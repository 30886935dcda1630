package detect

import "testing"

func init() {
	register(recognizerCases{typ: CNBankCard, naturalKey: "bankCardNo",
		tp: []tcase{
			{text: "6222020200112230", key: "bankCardNo"},
			{text: "银行卡号 6217001234567890122", key: "remark", want: "6217001234567890122"},
			{text: "9558801234567890128", key: "bankCardNo"},
			{text: "6222 0202 0011 2230", key: "value", label: "sys04-bankAccountNo"},
			{text: withoutLuhn("9558801234567890128"), key: "bankAccountNo"},
			{text: "銀行卡 9558801234567890128", key: "remark", want: "9558801234567890128"},
		},
		fp: []tcase{
			{text: "9558801234567890128", key: "remark"},
			{text: "6222020200112230", key: "createTime"},
			{text: withLuhn("1742264100000123"), key: "remark"},
			{text: "6222 **** **** 2230", key: "bankCardNo"},
		},
	})
}

func TestCNBankCardCases(t *testing.T) { runCases(t, CNBankCard) }

func TestValidCNBankCard(t *testing.T) {
	if !ValidCNBankCard("6222020200112230") || !ValidCNBankCard("6222 0202 0011 2230") ||
		ValidCNBankCard(withoutLuhn("6222020200112230")) || ValidCNBankCard("622202020011223") {
		t.Error("ValidCNBankCard")
	}
}
