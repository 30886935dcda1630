package detect

import (
	"bytes"
	"unicode/utf8"
)

// Addresses are key- or label-driven. Under an address key or label (address, certAddress,
// homeAddress, sys02-address, sys02-certAddress, 住址, 地址 …) the whole value is reported
// (0.95) when it is plausible: valid UTF-8, 2–300 bytes, at least one letter or Han
// character, not an e-mail address, URL or placeholder (N/A, 無, -). Keys such as ipAddress,
// macAddress, mailAddress, ccAddress and serverAddress are not postal addresses.
// In free text only after a label and colon (住址：…, Address: …), up to the end of the line
// or field (; ； 。 |), at 0.8.
//
// Decision: work_place / sys00-workPlace (办公地点) is the employer's office, shared by many
// employees, so it is not reported as an address; a policy can still mask it by path.
var addressRecognizer = Recognizer{
	Type:         Address,
	Name:         "Postal address",
	Description:  "a home or certificate address in an address field or after 住址：/Address:",
	Validates:    "address key, label or label-colon context; plausible address text",
	NeedsContext: true,
}

const maxAddressLen = 300

var addressPlaceholders = [][]byte{[]byte("n/a"), []byte("na"), []byte("null"), []byte("none"),
	[]byte("nil"), []byte("-"), []byte("--"), []byte("無"), []byte("无"), []byte("暫無"), []byte("暂无"),
	[]byte("test"), []byte("unknown"), []byte("未知")}

func plausibleAddress(b []byte) bool {
	if len(b) < 2 || len(b) > maxAddressLen || !utf8.Valid(b) {
		return false
	}
	var low [16]byte
	if l := lowerFit(low[:], b); l != nil {
		for _, p := range addressPlaceholders {
			if bytes.Equal(l, p) {
				return false
			}
		}
	}
	if bytes.IndexByte(b, '@') >= 0 || bytes.Contains(b, []byte("://")) {
		return false
	}
	runes, text := 0, false
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		runes++
		if isHan(r) || r < utf8.RuneSelf && isLetter(byte(r)) {
			text = true
		}
		i += size
	}
	return text && runes >= 2
}

// addressValue reports a whole-value address under an address key.
func (st *scanState) addressValue(s, e int) bool {
	if !plausibleAddress(st.text[s:e]) {
		return false
	}
	st.add(cand{t: tAddress, start: s, end: e, score: scoreKey, flags: fCtxProof | fKeyProof})
	return true
}

// ValidAddress reports whether s is plausible as an address value.
func ValidAddress(s string) bool { return plausibleAddress(trimSpaceBytes([]byte(s))) }
