package corpus

import (
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// fileCtx is everything one payload builder draws from. Each file gets its own generator
// seeded from (corpus seed, file index), so any file can be regenerated alone and a
// smaller corpus is a prefix of a larger one.
type fileCtx struct {
	g       *fakedata.Gen
	orgSeed uint64
}

// orgSize is how many distinct staff the corpus's fake organisation has.
const orgSize = 5000

func (c *fileCtx) employee() fakedata.Employee {
	return fakedata.EmployeeAt(c.orgSeed, c.g.Intn(orgSize))
}

// embedJSON serialises n as JSON text inside a string, in a style some real writer uses.
func (c *fileCtx) embedJSON(n node) text { return embed(n, innerStyle(c.g), c.g.Rand()) }

// id writes a numeric id as a JSON number or, sometimes, as a string: DingTalk's own
// payloads do both (originatorDeptId is a string, dept_id a number).
func (c *fileCtx) id(v int64, pString float64) node {
	if c.g.Chance(pString) {
		return plain(itoa(v))
	}
	return num(v)
}

// hkDigits returns the 8 national digits of an HK number in any Employee format.
func hkDigits(s string) string {
	s = strings.TrimPrefix(s, "+852-")
	return strings.TrimPrefix(s, "+852 ")
}

// mobileValue returns how an employee's mobile is stored: bare 8 digits with
// state_code 852, "+852-9…" (DingTalk's format for numbers entered internationally), or an
// 11-digit mainland number with state_code 86.
func (c *fileCtx) mobileValue(e fakedata.Employee) (stateCode string, v text) {
	g := c.g
	if e.StateCode == "86" {
		if g.Chance(0.15) {
			return "86", pii("cn_mobile", "+86-"+e.Mobile)
		}
		return "86", pii("cn_mobile", e.Mobile)
	}
	d := hkDigits(e.Mobile)
	switch g.Intn(10) {
	case 0, 1, 2, 3, 4, 5:
		return "852", pii("hk_phone", d)
	case 6, 7, 8:
		return "852", pii("hk_phone", "+852-"+d)
	default:
		return "852", pii("hk_phone", "+852 "+d[:4]+" "+d[4:])
	}
}

// telephoneValue returns a landline with or without an extension; only the number part
// ("852-21234567" of "852-21234567-801") is personal data.
func (c *fileCtx) telephoneValue() text {
	g := c.g
	n := g.HKFixed()
	switch g.Intn(4) {
	case 0, 1:
		s := "852-" + n
		return piiPrefix("hk_phone", s+"-"+itoa(int64(g.Between(100, 8999))), len(s))
	case 2:
		return pii("hk_phone", "852-"+n)
	default:
		return pii("hk_phone", n[:4]+" "+n[4:])
	}
}

func (c *fileCtx) avatar() string {
	return "https://static-legacy.dingtalk.com/media/lADP" + c.g.Token("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10) + "_240_240.jpg"
}

// dobText formats a date of birth the way HR systems store it.
func dobText(e fakedata.Employee) string { return e.DOB.Format("2006-01-02") }

// certNo returns a value for an identity-document field and its type: an HKID, a
// mainland Resident ID or a passport.
func (c *fileCtx) certNo(e fakedata.Employee) (string, string) {
	g := c.g
	switch {
	case e.HKID != "" && (e.CNID == "" || g.Chance(0.6)):
		if g.Chance(0.75) {
			return e.HKID, "hkid"
		}
		return strings.Replace(e.HKID, "(", " (", 1), "hkid"
	case e.CNID != "":
		return e.CNID, "cn_id"
	case strings.HasPrefix(e.Passport, "H") || strings.HasPrefix(e.Passport, "K"):
		return e.Passport, "hk_passport"
	default:
		return e.Passport, "cn_passport"
	}
}

// bankAccountType tells an HK account from a mainland UnionPay card number.
func bankAccountType(v string) string {
	if strings.HasPrefix(v, "62") && !strings.Contains(v, "-") {
		return "cn_bank_card"
	}
	return "hk_bank_account"
}
