package detect

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/hkpii/dingtalk-pii-proxy/internal/widthfold"
)

// Key and label hints. A JSON key ("mobile", "certNo", "createTime") or a label (a roster
// field_code such as "sys02-certNo", a form component name such as "代理人電話") says what a
// value holds. Keys are normalised — ASCII lower case without '_', '-', '.' and spaces — and
// looked up in a table built at init; keys not in the table go through suffix rules
// ("…Mobile", "…Time", "…Id"), and keys or labels with Chinese through substring rules.
//
// A positive hint names types: it raises their score to 0.95, lets the shape-only types
// through, and (for phones, IDs, bank numbers, dates of birth, e-mails, IPs) marks the field
// as typed, so numeric candidates of other types are suppressed. A negative hint (ids,
// times, amounts, counts, orders, versions, job numbers) suppresses every candidate except
// self-validating structured ones (A123456(3), e-mail addresses, IPv6). Free-text keys
// (remark, content, text, title, value …) are neutral. A label's negative or typing part
// does not apply over free text (fieldHint).

type hint struct {
	pos tmask // types the key or label names
	// neg: candidates of types outside pos are dropped unless they carry fKeyProof.
	neg bool
	// weakName: the key is the overloaded "name" (roles, departments, form fields and
	// templates are all called name), so a person name needs stronger evidence.
	weakName bool
}

var (
	hPhone    = hint{pos: maskPhone, neg: true}
	hEmail    = hint{pos: tEmail.mask(), neg: true}
	hIDDoc    = hint{pos: maskIDDoc, neg: true}
	hHKID     = hint{pos: tHKID.mask(), neg: true}
	hCNID     = hint{pos: tCNID.mask(), neg: true}
	hPassport = hint{pos: maskPassport, neg: true}
	hMOID     = hint{pos: tMOID.mask(), neg: true}
	hTWID     = hint{pos: tTWID.mask(), neg: true}
	hUSCC     = hint{pos: tCNUSCC.mask(), neg: true}
	hBR       = hint{pos: tHKBR.mask(), neg: true}
	hBank     = hint{pos: maskBank, neg: true}
	hCard     = hint{pos: maskCard, neg: true}
	hIP       = hint{pos: maskIP, neg: true}
	hDOB      = hint{pos: tDateOfBirth.mask(), neg: true}
	hName     = hint{pos: tPersonName.mask()}
	hNameWeak = hint{pos: tPersonName.mask(), weakName: true}
	hContact  = hint{pos: maskPhone | tPersonName.mask(), weakName: true}
	hAddress  = hint{pos: tAddress.mask()}
	hSocial   = hint{pos: maskIDCard, neg: true}
	hNeg      = hint{neg: true}
	hNeutral  = hint{}
)

