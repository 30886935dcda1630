package detect

import (
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// Mainland Resident Identity Card number (GB 11643-1999): six-digit area code, birth date
// YYYYMMDD, three-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
// Hong Kong, Macau and Taiwan residents' residence permits use area codes 810000, 820000 and
// 830000; the 2023 foreigners' permanent residence card starts with 9 followed by the
// province code of issue.
//
// Validation: the check character, a real calendar date from 1800 up to today, and a known
// province code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71) with a city code 01–90, or
// 81/82/83 followed by 0000. Under an id/order/contract key, or after a word such as 合同 or
// 訂單, a number that happens to validate is still not reported.
//
// First-generation cards (1984–2004, invalid as travel or bank documents since 2013 but still
// found in old records) carry a 15-digit number: area code, birth date YYMMDD in the 1900s
// and a three-digit sequence, with no check digit. It is supported, but with nothing to check
// beyond area and date it is reported only under an ID key or after an ID word (身份證
// 130503670401001).
var cnIDRecognizer = Recognizer{
	Type:        CNID,
	Name:        "Mainland China Resident ID",
	Description: "18-character mainland ID or HK/Macau/Taiwan residence permit number",
	Validates:   "ISO 7064 MOD 11-2 check, real birth date not in the future, known area code",
}

// cnProvince[i] is true for the two-digit province codes in use.
var cnProvince = func() (t [100]bool) {
	for _, p := range []int{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
		41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71} {
		t[p] = true
	}
	return t
}()

// ValidCNID reports whether s (18 characters, surrounding spaces ignored) is a valid
// mainland ID number.
func ValidCNID(s string) bool {
	b := trimSpaceBytes([]byte(s))
	now := today(time.Now())
	return cnIDValid(b, now) || cnID15Valid(b, now)
}

// cnID15Valid checks a first-generation 15-digit number: area code and a 19YYMMDD birth date.
func cnID15Valid(b []byte, now int) bool {
	// Residence permits (81–83) and the foreigners' card (9…) never had a 15-digit form.
	if len(b) != 15 || !allDigits(b) || b[0] == '9' || b[0] == '8' || !cnAreaValid(b[:6]) {
		return false
	}
	return realDate(1900+atoi(b[6:8]), atoi(b[8:10]), atoi(b[10:12]), now)
}

// today returns the date as YYYYMMDD.
func today(t time.Time) int {
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

func cnIDValid(b []byte, now int) bool {
	if len(b) != 18 {
		return false
	}
	if !allDigits(b[:17]) || upper(b[17]) != checkdigit.CNID(b) {
		return false
	}
	if !cnAreaValid(b[:6]) {
		return false
	}
	return cnIDDate(b[6:14], now)
}

// cnIDShape reports whether 18 characters have a cn_id's area code and birth date,
// whatever their check character.
func cnIDShape(b []byte, now int) bool {
	if len(b) != 18 || !allDigits(b[:17]) {
		return false
	}
	return cnAreaValid(b[:6]) && cnIDDate(b[6:14], now)
}

// cnAreaValid checks the area code's province and city parts.
func cnAreaValid(a []byte) bool {
	p := atoi(a[:2])
	switch {
	case p == 81 || p == 82 || p == 83:
		return string(a[2:]) == "0000"
	case a[0] == '9': // foreigners' permanent residence card: 9 + province of issue
		return cnProvince[atoi(a[1:3])]
	case p == 71:
		return true
	}
	city := atoi(a[2:4])
	return cnProvince[p] && city >= 1 && city <= 90
}

// validDate reports whether y-m-d is a real date from 1900-01-01 up to now (YYYYMMDD).
func validDate(y, m, d, now int) bool {
	return y >= 1900 && realDate(y, m, d, now)
}

// cnIDDate checks the YYYYMMDD birth date of an ID number. The standard's own worked example
// (GB 11643-1999, 440524188001010014) was born in 1880, so IDs accept dates from 1800: an
// 18-digit number with a real area code, an 1800s date and a matching check character is
// no more likely to be anything else.
func cnIDDate(b []byte, now int) bool {
	y := atoi(b[:4])
	return y >= 1800 && realDate(y, atoi(b[4:6]), atoi(b[6:8]), now)
}

// realDate reports whether y-m-d is a calendar date not after now (YYYYMMDD).
func realDate(y, m, d, now int) bool {
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return false
	}
	return y*10000+m*100+d <= now
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// atoi parses ASCII digits; callers have checked them.
func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// matchCNID reports an 18-character candidate (contiguous, or written 6-8-4).
func (st *scanState) matchCNID(d []byte, start, end int) {
	if !cnIDValid(d, today(st.s.now())) {
		return
	}
	st.add(cand{t: tCNID, start: start, end: end, score: scoreValidated})
}

// matchCNID15 offers a contiguous 15-digit number as a first-generation ID; it needs a key or
// context word naming an ID.
func (st *scanState) matchCNID15(d []byte, start, end int) {
	if cnID15Valid(d, today(st.s.now())) {
		st.add(cand{t: tCNID, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
	}
}
