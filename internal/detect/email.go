package detect

// E-mail addresses, found from their '@' (the decoded text already has \u0040 as '@').
//
// Local part: letters, digits and . _ % + - plus the other RFC 5322 atext characters
// ! # $ & ' / = ? ^ ` { | } ~ inside it; at most 64 bytes; no leading, trailing or doubled
// dot. A local part running into '*' is a masked address (t***@example.com) and is never
// reported; text before '=', '?' or '&' is a URL query, not part of the address.
// Domain: two or more labels of letters, digits and inner hyphens (≤ 63 bytes each); a
// top-level domain of 2–24 letters (or xn-- punycode) that is not a file extension
// (icon@2x.png); whole address ≤ 254 bytes; a trailing sentence dot is left out.
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
	// Domain labels.
	p, labels, lastS, lastE := a+1, 0, 0, 0
	for {
		ls := p
		for p < len(text) && (isAlnum(text[p]) || text[p] == '-') {
			p++
		}
		if p == ls || p-ls > 63 || text[ls] == '-' || text[p-1] == '-' {
			if labels == 0 || p != ls {
				return 0, 0, false
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
	if labels < 2 || end-s > 254 {
		return 0, 0, false
	}
	if end < len(text) && (text[end] == '_' || text[end] == '@') {
		return 0, 0, false
	}
	if !plausibleTLD(text[lastS:lastE]) {
		return 0, 0, false
	}
	return s, end, true
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