// keyTable maps normalised keys to hints: DingTalk wire names (sdk_pii_fieldnames.tsv),
// roster field codes (API-NOTES §1.4) and common English names.
var keyTable = func() map[string]hint {
	m := map[string]hint{}
	add := func(h hint, keys ...string) {
		for _, k := range keys {
			m[normKey(k)] = h
		}
	}
	add(hPhone, "mobile", "mobiles", "tel", "telephone", "phone", "phones", "phoneNumber",
		"phoneNumbers", "phoneNum", "phoneNo", "mobilePhone", "mobilePhones", "mobileNo",
		"mobileNum", "mobileNumber", "mobilePhoneNumber", "contactPhone", "contactPhoneNum",
		"contactTelephone", "contactCompanyTelephone", "atMobiles", "receiverMobiles",
		"userMobile", "memberMobile", "applicantMobile", "appUserMobile", "appUserMobileNumber",
		"newMobile", "workPhone", "homeTel", "workTel", "purchaserTel", "sellerTel",
		"receiverTel", "mailPhone", "drawerTelephone", "usedCarMarketPhone", "auctionUtilTel",
		"kh_tel", "kh_worktel", "lxr_tel", "lxr_worktel", "fh_tel", "inputPhoneNum",
		"belongToPhoneNum", "virtualPhoneNum", "mobilePhones", "sys00-mobile", "sys00-tel",
		"sys06-urgentContactsPhone", "urgentContactsPhone", "emergencyContactPhone",
		"emergencyPhone", "whatsapp", "fax", "faxNo", "cellphone", "cell", "telNo", "tel_no",
		"mobile_phone", "contact_number", "contactNumber", "phone_number", "手機", "電話",
		// "Contact No." is how Hong Kong forms ask for a phone number.
		"contactNo", "contact_no", "contactTel")
	add(hEmail, "email", "emails", "mail", "orgEmail", "org_email", "loginEmail", "workEmail",
		"contactEmail", "drawerEmail", "receiverEmail", "originatorEmail", "kh_email",
		"lxr_email", "fh_email", "sys00-email", "mailAddress", "fromMailAddress",
		"receiveMailAddress", "ccAddress", "bccAddress", "emailAddress", "e-mail")
	add(hIDDoc, "certNo", "certNO", "cert_no", "certificateNo", "certificateNumber", "idCardNo",
		"idCard", "idCardCode", "idCardNumber", "idNo", "idNumber", "identityNo",
		"identityNumber", "identityCard", "identityCardNo", "legalPersonIdCard", "sys02-certNo",
		"documentNo", "documentNumber", "certificateId", "id_card", "id_card_no", "id_no")
	add(hHKID, "hkid", "hkidNo", "hkidNumber", "hkic", "hkicNo", "hk_id")
	add(hCNID, "cnId", "residentId", "shenfenzheng", "sfz", "sfzh")
	add(hPassport, "passport", "passportNo", "passportNumber", "passport_no")
	add(hMOID, "macauId", "macaoId", "macauIdNo", "macaoIdNo", "moId", "birNo")
	add(hTWID, "twId", "taiwanId", "twIdNo")
	add(hUSCC, "uscc", "creditCode", "unifiedSocialCreditCode", "socialCreditCode", "taxNo",
		"taxNumber", "taxpayerNo", "taxpayerId", "purchaserTaxNo", "sellerTaxNo", "orgCode")
	add(hBR, "brNo", "brn", "brNumber", "businessRegistrationNo", "businessRegistrationNumber",
		"hkbr", "br_no")
	add(hBank, "bankAccount", "bankAccountNo", "bankAccountNumber", "bankCardNo", "bankCard",
		"bankCardNumber", "bankNo", "accountNo", "acctNo", "accountNumber", "payeeAccountNo",
		"payChannelAccountNo", "otherAccountNo", "purchaserBankAccount", "sellerBankAccount",
		"purchaserBankNameAccount", "sellerBankNameAccount", "sys04-bankAccountNo", "iban")
	add(hCard, "creditCard", "creditCardNo", "creditCardNumber", "cardNo", "cardNumber", "pan",
		"ccNumber")
	add(hIP, "ip", "ipAddress", "ipAddr", "clientIp", "remoteIp", "localIp", "serverIp",
		"userIp", "loginIp", "ipv4", "ipv6", "sourceIp", "x-forwarded-for", "remoteAddr")
	add(hDOB, "birthday", "birthDate", "dateOfBirth", "dob", "birth", "birthTime",
		"sys02-birthTime", "sys07-childBirthDate", "childBirthDate", "lxr_birthday",
		"birth_date", "date_of_birth", "bornDate", "bornOn", "dateBirth", "birthDt",
		"birthDateTime")
	add(hName, "realName", "sys00-name", "sys02-realName", "sys06-urgentContactsName",
		"sys07-childName", "urgentContactsName", "childName", "nick", "nickName", "nickname",
		"showName", "senderNick", "creatorNick", "operatorNickName", "originatorNickName",
		"originatorNickNameEn", "originatorNickNameInEnglish", "userNick", "userRealName",
		"contactName", "contactNick", "fullName", "firstName", "lastName", "givenName",
		"surname", "familyName", "englishName", "chineseName", "memberName", "employeeName",
		"staffName", "anchorNickname", "modifierNick", "nickPinyin", "pinyinNickName",
		"payeeName", "accountName", "holderName", "cardHolder", "cardholderName",
		"applicantName", "visitorName", "emergencyContactName", "userName", "groupNick",
		"groupNickName", "lockNick", "nameEn", "enName", "nameCn", "cnName", "nameZh", "zhName",
		"legalName", "preferredName", "applicant", "contactPerson", "linkman", "linkMan", "payee",
		"spouseName", "fatherName", "motherName",
		// Second names of the same person in HR extensions: the romanised or English name
		// beside the Chinese one, an alias or preferred name.
		"engName", "chiName", "aliasName", "pinyinName", "romanizedName",
		"nameEng", "nameChi", "localName")
	// displayName is a calendar attendee's or a member's name, and a place's or a file's:
	// weak, like name. An attendance check-in's visitUser is the customer visited, a person
	// or the firm's name; so is a CRM record's customer or client (personal customers are
	// people, the rest firms).
	add(hNameWeak, "name", "displayName", "visitUser", "customerName", "clientName")
	add(hAddress, "address", "addr", "certAddress", "sys02-address", "sys02-certAddress",
		"homeAddress", "detailAddress", "contactAddress", "residentialAddress",
		"residenceAddress", "liveAddress", "currentAddress", "permanentAddress",
		"postalAddress", "purchaserAddress", "sellerAddress", "kh_address", "kh_coaddress",
		"lxr_address", "fh_address", "realEstateDetailedAddress", "usedCarAddress",
		"auctionUnitAddress", "registrationAddress", "manageAddress",
		// Where a person lives, named without "address". ("domicile" is left out: a key
		// ending in "le" would let every "title" past ScanText's prefilter.)
		"residence", "registeredResidence", "permanentResidence",
		"currentResidence", "placeOfResidence",
		// An attendance check-in's detailed place: where the visit was, often a home.
		"detailPlace")
	// A mainland social insurance account number is the holder's resident ID number; an
	// "…AccountNo" reading would make it a bank number and suppress the ID.
	add(hSocial, "sys09-personalSi", "personalSi", "socialSecurityNo", "socialSecurityNumber",
		"socialInsuranceNo", "socialInsuranceNumber")
	// Explicitly neutral: free text, and names that the suffix rules would misread.
	add(hNeutral, "remark", "content", "text", "title", "value", "label", "msg", "message",
		"markdown", "description", "desc", "comment", "reason", "note", "notes", "memo",
		"extension", "extValue", "ext_value", "data", "body", "summary", "subject",
		"hideMobile", "hide_mobile", "mobileUrl", "phoneLink", "mobileStateCode",
		"stateCode", "state_code", "work_place", "workPlace", "sys00-workPlace",
		"hotelAddress", "serverAddress", "macAddress", "macAddr", "ipAddressList",
		"locationAddress", "bankName", "bankCode", "accountBank", "sys04-accountBank",
		"urgentContactsRelation", "sys06-urgentContactsRelation")
	// Explicitly negative: ids, times, amounts and numbers whose names the suffix rules miss.
	add(hNeg, "id", "uid", "userid", "unionid", "openid", "deptid", "dept_id", "corpid", "appid",
		"agentid", "agent_id", "appAgentId", "taskid", "task_id", "requestid", "request_id",
		"requestId", "bizid", "businessId", "bizNumber", "processInstanceId", "processCode",
		"msgid", "messageId", "conversationId", "robotCode", "staffId", "senderStaffId",
		"managerUserid", "manager_userid", "deptIdList", "dept_id_list", "userIdList",
		"userid_list", "dept_order", "order", "orderNo", "orderNumber", "contractNo",
		"contract_no", "contractNumber", "invoiceNo", "serialNo", "serialNumber", "sn", "seq",
		"version", "appVersion", "createTime", "create_time", "createdAt", "created_at",
		"updateTime", "modifyTime", "gmtCreate", "gmtModified", "finishTime", "startTime",
		"endTime", "timestamp", "ts", "hiredDate", "hired_date", "hireDate", "entryDate",
		"expireIn", "expiresIn", "expires_in", "expire_in", "amount", "price", "salary",
		"totalWage", "errcode", "sub_code", "subCode", "code", "status", "cursor",
		"next_cursor", "nextCursor", "offset", "size", "count", "total", "totalCount",
		"pageSize", "pageNumber", "jobNumber", "job_number", "sys00-jobNumber", "optJobNumber",
		"workNo", "employeeNo", "staffNo", "propertyCertificateNumber", "importCertificateNo",
		"latitude", "longitude", "itemIndex", "item_index", "deptOrder", "sessionWebhookExpiredTime",
		"createAt", "readTimestamp", "taskId", "activityId", "originatorDeptId",
		"originatorUserId", "chatbotUserId", "senderId", "msgId", "userId", "unionId", "corpId",
		"openId", "deptId", "dingtalkId", "salaryGroupId", "salaryItemId",
		// Accounting codes, often written 1234-5678 like a phone.
		"costCenter", "costCentre", "costCenterCode", "profitCenter",
		// Numbers of things, not people, in a card's, a phone's or an address's shape:
		// object identifiers (2.5.4.6), device and SIM numbers, product and serial codes.
		"oid", "imei", "imeisv", "meid", "iccid", "simCard", "simCardNo", "simCardNumber",
		"isbn", "issn", "barcode", "ean", "upc", "gtin", "sku",
		// Chat accounts: a QQ number, a WeChat id.
		"qq", "qqNo", "wechat", "wechatId")
	return m
}()

