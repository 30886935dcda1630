package fakedata

import (
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// Prefixes the Immigration Department has issued. Single letters dominate real cards; the
// two-letter ones are rare, and the generator keeps them rare.
var (
	hkidSingle = []string{"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "V", "W", "Y", "Z"}
	hkidDouble = []string{"WX", "XA", "XB", "XC", "XD", "XE", "XG", "XH"}
)

func (g *Gen) hkidParts() (prefix, digits string, check byte) {
	if g.Chance(0.04) {
		prefix = g.Pick(hkidDouble)
	} else {
		prefix = g.Pick(hkidSingle)
	}
	digits = g.Digits(6)
	return prefix, digits, checkdigit.HKID(prefix, digits)
}

// HKID returns a valid Hong Kong Identity Card number in the canonical "A123456(3)" form.
func (g *Gen) HKID() string {
	p, d, c := g.hkidParts()
	return p + d + "(" + string(c) + ")"
}

// HKIDStyled returns a valid HKID in one of the ways people actually type it.
func (g *Gen) HKIDStyled() string {
	p, d, c := g.hkidParts()
	return g.styleHKID(p, d, c)
}

func (g *Gen) styleHKID(p, d string, c byte) string {
	var s string
	switch g.PickWeighted([]int{55, 15, 20}) {
	case 0:
		s = p + d + "(" + string(c) + ")"
	case 1:
		s = p + d + " (" + string(c) + ")"
	default:
		s = p + d + string(c)
	}
	if g.Chance(0.12) {
		s = strings.ToLower(s)
	}
	return s
}

// WrongCheckHKID returns something shaped exactly like an HKID whose check character is
// wrong, so any validating detector must reject it.
func (g *Gen) WrongCheckHKID() string {
	p, d, c := g.hkidParts()
	const alphabet = "0123456789A"
	wrong := c
	for wrong == c {
		wrong = alphabet[g.Intn(len(alphabet))]
	}
	return g.styleHKID(p, d, wrong)
}
