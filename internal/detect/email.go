package detect

import (
	"bytes"
	"net/netip"
	"strings"
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
		return a
	}
	st.add(cand{t: tEmail, start: s, end: end, score: scoreStrong, flags: fCtxProof | fKeyProof})
	return end
}

// emailAround finds the address whose '@' is text[a].
func emailAround(text []byte, a int) (start, end int, ok bool) {
	if a > 0 && text[a-1] == '"' {
		s, ok := quotedLocal(text, a-1)
		if !ok {
			return 0, 0, false
		}
		end, ok := emailDomain(text, a)
		return s, end, ok && end-s <= 254
	}
	s := a
	for s > 0 && a-s < 256 && localChar[text[s-1]] {
		s--
	}
	if s > 0 && (text[s-1] == '*' || text[s-1] == '@') {
		return 0, 0, false // masked (t***@…) or a second '@'
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
		hasAlnum = hasAlnum || isWord(c)
	}
	if !hasAlnum {
		return 0, 0, false
	}
	end, ok = emailDomain(text, a)
	if !ok || end-s > 254 {
		return 0, 0, false
	}
	return s, end, true
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
func emailDomain(text []byte, a int) (end int, ok bool) {
	if a+1 < len(text) && text[a+1] == '[' {
		return emailLiteral(text, a+1)
	}
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
	if end < len(text) && (text[end] == '_' || text[end] == '@') {
		return 0, false
	}
	return end, plausibleTLD(text[lastS:lastE])
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
