package detect

import (
	"bytes"
	"net/netip"
	"strings"
	"unicode"
	"unicode/utf8"
)

// E-mail addresses, found from their '@' (the decoded text already has \u0040 as '@').
//
// Local part: letters, digits and . _ % + - plus the other RFC 5322 atext characters
// ! # $ & ' / = ? ^ ` { | } ~ inside it; at most 64 bytes; no leading, trailing or doubled
// dot. A local part running into '*' is a masked address (t***@example.com) and is never
// reported; text before '=', '?' or '&' is a URL query, not part of the address.
// A quoted local part ("john..doe"@…) is read between its quotes.
// Domain: an address literal ([192.0.2.1], [IPv6:2001:db8::1]), or two or more labels of
// letters, digits and inner hyphens (≤ 63 bytes each) with a top-level domain of 2–24
// letters (or xn-- punycode) that is not a file extension (icon@2x.png); whole address
// ≤ 254 bytes; a trailing sentence dot is left out.
var emailRecognizer = Recognizer{
	Type:        Email,
	Name:        "E-mail address",
	Description: "e-mail address in text, after mailto: or as a whole value",
	Validates:   "RFC 5322 atext local part ≤ 64, domain labels ≤ 63, letter TLD 2-24, total ≤ 254",
}

// localChar marks bytes allowed in a local part.
var localChar = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		if isAlnum(byte(c)) {
			t[c] = true
		}
	}
	for _, c := range []byte("._%+-!#$&'/=?^`{|}~") {
		t[c] = true
	}
	return t
}()

// fileExtTLD lists file extensions that are not top-level domains but follow an '@' in image
// and asset names such as logo@2x.png.
var fileExtTLD = map[string]bool{
	"png": true, "jpg": true, "jpeg": true, "gif": true, "svg": true, "webp": true, "bmp": true,
	"ico": true, "tif": true, "tiff": true, "heic": true, "js": true, "css": true, "json": true,
	"html": true, "htm": true, "xml": true, "txt": true, "pdf": true, "doc": true, "docx": true,
	"xls": true, "xlsx": true, "ppt": true, "pptx": true, "mp3": true, "mp4": true, "wav": true,
	"csv": true, "log": true, "yaml": true, "yml": true, "gz": true, "tar": true, "rar": true,
}

// matchEmail matches an address around the '@' at a and returns the end of the address, or
// a when there is none.
func (st *scanState) matchEmail(a int) int {
	s, end, ok := emailAround(st.text, a)
	if !ok {
		if !st.keyProofOnly && (a == 0 || st.text[a-1] == ' ' || st.text[a-1] == '\n') {
			st.mentionName(a + 1)
		}
		return a
	}
	st.add(cand{t: tEmail, start: s, end: end, score: scoreStrong, flags: fCtxProof | fKeyProof})
	if s > 0 && st.text[s-1] == '<' && end < len(st.text) && st.text[end] == '>' && !st.keyProofOnly {
		st.nextNameAddr(end + 1)
	}
	return end
}

// nextNameAddr reads the display name of the next address in a list of RFC 5322
// name-addrs ("Attendees: 曾詠晴 <ptsang@example.com>; Wong Ho Keung <hk.wong@example.com>"):
// after "<address>" and a list separator, a name is read as after a label (the first one
// follows the list's label, "Attendees:", "To:", "與會者："), and must pass the strict test
// of the `name` key (a surname, a known given name) and hold no organisation word ("HR
// Department <hr@…>"). The name's evidence lies before it: a finding never depends on
// what follows it.
func (st *scanState) nextNameAddr(i int) {
	text := st.text
	for i < len(text) && text[i] == ' ' {
		i++
	}
	switch {
	case i < len(text) && (text[i] == ';' || text[i] == ','):
		i++
	case cjkPunct(text, i, 0x81): // 、
		i += 3
	case hasFullwidth(text, i, 0x9B) || hasFullwidth(text, i, 0x8C): // ； ，
		i += 3
	default:
		return
	}
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i < len(text) && text[i] == '"' {
		i++ // "\"Chan Tai Man\" <…>"
	}
	if i < len(text) && (isLetter(text[i]) || text[i] >= utf8.RuneSelf) {
		st.labelled(tPersonName, true, true, i)
	}
}

