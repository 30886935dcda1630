package detect

import (
	"unsafe"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

// validators check a whole value against one type, for callers that already know what a
// field should hold (a policy's typed field rule) and only need confirmation.
var validators = map[Type]func(string) bool{
	HKID: ValidHKID, HKPhone: ValidHKPhone, CNMobile: ValidCNMobile, CNID: ValidCNID, Email: ValidEmail,
	CNBankCard: ValidCNBankCard, HKPassport: ValidHKPassport, CNPassport: ValidCNPassport, MOID: ValidMOID,
	TWID: ValidTWID, CNUSCC: ValidUSCC, HKBR: ValidHKBR, DateOfBirth: ValidDateOfBirth,
	CreditCard: func(s string) bool {
		_, ok := CardBrand(digitsOnly(s))
		return ok && checkdigit.LuhnValid(digitsOnly(s))
	},
}

// Validate reports whether the whole value is a valid t. Types without a validator
// (names, addresses, custom types) report false: the caller then scans.
func Validate(t Type, v []byte) bool {
	f := validators[t]
	if f == nil || len(v) == 0 {
		return false
	}
	return f(unsafe.String(&v[0], len(v)))
}

func digitsOnly(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			b := make([]byte, 0, len(s))
			for j := 0; j < len(s); j++ {
				if s[j] >= '0' && s[j] <= '9' {
					b = append(b, s[j])
				}
			}
			return string(b)
		}
	}
	return s
}
