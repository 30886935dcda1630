package fakedata

import (
	"fmt"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// County-level administrative division codes that exist, weighted towards Guangdong where
// most mainland staff of Hong Kong companies are registered. 810000/820000/830000 are the
// prefixes of residence permits for Hong Kong, Macau and Taiwan residents.
var cnAreaCodes = []string{
	"440103", "440104", "440106", "440303", "440304", "440305", "440402", "440604",
	"441302", "441900", "442000", "440103", "440305", "440304",
	"110101", "110105", "110108", "120101", "130102", "140105", "210102", "220102",
	"230102", "310101", "310104", "310115", "320102", "320505", "330102", "330106",
	"340104", "350102", "350203", "360102", "370102", "370202", "410105", "420106",
	"430104", "450103", "460105", "500103", "510104", "510107", "520102", "530102",
	"610103", "620102", "810000", "820000", "830000",
}

// dateBetween returns a uniformly drawn calendar day in [from, to] at UTC midnight.
func (g *Gen) dateBetween(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	return from.AddDate(0, 0, g.Intn(days+1))
}

var (
	dobFrom = time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	dobTo   = time.Date(2005, 12, 31, 0, 0, 0, 0, time.UTC)
)

// DOB returns a date of birth between 1950 and 2005 (UTC midnight).
func (g *Gen) DOB() time.Time { return g.dateBetween(dobFrom, dobTo) }

func (g *Gen) cnIDBody() string {
	return g.Pick(cnAreaCodes) + g.DOB().Format("20060102") + g.Digits(3)
}

// CNID returns an 18-character mainland Resident Identity Card number: a real area prefix,
// a real date of birth (1950–2005) and a valid MOD 11-2 check character.
func (g *Gen) CNID() string {
	b := g.cnIDBody()
	return b + string(checkdigit.CNID(b))
}

// cnIDFor builds a valid ID for a known date of birth, so an Employee's ID agrees with DOB.
func (g *Gen) cnIDFor(dob time.Time) string {
	b := g.Pick(cnAreaCodes) + dob.Format("20060102") + g.Digits(3)
	return b + string(checkdigit.CNID(b))
}

// WrongCheckCNID returns 18 characters that are a valid ID except for the check character.
func (g *Gen) WrongCheckCNID() string {
	b := g.cnIDBody()
	c := checkdigit.CNID(b)
	const alphabet = "0123456789X"
	wrong := c
	for wrong == c {
		wrong = alphabet[g.Intn(len(alphabet))]
	}
	return b + string(wrong)
}

// ContractNo18 returns an 18-digit business or contract number (date, time, sequence). It
// can never be a Resident ID: "20" is no province code, and the last digit is also chosen to
// fail both MOD 11-2 and Luhn, so no checksum-only detector is fooled either.
func (g *Gen) ContractNo18() string {
	d := g.dateBetween(time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2030, 12, 31, 0, 0, 0, 0, time.UTC))
	body := fmt.Sprintf("%s%02d%02d%02d%s", d.Format("20060102"), g.Intn(24), g.Intn(60), g.Intn(60), g.Digits(3))
	return body + string(g.digitFailing(body, checkdigit.CNID(body)))
}

// digitFailing picks a last digit for body that is neither the MOD 11-2 check nor the Luhn
// check digit.
func (g *Gen) digitFailing(body string, mod11 byte) byte {
	luhn := checkdigit.Luhn(body)
	for {
		d := byte('0' + g.Intn(10))
		if d != mod11 && d != luhn {
			return d
		}
	}
}
