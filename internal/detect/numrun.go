package detect

// A number run is what the scanner reads where digits start: digit groups joined by single
// spaces or dashes, with an optional "+", "00", "(852)" country prefix, a Macau "(8)" check
// bracket or a cn_id "X". Groups joined by '.' form one element (an IPv4 candidate when it has
// four short parts, otherwise a decimal or version that no format may use). Recognizers then
// match whole "chains" of elements, so a format never starts or ends inside a number.

// maxElems bounds the groups of one run: the longest format (a 19-digit card in fives,
// 012-875-0-123456-7) has five. A longer run is read on in further runs.
const maxElems = 6

const (
	ekGroup  uint8 = iota
	ekDotted       // a.b.c.d with 1-3 digit parts
	ekPoison       // decimal, version, time, percentage, part of a word: never a format
)

// elem is kept small (int32 offsets): a run's elements live on the stack and are zeroed for
// every number in the text.
type elem struct {
	s, e int32 // digits (plus a trailing X)
	end  int32 // e, or the end of a "(d)" bracket after the digits
	nd   int32 // number of digits
	kind uint8
	sep  byte // separator before the element: 0 for the first, ' ' or '-'
	x    bool // ends with the cn_id check character X
}

func (el *elem) plain() bool { return el.kind == ekGroup && !el.x && el.end == el.e }

type numRun struct {
	start    int // first byte, including "+" or "("
	el       [maxElems]elem
	n        int
	paren    bool // "(852) …": cc holds the digits inside the parentheses
	cc0, cc1 int
	plus     bool
	dead     bool // the tail of a code like "PO-12345678": consumed, never reported
}

