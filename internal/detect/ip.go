package detect

import (
	"net/netip"
	"unicode/utf8"
	"unsafe"
)

// IP addresses. IPv4: a dotted quad of 1–3 digit parts without leading zeros, each ≤ 255,
// that is not part of a longer dotted or alphanumeric run (1.2.3.4.5 and v1.2.3.4 are
// versions); 0.x.x.x and 255.x.x.x (unspecified, broadcast, netmasks) are not reported, and a
// version key or context word (version, build, 版本) suppresses it. Other negative words
// (amount, order, 金額 …) do not: no amount or order number is written as a dotted quad. IPv6: hex groups with at least
// two colons, either eight groups or one "::", parsed by net/netip; times (10:15:00) and MAC
// addresses never qualify.
var ipv4Recognizer = Recognizer{
	Type:        IPv4,
	Name:        "IPv4 address",
	Description: "dotted-quad IPv4 address",
	Validates:   "net/netip parse; no leading zeros; not inside a longer dotted run",
}

var ipv6Recognizer = Recognizer{
	Type:        IPv6,
	Name:        "IPv6 address",
	Description: "IPv6 address in any RFC 4291 text form",
	Validates:   "net/netip parse; at least two colons; 8 groups or one ::",
}

const scoreIPv4 = 0.9

// parseIPv4 parses a dotted quad strictly.
func parseIPv4(b []byte) (netip.Addr, bool) {
	var a [4]byte
	part, n, digits := 0, 0, 0
	for i := 0; i <= len(b); i++ {
		if i == len(b) || b[i] == '.' {
			if digits == 0 || part > 3 {
				return netip.Addr{}, false
			}
			a[part] = byte(n)
			part++
			n, digits = 0, 0
			continue
		}
		c := b[i]
		if !isDigit(c) || (digits == 1 && n == 0) {
			return netip.Addr{}, false // not a digit, or a leading zero
		}
		n = n*10 + int(c-'0')
		digits++
		if n > 255 {
			return netip.Addr{}, false
		}
	}
	if part != 4 {
		return netip.Addr{}, false
	}
	return netip.AddrFrom4(a), true
}

func (st *scanState) matchIPv4(s, e int) {
	a, ok := parseIPv4(st.text[s:e])
	if !ok {
		return
	}
	b := a.As4()
	if b[0] == 0 || b[0] == 255 || numberedHeading(st.text, s, e) {
		return
	}
	if s > 0 && st.text[s-1] == ':' && !labelColon(st.text, s-1) {
		// The dotted tail of an IPv6-shaped token ("::1.0.0.0:", "ffff:10.0.0.1:") that
		// matchIPv6 turned down: not an address of its own.
		return
	}
	// An address is self-evident: only a version word ("version 10.0.0.1" is a build
	// number) takes it back; amounts, orders and ids nearby do not.
	st.add(cand{t: tIPv4, start: s, end: e, score: scoreIPv4, flags: fVerOnly})
}

// matchIPv6 tries an IPv6 address starting at s; it returns its end or -1.
func (st *scanState) matchIPv6(s int) int {
	text := st.text
	// "IP:::1" reaches here at the label's colon: the address is the "::1" after it.
	if s > 0 && s+2 < len(text) && text[s] == ':' && text[s+1] == ':' && text[s+2] == ':' && labelColon(text, s) {
		s++
	}
	if s > 0 && (isWord(text[s-1]) || text[s-1] == '.' || text[s-1] == '*' || text[s-1] == ':' && !labelColon(text, s-1)) {
		return -1
	}
	e, colons, double, dot, grp := s, 0, false, false, 0
	for e < len(text) {
		if e-s > 45 {
			return -1 // longer than any address: stop before "a:a:a:…" costs more
		}
		c := text[e]
		switch {
		case isHex(c):
			grp++
			if grp > 4 || dot && !isDigit(c) {
				return -1
			}
		case c == ':':
			if dot {
				return -1
			}
			if e+1 < len(text) && text[e+1] == ':' {
				if double {
					return -1
				}
				double = true
			}
			grp = 0
			colons++
		case c == '.' && grp > 0 && e+1 < len(text) && isDigit(text[e+1]):
			dot, grp = true, 0 // the embedded IPv4 tail (::ffff:192.0.2.1)
		default:
			goto done
		}
		e++
	}
done:
	// A trailing single colon belongs to the text ("addr: …"), not the address.
	if e > s && text[e-1] == ':' && !(e-2 >= s && text[e-2] == ':') {
		e--
		colons--
	}
	full := 7
	if dot {
		full = 6
	}
	// "::" may stand for a single group at either end, so 1:2:3:4:5:6:7:: has eight colons
	// (RFC 5952 §4.2.2 prefers the full form, but netip and the RFC 4291 grammar accept it).
	if colons < 2 || colons > full+1 || (!double && colons != full) || e-s > 45 {
		return -1
	}
	// A dot right after is a sentence's full stop ("… from ::1."), unless a word follows it.
	if e < len(text) && (isWord(text[e]) || text[e] == '.' && e+1 < len(text) && isWord(text[e+1])) {
		return -1
	}
	// netip keeps a zone string in the Addr; there is none here ('%' ends the candidate)
	// and the Addr is dropped right away, so viewing the bytes as a string is safe.
	b := text[s:e]
	a, err := netip.ParseAddr(unsafe.String(&b[0], len(b)))
	if err != nil || !a.Is6() || a.IsUnspecified() {
		return -1
	}
	e = zoneEnd(text, e)
	st.add(cand{t: tIPv6, start: s, end: e, score: scoreStrong, flags: fCtxProof | fKeyProof})
	return e
}