// emailAround finds the address whose '@' is text[a].
func emailAround(text []byte, a int) (start, end int, ok bool) {
	if a > 0 && text[a-1] == '"' {
		s, ok := quotedLocal(text, a-1)
		if !ok {
			return 0, 0, false
		}
		end, _, ok := emailDomain(text, a)
		return s, end, ok && end-s <= 254
	}
	s, sNoHan := localStart(text, a)
	if s > 0 && (text[s-1] == '*' || text[s-1] == '@') {
		return 0, 0, false // masked (t***@…) or a second '@'
	}
	end, uni, ok := emailDomain(text, a)
	if !ok {
		return 0, 0, false
	}
	// Chinese text runs into an address without a space (電郵taiman@example.com,
	// 聯絡josé@café.fr): a local part of Han, kana or Hangul only is read whole, and only
	// before a domain under an IDN top-level domain (我買@屋企.香港), not before a file
	// name (張三@李四.md).
	if sNoHan < a || !uni || !hanTLDEnd(text, end) {
		s = sNoHan
	}
	// Cut a URL query prefix (…?to=a@b.com) and leading quote-like characters.
	for i := a - 1; i >= s; i-- {
		if c := text[i]; c == '=' || c == '?' || c == '&' {
			s = i + 1
			break
		}
	}
	for s < a {
		c := text[s]
		if c == '\'' || c == '`' || c == '{' || c == '|' || c == '}' || c == '/' || c == '.' {
			s++
			continue
		}
		break
	}
	local := text[s:a]
	if len(local) == 0 || len(local) > 64 || local[len(local)-1] == '.' {
		return 0, 0, false
	}
	hasAlnum := false
	for i, c := range local {
		if c == '.' && i > 0 && local[i-1] == '.' {
			return 0, 0, false
		}
		hasAlnum = hasAlnum || isWord(c) || c >= 0x80
	}
	if !hasAlnum || end-s > 254 {
		return 0, 0, false
	}
	return s, end, true
}

// localStart walks back from the '@' at a over the local part: atext, plus the letters,
// digits and marks of any script (RFC 6531 allows UTF-8: Pelé@…, медведь@…). It returns the
// start, and the start without the Han, kana and Hangul runes that would also swallow the
// Chinese or Japanese words glued before an ASCII address.
func localStart(text []byte, a int) (s, sNoHan int) {
	s, sNoHan = a, -1
	for s > 0 && a-s < 256 {
		if c := text[s-1]; c < utf8.RuneSelf {
			if !localChar[c] {
				break
			}
			s--
			continue
		}
		r, n := utf8.DecodeLastRune(text[:s])
		if !intlWordRune(r) {
			break
		}
		if sNoHan < 0 && cjkRune(r) {
			sNoHan = s
		}
		s -= n
	}
	if sNoHan < 0 {
		sNoHan = s
	}
	return s, sNoHan
}

// intlWordRune reports a non-ASCII rune that can be part of an internationalised local part
// or domain label.
func intlWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))
}

