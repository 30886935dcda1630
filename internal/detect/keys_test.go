package detect

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

func TestClassifyName(t *testing.T) {
	tests := []struct {
		key  string
		pos  tmask
		neg  bool
		weak bool
	}{
		{"mobile", maskPhone, true, false},
		{"telephone", maskPhone, true, false},
		{"atMobiles", maskPhone, true, false},
		{"sys00-mobile", maskPhone, true, false},
		{"sys06-urgentContactsPhone", maskPhone, true, false},
		{"contactPhoneNum", maskPhone, true, false},
		{"purchaserTel", maskPhone, true, false},
		{"applicant_mobile", maskPhone, true, false},
		{"hotel", 0, false, false}, // not "…Tel"
		// Form component ids as CRM and Yida record keys: the component type decides.
		{"DDPhoneField_K2U5GX1Q", maskPhone, true, false},
		{"PhoneField-J78F056R", maskPhone, true, false},
		{"phoneField_l2x8k0a", maskPhone, true, false},
		{"IdCardField-K2AD4O5B", maskIDDoc, true, false},
		{"MoneyField-K2AD4O5B", 0, true, false},
		{"TextField-K2AD4OID", 0, false, false}, // the generated tail names nothing
		{"DDDateField_KX92NO", 0, false, false},
		{"uid", 0, true, false},
		{"visitUser", tPersonName.mask(), false, true},
		{"customerName", tPersonName.mask(), false, true},
		{"client_name", tPersonName.mask(), false, true},
		{"hideMobile", 0, false, false},
		{"mobileUrl", 0, false, false},
		{"mobileStateCode", 0, false, false},
		{"certNo", maskIDDoc, true, false},
		{"sys02-certNo", maskIDDoc, true, false},
		{"legalPersonIdCard", maskIDDoc, true, false},
		{"passportNo", maskPassport, true, false},
		{"sys04-bankAccountNo", maskBank, true, false},
		{"payeeAccountNo", maskBank, true, false},
		{"bankCardNo", maskBank, true, false},
		{"email", tEmail.mask(), true, false},
		{"org_email", tEmail.mask(), true, false},
		{"ccAddress", tEmail.mask(), true, false},
		{"ipAddress", maskIP, true, false},
		{"clientIp", maskIP, true, false},
		{"zip", 0, false, false},
		{"birthday", tDateOfBirth.mask(), true, false},
		{"sys02-birthTime", tDateOfBirth.mask(), true, false},
		{"sys07-childBirthDate", tDateOfBirth.mask(), true, false},
		{"name", tPersonName.mask(), false, true},
		{"sys00-name", tPersonName.mask(), false, false},
		{"senderNick", tPersonName.mask(), false, false},
		{"name_en", tPersonName.mask(), false, false},
		{"applicant", tPersonName.mask(), false, false},
		{"linkman", tPersonName.mask(), false, false},
		{"enName", tPersonName.mask(), false, false},
		{"displayName", tPersonName.mask(), false, true},
		{"originatorNickNameInEnglish", tPersonName.mask(), false, false},
		{"fileName", 0, false, false},
		{"groupName", 0, false, false},
		{"address", tAddress.mask(), false, false},
		{"sys02-certAddress", tAddress.mask(), false, false},
		{"purchaserAddress", tAddress.mask(), false, false},
		{"addressLine1", tAddress.mask(), false, false},
		{"address_line_2", tAddress.mask(), false, false},
		{"addressDetail", tAddress.mask(), false, false},
		{"emailAddressLine", 0, false, false},
		{"serverAddress", 0, false, false},
		{"macAddress", 0, false, false},
		{"work_place", 0, false, false},
		{"remark", 0, false, false},
		{"content", 0, false, false},
		{"msgParam", 0, false, false},
		{"dept_id", 0, true, false},
		{"userid", 0, true, false},
		{"unionid", 0, true, false},
		{"bizNumber", 0, true, false},
		{"businessId", 0, true, false},
		{"task_id", 0, true, false},
		{"processInstanceId", 0, true, false},
		{"createTime", 0, true, false},
		{"hired_date", 0, true, false},
		{"created_at", 0, true, false},
		{"expiredAt", 0, true, false},
		{"format", 0, false, false},
		{"timestamp", 0, true, false},
		{"orderNo", 0, true, false},
		{"contract_no", 0, true, false},
		{"totalAmount", 0, true, false},
		{"pageNum", 0, true, false},
		{"job_number", 0, true, false},
		{"appVersion", 0, true, false},
		{"paid", 0, false, false},
		{"身份證號碼", maskIDDoc, true, false},
		{"住址", tAddress.mask(), false, false},
		{"英文名", tPersonName.mask(), false, false},
		{"代理人電話", maskPhone, true, false},
		{"聯繫人關係", 0, false, false},
		{"出生日期", tDateOfBirth.mask(), true, false},
		{"開始時間", 0, true, false},
		{"[\"開始時間\",\"結束時間\"]", 0, true, false},
		{"請假事由", 0, false, false},
		{"銀行卡號", maskBank, true, false},
		{"電郵地址", tEmail.mask(), true, false},
		{"HKID No.", tHKID.mask(), true, false},
		{"Phone Number", maskPhone, true, false},
		{"Date of Birth", tDateOfBirth.mask(), true, false},
		{"", 0, false, false},
		{strings.Repeat("x", 100) + "Mobile", maskPhone, true, false},
		// Numbers of things, not people: object ids, devices, SIM cards, products, chat
		// accounts. A SIM card is no payment card; a card number is still a card's.
		{"oid", 0, true, false},
		{"certOid", 0, true, false},
		{"android", 0, false, false}, // "oid" ending a word
		{"imei", 0, true, false},
		{"deviceImei", 0, true, false},
		{"imeisv", 0, true, false},
		{"meid", 0, true, false},
		{"iccid", 0, true, false},
		{"sim_iccid", 0, true, false},
		{"simCardNo", 0, true, false},
		{"userSimCardNumber", 0, true, false},
		{"simCard", 0, true, false},
		{"cardNo", maskCard, true, false},
		{"payCardNo", maskCard, true, false},
		{"isbn", 0, true, false},
		{"issn", 0, true, false},
		{"barcode", 0, true, false},
		{"productBarcode", 0, true, false},
		{"ean", 0, true, false},
		{"itemEan", 0, true, false},
		{"ocean", 0, false, false},
		{"upc", 0, true, false},
		{"gtin", 0, true, false},
		{"sku", 0, true, false},
		{"skuId", 0, true, false},
		{"qq", 0, true, false},
		{"userQq", 0, true, false},
		{"wechat", 0, true, false},
		{"wechatId", 0, true, false},
		{"SIM卡號", 0, true, false},
		{"商品條碼", 0, true, false},
		{"商品編碼", 0, true, false},
		{"期刊號", 0, true, false},
		{"郵件號", 0, true, false},
		{"郵件地址", tEmail.mask(), true, false},
		{"QQ帳號", 0, true, false},
		{"QQ郵箱", tEmail.mask(), true, false},
		{"微信帳號", 0, false, false},
		{"支付宝账号", 0, false, false},
		{"銀行帳號", maskBank, true, false},
		{"帳號", maskBank, true, false},
	}
	for _, tt := range tests {
		h := classifyName(tt.key)
		if h.pos != tt.pos || h.neg != tt.neg || h.weakName != tt.weak {
			t.Errorf("classifyName(%q) = %+v; want pos=%b neg=%v weak=%v", tt.key, h, tt.pos, tt.neg, tt.weak)
		}
	}
}