// normKey lower-cases ASCII and drops '_', '-', '.', spaces; other bytes are kept.
func normKey(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch c {
		case '_', '-', '.', ' ':
			continue
		}
		b.WriteByte(lower(c))
	}
	return b.String()
}

// textKeyTail marks the last two normalised bytes of every ASCII key that can name a text
// type (person name, date of birth, address): the table's keys and the suffix rules'. A
// value without digits can only hold those types, so mayNameText lets ScanText drop it under
// any other key ("status", "userid", "title") without hashing the key.
var textKeyTail = func() (t [128 * 128 / 64]uint64) {
	mark := func(k string) {
		if len(k) >= 2 && k[len(k)-1] < 128 && k[len(k)-2] < 128 {
			i := int(k[len(k)-2])<<7 | int(k[len(k)-1])
			t[i/64] |= 1 << (i % 64)
		}
	}
	for k, h := range keyTable {
		if h.pos&maskText != 0 {
			mark(k)
		}
	}
	for _, r := range suffixRules {
		if r.h.pos&maskText != 0 {
			mark(r.suffix)
		}
	}
	mark("name") // personRoleName
	for _, tag := range nameLangTags {
		mark(tag)
	}
	return t
}()

// mayNameText reports whether a key or label may name a text type: false is certain, true
// means "classify it". Keys with non-ASCII bytes (姓名, 出生日期) always may.
func mayNameText(k string) bool {
	n := len(k)
	// A label's colon or emphasis is not its tail ("Full name:", "**Name**"): see trimLabel.
	// (A full-width colon is non-ASCII, which always may.)
	for n > 0 && (k[n-1] == ':' || k[n-1] == '*' || k[n-1] == ' ' || k[n-1] == '\t') {
		n--
	}
	k = k[:n]
	var or uint64
	switch {
	case n >= 8:
		for i := 0; i+8 <= n; i += 8 {
			or |= le64(k[i:])
		}
		or |= le64(k[n-8:])
	case n >= 4:
		or = uint64(le32(k) | le32(k[n-4:]))
	case n >= 2:
		or = uint64(k[0] | k[n/2] | k[n-1])
	default:
		return false // no text key is that short
	}
	if or&0x8080808080808080 != 0 || k[n-1] == ')' {
		// Non-ASCII, or a bracketed note that classifyNotedASCII reads past.
		return true
	}
	prev, last := normByte[k[n-2]], normByte[k[n-1]]
	if prev == 0 || last == 0 {
		// A separator near the end ("name_", "a-b"): find the last two normalised bytes.
		prev, last = 0, 0
		for i := n - 1; i >= 0 && prev == 0; i-- {
			if c := normByte[k[i]]; c != 0 {
				if last == 0 {
					last = c
				} else {
					prev = c
				}
			}
		}
		if prev == 0 {
			return false
		}
	}
	i := int(prev)<<7 | int(last)
	return textKeyTail[i/64]&(1<<(i%64)) != 0 || textComponentKey(k)
}

// textComponentKey reports a form component id whose component holds a text type
// (componentIDHint): "employeeField_kswond3r" ends in a random tail that textKeyTail knows
// nothing of.
func textComponentKey(k string) bool {
	if len(k) < len("addressField_")+4 {
		return false
	}
	switch k[0] {
	case 'e', 'E', 'i', 'I', 'a', 'A', 'D':
	default:
		return false
	}
	if k[0] == 'D' && len(k) > 2 && k[1] == 'D' {
		k = k[2:]
	}
	for _, p := range [...]string{"employeeField", "innerContactField", "addressField"} {
		if len(k) > len(p) && strings.EqualFold(k[:len(p)], p) && (k[len(p)] == '_' || k[len(p)] == '-') {
			return true
		}
	}
	return false
}

// classifyField combines the key and label hints. The label (a roster field_code or form
// component name) is the more specific, but both contribute.
func classifyField(key, label string) hint {
	hk := cachedHint(key)
	if label == "" {
		return hk
	}
	return combineHints(hk, cachedHint(label))
}

// fieldHint is the hint for one value: classifyField, except that a label's negative or
// typing part does not apply over free text. A label names one value (a form field's amount,
// a roster field's date); over prose it is a heading at best — a markdown message's title
// "薪酬通知" labels its text — and it neither suppresses nor types what the prose holds.
func fieldHint(key, label string, text []byte) hint {
	hk := cachedHint(key)
	if label == "" {
		return hk
	}
	return labelledHint(hk, label, text)
}

// labelledHint is fieldHint for a value with a label, given its key's hint hk. (Most values
// have no label: ScanText looks their key up without a call to fieldHint.)
func labelledHint(hk hint, label string, text []byte) hint {
	hl := cachedHint(label)
	if hl.neg && !hk.neg && freeText(text) {
		hl.neg = false
	}
	return combineHints(hk, hl)
}

// freeText reports a value that is prose rather than one field value: it spans lines, is
// longer than any id, amount, date or document number, or has sentence punctuation
// ("三月份薪金已存入 004-512-345678-838。", "Paid, thanks: …").
//
// The length is counted as the recognizers read the value: a full-width form (９, Ａ, （)
// counts as the one ASCII byte it folds to, so "０１２－０００－０－００００" is as long as
// "012-000-0-0000" and a label applies to both alike.
func freeText(b []byte) bool {
	if len(b) > 3*maxFieldValue {
		return true
	}
	n := len(b)
	for i, c := range b {
		switch c {
		case '\n', '\r':
			return true
		case ',', ';', ':', '.', '!', '?':
			if i+1 < len(b) && b[i+1] == ' ' {
				return true
			}
		case 0xE3: // 、 。
			if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0x81 || b[i+2] == 0x82) {
				return true
			}
		case 0xEF: // ！ ， ： ； ？
			if i+2 < len(b) && b[i+1] == 0xBC {
				switch b[i+2] {
				case 0x81, 0x8C, 0x9A, 0x9B, 0x9F:
					return true
				}
			}
			if i+2 < len(b) {
				switch widthfold.Rune(b[i+1], b[i+2]) {
				case 0:
				case '.': // ． before a space ends a sentence, as '.' does
					if i+3 < len(b) && b[i+3] == ' ' {
						return true
					}
					n -= 2
				default:
					n -= 2
				}
			}
		}
	}
	return n > maxFieldValue
}

// maxFieldValue is the longest value a negative label (amount, date, contract number) is
// taken to describe as a whole.
const maxFieldValue = 64

func combineHints(hk, hl hint) hint {
	h := hint{pos: hk.pos | hl.pos, neg: hk.neg || hl.neg}
	// "name" under a person-scoped label (sys00-name) is a strong name field.
	h.weakName = h.pos.has(tPersonName) &&
		(!hk.pos.has(tPersonName) || hk.weakName) && (!hl.pos.has(tPersonName) || hl.weakName)
	return h
}

