package fakedata

import (
	"strconv"
	"strings"
	"time"
)

// Employee is one fake staff member with every field the DingTalk contact and roster APIs
// expose. All fields are consistent with each other (the English name romanises the
// Chinese one, the Resident ID embeds DOB, the state code matches the mobile).
type Employee struct {
	UserID, UnionID, Name, NameEN, EnglishName                                         string // Name "陳大文", NameEN "CHAN, Tai Man", EnglishName "Peter Chan"
	StateCode, Mobile, Telephone, Email, OrgEmail, JobNumber, Title, WorkPlace, Remark string
	HKID, CNID, Passport                                                               string
	DOB                                                                                time.Time
	Address, BankAccount                                                               string
	EmergencyName, EmergencyRelation, EmergencyPhone                                   string
	DeptIDs                                                                            []int64
	HiredDate                                                                          time.Time
	Active, Admin, Boss, Leader                                                        bool
	ManagerUserID                                                                      string
}

var titles = []string{
	"高級會計主任 Senior Accounting Officer", "Senior Accounting Officer", "HR Business Partner",
	"人力資源主任", "Software Engineer", "系統分析員 Systems Analyst", "Operations Manager",
	"客戶服務主任 Customer Service Officer", "Finance Manager", "行政助理 Administrative Assistant",
	"Sales Executive", "項目經理 Project Manager", "Payroll Specialist", "IT Support Officer",
}

// managerSpan is how many direct reports each manager has in the generated org chart.
const managerSpan = 8

// EmployeeAt returns employee i of the organisation identified by seed. It depends only on
// (seed, i), never on other indexes, so a simulator can regenerate any employee on demand.
// UserIDs are unique within an organisation. A negative i is treated as 0.
func EmployeeAt(seed uint64, i int) Employee {
	if i < 0 {
		i = 0
	}
	g := New(SubSeed(seed, i))
	// The person must be the first draw: userIDAt relies on it to name managers cheaply.
	p := g.person()
	e := Employee{
		UserID:      userIDFor(p, i),
		Name:        p.zh(),
		NameEN:      p.legalEN(),
		EnglishName: p.displayEN(),
	}
	e.UnionID = g.UnionID()
	e.DOB = g.DOB()
	mainland := g.Chance(0.2)
	if mainland {
		e.StateCode = "86"
		e.Mobile = g.CNMobile()
		e.CNID = g.cnIDFor(e.DOB)
		e.Passport = g.CNPassport()
		if g.Chance(0.4) {
			e.HKID = g.HKID()
		}
	} else {
		e.StateCode = "852"
		e.Mobile = g.HKMobile()
		if g.Chance(0.3) {
			e.Mobile = "+852-" + e.Mobile
		}
		e.HKID = g.HKID()
		e.Passport = g.HKPassport()
		if g.Chance(0.1) {
			e.CNID = g.cnIDFor(e.DOB)
		}
	}
	if g.Chance(0.5) {
		e.Telephone = "852-" + g.HKFixed() + "-" + strconv.Itoa(g.Between(100, 899))
	}
	local := strings.ToLower(strings.ReplaceAll(p.given.en, " ", "")) + "." + strings.ToLower(strings.ReplaceAll(p.sur.en, " ", ""))
	if i > 0 {
		local += strconv.Itoa(i)
	}
	e.Email = g.Email(local)
	first := p.western
	if first == "" {
		first = strings.ReplaceAll(p.given.en, " ", "")
	}
	e.OrgEmail = strings.ToLower(first+"."+strings.ReplaceAll(p.sur.en, " ", "")) + strconv.Itoa(i) + "@hk.example.com"
	e.JobNumber = "HK" + pad6(i+1)
	e.Title = g.Pick(titles)
	e.WorkPlace = g.District()
	e.Address = g.AddressHK()
	if mainland && g.Chance(0.5) {
		e.BankAccount = g.CNBankCard()
	} else {
		e.BankAccount = g.HKBankAccount()
	}
	ec := g.person()
	e.EmergencyName = ec.zh()
	e.EmergencyRelation = g.Relation()
	e.EmergencyPhone = "+852-" + g.HKMobile()
	depts := orgDepts(seed)
	e.DeptIDs = []int64{depts[g.Intn(len(depts))]}
	if g.Chance(0.15) {
		if d := depts[g.Intn(len(depts))]; d != e.DeptIDs[0] {
			e.DeptIDs = append(e.DeptIDs, d)
		}
	}
	e.HiredDate = g.dateBetween(time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC))
	e.Active = g.Chance(0.95)
	e.Admin = g.Chance(0.05)
	e.Boss = i == 0
	e.Leader = i == 0 || g.Chance(0.1)
	if i > 0 {
		e.ManagerUserID = userIDAt(seed, (i-1)/managerSpan)
	}
	e.Remark = g.remark(e)
	return e
}

// userIDFor makes "chantaiman" for employee 0 and "chantaiman17" for employee 17; the
// index suffix is what keeps ids unique when two staff share a name.
func userIDFor(p person, i int) string {
	id := strings.ToLower(strings.ReplaceAll(p.sur.en+p.given.en, " ", ""))
	if i > 0 {
		id += strconv.Itoa(i)
	}
	return id
}

func userIDAt(seed uint64, i int) string {
	return userIDFor(New(SubSeed(seed, i)).person(), i)
}

// orgDepts returns the organisation's department ids; they depend on seed only.
func orgDepts(seed uint64) []int64 {
	g := New(SubSeed(seed, -1))
	out := make([]int64, 6)
	for i := range out {
		out[i] = int64(g.Between(100000000, 999999999))
	}
	return out
}

// OrgDeptIDs returns the department ids EmployeeAt draws from for seed.
func OrgDeptIDs(seed uint64) []int64 { return orgDepts(seed) }

func pad6(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 6 {
		s = "0" + s
	}
	return s
}

// remark writes the free-text note HR staff leave on a profile: often empty, otherwise the
// English name and identifiers, as in the samples.
func (g *Gen) remark(e Employee) string {
	switch g.Intn(6) {
	case 0, 1:
		return ""
	case 2:
		if e.HKID != "" {
			return e.EnglishName + "；HKID " + e.HKID + " 已核實；緊急聯絡人 " + e.EmergencyName + " " + g.HKPhoneStyled(strings.TrimPrefix(e.EmergencyPhone, "+852-"))
		}
		return e.EnglishName + "；身份證 " + e.CNID + " 已核實"
	case 3:
		return e.EnglishName + " " + e.Name + ", 銀行戶口 " + e.BankAccount
	case 4:
		return "Joined from the " + g.Pick(districtsEN) + " office. 請假聯絡 " + e.Email
	default:
		return "試用期已滿，表現良好。"
	}
}
