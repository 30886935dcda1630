package detect

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hkpii/dingtalk-pii-proxy/internal/widthfold"
)

// toFullWidth writes the ASCII digits, letters and + - . @ ( ) of s in their full-width
// forms, and each space as an ideographic space when ideo is set.
func toFullWidth(s string, ideo bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', strings.ContainsRune("+-.@()", r):
			b.WriteRune(r - 0x21 + 0xFF01)
		case r == ' ' && ideo:
			b.WriteRune('\u3000')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestFoldMap(t *testing.T) {
	for _, in := range []string{
		"", "abc", "９１２３ ４５６７", "+852　9123　4567", "手機：１３８００１３８０００",
		"Ａ１２３４５６（７）", "姓名：　陳大文", "1　2", "1　x", "x　1", "\xef\xbc", "\xef\xbc\xef\xbc\x90",
	} {
		var fd folded
		fd.fold([]byte(in))
		if fd.orig(0) != 0 || fd.orig(len(fd.b)) != len(in) {
			t.Errorf("%q: map does not span the text: %d..%d", in, fd.orig(0), fd.orig(len(fd.b)))
		}
		for j := 0; j < len(fd.b); j++ {
			o, e := fd.orig(j), fd.orig(j+1)
			if e-o == 1 && in[o] != fd.b[j] || e-o == 3 && fd.b[j] >= utf8.RuneSelf || e-o != 1 && e-o != 3 {
				t.Errorf("%q: folded byte %d (%q) maps to %q", in, j, fd.b[j], in[o:e])
			}
		}
		if got := string(widthfold.Append([]byte("x"), []byte(in))); got != "x"+string(fd.b) {
			t.Errorf("widthfold.Append(%q) = %q, want %q", in, got, "x"+string(fd.b))
		}
	}
}

func TestNeedsFold(t *testing.T) {
	for in, want := range map[string]bool{
		"":                         false,
		"A123456（7）":               false, // read as it is by the HKID bracket reader
		"金額（元）：300":                false,
		"（852）9123 4567":           true, // a country code in full-width brackets
		"（1）見附件":                   false,
		"姓名：　陳大文":                  false,
		"2024年1月1日　星期一":            false,
		"電話：9123　4567":             true,
		"９":                        true,
		"ｘ":                        true,
		"＋":                        true,
		"\xef\xbc":                 false,
		"1\xe3\x80\x80":            false,
		"\xe3\x80\x80" + "1":       false,
		"一二三四五六七八，１":               true,
		strings.Repeat("陳", 100):   false,
		strings.Repeat("。、", 100):  false,
		strings.Repeat("1。", 100):  false,
		strings.Repeat("1　a", 100): false,
	} {
		if got := needsFold([]byte(in)); got != want {
			t.Errorf("needsFold(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestFullWidth: a value typed with full-width forms is found as its ASCII form would be,
// with the span over the original bytes; where the ASCII form is no PII, neither is it.
func TestFullWidth(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	type want struct {
		typ  Type
		text string // the finding's bytes in the value; "" for no finding
	}
	for _, tc := range []struct {
		key, text string
		want      []want
	}{
		{"mobile", "９１２３４５６７", []want{{HKPhone, "９１２３４５６７"}}},
		{"remark", "手機：１３８００１３８０００", []want{{CNMobile, "１３８００１３８０００"}}},
		{"remark", "手機：１３８ ００１３ ８０００。", []want{{CNMobile, "１３８ ００１３ ８０００"}}},
		{"remark", "請致電 +852　9123　4567", []want{{HKPhone, "+852　9123　4567"}}},
		{"remark", "請致電 ＋852 9123 4567", []want{{HKPhone, "＋852 9123 4567"}}},
		{"remark", "請致電＋８５２－９１２３－４５６７謝謝", []want{{HKPhone, "＋８５２－９１２３－４５６７"}}},
		{"remark", "電話：（８５２）９１２３　４５６７", []want{{HKPhone, "（８５２）９１２３　４５６７"}}},
		{"remark", "電話：９１２３　４５６７", []want{{HKPhone, "９１２３　４５６７"}}},
		{"remark", "電話：（852）9123 4567", []want{{HKPhone, "（852）9123 4567"}}},
		{"remark", "電話：9123　4567", []want{{HKPhone, "9123　4567"}}},
		{"remark", "身份證 Ａ１２３４５６（３）", []want{{HKID, "Ａ１２３４５６（３）"}}},
		{"remark", "身份證 ａ１２３４５６（３）", []want{{HKID, "ａ１２３４５６（３）"}}},
		{"remark", "身份證A123456（3）已核實", []want{{HKID, "A123456（3）"}}},
		{"remark", "身份證 Ａ１２３４５６(３)", []want{{HKID, "Ａ１２３４５６(３)"}}},
		{"certNo", "Ａ１２３４５６３", []want{{HKID, "Ａ１２３４５６３"}}},
		{"remark", "身份證號碼１１０１０５１９４９１２３１００２Ｘ", []want{{CNID, "１１０１０５１９４９１２３１００２Ｘ"}}},
		{"remark", "電郵：ｔａｉｍａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", []want{{Email, "ｔａｉｍａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ"}}},
		{"remark", "卡號 ４１１１　１１１１　１１１１　１１１１", []want{{CreditCard, "４１１１　１１１１　１１１１　１１１１"}}},
		{"remark", "IP １９２．１６８．１．２０", []want{{IPv4, "１９２．１６８．１．２０"}}},
		{"birthday", "１９８８－０７－１４", []want{{DateOfBirth, "１９８８－０７－１４"}}},
		{"remark", "電話：９１２３４５６７，手機：９８７６５４３２", []want{{HKPhone, "９１２３４５６７"}, {HKPhone, "９８７６５４３２"}}},
		// Mixed with CJK around it and plain ASCII elsewhere: spans stay on the right bytes.
		{"remark", "陳大文 9123 4567 或 ９８７６ ５４３２", []want{{HKPhone, "9123 4567"}, {HKPhone, "９８７６ ５４３２"}}},

		// False positives stay out as in ASCII.
		{"remark", "訂單 ＰＯ－１２３４５６７８", nil},         // a code, like PO-12345678
		{"remark", "金額 １２，３４５，６７８元", nil},         // ， is not folded: no run
		{"remark", "共 ９１２３４５６７元", nil},            // an amount
		{"remark", "版本 ｖ１．２．３．４", nil},            // a version
		{"remark", "時間 2024年1月1日　下午3時", nil},      // layout space
		{"userid", "０１２３４５６７８９", nil},             // an id key
		{"remark", "９１２３４５６７８９０１２", nil},          // a 13-digit epoch
		{"remark", "Ａ１２３４５６（７）", nil},             // wrong HKID check digit
		{"remark", "１２３４　ａｂｃ", nil},               // ideographic space not between digits
		{"mobile", "９***４５６７", nil},               // already masked
		{"mobile", "＋８５２　９***　４５６７", nil},         // already masked
		{"remark", "ｔ***＠ｅｘａｍｐｌｅ．ｃｏｍ", nil},       // already masked
		{"certNo", "Ａ１２３***（*）", nil},             // already masked
		{"remark", "身份證 １１０***********００２Ｘ", nil}, // already masked
		{"remark", "卡號 ****　****　****　１１１１", nil}, // already masked
		{"birthday", "１９８８－**－**", nil},           // already masked
		{"remark", "（備註）：全形（括號）不變", nil},
	} {
		text := []byte(tc.text)
		got := s.ScanText(text, &Field{Key: tc.key}, nil)
		checkFindings(t, text, got, DefaultThreshold)
		ok := len(got) == len(tc.want)
		for i := 0; ok && i < len(got); i++ {
			ok = got[i].Type == tc.want[i].typ && tc.text[got[i].Start:got[i].End] == tc.want[i].text
		}
		if !ok {
			t.Errorf("%s: %q: got %s, want %v", tc.key, tc.text, describe(tc.text, got), tc.want)
		}
	}
}

// TestFullWidthLikeASCII: for every true and false positive case, the full-width spelling
// is found exactly where the ASCII one is (of the same types, over the same characters).
func TestFullWidthLikeASCII(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	n := 0
	defer func() { t.Logf("%d cases compared", n) }()
	for _, c := range allCases {
		for _, tc := range append(append([]tcase{}, c.tp...), c.fp...) {
			fw := toFullWidth(tc.text, false)
			if fw == tc.text || tc.number {
				continue
			}
			f := &Field{Key: tc.key, Label: tc.label}
			a := s.ScanText([]byte(tc.text), f, nil)
			b := s.ScanText([]byte(fw), f, nil)
			checkFindings(t, []byte(fw), b, DefaultThreshold)
			same := len(a) == len(b)
			for i := 0; same && i < len(a); i++ {
				same = a[i].Type == b[i].Type && toFullWidth(tc.text[a[i].Start:a[i].End], false) == fw[b[i].Start:b[i].End]
			}
			n++
			if !same {
				t.Errorf("%s/%s %q: ASCII %s; full-width %s", tc.key, tc.label, tc.text, describe(tc.text, a), describe(fw, b))
			}
		}
	}
}

func TestFullWidthZeroAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	s := newTestScanner(t, ScannerOptions{})
	texts := [][]byte{[]byte("手機：１３８００１３８０００，電話 +852　9123　4567"), []byte("身份證 Ａ１２３４５６（３）")}
	f := &Field{Key: "remark"}
	out := make([]Finding, 0, 16)
	allocs := testing.AllocsPerRun(50, func() {
		for _, b := range texts {
			out = s.ScanText(b, f, out[:0])
		}
	})
	if allocs != 0 {
		t.Errorf("ScanText of full-width values allocates %.1f times per run in steady state", allocs)
	}
}
