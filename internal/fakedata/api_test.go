package fakedata

import (
	"math/rand/v2"
	"time"
)

// The simulator and the corpus generator are written against this exact API; these
// assignments stop the build if a signature drifts.
var (
	_ func(uint64) *Gen           = New
	_ func(*Gen, int) int         = (*Gen).Intn
	_ func(*Gen, []string) string = (*Gen).Pick
	_ func(*Gen) *rand.Rand       = (*Gen).Rand

	_ = []func(*Gen) string{
		(*Gen).HKID, (*Gen).HKIDStyled, (*Gen).HKMobile, (*Gen).HKFixed, (*Gen).CNMobile, (*Gen).CNID,
		(*Gen).CreditCard, (*Gen).IPv4, (*Gen).IPv6, (*Gen).HKPassport, (*Gen).CNPassport, (*Gen).MOID,
		(*Gen).TWID, (*Gen).USCC, (*Gen).HKBR, (*Gen).HKBankAccount, (*Gen).CNBankCard, (*Gen).NameZH,
		(*Gen).AddressHK, (*Gen).LuhnValidTimestamp, (*Gen).WrongCheckHKID, (*Gen).WrongCheckCNID,
		(*Gen).ContractNo18, (*Gen).OrderNo, (*Gen).Amount, (*Gen).UnionID,
	}
	_                             = []func(*Gen, string) string{(*Gen).HKPhoneStyled, (*Gen).CNMobileStyled, (*Gen).Email, (*Gen).CardStyled, (*Gen).UserID}
	_ func(*Gen) (string, string) = (*Gen).NameEN
	_ func(*Gen) time.Time        = (*Gen).DOB
	_                             = []func(*Gen) int64{(*Gen).EpochMillis, (*Gen).DeptID}
	_ func(uint64, int) Employee  = EmployeeAt

	_ = Employee{
		UserID: "", UnionID: "", Name: "", NameEN: "", EnglishName: "",
		StateCode: "", Mobile: "", Telephone: "", Email: "", OrgEmail: "", JobNumber: "", Title: "", WorkPlace: "", Remark: "",
		HKID: "", CNID: "", Passport: "", DOB: time.Time{}, Address: "", BankAccount: "",
		EmergencyName: "", EmergencyRelation: "", EmergencyPhone: "",
		DeptIDs: []int64{}, HiredDate: time.Time{}, Active: false, Admin: false, Boss: false, Leader: false, ManagerUserID: "",
	}
)
