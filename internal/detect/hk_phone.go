package detect

import (
	"strings"
	"unsafe"
)

// Hong Kong phone numbers: eight digits, optionally after +852, 852, (852), (+852) or 00852,
// written 91234567, 9123 4567, 9123-4567 or with an extension (852-21234567-801: the finding
// is 852-21234567, the extension alone identifies no one).
//
// Allocated leading digits (OFCA numbering plan): 2 and 3 fixed lines, 4, 5, 6, 7 and 9
// mobile (58 is fixed but shares the 5 range), 8 only as 84–89 (mobile and paging blocks);
// 0 and 1 are never the first digit of a subscriber number, and 80–83 are special services.
//
// A bare eight-digit number is far more often an id, an amount or a date than a phone, so it
// needs a phone key (mobile, telephone, atMobiles, sys00-mobile, …), a phone context word
// (電話, 手機, 聯絡, call, tel, WhatsApp, …) or a DingTalk @-mention. The 4-4 written form is
// reported on its own at a low score; a country prefix makes it strong.
var hkPhoneRecognizer = Recognizer{
	Type:         HKPhone,
	Name:         "Hong Kong phone number",
	Description:  "8-digit HK number with optional +852/852/(852)/00852 prefix and separators",
	Validates:    "allocated leading digits (2, 3, 4, 5, 6, 7, 84-89, 9); key or context for bare numbers",
	NeedsContext: true,
}

// hkPhoneValid reports whether eight ASCII digits start with an allocated prefix.
func hkPhoneValid(d []byte) bool {
	if len(d) != 8 {
		return false
	}
	switch d[0] {
	case '2', '3', '4', '5', '6', '7', '9':
		return true
	case '8':
		return d[1] >= '4'
	}
	return false
}

// ValidHKPhone reports whether s is an HK phone number in any accepted written form (with or
// without country prefix, separators and extension).
func ValidHKPhone(s string) bool {
	if len(s) == 8 && allDigits(unsafe.Slice(unsafe.StringData(s), 8)) {
		// Eight bare digits, the commonest form of a `mobile` field: the scanner below
		// reports them whole exactly when the prefix is allocated (TestValidHKPhoneEightDigits
		// compares the two), at a fraction of its cost.
		return hkPhoneValid(unsafe.Slice(unsafe.StringData(s), 8))
	}
	if wholeValueIs(s, tHKPhone) {
		return true
	}
	// A finding stops before an extension ("852-21234567-801"): check the number without it.
	t := strings.TrimSpace(s)
	i := strings.LastIndexByte(t, '-')
	if i <= 0 || len(t)-i-1 < 1 || len(t)-i-1 > 5 || !allDigits([]byte(t[i+1:])) {
		return false
	}
	return wholeValueIs(t[:i], tHKPhone)
}

// matchEightDigits offers a bare eight-digit number as the types that use that shape: an HK
// phone, an HK Business Registration number or a Macau ID. Each needs its own key or
// context, so at most one of them survives in practice.
func (st *scanState) matchEightDigits(d []byte, start, end int) {
	if hkPhoneValid(d) {
		st.add(cand{t: tHKPhone, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
	}
	st.add(cand{t: tHKBR, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
	if moIDLead(d[0]) {
		st.add(cand{t: tMOID, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
	}
}
