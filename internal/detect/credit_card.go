package detect

import (
	"bytes"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// Payment card numbers: 13–19 digits, contiguous or in groups of four (the last group
// shorter) or 4-6-5 (Amex) / 4-6-4 (Diners) separated by single spaces or dashes. A number is
// a card only when it passes the Luhn check AND falls in a known brand's IIN range with one of
// that brand's lengths:
//
//	Visa 4 (13, 16, 19)            Mastercard 51–55, 2221–2720 (16)   Amex 34, 37 (15)
//	UnionPay 62, 8100–8171 (16–19) JCB 3528–3589 (16–19); 3088–3094, 3096–3102,
//	                               3112–3120, 3158–3159, 3337–3349 (16)
//	Discover 6011, 644–649, 65 (16–19)   Diners Club 300–305, 3095, 36, 38, 39 (14, 16–19)
//	Maestro 50, 56–58, 6304, 6759, 6761–6763 (13, 14, 16–19)   Mir 2200–2204 (16–19)
//	Switch/Solo 633110, 6333, 6334, 6767 (16, 18, 19)   Elo 6277, 6362, 6363, Hipercard
//	606282 (16)
//
// UnionPay's 81 series (e.g. 8171 9999 2766 0000 in Worldline's and 8100 0100 0000 0142 in
// Cybersource's test data), JCB's original 30/31/33 ranges (3088 0000 0000 0009 in
// Authorize.Net's and PayPal's lists), the wider Maestro range and the Dankort (5019), Solo
// and Switch numbers still printed in PayPal's list are cards in use or in test suites;
// none starts with 1 (timestamps) and every one still needs Luhn.
//
// Fifteen digits are Amex only. A 15-digit Luhn number is what every phone's IMEI is (3GPP
// TS 23.003 §6.2.1: 8-digit TAC, 6-digit serial, Luhn check digit), and TACs start with the
// reporting bodies' codes 01, 30, 33, 35, 44, 45, 49, 50–54, 86, 91, 98, 99 — 30x and 50 lie in
// the Diners and Maestro ranges, whose cards are not issued with 15 digits, while no body
// uses 34 or 37.
//
// A contiguous 17- or 18-digit number, or a 13-digit one that is also a valid EAN-13
// barcode, needs a card key or context word (18-digit contract numbers are common, such
// cards are not; EAN-13s start with 4 too); an 18-digit one shaped like a mainland ID is never
// a card. Epoch-millisecond (13 digits) and microsecond (16 digits) timestamps start with 1, which no
// brand uses, so a Luhn-valid timestamp is never a card. Under a bank key or label
// (bankCardNo, sys04-bankAccountNo, 銀行卡號 …), or right after a bank word naming this very
// number (銀行卡, 工資卡, salary card, bank account, UnionPay/銀聯 …), the same number is
// reported as cn_bank_card instead; so is a UnionPay number after a debit-card word (debit
// card, 借記卡), which names a bank account's card; a card word (信用卡, credit card, 卡號),
// a debit card of another brand or no word leaves it a credit_card (doc.go, "Payment card or
// bank card").
var creditCardRecognizer = Recognizer{
	Type:        CreditCard,
	Name:        "Payment card number",
	Description: "Visa, Mastercard, Amex, UnionPay, JCB, Discover, Diners, Maestro or Mir card number",
	Validates:   "Luhn check and brand IIN range with a valid length for that brand",
}

// CardBrand returns the brand whose IIN range holds digits; ok is false when no known brand
// matches or the length is wrong for that brand. It does not check Luhn.
func CardBrand(digits string) (brand string, ok bool) {
	for i := 0; i < len(digits); i++ {
		if !isDigit(digits[i]) {
			return "", false
		}
	}
	b, ok := cardBrand(digits)
	return b, ok
}

// cardBrand works on any string of ASCII digits (a []byte converted without copying by the
// compiler when passed as string(b) to this non-escaping function).
func cardBrand(d string) (string, bool) {
	n := len(d)
	if n < 13 || n > 19 {
		return "", false
	}
	p2 := int(d[0]-'0')*10 + int(d[1]-'0')
	p3 := p2*10 + int(d[2]-'0')
	p4 := p3*10 + int(d[3]-'0')
	switch {
	case d[0] == '4':
		return "visa", n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720:
		return "mastercard", n == 16
	case p2 == 34 || p2 == 37:
		return "amex", n == 15
	case p2 == 62 || p4 >= 8100 && p4 <= 8171:
		return "unionpay", n >= 16
	case p4 >= 3528 && p4 <= 3589:
		return "jcb", n >= 16
	case jcbLegacy(p4):
		return "jcb", n == 16
	case p4 == 6011 || p3 >= 644 && p3 <= 649 || p2 == 65:
		return "discover", n >= 16
	case p3 >= 300 && p3 <= 305 || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39:
		return "diners", n >= 14 && n != 15
	case p2 == 50 || p2 >= 56 && p2 <= 58 || p4 == 6304 || p4 == 6759 || p4 >= 6761 && p4 <= 6763:
		return "maestro", n != 15
	case p4 >= 2200 && p4 <= 2204:
		return "mir", n >= 16
	case p4 == 6333 || p4 == 6334 || p4 == 6767 || p4 == 6331 && d[4] == '1' && d[5] == '0':
		return "switch", n == 16 || n == 18 || n == 19
	case p4 == 6277 || p4 == 6362 || p4 == 6363:
		return "elo", n == 16
	case p4 == 6062 && d[4] == '8' && d[5] == '2':
		return "hipercard", n == 16
	}
	return "", false
}

// jcbLegacy reports JCB's pre-1990s IIN ranges, still issued in Japan.
func jcbLegacy(p4 int) bool {
	switch {
	case p4 >= 3088 && p4 <= 3094, p4 >= 3096 && p4 <= 3102, p4 >= 3112 && p4 <= 3120,
		p4 == 3158, p4 == 3159, p4 >= 3337 && p4 <= 3349:
		return true
	}
	return false
}

// cardGrouping reports whether element sizes are a way cards are written: one block, fours
// with a shorter last group, 4-6-5 or 4-6-4.
func cardGrouping(sz []int) bool {
	if len(sz) == 1 {
		return true
	}
	if len(sz) == 3 && sz[0] == 4 && sz[1] == 6 && (sz[2] == 5 || sz[2] == 4) {
		return true
	}
	if len(sz) < 4 {
		return false
	}
	for _, s := range sz[:len(sz)-1] {
		if s != 4 {
			return false
		}
	}
	last := sz[len(sz)-1]
	return last >= 1 && last <= 4
}

// matchCard offers a 13–19 digit chain as a card, or as a brandless bank card number.
func (st *scanState) matchCard(d []byte, sz []int, start, end int) {
	if !cardGrouping(sz) || !checkdigit.LuhnValid(d) {
		return
	}
	if len(sz) == 1 && len(d) == 18 && cnIDShape(d, today(st.s.now())) {
		// An 18-digit number with a real area code and birth date is a mainland ID (with a
		// wrong check digit if cn_id rejected it), not a card that happens to pass Luhn.
		return
	}
	if brand, ok := cardBrand(string(d)); ok {
		if brand == "unionpay" && st.debitCardBefore(start) {
			// A UnionPay debit card is the card of a mainland bank account: a bank card.
			// A Visa or Mastercard debit card is a payment card like a credit card.
			st.add(cand{t: tCNBankCard, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
			return
		}
		switch {
		case len(sz) > 1:
			st.add(cand{t: tCreditCard, start: start, end: end, score: scoreStrong, flags: fCtxProof})
		case len(d) == 17 || len(d) == 18:
			// Hardly any card has 17 or 18 digits, while 18-digit contract and order
			// numbers are common: only a card key or context word makes it a card.
			st.add(cand{t: tCreditCard, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
		case len(d) == 13 && checkdigit.GTINValid(d):
			// An EAN-13 barcode of a product registered in Hong Kong (489…) or Japan (45…,
			// 49…) starts with a 4, and one in ten passes Luhn. One that also carries a
			// valid GS1 check digit (as every barcode does, and one 13-digit Visa number in
			// ten: Visa stopped issuing them long ago) is a card only with a card key or
			// context word, or written in fours. Test card numbers such as 4222222222222
			// fail the GS1 check and stay cards.
			st.add(cand{t: tCreditCard, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
		default:
			st.add(cand{t: tCreditCard, start: start, end: end, score: scoreValidated})
		}
		return
	}
	if len(d) >= 16 && !st.nonBankNumber(d) {
		st.add(cand{t: tCNBankCard, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
	}
}

// debitWords name a debit card (lower case): the card of a bank account, not of a credit line.
var debitWords = [][]byte{[]byte("debit card"), []byte("debit"), []byte("借記卡"), []byte("借记卡"),
	[]byte("扣賬卡"), []byte("扣账卡"), []byte("提款卡")}

// debitCardBefore reports a debit card word naming the number at start: the nearest context
// word is a card word with no other number between ("debit card no. 6222…", "借記卡號：6222…"),
// and a debit word, not a credit one, ends within its reach. Only without a key, which says
// what its field holds.
func (st *scanState) debitCardBefore(start int) bool {
	const reach = 24
	if st.hint().pos != 0 {
		return false
	}
	cx := st.context(start)
	if !cx.found || !cx.direct || cx.mask != maskCard {
		return false
	}
	var buf [reach + 4]byte
	low := lowerFit(buf[:], st.text[utf8Floor(st.text, max(start-reach, 0)):start])
	if low == nil || bytes.Contains(low, []byte("credit")) || bytes.Contains(low, []byte("信用")) {
		return false
	}
	for _, w := range debitWords {
		if i := bytes.LastIndex(low, w); i >= 0 && bytes.IndexAny(low[i+len(w):], "0123456789") < 0 {
			return true
		}
	}
	return false
}