func TestClassifyFieldCombinesKeyAndLabel(t *testing.T) {
	if h := classifyField("value", "sys02-certNo"); h.pos != maskIDDoc || !h.neg {
		t.Errorf("value/sys02-certNo: %+v", h)
	}
	if h := classifyField("name", "sys00-name"); !h.pos.has(tPersonName) || h.weakName {
		t.Errorf("name/sys00-name: %+v", h)
	}
	if h := classifyField("name", ""); !h.weakName {
		t.Errorf("name: %+v", h)
	}
	if h := classifyField("value", "開始時間"); h.pos != 0 || !h.neg {
		t.Errorf("value/開始時間: %+v", h)
	}
}

// TestSDKFieldNamesClassified runs every PII-looking wire name of the DingTalk SDK through
// the classifier: none may panic, and the obvious ones must land in the right family.
func TestSDKFieldNamesClassified(t *testing.T) {
	f, err := os.Open("testdata/sdk_pii_fieldnames.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		name := strings.TrimSpace(sc.Text())
		if name == "" {
			continue
		}
		n++
		h := classifyName(name)
		low := strings.ToLower(name)
		switch {
		case strings.HasPrefix(low, "hide"):
		case strings.HasSuffix(low, "mobile") || strings.HasSuffix(low, "phone") || strings.HasSuffix(low, "tel") && !strings.HasSuffix(low, "hotel"):
			if h.pos&maskPhone == 0 {
				t.Errorf("%s: want a phone hint, got %+v", name, h)
			}
		case strings.HasSuffix(low, "email"):
			if !h.pos.has(tEmail) {
				t.Errorf("%s: want an e-mail hint, got %+v", name, h)
			}
		case strings.HasSuffix(low, "idcardno") || strings.HasSuffix(low, "certno"):
			if h.pos&maskIDDoc == 0 {
				t.Errorf("%s: want an ID hint, got %+v", name, h)
			}
		case strings.HasSuffix(low, "avatarurl") || strings.HasSuffix(low, "mediaid") || strings.HasSuffix(low, "content"):
			if h.pos != 0 {
				t.Errorf("%s: want no positive hint, got %+v", name, h)
			}
		}
	}
	if n < 300 {
		t.Fatalf("read %d names, want the whole list", n)
	}
}

