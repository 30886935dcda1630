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
			// Under a bank key the field holds an account whatever its check digit.
			{text: withoutLuhn("4111111111111111"), key: "bankCardNo"},
			{text: "銀聯卡 " + withoutLuhn("6222020200112230"), key: "remark", want: withoutLuhn("6222020200112230")},
			{text: "銀行卡 9558801234567890128", key: "remark", want: "9558801234567890128"},
			// Salary-card and UnionPay words make a card number a bank card.
			{text: "請記錄：UnionPay card 6214837208325002631 副本", key: "remark", want: "6214837208325002631"},
			{text: "工资卡 6228480690576542854、申請編號 20170729003919", key: "remark", want: "6228480690576542854"},
			{text: "已更新工資卡 (6222 0202 0011 2230)", key: "remark", want: "6222 0202 0011 2230"},
			{text: "salary card 6222020200112230", key: "remark", want: "6222020200112230"},
			{text: "銀聯卡 6250941006528599", key: "remark", want: "6250941006528599"},
			{text: "請核對工资卡 62226206527935796 謝謝！", key: "remark", want: "62226206527935796"},
			{text: "Updated bank card 4111 1111 1111 1111", key: "remark", want: "4111 1111 1111 1111"},
			// A salary card's number (工资卡号) ends in the card word 卡号: still a bank card.
			{text: "工资卡号 6228480690576542854，开户行 中国工商银行", key: "content", want: "6228480690576542854"},
			{text: "工資卡號：6222020200112230", key: "remark", want: "6222020200112230"},
			// A UnionPay debit card is a mainland bank account's card.
			{text: "my debit card number is 6217001466869543732", key: "content", want: "6217001466869543732"},
			{text: "借記卡號：6222020200112230", key: "remark", want: "6222020200112230"},
			// A bank key holds an account whatever its prefix.
			{text: "8985203123456789014", key: "bankAccountNo"},
			{text: "2088102146225135", key: "bankCardNo"},
		},
		fp: []tcase{
			{text: "9558801234567890128", key: "remark"},
			{text: "6222020200112230", key: "createTime"},
			{text: withLuhn("1742264100000123"), key: "remark"},
			{text: "6222 **** **** 2230", key: "bankCardNo"},
			{text: "6222020200112230", key: "value", label: "合同編號"},
			// A Visa or Mastercard number with a wrong check digit after a card or bank word
			// is a hard negative, not an account.
			{text: "卡號 " + withoutLuhn("4111111111111111"), key: "remark"},
			{text: "銀行卡 " + withoutLuhn("5490483651792974"), key: "remark"},
			// SIM cards' ICCIDs and Alipay user ids, named with card and account words.
			{text: "8985203123456789014", key: "simCardNo"},
			{text: "SIM卡號：89860012345678901238", key: "remark"},
			{text: "SIM卡號 " + withoutLuhn("8986001234567890123"), key: "remark"},
			{text: "支付寶賬號 2088102146225135", key: "remark"},
			{text: "DE89 3704 0044 0532 0130 00", key: "iban"},
			{text: "IBAN AE07 0331 2345 6789 0123 456", key: "remark"},
			{text: "Alipay account 2088102146225135", key: "cardNo"},
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
