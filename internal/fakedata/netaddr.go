package fakedata

import (
	"fmt"
	"strconv"
	"strings"
)

// First octets of public ranges allocated in the Asia–Pacific region; the generator mixes
// them with the RFC 5737 documentation ranges, which are guaranteed never to be anyone's host.
var (
	ipv4DocPrefixes = []string{"192.0.2.", "198.51.100.", "203.0.113."}
	ipv4PublicFirst = []int{1, 14, 27, 36, 42, 43, 49, 58, 59, 61, 101, 103, 110, 111, 112, 113, 116, 118, 119, 122, 124, 175, 180, 182, 202, 203, 210, 218, 219, 220, 221, 223}
)

// IPv4 returns a public-looking IPv4 address (documentation ranges included).
func (g *Gen) IPv4() string {
	if g.Chance(0.6) {
		return g.Pick(ipv4DocPrefixes) + strconv.Itoa(g.Between(1, 254))
	}
	first := ipv4PublicFirst[g.Intn(len(ipv4PublicFirst))]
	return fmt.Sprintf("%d.%d.%d.%d", first, g.Intn(256), g.Intn(256), g.Between(1, 254))
}

// IPv6 returns a global unicast IPv6 address, mostly in the 2001:db8::/32 documentation
// prefix, written compressed or in full.
func (g *Gen) IPv6() string {
	groups := make([]uint16, 8)
	switch g.PickWeighted([]int{70, 15, 15}) {
	case 0:
		groups[0], groups[1] = 0x2001, 0x0db8
	case 1:
		groups[0], groups[1] = 0x240e, uint16(g.Intn(0x10000)) // China Telecom
	default:
		groups[0], groups[1] = 0x2404, uint16(g.Intn(0x10000)) // APNIC, Hong Kong ISPs
	}
	for i := 2; i < 8; i++ {
		// Zero runs are common in real addresses and exercise "::" compression.
		if g.Chance(0.35) {
			continue
		}
		groups[i] = uint16(g.Intn(0x10000))
	}
	if g.Chance(0.15) {
		parts := make([]string, 8)
		for i, v := range groups {
			parts[i] = fmt.Sprintf("%04x", v)
		}
		return strings.Join(parts, ":")
	}
	return compressIPv6(groups)
}

// compressIPv6 writes groups in RFC 5952 form: lower case, longest zero run (length >= 2)
// replaced by "::".
func compressIPv6(groups []uint16) string {
	bestAt, bestLen := -1, 1
	for i := 0; i < len(groups); {
		if groups[i] != 0 {
			i++
			continue
		}
		j := i
		for j < len(groups) && groups[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestAt, bestLen = i, j-i
		}
		i = j
	}
	var b strings.Builder
	for i := 0; i < len(groups); i++ {
		if i == bestAt {
			b.WriteString("::")
			i += bestLen - 1
			continue
		}
		if i > 0 && i != bestAt+bestLen {
			b.WriteByte(':')
		}
		b.WriteString(strconv.FormatUint(uint64(groups[i]), 16))
	}
	return b.String()
}