func TestClassifyNameDoesNotAllocate(t *testing.T) {
	keys := []string{"mobile", "processInstanceId", "sys02-certNo", "身份證號碼", "someUnknownKeyName"}
	allocs := testing.AllocsPerRun(100, func() {
		for _, k := range keys {
			classifyName(k)
		}
	})
	if allocs != 0 {
		t.Errorf("classifyName allocates %.1f times", allocs)
	}
}

func TestCachedHintMatchesClassification(t *testing.T) {
	raw, err := os.ReadFile("testdata/sdk_pii_fieldnames.txt")
	if err != nil {
		t.Fatal(err)
	}
	names := strings.Fields(string(raw))
	names = append(names, "", "身份證號碼", "sys02-certNo", strings.Repeat("k", 200))
	for round := 0; round < 3; round++ { // the second and third rounds hit the cache
		for _, n := range names {
			if got, want := cachedHint(n), classifyName(n); got != want {
				t.Fatalf("round %d: cachedHint(%q) = %+v, classifyName = %+v", round, n, got, want)
			}
		}
	}
	seen := map[uint64]string{}
	for _, n := range names {
		if o, ok := seen[keyHash(n)]; ok && o != n {
			t.Errorf("keyHash collision: %q and %q", n, o)
		}
		seen[keyHash(n)] = n
	}
}

// TestMayNameTextIsASuperset: ScanText drops a value without digits under a key that
// mayNameText rejects, so no key or label that names a text type may be rejected.
func TestMayNameTextIsASuperset(t *testing.T) {
	raw, err := os.ReadFile("testdata/sdk_pii_fieldnames.txt")
	if err != nil {
		t.Fatal(err)
	}
	names := strings.Fields(string(raw))
	for k := range keyTable {
		names = append(names, k, strings.ToUpper(k), k+"_", "x_"+k, "my"+k)
	}
	for _, r := range suffixRules {
		names = append(names, r.suffix, "user_"+r.suffix, "employee"+strings.ToUpper(r.suffix[:1])+r.suffix[1:], r.suffix+"-")
	}
	for _, r := range cjkRules {
		for _, w := range r.words {
			names = append(names, w, "緊急"+w, w+"1", "sys09-"+w)
		}
	}
	names = append(names, "sys00-name", "sys02-birthTime", "sys02-certAddress", "sys07-childName",
		"name", "Name", "NAME", "name_", "home_address", "cardHolder", strings.Repeat("k", 60)+"Name",
		"employeeField_kswond3r", "DDEmployeeField_K2U5GX1Q", "innerContactField-x1", "addressField_woo3sb0",
		"operatorDisplayName", "detailPlace")
	rejected := 0
	for _, n := range names {
		if classifyName(n).pos&maskText != 0 && !mayNameText(n) {
			t.Errorf("mayNameText(%q) = false, but it names %+v", n, classifyName(n))
		}
		if !mayNameText(n) {
			rejected++
		}
	}
	// The filter must also be worth having: ids and times are rejected without a lookup.
	for _, n := range []string{"userid", "unionid", "dept_id", "processInstanceId", "corpId", "errmsg", "status", "title", "", "--"} {
		if mayNameText(n) {
			t.Errorf("mayNameText(%q) = true; ids should be rejected outright", n)
		}
	}
	if rejected == 0 {
		t.Error("mayNameText rejects nothing")
	}
}

