package fakedata

import "strings"

// surname pairs a common Hong Kong surname with its Cantonese (HK government) romanisation.
type surname struct{ zh, en string }

var surnames = []surname{
	{"陳", "CHAN"}, {"李", "LEE"}, {"張", "CHEUNG"}, {"黃", "WONG"}, {"何", "HO"}, {"林", "LAM"},
	{"梁", "LEUNG"}, {"劉", "LAU"}, {"吳", "NG"}, {"鄭", "CHENG"}, {"王", "WONG"}, {"楊", "YEUNG"},
	{"郭", "KWOK"}, {"曾", "TSANG"}, {"謝", "TSE"}, {"蔡", "CHOI"}, {"羅", "LAW"}, {"麥", "MAK"},
	{"馮", "FUNG"}, {"葉", "YIP"}, {"鄧", "TANG"}, {"蕭", "SIU"}, {"袁", "YUEN"}, {"周", "CHOW"},
	{"許", "HUI"}, {"朱", "CHU"}, {"潘", "POON"}, {"盧", "LO"}, {"余", "YU"}, {"杜", "TO"},
	{"譚", "TAM"}, {"胡", "WU"}, {"關", "KWAN"}, {"莫", "MOK"}, {"馬", "MA"}, {"徐", "TSUI"},
	{"歐陽", "AU YEUNG"}, {"司徒", "SZETO"},
}

// givenName pairs a two- or one-character given name with its romanisation.
type givenName struct{ zh, en string }

var givenNames = []givenName{
	{"大文", "Tai Man"}, {"嘉欣", "Ka Yan"}, {"小明", "Siu Ming"}, {"美玲", "Mei Ling"},
	{"志強", "Chi Keung"}, {"家豪", "Ka Ho"}, {"詠詩", "Wing Sze"}, {"偉文", "Wai Man"},
	{"子健", "Tsz Kin"}, {"麗華", "Lai Wah"}, {"俊傑", "Chun Kit"}, {"思穎", "Sze Wing"},
	{"國榮", "Kwok Wing"}, {"淑儀", "Suk Yee"}, {"浩然", "Ho Yin"}, {"凱琳", "Hoi Lam"},
	{"振華", "Chun Wah"}, {"文傑", "Man Kit"}, {"曉彤", "Hiu Tung"}, {"嘉偉", "Ka Wai"},
	{"雅婷", "Nga Ting"}, {"建明", "Kin Ming"}, {"秀英", "Sau Ying"}, {"志明", "Chi Ming"},
	{"寶儀", "Po Yee"}, {"家樂", "Ka Lok"}, {"穎欣", "Wing Yan"}, {"永康", "Wing Hong"},
	{"明", "Ming"}, {"欣", "Yan"}, {"強", "Keung"}, {"華", "Wah"},
}

var westernNames = []string{
	"Peter", "Mary", "John", "Grace", "Kelvin", "Winnie", "Ivan", "Karen", "Jason", "Cathy",
	"Alex", "Eric", "Ada", "Vincent", "Gigi", "Kenneth", "Joyce", "Raymond", "Iris", "Tommy",
	"Fiona", "Samuel", "Queenie", "Marco", "Yvonne", "Derek", "Heidi", "Calvin", "Michelle", "Ricky",
}

// person is one consistent identity: the same name in Chinese and both English forms.
type person struct {
	sur     surname
	given   givenName
	western string
}

func (g *Gen) person() person {
	// Compound surnames are rare in Hong Kong; keep them rare.
	var s surname
	if g.Chance(0.03) {
		s = surnames[len(surnames)-2+g.Intn(2)]
	} else {
		s = surnames[g.Intn(len(surnames)-2)]
	}
	p := person{sur: s, given: givenNames[g.Intn(len(givenNames))]}
	if g.Chance(0.6) {
		p.western = g.Pick(westernNames)
	}
	return p
}

// zh is the full Chinese name, e.g. "陳大文".
func (p person) zh() string { return p.sur.zh + p.given.zh }

// surnameTitle is the surname as written in running text: "Chan", "Au Yeung".
func (p person) surnameTitle() string {
	words := strings.Fields(strings.ToLower(p.sur.en))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// legalEN is the name as printed on an HKID card: "CHAN, Tai Man".
func (p person) legalEN() string { return p.sur.en + ", " + p.given.en }

// displayEN is the everyday English name: "Peter Chan", or "Tai Man Chan" without one.
func (p person) displayEN() string {
	first := p.western
	if first == "" {
		first = p.given.en
	}
	return first + " " + p.surnameTitle()
}

// NameZH returns a traditional Chinese full name of 2–4 characters, e.g. "陳大文".
func (g *Gen) NameZH() string { return g.person().zh() }

// NameEN returns an English given name and surname: a romanised Cantonese given name
// ("Tai Man", "CHAN") or, often, a Western one ("Peter", "CHAN").
func (g *Gen) NameEN() (given, surname string) {
	p := g.person()
	if p.western != "" && g.Chance(0.5) {
		return p.western, p.sur.en
	}
	return p.given.en, p.sur.en
}

// NameDisplayEN returns an everyday English full name such as "Peter Chan".
func (g *Gen) NameDisplayEN() string { return g.person().displayEN() }

// NameLegalEN returns a name as printed on an identity card, such as "CHAN, Tai Man".
func (g *Gen) NameLegalEN() string { return g.person().legalEN() }

// Relations used for emergency contacts (Chinese, as HR systems record them).
var relations = []string{"配偶", "父親", "母親", "兄弟", "姊妹", "子女", "朋友", "丈夫", "妻子"}

// Relation returns an emergency-contact relationship such as "配偶".
func (g *Gen) Relation() string { return g.Pick(relations) }
