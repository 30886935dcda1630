package fakedata

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata/fakecheck"
)

const draws = 3000

// Every valid generator, plain and styled, must pass the independent validator of its type.
func TestValidValuesPassIndependentCheck(t *testing.T) {
	g := New(42)
	gens := []struct {
		typ string
		gen func() string
	}{
		{"hkid", g.HKID},
		{"hkid", g.HKIDStyled},
		{"hk_phone", g.HKMobile},
		{"hk_phone", g.HKFixed},
		{"hk_phone", func() string { return g.HKPhoneStyled(g.HKMobile()) }},
		{"hk_phone", func() string { return g.HKPhoneStyled(g.HKFixed()) }},
		{"cn_mobile", g.CNMobile},
		{"cn_mobile", func() string { return g.CNMobileStyled(g.CNMobile()) }},
		{"cn_id", g.CNID},
		{"email", func() string { return g.Email("taiman.chan") }},
		{"email", func() string { return g.Email("") }},
		{"credit_card", g.CreditCard},
		{"credit_card", func() string { return g.CardStyled(g.CreditCard()) }},
		{"credit_card", g.CNBankCard}, // a UnionPay debit card is also a valid card number
		{"cn_bank_card", g.CNBankCard},
		{"cn_bank_card", func() string { return g.CardStyled(g.CNBankCard()) }},
		{"ipv4", g.IPv4},
		{"ipv6", g.IPv6},
		{"hk_passport", g.HKPassport},
		{"cn_passport", g.CNPassport},
		{"mo_id", g.MOID},
		{"tw_id", g.TWID},
		{"cn_uscc", g.USCC},
		{"hk_br", g.HKBR},
		{"hk_bank_account", g.HKBankAccount},
		{"person_name", g.NameZH},
		{"person_name", g.NameDisplayEN},
		{"person_name", g.NameLegalEN},
		{"address", g.AddressHK},
		{"date_of_birth", func() string { return g.DOB().Format("2006-01-02") }},
	}
	for _, c := range gens {
		for range draws {
			v := c.gen()
			if ok, _ := fakecheck.Valid(c.typ, v); !ok {
				t.Fatalf("%s generator produced %q, which fails the %s check", c.typ, v, c.typ)
			}
		}
	}
}

// Hard negatives must fail every validator a detector could apply to their shape.
func TestHardNegativesFailChecks(t *testing.T) {
	g := New(7)
	digitsRe := regexp.MustCompile(`^\d+$`)
	for range draws {
		if v := g.WrongCheckHKID(); fakecheck.HKID(v) {
			t.Fatalf("WrongCheckHKID %q passes the HKID check", v)
		} else if !regexp.MustCompile(`(?i)^[a-z]{1,2}\d{6}( ?\([0-9a]\)|[0-9a])$`).MatchString(v) {
			t.Fatalf("WrongCheckHKID %q does not look like an HKID", v)
		}
		if v := g.WrongCheckCNID(); fakecheck.CNID(v) || len(v) != 18 {
			t.Fatalf("WrongCheckCNID %q passes the ID check or has the wrong length", v)
		}
		v := g.ContractNo18()
		if len(v) != 18 || !digitsRe.MatchString(v) {
			t.Fatalf("ContractNo18 %q is not 18 digits", v)
		}
		if fakecheck.CNID(v) || fakecheck.Luhn(v) || fakecheck.CreditCard(v) {
			t.Fatalf("ContractNo18 %q passes a checksum", v)
		}
		ts := g.LuhnValidTimestamp()
		if (len(ts) != 13 && len(ts) != 16) || !fakecheck.Luhn(ts) {
			t.Fatalf("LuhnValidTimestamp %q: want 13 or 16 Luhn-valid digits", ts)
		}
		if fakecheck.CreditCard(ts) {
			t.Fatalf("LuhnValidTimestamp %q passes as a card", ts)
		}
		ms := g.EpochMillis()
		if s := strconv.FormatInt(ms, 10); len(s) != 13 || fakecheck.CreditCard(s) {
			t.Fatalf("EpochMillis %d: want 13 digits, not a card", ms)
		}
		if y := time.UnixMilli(ms).UTC().Year(); y < 2015 || y > 2030 {
			t.Fatalf("EpochMillis %d is in %d", ms, y)
		}
		if d := strconv.FormatInt(g.DeptID(), 10); len(d) < 8 || len(d) > 9 {
			t.Fatalf("DeptID %s: want 8–9 digits", d)
		}
		for _, s := range []string{g.OrderNo(), g.Amount(), g.Version(), g.JobNumber(), g.RequestID(), strconv.FormatInt(g.TaskID(), 10)} {
			for _, typ := range []string{"hkid", "cn_id", "credit_card", "cn_mobile", "ipv4", "email"} {
				if ok, _ := fakecheck.Valid(typ, s); ok {
					t.Fatalf("negative %q passes the %s check", s, typ)
				}
			}
		}
		if u := g.UUID(); len(u) != 36 || u[14] != '4' || hkidShaped(u[:8]) {
			t.Fatalf("UUID %q", u)
		}
		if u := g.UnionID(); len(u) != 27 || !strings.HasSuffix(u, "iEiE") {
			t.Fatalf("UnionID %q", u)
		}
	}
}