// TestClassifyNameRolesNotesAndResidence covers key and label shapes met in DingTalk
// payloads beyond the samples: role-scoped name keys, bracketed notes in form labels, role
// labels ending in 人, residence keys and social insurance numbers.
func TestClassifyNameRolesNotesAndResidence(t *testing.T) {
	tests := []struct {
		key  string
		pos  tmask
		neg  bool
		weak bool
	}{
		// <role>Name names a person; other "…Name" keys stay neutral.
		{"creatorName", tPersonName.mask(), false, false},
		{"creator_name", tPersonName.mask(), false, false},
		{"operator_name", tPersonName.mask(), false, false},
		{"approverName", tPersonName.mask(), false, false},
		{"legalPersonName", tPersonName.mask(), false, false},
		{"patientName", tPersonName.mask(), false, false},
		{"userNameEn", tPersonName.mask(), false, false},
		{"applicant_name_cn", tPersonName.mask(), false, false},
		{"CREATOR_NAME", tPersonName.mask(), false, false},
		{"tempName", 0, false, false}, // not an "emp"
		// A qualifier between the role and Name: the name as shown, the real name.
		{"operatorDisplayName", tPersonName.mask(), false, false},
		{"operator_display_name", tPersonName.mask(), false, false},
		{"approverRealName", tPersonName.mask(), false, false},
		{"creatorShowName", tPersonName.mask(), false, false},
		{"tempDisplayName", 0, false, false}, // not an "emp" either
		{"appDisplayName", 0, false, false},
		{"fileDisplayName", 0, false, false},
		// A form component id: the component names the value, a member picker people.
		{"employeeField_kswond3r", tPersonName.mask(), false, false},
		{"DDEmployeeField_K2U5GX1Q", tPersonName.mask(), false, false},
		{"InnerContactField-J78F056R", tPersonName.mask(), false, false},
		{"employeeField_kswond3r_id", 0, true, false}, // their userids
		{"addressField_woo3sb0", tAddress.mask(), false, false},
		{"departmentSelectField_abc123", 0, false, false},
		{"textField_eqh524yn", 0, false, false},
		// Where a check-in was.
		{"detailPlace", tAddress.mask(), false, false},
		{"拜訪客戶", tPersonName.mask(), false, true},
		{"place", 0, false, false},
		// The USCC's acronym as a word of its own names the code.
		{"customer_uscc", tCNUSCC.mask(), true, false},
		{"supplierUSCC", tCNUSCC.mask(), true, false},
		{"companyUscc", tCNUSCC.mask(), true, false},
		{"muscc", 0, false, false},
		{"parentName", 0, false, false},
		{"agentName", 0, false, false},
		{"deptName", 0, false, false},
		{"hostName", 0, false, false},
		{"templateName", 0, false, false},
		{"fileName", 0, false, false},
		// A bracketed note does not name the field.
		{"英文姓名（與護照相同）", tPersonName.mask(), false, false},
		{"聯絡電話（手提）", maskPhone, true, false},
		{"金額（元）", 0, true, false},
		{"[\"開始時間\",\"結束時間\"]", 0, true, false},
		// Role labels ending in 人 are weak names; 人數 is not a role.
		{"出差人", tPersonName.mask(), false, true},
		{"報銷人：", tPersonName.mask(), false, true},
		{"審批人", tPersonName.mask(), false, true},
		{"聯繫人電話", maskPhone, true, false},
		{"出差人數", 0, false, false},
		// Where a person lives.
		{"residence", tAddress.mask(), false, false},
		{"registeredResidence", tAddress.mask(), false, false},
		{"domicileAddress", tAddress.mask(), false, false},
		// Dates of birth.
		{"bornDate", tDateOfBirth.mask(), true, false},
		{"birthDateTime", tDateOfBirth.mask(), true, false},
		{"childBirthDateTime", tDateOfBirth.mask(), true, false},
		// A social insurance number is the resident ID; a housing fund account is not.
		{"sys09-personalSi", maskIDCard, true, false},
		{"个人社保账号", maskIDCard, true, false},
		{"个人公积金账号", maskBank, true, false},
		// A Taiwan resident certificate; a mainland permanent residence ID card is an ID card.
		{"居留證號碼", tTWID.mask(), true, false},
		{"居留证号", tTWID.mask(), true, false},
		{"外國人永久居留身份證號碼", maskIDDoc, true, false},
		// A person's second name in an HR extension; an unrelated "…Name" stays neutral.
		{"engName", tPersonName.mask(), false, false},
		{"eng_name", tPersonName.mask(), false, false},
		{"aliasName", tPersonName.mask(), false, false},
		{"pinyinName", tPersonName.mask(), false, false},
		{"nameChi", tPersonName.mask(), false, false},
		{"engineName", 0, false, false},
		{"aliasCode", 0, true, false},
		// A cost centre is an accounting code, whatever its digits look like.
		{"costCenter", 0, true, false},
		{"cost_centre", 0, true, false},
		{"成本中心", 0, true, false},
		{"成本中心編號", 0, true, false},
		// ASCII labels with a bracketed note: the words before it decide, else the note.
		{"English Name (as shown on HKID)", tPersonName.mask(), false, false},
		{"Name (as in HKID)", tPersonName.mask(), false, true},
		{"Address (Home)", tAddress.mask(), false, false},
		{"Mobile (Personal)", maskPhone, true, false},
		{"Emergency Contact (Phone)", maskPhone, true, false},
		{"Contract End (Date)", 0, true, false},
		{"Amount (HK$)", 0, true, false},
		{"Notes (optional)", 0, false, false},
		{"Uniform Size (S/M/L)", 0, true, false},
		// "Contact No." is a phone; an ID number named as its own word is an ID document.
		{"Contact No.", maskPhone, true, false},
		{"contactNo", maskPhone, true, false},
		{"PRC ID No.", maskIDDoc, true, false},
		{"Mainland ID Number", maskIDDoc, true, false},
		{"paidNo", 0, true, false},
		{"Staff No.", 0, true, false},
	}
	for _, tt := range tests {
		h := classifyName(tt.key)
		if h.pos != tt.pos || h.neg != tt.neg || h.weakName != tt.weak {
			t.Errorf("classifyName(%q) = %+v; want pos=%b neg=%v weak=%v", tt.key, h, tt.pos, tt.neg, tt.weak)
		}
	}
	// The text prefilter must let every such name key through.
	for _, k := range []string{"creatorName", "userNameEn", "userNameEnglish", "userNameChinese", "userNamePinyin", "residence", "engName", "aliasName", "nameChi", "English Name (as shown on HKID)", "Address (Home)"} {
		if !mayNameText(k) {
			t.Errorf("mayNameText(%q) = false", k)
		}
	}
}

