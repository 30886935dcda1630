package fakedata

import (
	"fmt"
	"strconv"
)

// street is a real Hong Kong street with its district and region in both languages.
type street struct {
	en, zh             string
	districtEN, distZH string
	regionEN, regionZH string
}

var streets = []street{
	{"Nathan Road", "彌敦道", "Mong Kok", "旺角", "Kowloon", "九龍"},
	{"Nathan Road", "彌敦道", "Yau Ma Tei", "油麻地", "Kowloon", "九龍"},
	{"Kwun Tong Road", "觀塘道", "Kwun Tong", "觀塘", "Kowloon", "九龍"},
	{"Hoi Bun Road", "海濱道", "Kwun Tong", "觀塘", "Kowloon", "九龍"},
	{"Canton Road", "廣東道", "Tsim Sha Tsui", "尖沙咀", "Kowloon", "九龍"},
	{"Chatham Road South", "漆咸道南", "Tsim Sha Tsui", "尖沙咀", "Kowloon", "九龍"},
	{"Sai Yeung Choi Street South", "西洋菜南街", "Mong Kok", "旺角", "Kowloon", "九龍"},
	{"Yee Kuk Street", "醫局街", "Sham Shui Po", "深水埗", "Kowloon", "九龍"},
	{"Prince Edward Road West", "太子道西", "Kowloon City", "九龍城", "Kowloon", "九龍"},
	{"Hennessy Road", "軒尼詩道", "Wan Chai", "灣仔", "Hong Kong", "香港"},
	{"Des Voeux Road Central", "德輔道中", "Central", "中環", "Hong Kong", "香港"},
	{"Queen's Road Central", "皇后大道中", "Central", "中環", "Hong Kong", "香港"},
	{"King's Road", "英皇道", "North Point", "北角", "Hong Kong", "香港"},
	{"Shau Kei Wan Road", "筲箕灣道", "Sai Wan Ho", "西灣河", "Hong Kong", "香港"},
	{"Electric Road", "電氣道", "Fortress Hill", "炮台山", "Hong Kong", "香港"},
	{"Castle Peak Road", "青山公路", "Tsuen Wan", "荃灣", "New Territories", "新界"},
	{"Sha Tin Centre Street", "沙田正街", "Sha Tin", "沙田", "New Territories", "新界"},
	{"Ma On Shan Road", "馬鞍山路", "Ma On Shan", "馬鞍山", "New Territories", "新界"},
	{"Tuen Mun Heung Sze Wui Road", "屯門鄉事會路", "Tuen Mun", "屯門", "New Territories", "新界"},
	{"On Ning Road", "安寧路", "Yuen Long", "元朗", "New Territories", "新界"},
	{"Kwai Chung Road", "葵涌道", "Kwai Chung", "葵涌", "New Territories", "新界"},
	{"Tat Tung Road", "達東路", "Tung Chung", "東涌", "New Territories", "新界"},
}

// Districts for office locations and bank branches.
var (
	districtsZH = []string{"旺角", "觀塘", "尖沙咀", "中環", "灣仔", "北角", "沙田", "荃灣", "銅鑼灣", "九龍灣", "葵涌", "元朗"}
	districtsEN = []string{"Mong Kok", "Kwun Tong", "Tsim Sha Tsui", "Central", "Wan Chai", "North Point", "Sha Tin", "Tsuen Wan", "Causeway Bay", "Kowloon Bay", "Kwai Chung", "Yuen Long"}
)

// AddressHK returns a residential Hong Kong address in English ("Flat B, 12/F, 688 Nathan
// Road, Mong Kok, Kowloon") or Chinese ("香港九龍旺角彌敦道688號12樓B室").
func (g *Gen) AddressHK() string {
	s := streets[g.Intn(len(streets))]
	no := g.Between(1, 999)
	floor := g.Between(1, 45)
	flat := string(byte('A' + g.Intn(8)))
	if g.Chance(0.5) {
		block := ""
		if g.Chance(0.3) {
			block = "Block " + strconv.Itoa(g.Between(1, 6)) + ", "
		}
		return fmt.Sprintf("Flat %s, %d/F, %s%d %s, %s, %s", flat, floor, block, no, s.en, s.districtEN, s.regionEN)
	}
	region := s.regionZH
	if region == "香港" {
		region = "" // Hong Kong Island addresses read 香港灣仔…, not 香港香港灣仔…
	}
	if g.Chance(0.3) {
		// Office-style Chinese address, as in DingTalk's work_place and many HR forms.
		return fmt.Sprintf("香港%s%s%s%d號%d樓", region, s.distZH, s.zh, no, floor)
	}
	return fmt.Sprintf("香港%s%s%s%d號%d樓%s室", region, s.distZH, s.zh, no, floor, flat)
}

// District returns a district name, Chinese or English, for office locations.
func (g *Gen) District() string {
	if g.Chance(0.5) {
		return g.Pick(districtsZH)
	}
	return g.Pick(districtsEN)
}