// numberRun reads the run starting at i (a digit, '+' or '(') and matches it. It returns the
// offset where scanning resumes; i itself when i does not start a run.
func (st *scanState) numberRun(i int) int {
	text := st.text
	n := len(text)
	var r numRun
	r.start = i
	p := i
	switch text[i] {
	case '(':
		if i > 0 && isWord(text[i-1]) {
			return i
		}
		q := i + 1
		plus := q < n && text[q] == '+'
		if plus {
			q++
		}
		ds := q
		for q < n && q-ds < 6 && isDigit(text[q]) {
			q++
		}
		if q == ds || q >= n || text[q] != ')' {
			return i
		}
		// "(852)", "(+86)": a country code; "(1)", "(2)" number a list and are not one.
		if cc := string(text[ds:q]); !plus && cc != "852" && cc != "86" && cc != "853" && cc != "886" {
			return i
		}
		r.paren, r.cc0, r.cc1 = true, ds, q
		q++
		if q < n && (text[q] == ' ' || text[q] == '-') {
			q++
		}
		if q >= n || !isDigit(text[q]) {
			return i
		}
		p = q
	case '+':
		if i+1 >= n || !isDigit(text[i+1]) || (i > 0 && isAlnum(text[i-1])) {
			return i
		}
		r.plus = true
		p = i + 1
	default:
		// "2001:db8::1": a hex group followed by ':' may start an IPv6 address.
		j := i
		for j < n && j-i <= 4 && isHex(text[j]) {
			j++
		}
		if j < n && text[j] == ':' {
			if end := st.matchIPv6(i); end > i {
				return end
			}
		}
		// Fast paths: most numbers in payloads are short counts and codes, or sit under an
		// id/time/amount key where no number format can survive.
		j = i
		for j < n && isDigit(text[j]) {
			j++
		}
		if st.keyProofOnly || j-i < 7 && !continuesNumber(text, j) {
			return j
		}
		r.dead = !st.leftOK(i)
		if i > 0 && text[i-1] == ' ' {
			if e := ibanEnd(text, i); e > 0 {
				return e // a group of an IBAN: its digits are neither card nor account
			}
		}
	}
	if st.keyProofOnly {
		r.dead = true // no number format survives an id/time/amount key
	}

	var sep byte
	for {
		el := elem{s: int32(p), sep: sep, kind: ekGroup}
		for p < n && isDigit(text[p]) {
			p++
		}
		el.nd = int32(p) - el.s
		if p+1 < n && text[p] == '.' && isDigit(text[p+1]) {
			parts, short := 1, el.nd <= 3
			for p+1 < n && text[p] == '.' && isDigit(text[p+1]) {
				p++
				q := p
				for p < n && isDigit(text[p]) {
					p++
				}
				parts++
				short = short && p-q <= 3
			}
			el.kind = ekPoison
			if parts == 4 && short {
				el.kind = ekDotted
			}
		}
		el.e, el.end = int32(p), int32(p)
		stop := false
		if p < n {
			c := text[p]
			switch {
			case (c == 'X' || c == 'x') && el.kind == ekGroup && el.nd >= 3 && wordEnds(text, p+1):
				p++
				el.x, el.e, el.end = true, int32(p), int32(p)
				stop = true
			case isWord(c):
				if r.n == 0 && !r.plus && !r.paren && el.kind == ekGroup {
					return st.word(i) // a digit-led word such as a USCC code
				}
				for p < n && isWord(text[p]) {
					p++
				}
				el.kind, el.end, stop = ekPoison, int32(p), true
			case c == '@' || c == '%' || c == '_':
				el.kind, stop = ekPoison, true
			case (c == '.' || c == '-') && p+1 < n && isLetter(text[p+1]):
				el.kind, stop = ekPoison, true // "12345678.jpg", "12345678-abc"
			case c == ':' && p+1 < n && isDigit(text[p+1]):
				if el.kind != ekDotted { // 10.0.0.1:8080 keeps its address
					el.kind = ekPoison // a time such as 10:15
				}
				stop = true
			case c == ',':
				// Thousands separators make an amount: 12,345,678.
				for p+3 < n && text[p] == ',' && isDigit(text[p+1]) && isDigit(text[p+2]) &&
					isDigit(text[p+3]) && (p+4 >= n || !isDigit(text[p+4])) {
					p += 4
					el.kind, stop = ekPoison, true
				}
				if stop && p+1 < n && text[p] == '.' && isDigit(text[p+1]) {
					for p++; p < n && isDigit(text[p]); p++ {
					}
				}
				el.end = int32(p)
			case el.kind == ekGroup && el.nd == 7 && (c == '(' || c == ' ' || c == 0xEF):
				// Macau BIR numbers carry their check digit in brackets: 1234567(8).
				// The closing bracket ends it, whatever follows (1234567(8)2000, 1234567(8)A@…):
				// were what follows to decide, redacting it would reveal the ID on a second pass.
				if ch, m := parseCheckBracket(text, p); m > 0 && isDigit(ch) {
					p += m
					el.end, stop = int32(p), true
				}
			}
			if !stop && amountAfter(text, p) {
				el.kind, stop = ekPoison, true
			}
		}
		if r.n < maxElems {
			r.el[r.n] = el
			r.n++
		}
		if !stop && r.n < maxElems && p+1 < n && (text[p] == ' ' || text[p] == '-') && isDigit(text[p+1]) {
			sep = text[p]
			p++
			continue
		}
		if !stop && r.n < maxElems && p+2 < n && text[p] == 0xC2 && text[p+1] == 0xA0 && isDigit(text[p+2]) {
			// A no-break space (U+00A0), which word processors and web forms put between digit
			// groups so that "9123 4567" never wraps, separates groups as a space does.
			sep = ' '
			p += 2
			continue
		}
		break
	}
	if !r.dead {
		st.matchRun(&r)
	}
	if p <= i {
		return i + 1
	}
	return p
}