// TestClassifyNameHumanLabels: forms and rosters write labels for people, with a colon or
// markdown emphasis around them and words separated by spaces. What surrounds the label
// must not hide it, and an "ID" qualified by its issuer is an identity document while a
// record's id stays an id.
func TestClassifyNameHumanLabels(t *testing.T) {
	tests := []struct {
		key  string
		pos  tmask
		neg  bool
		weak bool
	}{
		// A trailing colon (ASCII or full-width) or emphasis is not part of the label.
		{"Full name:", tPersonName.mask(), false, false},
		{"Contact person:", tPersonName.mask(), false, false},
		{"ID number：", maskIDDoc, true, false},
		{"Business Registration No.：", tHKBR.mask(), true, false},
		{"Business Registration No.:", tHKBR.mask(), true, false},
		{"DOB：", tDateOfBirth.mask(), true, false},
		{"Home address:", tAddress.mask(), false, false},
		{"**Name**", tPersonName.mask(), false, true},
		{"**Mobile**:", maskPhone, true, false},
		{"Passport No. : ", maskPassport, true, false},
		{"Address (Home):", tAddress.mask(), false, false},
		{"Remarks:", 0, false, false},
		{"Amount:", 0, true, false},
		{":", 0, false, false},
		{"**", 0, false, false},
		// Salary and debit cards are bank cards, not salary amounts.
		{"薪資卡:", maskBank, true, false},
		{"工資卡號", maskBank, true, false},
		{"出糧卡", maskBank, true, false},
		{"薪資", 0, true, false},
		// A bank account as Hong Kong forms abbreviate it.
		{"A/C No.", maskBank, true, false},
		{"Bank A/C", maskBank, true, false},
		{"Payee A/C No.:", maskBank, true, false},
		// An ID named after its issuer, in a human label or a camelCase key.
		{"China ID", tCNID.mask(), true, false},
		{"China ID:", tCNID.mask(), true, false},
		{"chinaId", tCNID.mask(), true, false},
		{"Mainland ID", tCNID.mask(), true, false},
		{"PRC ID", tCNID.mask(), true, false},
		{"Resident ID", tCNID.mask(), true, false},
		{"Macau Resident ID", maskIDDoc, true, false},
		{"HK ID", tHKID.mask(), true, false},
		{"Hong Kong ID", tHKID.mask(), true, false},
		{"HKID No.:", tHKID.mask(), true, false},
		{"Macau ID", tMOID.mask(), true, false},
		{"Macao ID：", tMOID.mask(), true, false},
		{"Taiwan ID", tTWID.mask(), true, false},
		{"National ID", maskIDDoc, true, false},
		{"nationalId", maskIDDoc, true, false},
		{"ID Card No.", maskIDDoc, true, false},
		// Record ids keep the negative "…Id" rule, whatever their spelling.
		{"userId", 0, true, false},
		{"User ID", 0, true, false},
		{"Dept ID:", 0, true, false},
		{"unionId", 0, true, false},
		{"Staff ID", 0, true, false},
		{"Order ID", 0, true, false},
		{"photoId", 0, true, false},
		{"machinaId", 0, true, false},       // "china" not starting a word
		{"internationalId", 0, true, false}, // "national" not starting a word
	}
	for _, tt := range tests {
		h := classifyName(tt.key)
		if h.pos != tt.pos || h.neg != tt.neg || h.weakName != tt.weak {
			t.Errorf("classifyName(%q) = %+v; want pos=%b neg=%v weak=%v", tt.key, h, tt.pos, tt.neg, tt.weak)
		}
		if got := cachedHint(tt.key); got != classifyName(tt.key) {
			t.Errorf("cachedHint(%q) = %+v, classifyName differs", tt.key, got)
		}
	}
	// The text prefilter must not reject a text label for its colon or emphasis.
	for _, k := range []string{"Full name:", "Contact person:", "Home address:", "DOB:", "**Name**", "Name :", "Address (Home):"} {
		if !mayNameText(k) {
			t.Errorf("mayNameText(%q) = false", k)
		}
	}
	for _, k := range []string{"userid:", "status:", "**title**"} {
		if mayNameText(k) {
			t.Errorf("mayNameText(%q) = true", k)
		}
	}
}

