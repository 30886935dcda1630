package detect

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Person names are key- or label-driven; there is no way to tell 陳大文 from 財務部 by shape
// alone, and `name` is DingTalk's most overloaded key (roles, departments, templates, form
// fields). Rules:
//   - person-scoped keys and labels (realName, nick, showName, senderNick, sys00-name,
//     sys02-realName, sys06-urgentContactsName, sys07-childName, 姓名, 英文名 …) report the
//     whole value (0.95) when it looks like a name: 1–4 Han characters (up to 10 with the
//     interpunct of transliterated names), or 1–5 Latin words at least one of which is
//     capitalised ("Peter Chan", "CHAN, Tai Man"), or both ("李嘉欣 Grace Lee");
//   - the plain key `name` needs more: 2–4 Han characters starting with a common Chinese
//     surname and not ending in an organisation word (部, 組, 科 …) nor being an everyday
//     word or place that starts with a surname character (項目, 周報, 沙田: common_words.go),
//     or 2–4 capitalised Latin words one of which is a common Chinese (Cantonese, Mandarin,
//     compound Au-Yeung) or English surname, or one common English given name (Peter), or
//     an interpunct name written in transliteration characters (阿依古麗·艾則孜); then it
//     scores 0.75;
//   - either may be followed by the person's other name in brackets (陳明嘉（Mary）, the
//     whole value is reported), and a surname may be followed by a space (陳 俊偉);
//   - in free text only after a label and colon (姓名：…, Name: …), at 0.8.
//
// Values with digits, '@', '/', ':' or other symbols are never names.
var personNameRecognizer = Recognizer{
	Type:         PersonName,
	Name:         "Person name",
	Description:  "a person's name in a name field, a roster name code or after 姓名：/Name:",
	Validates:    "person-scoped key, label or label-colon context; name-like value",
	NeedsContext: true,
}

const scoreWeakName = 0.75

// Common Chinese surnames in traditional and simplified forms.
const cjkSurnames = "陳陈林黃黄張张李王吳吴劉刘蔡楊杨許许鄭郑謝谢郭洪邱曾廖賴赖徐周葉叶蘇苏莊庄呂吕江何蕭萧羅罗" +
	"高潘簡简朱鍾钟彭游詹胡施沈余盧卢梁趙赵顏颜柯翁魏孫孙戴范方宋鄧邓杜傅侯曹薛丁卓馬马阮董唐溫温藍蓝蔣蒋" +
	"石古紀纪姚連连馮冯歐欧程湯汤黎田康姜白汪鄒邹尤巫涂龔龚嚴严韓韩袁金童陸陆夏柳邵錢钱伍倪于譚谭駱骆熊任" +
	"甘秦顧顾毛章史官萬万俞雷饒饶闕阙凌崔尹孔辛辜陶段龍龙韋韦葛池孟褚殷麥麦賀贺賈贾莫文管關关向包丘梅利華华" +
	"裴樊房全佘左花魯鲁安鮑鲍郝穆邢蒲成谷常閻阎练練盛鄔邬耿聶聂符申祝繆缪解曲岳齊齐應应單单舒畢毕喬乔龐庞" +
	"翟牛季覃卜項项喻商滕焦車车虞苗戚牟雲云艾樂乐臧司樓楼費费屈宗幸衛卫尚靳祁桂沙欒栾宮宫路席麻強强蓋盖寇" +
	"區区冼招植岑湛鄺邝勞劳蒙冉查柏習习談谈聞闻郁景晏柴瞿閆闫易明武霍麥黨党翁邵容付"

const cjkCompoundSurnames = "歐陽 欧阳 司徒 上官 諸葛 诸葛 司馬 司马 東方 东方 皇甫 公孫 公孙 慕容 夏侯 令狐 長孫 长孙 宇文 端木"

// Romanised surnames: Cantonese, Mandarin pinyin and common English ones.
const latinSurnames = "chan cheung chow chau chu fong fung ho hui ip kwok kwan lai lam lau law lee " +
	"leung li lo lui luk ma mak man mok ng poon shum siu so tam tang tse tsang tsui wan wong wu " +
	"yau yeung yip yu yuen choi chung kong koo kam ko ku kwong lok cheng ching chiu chong au " +
	"szeto tong tung wai yim yiu hung hon hau kan keung lun pang pun sin sze to tai tin tsoi " +
	"wat yee yung heung ngai ngan fok fan fu hsu huang zhang wang liu chen yang zhao zhou xu " +
	"sun zhu gao lin he guo luo zheng liang xie song han feng deng cao peng zeng xiao tian dong " +
	"pan yuan cai jiang du ye wei su lu ding ren shen yao jin zhong cui tan liao shi jia xia " +
	"qiu hou bai meng qin xiong mao hao gu yin duan lei qian dai long wen yi smith johnson " +
	"williams brown jones miller davis wilson taylor anderson thomas jackson white harris " +
	"martin thompson moore clark lewis walker hall young allen king wright scott green baker " +
	"adams nelson hill campbell mitchell roberts carter phillips evans turner parker collins " +
	"edwards stewart morris murphy cook rogers morgan cooper peterson bailey bell kelly howard " +
	"ward cox richardson wood watson brooks bennett gray james hughes price foster singh kumar " +
	"khan santos reyes cruz bautista garcia mendoza ramos gonzales flores torres rivera aquino " +
	"villanueva castillo fernandez lopez perez sanchez " +
	// More Cantonese (蔡 Choy, 邵 Shiu, 崔 Chui, 曹 Cho, 余 Yue, 岑 Sham, 石 Shek, 梅 Mui, 孫 Suen,
	// 卓 Cheuk …), Hokkien and Wade-Giles spellings. Not the ones that are everyday English
	// words capitalised in a title (Sum, Sit, Chin, Lung, Kung, Mo, On).
	"choy shiu chui cho yue sham shek mui suen cheuk chik chak chim chuk kwai leong lum pau " +
	"pui sung tso woo yam yap yan yun kot chiang chang chou kuo tsai yeh hsieh kao chao " +
	"hsiao chien tseng lim ong " +
	// Compound surnames, looked up without their hyphen (Au-Yeung, AU-YEUNG, Sze-To).
	"auyeung ouyang szeto seto situ zhuge sima shangguan murong"

// Common English given names in Hong Kong. A single one is all the overloaded `name` key
// often holds for a person (DingTalk's user name is free text); words that also name
// things a `name` holds — apps, roles, departments, colours, seasons (Will, Mark, Grace
// and Joy as words, Summer, Crystal, Max) — are left out.
const latinGivenNames = "aaron ada adrian agnes alan albert alex alice alison amanda amy andrew andy " +
	"angela angus anita ann anna annie anthony antony benjamin benny bernard betty billy bobby " +
	"brian bruce calvin carmen carol caroline carrie catherine cathy charles charlotte cherry " +
	"chris christina christine christopher cindy claire connie daniel danny david dennis derek " +
	"doris dorothy edmund edward edwin eileen elaine elizabeth ellen emily emma eric esther eva " +
	"fiona florence frankie freddie gary george gigi gloria gordon hannah harry heidi helen " +
	"henry hugo ian irene isaac ivan ivy jacky jackie jacqueline janet janice jason jeffrey " +
	"jennifer jenny jeremy jessica joanna joe john johnny jonathan joseph josephine joyce judy " +
	"julia julian karen kathy katie keith kelly kelvin kenneth kenny kevin kitty lawrence " +
	"leo leon leslie lily linda lisa louis lucy maggie mandy maria mary matthew melody " +
	"michael michelle natalie nicholas nicole olivia oscar patrick paul peggy peter philip " +
	"queenie rachel raymond rebecca richard rita robert ronald rosa ryan samantha samuel sandy " +
	"sarah simon sophia sophie stanley stephanie stephen steven susan sylvia terence teresa " +
	"thomas timothy tommy tony tracy vanessa venus vicky victor vincent vivian wendy william " +
	"winnie yvonne"

