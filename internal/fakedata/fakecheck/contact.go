package fakecheck

import (
	"net/netip"
	"strings"
)

// stripPrefix removes one of the international prefixes and the separator after it.
func stripPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok {
			rest = strings.TrimLeft(rest, " -")
			return rest, true
		}
	}
	return s, false
}

// compactDigits removes single spaces and dashes between digit groups; anything else, or
// two separators in a row, makes it fail.
func compactDigits(s string) (string, bool) {
	var b strings.Builder
	prevSep := true // no leading separator
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
			prevSep = false
		case (c == ' ' || c == '-') && !prevSep:
			prevSep = true
		default:
			return "", false
		}
	}
	if prevSep {
		return "", false
	}
	return b.String(), true
}

// HKPhone reports whether s is a Hong Kong number on an allocated block (fixed 2/3,
// mobile 4/5/6/7/9 and 84), with an optional +852, 852, (852) or 00852 prefix and
// space or dash separators.
func HKPhone(s string) bool {
	rest, _ := stripPrefix(s, "+852", "(852)", "00852", "852")
	d, ok := compactDigits(rest)
	if !ok || len(d) != 8 {
		return false
	}
	switch d[0] {
	case '2', '3', '4', '5', '6', '7', '9':
		return true
	case '8':
		return d[1] == '4'
	}
	return false
}

// CNMobile reports whether s is a mainland mobile number on an allocated prefix, with an
// optional +86 or 0086 prefix and separators.
func CNMobile(s string) bool {
	rest, _ := stripPrefix(s, "+86", "0086")
	d, ok := compactDigits(rest)
	if !ok || len(d) != 11 || d[0] != '1' {
		return false
	}
	third := d[2]
	switch d[1] {
	case '3', '8':
		return true
	case '4':
		return third >= '5' && third <= '9'
	case '5', '9':
		return third != '4'
	case '6':
		return strings.IndexByte("2567", third) >= 0
	case '7':
		return third <= '8'
	}
	return false
}

// Email reports whether s is a plausible address: a dot-atom local part of up to 64
// characters, a domain of at least two labels and an alphabetic TLD.
func Email(s string) bool {
	at := strings.LastIndexByte(s, '@')
	if at < 1 || len(s) > 254 || at > 64 {
		return false
	}
	local, domain := s[:at], s[at+1:]
	if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if !isAlnum(c) && strings.IndexByte("._%+-", c) < 0 {
			return false
		}
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for i := 0; i < len(l); i++ {
			if !isAlnum(l[i]) && l[i] != '-' {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if !(tld[i] >= 'a' && tld[i] <= 'z' || tld[i] >= 'A' && tld[i] <= 'Z') {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// IPv4 reports whether s is a dotted-quad IPv4 address.
func IPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}

// IPv6 reports whether s is an IPv6 address (not an IPv4-mapped one, not zoned).
func IPv6(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6() && !a.Is4In6() && a.Zone() == ""
}

// PublicIP reports whether s is an address that is neither private, loopback, link-local,
// multicast nor unspecified (documentation ranges count as public-looking).
func PublicIP(s string) bool {
	a, err := netip.ParseAddr(s)
	if err != nil {
		return false
	}
	return !a.IsPrivate() && !a.IsLoopback() && !a.IsLinkLocalUnicast() && !a.IsMulticast() &&
		!a.IsUnspecified() && !a.IsInterfaceLocalMulticast() && a.IsGlobalUnicast()
}
