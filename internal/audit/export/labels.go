package export

// Plain-language names for the HTML page. Unknown ids (custom recognizers, future actions)
// are shown as they are.
var typeLabels = map[string]string{
	"hkid":            "Hong Kong Identity Card number",
	"hk_phone":        "Hong Kong phone number",
	"cn_mobile":       "Mainland China mobile number",
	"cn_id":           "Mainland Resident Identity Card number",
	"email":           "Email address",
	"credit_card":     "Payment card number",
	"ipv4":            "IP address (v4)",
	"ipv6":            "IP address (v6)",
	"hk_passport":     "Hong Kong passport number",
	"cn_passport":     "Mainland passport number",
	"mo_id":           "Macao identity card number",
	"tw_id":           "Taiwan identity card number",
	"cn_uscc":         "Mainland unified social credit code",
	"hk_br":           "Hong Kong business registration number",
	"hk_bank_account": "Hong Kong bank account number",
	"cn_bank_card":    "Mainland bank card number",
	"person_name":     "Person's name",
	"date_of_birth":   "Date of birth",
	"address":         "Address",
}

var actionLabels = map[string]string{
	"allow":    "passed unchanged (role entitled to see it)",
	"redact":   "replaced by a type label, e.g. [HKID]",
	"mask":     "partially masked, e.g. A123***(*)",
	"hash":     "replaced by a keyed one-way hash",
	"tokenize": "replaced by a reversible vault token",
	"reveal":   "token turned back into the value for an entitled role",
	"drop":     "field removed",
	"deny":     "call refused",
}

var decisionLabels = map[string]string{
	"forwarded":       "passed on after the policy was applied",
	"blocked":         "refused because it carried personal data of a blocked type",
	"denied":          "refused: the caller's role may not make this call",
	"unauthenticated": "refused: the caller could not be identified",
	"error":           "refused because it could not be inspected safely (fail closed)",
}

func label(m map[string]string, id string) string {
	if s, ok := m[id]; ok {
		return s
	}
	return ""
}
