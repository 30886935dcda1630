package detect

import (
	"bytes"
	"unicode/utf8"
)

// Addresses are key- or label-driven. Under an address key or label (address, certAddress,
// homeAddress, sys02-address, sys02-certAddress, 住址, 地址 …) the whole value is reported
// (0.95) when it reads as an address: valid UTF-8, 2–300 bytes, not an e-mail address or
// URL, and a number and a word that places it (…號, 樓, 室, Road, Flat) or two such words
// (浙江省杭州市) — a key says where an address would be, not that "Within range" or "Office
// WiFi" is one. Keys such as ipAddress, macAddress, mailAddress, ccAddress and serverAddress
// are not postal addresses. A place (detailPlace, a calendar event's location) is no
// meeting room or public venue.
// In free text only after a label and colon (住址：…, Address: …), a label where a field
// starts, or an English cue inside a sentence ("Staff address changed to …", "my new address
// is …", "moved to" and a street), up to the end of the line or field (; ； 。 |) or, in
// English, its region (…, Sai Kung, N.T.), at 0.8.
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
	if !addressText(b) {
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

// addressText reports valid UTF-8 of an address's length, not an e-mail address or a URL.
func addressText(b []byte) bool {
	return len(b) >= 2 && len(b) <= maxAddressLen && utf8.Valid(b) && bytes.IndexByte(b, '@') < 0 &&
		!bytes.Contains(b, []byte("://"))
}

// addressValue reports a whole-value address under an address key. The key says where an
// address would be, not that the value is one: a check-in's userAddress also reads "Within
// range" or "Office WiFi". So the value must read as an address (addressShape: a number and
// a word that places it, or two such words). A place (a calendar event's location, a
// check-in's detailPlace: placeAddressKey) is a meeting room or a public venue as often as a
// home visited, and a short phrase and a colon before it ("上門探訪：…", "Home visit: …")
// say why the place is there and stay out of the finding.
func (st *scanState) addressValue(s, e int) bool {
	place := st.key == placeAddressKey
	if place {
		if p := addressLead(st.text[s:e]); p > 0 {
			s += p
		}
	}
	// (addressShape implies the rest of plausibleAddress: a letter or Han character, two
	// runes, no placeholder.)
	b := st.text[s:e]
	if !addressText(b) || !addressShape(b) {
		return false
	}
	if place && (meetingRoom(b) || publicVenue(b)) {
		// An event's or a check-in's place is a home only when it is no meeting room,
		// hospital, hotel, school or office: "瑪麗醫院 K 座 3 樓" is where a clinic
		// appointment is.
		return false
	}
	st.add(cand{t: tAddress, start: s, end: e, score: scoreKey, flags: fCtxProof | fKeyProof})
	return true
}

// addressLead returns where the address starts after a lead phrase and its colon ("上門探訪：",
// "Home visit: "), or 0. The phrase is short and holds nothing of an address: no digit and no
// word that places it.
func addressLead(b []byte) int {
	const maxLead = 36
	for i := 0; i < len(b) && i < maxLead; i++ {
		c := b[i]
		var next int
		switch {
		case c == ':' && i+1 < len(b) && b[i+1] == ' ':
			next = i + 2
		case hasFullwidth(b, i, 0x9A): // ：
			next = i + 3
		case isDigit(c):
			return 0
		default:
			continue
		}
		lead := trimSpaceBytes(b[:i])
		if len(lead) == 0 || addressMarks(lead) > 0 {
			return 0
		}
		for next < len(b) && b[next] == ' ' {
			next++
		}
		if next >= len(b) {
			return 0
		}
		return next
	}
	return 0
}

// meetingRoomWords name a room inside an office: a meeting room's name is where a meeting
// is, not anyone's address, though it has a floor and a number ("觀塘 12樓 小會議室").
var meetingRoomWords = [][]byte{[]byte("會議室"), []byte("会议室"), []byte("會議廳"), []byte("会议厅"),
	[]byte("培訓室"), []byte("培训室"), []byte("洽談室"), []byte("洽谈室"), []byte("面試室"), []byte("面试室"),
	[]byte("meeting room"), []byte("conference room"), []byte("board room"), []byte("boardroom"),
	[]byte("training room"), []byte("meeting rm"), []byte("conf room"), []byte("zoom room")}

// publicVenueWords name places the public or a workforce goes to, not where anyone lives.
var publicVenueWords = [][]byte{[]byte("醫院"), []byte("医院"), []byte("診所"), []byte("诊所"),
	[]byte("醫務所"), []byte("医务所"), []byte("學校"), []byte("学校"), []byte("大學"), []byte("大学"),
	[]byte("中學"), []byte("中学"), []byte("小學"), []byte("小学"), []byte("書院"), []byte("书院"),
	[]byte("酒店"), []byte("賓館"), []byte("宾馆"), []byte("餐廳"), []byte("餐厅"), []byte("酒樓"),
	[]byte("酒楼"), []byte("商場"), []byte("商场"), []byte("機場"), []byte("机场"), []byte("車站"),
	[]byte("车站"), []byte("中心"), []byte("辦公室"), []byte("办公室"), []byte("寫字樓"), []byte("写字楼"),
	[]byte("hospital"), []byte("clinic"), []byte("school"), []byte("university"), []byte("college"),
	[]byte("hotel"), []byte("restaurant"), []byte("mall"), []byte("airport"), []byte("office")}

// publicVenue reports a place naming a public venue or a workplace. English words count
// as whole words: "Sha Tin Centre Street" and "Station Lane" are streets people live on,
// so neither "centre" nor "station" is in the list.
func publicVenue(b []byte) bool {
	var buf [maxAddressLen]byte
	low := lowerFit(buf[:], b)
	if low == nil {
		return false
	}
	for _, w := range publicVenueWords {
		for off := 0; ; {
			i := bytes.Index(low[off:], w)
			if i < 0 {
				break
			}
			i += off
			if w[0] >= utf8.RuneSelf || (i == 0 || !isLetter(low[i-1])) && (i+len(w) == len(low) || !isLetter(low[i+len(w)])) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

// meetingRoom reports a value naming a meeting room.
func meetingRoom(b []byte) bool {
	return containsAnyFold(b, meetingRoomWords)
}

// containsAnyFold reports whether b, ASCII lower-cased, contains one of words (lower case).
func containsAnyFold(b []byte, words [][]byte) bool {
	var buf [maxAddressLen]byte
	low := lowerFit(buf[:], b)
	if low == nil {
		return false
	}
	for _, w := range words {
		if bytes.Contains(low, w) {
			return true
		}
	}
	return false
}

// ValidAddress reports whether s is plausible as an address value.
func ValidAddress(s string) bool { return plausibleAddress(trimSpaceBytes([]byte(s))) }

// hkRegions are the regions an English Hong Kong address ends with, spelt out and
// abbreviated, longer names first.
var hkRegions = [][]byte{[]byte("hong kong island"), []byte("hong kong"), []byte("new territories"),
	[]byte("kowloon"), []byte("lantau island"), []byte("lantau"), []byte("h.k."), []byte("n.t."), []byte("n.t"),
	[]byte("kln"), []byte("hk"), []byte("nt")}

// regionLen returns the length of the region name that b starts with (a whole word), or 0.
func regionLen(b []byte) int {
	for _, r := range hkRegions {
		if len(b) >= len(r) && equalFoldASCII(b[:len(r)], r) && (len(b) == len(r) || !isLetter(b[len(r)])) {
			return len(r)
		}
	}
	return 0
}

// regionEnds reports whether the English address read from v ends at i, a comma or a space
// after its region: the part before i, after a comma, is a region name ("…, Sai Kung, N.T.",
// "…, Wan Chai, Hong Kong"), and what follows is not more of the address — another region
// ("Kowloon, Hong Kong", "Hong Kong, China") or, after a space, a capitalised word of the
// same name ("Kowloon Bay", "Hong Kong Island").
func regionEnds(text []byte, v, i int) bool {
	if i == v || !isLetter(text[i-1]) && text[i-1] != '.' {
		return false
	}
	cs := bytes.LastIndexByte(text[v:i], ',')
	if cs < 0 {
		return false // the region is never the first part
	}
	part := trimSpaceBytes(text[v+cs+1 : i])
	if len(part) < 2 || len(part) > 16 || regionLen(part) != len(part) {
		return false
	}
	k := i + 1
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k >= len(text) {
		return false
	}
	if text[i] == ' ' {
		return text[k] < utf8.RuneSelf && !isUpper(text[k])
	}
	if regionLen(text[k:]) > 0 {
		return false
	}
	for _, w := range []string{"china", "prc", "sar"} {
		if len(text)-k >= len(w) && equalFoldASCII(text[k:k+len(w)], []byte(w)) {
			return false
		}
	}
	return true
}

// streetFollows reports whether the rest of the line from v names a street with a number in
// it ("Flat B, 39/F, 98 Marsh Road, …", "九龍彌敦道 100 號") and no meeting room or venue.
func (st *scanState) streetFollows(v int) bool {
	text := st.text
	e := v
	for e < len(text) && e-v < maxAddressLen && text[e] != '\n' && text[e] != ';' {
		e++
	}
	b := text[v:utf8Floor(text, e)]
	if meetingRoom(b) || publicVenue(b) {
		return false
	}
	// An English street follows a capitalised name (Nathan Road, Tai Wai Road), and nothing
	// in lower case comes before it: "5 stores on Nathan Road", "2 Road Show teams" are no
	// addresses.
	street, digit, prevCap, lowerSeen := false, false, false, false
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case isDigit(c):
			digit = true
			prevCap = false
			i++
		case isLetter(c):
			j := i
			for j < len(b) && isLetter(b[j]) {
				j++
			}
			var low [12]byte
			if w := lowerFit(low[:], b[i:j]); w != nil && streetWord(w) && prevCap && !lowerSeen && !street {
				street = true
			}
			if i > 0 && b[i-1] == '\'' {
				i = j // the "s" of Queen's Road: the word goes on
				continue
			}
			lowerSeen = lowerSeen || isLower(c) && !street
			prevCap = isUpper(c)
			i = j
		default:
			if hasPrefixBytes(b[i:], "路") || hasPrefixBytes(b[i:], "街") || hasPrefixBytes(b[i:], "道") {
				street = true
			}
			i++
		}
	}
	return street && digit
}

// streetWord reports a street suffix (in lower case) of addressLatinWord.
func streetWord(w []byte) bool {
	switch string(w) {
	case "road", "rd", "street", "st", "avenue", "ave", "lane", "path", "terrace", "crescent",
		"drive", "square", "place", "circuit", "praya", "boulevard", "blvd", "highway":
		return true
	}
	return false
}
