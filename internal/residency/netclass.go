package residency

import (
	"fmt"
	"net/netip"
)

// Client network classes, as audit records spell them.
const (
	NetHK    = "hk"
	NetOther = "other"
)

// Classifier maps a client address to a network class. The proxy runs in Hong Kong, so
// loopback, private (RFC 1918, ULA) and link-local clients sit on the same site as the proxy
// and count as "hk"; public addresses count as "hk" only when a configured prefix lists them.
type Classifier struct {
	home []netip.Prefix
}

// NewClassifier parses the configured home prefixes (CIDR notation). Errors name the
// position of the bad entry.
func NewClassifier(prefixes []string) (*Classifier, error) {
	c := &Classifier{}
	for i, s := range prefixes {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return nil, fmt.Errorf("residency: home prefix %d is not a CIDR prefix: %w", i, err)
		}
		c.home = append(c.home, p.Masked())
	}
	return c, nil
}

// Class returns NetHK or NetOther for a client address. An invalid address is "other":
// an unknown origin must not be assumed to be local.
func (c *Classifier) Class(addr netip.Addr) string {
	if !addr.IsValid() {
		return NetOther
	}
	addr = addr.Unmap()
	if addr.IsLoopback() || addr.IsPrivate() || addr.IsLinkLocalUnicast() {
		return NetHK
	}
	if c != nil {
		for _, p := range c.home {
			if p.Contains(addr) {
				return NetHK
			}
		}
	}
	return NetOther
}

// ClassOf parses a "host:port" or bare host (as in http.Request.RemoteAddr) and classifies it.
func (c *Classifier) ClassOf(remoteAddr string) string {
	if ap, err := netip.ParseAddrPort(remoteAddr); err == nil {
		return c.Class(ap.Addr())
	}
	a, err := netip.ParseAddr(remoteAddr)
	if err != nil {
		return NetOther
	}
	return c.Class(a)
}
