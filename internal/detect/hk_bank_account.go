package detect

import "github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"

// Hong Kong bank account numbers: a three-digit bank code, a three-digit branch code and a
// 6–10 digit account number, usually written with dashes: 004-512-345678-838 (HSBC style),
// 012-875-0-123456-7 (BOCHK style). There is no public check digit, so:
//   - the dashed form starting with a known HKICL bank code (list below) is reported on its
//     own at a modest score (0.75), higher with a bank context word; a money word before it
//     (薪金, salary, HK$) does not take it back, an order or reference word does;
//   - any other 9–15 digit number (digits, spaces or dashes) needs a bank key or label
//     (bankAccountNo, sys04-bankAccountNo, payeeAccountNo, 銀行戶口 …) or a bank context word
//     (銀行, 戶口, 帳戶, account, a/c, 存入 …).
//
// A 16–19 digit number under a bank hint is a mainland bank card (cn_bank_card) instead.
var hkBankAccountRecognizer = Recognizer{
	Type:         HKBankAccount,
	Name:         "Hong Kong bank account",
	Description:  "HK bank account number (bank code, branch, account), e.g. 004-512-345678-838",
	Validates:    "known HKICL bank code in the dashed form; otherwise bank key or context",
	NeedsContext: true,
}

// hkBankCodes are HKICL clearing codes of banks that hold retail HKD accounts: the largest
// retail banks, the virtual banks and the mainland banks' Hong Kong arms.
var hkBankCodes = func() (t [1000]bool) {
	for _, c := range []int{
		3, 4, 5, 6, 7, 9, 12, 15, 16, 18, 20, 22, 24, 25, 27, 28, 35, 38, 39, 40, 41, 43, 61, 72,
		128, 185, 198, 214, 221, 222, 229, 238, 250, 269, 345, 353, 360, 368, 382, 385, 386,
		387, 388, 389, 390, 391, 392, 393, 395,
	} {
		t[c] = true
	}
	return t
}()

func hkBankCode(d []byte) bool {
	return len(d) >= 3 && isDigit(d[0]) && isDigit(d[1]) && isDigit(d[2]) && hkBankCodes[atoi(d[:3])]
}

// matchBankAccount offers a chain of digit groups as a bank account.
func (st *scanState) matchBankAccount(d []byte, sz []int, sep byte, start, end int) {
	total := len(d)
	if len(sz) >= 3 && sz[0] == 3 && sz[1] == 3 && total >= 12 && total <= 16 && hkBankCode(d) {
		// Money is what goes into an account: "薪金 004-512-345678-838", "HK$500 to
		// 004-…" keep the account; order, invoice and reference words still take it back.
		flags := fMoneyOK
		if sep != '-' {
			flags |= fNeedHint
		}
		st.add(cand{t: tHKBankAccount, start: start, end: end, score: scoreCodeShape, flags: flags})
		return
	}
	switch {
	case total >= 9 && total <= 15:
		st.add(cand{t: tHKBankAccount, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
	case total >= 16 && total <= 19 && !checkdigit.LuhnValid(d) && !st.nonBankNumber(d):
		// Mainland account numbers that are not cards carry no Luhn digit. A number in an
		// international card brand's range that fails Luhn is a card number with a wrong
		// check digit (a test value, a typo): only a bank key or label, whose field holds an
		// account whatever its shape, reports it. UnionPay numbers are mainland debit
		// accounts, some without a Luhn digit.
		if b, ok := cardBrand(string(d)); ok && b != "unionpay" && !st.hint().pos.has(tCNBankCard) {
			return
		}
		st.add(cand{t: tCNBankCard, start: start, end: end, score: scoreCodeShape, flags: fNeedHint})
	}
}