// The hint cache: a payload has a few hundred distinct keys, each classified millions of
// times. Each slot packs a 40-bit tag of the key's hash with the encoded hint in one
// atomic word, so lookups are lock-free and allocation-free. A key goes to the slot its hash
// names or, when that one is taken and the one beside it free, to that one; lookups try
// both. With one slot per key, two busy keys of a payload that met in a slot evicted each
// other on every value (a classifyName each time, ~3,000 instructions), and as the seed
// changes per process, the bench corpus cost moved by up to 6% from run to run; now that
// takes three busy keys in one pair of slots. 16,384 slots (128 KiB). Keys are compared by
// 53 bits of a seeded hash (slot pair + tag): a false match needs two keys agreeing on all
// of them.
var (
	hintCache     [1 << 14]atomic.Uint64
	hintCacheSeed = func() uint64 { // per process, so collisions cannot be planned
		var s maphash.Hash
		return s.Sum64()
	}()
)

// keyHash is a fast seeded 64-bit hash of a key: its bytes read as at most a few 64-bit
// words (the last one overlapping the one before; keys of 1–7 bytes in one word), each
// mixed in by multiply–xorshift. For a given length the words cover every byte, so two keys
// of equal length that differ anywhere feed different words; the tag check covers the rest.
// Keys are short (most under 16 bytes), so this is two or three multiplications per value.
func keyHash(s string) uint64 {
	n := len(s)
	h := hintCacheSeed ^ uint64(n)*0x9E3779B97F4A7C15
	mix := func(h, v uint64) uint64 {
		h = (h ^ v) * 0xff51afd7ed558ccd
		return h ^ h>>29
	}
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			h = mix(h, le64(s[i:]))
		}
		h = mix(h, le64(s[n-8:]))
	case n >= 4:
		h = mix(h, uint64(le32(s))|uint64(le32(s[n-4:]))<<32)
	case n > 0:
		h = mix(h, uint64(s[0])|uint64(s[n/2])<<8|uint64(s[n-1])<<16)
	}
	h ^= h >> 32
	h *= 0x9E3779B97F4A7C15
	return h ^ h>>29
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

const (
	hintValid = 1 << 23
	hintNeg   = 1 << 22
	hintWeak  = 1 << 21
	hintPos   = 1<<numBuiltin - 1
)

func init() {
	if numBuiltin > 21 {
		panic("detect: the hint cache packs at most 21 types")
	}
}

func cachedHint(name string) hint {
	if name == "" {
		return hNeutral
	}
	sum := keyHash(name)
	i := sum & (uint64(len(hintCache)) - 1)
	tag := sum >> 24
	// A key may sit in its slot or the one beside it.
	if v := hintCache[i].Load(); v&hintValid != 0 && v>>24 == tag {
		return hint{pos: tmask(v & hintPos), neg: v&hintNeg != 0, weakName: v&hintWeak != 0}
	}
	if v := hintCache[i^1].Load(); v&hintValid != 0 && v>>24 == tag {
		return hint{pos: tmask(v & hintPos), neg: v&hintNeg != 0, weakName: v&hintWeak != 0}
	}
	h := classifyName(name)
	v := tag<<24 | hintValid | uint64(h.pos)
	if h.neg {
		v |= hintNeg
	}
	if h.weakName {
		v |= hintWeak
	}
	// Beside the key already in the slot when there is room, rather than in its place.
	if hintCache[i].Load()&hintValid != 0 && hintCache[i^1].Load()&hintValid == 0 {
		i ^= 1
	}
	hintCache[i].Store(v)
	return h
}

// normByte maps a key byte to its normalised form: ASCII lower case, 0 for the separators
// that normalisation drops.
var normByte = func() (t [128]byte) {
	for c := 0; c < 128; c++ {
		t[c] = lower(byte(c))
	}
	t['_'], t['-'], t['.'], t[' '] = 0, 0, 0, 0
	return t
}()

const maxNormKey = 48

// trimLabel strips what surrounds a human label but is not part of it: the colon a form or
// roster writes after it ("Full name:", "ID number：") and markdown emphasis ("**DOB**").
// Without this the colon would become the key's last byte and defeat every table entry and
// suffix rule. Wire keys never carry these bytes, so trimming them changes no wire key.
func trimLabel(name string) string {
	for len(name) > 0 {
		switch c := name[0]; {
		case c == ' ' || c == '\t' || c == '*':
			name = name[1:]
			continue
		case strings.HasPrefix(name, "\u3000"):
			name = name[len("\u3000"):]
			continue
		}
		break
	}
	for n := len(name); n > 0; n = len(name) {
		switch c := name[n-1]; {
		case c == ' ' || c == '\t' || c == '*' || c == ':':
			name = name[:n-1]
			continue
		case strings.HasSuffix(name, "："), strings.HasSuffix(name, "\u3000"), strings.HasSuffix(name, "﹕"):
			name = name[:n-3]
			continue
		}
		break
	}
	return name
}

// classifyName classifies one key or label. It does not allocate.
func classifyName(name string) hint {
	name = trimLabel(name)
	if name == "" {
		return hNeutral
	}
	if h, ok := classifyNotedASCII(name); ok {
		return h
	}
	var buf [maxNormKey]byte
	n, ascii := 0, true
	hash := uint32(fnvOffset)
	if len(name) <= maxNormKey {
		for i := 0; i < len(name); i++ {
			c := name[i]
			if c >= 0x80 {
				ascii = false
				continue
			}
			if c = normByte[c]; c != 0 {
				buf[n] = c
				n++
				hash = (hash ^ uint32(c)) * fnvPrime
			}
		}
	} else {
		// A long key: only its tail matters (suffix rules). Fill buf from the end.
		k := maxNormKey
		for i := len(name) - 1; i >= 0 && k > 0; i-- {
			c := name[i]
			if c >= 0x80 {
				ascii = false
				continue
			}
			if c = normByte[c]; c != 0 {
				k--
				buf[k] = c
			}
		}
		n = copy(buf[:], buf[k:])
		for i := 0; ascii && i < len(name); i++ {
			ascii = name[i] < 0x80
		}
	}
	if !ascii {
		if h, ok := classifyCJK(name); ok {
			return h
		}
	}
	norm := buf[:n]
	if ascii && len(name) <= maxNormKey {
		if h, ok := exactHint(norm, hash); ok {
			return h
		}
	}
	if n == 0 {
		return hNeutral
	}
	if ascii {
		if h, ok := componentIDHint(name); ok {
			return h
		}
	}
	return suffixHint(name, norm)
}