func TestIPsArePublicLooking(t *testing.T) {
	g := New(3)
	for range draws {
		for _, ip := range []string{g.IPv4(), g.IPv6()} {
			if !fakecheck.PublicIP(ip) {
				t.Fatalf("%q is not a public-looking address", ip)
			}
		}
	}
}

func TestStylesCoverRealWorldForms(t *testing.T) {
	g := New(11)
	seen := map[string]bool{}
	for range draws {
		s := g.HKPhoneStyled("91234567")
		seen[s] = true
		seen[g.HKIDStyled()[7:]] = true // tail shows the bracket style
		seen[g.CNMobileStyled("13812345678")] = true
		seen[g.CardStyled("4111111111111111")] = true
	}
	for _, want := range []string{
		"91234567", "9123 4567", "9123-4567", "+852 9123 4567", "+852-91234567", "(852) 91234567", "85291234567",
		"+86 138 1234 5678", "138-1234-5678", "0086 13812345678", "13812345678",
		"4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111",
	} {
		if !seen[want] {
			t.Errorf("style %q never produced", want)
		}
	}
	var lower, spaced, plain bool
	for range draws {
		s := g.HKIDStyled()
		lower = lower || strings.ToLower(s) == s
		spaced = spaced || strings.Contains(s, " (")
		plain = plain || !strings.Contains(s, "(")
	}
	if !lower || !spaced || !plain {
		t.Errorf("HKIDStyled styles: lower=%v spaced=%v plain=%v", lower, spaced, plain)
	}
	if got := g.HKPhoneStyled("123"); got != "123" {
		t.Errorf("HKPhoneStyled changed non-phone input to %q", got)
	}
	if got := g.CardStyled("abc"); got != "abc" {
		t.Errorf("CardStyled changed non-digit input to %q", got)
	}
}

func TestDeterminism(t *testing.T) {
	run := func(seed uint64) string {
		g := New(seed)
		var b strings.Builder
		for range 50 {
			given, sur := g.NameEN()
			b.WriteString(strings.Join([]string{g.HKID(), g.HKIDStyled(), g.HKMobile(), g.CNID(), g.CreditCard(),
				g.IPv6(), g.AddressHK(), g.NameZH(), given, sur, g.USCC(), g.WrongCheckHKID(), g.OrderNo()}, "|"))
		}
		return b.String()
	}
	if run(1) != run(1) {
		t.Fatal("same seed gave different output")
	}
	if run(1) == run(2) {
		t.Fatal("different seeds gave the same output")
	}
}

func TestSmallHelpersNeverPanic(t *testing.T) {
	g := New(1)
	if g.Intn(0) != 0 || g.Intn(-3) != 0 || g.Pick(nil) != "" || g.Between(5, 2) != 5 {
		t.Fatal("degenerate arguments must yield zero values")
	}
	for range 1000 {
		if v := g.Intn(3); v < 0 || v > 2 {
			t.Fatalf("Intn(3) = %d", v)
		}
	}
	if g.Rand() == nil {
		t.Fatal("Rand() is nil")
	}
}

func TestUserID(t *testing.T) {
	g := New(1)
	if got := g.UserID("Chan Tai Man"); got != "chantaiman" {
		t.Errorf("UserID(Chan Tai Man) = %q", got)
	}
	if got := g.UserID("陳大文"); !regexp.MustCompile(`^[a-z]+\d{4}$`).MatchString(got) {
		t.Errorf("UserID of a name without ASCII = %q, want a role-style id", got)
	}
}