func cjkRune(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// quotedLocal finds the opening quote of a quoted local part ("john..doe"@example.org)
// whose closing quote is text[q]: printable ASCII, backslash pairs allowed, at most 64
// bytes with the quotes, and no local-part character glued before it (just"not"right@… is
// not an address).
func quotedLocal(text []byte, q int) (int, bool) {
	for i := q - 1; i >= 0 && q-i < 64; i-- {
		c := text[i]
		if c < 0x20 || c >= 0x7f || c == '*' {
			return 0, false // '*': a masked address ("***"@…) is never reported
		}
		if c != '"' {
			continue
		}
		bs := 0
		for j := i - 1; j >= 0 && text[j] == '\\'; j-- {
			bs++
		}
		if bs%2 == 1 {
			continue // an escaped quote inside the local part
		}
		if i == q-1 || i > 0 && (localChar[text[i-1]] || text[i-1] == '"') {
			return 0, false
		}
		return i, true
	}
	return 0, false
}

// emailDomain returns the end of the domain after the '@' at a: host labels with a
// plausible top-level domain, or an address literal ([192.0.2.1], [IPv6:2001:db8::1]).
// uni reports an internationalised domain written in Unicode (屋企.香港, с-балалайкой.рф),
// read only where no ASCII domain starts: "chan@example.com請回覆" ends at ".com".
func emailDomain(text []byte, a int) (end int, uni, ok bool) {
	if a+1 < len(text) && text[a+1] == '[' {
		end, ok = emailLiteral(text, a+1)
		return end, false, ok
	}
	if end, ok = asciiDomain(text, a); ok {
		return end, false, true
	}
	end, ok = idnDomain(text, a)
	return end, ok, ok
}

// idnDomain reads a domain whose labels hold non-ASCII letters (RFC 5890 U-labels). Its
// top-level domain is a plausible ASCII one, a Han one that IANA delegates (香港, 中國 …: the
// longest such prefix of the last label, so that "我買@屋企.香港謝謝" ends at 香港), or two or
// more letters of another script (рф, δοκιμή, भारत).
func idnDomain(text []byte, a int) (int, bool) {
	p, labels, lastS, lastE, nonASCII := a+1, 0, 0, 0, false
	for {
		ls := p
		for p < len(text) && p-ls <= 63 {
			c := text[p]
			if isAlnum(c) || c == '-' {
				p++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			r, n := utf8.DecodeRune(text[p:])
			if !intlWordRune(r) {
				break
			}
			nonASCII = true
			p += n
		}
		if p == ls || p-ls > 63 || text[ls] == '-' || text[p-1] == '-' {
			return 0, false
		}
		labels++
		lastS, lastE = ls, p
		if p+1 < len(text) && text[p] == '.' && (isAlnum(text[p+1]) || text[p+1] >= utf8.RuneSelf) {
			p++
			continue
		}
		break
	}
	if labels < 2 || !nonASCII || lastE < len(text) && (text[lastE] == '_' || text[lastE] == '@') {
		return 0, false
	}
	tld := text[lastS:lastE]
	if plausibleTLD(tld) {
		return lastE, true
	}
	r, _ := utf8.DecodeRune(tld)
	if cjkRune(r) {
		best := 0
		for _, t := range hanTLDs {
			if len(t) > best && hasPrefixBytes(tld, t) {
				best = len(t)
			}
		}
		return lastS + best, best > 0
	}
	runes := 0
	for _, r := range string(tld) {
		if r < utf8.RuneSelf || cjkRune(r) || !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r) {
			return 0, false
		}
		runes++
	}
	return lastE, runes >= 2
}

// hanTLDEnd reports whether the domain ending at end ends in a Han top-level domain.
func hanTLDEnd(text []byte, end int) bool {
	for _, t := range hanTLDs {
		if hasSuffixBytes(text[:end], t) {
			return true
		}
	}
	return false
}

// hanTLDs are the Chinese and Japanese top-level domains of the IANA root zone that HK and
// mainland addresses use, plus 日本 of Wikipedia's example 二ノ宮@黒川.日本 and 广告 (below).
var hanTLDs = []string{"香港", "中国", "中國", "台灣", "台湾", "澳門", "澳门", "新加坡", "公司", "网络",
	"網絡", "网址", "网店", "商城", "商店", "在线", "中文网", "我爱你", "集团", "企业", "机构", "组织机构",
	"信息", "购物", "手机", "移动", "游戏", "娱乐", "时尚", "健康", "招聘", "世界", "书籍", "政务", "公益",
	"慈善", "广东", "佛山", "餐厅", "食品", "珠宝", "联通", "电讯盈科", "電訊盈科", "新闻", "网站", "商标",
	"八卦", "点看", "嘉里", "日本",
	// 广告 ("advertising"): not in the root zone, but the example Wikipedia gives of an
	// internationalised address (用户@例子.广告), which test lists copy.
	"广告", "廣告"}

// asciiDomain reads a domain of ASCII labels with a plausible top-level domain.
func asciiDomain(text []byte, a int) (end int, ok bool) {
	p, labels, lastS, lastE := a+1, 0, 0, 0
	for {
		ls := p
		for p < len(text) && (isAlnum(text[p]) || text[p] == '-') {
			p++
		}
		if p == ls || p-ls > 63 || text[ls] == '-' || text[p-1] == '-' {
			if labels == 0 || p != ls {
				return 0, false
			}
			break
		}
		labels++
		lastS, lastE = ls, p
		if p+1 < len(text) && text[p] == '.' && isAlnum(text[p+1]) {
			p++
			continue
		}
		break
	}
	end = lastE
	if labels < 2 {
		return 0, false
	}
	if end < len(text) && (text[end] == '_' || text[end] == '@' || text[end] >= utf8.RuneSelf && idnContinues(text, end)) {
		return 0, false // "x@abc例子.香港": the domain goes on in Unicode
	}
	return end, plausibleTLD(text[lastS:lastE])
}

// idnContinues reports a letter of a non-Han script right after an ASCII label
// ("josé@café.fr" read as far as "caf"); Han text after a domain is the sentence going on.
func idnContinues(text []byte, p int) bool {
	r, _ := utf8.DecodeRune(text[p:])
	return intlWordRune(r) && !cjkRune(r)
}

// emailLiteral parses an address literal starting at text[o] == '['.
func emailLiteral(text []byte, o int) (int, bool) {
	c := bytes.IndexByte(text[o:min(len(text), o+64)], ']')
	if c < 0 {
		return 0, false
	}
	inner := string(text[o+1 : o+c])
	if v6, ok := strings.CutPrefix(inner, "IPv6:"); ok {
		addr, err := netip.ParseAddr(v6)
		return o + c + 1, err == nil && addr.Is6() && addr.Zone() == ""
	}
	addr, err := netip.ParseAddr(inner)
	return o + c + 1, err == nil && addr.Is4()
}

// plausibleTLD: 2–24 letters (not a file extension) or an xn-- punycode label.
func plausibleTLD(t []byte) bool {
	if len(t) > 4 && (t[0]|0x20) == 'x' && (t[1]|0x20) == 'n' && t[2] == '-' && t[3] == '-' {
		return true
	}
	if len(t) < 2 || len(t) > 24 {
		return false
	}
	var low [24]byte
	for i, c := range t {
		if !isLetter(c) {
			return false
		}
		low[i] = lower(c)
	}
	return !fileExtTLD[string(low[:len(t)])]
}

// ValidEmail reports whether s, surrounding spaces ignored, is exactly one plausible address.
func ValidEmail(s string) bool {
	b := trimSpaceBytes([]byte(s))
	for i, c := range b {
		if c == '@' {
			start, end, ok := emailAround(b, i)
			return ok && start == 0 && end == len(b)
		}
	}
	return false
}
