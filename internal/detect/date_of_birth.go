package detect

import (
	"strconv"
	"time"
	"unsafe"
)

// Dates of birth are key- or label-driven: a date looks the same whether it is a birthday or
// a leave request. Under a DOB key or label (birthday, birthDate, dateOfBirth, dob,
// birthTime, sys02-birthTime, sys07-childBirthDate, 出生日期, 生日) the whole value is
// reported when it is a real date from 1900 up to today in one of the forms
//
//	1988-07-14  1988/07/14  1988.07.14  19880714  1988-7-14  14/07/1988  14-07-1988
//	1988年7月14日  14 Jul 1988  14-Jul-1988  Jul 14, 1988  1988-07 (month only)
//
// optionally followed by a time (1988-07-14 00:00:00, 1988-07-14T00:00:00Z), or an epoch
// timestamp of at least 9 digits in milliseconds or seconds (DingTalk's roster sends
// birthTime that way, also as a JSON number; a shorter number is a count). In free text only
// after a label (出生日期：…, DOB: …, "DOB 14 Jul 1988" where a field starts) or, inside a
// sentence, right after an English cue ("… and DOB 10/01/1975", "born on 4 May 2001",
// "D.O.B. 21/07/1994"), at 0.8.
var dateOfBirthRecognizer = Recognizer{
	Type:         DateOfBirth,
	Name:         "Date of birth",
	Description:  "a birth date in a DOB field or after 出生日期：/DOB:",
	Validates:    "DOB key, label or label-colon context; real date 1900..today",
	NeedsContext: true,
}

var monthNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// parseDate parses a date at the start of b and returns its length. whole accepts the
// month-only form and a trailing time, for whole-value fields.
func parseDate(b []byte, now time.Time, whole bool) (int, bool) {
	nowYMD := today(now)
	digits := func(i, min, max int) (int, int) { // value, end
		j := i
		for j < len(b) && j-i < max && isDigit(b[j]) {
			j++
		}
		if j-i < min || (j < len(b) && isDigit(b[j])) {
			return -1, i
		}
		return atoi(b[i:j]), j
	}
	var y, m, d, n int
	ok := false
	switch {
	case len(b) >= 4 && allDigits(b[:4]) && (len(b) == 4 || !isDigit(b[4])):
		// Year first: 1988-07-14, 1988/7/14, 1988.07.14, 1988年7月14日, 1988-07.
		y = atoi(b[:4])
		i := 4
		if i >= len(b) {
			break
		}
		var sep1 []byte
		switch {
		case b[i] == '-' || b[i] == '/' || b[i] == '.':
			sep1 = b[i : i+1]
			i++
		case hasPrefixBytes(b[i:], "年"):
			sep1 = b[i : i+3]
			i += 3
		default:
			break
		}
		if sep1 == nil {
			break
		}
		mm, j := digits(i, 1, 2)
		if mm < 0 {
			break
		}
		m, i = mm, j
		cjk := len(sep1) == 3
		if cjk {
			if !hasPrefixBytes(b[i:], "月") {
				break
			}
			i += 3
		}
		sep2ok := false
		if i < len(b) {
			if cjk && isDigit(b[i]) {
				sep2ok = true
			} else if !cjk && b[i] == sep1[0] && i+1 < len(b) && isDigit(b[i+1]) {
				sep2ok = true
				i++
			}
		}
		if !sep2ok {
			if whole {
				d, n, ok = 1, i, true // month precision
			}
			break
		}
		dd, j := digits(i, 1, 2)
		if dd < 0 {
			break
		}
		d, i = dd, j
		if cjk && hasPrefixBytes(b[i:], "日") {
			i += 3
		} else if cjk && hasPrefixBytes(b[i:], "號") {
			i += 3
		}
		n, ok = i, true
	case len(b) >= 8 && allDigits(b[:8]) && (len(b) == 8 || !isDigit(b[8])):
		y, m, d, n, ok = atoi(b[:4]), atoi(b[4:6]), atoi(b[6:8]), 8, true
	case len(b) >= 1 && isDigit(b[0]):
		// Day first: 14/07/1988, 14-07-1988, 14.07.1988, or 14 Jul 1988 (14th July, 1988).
		dd, i := digits(0, 1, 2)
		if dd < 0 || i >= len(b) {
			break
		}
		i = skipOrdinal(b, i)
		if i < len(b) && b[i] == ' ' {
			mon, j := monthAt(b, i+1)
			if mon == 0 || j >= len(b) {
				break
			}
			j = abbrevDot(b, i+1, j)
			j, ok2 := yearSep(b, j)
			if !ok2 {
				break
			}
			yy, k := digits(j, 4, 4)
			if yy < 0 {
				break
			}
			y, m, d, n, ok = yy, mon, dd, k, true
			break
		}
		if i >= len(b) {
			break
		}
		s := b[i]
		if s != '/' && s != '-' && s != '.' {
			break
		}
		if i+1 < len(b) && isLetter(b[i+1]) {
			// 14-Jul-1988, 14/JUL/1988: the form of HK forms and airline records.
			mon, j := monthAt(b, i+1)
			if mon == 0 || j >= len(b) || b[j] != s {
				break
			}
			yy, k := digits(j+1, 4, 4)
			if yy < 0 {
				break
			}
			y, m, d, n, ok = yy, mon, dd, k, true
			break
		}
		mm, j := digits(i+1, 1, 2)
		if mm < 0 || j >= len(b) || b[j] != s {
			break
		}
		yy, k := digits(j+1, 4, 4)
		if yy < 0 && whole {
			// 14/07/88 in a DOB field: a birth year is never in the future, so a two-digit
			// year after this one's is in the 1900s. Running text keeps four digits: there
			// 14/07/88 is as likely a reference or a score.
			if yy, k = digits(j+1, 2, 2); yy >= 0 {
				if yy > nowYMD/10000%100 {
					yy += 1900
				} else {
					yy += 2000
				}
			}
		}
		if yy < 0 {
			break
		}
		if mm > 12 && dd <= 12 {
			// 7/14/1988: month first, as US-style forms write it; no day is over 31, so
			// the order is only ambiguous when both are 12 or less, and then day-first
			// (the Hong Kong and British order) is taken.
			mm, dd = dd, mm
		}
		y, m, d, n, ok = yy, mm, dd, k, true
	default:
		// Month name first: Jul 14, 1988 / July 14th 1988 / (a whole field) Jul 1988.
		mon, i := monthAt(b, 0)
		i = abbrevDot(b, 0, i)
		if mon == 0 || i >= len(b) || b[i] != ' ' {
			break
		}
		if whole {
			if yy, k := digits(i+1, 4, 4); yy >= 0 {
				y, m, d, n, ok = yy, mon, 1, k, true // month precision
				break
			}
		}
		dd, j := digits(i+1, 1, 2)
		if dd < 0 {
			break
		}
		j = skipOrdinal(b, j)
		j, ok2 := yearSep(b, j)
		if !ok2 {
			break
		}
		yy, k := digits(j, 4, 4)
		if yy < 0 {
			break
		}
		y, m, d, n, ok = yy, mon, dd, k, true
	}
	if !ok || !validDate(y, m, d, nowYMD) {
		return 0, false
	}
	if whole {
		// Before the word test: the 'T' of 1988-07-14T00:00:00+08:00 is a letter.
		n = skipTime(b, n)
	} else {
		n = skipClockTime(b, n)
	}
	if n < len(b) && isWord(b[n]) {
		return 0, false
	}
	return n, true
}

