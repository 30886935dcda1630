// Package detect finds personal data in text and JSON: recognizers with real validators,
// key-name and context hints, and a single-pass JSON engine.
package detect

// Type is a PII type id. The ids are part of the external interface (DESIGN.md §4): they
// appear in policies, scan output, audit records and metrics.
type Type string

const (
	HKID          Type = "hkid"
	HKPhone       Type = "hk_phone"
	CNMobile      Type = "cn_mobile"
	CNID          Type = "cn_id"
	Email         Type = "email"
	CreditCard    Type = "credit_card"
	IPv4          Type = "ipv4"
	IPv6          Type = "ipv6"
	HKPassport    Type = "hk_passport"
	CNPassport    Type = "cn_passport"
	MOID          Type = "mo_id"
	TWID          Type = "tw_id"
	CNUSCC        Type = "cn_uscc"
	HKBR          Type = "hk_br"
	HKBankAccount Type = "hk_bank_account"
	CNBankCard    Type = "cn_bank_card"
	PersonName    Type = "person_name"
	DateOfBirth   Type = "date_of_birth"
	Address       Type = "address"
)

// BuiltinTypes lists every built-in type id in catalogue order.
var BuiltinTypes = []Type{
	HKID, HKPhone, CNMobile, CNID, Email, CreditCard, IPv4, IPv6,
	HKPassport, CNPassport, MOID, TWID, CNUSCC, HKBR, HKBankAccount, CNBankCard,
	PersonName, DateOfBirth, Address,
}

// Finding is one detection inside a decoded text value.
type Finding struct {
	Type       Type
	Start, End int     // byte offsets into the decoded text given to the scanner
	Score      float64 // 0..1
}

// Field describes where a text value sits, so recognizers can use key names and context.
type Field struct {
	// Key is the nearest object key ("" at top level). For an array element it is the key
	// that holds the array (the element of "atMobiles": [...] has Key "atMobiles").
	Key string
	// Label is a sibling that names the value: a roster field_code/fieldCode
	// ("sys02-certNo"), or a form component's "name"/"key"/"fieldName" ("代理人電話").
	Label string
	// Number is true when the value was a JSON number token; its literal text is scanned.
	Number bool
}