// zoneEnd returns the end of a scoped address's zone after the address ending at e:
// fe80::1%eth0, or fe80::1%25en0 in a URL (RFC 6874). The zone names an interface of the
// host, so it belongs to the finding: masking the address must not leave "%eth0" dangling.
func zoneEnd(text []byte, e int) int {
	if e+1 >= len(text) || text[e] != '%' || !isAlnum(text[e+1]) {
		return e
	}
	z := e + 1
	for z < len(text) && z-e <= 16 && (isWord(text[z]) || text[z] == '-' || text[z] == '.' && z+1 < len(text) && isAlnum(text[z+1])) {
		z++
	}
	if z-e > 16 || z < len(text) && (text[z] == '@' || text[z] == '%') {
		return e // too long for an interface name, or more text glued to it
	}
	return z
}

// labelColon reports whether the ':' at c ends a label such as "IP:" or "IPv6:" rather than
// sitting inside an address: the word before it holds a letter that is not a hex digit
// (a hex-only word such as "dead:" would itself start the address).
func labelColon(text []byte, c int) bool {
	if c > 0 && !isWord(text[c-1]) && text[c-1] != ':' && text[c-1] != '.' && text[c-1] != '*' {
		// No address has anything but a hex digit, '.' or ':' before a colon: "IP地址:"
		// and "(IP):" end labels.
		return true
	}
	if c >= 3 && text[c-1] == '*' && text[c-2] == '*' && text[c-3] != '*' {
		// Markdown bold, "**IPv6**:"; a masked group ("1***:7::") has a longer run.
		c -= 2
		if text[c-1] >= utf8.RuneSelf {
			return true
		}
	}
	i := c
	for i > 0 && isWord(text[i-1]) {
		i--
		if !isHex(text[i]) {
			return true
		}
	}
	return false
}