// Characters that Chinese transliterations of Uyghur, Kazakh, Tibetan and foreign names are
// written with (阿依古麗·艾則孜, 迪麗熱巴·迪力木拉提, 買買提·吐爾遜). With the interpunct
// they are what tells such a name from "釘釘·宜搭" under the overloaded `name` key, where
// the surname test cannot apply.
const translitChars = "阿艾愛爱安奧奥巴拜班貝贝比彼波伯博布查達达丹德迪蒂丁都杜多厄恩爾尔" +
	"法凡菲費费芬弗福夫甫格貢贡古哈海漢汉罕汗合赫亨胡華华霍吉加佳傑杰金卡凱凯坎康考柯科克肯" +
	"庫库拉萊莱來来蘭兰朗勞劳勒雷黎里力利麗丽莉列林琳魯鲁路倫伦羅罗洛瑪玛馬马買买麥麦曼梅美" +
	"蒙米密敏明姆摩莫默木穆納纳娜乃奈南內内尼妮努諾诺帕潘培佩皮普齊齐奇其喬乔切欽钦丘熱热" +
	"若薩萨賽赛桑森沙山尚舍什詩诗斯蘇苏索塔泰坦湯汤唐特提鐵铁圖图吐托瓦萬万威維维溫温" +
	"沃烏乌吾西希夏謝谢辛休雅亞亚揚扬葉叶伊依易尤約约扎澤泽則则孜茲兹珠卓宗祖佐遜逊"

// Last characters that make a Han string an organisation, place or thing, not a person.
const notNameLast = "部組组科處处室課课群會会隊队類类型間间期假由費费單单表務务司店局廳厅院校行區区中心" +
	"所站廠厂場场組班系館馆社團团庫库號号品額额金資资類別别"

// translitShare reports whether three in four of the han Chinese characters of b are
// transliteration characters.
func translitShare(b []byte, han int) bool {
	n := 0
	for _, r := range string(b) {
		if translitSet[r] {
			n++
		}
	}
	return n*4 >= han*3
}

// stepOrPostEnd reports a name ending in a workflow step or a post (workflowSteps,
// postWords). Most names end in none of those words' last characters, which a switch tells
// without a map lookup.
func stepOrPostEnd(a, b rune) bool {
	switch b {
	case '批', '核', '准', '簽', '签', '閱', '阅', '送', '認', '认', '檔', '档', '理', '案', '計', '计',
		'任', '管', '員', '员', '書', '书', '問', '问', '師', '师', '機', '机', '監', '监', '席', '裁',
		'事', '長', '长', '習', '习', '級', '级', '深':
		return workflowStep[[2]rune{a, b}] || postWord[[2]rune{a, b}]
	}
	return false
}

// rankStart reports a post's name starting with a rank (高級, 資深 …).
func rankStart(first [2]rune) bool {
	switch first[0] {
	case '高', '資', '资', '初', '中', '首':
		return postWord[first]
	}
	return false
}

// workflowSteps end the names of approval and process nodes (財務審批, 主管審核, 經理覆核,
// 人事會簽): a showName or a node's name is a step, not a person.
const workflowSteps = "審批 审批 審核 审核 覆核 复核 批核 核准 核批 簽核 签核 會簽 会签 審閱 审阅 抄送 " +
	"確認 确认 歸檔 归档 辦理 办理 處理 处理 備案 备案"

// postWords end the names of posts (會計, 經理, 工程師 …) or start them with a rank (高級,
// 資深 …): "面試 - 高級會計" is an interview for a post. 高 is also a surname.
const postWords = "會計 会计 經理 经理 主任 主管 助理 文員 文员 秘書 秘书 顧問 顾问 程師 程师 計師 计师 " +
	"司機 司机 總監 总监 專員 专员 主席 總裁 总裁 董事 會長 会长 實習 实习 技師 技师 " +
	"高級 高级 資深 资深 初級 初级 中級 中级 首席"

var (
	postWord        = map[[2]rune]bool{}
	workflowStep    = map[[2]rune]bool{}
	cjkSurnameBits  hanBits
	cjkCompoundSet  = map[[2]rune]bool{}
	cjkCompoundLead hanBits // first characters of the compound surnames
	latinSurnameSet = map[string]bool{}
	latinGivenSet   = map[string]bool{}
	notNameLastSet  = map[rune]bool{}
	translitSet     = map[rune]bool{}
)

func init() {
	for _, r := range cjkSurnames {
		cjkSurnameBits.add(r)
	}
	for _, w := range strings.Fields(postWords) {
		r := []rune(w)
		postWord[[2]rune{r[0], r[1]}] = true
	}
	for _, w := range strings.Fields(workflowSteps) {
		r := []rune(w)
		workflowStep[[2]rune{r[0], r[1]}] = true
	}
	for _, c := range strings.Fields(cjkCompoundSurnames) {
		r := []rune(c)
		cjkCompoundSet[[2]rune{r[0], r[1]}] = true
		cjkCompoundLead.add(r[0])
	}
	for _, w := range strings.Fields(latinSurnames) {
		latinSurnameSet[w] = true
	}
	for _, r := range notNameLast {
		notNameLastSet[r] = true
	}
	for _, w := range strings.Fields(latinGivenNames) {
		latinGivenSet[w] = true
	}
	for _, r := range translitChars {
		translitSet[r] = true
	}
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x2FA1F
}

func isNameDot(r rune) bool { return r == '·' || r == '‧' || r == '•' || r == '・' }

