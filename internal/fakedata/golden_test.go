package fakedata

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current generators")

// The corpus and simulator promise "same seed, same bytes" across releases, so any change
// to what a generator draws must show up here as a reviewed golden diff.
func TestGoldenSeed1(t *testing.T) {
	g := New(1)
	var b strings.Builder
	line := func(name string, v any) { fmt.Fprintf(&b, "%s: %v\n", name, v) }
	for i := range 3 {
		line("HKID", g.HKID())
		line("HKIDStyled", g.HKIDStyled())
		line("HKMobile", g.HKPhoneStyled(g.HKMobile()))
		line("HKFixed", g.HKFixed())
		line("CNMobile", g.CNMobileStyled(g.CNMobile()))
		line("CNID", g.CNID())
		line("Email", g.Email("taiman.chan"))
		line("CreditCard", g.CardStyled(g.CreditCard()))
		line("CNBankCard", g.CNBankCard())
		line("IPv4", g.IPv4())
		line("IPv6", g.IPv6())
		line("HKPassport", g.HKPassport())
		line("CNPassport", g.CNPassport())
		line("MOID", g.MOID())
		line("TWID", g.TWID())
		line("USCC", g.USCC())
		line("HKBR", g.HKBR())
		line("HKBankAccount", g.HKBankAccount())
		line("NameZH", g.NameZH())
		given, sur := g.NameEN()
		line("NameEN", given+" / "+sur)
		line("AddressHK", g.AddressHK())
		line("DOB", g.DOB().Format("2006-01-02"))
		line("EpochMillis", g.EpochMillis())
		line("LuhnValidTimestamp", g.LuhnValidTimestamp())
		line("WrongCheckHKID", g.WrongCheckHKID())
		line("WrongCheckCNID", g.WrongCheckCNID())
		line("DeptID", g.DeptID())
		line("ContractNo18", g.ContractNo18())
		line("OrderNo", g.OrderNo())
		line("Amount", g.Amount())
		line("UnionID", g.UnionID())
		e := EmployeeAt(1, i)
		line("Employee", fmt.Sprintf("%s %s %q %s %s %s %s %q", e.UserID, e.Name, e.EnglishName, e.StateCode, e.Mobile, e.HKID, e.ManagerUserID, e.Remark))
	}
	got := b.String()
	path := filepath.Join("testdata", "seed1.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update once to create it)", err)
	}
	if got != string(want) {
		t.Errorf("seed 1 output changed; review and run go test -update:\n--- got\n%s--- want\n%s", got, want)
	}
}