// skipClockTime skips a time of day after a date in running text ("出生日期：1988-07-14
// 00:00:00", as exported from a date-time field), so the finding covers what a whole-value
// field would. Only a full hh:mm is taken: "1988-07-14 3 kids" keeps its number.
func skipClockTime(b []byte, n int) int {
	i := n + 1
	if n >= len(b) || (b[n] != ' ' && b[n] != 'T') || i+5 > len(b) ||
		!isDigit(b[i]) || !isDigit(b[i+1]) || b[i+2] != ':' || !isDigit(b[i+3]) || !isDigit(b[i+4]) {
		return n
	}
	i += 5
	if i+3 <= len(b) && b[i] == ':' && isDigit(b[i+1]) && isDigit(b[i+2]) {
		i += 3
		if i+1 < len(b) && b[i] == '.' && isDigit(b[i+1]) {
			for i++; i < len(b) && isDigit(b[i]); i++ {
			}
		}
	}
	if i < len(b) && isDigit(b[i]) {
		return n
	}
	// An ISO 8601 zone: Z, +08:00, +0800.
	switch {
	case i < len(b) && b[i] == 'Z' && (i+1 == len(b) || !isWord(b[i+1])):
		i++
	case i+5 <= len(b) && (b[i] == '+' || b[i] == '-') && isDigit(b[i+1]) && isDigit(b[i+2]):
		j := i + 3
		if b[j] == ':' {
			j++
		}
		if j+2 <= len(b) && isDigit(b[j]) && isDigit(b[j+1]) && (j+2 == len(b) || !isDigit(b[j+2])) {
			i = j + 2
		}
	}
	return i
}

// abbrevDot skips the full stop of an abbreviated month name that starts at i and ends at
// j ("Feb. 16, 1967", "16 Sept. 1967"): a written-out month takes none.
func abbrevDot(b []byte, i, j int) int {
	if j < len(b) && b[j] == '.' && j-i <= 4 {
		return j + 1
	}
	return j
}

// yearSep reads what separates a day or month name from the year: a space, a comma and a
// space, or a bare comma ("Feb 16,1967", as typed in a hurry). It returns where the year
// starts.
func yearSep(b []byte, j int) (int, bool) {
	switch {
	case j+1 < len(b) && b[j] == ',' && b[j+1] == ' ':
		return j + 2, true
	case j < len(b) && (b[j] == ' ' || b[j] == ','):
		return j + 1, true
	}
	return j, false
}

// skipOrdinal skips an English ordinal suffix after a day number: 14th, 1st, 2nd, 3rd.
func skipOrdinal(b []byte, i int) int {
	if i+2 > len(b) {
		return i
	}
	c0, c1 := lower(b[i]), lower(b[i+1])
	ord := c0 == 's' && c1 == 't' || c0 == 'n' && c1 == 'd' || c0 == 'r' && c1 == 'd' || c0 == 't' && c1 == 'h'
	if ord && (i+2 == len(b) || !isLetter(b[i+2])) {
		return i + 2
	}
	return i
}

// monthAt reads an English month name (3 letters or full) at b[i:].
func monthAt(b []byte, i int) (int, int) {
	if i+3 > len(b) {
		return 0, i
	}
	var low [3]byte
	for k := 0; k < 3; k++ {
		low[k] = lower(b[i+k])
	}
	for m, name := range monthNames {
		if string(low[:]) == name {
			j := i + 3
			for j < len(b) && isLetter(b[j]) {
				j++
			}
			if j-i > 9 {
				return 0, i
			}
			return m + 1, j
		}
	}
	return 0, i
}