// componentIDHint classifies a DingTalk form component id used as a key, as CRM and Yida
// records key their data ("DDPhoneField_K2U5GX1Q", "TextField-J78F056R", "phoneField_l2x8k",
// "employeeField_kswond3r"): the component type names the value, and the generated tail
// names nothing (a tail ending in "…ID" or "…NO" must not make it a record id).
func componentIDHint(raw string) (hint, bool) {
	i := strings.Index(raw, "Field")
	if i <= 0 || i+len("Field")+4 > len(raw) {
		return hint{}, false
	}
	if c := raw[i+len("Field")]; c != '_' && c != '-' {
		return hint{}, false
	}
	for j := i + len("Field") + 1; j < len(raw); j++ {
		if !isAlnum(raw[j]) {
			return hint{}, false
		}
	}
	kind := raw[:i]
	if len(kind) > 2 && kind[0] == 'D' && kind[1] == 'D' && isUpper(kind[2]) {
		kind = kind[2:]
	}
	for _, c := range []struct {
		kind string
		h    hint
	}{{"phone", hPhone}, {"mobile", hPhone}, {"idcard", hIDDoc}, {"email", hEmail},
		{"money", hNeg}, {"number", hNeg},
		// A member picker (Yida employeeField, an approval form's InnerContactField) holds
		// the chosen people's display names; their userids are kept apart, under
		// "employeeField_<id>_id", which the suffix rules make a record id.
		{"employee", hName}, {"innercontact", hName},
		// An address component's text is a postal address (still read as one only when
		// it has an address's shape).
		{"address", hAddress}} {
		if len(kind) == len(c.kind) && strings.EqualFold(kind, c.kind) {
			return c.h, true
		}
	}
	return hNeutral, true
}

