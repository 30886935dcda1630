package detect

// Recognizer describes one built-in PII type for the registry, `proxy policy check` and the
// docs. The detection logic itself lives in the recognizer's file (hkid.go, hk_phone.go, …)
// and is driven by the Scanner, which tokenises a text once for all types.
type Recognizer struct {
	Type        Type
	Name        string
	Description string
	// Validates names the check that must pass, e.g. "mod-11 check digit, issued prefix".
	Validates string
	// NeedsContext is true when the bare format is too weak to report on its own: a key,
	// a roster field_code/label or a context word must name the type.
	NeedsContext bool
}

// builtinRecognizers is the registry, in BuiltinTypes order (an invariant test checks it).
var builtinRecognizers = []Recognizer{
	hkidRecognizer,
	hkPhoneRecognizer,
	cnMobileRecognizer,
	cnIDRecognizer,
	emailRecognizer,
	creditCardRecognizer,
	ipv4Recognizer,
	ipv6Recognizer,
	hkPassportRecognizer,
	cnPassportRecognizer,
	moIDRecognizer,
	twIDRecognizer,
	cnUSCCRecognizer,
	hkBRRecognizer,
	hkBankAccountRecognizer,
	cnBankCardRecognizer,
	personNameRecognizer,
	dateOfBirthRecognizer,
	addressRecognizer,
}

// Registry returns every built-in recognizer exactly once, in BuiltinTypes order. The slice is
// a copy: callers may keep or modify it.
func Registry() []Recognizer {
	out := make([]Recognizer, len(builtinRecognizers))
	copy(out, builtinRecognizers)
	return out
}

// tid is the index of a built-in type in BuiltinTypes; tmask is a set of them. The scanner
// works on indexes and masks so that the hot path never compares Type strings.
type tid uint8

const (
	tHKID tid = iota
	tHKPhone
	tCNMobile
	tCNID
	tEmail
	tCreditCard
	tIPv4
	tIPv6
	tHKPassport
	tCNPassport
	tMOID
	tTWID
	tCNUSCC
	tHKBR
	tHKBankAccount
	tCNBankCard
	tPersonName
	tDateOfBirth
	tAddress
	numBuiltin
)

type tmask uint32

func (t tid) mask() tmask { return 1 << t }

func (m tmask) has(t tid) bool { return m&(1<<t) != 0 }

// Type returns the public id of a built-in index.
func (t tid) Type() Type { return BuiltinTypes[t] }

// builtinIndex returns the index of a built-in Type.
func builtinIndex(t Type) (tid, bool) {
	for i, b := range BuiltinTypes {
		if b == t {
			return tid(i), true
		}
	}
	return 0, false
}

// Type families used by key hints and context words.
const (
	maskPhone    = tmask(1<<tHKPhone | 1<<tCNMobile)
	maskPassport = tmask(1<<tHKPassport | 1<<tCNPassport)
	maskIDDoc    = tmask(1<<tHKID|1<<tCNID|1<<tMOID|1<<tTWID) | maskPassport
	maskBank     = tmask(1<<tHKBankAccount | 1<<tCNBankCard)
	maskCard     = tmask(1<<tCreditCard | 1<<tCNBankCard)
	maskIP       = tmask(1<<tIPv4 | 1<<tIPv6)
	// maskText are the key-driven types whose value is ordinary text (no digit needed).
	maskText = tmask(1<<tPersonName | 1<<tDateOfBirth | 1<<tAddress)
)