// skipTime skips " 00:00:00", "T00:00:00Z", "T00:00:00.000+08:00" after a date.
func skipTime(b []byte, n int) int {
	if n+1 >= len(b) || (b[n] != ' ' && b[n] != 'T') {
		return n
	}
	i := n + 1
	if hasPrefixBytes(b[i:], "上午") || hasPrefixBytes(b[i:], "下午") {
		// 1988/7/14 上午 12:00:00: a date-time exported with a Chinese locale.
		i += len("上午")
		if i < len(b) && b[i] == ' ' {
			i++
		}
	}
	if i >= len(b) || !isDigit(b[i]) {
		return n
	}
	for i < len(b) && (isDigit(b[i]) || b[i] == ':' || b[i] == '.') {
		i++
	}
	if i < len(b) && (b[i] == 'Z' || b[i] == '+' || b[i] == '-') {
		i++
		for i < len(b) && (isDigit(b[i]) || b[i] == ':') {
			i++
		}
	}
	return i
}

// epochBirth reports whether b is an integer epoch timestamp (milliseconds, or seconds when
// short) between 1900 and now.
func epochBirth(b []byte, now time.Time) bool {
	if len(b) == 0 || len(b) > 14 {
		return false
	}
	v, err := strconv.ParseInt(unsafe.String(&b[0], len(b)), 10, 64)
	if err != nil || v == 0 {
		return false
	}
	ms := v
	if v > -1e11 && v < 1e11 && len(b) <= 10 {
		ms = v * 1000 // seconds
	}
	const ms1900 = -2208988800000
	return ms >= ms1900 && ms <= now.UnixMilli()
}

// dobValue reports a whole-value date of birth under a DOB key.
func (st *scanState) dobValue(s, e int) bool {
	v := st.text[s:e]
	now := st.s.now()
	ok := false
	if n, dok := parseDate(v, now, true); dok && n == len(v) {
		ok = true
	} else if allDigitsSigned(v) && len(v) >= minEpochDigits {
		ok = epochBirth(v, now)
	}
	if !ok {
		return false
	}
	st.add(cand{t: tDateOfBirth, start: s, end: e, score: scoreKey, flags: fCtxProof | fKeyProof})
	return true
}

// minEpochDigits: an epoch date of birth has at least 9 digits (seconds after 1973, or
// milliseconds); a shorter number under a DOB key is a count or a code ("date_of_birth":
// 4177 in a statistics object), and 8 digits are YYYYMMDD, tried as a date above.
const minEpochDigits = 9

func allDigitsSigned(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	return allDigits(b)
}

// ValidDateOfBirth reports whether s is a plausible birth date in one of the accepted forms
// (the epoch form excluded).
func ValidDateOfBirth(s string) bool {
	b := trimSpaceBytes([]byte(s))
	n, ok := parseDate(b, time.Now(), true)
	return ok && n == len(b)
}

// dobCues are the Chinese words a date of birth is written right after, without a colon or a
// space, at the start of a clause or inside one: "出生日期1988-07-14", "我出生於1988年7月14日".
// (Not 生於 alone: 發生於 is "happened on".)
var dobCues = []string{"出生日期", "出生年月日", "出生年月", "生日", "出生於", "出生于", "出生"}

// dobCueBefore offers the date starting at the digit text[i] as a date of birth when a DOB
// cue word is glued before it; the date must still parse as a real one.
func (st *scanState) dobCueBefore(i int) {
	// Digits right after a Chinese character are common (共3人, 於2024年): the cues' last
	// characters first.
	switch string(st.text[i-3 : i]) {
	case "期", "日", "月", "於", "于", "生":
	default:
		return
	}
	for _, w := range dobCues {
		if hasSuffixBytes(st.text[:i], w) {
			if w == "生日" && recentYear(st.text[i:], st.s.now()) {
				return // "同事生日2024-05-01一齊慶祝": this year's birthday, not a birth date
			}
			st.labelled(tDateOfBirth, false, true, i)
			return
		}
	}
}

// recentYear reports a date starting with a year of the last ten years: after 生日
// ("birthday") such a date is more often the day of a celebration than a birth.
func recentYear(b []byte, now time.Time) bool {
	if len(b) < 4 || !allDigits(b[:4]) || len(b) > 4 && isDigit(b[4]) {
		return false
	}
	return atoi(b[:4]) > now.Year()-10
}