// looksLikeName reports whether b (trimmed) looks like a person's name. weak asks for the
// stronger evidence the overloaded `name` key needs; labelled is true after "姓名：".
func looksLikeName(b []byte, weak, labelled bool) bool {
	if len(b) == 0 || len(b) > 64 || !utf8.Valid(b) {
		return false
	}
	if o, is, ie := nameNote(b); o >= 0 {
		// "陳明嘉（Mary）", "陳明嘉 (Mary Chan)", "Peter Chan (陳大文)": a name and the
		// person's other name in brackets. The whole value is the name: masking the Chinese
		// name alone would leave the English one beside it, and the pair is one person. The
		// name outside the brackets carries the evidence the key asks for.
		outer, inner := trimSpaceBytes(b[:o]), trimSpaceBytes(b[is:ie])
		return len(outer) > 0 && !hasBracket(outer) && looksLikeName(inner, false, true) &&
			looksLikeName(outer, weak, labelled)
	}
	var han, hanBlocks, firstBlock, dots, words, capWords, commas int
	var first, last, beforeLast rune
	var hanStart, hanEnd int // the first block of Han characters
	var firstTwo [2]rune
	surnameWord, givenWord := false, false
	inHan := false
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case isHan(r):
			if !inHan {
				if words > 0 && !hanSurnameAt(b[i:]) {
					// "Peter 陳大文" is one person; in "LEE Jessica 住址" the Han word after the
					// Latin name is the next label, not a Chinese name.
					return false
				}
				hanBlocks++
				inHan = true
				if han == 0 {
					first = r
					hanStart = i
				}
			}
			if han < 2 {
				firstTwo[han] = r
			}
			if hanBlocks == 1 {
				firstBlock++
				hanEnd = i + size
			}
			han++
			beforeLast, last = last, r
			i += size
			continue
		case isNameDot(r) && inHan:
			dots++
			i += size
			continue
		case r < utf8.RuneSelf && isLetter(byte(r)):
			// A Latin word: letters with inner ' - .
			j := i
			for j < len(b) && (isLetter(b[j]) || (b[j] == '\'' || b[j] == '-' || b[j] == '.') && j > i) {
				j++
			}
			words++
			if b[i] >= 'A' && b[i] <= 'Z' {
				capWords++
			}
			if j-i > 20 {
				return false
			}
			if orgWord(b[i:j]) {
				// "收款人": "Wing On Trading Limited": payees, contacts and owners are
				// often firms or teams.
				return false
			}
			if weak && (!surnameWord || words == 1) {
				var low, joined [20]byte
				w := b[i:j]
				for len(w) > 0 && (w[len(w)-1] == '.' || w[len(w)-1] == '-') {
					w = w[:len(w)-1]
				}
				nj := 0
				for k, c := range w {
					low[k] = lower(c)
					if c != '-' {
						// Au-Yeung, AU-YEUNG and Sze-To are looked up as one surname.
						joined[nj] = lower(c)
						nj++
					}
				}
				surnameWord = surnameWord || latinSurnameSet[string(joined[:nj])]
				if words == 1 {
					givenWord = latinGivenSet[string(low[:len(w)])]
				}
			}
			inHan = false
			i = j
			continue
		case r == ' ' || r == ',' || r == '　':
			if r == ',' {
				commas++
			}
			inHan = false
			i += size
			continue
		}
		return false // digits, symbols, other scripts
	}
	if han == 0 && words == 0 {
		return false
	}
	if han > 0 {
		maxHan := 4
		if dots > 0 {
			maxHan = 10
		}
		surname := cjkSurnameBits.has(first) || compoundSurname(firstTwo)
		// "陳 俊偉", "歐陽 小明", "諸 葛志": a space typed after the surname. Only a
		// surname may stand before it, so "李明 男" or two words of a title stay out; in
		// free text after a label the space ends the name.
		spacedSurname := hanBlocks == 2 && dots == 0 && words == 0 && commas == 0 && !labelled &&
			(firstBlock == 1 && surname || firstBlock == 2 && compoundSurname(firstTwo))
		if han > maxHan || hanBlocks > 1 && dots == 0 && !spacedSurname || han < 2 && words == 0 && weak {
			return false
		}
		if weak || labelled {
			if notNameLastSet[last] {
				return false
			}
		}
		if han >= 2 && stepOrPostEnd(beforeLast, last) {
			// An approval node, not its approver: 財務審批, 部門主管審核, HR 覆核; a post,
			// not its holder: 高級會計, 項目經理 (面試 - 高級會計).
			return false
		}
		if han >= 3 && rankStart(firstTwo) {
			return false // 高級文員, 資深顧問
		}
		// Transliterated minority and foreign names (阿依古麗·艾則孜) start with no
		// Chinese surname; the interpunct and their characters mark them.
		translitName := dots > 0 && words == 0 && translitShare(b, han)
		if weak && !surname && !translitName {
			return false
		}
		if weak && surname && han >= 2 && dots == 0 && hanBlocks == 1 &&
			commonWordNotName(b[hanStart:hanEnd], han, beforeLast, last) {
			// 項目, 明細, 周報 Weekly, 沙田: an everyday word or a place that starts with
			// a surname character (common_words.go). Only the overloaded key and cues.
			return false
		}
	}
	if words > 0 {
		if words > 5 || capWords == 0 {
			return false
		}
		// A single common English given name (Peter, Ivy) is how many staff are named.
		single := words == 1 && capWords == 1 && givenWord
		if weak && han == 0 && (words < 2 && !single || words > 4 || capWords < words || !surnameWord && !single) {
			return false
		}
	}
	return true
}

// nameNote finds a bracketed part closing b: "陳明嘉（Mary）" or "陳明嘉 (Mary Chan)". It
// returns where the opening bracket starts and the bounds of what is inside, or -1.
func nameNote(b []byte) (open, innerStart, innerEnd int) {
	n := len(b)
	var closeLen int
	switch {
	case b[n-1] == ')':
		closeLen = 1
	case n >= 3 && b[n-3] == 0xEF && b[n-2] == 0xBC && b[n-1] == 0x89: // ）
		closeLen = 3
	default:
		return -1, 0, 0
	}
	for i := n - closeLen - 1; i >= 0; i-- {
		switch {
		case b[i] == '(' && closeLen == 1:
			return i, i + 1, n - closeLen
		case b[i] == 0xEF && closeLen == 3 && i+2 < n && b[i+1] == 0xBC && b[i+2] == 0x88: // （
			return i, i + 3, n - closeLen
		}
	}
	return -1, 0, 0
}

// hasBracket reports an ASCII or full-width round bracket in b.
func hasBracket(b []byte) bool {
	for i, c := range b {
		if c == '(' || c == ')' || c == 0xEF && i+2 < len(b) && b[i+1] == 0xBC && (b[i+2] == 0x88 || b[i+2] == 0x89) {
			return true
		}
	}
	return false
}

// orgWords are Latin words that make a name-like value an organisation or a team.
var orgWords = map[string]bool{}

// orgShape[first letter][length] has the bit of the last letter of each org word: almost
// every word of a name ("Chan", "Peter", "Lee") fails it, and orgWord then skips the map
// lookup, which costs more than the rest of looksLikeName's work on that word.
var orgShape [26][32]uint32

func init() {
	// Not "co": it is also a Chinese Filipino surname.
	for _, w := range strings.Fields("limited ltd company corp corporation inc llc plc bank " +
		"trading group holdings services service department dept team office hospital clinic " +
		"school university college centre center store shop restaurant association foundation " +
		"agency industries international enterprise enterprises technology technologies " +
		"logistics properties insurance partners solutions council committee club society church " +
		// A shop, a restaurant, a building or a branch named like a person (Tai Cheong Bakery,
		// Man Yee Building, Sha Tin Branch, Lin Heung Tea House, Hong Kong Electric).
		"bakery cafe building branch warehouse market garden gardens hall plaza mall kitchen " +
		"electric hotel pharmacy salon studio workshop factory supermarket depot " +
		// A DingTalk robot is a user too ("HR Bot").
		"bot robot") {
		orgWords[w] = true
		orgShape[w[0]-'a'][len(w)] |= 1 << (w[len(w)-1] - 'a')
	}
}

// orgWord reports whether w (letters, with a trailing '.' or ',' allowed) is an org word.
func orgWord(w []byte) bool {
	for len(w) > 0 && (w[len(w)-1] == '.' || w[len(w)-1] == ',') {
		w = w[:len(w)-1]
	}
	if len(w) < 2 || len(w) >= 32 || !isLetter(w[0]) || !isLetter(w[len(w)-1]) ||
		orgShape[lower(w[0])-'a'][len(w)]&(1<<(lower(w[len(w)-1])-'a')) == 0 {
		return false // every org word is 3 to 13 letters
	}
	var low [16]byte
	return orgWords[string(lowerFit(low[:], w))] // too long: nil, no org word
}