// continuesNumber reports whether the byte after a digit group can extend it into a longer
// format: a separator or dot before more digits, a letter (a code or an X check), a bracket.
func continuesNumber(text []byte, j int) bool {
	if j >= len(text) {
		return false
	}
	switch c := text[j]; {
	case c == ' ' || c == '-' || c == '.':
		return j+1 < len(text) && isDigit(text[j+1])
	case c == 0xC2: // a no-break space
		return j+2 < len(text) && text[j+1] == 0xA0 && isDigit(text[j+2])
	case isWord(c) || c == '(' || c == 0xEF:
		return true
	}
	return false
}

// amountAfter reports a currency or unit right after a number: 12345678元, 500萬, 30％.
func amountAfter(text []byte, p int) bool {
	if p+2 >= len(text) {
		return false
	}
	switch string(text[p : p+3]) {
	case "元", "圓", "圆", "萬", "万", "億", "亿", "块", "塊", "％", "米", "吨", "噸", "公", "件", "個", "个", "次", "天", "年", "月", "日", "号", "號", "歲", "岁", "分", "秒", "樓", "楼":
		return true
	}
	return false
}

// chain returns how many elements from j form one number: the same separator throughout, and
// with spaces only group sizes that formats use (3–6, 6-8-… for a spaced cn_id, 3-8 for a
// mainland mobile), so that "91234567 61234567" stays two numbers. A card number printed in
// fours ends in whatever digits are left over, so a 1–2 digit group closes a run of at least
// three fours ("3622 7206 2716 67", "4222 2222 2222 2") when nothing spaced follows it; the
// card check still decides.
func (r *numRun) chain(j int) int {
	e0 := &r.el[j]
	if !e0.plain() || j+1 >= r.n {
		return 1
	}
	sep := r.el[j+1].sep
	if sep == ' ' && (e0.nd < 3 || e0.nd > 6) {
		return 1
	}
	k := j + 1
	for ; k < r.n; k++ {
		e := &r.el[k]
		if e.sep != sep || e.kind != ekGroup || e.end != e.e {
			break
		}
		if sep == ' ' && e.nd == 8 && k == j+1 && e0.nd == 3 {
			// A mainland mobile split after its prefix, 138 12345678: the pair is the whole
			// number (matchChain hands the eight digits back when it is not one).
			k++
			break
		}
		if sep == ' ' && !(e.nd >= 3 && e.nd <= 6 || e.nd == 8 && k == j+1 && e0.nd == 6 ||
			e.nd <= 2 && k >= j+3 && r.allFours(j, k) && (k+1 == r.n || r.el[k+1].sep != ' ')) {
			break
		}
		if e.x {
			k++
			break
		}
	}
	return k - j
}

// allFours reports whether elements [j, k) all have four digits.
func (r *numRun) allFours(j, k int) bool {
	for ; j < k; j++ {
		if r.el[j].nd != 4 {
			return false
		}
	}
	return true
}

// digits copies the digits (and a final X) of elements [j, j+m) into buf.
func (st *scanState) digits(r *numRun, j, m int, buf []byte) []byte {
	for k := j; k < j+m; k++ {
		buf = append(buf, st.text[r.el[k].s:r.el[k].e]...)
	}
	return buf
}

const (
	ccHK = 852
	ccCN = 86
)

