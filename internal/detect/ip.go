package detect

import (
	"net/netip"
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
	if b[0] == 0 || b[0] == 255 {
		return
	}
	// An address is self-evident: only a version word ("version 10.0.0.1" is a build
	// number) takes it back; amounts, orders and ids nearby do not.
	st.add(cand{t: tIPv4, start: s, end: e, score: scoreIPv4, flags: fVerOnly})
}

// matchIPv6 tries an IPv6 address starting at s; it returns its end or -1.
func (st *scanState) matchIPv6(s int) int {
	text := st.text
	if s > 0 && (isWord(text[s-1]) || text[s-1] == ':' || text[s-1] == '.' || text[s-1] == '*') {
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
	if colons < 2 || colons > 7 || (!double && colons != full) || e-s > 45 {
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
	st.add(cand{t: tIPv6, start: s, end: e, score: scoreStrong, flags: fCtxProof | fKeyProof})
	return e
}