// hasOrgWord reports whether any Latin word of b is an org word.
func hasOrgWord(b []byte) bool {
	for i := 0; i < len(b); {
		if !isLetter(b[i]) {
			i++
			continue
		}
		j := i
		for j < len(b) && isLetter(b[j]) {
			j++
		}
		if orgWord(b[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// nameLength returns the length of the name at the start of a labelled value: the value up
// to the first character that cannot be part of a name.
func nameLength(b []byte) int {
	n := 0
	prevHan, prevLatin := false, false
	for n < len(b) {
		r, size := utf8.DecodeRune(b[n:])
		latin := r < utf8.RuneSelf && isLetter(byte(r))
		han := isHan(r)
		if !(han || latin || isNameDot(r) || r == ' ' || r == ',' || r == '\'' || r == '-' || r == '.') {
			break
		}
		// Chinese and Latin parts of a name are apart ("李嘉欣 Grace Lee"); glued, the Latin
		// part belongs to something else (姓名：陳大文A123456(3) holds a name and an HKID).
		if han && prevLatin || latin && prevHan {
			break
		}
		prevHan, prevLatin = han, latin
		n += size
	}
	if prevLatin && n < len(b) && (isWord(b[n]) || b[n] == '/') {
		// Stopped inside a word that goes on with digits ("李嘉欣 K382716A") or a product
		// token ("吳小明 Mozilla/5.0"): that word is not part of the name.
		for n > 0 && isLetter(b[n-1]) {
			n--
		}
	}
	for n > 0 && (b[n-1] == ' ' || b[n-1] == ',' || b[n-1] == '-' || b[n-1] == '.') {
		n--
	}
	if n > 0 && n < len(b) {
		// "姓名：陳明嘉（Mary）。": the other name in brackets goes with it.
		if c := noteEnd(b, n); c > 0 && otherName(b[:n], b[:c]) && looksLikeName(b[:c], false, true) {
			n = c
		}
	}
	return n
}

// otherName reports whether the bracket closing named (after the name b) holds the
// person's name in the other script, a Latin name beside a Chinese one or the reverse, with
// the evidence the `name` key asks for (a surname, a known given name). In free text a
// bracket after a name as often holds a post or a note, 陳大文（經理）, Peter Chan (Manager),
// 陳大文（代）, which stays out of the name.
func otherName(b, named []byte) bool {
	o, is, ie := nameNote(named)
	if o < 0 {
		return false
	}
	inner := trimSpaceBytes(named[is:ie])
	return hasHan(b) != hasHan(inner) && looksLikeName(inner, true, true)
}

// hasHan reports a Chinese character in b.
func hasHan(b []byte) bool {
	for _, r := range string(b) {
		if isHan(r) {
			return true
		}
	}
	return false
}

// noteEnd returns the end of a bracketed part starting at b[i:] (after at most one space),
// or 0. It looks no further than a name could reach.
func noteEnd(b []byte, i int) int {
	if i < len(b) && b[i] == ' ' {
		i++
	}
	full := hasFullwidth(b, i, 0x88)
	if !full && (i >= len(b) || b[i] != '(') {
		return 0
	}
	for j := i + 1; j < len(b) && j < i+48; j++ {
		switch {
		case !full && b[j] == ')':
			return j + 1
		case full && hasFullwidth(b, j, 0x89):
			return j + 3
		case b[j] == '(' || b[j] == ')' || b[j] == '\n':
			return 0
		}
	}
	return 0
}

// nameValue reports a whole-value name under a name key.
func (st *scanState) nameValue(s, e int, weak bool) bool {
	if st.key == "title" && st.label == approvalTitleLabel {
		return st.titleName(s, e)
	}
	score := scoreKey
	if weak {
		score = scoreWeakName
	}
	if st.key == "name" && st.label == personI18nLabel && !recordLatinName(st.text[s:e]) {
		// A person record's name (FieldOf) is read whatever its surname only when it is a
		// Latin full name: a Chinese one still needs its surname, and a shared account named
		// 財務部, 前台 Reception, IT Helpdesk or Guest is no person.
		weak = true
	}
	if weak && latinPlace(st.text[s:e]) {
		return false // {"name":"Lee Kum Kee"}, {"name":"Sha Tin"}: a firm or a place
	}
	if n := e - s - honorificLen; n >= 6 && st.text[s+n] == 0xE5 && honorificNameEndAt(st.text[s:e], n) > 0 &&
		looksLikeName(st.text[s:s+n], weak, false) {
		e = s + n // "陳大文先生": the name without its title
	} else if !looksLikeName(st.text[s:e], weak, false) {
		return false
	}
	st.add(cand{t: tPersonName, start: s, end: e, score: score, flags: fCtxProof | fKeyProof | fNoBoost})
	return true
}

// titleName reports the originator's name at the head of an approval title ("陳大文提交的
// 請假", "Chan Tai Man提交的報銷") or a Yida process title ("陳大文發起的請假申請"). The rest
// of the title is the form's name, and a title without the originator (edited, or named
// after a department: 財務部提交的報銷) names no one, so the whole title is never read as a
// name. The head needs the evidence the overloaded `name` key asks for (a surname, a known
// given name) and no organisation word ending it: teams submit too (財務提交的報銷,
// 行政組提交的…).
func (st *scanState) titleName(s, e int) bool {
	i := originatorMarker(st.text[s:e])
	if i <= 0 {
		return false
	}
	ns, ne := trimBounds(st.text[s : s+i])
	ns, ne = s+ns, s+ne
	if ns >= ne || !looksLikeName(st.text[ns:ne], true, true) {
		return false
	}
	st.add(cand{t: tPersonName, start: ns, end: ne, score: scoreKey, flags: fCtxProof | fKeyProof | fNoBoost})
	return true
}

// ValidPersonName reports whether s looks like a person's name (the strict test used for
// the overloaded `name` key).
func ValidPersonName(s string) bool {
	return looksLikeName(trimSpaceBytes([]byte(s)), true, false)
}

// compoundSurname reports a compound surname (歐陽, 司徒 …) in its first two characters.
func compoundSurname(two [2]rune) bool {
	return cjkCompoundLead.has(two[0]) && cjkCompoundSet[two]
}

// hanBits is a set of characters of the CJK Unified Ideographs block (U+4E00–U+9FFF).
type hanBits [(0xA000 - 0x4E00) / 64]uint64

func (t *hanBits) add(r rune) {
	if k := r - 0x4E00; k >= 0 && int(k) < len(t)*64 {
		t[k/64] |= 1 << (k % 64)
	}
}

func (t *hanBits) has(r rune) bool {
	k := r - 0x4E00
	return k >= 0 && int(k) < len(t)*64 && t[k/64]&(1<<(k%64)) != 0
}

// decodeRune is utf8.DecodeRune with the three-byte characters of Chinese text decoded
// inline (utf8.DecodeRune takes its slow path for every non-ASCII rune), for callers that
// expect Chinese. Only forms that are always valid are taken here (leads E1–EC, EE, EF: no
// overlong or surrogate form).
func decodeRune(b []byte) (rune, int) {
	if len(b) > 2 {
		c0, c1, c2 := b[0], b[1]^0x80, b[2]^0x80
		if c0-0xE1 < 0x0F && c0 != 0xED && c1|c2 < 0x40 {
			return rune(c0&0x0F)<<12 | rune(c1)<<6 | rune(c2), 3
		}
	}
	return utf8.DecodeRune(b)
}

// hanSurnameAt reports whether b starts with a Chinese surname, single or compound.
func hanSurnameAt(b []byte) bool { return hanSurnameLen(b) > 0 }

// hanSurnameLen returns the length in bytes of the Chinese surname b starts with, compound
// (歐陽) before single, or 0.
func hanSurnameLen(b []byte) int {
	r0, n0 := decodeRune(b)
	if cjkCompoundLead.has(r0) {
		if r1, n1 := decodeRune(b[n0:]); cjkCompoundSet[[2]rune{r0, r1}] {
			return n0 + n1
		}
	}
	if cjkSurnameBits.has(r0) {
		return n0
	}
	return 0
}

// nameParticles are the lower-case words inside romanised names (Maria de Souza, Ahmad bin
// Ismail).
var nameParticles = []string{"de", "da", "di", "do", "dos", "du", "del", "della", "van", "von",
	"der", "den", "la", "le", "bin", "binti", "bint", "al", "el", "y"}

// nameStopWords start what follows a name in running text besides the context words: a
// link, a polite word ("聯絡人：陳偉倫 Call me at …", "Contact: Ivy HO https://…").
var nameStopWords = []string{"me", "email", "e-mail", "hkid", "id", "whatsapp", "address",
	"wechat", "uuid", "http", "https", "www", "pls", "please", "thanks", "thx"}

// labelledNameEnd cuts a name read after a label before the first Latin word that cannot
// belong to it: a context word (Call, Tel, Order, IP …) or a stop word, or a lower-case word
// after a capitalised one ("Ivy HO https", "Cherry Kwok uuid"), unless the word is a known
// surname or given name (Ip and Price are surnames; "Peter chan" typed in haste keeps its
// surname) or a particle (Maria de Souza). A name typed all in lower case keeps its words.
func labelledNameEnd(b []byte) int {
	capSeen := false
	for i := 0; i < len(b); {
		if !isLetter(b[i]) {
			_, size := utf8.DecodeRune(b[i:])
			i += size
			continue
		}
		j := i
		for j < len(b) && (isLetter(b[j]) || b[j] == '-' || b[j] == '\'') {
			j++
		}
		if w := b[i:j]; !knownNameWord(w) && (nameStopWord(w) || capSeen && isLower(w[0]) && !nameParticle(w)) {
			// Trimmed as nameLength trims a value's end ("A Chan.a" is "A Chan", as the text
			// cut after the '.' reads).
			for i > 0 && (b[i-1] == ' ' || b[i-1] == ',' || b[i-1] == '.' || b[i-1] == '-') {
				i--
			}
			return i
		}
		capSeen = capSeen || isUpper(b[i])
		i = j
	}
	return len(b)
}

// knownNameWord reports a Latin surname or given name, case and hyphens aside.
func knownNameWord(w []byte) bool {
	var low [20]byte
	n := 0
	for _, c := range w {
		if c == '-' || c == '\'' {
			continue
		}
		if n == len(low) {
			return false
		}
		low[n] = lower(c)
		n++
	}
	return latinSurnameSet[string(low[:n])] || latinGivenSet[string(low[:n])]
}

func nameStopWord(w []byte) bool {
	for _, s := range nameStopWords {
		if equalFoldASCII(w, []byte(s)) {
			return true
		}
	}
	for _, k := range ctxByASCII[lower(w[len(w)-1])] {
		cw := &ctxWords[k]
		if equalFoldASCII(w, cw.w) && (cw.caps == nil || bytes.Equal(w, cw.caps)) {
			return true
		}
	}
	return false
}

func nameParticle(w []byte) bool {
	for _, p := range nameParticles {
		if string(w) == p {
			return true
		}
	}
	return false
}

// Hong Kong business text names people with a title glued after the full name: 陳大文先生,
// 黃志強先生來電, 請交給司徒大文太太, 歐陽小明女士的申請. The title is no part of the name and
// keeps a labelled or keyed value from reading as one (five Han characters, or a name
// ending in 生); in running text, where no label stands before it, it is the cue. A
// surname and a title alone (陳先生, 李小姐, 歐陽先生) address someone without naming them
// and stay as they were.

// honorificLen is the byte length of each title: two characters of U+5xxx (lead byte 0xE5,
// which the free-text pass looks for).
const honorificLen = 6

// honorificAt reports one of the titles 先生 小姐 女士 太太 夫人 at b[i:].
func honorificAt(b []byte, i int) bool {
	if i < 0 || i+honorificLen > len(b) || b[i] != 0xE5 {
		return false
	}
	switch string(b[i : i+honorificLen]) {
	case "先生", "小姐", "女士", "太太", "夫人":
		return true
	}
	return false
}

// honorificNameEnd returns the length of b without a title closing it when what stays is a
// Chinese name with a given name (陳大文先生 → 陳大文, 歐陽小明女士 → 歐陽小明), or 0: a
// surname alone before the title (王先生, 歐陽先生) is a form of address, kept whole.
func honorificNameEnd(b []byte) int {
	n := len(b) - honorificLen
	if n < 6 || b[n] != 0xE5 {
		return 0 // (inlined: most values end otherwise)
	}
	return honorificNameEndAt(b, n)
}

func honorificNameEndAt(b []byte, n int) int {
	if !honorificAt(b, n) {
		return 0
	}
	r, size := utf8.DecodeLastRune(b[:n])
	if !isHan(r) || size != 3 {
		return 0
	}
	if sl := hanSurnameLen(b[:n]); sl == 0 || sl >= n {
		return 0
	}
	return n
}

// mayHoldHonorific reports whether text, under a field with hint h, may hold a name before
// a title: the field may hold prose (honorificProse), the text is long enough for a
// surname, a given name and the title (12 bytes) and it holds a title.
func mayHoldHonorific(text []byte, h hint, number bool) bool {
	return len(text) >= 12 && honorificProse(h, number) && nextHonorific(text, 0) >= 0
}

// honorificProse reports whether a field with hint h may hold a name before a title in
// running text: not a JSON number, not a field under an id, time or amount key (where only
// key-proof formats are read), nor one whose key names another type, a phone, an e-mail
// address, an address (a name in it is the address's: 九龍…陳大文先生收) or a date. A
// person's field keeps the pass: "聯絡人" may hold "陳大文先生 9123 4567".
func honorificProse(h hint, number bool) bool {
	return !number && (h.pos == 0 && !h.neg || h.pos.has(tPersonName))
}

// nextHonorific returns the first title, name cue or greeting (the 好 of 你好) at or after
// from, or -1 (one that ends the text, "陳大文 你好", is not looked for: a greeting opens a
// message). It runs on
// every value that may hold prose, most of them short (job titles, remarks), so it looks at
// eight bytes at a time for the lead byte 0xE5 without a call, and at the two bytes after
// each (markLead).
func nextHonorific(text []byte, from int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	last := len(text) - honorificLen // where the last title could start
	if from < 0 || from > last {
		return -1
	}
	// b is the text from j on: its length tells the compiler the loads are in bounds.
	b, j := text[from:], from
	for ; len(b) >= 8; b, j = b[8:], j+8 {
		x := binary.LittleEndian.Uint64(b) ^ (0xE5 * ones)
		// A byte of x is zero where the text holds E5; the borrow may also mark the byte
		// after one, which honorificAt then turns down.
		for z := (x - ones) &^ x & high; z != 0; z &= z - 1 {
			i := j + bits.TrailingZeros64(z)>>3
			if i > last {
				return -1
			}
			if markLead(text[i+1], text[i+2]) && (honorificAt(text, i) || cueBeforeSurname(text, i) || greetingAt(text, i)) {
				return i
			}
		}
	}
	for ; j <= last; j++ {
		if text[j] == 0xE5 && markLead(text[j+1], text[j+2]) && (honorificAt(text, j) || cueBeforeSurname(text, j) || greetingAt(text, j)) {
			return j
		}
	}
	return -1
}

// cueBeforeSurname reports a name cue at b[i:] followed by a surname, after a space for a
// colleague ("客戶服務主任" in a job title is none).
func cueBeforeSurname(b []byte, i int) bool {
	n := nameCueAt(b, i)
	if n == 0 {
		return false
	}
	if i+n < len(b) && b[i+n] == ' ' {
		n++
	}
	return hanSurnameLen(b[i+n:]) > 0
}

// markLead reports the last two bytes of the first character of a title (先 小 女 太 夫), of
// a cue (同 客: nameCueAt) or of a greeting's 好 (greetingAt) after the lead byte E5. Characters led by E5 are every fifth or
// so in Chinese text, and most of them are none of these: a table lookup turns them down.
func markLead(b1, b2 byte) bool {
	t := markThird[b1]
	return t != 0 && (b2 == t || b1 == 0xA4 && b2 == 0xAB || b1 == 0xA5 && b2 == 0xBD) // 太 E5 A4 AA, 夫 E5 A4 AB, 好 E5 A5 BD
}

// markThird has the third byte of each of those characters by its second byte.
var markThird = [256]byte{0x85: 0x88, 0xB0: 0x8F, 0xA5: 0xB3, 0xA4: 0xAA, 0x90: 0x8C, 0xAE: 0xA2, 0xB1: 0x8B}

// nameCueAt returns the length of a word at b[i:] that a name is written right after, glued
// or after a space, in running text: 同事 (新同事程明哲（Derick Yip）入職, 台灣同事 王博濤),
// 客戶/客户 (客户葛楷瑞的手机号是…), 屋企人 (搵我屋企人譚詠國。). Else 0.
func nameCueAt(b []byte, i int) int {
	if i+honorificLen > len(b) || b[i] != 0xE5 {
		return 0
	}
	switch string(b[i : i+honorificLen]) {
	case "同事", "客戶", "客户":
		return honorificLen
	case "屋企":
		if hasPrefixBytes(b[i+honorificLen:], "人") {
			return honorificLen + 3
		}
	}
	return 0
}

// Characters that, right before a title, make it no person's: a measure word or a
// demonstrative (這位先生, 各位女士, 該名女士, 某先生), a word the title ends (大小姐,
// 空中小姐, 老太太, 姨太太, 尊夫人, 陳家大小姐), another title (先生太太, 女士先生), a word
// 先 ends (首先生成, 預先生產, 優先生效, 事先, 原先, 率先), or a role (車主先生).
const notBeforeHonorific = "位個个名各這这那此該该每某兩两的之們们老大二三四五六七八小中家姨貴贵尊令" +
	"生士姐太人主首預预優优事原率搶抢領领起早祖爭争最在佔占居當当"

// honorificFuncWords are function words and verbs written right before a name and its
// title (由張偉先生負責, 交給司徒大文太太, 多謝陳大文先生, 請李美玲小姐): a reading that
// starts with one starts a character too early. Some are surnames too (向, 于, 謝).
const honorificFuncWords = "由和與与同向給给對对把被請请叫係是及或的了將将讓让為为替跟找問问見见約约" +
	"致謝谢在有派交送寄帶带收陪接告通知等會会於于即經经比就"

// afterNameFuncWords are characters that a Chinese sentence puts right after a name and
// that never end one: verbs and function words (陳大文已提交, 張偉於3月入職, 李嘉欣將會出席,
// 王小明的申請). Characters that also end given names (明 和 為 來 同 正) are left out, and
// 會, which ends words (周年晚會, 開會) as often as it follows a name.
const afterNameFuncWords = "已的是係於于在將将要需請请及與与跟因現现說说也都還还再提申負负到去昨"

var afterNameSet hanBits

func init() {
	for _, r := range afterNameFuncWords {
		afterNameSet.add(r)
	}
}

// nameBeforeVerb returns the length of the Chinese name b starts with when a verb or
// function word follows it without a break, or 0: a surname and two given characters, else
// one, none of them such a word, then one. Chinese runs the name into the sentence
// ("姓名：陳大文已提交"), which nameLength reads as one long word.
func nameBeforeVerb(b []byte) int {
	sl := hanSurnameLen(b)
	if sl == 0 {
		return 0
	}
	for given := 2; given >= 1; given-- {
		end, ok := sl, true
		for k := 0; k < given && ok; k++ {
			r, size := decodeRune(b[end:])
			ok = isHan(r) && size == 3 && !afterNameSet.has(r)
			end += size
		}
		if !ok || end >= len(b) {
			continue
		}
		if r, _ := decodeRune(b[end:]); afterNameSet.has(r) {
			return end
		}
	}
	return 0
}

// mentionName reports the Chinese name of a DingTalk @mention starting at v ("@陳大文 請審批",
// "@李嘉欣請覆核"; the '@' starts the text or follows a space): a mention is a person's
// display name, up to a space, a line's end or Chinese punctuation (or a verb glued to it),
// with the evidence the overloaded `name` key asks for. "@所有人" (all) and group names are
// no one's; "張三@李四.md" is a file's name.
func (st *scanState) mentionName(v int) {
	text := st.text
	if hanSurnameLen(text[v:]) == 0 {
		return
	}
	e, han := v, 0
	for e < len(text) && han <= 4 {
		r, size := decodeRune(text[e:])
		if !isHan(r) || size != 3 {
			break
		}
		e += size
		han++
	}
	if han > 4 || han == 4 && hanSurnameLen(text[v:]) == 3 || e < len(text) && text[e] < utf8.RuneSelf && text[e] != ' ' && text[e] != '\n' {
		// Too long for a name, or four characters after a single surname (陳大文已): a verb
		// may be glued to it.
		if n := nameBeforeVerb(text[v:e]); n > 0 {
			e, han = v+n, n/3
		} else {
			return
		}
	}
	b := text[v:e]
	if han < 2 || addressForm(b) || honorificNameEnd(b) > 0 || !looksLikeName(b, true, true) {
		return
	}
	st.add(cand{t: tPersonName, start: v, end: e, score: scoreShapeCtx, flags: fCtxProof})
}

// topSurnames are the commonest surnames of Hong Kong and the mainland. One right before a
// title is the surname of an address (多謝陳先生, 明天王先生), not the end of a given name;
// and a reading that starts with one beats a longer reading that starts with a rarer
// surname (任陳偉 is 任 and 陳偉).
const topSurnames = "陳陈李張张黃黄王林吳吴劉刘何梁周楊杨趙赵鄭郑謝谢郭羅罗馮冯曾鄧邓蔡許许徐孫孙朱胡高葉叶麥麦"

var notBeforeHonorificSet, honorificFuncSet, topSurnameSet hanBits

func init() {
	for _, r := range notBeforeHonorific {
		notBeforeHonorificSet.add(r)
	}
	for _, r := range honorificFuncWords {
		honorificFuncSet.add(r)
	}
	for _, r := range topSurnames {
		topSurnameSet.add(r)
	}
}

// honorificPass finds the first title or name cue of the text and reports the names at it
// and after it (honorificNames). The scan notes the first one from where it started (its
// lead byte has a class of its own); only the text before that is looked at here.
func (st *scanState) honorificPass() {
	text := st.text
	i := st.mark - 1
	if st.scanned == 0 {
		i = nextHonorific(text, 0)
	} else if j := nextHonorific(text[:min(len(text), st.scanned-1+honorificLen-1)], 0); j >= 0 {
		i = j
	}
	if i >= 0 && !honorificAt(text, i) && !cueBeforeSurname(text, i) && !greetingAt(text, i) {
		i = nextHonorific(text, i+1) // 小時, 同意: the scan checked the first character only
	}
	if i >= 0 {
		st.honorificNames(i)
	}
}

// honorificNames reports the names written before a title anywhere in the text (客戶黃志強
// 先生來電查詢, Dear 李美玲小姐): the name without its title, at the score of a name found
// after a label. first is the first title (nextHonorific).
func (st *scanState) honorificNames(first int) {
	text := st.text
	for i := first; i >= 0; i = nextHonorific(text, i+honorificLen) {
		if n := nameCueAt(text, i); n > 0 {
			st.cueName(i + n)
		} else if greetingAt(text, i) {
			st.greetingName(i - 3)
		} else if s := honorificNameStart(text, i); s >= 0 {
			st.add(cand{t: tPersonName, start: s, end: i, score: scoreShapeCtx, flags: fCtxProof})
		}
	}
}

// leadingName reports a remark's opening name: a Latin name of two words or more (with the
// person's Chinese name after it) filling the text's first clause, before more of the remark
// ("Peter Chan；HKID A123456(3) 已核實；…", "Grace Lee 李嘉欣, HKID K382716(A), …"): who a
// note is about is written first. The clause must pass the strict test of the overloaded
// `name` key and be no label, place ("Sha Tin；…"), title with a surname or organisation.
func (st *scanState) leadingName() {
	text := st.text[:min(len(st.text), 66)]
	e := 0
	for ; e < len(text); e++ {
		if clauseStop[text[e]] && (text[e] != 0xEF || hasFullwidth(text, e, 0x9B) || hasFullwidth(text, e, 0x8C)) { // ；，
			break
		}
	}
	if e >= len(text) || text[e] == '\n' || text[e] == '\r' || len(trimSpaceBytes(st.text[e+1:])) < 3 {
		return // longer than a name, or the whole text or a line: no remark's first clause
	}
	b := trimSpaceBytes(text[:e])
	if len(b) < 3 || !isUpper(b[0]) || leadWord(b) || !fullNameByPosition(b) {
		return
	}
	if lw, _ := bareLabelAt(st.text, 0); lw != nil {
		return // "Dear Peter Chan, …", "Name Peter Chan, …": the label's reading
	}
	st.addNameIn(0, e, b)
}

// fullNameByPosition is the test of a name that only where it stands marks (a salutation,
// a greeting, a remark's first clause): the strict test of the overloaded `name` key, no
// organisation word, and in Latin letters a full name — two words or more — that is no
// title with a surname ("Mr. Chan") and no place or well-known firm (places.go).
func fullNameByPosition(b []byte) bool {
	if len(b) == 0 || hasOrgWord(b) {
		return false
	}
	if b[0] < utf8.RuneSelf && (bytes.IndexByte(b, ' ') < 0 || latinAddressForm(b) || latinPlace(b)) {
		return false
	}
	return looksLikeName(b, true, true)
}

// addNameIn reports b, text[v:e] trimmed of its spaces, as a name read from the text's
// shape rather than from a label's value.
func (st *scanState) addNameIn(v, e int, b []byte) {
	s := v + bytes.Index(st.text[v:e], b)
	st.add(cand{t: tPersonName, start: s, end: s + len(b), score: scoreShapeCtx, flags: fCtxProof})
}

// leadWord reports a first word that opens a message rather than a name: "Hi Wai, …",
// "Thanks Peter, …", "Attn Mr Chan; …", "FYI Sales; …".
func leadWord(b []byte) bool {
	w, _, _ := bytes.Cut(b, []byte(" "))
	var low [8]byte
	switch string(lowerFit(low[:], w)) {
	case "hi", "hey", "hello", "dear", "thanks", "thank", "thx", "attn", "re", "fyi", "cc", "to",
		"from", "morning", "evening", "afternoon", "good":
		return true
	}
	return false
}

// clauseStop marks the bytes that may end a remark's first clause: ; , | a line break, and
// the lead byte of ；and ，.
var clauseStop = [256]bool{';': true, ',': true, '|': true, '\n': true, '\r': true, 0xEF: true}

// greetingAt reports the 好 of "你好" or "您好" at i.
func greetingAt(text []byte, i int) bool {
	if i < 3 || i+3 > len(text) || text[i] != 0xE5 || text[i+1] != 0xA5 || text[i+2] != 0xBD {
		return false
	}
	g := string(text[i-3 : i])
	return g == "你" || g == "您"
}

// greetingName reports the name a message opens with before its greeting, at g ("陳大文 (Peter
// Chan) 你好：你的強積金登記…", "李嘉欣你好，"): the whole start of the text or of its line,
// as a salutation's name is (salutationName): a Chinese name with its surname, or a Latin
// one of two words or more, with the evidence the `name` key asks for. A form of address
// (陳先生你好, 李小姐 您好) and a group (大家好 has no 你) are not names; the title pass takes
// 陳大文先生你好.
func (st *scanState) greetingName(g int) {
	text := st.text
	ls := g
	for ls > 0 && text[ls-1] != '\n' {
		ls--
		if g-ls > 64 {
			return // longer than a name
		}
	}
	b := trimSpaceBytes(text[ls:g])
	if len(b) == 0 || addressForm(b) || honorificNameEnd(b) > 0 || !fullNameByPosition(b) {
		return
	}
	st.addNameIn(ls, g, b)
}

// cueName reports the Chinese name right after a cue word ending at v (nameCueAt), and the
// person's Latin name in brackets after it (程明哲（Derick Yip）). Chinese puts no space
// between the words, so the name must fill what stands before a boundary: 的, a bracket, a
// comma, a space, a digit or the end (新同事程明哲（…）, 同事 韓昊然 身分證…). A customer is
// named glued and before 的 or a bracket (客户葛楷瑞的手机号, 客戶陳紫文（HKID…）): "到客戶
// 黃志強 公司" may name a firm. The name passes the strict test of the overloaded key, and
// two characters (客户常波的手机号) only before 的 and the person's data or between spaces:
// two characters glued to a cue are as often a word (客戶關係的).
func (st *scanState) cueName(v int) {
	text := st.text
	customer := text[v-1] == 0xB6 || text[v-1] == 0xB7 // 客戶, 客户; not 同事, 屋企人
	spaced := v < len(text) && text[v] == ' ' && !customer
	if spaced {
		v++
	}
	if hanSurnameLen(text[v:]) == 0 {
		return // 客戶服務主任, 同事們: no name starts here
	}
	e, han := v, 0
	for e < len(text) && han <= 4 {
		r, size := decodeRune(text[e:])
		if !isHan(r) || size != 3 || r == '的' {
			break
		}
		e += size
		han++
	}
	if han < 2 || han > 4 || !cueNameEnd(text, e) {
		return
	}
	if han == 4 && hanSurnameLen(text[v:]) <= 3 {
		return // 客戶黃金會籍的, 同事高鐵出差的: four characters after one surname are a phrase
	}
	if r, _ := utf8.DecodeLastRune(text[v:e]); shopSuffix(r) {
		return // 客戶李錦記的, 何洪記, 陳意齋: a shop's name, not a person's
	}
	of := hasPrefixBytes(text[e:], "的")
	if customer && !(of || hasPrefixBytes(text[e:], "（") || e < len(text) && text[e] == '(') {
		return
	}
	if han == 2 && !(of && personDataAt(text, e+3)) && !(spaced && e < len(text) && text[e] == ' ') {
		// Two characters: before 的 and the person's data, or standing apart between
		// spaces (台灣同事 馬大 身分證…).
		return
	}
	b := text[v:e]
	if addressForm(b) || honorificNameEnd(b) > 0 || !looksLikeName(b, true, true) {
		return // 客戶陳生的, 客戶王先生: an address, not a name (the title is read on its own)
	}
	st.add(cand{t: tPersonName, start: v, end: e, score: scoreShapeCtx, flags: fCtxProof})
	if c := noteEnd(text, e); c > 0 && otherName(b, text[v:c]) {
		_, is, ie := nameNote(text[v:c])
		ts, te := trimBounds(text[v+is : v+ie])
		st.add(cand{t: tPersonName, start: v + is + ts, end: v + is + te, score: scoreShapeCtx, flags: fCtxProof})
	}
}

// recordLatinName reports a Latin full name — two to four words, no Han — that names no
// role, shared account, organisation or place: what a user record's name holds when its
// surname is one the detector does not know (Rosemary Gorczany).
func recordLatinName(b []byte) bool {
	b = trimSpaceBytes(b)
	if len(b) == 0 || hasHan(b) || bytes.IndexByte(b, ' ') < 0 || hasOrgWord(b) || latinPlace(b) {
		return false
	}
	for w := range bytes.FieldsSeq(b) {
		var low [12]byte
		switch string(lowerFit(low[:], bytes.Trim(w, "()"))) {
		case "admin", "administrator", "account", "helpdesk", "desk", "reception", "guest", "system",
			"mailbox", "pool", "vacant", "driver", "security", "test", "testing", "demo", "sample",
			"user", "support", "it", "hr", "finance", "sales", "operations", "shared", "general",
			"assistant", "manager", "officer", "secretary", "front", "counter", "temp", "intern":
			return false
		}
	}
	return true
}

// shopSuffix reports the characters Hong Kong shops and brands end their names with
// (李錦記, 陳意齋, 余仁堂, 永安行, 蓮香樓): a name read after a cue that ends
// in one names a business. (Not 軒: it ends many given names, 張鈺軒.)
func shopSuffix(r rune) bool {
	switch r {
	case '記', '记', '齋', '斋', '堂', '號', '号', '行', '莊', '庄', '樓', '楼', '館', '馆', '店', '坊', '閣', '阁':
		return true
	}
	return false
}

// cueNameEnd reports a boundary at e that ends a name in running text.
func cueNameEnd(text []byte, e int) bool {
	if e >= len(text) {
		return true
	}
	switch c := text[e]; {
	case c == ' ' || c == ',' || c == '(' || c == '\n' || isDigit(c):
		return true
	case c >= utf8.RuneSelf:
		switch r, _ := decodeRune(text[e:]); r {
		case '的', '（', '，', '、', '。', '；':
			return true
		}
	}
	return false
}

// personData are the words of a person's data that follow "客户X的".
var personData = []string{"手機", "手机", "電話", "电话", "身份", "地址", "住址", "電郵", "电邮",
	"郵箱", "邮箱", "護照", "护照", "銀行", "银行", "帳戶", "账户", "賬戶", "生日", "出生"}

func personDataAt(text []byte, i int) bool {
	for _, w := range personData {
		if hasPrefixBytes(text[i:], w) {
			return true
		}
	}
	return false
}

// honorificNameStart returns where the name ending before the title at t starts, or -1.
// Chinese puts no space before a name, so where it starts is read from the characters: a
// compound surname and one or two given characters (歐陽小明, 司徒文), else a surname and two
// (黃志強) or one (張偉), the shorter reading taken where the longer one starts with a
// function word (由張偉) or a rarer surname before a common one (任陳偉), or a post ends
// before it (主任金明).
func honorificNameStart(text []byte, t int) int {
	var c [6]rune // c[1] is the character right before the title, c[2] the one before …
	var at [6]int // where c[k] starts
	m := 0
	for k, j := 1, t; k < len(c) && j >= 3; k++ {
		r, size := decodeRune(text[j-3:])
		if size != 3 || !isHan(r) {
			break
		}
		j -= 3
		c[k], at[k] = r, j
		m = k
	}
	if m < 2 || notBeforeHonorificSet.has(c[1]) || topSurnameSet.has(c[1]) {
		return -1
	}
	if cjkSurnameBits.has(c[1]) && honorificFuncSet.has(c[2]) {
		return -1 // 向湯先生, 于何先生: a verb and a surname, an address
	}
	ok := func(k int) bool { return k <= m && looksLikeName(text[at[k]:t], true, false) }
	// A compound surname and two given characters, or one.
	if m >= 4 && compoundSurname([2]rune{c[4], c[3]}) && ok(4) {
		return at[4]
	}
	if m >= 3 && compoundSurname([2]rune{c[3], c[2]}) && ok(3) {
		return at[3]
	}
	if m >= 4 && compoundSurname([2]rune{c[4], c[3]}) || m >= 3 && compoundSurname([2]rune{c[3], c[2]}) ||
		compoundSurname([2]rune{c[2], c[1]}) {
		// No reading cuts a compound surname: 歐陽先生 is an address, and 侯昊強 read out
		// of 夏侯昊強 would leave part of the name.
		return -1
	}
	three := m >= 3 && cjkSurnameBits.has(c[3]) && ok(3)
	two := cjkSurnameBits.has(c[2]) && ok(2)
	if three && two && (honorificFuncSet.has(c[3]) ||
		!topSurnameSet.has(c[3]) && topSurnameSet.has(c[2]) ||
		m >= 4 && (postWord[[2]rune{c[4], c[3]}] || workflowStep[[2]rune{c[4], c[3]}])) {
		return at[2]
	}
	switch {
	case three && m == 4 && topSurnameSet.has(c[4]) && topSurnameSet.has(c[3]) && ok(4):
		// 李陳美玲女士: a married woman's name, her husband's surname before her own, with
		// nothing else before it.
		return at[4]
	case three:
		return at[3]
	case two:
		return at[2]
	}
	return -1
}