// matchRun turns a run into candidates: first the international phone forms, then every
// chain of elements as one number.
func (st *scanState) matchRun(r *numRun) {
	text := st.text
	if r.paren {
		switch string(text[r.cc0:r.cc1]) {
		case "852":
			st.phoneAt(r, 0, 0, ccHK, true)
		case "86":
			st.phoneAt(r, 0, 0, ccCN, true)
		}
		return // a phone number in whatever country: nothing else to find in it
	}
	e0 := &r.el[0]
	if e0.plain() {
		d0 := text[e0.s:e0.e]
		body, intl := d0, r.plus
		if len(d0) >= 4 && d0[0] == '0' && d0[1] == '0' && (hasPrefixBytes(d0[2:], "852") || hasPrefixBytes(d0[2:], "86")) {
			body, intl = d0[2:], true // 00852 / 0086, the international call prefix
		}
		if intl {
			switch {
			case string(body) == "852" && r.n > 1:
				st.phoneAt(r, 1, 0, ccHK, true)
			case string(body) == "86" && r.n > 1:
				st.phoneAt(r, 1, 0, ccCN, true)
			case len(body) == 11 && hasPrefixBytes(body, "852"):
				st.phoneAt(r, 0, len(d0)-8, ccHK, true)
			case len(body) == 13 && hasPrefixBytes(body, "86"):
				st.phoneAt(r, 0, len(d0)-11, ccCN, true)
			}
			return
		}
		if r.n > 1 && r.el[1].plain() {
			switch string(d0) {
			case "852":
				if st.phoneAt(r, 1, 0, ccHK, false) {
					return
				}
			case "86":
				if st.phoneAt(r, 1, 0, ccCN, false) {
					return
				}
			}
		}
	}
	for j := 0; j < r.n; {
		el := &r.el[j]
		switch {
		case el.kind == ekDotted: // an address stands alone, even in a range 10.0.0.1-10.0.0.9
			st.matchIPv4(int(el.s), int(el.e))
			j++
		case el.kind == ekPoison:
			j = r.nextSpaced(j + 1)
		case j > 0 && el.sep != ' ':
			j = r.nextSpaced(j)
		default:
			j += st.matchChain(r, j)
		}
	}
}

// nextSpaced returns the first element at or after j that follows a space.
func (r *numRun) nextSpaced(j int) int {
	for j < r.n && r.el[j].sep != ' ' {
		j++
	}
	return j
}

// phoneAt matches an HK (8 digits) or mainland (11 digits) body at element k after a country
// code; off skips the code when it is glued to the body ("+85291234567"). The candidate
// spans the run from its prefix to the end of the number; an HK extension after it
// ("852-21234567-801") is consumed but not reported: it identifies no one by itself.
func (st *scanState) phoneAt(r *numRun, k, off, cc int, strong bool) bool {
	if k >= r.n || !r.el[k].plain() {
		return false
	}
	var buf [16]byte
	var m int
	var t tid
	el := &r.el[k]
	switch cc {
	case ccHK:
		t = tHKPhone
		switch {
		case int(el.nd)-off == 8:
			m = 1
		case off == 0 && el.nd == 4 && k+1 < r.n && r.el[k+1].plain() && r.el[k+1].nd == 4:
			m = 2
		default:
			return false
		}
		d := st.digits(r, k, m, buf[:0])
		if !hkPhoneValid(d[off:]) {
			return false
		}
	case ccCN:
		t = tCNMobile
		switch {
		case int(el.nd)-off == 11:
			m = 1
		case off == 0 && el.nd == 3 && k+2 < r.n && r.el[k+1].plain() && r.el[k+1].nd == 4 &&
			r.el[k+2].plain() && r.el[k+2].nd == 4 && r.el[k+2].sep == r.el[k+1].sep:
			m = 3
		case off == 0 && el.nd == 3 && k+1 < r.n && r.el[k+1].plain() && r.el[k+1].nd == 8:
			m = 2 // +86 138 12345678
		default:
			return false
		}
		d := st.digits(r, k, m, buf[:0])
		if !cnMobileValid(d[off:]) {
			return false
		}
	}
	next := k + m
	end := int(r.el[next-1].e)
	if cc == ccHK && next+1 == r.n && r.el[next].sep == '-' && r.el[next].plain() && r.el[next].nd <= 5 {
		next++ // an extension: read as part of the number, but the finding stops before it
	}
	if next < r.n && r.el[next].sep != ' ' {
		return false
	}
	score := scoreCtx
	if strong {
		score = scoreStrong
	}
	st.add(cand{t: t, start: r.start, end: end, score: score, flags: fCtxProof})
	return true
}