// classifyNotedASCII classifies an ASCII label with a bracketed note, as custom roster
// fields and forms name them: the words before the note decide when they name anything
// ("English Name (as shown on HKID)" is a name, "Mobile (Personal)" a phone), else the note
// does ("Emergency Contact (Phone)", "Contract End (Date)"). Non-ASCII labels go through
// classifyCJK, which treats notes the same way.
func classifyNotedASCII(name string) (hint, bool) {
	n := len(name)
	if n < 4 || name[n-1] != ')' {
		return hint{}, false
	}
	i := strings.IndexByte(name, '(')
	if i <= 0 {
		return hint{}, false
	}
	for j := 0; j < n; j++ {
		if name[j] >= utf8.RuneSelf {
			return hint{}, false
		}
	}
	note := classifyName(name[i+1 : n-1])
	if h := classifyName(strings.TrimRight(name[:i], " ")); h != hNeutral {
		if h == hContact && note != hNeutral {
			return note, true // a person or a number: the note says which
		}
		return h, true
	}
	if note != hNeutral {
		return note, true
	}
	return hint{}, false
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// keySlots is keyTable as an open-addressing table hashed with FNV-1a over the normalised
// bytes, so that a lookup hashes while normalising and never builds a string.
type keySlot struct {
	key string
	h   hint
}

var keySlots, keySlotMask = func() ([]keySlot, uint32) {
	size := 1
	for size < 4*len(keyTable) {
		size <<= 1
	}
	slots := make([]keySlot, size)
	mask := uint32(size - 1)
	for k, h := range keyTable {
		hash := uint32(fnvOffset)
		for i := 0; i < len(k); i++ {
			hash = (hash ^ uint32(k[i])) * fnvPrime
		}
		i := hash & mask
		for slots[i].key != "" {
			i = (i + 1) & mask
		}
		slots[i] = keySlot{key: k, h: h}
	}
	return slots, mask
}()

func exactHint(norm []byte, hash uint32) (hint, bool) {
	for i := hash & keySlotMask; ; i = (i + 1) & keySlotMask {
		s := &keySlots[i]
		if s.key == "" {
			return hint{}, false
		}
		if s.key == string(norm) {
			return s.h, true
		}
	}
}

// suffixRule matches the end of a normalised key. boundary rules only match when the suffix
// is its own word in the raw key (camelCase, snake_case or the whole key): "clientIp" but
// not "zip", "createdAt" but not "format".
type suffixRule struct {
	suffix   string
	h        hint
	boundary bool
}

// suffixRules are tried in order: positive rules first, so "phoneNumber" is a phone before
// "…Number" makes it a negative.
var suffixRules = []suffixRule{
	{"birthday", hDOB, false}, {"birthdate", hDOB, false}, {"dateofbirth", hDOB, false},
	{"birthtime", hDOB, false}, {"dob", hDOB, true}, {"birthdatetime", hDOB, false},
	{"birthdaytime", hDOB, false},
	{"telephone", hPhone, false}, {"phonenumber", hPhone, false}, {"phonenum", hPhone, false},
	{"phoneno", hPhone, false}, {"mobileno", hPhone, false}, {"mobilenum", hPhone, false},
	{"mobilenumber", hPhone, false}, {"telno", hPhone, false}, {"mobile", hPhone, false},
	{"mobiles", hPhone, false}, {"phone", hPhone, false}, {"phones", hPhone, false},
	{"tel", hPhone, true}, {"fax", hPhone, true}, {"whatsapp", hPhone, false},
	{"email", hEmail, false}, {"emails", hEmail, false}, {"mailaddress", hEmail, false},
	{"mail", hEmail, true},
	{"idcardno", hIDDoc, false}, {"idcardnumber", hIDDoc, false}, {"idcard", hIDDoc, false},
	{"certno", hIDDoc, false}, {"certnumber", hIDDoc, false}, {"certificateno", hIDDoc, false},
	{"identityno", hIDDoc, false}, {"identitynumber", hIDDoc, false}, {"hkid", hHKID, false},
	// "PRC ID No.", "Mainland ID Number": the ID must be its own word ("paidNo" is not one).
	{"idno", hIDDoc, true}, {"idnumber", hIDDoc, true},
	{"hkidno", hHKID, false}, {"passportno", hPassport, false},
	{"passportnumber", hPassport, false}, {"passport", hPassport, false},
	{"bankaccountno", hBank, false}, {"bankaccountnumber", hBank, false},
	{"bankaccount", hBank, false}, {"bankcardno", hBank, false}, {"bankcard", hBank, false},
	{"accountno", hBank, false}, {"acctno", hBank, false}, {"accountnumber", hBank, false},
	// A SIM card's number is its ICCID, no payment card's ("simCardNo").
	{"simcardno", hNeg, false}, {"simcardnumber", hNeg, false}, {"simcard", hNeg, false},
	{"creditcardno", hCard, false}, {"creditcard", hCard, false}, {"cardno", hCard, false},
	{"cardnumber", hCard, false},
	{"ipaddress", hIP, false}, {"ipaddr", hIP, false}, {"ip", hIP, true},
	{"creditcode", hUSCC, false}, {"taxno", hUSCC, false}, {"brno", hBR, false},
	// "customer_uscc", "supplierUSCC": the code's acronym as a word of its own.
	{"uscc", hUSCC, true},
	{"realname", hName, false}, {"nickname", hName, false}, {"nick", hName, false},
	{"fullname", hName, false}, {"contactname", hName, false}, {"contactsname", hName, false},
	{"childname", hName, false}, {"englishname", hName, false}, {"chinesename", hName, false},
	{"firstname", hName, false}, {"lastname", hName, false}, {"surname", hName, false},
	{"givenname", hName, false}, {"familyname", hName, false}, {"holdername", hName, false},
	{"showname", hName, false}, {"payeename", hName, false},
	// An emergency contact is a person or their number: either is read, the name as strictly
	// as under the overloaded "name".
	{"emergencycontact", hContact, false}, {"urgentcontact", hContact, false},
	{"contact", hContact, true},
	{"address", hAddress, false}, {"addr", hAddress, false},
	// Forms split an address over lines or keep its detail apart: addressLine1,
	// address_line_2, addressDetail.
	{"addressline", hAddress, false}, {"addressline1", hAddress, false},
	{"addressline2", hAddress, false}, {"addressline3", hAddress, false},
	{"addressdetail", hAddress, false}, {"addressdetails", hAddress, false},
	// A bank account as Hong Kong forms abbreviate it: "A/C No.", "Bank A/C", "Payee A/C".
	{"a/cno", hBank, false}, {"a/cnumber", hBank, false}, {"a/c", hBank, true},
	// An "ID" named after its issuer or holder is an identity document, not a record id:
	// "China ID", "National ID", "Macau Resident ID". The qualifier must start a word, in a
	// human label ("China ID") or a camelCase key ("chinaId") alike: no DingTalk wire key
	// ends in such a word plus "Id", while record ids (userId, deptId, unionId, staffId,
	// "User ID", "Order ID") are named after what they identify, none of which is here.
	{"hongkongid", hHKID, true},
	{"macauid", hMOID, true}, {"macaoid", hMOID, true},
	{"taiwanid", hTWID, true}, {"twid", hTWID, true},
	{"chinaid", hCNID, true}, {"chineseid", hCNID, true}, {"mainlandid", hCNID, true},
	{"prcid", hCNID, true},
	{"residentid", hIDDoc, true}, {"nationalid", hIDDoc, true}, {"citizenid", hIDDoc, true},
	{"citizenshipid", hIDDoc, true},
	// Negatives.
	{"id", hNeg, true}, {"ids", hNeg, true}, {"idlist", hNeg, false}, {"uuid", hNeg, false},
	{"time", hNeg, false}, {"times", hNeg, false}, {"timestamp", hNeg, false},
	{"date", hNeg, false}, {"dates", hNeg, false}, {"at", hNeg, true}, {"ts", hNeg, true},
	{"deadline", hNeg, false}, {"duration", hNeg, false}, {"period", hNeg, false},
	{"year", hNeg, false}, {"month", hNeg, false}, {"day", hNeg, true}, {"days", hNeg, false},
	{"hour", hNeg, false}, {"hours", hNeg, false}, {"minute", hNeg, false},
	{"minutes", hNeg, false}, {"seconds", hNeg, false}, {"expirein", hNeg, false},
	{"expiresin", hNeg, false},
	{"amount", hNeg, false}, {"price", hNeg, false}, {"salary", hNeg, false},
	{"wage", hNeg, false}, {"fee", hNeg, false}, {"fees", hNeg, false}, {"cost", hNeg, false},
	{"balance", hNeg, false}, {"money", hNeg, false}, {"total", hNeg, false},
	{"sum", hNeg, true}, {"count", hNeg, false}, {"num", hNeg, true}, {"number", hNeg, false},
	{"no", hNeg, true}, {"size", hNeg, false}, {"index", hNeg, false}, {"idx", hNeg, false},
	{"order", hNeg, false}, {"seq", hNeg, false}, {"sequence", hNeg, false},
	{"version", hNeg, false}, {"ver", hNeg, true}, {"code", hNeg, false},
	{"cursor", hNeg, false}, {"offset", hNeg, false}, {"limit", hNeg, false},
	{"page", hNeg, false}, {"quota", hNeg, false}, {"qty", hNeg, false},
	{"quantity", hNeg, false}, {"level", hNeg, false}, {"rank", hNeg, false},
	{"score", hNeg, false}, {"status", hNeg, false}, {"latitude", hNeg, false},
	{"longitude", hNeg, false}, {"lat", hNeg, true}, {"lng", hNeg, true},
	{"lon", hNeg, true}, {"port", hNeg, false}, {"rate", hNeg, false},
	{"ratio", hNeg, false}, {"percent", hNeg, false}, {"width", hNeg, false},
	{"height", hNeg, false}, {"length", hNeg, false}, {"weight", hNeg, false},
	{"oid", hNeg, true}, {"imei", hNeg, false}, {"imeisv", hNeg, false}, {"meid", hNeg, true},
	{"iccid", hNeg, false}, {"isbn", hNeg, false}, {"issn", hNeg, false}, {"barcode", hNeg, false},
	{"ean", hNeg, true}, {"upc", hNeg, true}, {"gtin", hNeg, false}, {"sku", hNeg, true},
	{"qq", hNeg, true}, {"wechat", hNeg, true},
}

// personRoles are the people a record names by role: "creatorName", "approver_name",
// "patientName" hold a person's name, where "deptName", "fileName", "agentName" (an app),
// "parentName" (a parent department) or "hostName" (a machine) do not; "customerName" is a
// weak name key (a person in DingTalk CRM's personal customers, a firm elsewhere). Roles
// that are as often an organisation, a department or a machine are left out.
var personRoles = []string{"creator", "operator", "modifier", "updater", "editor", "approver",
	"originator", "initiator", "applicant", "proposer", "submitter", "sender", "receiver",
	"recipient", "addressee", "owner", "user", "staff", "employee", "emp", "member", "manager",
	"leader", "supervisor", "handler", "assignee", "executor", "reporter", "reviewer",
	"auditor", "checker", "signer", "payer", "person", "contact", "contacts", "linkman",
	"representative", "guarantor", "guardian", "spouse", "father", "mother", "child",
	"patient", "guest", "visitor", "driver", "passenger", "traveler", "traveller", "student",
	"teacher", "doctor", "witness", "referrer", "recommender", "inviter", "invitee", "follower",
	"principal", "author", "attendee", "participant", "organizer", "organiser", "candidate",
	"interviewer", "interviewee", "insured", "beneficiary", "holder", "cardholder", "worker",
	"urgent", "emergency", "liaison", "consignee"}

// nameLangTags may follow "Name" in a person-role key.
var nameLangTags = [...]string{"en", "cn", "zh", "english", "chinese", "pinyin"}

// nameQualifiers may stand between a person role and "Name": the name as shown, the
// nickname, the real or full name (operatorDisplayName, approverRealName).
var nameQualifiers = [...]string{"display", "show", "nick", "real", "full"}

// personRoleName reports a key "<role>Name", optionally with a language tag ("userNameEn",
// "applicant_name_cn") or a qualifier before Name ("operatorDisplayName"): a name field
// scoped to a person. The role must start a word of the raw key, so "tempName" is not an
// "emp" name.
func personRoleName(raw string, norm []byte) bool {
	tagLen := 0
	for _, tag := range nameLangTags {
		if n := len(norm) - len(tag); n > 4 && string(norm[n:]) == tag && string(norm[n-4:n]) == "name" {
			tagLen = len(tag)
			break
		}
	}
	n := len(norm) - tagLen - len("name")
	if n <= 0 || string(norm[n:n+4]) != "name" {
		return false
	}
	rest := norm[:n]
	tail := len("name") + tagLen
	for _, q := range nameQualifiers {
		if len(rest) > len(q) && string(rest[len(rest)-len(q):]) == q && rawBoundary(raw, len(q)+tail) {
			rest, tail = rest[:len(rest)-len(q)], tail+len(q)
			break
		}
	}
	return personRoleAt(raw, rest, tail)
}

// personRoleAt reports whether norm (the normalised raw key without its last tail letters)
// ends in a person role that starts a word of raw.
func personRoleAt(raw string, norm []byte, tail int) bool {
	for _, r := range personRoles {
		if len(norm) >= len(r) && string(norm[len(norm)-len(r):]) == r &&
			rawBoundary(raw, len(r)+tail) {
			return true
		}
	}
	return false
}

// personRoleKey reports a key that holds a person by role: an object such as
// "originator", "modifyUser", "createUser" or a list of them ("approvers",
// "operatorList"), whose name members name that person.
func personRoleKey(raw []byte) bool {
	if len(raw) == 0 || len(raw) > maxNormKey {
		return false
	}
	var buf [maxNormKey]byte
	n := 0
	for _, c := range raw {
		if c >= utf8.RuneSelf {
			return false
		}
		if c = normByte[c]; c != 0 {
			buf[n] = c
			n++
		}
	}
	norm := buf[:n]
	key := bytesString(raw)
	tail := 0
	switch {
	case n > 4 && (string(norm[n-4:]) == "list" || string(norm[n-4:]) == "info") && rawBoundary(key, 4):
		tail = 4
	case n > 1 && norm[n-1] == 's':
		// A plural ("approvers"): the role is the word before the 's'.
		if personRoleAt(key, norm, 0) {
			return true
		}
		tail = 1
	}
	return personRoleAt(key[:len(key)-tail], norm[:n-tail], 0)
}

// addressNotPostal are prefixes that turn "…Address" into something other than a postal
// address.
var addressNotPostal = []string{"ip", "mac", "mail", "email", "server", "cc", "bcc", "to",
	"from", "web", "wallet", "host", "remote", "local", "proxy", "hotel", "url", "realfrom",
	"realto", "receivemail", "network", "gateway", "contract"}

// suffixByLast indexes suffixRules by their last byte, keeping their order.
var suffixByLast = func() (t [128][]uint16) {
	for i, r := range suffixRules {
		last := r.suffix[len(r.suffix)-1]
		t[last] = append(t[last], uint16(i))
	}
	return t
}()

func suffixHint(raw string, norm []byte) hint {
	last := norm[len(norm)-1]
	if last >= 128 {
		return hNeutral
	}
	if personRoleName(raw, norm) {
		return hName
	}
	for _, i := range suffixByLast[last] {
		r := &suffixRules[i]
		if len(norm) < len(r.suffix) || string(norm[len(norm)-len(r.suffix):]) != r.suffix {
			continue
		}
		if r.boundary && !rawBoundary(raw, len(r.suffix)) {
			continue
		}
		if r.h.pos.has(tAddress) {
			rest := norm[:len(norm)-len(r.suffix)]
			postal := true
			for _, p := range addressNotPostal {
				if len(rest) >= len(p) && string(rest[len(rest)-len(p):]) == p {
					postal = false
					break
				}
			}
			if !postal {
				return hNeutral
			}
		}
		return r.h
	}
	return hNeutral
}

// rawBoundary reports whether the last n letters of raw (ignoring a trailing separator-free
// tail) start a word: at the beginning, after '_', '-', '.' or ' ', or at a lower→upper or
// digit→upper camelCase step ("clientIp", "createdAt", "HKID").
func rawBoundary(raw string, n int) bool {
	// Walk back n letters/digits over the raw key.
	i := len(raw)
	for k := 0; k < n; {
		if i == 0 {
			return false
		}
		i--
		c := raw[i]
		if c == '_' || c == '-' || c == '.' || c == ' ' {
			continue
		}
		k++
	}
	if i == 0 {
		return true
	}
	p, c := raw[i-1], raw[i]
	switch {
	case p == '_' || p == '-' || p == '.' || p == ' ':
		return true
	case c >= 'A' && c <= 'Z' && (isLower(p) || isDigit(p)):
		return true
	}
	return false
}

// cjkRule: a key or label containing one of the words means h. Rules are tried in order:
// "出生日期" is a date of birth before "日期" makes it a negative, "聯繫人電話" a phone before
// "聯繫人" makes it a name.
type cjkRule struct {
	words []string
	h     hint
}

var cjkRules = []cjkRule{
	// Numbers of things, not people: a SIM card's, a product's, a journal's, a postal item's
	// (before 卡號 makes a SIM card a payment card and 郵件 an e-mail address).
	{[]string{"SIM卡", "sim卡", "條碼", "条码", "條形碼", "条形码", "商品編碼", "商品编码", "期刊號",
		"期刊号", "郵件號", "邮件号"}, hNeg},
	{[]string{"出生", "生日"}, hDOB},
	{[]string{"電郵", "电邮", "郵箱", "邮箱", "郵件", "邮件", "電子郵", "电子邮"}, hEmail},
	{[]string{"電話", "电话", "手機", "手机", "手提", "傳真", "传真", "座機", "座机", "分機", "分机",
		"聯絡方式", "联系方式", "聯繫方式", "联络方式"}, hPhone},
	{[]string{"護照", "护照"}, hPassport},
	{[]string{"澳門身份證", "澳门身份证", "澳門居民身份證"}, hMOID},
	{[]string{"身份證", "身份证", "身分證", "身分证", "證件", "证件"}, hIDDoc},
	// A Taiwan resident certificate (after 身份證: 永久居留身份證 is a mainland card).
	{[]string{"居留證", "居留证"}, hTWID},
	{[]string{"信用卡"}, hCard},
	// A chat or payment app's account is no bank account (before 帳號): a QQ number is
	// nothing else either; a WeChat or Alipay account is often the holder's phone number.
	{[]string{"QQ", "qq"}, hNeg},
	{[]string{"微信帳號", "微信账号", "微信賬號", "支付寶賬號", "支付寶帳號", "支付宝账号"}, hNeutral},
	// A mainland social insurance number is the resident ID number (before 賬號 makes it a
	// bank account).
	{[]string{"社保", "社會保險", "社会保险", "社會保障", "社会保障"}, hSocial},
	// Salary and debit cards are bank cards (before 薪 makes a salary card an amount).
	{[]string{"銀行", "银行", "帳號", "账号", "賬號", "帳戶", "账户", "賬戶", "戶口", "户口",
		"工資卡", "工资卡", "薪資卡", "薪资卡", "薪金卡", "出糧卡", "出粮卡", "糧卡", "粮卡", "銀聯卡",
		"银联卡", "儲蓄卡", "储蓄卡", "借記卡", "借记卡", "扣賬卡", "扣账卡"}, hBank},
	{[]string{"卡號", "卡号"}, hCard},
	{[]string{"商業登記", "商业登记"}, hBR},
	{[]string{"信用代碼", "信用代码", "稅號", "税号", "納稅人識別", "纳税人识别"}, hUSCC},
	{[]string{"關係", "关系", "類型", "类型"}, hNeutral},
	{[]string{"住址", "地址", "居住地", "住所", "通訊處", "通讯处"}, hAddress},
	// Whom a field visit saw, as a check-in's custom field names it (the visitUser of its
	// record): a person or a firm, so the value must look like a name.
	{[]string{"拜訪客戶", "拜访客户", "拜訪對象", "拜访对象"}, hNameWeak},
	{[]string{"姓名", "名字", "英文名", "中文名", "聯絡人", "联系人", "聯繫人", "联络人", "緊急聯絡人",
		"紧急联系人", "代理人", "申請人", "申请人", "配偶", "子女姓名", "收款人", "付款人", "受益人",
		"持卡人", "戶名", "户名", "經辦人", "经办人", "負責人", "负责人", "擔保人", "担保人",
		"監護人", "监护人", "推薦人", "推荐人"}, hName},
	{[]string{"時間", "时间", "日期", "金額", "金额", "編號", "编号", "單號", "单号", "訂單", "订单",
		"合同", "合約", "合约", "工號", "工号", "數量", "数量", "天數", "天数", "年齡", "年龄", "序號",
		"序号", "版本", "薪", "費", "费", "價", "价", "成本中心"}, hNeg},
}

func classifyCJK(name string) (hint, bool) {
	// A bracketed note qualifies a label, it does not name the field: "英文姓名（與護照相同）"
	// is a name, "聯絡電話（手提）" a phone, "金額（元）" an amount. The words before the note
	// decide when they can.
	if i := labelNoteAt(name); i > 0 {
		if h, ok := classifyCJKWords(name[:i]); ok {
			return h, true
		}
	}
	return classifyCJKWords(name)
}

func classifyCJKWords(name string) (hint, bool) {
	for i := range cjkRules {
		for _, w := range cjkRules[i].words {
			if strings.Contains(name, w) {
				return cjkRules[i].h, true
			}
		}
	}
	// A role word ending in 人 names the person in that role: 出差人, 報銷人, 審批人, 發起人,
	// 持證人, 介紹人. The rules above have already taken 人數 and 聯繫人電話. Which roles are
	// people is open-ended, so the value must look like a name even for the overloaded key.
	if endsWithRolePerson(name) {
		return hNameWeak, true
	}
	return hint{}, false
}

// labelNoteAt returns where a bracketed note starts in a label, or -1.
func labelNoteAt(name string) int {
	i := strings.IndexAny(name, "(（【[")
	return i
}

// endsWithRolePerson reports a label "<Han word>人", a colon or spaces after it allowed.
func endsWithRolePerson(name string) bool {
	s := strings.TrimRight(name, " :：")
	if !strings.HasSuffix(s, "人") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-len("人")])
	return isHan(r)
}