// TestHumanLabelFormEntries: an OA message form entry {"key": "<label>", "value": …} is found
// under its label, colon and all; a record id's label still suppresses an id.
func TestHumanLabelFormEntries(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		label, value string
		typ          Type // "" for no finding
	}{
		{"Full name:", "葉詠儀", PersonName},
		{"Contact person:", "吳美玲", PersonName},
		{"ID number：", "330106196801251190", CNID},
		{"Business Registration No.：", "49234222", HKBR},
		{"Home address:", "新界元朗青山公路70號新都城第2座35樓A室", Address},
		{"DOB：", "Feb 16, 1967", DateOfBirth},
		{"China ID", "110101199003074514", CNID},
		{"A/C No.", "012-345678-001", HKBankAccount},
		{"User ID:", "49234222", ""},
		{"Order ID", "110101199003074514", ""},
		{"Remarks:", "陳大文", ""},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.value), &Field{Key: "value", Label: tt.label}, nil)
		switch {
		case tt.typ == "" && len(got) > 0:
			t.Errorf("%q=%q: want nothing, got %s", tt.label, tt.value, describe(tt.value, got))
		case tt.typ != "" && (len(got) != 1 || got[0].Type != tt.typ || got[0].End-got[0].Start != len(tt.value)):
			t.Errorf("%q=%q: want %s, got %s", tt.label, tt.value, tt.typ, describe(tt.value, got))
		}
	}
}

// TestPersonRoleKey: the keys of objects and lists that hold a person by role, whose name
// members (name.nameInChinese, name.zh_CN) name that person.
func TestPersonRoleKey(t *testing.T) {
	for _, k := range []string{"originator", "modifyUser", "createUser", "operator", "approvers",
		"operatorList", "owner_info", "actionExecutor", "users", "sender"} {
		if !personRoleKey([]byte(k)) {
			t.Errorf("personRoleKey(%q) = false", k)
		}
	}
	for _, k := range []string{"", "name", "formData", "department", "regionText", "status", "app",
		"appInfo", "tempList", "location", "form", strings.Repeat("user", 20), "負責人"} {
		if personRoleKey([]byte(k)) {
			t.Errorf("personRoleKey(%q) = true", k)
		}
	}
}
