package sim

import (
	"strconv"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// The HR roster (智能人事花名册) of API-NOTES §1.4: field codes shared by the legacy
// /topapi/smartwork/hrm/employee/v2/list (snake_case) and /v1.0/hrm/rosters/lists/query
// (camelCase). Labels are traditional Chinese, as in samples 09 and 10. Select fields carry a
// code in value and the text in label, unless the caller asks text2SelectConvert.

// rosterValue is one item of field_value_list / fieldValueList.
type rosterValue struct {
	value, label string
	selectCode   bool // value is a code; text2SelectConvert replaces it by the label
}

type rosterField struct {
	code, name string
	values     func(p *rosterPerson) []rosterValue
}

// rosterPerson is one employee plus the roster-only facts fakedata.Employee does not hold.
type rosterPerson struct {
	d        *directory
	i        int
	e        *fakedata.Employee
	female   bool
	married  bool
	empType  int // 0 full time, 1 part time, 2 intern
	regular  bool
	level    string
	edu      int
	school   string
	major    string
	gradDate time.Time
	children []child
	bank     string
	contract time.Time
	renewals int
}

type child struct {
	name   string
	female bool
	dob    time.Time
}

func text(v string) []rosterValue { return []rosterValue{{value: v, label: v}} }

func pick(code, label string) []rosterValue {
	return []rosterValue{{value: code, label: label, selectCode: true}}
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

var (
	empTypes  = []string{"全職", "兼職", "實習"}
	eduLevels = []string{"高中", "文憑", "副學士", "學士", "碩士", "博士"}
	schools   = []string{"香港大學", "香港中文大學", "香港科技大學", "香港理工大學", "香港城市大學", "香港浸會大學", "嶺南大學", "香港都會大學"}
	majors    = []string{"會計學", "工商管理", "計算機科學", "經濟學", "人力資源管理", "市場學", "法律", "資訊系統"}
	levels    = []string{"P4", "P5", "P6", "P7", "P8", "M1", "M2"}
	// Bank names by HKICL code, for sys04-accountBank: the account and its bank agree.
	bankByCode = map[string]string{
		"003": "渣打銀行(香港)", "004": "香港上海滙豐銀行", "012": "中國銀行(香港)", "015": "東亞銀行",
		"016": "星展銀行(香港)", "024": "恒生銀行", "072": "中國工商銀行(亞洲)", "250": "花旗銀行(香港)",
		"387": "眾安銀行",
	}
)

func (d *directory) rosterPerson(i int) *rosterPerson {
	g := fakedata.New(fakedata.SubSeed(d.seed^rosterSalt, i))
	e := &d.emps[i]
	p := &rosterPerson{
		d: d, i: i, e: e,
		female:   g.Chance(0.5),
		married:  g.Chance(0.5),
		empType:  g.Intn(10) / 8, // mostly full time
		regular:  g.Chance(0.85),
		level:    levels[g.Intn(len(levels))],
		edu:      g.Intn(len(eduLevels)),
		school:   schools[g.Intn(len(schools))],
		major:    majors[g.Intn(len(majors))],
		renewals: g.Intn(4),
	}
	p.gradDate = time.Date(e.DOB.Year()+22, time.Month(6+g.Intn(2)), 1+g.Intn(28), 0, 0, 0, 0, time.UTC)
	p.contract = e.HiredDate.AddDate(3*p.renewals, 0, 0)
	if p.married {
		for range g.Intn(3) {
			p.children = append(p.children, child{
				name:   g.NameZH(),
				female: g.Chance(0.5),
				dob:    time.Date(e.DOB.Year()+25+g.Intn(12), time.Month(1+g.Intn(12)), 1+g.Intn(28), 0, 0, 0, 0, time.UTC),
			})
		}
	}
	code, _, _ := strings.Cut(e.BankAccount, "-")
	if name, ok := bankByCode[code]; ok {
		p.bank = name + " " + e.WorkPlace + "分行"
	} else {
		p.bank = g.HKBankName()
	}
	return p
}

// national strips a "+852-" style prefix: roster phones are always "+<code>-<number>".
func national(n, stateCode string) string {
	return strings.TrimPrefix(n, "+"+stateCode+"-")
}

func (p *rosterPerson) deptList(names bool) string {
	parts := make([]string, 0, len(p.e.DeptIDs))
	for _, id := range p.e.DeptIDs {
		if names {
			parts = append(parts, p.d.deptName(id))
		} else {
			parts = append(parts, strconv.FormatInt(id, 10))
		}
	}
	return strings.Join(parts, "|")
}

func (p *rosterPerson) childValues(f func(c child) rosterValue) []rosterValue {
	out := make([]rosterValue, 0, len(p.children))
	for _, c := range p.children {
		out = append(out, f(c))
	}
	return out
}

func sex(female bool) []rosterValue {
	if female {
		return pick("1", "女")
	}
	return pick("0", "男")
}

// rosterFields is the catalogue, in the order of API-NOTES §1.4; an empty field_filter_list
// returns all of them in this order.
var rosterFields = []rosterField{
	{"sys00-name", "姓名", func(p *rosterPerson) []rosterValue { return text(p.e.Name) }},
	{"sys00-email", "郵箱", func(p *rosterPerson) []rosterValue { return text(p.e.Email) }},
	{"sys00-dept", "部門", func(p *rosterPerson) []rosterValue {
		return []rosterValue{{value: p.deptList(false), label: p.deptList(true), selectCode: true}}
	}},
	{"sys00-deptIds", "部門ID", func(p *rosterPerson) []rosterValue { return text(p.deptList(false)) }},
	{"sys00-mainDept", "主部門", func(p *rosterPerson) []rosterValue {
		id := p.d.mainDept(p.i)
		return pick(strconv.FormatInt(id, 10), p.d.deptName(id))
	}},
	{"sys00-mainDeptId", "主部門ID", func(p *rosterPerson) []rosterValue {
		return text(strconv.FormatInt(p.d.mainDept(p.i), 10))
	}},
	{"sys00-position", "職位", func(p *rosterPerson) []rosterValue { return text(p.e.Title) }},
	{"sys00-mobile", "手機號", func(p *rosterPerson) []rosterValue {
		return text("+" + p.e.StateCode + "-" + national(p.e.Mobile, p.e.StateCode))
	}},
	{"sys00-jobNumber", "工號", func(p *rosterPerson) []rosterValue { return text(p.e.JobNumber) }},
	{"sys00-tel", "分機號", func(p *rosterPerson) []rosterValue { return text(p.e.Telephone) }},
	{"sys00-workPlace", "辦公地點", func(p *rosterPerson) []rosterValue { return text(p.e.WorkPlace) }},
	{"sys00-remark", "備註", func(p *rosterPerson) []rosterValue { return text(p.e.Remark) }},
	{"sys00-confirmJoinTime", "入職時間", func(p *rosterPerson) []rosterValue { return text(date(p.e.HiredDate)) }},
	{"sys01-employeeType", "員工類型", func(p *rosterPerson) []rosterValue {
		return pick(strconv.Itoa(p.empType+1), empTypes[p.empType])
	}},
	{"sys01-employeeStatus", "員工狀態", func(p *rosterPerson) []rosterValue {
		if p.regular {
			return pick("3", "正式")
		}
		return pick("2", "試用")
	}},
	{"sys01-probationPeriodType", "試用期", func(p *rosterPerson) []rosterValue { return pick("3", "3個月") }},
	{"sys01-regularTime", "轉正日期", func(p *rosterPerson) []rosterValue {
		return text(date(p.e.HiredDate.AddDate(0, 3, 0)))
	}},
	{"sys01-planRegularTime", "計劃轉正日期", func(p *rosterPerson) []rosterValue {
		return text(date(p.e.HiredDate.AddDate(0, 3, 0)))
	}},
	{"sys01-positionLevel", "職級", func(p *rosterPerson) []rosterValue { return text(p.level) }},
	{"sys02-realName", "身份證姓名", func(p *rosterPerson) []rosterValue { return text(p.e.NameEN) }},
	{"sys02-certNo", "證件號碼", func(p *rosterPerson) []rosterValue {
		switch {
		case p.e.HKID != "":
			return text(p.e.HKID)
		case p.e.CNID != "":
			return text(p.e.CNID)
		}
		return text(p.e.Passport)
	}},
	{"sys02-birthTime", "出生日期", func(p *rosterPerson) []rosterValue { return text(date(p.e.DOB)) }},
	{"sys02-sexType", "性別", func(p *rosterPerson) []rosterValue { return sex(p.female) }},
	{"sys02-nationType", "民族", func(p *rosterPerson) []rosterValue { return pick("1", "漢族") }},
	{"sys02-certAddress", "身份證地址", func(p *rosterPerson) []rosterValue { return text(p.e.Address) }},
	{"sys02-certEndTime", "證件有效期", func(p *rosterPerson) []rosterValue {
		if p.e.HKID != "" {
			return text("") // an HKID does not expire
		}
		return text(date(time.Date(p.e.HiredDate.Year()+10, p.e.DOB.Month(), p.e.DOB.Day(), 0, 0, 0, 0, time.UTC)))
	}},
	{"sys02-marriage", "婚姻狀況", func(p *rosterPerson) []rosterValue {
		if p.married {
			return pick("2", "已婚")
		}
		return pick("1", "未婚")
	}},
	{"sys02-joinWorkingTime", "首次參加工作時間", func(p *rosterPerson) []rosterValue {
		return text(date(p.gradDate.AddDate(0, 2, 0)))
	}},
	{"sys02-residenceType", "戶籍類型", func(p *rosterPerson) []rosterValue {
		if p.e.StateCode == "86" {
			return pick("2", "內地居民")
		}
		return pick("1", "香港永久性居民")
	}},
	{"sys02-address", "住址", func(p *rosterPerson) []rosterValue { return text(p.e.Address) }},
	{"sys02-politicalStatus", "政治面貌", func(p *rosterPerson) []rosterValue { return pick("13", "群眾") }},
	{"sys09-personalSi", "個人社保賬號", func(p *rosterPerson) []rosterValue { return text("") }},
	{"sys09-personalHf", "個人公積金賬號", func(p *rosterPerson) []rosterValue { return text("") }},
	{"sys03-highestEdu", "最高學歷", func(p *rosterPerson) []rosterValue {
		return pick(strconv.Itoa(p.edu+1), eduLevels[p.edu])
	}},
	{"sys03-graduateSchool", "畢業院校", func(p *rosterPerson) []rosterValue { return text(p.school) }},
	{"sys03-graduationTime", "畢業時間", func(p *rosterPerson) []rosterValue { return text(date(p.gradDate)) }},
	{"sys03-major", "所學專業", func(p *rosterPerson) []rosterValue { return text(p.major) }},
	{"sys04-bankAccountNo", "銀行卡號", func(p *rosterPerson) []rosterValue { return text(p.e.BankAccount) }},
	{"sys04-accountBank", "開戶行", func(p *rosterPerson) []rosterValue { return text(p.bank) }},
	{"sys05-contractCompanyName", "合同公司", func(p *rosterPerson) []rosterValue { return text(corpName) }},
	{"sys05-contractType", "合同類型", func(p *rosterPerson) []rosterValue { return pick("1", "固定期限勞動合同") }},
	{"sys05-firstContractStartTime", "首次合同起始日", func(p *rosterPerson) []rosterValue { return text(date(p.e.HiredDate)) }},
	{"sys05-firstContractEndTime", "首次合同到期日", func(p *rosterPerson) []rosterValue {
		return text(date(p.e.HiredDate.AddDate(3, 0, -1)))
	}},
	{"sys05-nowContractStartTime", "現合同起始日", func(p *rosterPerson) []rosterValue { return text(date(p.contract)) }},
	{"sys05-nowContractEndTime", "現合同到期日", func(p *rosterPerson) []rosterValue {
		return text(date(p.contract.AddDate(3, 0, -1)))
	}},
	{"sys05-contractPeriodType", "合同期限", func(p *rosterPerson) []rosterValue { return pick("3", "3年") }},
	{"sys05-contractRenewCount", "續簽次數", func(p *rosterPerson) []rosterValue { return text(strconv.Itoa(p.renewals)) }},
	{"sys06-urgentContactsName", "緊急聯繫人姓名", func(p *rosterPerson) []rosterValue { return text(p.e.EmergencyName) }},
	{"sys06-urgentContactsRelation", "聯繫人關係", func(p *rosterPerson) []rosterValue { return text(p.e.EmergencyRelation) }},
	{"sys06-urgentContactsPhone", "聯繫人電話", func(p *rosterPerson) []rosterValue { return text(p.e.EmergencyPhone) }},
	{"sys07-haveChild", "有無子女", func(p *rosterPerson) []rosterValue {
		if len(p.children) > 0 {
			return pick("1", "有")
		}
		return pick("0", "無")
	}},
	{"sys07-childName", "子女姓名", func(p *rosterPerson) []rosterValue {
		return p.childValues(func(c child) rosterValue { return rosterValue{value: c.name, label: c.name} })
	}},
	{"sys07-childSex", "子女性別", func(p *rosterPerson) []rosterValue {
		return p.childValues(func(c child) rosterValue { return sex(c.female)[0] })
	}},
	{"sys07-childBirthDate", "子女出生日期", func(p *rosterPerson) []rosterValue {
		return p.childValues(func(c child) rosterValue { return rosterValue{value: date(c.dob), label: date(c.dob)} })
	}},
}

var rosterByCode = func() map[string]*rosterField {
	m := make(map[string]*rosterField, len(rosterFields))
	for i := range rosterFields {
		m[rosterFields[i].code] = &rosterFields[i]
	}
	return m
}()

// rosterKeys are the member names of one casing.
type rosterKeys struct {
	corpID, userID, unionID, dataList, code, name, group, valueList, index string
}

var (
	snakeKeys = rosterKeys{"corp_id", "userid", "", "field_data_list", "field_code", "field_name", "group_id", "field_value_list", "item_index"}
	camelKeys = rosterKeys{"corpId", "userId", "unionId", "fieldDataList", "fieldCode", "fieldName", "groupId", "fieldValueList", "itemIndex"}
)

// appendRosterResult renders the "result" array for the given employees and field codes.
// Unknown codes and userids are skipped, as DingTalk does for ids outside the roster.
func (d *directory) appendRosterResult(dst []byte, k rosterKeys, users []int, codes []string, convert bool) []byte {
	dst = append(dst, '[')
	for n, i := range users {
		if n > 0 {
			dst = append(dst, ',')
		}
		p := d.rosterPerson(i)
		o := newObj(dst)
		o.str(k.corpID, d.corpID)
		o.str(k.userID, p.e.UserID)
		if k.unionID != "" {
			o.str(k.unionID, p.e.UnionID)
		}
		o.key(k.dataList)
		o.b = append(o.b, '[')
		first := true
		for _, code := range codes {
			f := rosterByCode[code]
			if f == nil {
				continue
			}
			if !first {
				o.b = append(o.b, ',')
			}
			first = false
			fo := newObj(o.b)
			fo.str(k.code, f.code)
			fo.str(k.name, f.name)
			group, _, _ := strings.Cut(f.code, "-")
			fo.str(k.group, group)
			fo.key(k.valueList)
			fo.b = append(fo.b, '[')
			for vi, v := range f.values(p) {
				if vi > 0 {
					fo.b = append(fo.b, ',')
				}
				val := v.value
				if convert && v.selectCode {
					val = v.label
				}
				vo := newObj(fo.b)
				vo.int(k.index, int64(vi))
				vo.str("label", v.label)
				vo.str("value", val)
				fo.b = vo.end()
			}
			fo.b = append(fo.b, ']')
			o.b = fo.end()
		}
		o.b = append(o.b, ']')
		dst = o.end()
	}
	return append(dst, ']')
}

// allRosterCodes is the whole catalogue, for an empty filter.
func allRosterCodes() []string {
	out := make([]string, len(rosterFields))
	for i, f := range rosterFields {
		out[i] = f.code
	}
	return out
}