// wholeValue reports the key-driven text types (name, date of birth, address) over the whole
// trimmed value, in that order of preference.
func (st *scanState) wholeValue(h hint) {
	s, e := trimBounds(st.text)
	if s >= e || isPlaceholder(st.text[s:e]) {
		return
	}
	if h.pos.has(tDateOfBirth) && st.dobValue(s, e) {
		return
	}
	if h.pos.has(tPersonName) && st.nameValue(s, e, h.weakName) {
		return
	}
	if h.pos.has(tAddress) {
		st.addressValue(s, e)
	}
}

// trimBounds returns the value without surrounding ASCII white space and U+3000.
func trimBounds(b []byte) (int, int) {
	s, e := 0, len(b)
	for {
		switch {
		case s < e && isSpace(b[s]):
			s++
		case e-s >= 3 && cjkPunct(b, s, 0x80):
			s += 3
		default:
			goto end
		}
	}
end:
	for {
		switch {
		case e > s && isSpace(b[e-1]):
			e--
		case e-s >= 3 && cjkPunct(b, e-3, 0x80):
			e -= 3
		default:
			return s, e
		}
	}
}

// validatorScanner backs the exported Valid* helpers that accept every written form of a
// type: they scan the value as if its key named the type.
var validatorScanner = Scanner{threshold: DefaultThreshold, now: time.Now}

// wholeValueIs reports whether s, trimmed, is exactly one finding of type t when its key
// names t.
//
// The rewrite validates every typed field value this way (a `mobile` that holds a phone
// skips the scanner), so the state and its buffers are pooled: no allocation per value.
func wholeValueIs(s string, t tid) bool {
	vs := validatePool.Get().(*validateState)
	defer validatePool.Put(vs)
	vs.text = append(vs.text[:0], s...)
	b := trimSpaceBytes(vs.text)
	if len(b) == 0 {
		return false
	}
	vs.st = scanState{s: &validatorScanner, text: b, out: vs.st.out[:0], ctxAt: -1, h: hint{pos: t.mask(), neg: true}}
	vs.st.scan(0)
	vs.st.resolve()
	for _, f := range vs.st.out {
		if f.Type == t.Type() && f.Start == 0 && f.End == len(b) {
			return true
		}
	}
	return false
}

type validateState struct {
	st   scanState
	text []byte
}

var validatePool = sync.Pool{New: func() any { return new(validateState) }}