// matchChain offers every format that a chain of elements could be and returns the chain
// length: the chain is consumed whether or not anything was reported.
func (st *scanState) matchChain(r *numRun, j int) int {
	L := r.chain(j)
	el := &r.el[j]
	start := int(el.s)
	end := int(r.el[j+L-1].e)
	var buf [32]byte
	if el.end != el.e { // Macau BIR with its bracketed check digit
		if el.nd == 7 && moIDLead(st.text[el.s]) {
			st.add(cand{t: tMOID, start: start, end: int(el.end), score: scoreCodeShape})
		}
		return 1
	}
	total := 0
	for k := j; k < j+L; k++ {
		total += int(r.el[k].nd)
	}
	if total < 8 || total > 24 { // no format is shorter or longer
		return L
	}
	d := st.digits(r, j, L, buf[:0])
	grouped := L > 1
	if el.x || r.el[j+L-1].x {
		st.matchCNID(d, start, end)
		if L == 1 && len(d) == 18 {
			st.matchUSCCX(d, start, end) // 52310115828021573X: a USCC's check character is X too
		}
		return L
	}
	var sizes [maxElems]int
	for k := 0; k < L; k++ {
		sizes[k] = int(r.el[j+k].nd)
	}
	sz := sizes[:L]
	sep := byte(0)
	if grouped {
		sep = r.el[j+1].sep
	}
	switch {
	case L == 1:
		switch total {
		case 8:
			st.matchEightDigits(d, start, end)
		case 11:
			if cnMobileValid(d) {
				st.add(cand{t: tCNMobile, start: start, end: end, score: scoreValidated})
			} else if hasPrefixBytes(d, "852") && hkPhoneValid(d[3:]) {
				st.add(cand{t: tHKPhone, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
			}
			st.matchBRBranch(start, end) // 12345678000, the BR number and its branch
		case 13:
			if hasPrefixBytes(d, "86") && cnMobileValid(d[2:]) {
				st.add(cand{t: tCNMobile, start: start, end: end, score: scoreValidated})
			}
		case 15:
			st.matchCNID15(d, start, end)
		case 18:
			st.matchCNID(d, start, end)
			st.matchUSCC(d, start, end)
		}
	case L == 2 && sz[0] == 4 && sz[1] == 4:
		switch {
		case !hkPhoneValid(d):
		case yearPair(d) || roundPair(d) || sep == '-' && rangePair(d):
			// "2019-2020", "3000 5000", "Units 2301-2305": year, amount and number ranges,
			// phones only with context.
			st.add(cand{t: tHKPhone, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
		default:
			st.add(cand{t: tHKPhone, start: start, end: end, score: scoreFormatted})
		}
	case sep == '-' && (L == 2 && sz[0] == 8 || L == 3 && sz[0] == 4 && sz[1] == 4) && sz[L-1] <= 5:
		// A bare number with an extension: 21234567-801, 2123-4567-801. The finding is the
		// number without the extension.
		if hkPhoneValid(d[:8]) {
			st.add(cand{t: tHKPhone, start: start, end: int(r.el[j+L-2].e), score: scoreShapeCtx, flags: fNeedHint})
		}
		if L == 2 && sz[1] == 3 {
			// Or a BR number with its branch, 12345678-000: the BR number is the first part.
			st.add(cand{t: tHKBR, start: start, end: int(el.e), score: scoreShapeCtx, flags: fNeedHint})
		}
	case L == 3 && sz[0] == 3 && sz[1] == 4 && sz[2] == 4:
		if cnMobileValid(d) {
			st.add(cand{t: tCNMobile, start: start, end: end, score: scoreCtx})
		}
	case L == 2 && sz[0] == 3 && sz[1] == 8, L == 3 && sz[0] == 4 && sz[1] == 4 && sz[2] == 3:
		// 138 12345678, 138-12345678, 1381 2345 678. Unlike 3-4-4 these are also how a
		// count or a code is written before another number ("第 138 12345678 號"), so they
		// need a phone key, a phone word or +86 (phoneAt). Spaced 3-8 that is no mobile is
		// two numbers: the eight digits are read again on their own. One that is a mobile
		// is never an HK phone after a count: with no hint it is nothing.
		valid := cnMobileValid(d)
		if valid {
			st.add(cand{t: tCNMobile, start: start, end: end, score: scoreShapeCtx, flags: fNeedHint})
		}
		if sep == ' ' && L == 2 {
			if !valid {
				return 1
			}
			return L
		}
	case L == 3 && sz[0] == 6 && sz[1] == 8 && sz[2] == 4:
		st.matchCNID(d, start, end)
	case sep == '-' && sz[0] == 8 && sz[1] == 3:
		// A BR certificate number, 12345678-000-03-25-A: the BR number is its first part.
		st.add(cand{t: tHKBR, start: start, end: int(el.e), score: scoreShapeCtx, flags: fNeedHint})
	}
	if total >= 13 && total <= 19 {
		st.matchCard(d, sz, start, end)
	}
	st.matchBankAccount(d, sz, sep, start, end)
	return L
}

func hasPrefixBytes(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

func hasSuffixBytes(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[len(b)-len(p):]) == p
}

// yearPair reports two 4-digit groups that are both years 1900–2099.
func yearPair(d []byte) bool {
	year := func(g []byte) bool { return g[0] == '1' && g[1] == '9' || g[0] == '2' && g[1] == '0' }
	return year(d[:4]) && year(d[4:8])
}

// roundPair reports two 4-digit groups that both end in 00, as amounts and ranges do.
func roundPair(d []byte) bool {
	return d[2] == '0' && d[3] == '0' && d[6] == '0' && d[7] == '0'
}

// rangePair reports two 4-digit groups where the second is a little above the first, as in
// a dashed range of rooms, units or shops ("Units 2301-2305", "Shop 3001-3012"). The halves
// of a phone number are unrelated: about one in three hundred look like this.
func rangePair(d []byte) bool {
	a, b := atoi(d[:4]), atoi(d[4:8])
	return b > a && b-a <= 30
}

// IBAN (ISO 13616) printed form: the country code, two check digits and the BBAN, in groups
// of four separated by single spaces. Its digit groups look like a card or an account number
// in fours ("DE89 3704 0044 0532 0130 00", "BE68 5390 0754 7034"), and a Dutch one's ten
// digits after the bank code ("NL91 ABNA 0417 1643 00") often an HK phone's 4-4. An IBAN is
// neither an HK account nor a mainland card, and only the whole of it would name an account:
// one that the mod-97 check confirms is read as one token and reported as nothing. ibanLen is
// each country's IBAN length from the SWIFT IBAN Registry.
var ibanLen = map[[2]byte]uint8{
	{'A', 'D'}: 24, {'A', 'E'}: 23, {'A', 'L'}: 28, {'A', 'T'}: 20, {'A', 'Z'}: 28, {'B', 'A'}: 20,
	{'B', 'E'}: 16, {'B', 'G'}: 22, {'B', 'H'}: 22, {'B', 'I'}: 27, {'B', 'R'}: 29, {'B', 'Y'}: 28,
	{'C', 'H'}: 21, {'C', 'R'}: 22, {'C', 'Y'}: 28, {'C', 'Z'}: 24, {'D', 'E'}: 22, {'D', 'J'}: 27,
	{'D', 'K'}: 18, {'D', 'O'}: 28, {'E', 'E'}: 20, {'E', 'G'}: 29, {'E', 'S'}: 24, {'F', 'I'}: 18,
	{'F', 'K'}: 18, {'F', 'O'}: 18, {'F', 'R'}: 27, {'G', 'B'}: 22, {'G', 'E'}: 22, {'G', 'I'}: 23,
	{'G', 'L'}: 18, {'G', 'R'}: 27, {'G', 'T'}: 28, {'H', 'R'}: 21, {'H', 'U'}: 28, {'I', 'E'}: 22,
	{'I', 'L'}: 23, {'I', 'Q'}: 23, {'I', 'S'}: 26, {'I', 'T'}: 27, {'J', 'O'}: 30, {'K', 'W'}: 30,
	{'K', 'Z'}: 20, {'L', 'B'}: 28, {'L', 'C'}: 32, {'L', 'I'}: 21, {'L', 'T'}: 20, {'L', 'U'}: 20,
	{'L', 'V'}: 21, {'L', 'Y'}: 25, {'M', 'C'}: 27, {'M', 'D'}: 24, {'M', 'E'}: 22, {'M', 'K'}: 19,
	{'M', 'N'}: 20, {'M', 'R'}: 27, {'M', 'T'}: 31, {'M', 'U'}: 30, {'N', 'I'}: 28, {'N', 'L'}: 18,
	{'N', 'O'}: 15, {'O', 'M'}: 23, {'P', 'K'}: 24, {'P', 'L'}: 28, {'P', 'S'}: 29, {'P', 'T'}: 25,
	{'Q', 'A'}: 29, {'R', 'O'}: 24, {'R', 'S'}: 22, {'R', 'U'}: 33, {'S', 'A'}: 24, {'S', 'C'}: 31,
	{'S', 'D'}: 18, {'S', 'E'}: 24, {'S', 'I'}: 19, {'S', 'K'}: 24, {'S', 'M'}: 27, {'S', 'O'}: 23,
	{'S', 'T'}: 25, {'S', 'V'}: 28, {'T', 'L'}: 23, {'T', 'N'}: 24, {'T', 'R'}: 26, {'U', 'A'}: 29,
	{'V', 'A'}: 22, {'V', 'G'}: 24, {'X', 'K'}: 20, {'Y', 'E'}: 30,
}

// ibanEnd returns the end of the printed IBAN whose digit group starts at i (after a space),
// or -1: the groups before i lead back to the country code and check digits, and the whole
// passes the mod-97 check.
func ibanEnd(text []byte, i int) int {
	s := i
	for g := 0; g < 8; g++ {
		// The group before s: four letters or digits and a space.
		if s < 5 || text[s-1] != ' ' {
			return -1
		}
		b := s - 5
		for k := b; k < b+4; k++ {
			if !isAlnum(text[k]) {
				return -1
			}
		}
		if b > 0 && text[b-1] == ' ' && !(isLetter(text[b]) && isLetter(text[b+1]) && isDigit(text[b+2]) && isDigit(text[b+3])) {
			s = b // an inner group ("ABNA"); the country code lies further back
			continue
		}
		if b > 0 && isWord(text[b-1]) || !isLetter(text[b]) || !isLetter(text[b+1]) || !isDigit(text[b+2]) || !isDigit(text[b+3]) {
			return -1
		}
		return ibanAt(text, b)
	}
	return -1
}

// ibanAt returns the end of a valid printed IBAN starting at b, or -1.
func ibanAt(text []byte, b int) int {
	n := int(ibanLen[[2]byte{upper(text[b]), upper(text[b+1])}])
	if n == 0 {
		return -1
	}
	var buf [34]byte
	k, p := 0, b
	for k < n {
		if p >= len(text) {
			return -1
		}
		switch c := text[p]; {
		case isAlnum(c):
			buf[k] = upper(c)
			k++
		case c == ' ' && k%4 == 0 && p+1 < len(text) && isAlnum(text[p+1]):
		default:
			return -1
		}
		p++
	}
	if p < len(text) && isWord(text[p]) {
		return -1
	}
	// ISO 7064 MOD 97-10: the BBAN, then the country code and check digits, letters as
	// 10–35, leave remainder 1.
	r := 0
	for j := 0; j < n; j++ {
		c := buf[(j+4)%n]
		if isDigit(c) {
			r = (r*10 + int(c-'0')) % 97
		} else {
			r = (r*100 + int(c-'A') + 10) % 97
		}
	}
	if r != 1 {
		return -1
	}
	return p
}