// numberedHeading reports a dotted quad that numbers a section, clause, figure or OID
// ("Section 1.2.3.4", "Fig. 2.1.1.3", "OID 2.5.4.3", "第1.2.3.4條") or versions a product
// ("Chrome/120.0.0.0", "DingTalk/7.0.10.1": a User-Agent product token, RFC 9110 §10.1.5),
// not an address.
func numberedHeading(text []byte, s, e int) bool {
	if s >= 2 && text[s-1] == '/' && isAlnum(text[s-2]) {
		// A product token is a word right before the slash; a URL or path has a '/' or ':'
		// before its last segment (http://10.0.0.1, /hosts/10.0.0.1), a word does not.
		i := s - 1
		for i > 0 && (isWord(text[i-1]) || text[i-1] == '-' || text[i-1] == '.') {
			i--
		}
		if (i == 0 || text[i-1] != '/' && text[i-1] != ':') && isLetter(text[i]) {
			return !addressWord(text[i : s-1])
		}
		// A path segment naming a version, a release or an OID: /version/7.6.10.1/,
		// /releases/2.1.0.3, /oid/2.5.4.3.
		if i > 0 && text[i-1] == '/' && versionSegment(text[i:s-1]) {
			return true
		}
	}
	// Chinese numbering is often spaced after 第: "第 3.1.5.5 條" as well as "第3.1.5.5條".
	b := s
	for b > 0 && text[b-1] == ' ' && s-b < 2 {
		b--
	}
	if hasSuffixBytes(text[:b], "第") {
		return true
	}
	// Without 第 the marker follows the number, glued or after a space ("4.3.1.2項",
	// "合同 4.3.1.2 項辦理"). After a space the same characters also start other words —
	// 條碼, 項目, 款式, 節目 ("10.0.0.5 項目A 已重啟") — which are no marker.
	a := e
	for a < len(text) && text[a] == ' ' && a-e < 2 {
		a++
	}
	for _, w := range []string{"條", "条", "章", "節", "节", "款", "項", "项"} {
		if !hasPrefixBytes(text[a:], w) {
			continue
		}
		if a > e {
			rest := text[a+len(w):]
			for _, c := range []string{"碼", "码", "目", "式", "日", "件"} {
				if hasPrefixBytes(rest, c) {
					return false
				}
			}
		}
		return true
	}
	if oidLabelBefore(text, s) {
		return true
	}
	i := s
	for i > 0 && text[i-1] == ' ' && s-i < 3 {
		i--
	}
	if i > 0 && text[i-1] == '.' {
		i--
	}
	if i == s && (i == 0 || text[i-1] != 0xA7) {
		return false // glued to what precedes: "IP:10.0.0.1", "ip=10.0.0.1"
	}
	if i >= 2 && text[i-2] == 0xC2 && text[i-1] == 0xA7 { // §
		return true
	}
	j := i
	for j > 0 && isLetter(text[j-1]) && i-j < 10 {
		j--
	}
	if j > 0 && isWord(text[j-1]) || i-j > 9 {
		return false
	}
	var low [9]byte
	switch string(lowerFit(low[:], text[j:i])) {
	case "section", "sec", "chapter", "ch", "clause", "cl", "figure", "fig", "table", "tab",
		"paragraph", "para", "article", "art", "appendix", "annex", "item", "step", "rule", "oid":
		return true
	}
	return false
}

// addressWord reports a word that names what follows the slash as an address
// ("IP/10.0.0.1", "gateway/10.0.0.254"), not a product.
func addressWord(w []byte) bool {
	var low [8]byte
	switch string(lowerFit(low[:], w)) {
	case "ip", "ipv4", "ips", "host", "server", "addr", "address", "gw", "gateway", "dns", "vpn",
		"proxy", "nat", "lan", "wan", "src", "dst", "peer", "remote", "local", "client":
		return true
	}
	return false
}

// versionSegment reports a URL path segment that names a version, a release or an OID.
func versionSegment(w []byte) bool {
	var low [8]byte
	switch string(lowerFit(low[:], w)) {
	case "v", "ver", "version", "versions", "release", "releases", "tag", "tags", "build", "builds",
		"oid", "oids":
		return true
	}
	return false
}

// oidWords name an object identifier (ITU-T X.660), whose short arcs make a dotted quad of
// OIDs such as 2.5.4.3 (X.520 commonName), 2.5.29.17 (subjectAltName) or 1.3.6.1 (the SNMP
// internet subtree): "OID: 2.5.4.3", "oid=2.5.29.17", "對象標識符：1.3.6.1".
var oidWords = []string{"oid", "對象標識符", "对象标识符", "物件識別碼", "物件识别码", "對象標識", "对象标识"}

// oidLabelBefore reports an OID word right before s, with a colon, '=' or a markdown table's
// '|' and spaces between them allowed.
func oidLabelBefore(text []byte, s int) bool {
	i := s
	for i > 0 && text[i-1] == ' ' && s-i < 3 {
		i--
	}
	switch {
	case i > 0 && (text[i-1] == ':' || text[i-1] == '=' || text[i-1] == '|'):
		i--
	case hasSuffixBytes(text[:i], "："):
		i -= len("：")
	}
	for i > 0 && text[i-1] == ' ' && s-i < 8 {
		i--
	}
	for _, w := range oidWords {
		if j := i - len(w); j >= 0 && equalFoldASCII(text[j:i], []byte(w)) && (j == 0 || !isLetter(w[0]) || !isLetter(text[j-1])) {
			return true
		}
	}
	return false
}
