package detect

import "github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"

// Mainland bank card and account numbers: 16–19 digits (contiguous or grouped) under a bank
// key or label (bankCardNo, bankAccountNo, sys04-bankAccountNo, 銀行卡號, 银行卡 …) or after a
// bank context word (銀行卡, 工資卡/工资卡, 工资卡号, salary card, UnionPay card, 銀聯卡 …; for a
// UnionPay number also debit card, 借記卡). A Luhn-valid number scores 0.8 with context (0.95
// with a key); a brand-valid card number named as a bank card becomes cn_bank_card rather
// than credit_card, never both — but only when the word names it directly (no other number
// in between); a number without a Luhn digit (many UnionPay debit accounts) is accepted at
// 0.75 with context.
var cnBankCardRecognizer = Recognizer{
	Type:         CNBankCard,
	Name:         "Mainland bank card / account",
	Description:  "16-19 digit bank card or account number named by a bank key or context",
	Validates:    "Luhn (preferred) and 16-19 digits; bank key, label or context required",
	NeedsContext: true,
}

// ValidCNBankCard reports whether s holds 16–19 digits (spaces and dashes between groups
// allowed) that pass the Luhn check.
func ValidCNBankCard(s string) bool {
	var buf [24]byte
	d := buf[:0]
	b := trimSpaceBytes([]byte(s))
	for i, c := range b {
		switch {
		case isDigit(c):
			if len(d) == len(buf) {
				return false
			}
			d = append(d, c)
		case (c == ' ' || c == '-') && i > 0 && i+1 < len(b) && isDigit(b[i-1]) && isDigit(b[i+1]):
		default:
			return false
		}
	}
	return len(d) >= 16 && len(d) <= 19 && checkdigit.LuhnValid(d)
}

// nonBankNumber reports card-length numbers that issuers other than banks hand out, which
// card and account words still name ("SIM卡號", "SIM card number", "支付寶賬號", "Alipay
// account") and keys such as simCardNo call card numbers:
//   - a SIM card's ICCID (ITU-T E.118): 18–20 digits after the issuer prefix 89 (ISO/IEC 7812
//     major industry identifier 8, telecommunications) with a Luhn check digit like a bank
//     card's — China's are 20 digits (8986…), Hong Kong's and others' often 19, some are
//     printed without the check digit;
//   - an Alipay user id (Alipay Open Platform: user_id, buyer_id, seller_id): 2088 and
//     twelve more digits.
//
// No bank card starts with 89 or 2088 (Mastercard's 2-series starts at 2221, Mir's ends at
// 2204). Only a bank key or label, whose field holds an account whatever its shape, keeps one.
func (st *scanState) nonBankNumber(d []byte) bool {
	iccid := len(d) >= 18 && d[0] == '8' && d[1] == '9'
	alipay := len(d) == 16 && hasPrefixBytes(d, "2088")
	return (iccid || alipay) && !st.hint().pos.has(tHKBankAccount)
}
