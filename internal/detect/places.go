package detect

import "strings"

// Hong Kong's districts and the areas people name in messages, romanised as Cantonese is:
// they read as names do ("Sha Tin", "Wong Tai Sin", "Lai Chi Kok" — a known surname and
// given-name-like syllables), so where a name is read by its position rather than after a
// label (a message's opening name, a remark's first clause), a place is ruled out first.
const hkPlacesLatin = "central|western|wan chai|eastern|southern|yau tsim mong|sham shui po|kowloon city|" +
	"wong tai sin|kwun tong|kwai tsing|tsuen wan|tuen mun|yuen long|north|tai po|sha tin|sai kung|" +
	"islands|causeway bay|mong kok|tsim sha tsui|jordan|yau ma tei|prince edward|sheung wan|" +
	"admiralty|quarry bay|tai koo|taikoo|chai wan|aberdeen|ap lei chau|stanley|repulse bay|" +
	"pok fu lam|pokfulam|kennedy town|happy valley|north point|fortress hill|tin hau|shau kei wan|" +
	"siu sai wan|hung hom|to kwa wan|ho man tin|kowloon tong|kowloon bay|ngau tau kok|lam tin|" +
	"yau tong|diamond hill|san po kong|tsz wan shan|lok fu|wang tau hom|cheung sha wan|lai chi kok|" +
	"mei foo|shek kip mei|tai kok tsui|kwai chung|kwai fong|tsing yi|tin shui wai|fanling|" +
	"sheung shui|ma on shan|tseung kwan o|hang hau|po lam|tai wai|fo tan|tung chung|lantau|" +
	"discovery bay|cheung chau|lamma|sai ying pun|mid-levels|mid levels|wong chuk hang|" +
	"chek lap kok|lo wu|lok ma chau|kam tin|sai wan ho|heng fa chuen|tai koo shing|lohas park|" +
	"tiu keng leng|choi hung|whampoa|cyberport|clear water bay|tai hang|" +
	"sham tseng|ma wan|tai o|mui wo|sai wan|shek o|lei yue mun|kwai hing|" +
	"lai king|tsuen wan west|nam cheong|olympic|austin|hong kong|" +
	"hong kong island|kowloon|new territories|shenzhen|guangzhou|macau|macao|taipei|shanghai|beijing"

// Hong Kong's best-known firms, shops and malls, named as people are (a founder's name, a
// lucky phrase): a salutation, a greeting or a user record holding one ("Dear Lee Kum Kee,",
// "Chow Tai Fook 你好") names a business. The list is short on purpose: it holds the names
// every Hong Kong company writes to, not a directory.
const hkBrandsLatin = "lee kum kee|hang seng|wing on|sun hung kai|chow tai fook|chow sang sang|luk fook|" +
	"harbour city|cheung kong|hutchison|swire|jardine|li & fung|wing lung|dah sing|chong hing|" +
	"hang lung|henderson|new world|kerry|wing tai|tai cheong|kam wah|man yee|yung kee|tim ho wan|" +
	"ho lee fook|fook lam moon|lin heung|hui lau shan|hung fook tong|yan oi tong|po leung kuk|" +
	"tung wah|kai tak|lee garden|lee gardens|times square|pacific place|festival walk|" +
	"langham place|hysan place|olympian city|citygate|tai hing|maxim's|cafe de coral|fairwood|" +
	"wai yuen tong|chan brothers|wong chi kei|mak's noodle|tsui wah|kam kee|lan fong yuen"

var hkPlaceSet = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(hkPlacesLatin+"|"+hkBrandsLatin, "|") {
		m[p] = true
	}
	return m
}()

// latinPlace reports whether b (a few words) is a Hong Kong place, a nearby city or one of
// Hong Kong's best-known firms.
func latinPlace(b []byte) bool {
	if len(b) > 32 {
		return false
	}
	var low [32]byte
	return hkPlaceSet[string(lowerFit(low[:], b))]
}