func TestEmployeeAt(t *testing.T) {
	const seed, n = 99, 1500
	// Random access: employee 700 is the same whether or not others were generated first.
	late := EmployeeAt(seed, 700)
	ids := map[string]int{}
	depts := map[int64]bool{}
	for _, d := range OrgDeptIDs(seed) {
		depts[d] = true
	}
	for i := range n {
		e := EmployeeAt(seed, i)
		if j, dup := ids[e.UserID]; dup {
			t.Fatalf("employees %d and %d share userid %q", j, i, e.UserID)
		}
		ids[e.UserID] = i
		checks := map[string]string{"person_name": e.Name, "email": e.Email, "address": e.Address}
		checks["person_name "+e.NameEN] = ""
		for typ, v := range checks {
			if v == "" {
				continue
			}
			if ok, _ := fakecheck.Valid(typ, v); !ok {
				t.Fatalf("employee %d: %s %q invalid", i, typ, v)
			}
		}
		for _, v := range []string{e.Name, e.NameEN, e.EnglishName, e.EmergencyName} {
			if !fakecheck.PersonName(v) {
				t.Fatalf("employee %d: name %q invalid", i, v)
			}
		}
		if !fakecheck.Email(e.OrgEmail) || !strings.HasSuffix(e.OrgEmail, "@hk.example.com") {
			t.Fatalf("employee %d: org email %q", i, e.OrgEmail)
		}
		switch e.StateCode {
		case "852":
			if !fakecheck.HKPhone(e.Mobile) || e.HKID == "" || !fakecheck.HKID(e.HKID) || !fakecheck.HKPassport(e.Passport) {
				t.Fatalf("employee %d (852): mobile %q, HKID %q, passport %q", i, e.Mobile, e.HKID, e.Passport)
			}
		case "86":
			if !fakecheck.CNMobile(e.Mobile) || e.CNID == "" || !fakecheck.CNPassport(e.Passport) {
				t.Fatalf("employee %d (86): mobile %q, CNID %q, passport %q", i, e.Mobile, e.CNID, e.Passport)
			}
		default:
			t.Fatalf("employee %d: state code %q", i, e.StateCode)
		}
		if e.HKID != "" && !fakecheck.HKID(e.HKID) {
			t.Fatalf("employee %d: HKID %q", i, e.HKID)
		}
		if e.CNID != "" && (!fakecheck.CNID(e.CNID) || e.CNID[6:14] != e.DOB.Format("20060102")) {
			t.Fatalf("employee %d: CNID %q does not match DOB %s", i, e.CNID, e.DOB.Format(time.DateOnly))
		}
		if !fakecheck.HKBankAccount(e.BankAccount) && !fakecheck.CNBankCard(e.BankAccount) {
			t.Fatalf("employee %d: bank account %q", i, e.BankAccount)
		}
		if e.Telephone != "" {
			tel := e.Telephone[:strings.LastIndexByte(e.Telephone, '-')]
			if !fakecheck.HKPhone(tel) {
				t.Fatalf("employee %d: telephone %q", i, e.Telephone)
			}
		}
		if !fakecheck.HKPhone(e.EmergencyPhone) || e.EmergencyRelation == "" {
			t.Fatalf("employee %d: emergency contact %q %q", i, e.EmergencyRelation, e.EmergencyPhone)
		}
		if len(e.UnionID) != 27 || e.JobNumber != "HK"+pad6(i+1) {
			t.Fatalf("employee %d: unionid %q job number %q", i, e.UnionID, e.JobNumber)
		}
		for _, d := range e.DeptIDs {
			if !depts[d] {
				t.Fatalf("employee %d: dept %d not one of the organisation's", i, d)
			}
		}
		if (i == 0) != (e.ManagerUserID == "") || e.Boss != (i == 0) {
			t.Fatalf("employee %d: manager %q boss %v", i, e.ManagerUserID, e.Boss)
		}
		if i > 0 {
			if m := EmployeeAt(seed, (i-1)/managerSpan); m.UserID != e.ManagerUserID {
				t.Fatalf("employee %d: manager %q is not employee %d (%q)", i, e.ManagerUserID, (i-1)/managerSpan, m.UserID)
			}
		}
		if i == 700 && !equalEmployee(e, late) {
			t.Fatal("EmployeeAt(700) depends on what was generated before it")
		}
	}
	if !equalEmployee(EmployeeAt(seed, -5), EmployeeAt(seed, 0)) {
		t.Error("negative index is not treated as 0")
	}
	if EmployeeAt(seed, 1).UserID == EmployeeAt(seed+1, 1).UserID && EmployeeAt(seed, 2).UnionID == EmployeeAt(seed+1, 2).UnionID {
		t.Error("different seeds give the same organisation")
	}
}

func equalEmployee(a, b Employee) bool {
	if len(a.DeptIDs) != len(b.DeptIDs) {
		return false
	}
	for i := range a.DeptIDs {
		if a.DeptIDs[i] != b.DeptIDs[i] {
			return false
		}
	}
	a.DeptIDs, b.DeptIDs = nil, nil
	return a.UserID == b.UserID && a.UnionID == b.UnionID && a.Remark == b.Remark && a.DOB.Equal(b.DOB) &&
		a.HiredDate.Equal(b.HiredDate) && a.Mobile == b.Mobile && a.HKID == b.HKID && a.CNID == b.CNID &&
		a.Address == b.Address && a.BankAccount == b.BankAccount && a.ManagerUserID == b.ManagerUserID &&
		a.Email == b.Email && a.Telephone == b.Telephone && a.EmergencyPhone == b.EmergencyPhone
}
