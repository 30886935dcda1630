package detect

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// checkFindings asserts the ScanText output contract.
// A UTF-8 boundary is an offset the decoder stops at when it walks the text from the start
// (an invalid byte decodes as one U+FFFD, so it is bounded on both sides).
func checkFindings(t testing.TB, text []byte, fs []Finding, threshold float64) {
	t.Helper()
	boundary := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		boundary[i] = true
		_, size := utf8.DecodeRune(text[i:])
		i += size
	}
	boundary[len(text)] = true
	for i, f := range fs {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
			t.Fatalf("finding %d %+v outside text of %d bytes", i, f, len(text))
		}
		if !boundary[f.Start] || !boundary[f.End] {
			t.Fatalf("finding %d %+v not on UTF-8 boundaries in %q", i, f, text)
		}
		if f.Score < threshold || f.Score > 1 {
			t.Fatalf("finding %d %+v: score outside [%v, 1]", i, f, threshold)
		}
		if i > 0 && f.Start < fs[i-1].End {
			t.Fatalf("findings %d and %d overlap or are unsorted: %+v %+v in %q", i-1, i, fs[i-1], f, text)
		}
	}
}

// Hard negatives: values that look numeric or structured but are not personal data. Each
// is scanned under its usual key and in free text; nothing may be found.
func hardNegatives() []tcase {
	cases := []tcase{
		{text: "1617206400000", key: "hired_date", number: true},
		{text: "1742264100000", key: "createAt", number: true},
		{text: "1742264100000", key: "time"},
		{text: "ts 1742264100000 ok", key: "remark"},
		{text: "1742269500000", key: "sessionWebhookExpiredTime", number: true},
		{text: "583201457", key: "dept_id", number: true},
		{text: "58320145", key: "dept_id", number: true},
		{text: "176364576", key: "order", number: true},
		{text: "2987654321", key: "agent_id", number: true},
		{text: "256271667526", key: "task_id", number: true},
		{text: "79512345678", key: "taskId", number: true},
		{text: "202503181015000123456", key: "businessId"},
		{text: "583201457", key: "originatorDeptId"},
		{text: "Qm7iSZx8JdFiiE2YtPz0aFwiEiE", key: "unionid"},
		{text: "chantaiman", key: "userid"},
		{text: "dingFAKEcorp0000000000000000000001", key: "corpId"},
		{text: "a171de6c-8bf8-4bd0-b0d6-15cbd3a6a2fa", key: "processInstanceId"},
		{text: "3k9xh2mf0q7a", key: "request_id"},
		{text: "8c3f6e0a2b1d4f7e9a5c0b2d4e6f8a1c", key: "access_token"},
		{text: "bTpRbWd2FAKEqueryKey==", key: "processQueryKey"},
		{text: "https://static-legacy.dingtalk.com/media/lADPFAKE0001_240_240.jpg", key: "avatar"},
		{text: "https://oapi.dingtalk.com/robot/sendBySession?session=FAKEsession", key: "sessionWebhook"},
		{text: "HK000123", key: "job_number"},
		{text: "HK000187", key: "job_number"},
		{text: "12345678.90", key: "amount"},
		{text: "HK$12,345,678.00", key: "remark"},
		{text: "合計 91234567 元", key: "remark"},
		{text: "金額：HK$ 13800138000", key: "remark"},
		{text: "2025-03-18", key: "remark"},
		{text: "2025/03/18", key: "remark"},
		{text: "18/03/2025", key: "remark"},
		{text: "20250318", key: "remark"},
		{text: "2025-03-18T10:15Z", key: "createTime"},
		{text: "2025-03-24 09:00", key: "remark"},
		{text: "10:15:00", key: "remark"},
		{text: "1.2.3.4.5", key: "remark"},
		{text: "v1.2.3.4", key: "remark"},
		{text: "10.0.19045.1234", key: "osVersion"},
		{text: "version 3.10.2.1", key: "remark"},
		{text: "訂單號 4111111111111111", key: "remark"},
		{text: "SO-2025031800123", key: "remark"},
		{text: "合同編號 440306198807141238", key: "remark"},
		{text: "440306198807141238", key: "contract_no"},
		{text: "A123456(4)", key: "remark"},
		{text: "440306198807141239", key: "remark"},
		{text: "4111111111111112", key: "remark"},
		{text: "O123456(1)", key: "remark"},
		{text: "852", key: "state_code"},
		{text: "true", key: "hide_mobile"},
		{text: "7200", key: "expires_in", number: true},
		{text: "0", key: "errcode", number: true},
		{text: "88", key: "errcode", number: true},
		{text: "ding talk error[subcode=60011,submsg=没有调用该接口的权限]", key: "errmsg"},
		{text: "您的服务器调用钉钉开放平台当前接口的所有请求都被暂时禁用了, apiPath(/user/list), 从 2019-02-13 20:40:04 到 2019-02-13 20:40:04 请求总次数超过了 300 次", key: "errmsg"},
		{text: "[\"2025-03-24 09:00\",\"2025-03-25 18:00\",2,\"day\",\"年假\",\"請假類型\"]", key: "value", label: "[\"開始時間\",\"結束時間\"]"},
		{text: "DDHolidayField-FAKE01", key: "id"},
		{text: "財務部", key: "originatorDeptName"},
		{text: "高級會計主任 Senior Accounting Officer", key: "title"},
		{text: "Kwun Tong", key: "work_place"},
		{text: "sampleMarkdown", key: "msgKey"},
		{text: "$:LWCP_v1:$FAKEbot", key: "dingtalkId"},
		{text: "cidFAKEconv0001==", key: "conversationId"},
		{text: "1.5e10", key: "size", number: true},
		{text: "-12345678", key: "balance", number: true},
	}
	// Generated: Luhn-valid epoch-millisecond and microsecond timestamps, 8-digit ids,
	// 18-digit contract numbers, amounts.
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 40; i++ {
		ms := fmt.Sprint(1_500_000_000_000 + r.Int64N(300_000_000_000))
		us := withLuhn(ms + fmt.Sprintf("%03d", r.IntN(1000)))
		cases = append(cases,
			tcase{text: withLuhn(ms), key: "remark"},
			tcase{text: us, key: "remark"},
			tcase{text: withLuhn(ms), key: "createTime", number: true},
			tcase{text: fmt.Sprintf("%08d", 10_000_000+r.IntN(90_000_000)), key: "dept_id"},
			tcase{text: fmt.Sprintf("部門 %08d", 10_000_000+r.IntN(90_000_000)), key: "remark"},
			tcase{text: fmt.Sprintf("%d%015d", 1+r.IntN(9), r.Int64N(1e15)), key: "contract_no"},
			tcase{text: fmt.Sprintf("%d.%02d", 10_000_000+r.IntN(90_000_000), r.IntN(100)), key: "remark"},
			tcase{text: fmt.Sprintf("%d", 100_000_000+r.IntN(900_000_000)), key: "userid"},
		)
	}
	return cases
}

func TestHardNegatives(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range hardNegatives() {
		got := s.ScanText([]byte(tc.text), &Field{Key: tc.key, Label: tc.label, Number: tc.number}, nil)
		if len(got) > 0 {
			t.Errorf("key=%q %q: want nothing, got %s", tc.key, tc.text, describe(tc.text, got))
		}
	}
}

// Masked output and vault tokens must never be reported again.
func TestMaskedAndTokensNotFound(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	masked := []string{"9***4567", "A123***(*)", "t***@example.com", "ta***an@example.com", "[HKID]",
		"[PHONE]", "[EMAIL]", "****4567", "+852 9***4567", "110101********1234", "4111 **** **** 1111",
		"138****8000", "K38***(*)", "004-***-***678-838", "tok_hkid_ABCDEFGHIJKLMNOPQRSTUVWXYZ",
		"tok_hk_phone_ABCDEFGHIJKLMNOPQRSTUV2345", "tok_email_abcdefghijklmnopqrstuvwxyz",
		"HKID [HKID] 已核實；緊急聯絡人 陳太 [HK_PHONE]", "請致電 9***4567 或電郵 t***@example.com",
		"陳**", "[NAME]", "192.168.*.*"}
	keys := []string{"remark", "mobile", "email", "certNo", "name"}
	for _, m := range masked {
		for _, k := range keys {
			if got := s.ScanText([]byte(m), &Field{Key: k}, nil); len(got) > 0 {
				t.Errorf("key=%q %q: want nothing, got %s", k, m, describe(m, got))
			}
		}
	}
}

func TestScanTextSortedAndNonOverlapping(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	text := []byte("卡 4111 1111 1111 1111；HKID A123456(3)，電話 9123 4567，+852 6123 4567, 13800138000, " +
		"x@example.com, 10.0.0.1, 2001:db8::1, 身份证 11010519491231002X, 004-512-345678-838")
	got := s.ScanText(text, &Field{Key: "remark"}, []Finding{{Type: "keep", Start: 0, End: 1}})
	if len(got) < 10 || got[0].Type != "keep" {
		t.Fatalf("got %v", got)
	}
	checkFindings(t, text, got[1:], DefaultThreshold)
	want := []Type{CreditCard, HKID, HKPhone, HKPhone, CNMobile, Email, IPv4, IPv6, CNID, HKBankAccount}
	for i, w := range want {
		if got[i+1].Type != w {
			t.Errorf("finding %d: %s, want %s (%s)", i, got[i+1].Type, w, describe(string(text), got[1:]))
		}
	}
}

func TestOverlapResolution(t *testing.T) {
	f := []Finding{
		{Type: "a", Start: 0, End: 10, Score: 0.8},
		{Type: "b", Start: 2, End: 6, Score: 0.9},
		{Type: "c", Start: 5, End: 12, Score: 0.9},
		{Type: "d", Start: 11, End: 14, Score: 0.7},
		{Type: "e", Start: 20, End: 22, Score: 0.6},
		{Type: "f", Start: 20, End: 22, Score: 0.6},
	}
	st := scanState{out: f}
	st.resolve()
	var got []string
	for _, x := range st.out {
		got = append(got, fmt.Sprintf("%s%d-%d", x.Type, x.Start, x.End))
	}
	// c (0.9, longer than b) wins first; b overlaps it, a overlaps it; d overlaps c; e before f.
	if strings.Join(got, " ") != "c5-12 e20-22" {
		t.Errorf("got %v", got)
	}
}

func TestNewScannerOptions(t *testing.T) {
	if _, err := NewScanner(ScannerOptions{Threshold: 1.5}); err == nil {
		t.Error("threshold 1.5 accepted")
	}
	if _, err := NewScanner(ScannerOptions{Disabled: []Type{"nope"}}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown disabled type: %v", err)
	}
	_, err := NewScanner(ScannerOptions{Threshold: -1, Custom: []CustomRecognizer{{Type: "hkid", Pattern: "x"}}})
	if err == nil || !strings.Contains(err.Error(), "threshold") || !strings.Contains(err.Error(), "clashes") {
		t.Errorf("want both errors at once, got %v", err)
	}
	s := newTestScanner(t, ScannerOptions{Disabled: []Type{HKPhone, IPv6}})
	types := s.Types()
	if len(types) != len(BuiltinTypes)-2 {
		t.Errorf("Types() = %v", types)
	}
	for _, ty := range types {
		if ty == HKPhone || ty == IPv6 {
			t.Errorf("disabled type %s in Types()", ty)
		}
	}
	text := []byte("電話 9123 4567 HKID A123456(3)")
	got := s.ScanText(text, &Field{Key: "remark"}, nil)
	if len(got) != 1 || got[0].Type != HKID {
		t.Errorf("disabled hk_phone still reported: %s", describe(string(text), got))
	}
	// A higher threshold drops the weaker findings.
	hi := newTestScanner(t, ScannerOptions{Threshold: 0.9})
	text = []byte("Office 2123 4567, HKID A123456(3), 13800138000")
	got = hi.ScanText(text, &Field{Key: "remark"}, nil)
	if len(got) != 1 || got[0].Type != HKID {
		t.Errorf("threshold 0.9: %s", describe(string(text), got))
	}
}

func TestScanTextNilFieldAndEmpty(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	if got := s.ScanText(nil, nil, nil); got != nil {
		t.Errorf("empty text: %v", got)
	}
	got := s.ScanText([]byte("A123456(3)"), nil, nil)
	if len(got) != 1 || got[0].Type != HKID {
		t.Errorf("nil field: %v", got)
	}
}

func TestScanTextConcurrent(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{Custom: []CustomRecognizer{{Type: "staff_no", Pattern: `STF-\d{6}`}}})
	texts := [][]byte{[]byte(freeTextSample), []byte(chineseSample), []byte("STF-123456 A123456(3)")}
	want := make([][]Finding, len(texts))
	for i, tx := range texts {
		want[i] = s.ScanText(tx, &Field{Key: "remark"}, nil)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out []Finding
			for k := 0; k < 200; k++ {
				i := k % len(texts)
				out = s.ScanText(texts[i], &Field{Key: "remark"}, out[:0])
				if fmt.Sprint(out) != fmt.Sprint(want[i]) {
					t.Errorf("concurrent result differs for text %d", i)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// Realistic inputs shared by the allocation test and the benchmarks.
const (
	freeTextSample = "陳大文 (Peter Chan) 你好：你的強積金登記需補交身份證 A123456(3) 副本，如有疑問請致電 9123 4567 或電郵 taiman.chan@example.com。" +
		"Grace Lee 李嘉欣, HKID K382716(A), 銀行戶口 004-512-345678-838. Meeting at 10:15 on 2025-03-18, room 1203, budget HK$12,500.00. " +
		"請幫我更新緊急聯絡人：黃美玲 6123 4567，我的身份證 A123456(3)。Order SO-2025031800123 shipped; tracking 7712345678901. " +
		"Please call +852 6876 5432 or email hr@hk.example.com before Friday. 内地同事请联系 13800138000。"
	chineseSample = "各位同事：本週五下午三時將於總部大樓舉行季度業務回顧會議，請各部門負責人準備簡報並於會前提交。" +
		"會議將討論市場推廣策略、客戶服務改善計劃以及新系統上線安排。如未能出席，請預先通知行政部安排代表。" +
		"另外，年度體檢安排已經公布，請同事留意電郵通知並按時出席。多謝合作！祝工作順利，週末愉快。" +
		"各位同事：本週五下午三時將於總部大樓舉行季度業務回顧會議，請各部門負責人準備簡報並於會前提交。"
)

// idValues are the id-like values of a typical DingTalk response, with their keys.
var idValues = []struct {
	key    string
	text   string
	number bool
}{
	{"userid", "chantaiman", false}, {"unionid", "Qm7iSZx8JdFiiE2YtPz0aFwiEiE", false},
	{"dept_id", "583201457", true}, {"order", "176364576", true}, {"hired_date", "1617206400000", true},
	{"request_id", "3k9xh2mf0q7a", false}, {"processInstanceId", "a171de6c-8bf8-4bd0-b0d6-15cbd3a6a2fa", false},
	{"businessId", "202503181015000123456", false}, {"task_id", "256271667526", true},
	{"createTime", "2025-03-18T10:15Z", false}, {"status", "RUNNING", false}, {"errcode", "0", true},
	{"corpId", "dingFAKEcorp0000000000000000000001", false}, {"agentid", "2987654321", true},
	{"avatar", "https://static-legacy.dingtalk.com/media/lADPFAKE0001_240_240.jpg", false},
	{"title", "Senior Accounting Officer", false}, {"active", "true", false},
}

func TestScanTextZeroAllocs(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	free, zh := []byte(freeTextSample), []byte(chineseSample)
	out := make([]Finding, 0, 64)
	fRemark := &Field{Key: "remark"}
	fields := make([]Field, len(idValues))
	texts := make([][]byte, len(idValues))
	for i, v := range idValues {
		fields[i] = Field{Key: v.key, Number: v.number}
		texts[i] = []byte(v.text)
	}
	structured := [][2]string{{"mobile", "+852-91234567"}, {"sys02-certNo", "A123456(3)"}, {"sys02-birthTime", "1988-07-14"},
		{"sys00-name", "陳大文"}, {"sys02-address", "香港九龍旺角彌敦道688號12樓B室"}, {"email", "x@example.com"},
		{"ip", "2001:db8::1"}, {"bankCardNo", "6222020200112230"}, {"remark", "姓名：李嘉欣 Grace Lee"},
		{"remark", "(852) 9123 4567, (+86) 13800138000, (1) x"}, {"birthday", "584841600000"},
		{"remark", "出生日期：1988-07-14，住址：香港九龍彌敦道1號"}}
	structuredText := make([][]byte, len(structured))
	for i, kv := range structured {
		structuredText[i] = []byte(kv[1])
	}
	allocs := testing.AllocsPerRun(50, func() {
		out = s.ScanText(free, fRemark, out[:0])
		out = s.ScanText(zh, fRemark, out[:0])
		for i := range texts {
			out = s.ScanText(texts[i], &fields[i], out[:0])
		}
		for i, kv := range structured {
			f := Field{Key: "value", Label: kv[0]}
			out = s.ScanText(structuredText[i], &f, out[:0])
		}
	})
	if allocs != 0 {
		t.Errorf("ScanText allocates %.1f times per run in steady state", allocs)
	}
}

// maskLike imitates the mask package's outputs for a finding's text.
func maskLike(typ Type, v []byte, style int) []byte {
	switch style {
	case 0:
		return []byte("[" + strings.ToUpper(string(typ)) + "]")
	case 1:
		h := uint64(14695981039346656037)
		for _, c := range v {
			h = (h ^ uint64(c)) * 1099511628211
		}
		const b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
		tok := []byte("tok_" + string(typ) + "_")
		for i := 0; i < 26; i++ {
			tok = append(tok, b32[h%32])
			h = h/32 + uint64(i)*2654435761
		}
		return tok
	}
	switch typ {
	case Email:
		if at := bytes.LastIndexByte(v, '@'); at > 0 && at+1 < len(v) && v[at+1] == '[' {
			return append([]byte{v[0]}, "***@[*.*]"...) // mask.Mask masks an address literal as an IP
		} else if at > 0 {
			return append([]byte{v[0], '*', '*', '*'}, v[at:]...)
		}
	case HKID:
		if len(v) >= 4 {
			return append(append([]byte{}, v[:4]...), "***(*)"...)
		}
	}
	if len(v) > 5 && v[0] < utf8.RuneSelf && v[len(v)-4] < utf8.RuneSelf {
		return append([]byte{v[0], '*', '*', '*'}, v[len(v)-4:]...)
	}
	return []byte("***")
}

var fuzzScanner = func() *Scanner {
	s, err := NewScanner(ScannerOptions{})
	if err != nil {
		panic(err)
	}
	s.now = func() time.Time { return testNow }
	return s
}()

func FuzzScanText(f *testing.F) {
	for _, c := range allCases {
		for _, tc := range append(append([]tcase{}, c.tp...), c.fp...) {
			f.Add([]byte(tc.text), tc.key, tc.label, tc.number)
		}
	}
	f.Add([]byte(freeTextSample), "remark", "", false)
	// Names with a bracketed other name, a spaced surname or an interpunct; spaced HKIDs.
	for _, nm := range []string{"陳明嘉（Mary）", "陳明嘉 (Mary Chan)", "陳 俊偉", "阿依古麗·艾則孜", "AU-YEUNG, Chi-man", "(）", "陳（(Mary)）"} {
		f.Add([]byte(nm), "name", "", false)
		f.Add([]byte("姓名："+nm+"，A 123456(3)"), "remark", "", false)
	}
	// Labels without a colon, where a field starts and inside prose.
	for _, bl := range []string{"Name 張嘉欣", "同意，代理人 張美玲。", "- Payee 趙子軒\n1. DOB Jan 18, 1994", "OK. 居住地址 香港九龍彌敦道1號3樓",
		"請代理人盡快處理", "姓名\u3000陳大文 9123 4567", "x, name Peter Chan (陳大文)"} {
		f.Add([]byte(bl), "content", "", false)
	}
	f.Add([]byte("\xff\xfe\xfd 9123\x80 4567 A123456(\xe3)"), "mobile", "", false)
	for _, fw := range []string{"手機：１３８００１３８０００", "+852　9123　4567", "＋852 9123 4567", "Ａ１２３４５６（３）",
		"（８５２）９１２３　４５６７", "ｔａｉｍａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "９\xef\xbc\x91\xef\xbc", "1\xe3\x80\x80\xef\xbc\x92\xe3\x80"} {
		f.Add([]byte(fw), "remark", "", false)
	}
	f.Fuzz(func(t *testing.T, text []byte, key, label string, number bool) {
		s := fuzzScanner
		field := &Field{Key: key, Label: label, Number: number}
		got := s.ScanText(text, field, nil)
		checkFindings(t, text, got, DefaultThreshold)
		// Written in full-width forms, an ASCII value is found alike: same types over the
		// same characters, spans over the whole full-width runes.
		if ascii(text) {
			fw := []byte(toFullWidth(string(text), false))
			gotFW := s.ScanText(fw, field, nil)
			checkFindings(t, fw, gotFW, DefaultThreshold)
			same := len(got) == len(gotFW)
			for i := 0; same && i < len(got); i++ {
				same = got[i].Type == gotFW[i].Type && toFullWidth(string(text[got[i].Start:got[i].End]), false) == string(fw[gotFW[i].Start:gotFW[i].End])
			}
			if !same {
				t.Fatalf("ASCII %s; full-width %s", describe(string(text), got), describe(string(fw), gotFW))
			}
		}
		// The field's hint depends on the text only in whether a label applies (not over
		// free text); the re-scans below keep the hint of the whole text.
		h := fieldHint(key, label, text)
		rescan := func(b []byte) []Finding {
			return s.scanText(b, key, label, number, h, nil, firstInteresting(b))
		}
		for _, g := range got {
			// Truncating the text after a finding keeps it (nothing after a finding makes it),
			// but for the names that Chinese and letters mark by what follows them: a title
			// (陳大文先生), a greeting (陳大文 你好), the comma of a salutation or the
			// separator closing a remark's first clause (Peter Chan；HKID …).
			if g.Type == PersonName && markedAfter(text[g.End:]) {
				continue
			}
			again := rescan(text[:g.End])
			if !containsFinding(again, g.Type, g.Start, g.End) {
				t.Fatalf("%+v in %q not found again in text[:End]: %s", g, text, describe(string(text[:g.End]), again))
			}
			// Findings scoring 0.85 or more do not depend on context: alone they stand.
			if g.Score >= scoreValidated {
				alone := text[g.Start:g.End]
				a := rescan(alone)
				if !containsFinding(a, g.Type, 0, len(alone)) {
					t.Fatalf("%+v (%q) not found when scanned alone: %s", g, alone, describe(string(alone), a))
				}
			}
		}
		// Masked output never produces a finding inside a placeholder.
		for style := 0; style < 3; style++ {
			var masked []byte
			var regions [][2]int
			prev := 0
			for _, g := range got {
				masked = append(masked, text[prev:g.Start]...)
				m := maskLike(g.Type, text[g.Start:g.End], style)
				regions = append(regions, [2]int{len(masked), len(masked) + len(m)})
				masked = append(masked, m...)
				prev = g.End
			}
			masked = append(masked, text[prev:]...)
			for _, g := range s.ScanText(masked, field, nil) {
				for _, r := range regions {
					if g.Start >= r[0] && g.End <= r[1] {
						t.Fatalf("finding %+v inside masked placeholder %q of %q", g, masked[r[0]:r[1]], masked)
					}
				}
			}
			for _, r := range regions {
				if ph := masked[r[0]:r[1]]; len(s.ScanText(ph, field, nil)) > 0 {
					t.Fatalf("placeholder %q alone has findings", ph)
				}
			}
		}
	})
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func containsFinding(fs []Finding, typ Type, start, end int) bool {
	for _, f := range fs {
		if f.Type == typ && f.Start == start && f.End == end {
			return true
		}
	}
	return false
}

func BenchmarkScanTextFreeText(b *testing.B) {
	s := newTestScanner(b, ScannerOptions{})
	text := []byte(freeTextSample)
	f := &Field{Key: "remark"}
	out := make([]Finding, 0, 64)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		out = s.ScanText(text, f, out[:0])
	}
}

func BenchmarkScanTextChinese(b *testing.B) {
	s := newTestScanner(b, ScannerOptions{})
	text := []byte(chineseSample)
	f := &Field{Key: "content"}
	out := make([]Finding, 0, 64)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		out = s.ScanText(text, f, out[:0])
	}
}

// BenchmarkScanTextIDs scans the id-like values of a typical response one by one, as the
// JSON engine does.
func BenchmarkScanTextIDs(b *testing.B) {
	s := newTestScanner(b, ScannerOptions{})
	fields := make([]Field, len(idValues))
	texts := make([][]byte, len(idValues))
	n := 0
	for i, v := range idValues {
		fields[i] = Field{Key: v.key, Number: v.number}
		texts[i] = []byte(v.text)
		n += len(v.text)
	}
	out := make([]Finding, 0, 64)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for i := range texts {
			out = s.ScanText(texts[i], &fields[i], out[:0])
		}
	}
}

// BenchmarkScanTextNoDigits is the prefilter path: a short value without digits or '@'.
func BenchmarkScanTextNoDigits(b *testing.B) {
	s := newTestScanner(b, ScannerOptions{})
	text := []byte("RUNNING")
	f := &Field{Key: "status"}
	out := make([]Finding, 0, 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		out = s.ScanText(text, f, out[:0])
	}
}

// BenchmarkJSONValidReference is the yardstick of DESIGN.md §9: encoding/json.Valid over a
// DingTalk response. Compare its MB/s with the ScanText benchmarks of the same run.
func BenchmarkJSONValidReference(b *testing.B) {
	body, err := os.ReadFile("testdata/user_get_response.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if !json.Valid(body) {
			b.Fatal("invalid")
		}
	}
}

// bodyValues lists the string and number values of a JSON body with their keys, as the
// JSON engine hands them to ScanText (JSON inside strings included).
func bodyValues(t testing.TB, body []byte) (fields []Field, texts [][]byte) {
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string:
			fields, texts = append(fields, Field{Key: key}), append(texts, []byte(x))
			var inner any
			if d := json.NewDecoder(strings.NewReader(x)); len(x) > 1 && (x[0] == '{' || x[0] == '[') && d.Decode(&inner) == nil {
				walk(key, inner)
			}
		case json.Number:
			fields, texts = append(fields, Field{Key: key, Number: true}), append(texts, []byte(x.String()))
		}
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	walk("", v)
	return fields, texts
}

// BenchmarkScanTextBodyValues scans every value of the body that BenchmarkJSONValidReference
// validates; its MB/s is per body byte, directly comparable.
func BenchmarkScanTextBodyValues(b *testing.B) {
	body, err := os.ReadFile("testdata/user_get_response.json")
	if err != nil {
		b.Fatal(err)
	}
	s := newTestScanner(b, ScannerOptions{})
	fields, texts := bodyValues(b, body)
	out := make([]Finding, 0, 64)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range texts {
			out = s.ScanText(texts[i], &fields[i], out[:0])
		}
	}
}

// TestScanTextLinearTime feeds inputs built to make a careless scanner quadratic (a label or
// address candidate per colon, an IPv6 attempt per group, one huge overlap cluster). Each
// 256 KiB text must scan in well under a second; quadratic work would take minutes.
func TestScanTextLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	s := newTestScanner(t, ScannerOptions{Custom: []CustomRecognizer{{Type: "everything", Pattern: `(?s).+`, Score: 0.99}}})
	plain := newTestScanner(t, ScannerOptions{})
	units := []string{"a:", "Name:", "姓名：", "地址：x", "1 ", "9123 4567 ", "@a.", "(", "A123456(", "::", "1.1.1.1.",
		"x@", "a:a:a:a:", "91234567,", "A123456(3)", "电话 ", "12,345,", "\xff\xfe", "138 0013 8000 "}
	for _, u := range units {
		text := []byte(strings.Repeat(u, 256<<10/len(u)))
		for _, sc := range []*Scanner{plain, s} {
			start := time.Now()
			out := sc.ScanText(text, &Field{Key: "remark"}, nil)
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("%q×%d took %v", u, len(text)/len(u), d)
			}
			checkFindings(t, text, out, DefaultThreshold)
		}
	}
}

func TestResolveHugeCluster(t *testing.T) {
	var f []Finding
	f = append(f, Finding{Type: "big", Start: 0, End: 10000, Score: 0.7})
	for i := 0; i < 1000; i++ {
		f = append(f, Finding{Type: "small", Start: i * 10, End: i*10 + 5, Score: 0.9})
	}
	st := scanState{out: f}
	st.resolve()
	checkFindings(t, make([]byte, 10000), st.out, 0.5)
	if len(st.out) != 1000 {
		t.Errorf("got %d findings, want the 1000 better ones", len(st.out))
	}
}

// TestMayBeInteresting checks the SWAR prefilter against the byte table: every byte value
// at every position of a word of every other byte value, and random words.
func TestMayBeInteresting(t *testing.T) {
	var b [8]byte
	for fill := 0; fill < 256; fill++ {
		for c := 0; c < 256; c++ {
			for pos := range b {
				for i := range b {
					b[i] = byte(fill)
				}
				b[pos] = byte(c)
				want := interesting[fill] || interesting[c]
				if got := mayBeInteresting(binary.LittleEndian.Uint64(b[:])); got != want {
					t.Fatalf("% x: got %v, want %v", b, got, want)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 100000; n++ {
		v := r.Uint64()
		binary.LittleEndian.PutUint64(b[:], v)
		want := false
		for _, c := range b {
			want = want || interesting[c]
		}
		if got := mayBeInteresting(v); got != want {
			t.Fatalf("% x: got %v, want %v", b, got, want)
		}
	}
}

func TestFreeText(t *testing.T) {
	for _, s := range []string{"三月份薪金已存入 004-512-345678-838。", "#### 薪酬通知\n- Mobile: 54643225",
		"Paid, thanks", "a; b", "電話：9123 4567", "已核實，謝謝", "甲、乙", strings.Repeat("x", maxFieldValue+1),
		strings.Repeat("０", maxFieldValue+1), strings.Repeat("陳", maxFieldValue/3+1), "ＢＲ０． ００"} {
		if !freeText([]byte(s)) {
			t.Errorf("freeText(%q) = false", s)
		}
	}
	for _, s := range []string{"", "HK$12,345.60", "2025-03-24 09:00", "440306198807141238", "9123 4567",
		"HKD 8,800 元", "10:15", "A123456(3)", strings.Repeat("x", maxFieldValue),
		// Full-width forms count as the ASCII they fold to: as long as their ASCII writing.
		strings.Repeat("０", maxFieldValue), "０１２－０００－０－００００－０（０００００"} {
		if freeText([]byte(s)) {
			t.Errorf("freeText(%q) = true", s)
		}
	}
}

// Markdown and bracket labels without a colon label the value after them, as "姓名：" does;
// markdown bold is not the tail of a masked value, which still is (2*** 2000).
func TestMarkupLabels(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		text string
		want []string // type:value, in order
	}{
		{"【姓名】陳大文", []string{"person_name:陳大文"}},
		{"| 姓名 | 陳大文 |", []string{"person_name:陳大文"}},
		{"**姓名** 陳大文", []string{"person_name:陳大文"}},
		{"姓名 - 陳大文，電話 9123 4567", []string{"person_name:陳大文", "hk_phone:9123 4567"}},
		{"follow-up with the e-mail team", nil},
		{"**ID No** G376725(5)", []string{"hkid:G376725(5)"}},
		{"**電話** 9123 4567", []string{"hk_phone:9123 4567"}},
		// Not labels: a dash between numbers, a table of amounts, a masked group.
		{"2019 - 2020 年度", nil},
		{"| 金額 | 3000 |", nil},
		// A table's label cell labels the value cell after it, not a cell further on.
		{"| Version | 7.7.91.119 |", nil},
		{"| Ref | 6518-5293 |", nil},
		{"| User ID | 14867385852 |", nil},
		{"| 電話 | 9123 4567 |", []string{"hk_phone:9123 4567"}},
		{"| 身份證 | A123456(3) |", []string{"hkid:A123456(3)"}},
		{"| IP | 7.7.91.119 |", []string{"ipv4:7.7.91.119"}},
		{"| Ref | Remarks | 14867385852 |", []string{"cn_mobile:14867385852"}},
		{"| Version | Host |\n|---|---|\n| 7.7.91.1 | 10.0.0.5 |", []string{"ipv4:7.7.91.1", "ipv4:10.0.0.5"}},
		{"2*** 2000", nil},
		// A redaction placeholder left by a first pass labels nothing on the second.
		{"姓名：[PERSON_NAME] - A", nil},
		{"[姓名] - 陳大文", []string{"person_name:陳大文"}},
		{"9*** 4567 / 2*** 2000-0000", nil},
	} {
		have := typeSpans(tc.text, s.ScanText([]byte(tc.text), &Field{Key: "content"}, nil))
		if fmt.Sprint(have) != fmt.Sprint(tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, have, tc.want)
		}
	}
}

// A label word with no colon or markup labels the value after one space, where a field
// starts: at the start of the text, a line, a clause or a bullet. Inside a sentence the same
// words are prose, and a name needs the evidence of the `name` key, an address the words
// that place it.
func TestBareLabels(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		text string
		want []string // type:value, in order
	}{
		{"Name 張嘉欣", []string{"person_name:張嘉欣"}},
		{"### 报销审批通知\n\nName 張嘉欣\n\n时长 2.5 小时", []string{"person_name:張嘉欣"}},
		{"#### 新員工入職\n- Payee 趙子軒\n- Birthday:1974/2/24", []string{"person_name:趙子軒", "date_of_birth:1974/2/24"}},
		{"新員工入職\n- Payee 趙子軒\n- Birthday:1974/2/24", []string{"person_name:趙子軒", "date_of_birth:1974/2/24"}},
		{"新員工入職, 1. Payee 趙子軒", []string{"person_name:趙子軒"}},
		{"合同編號 HT2026279743\n\n代理人 張美玲 @57296977", []string{"person_name:張美玲", "hk_phone:57296977"}},
		{"同意，代理人 張美玲。", []string{"person_name:張美玲"}},
		{"已核實；申請人 陳大文！", []string{"person_name:陳大文"}},
		{"Approved. Contact person 葉美玲. Thanks", []string{"person_name:葉美玲"}},
		{"Contact person 林大文 Kelvin Lam 審批單號 202502252017000193257", []string{"person_name:林大文 Kelvin Lam"}},
		{"收款人 Jessica Kwok\nPassport：E23911921", []string{"person_name:Jessica Kwok", "cn_passport:E23911921"}},
		{"1. Name 陳大文\n2. DOB Jan 18, 1994", []string{"person_name:陳大文", "date_of_birth:Jan 18, 1994"}},
		{"* Payee Peter Chan confirmed", []string{"person_name:Peter Chan"}},
		{"姓名\u3000陳大文", []string{"person_name:陳大文"}},
		{"Born Feb 16, 1967", []string{"date_of_birth:Feb 16, 1967"}},
		{"出生年月日 06/11/1960", []string{"date_of_birth:06/11/1960"}},
		{"- 居住地址 浙江省杭州市西湖區科技園南路88號7棟1701室\n部門", []string{"address:浙江省杭州市西湖區科技園南路88號7棟1701室"}},
		{"Home address Flat 14D, 33/F, Block 5, Tai Koo Shing", []string{"address:Flat 14D, 33/F, Block 5, Tai Koo Shing"}},
		{"申請人 陳明嘉（Mary）", []string{"person_name:陳明嘉（Mary）"}},
		// Prose: the label word inside a sentence, glued to the next word, or followed by
		// words that are no name, date or address.
		{"the name of the project", nil},
		{"Please check the name 陳大文", nil},
		{"請代理人盡快處理", nil},
		{"申請人 盡快處理", nil},
		// Glued to its label, a name of three or four characters starting with a surname
		// is read; two characters glued to a label are as often a word.
		{"代理人張美玲", []string{"person_name:張美玲"}},
		{"聯繫人關係", nil},
		{"代理人盡快處理", nil},
		{"Names 陳大文", nil},
		{"Name the file 陳大文", nil},
		{"Name Change Request", nil},
		{"Patient Care Unit", nil},
		{"Recipient list updated", nil},
		{"Hi, Patient Chan was discharged", nil},
		{"The project, name TBC", nil},
		{"Name Lee", nil},
		{"審批人 主管", nil},
		{"患者 王先生", nil},
		{"收款人 Wing On Trading Limited", nil},
		{"名字 好聽", nil},
		{"生日 快樂", nil},
		{"Born in Hong Kong", nil},
		{"地址 已更新", nil},
		{"Address the issue today", nil},
		{"地址 在公司樓下", nil},
		{"Mr. Chan's name 陳大文", nil},
		{"example.Name 陳大文", nil},
		// After another label's colon or " | ": the start of a field too; after a label
		// that names its own value, the words are that value.
		{"**備註**：生日 11.09.1963", []string{"date_of_birth:11.09.1963"}},
		{"FYI | 送貨地址 新界屯門淘大花園8座25樓G室", []string{"address:新界屯門淘大花園8座25樓G室"}},
		{"Remarks: Name the file 陳大文", nil},
		{"| 姓名 | 陳大文 |", []string{"person_name:陳大文"}},
	} {
		have := typeSpans(tc.text, s.ScanText([]byte(tc.text), &Field{Key: "content"}, nil))
		if fmt.Sprint(have) != fmt.Sprint(tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, have, tc.want)
		}
	}
}

// mayHoldSep is exact for each byte whatever its neighbours: a miss would hide a label after
// a separator in a value with no digit.
func TestMayHoldSep(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []byte{' ', 'a', 0x00, 0x3F, 0x40, 0x80, 0xE5, 0xFF} {
				b := bytes.Repeat([]byte{fill}, 8)
				b[pos] = byte(c)
				want := (c < 0x40 && c != ' ') || (fill < 0x40 && fill != ' ')
				if got := mayHoldSep(binary.LittleEndian.Uint64(b)); got != want {
					t.Fatalf("mayHoldSep(% x) = %v", b, got)
				}
			}
		}
	}
}

// TestInlineKeys: a key written inline before its value, as a URL query parameter or a
// code-shaped key, types the value as a JSON key would; prose words before a value are left
// to the context words.
func TestInlineKeys(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tc := range []struct {
		text string
		want []string // type:value, in order
	}{
		{"https://oa.example.com/done?taskId=13938652446", nil},
		{"taskId 13442723392 已完成", nil},
		{"msg_id: 91234567", nil},
		{"https://x.example.com/p?version=10.1.2.3&ip=10.1.2.4", []string{"ipv4:10.1.2.4"}},
		{"https://crm.example.com/c?phone=13812345678", []string{"cn_mobile:13812345678"}},
		{"https://hr.example.com/v?hkid=A1234563&t=1780249701", []string{"hkid:A1234563"}},
		{"clientIp: 10.0.0.8", []string{"ipv4:10.0.0.8"}},
		{"a=b=13812345678", []string{"cn_mobile:13812345678"}}, // "b" names nothing
		// Prose is no key: ID and Tel are context words, not record ids.
		{"ID 110101199003077774", []string{"cn_id:110101199003077774"}},
		{"Tel 13812345678", []string{"cn_mobile:13812345678"}},
		// A URL path segment naming an id names the segment after it; a host, a product
		// token or a segment naming nothing does not.
		{"https://example.com/taskId/15029903791/detail", nil},
		{"https://example.com/refNo/6518-5293/", nil},
		{"https://example.com/mobile/13812345678/detail", []string{"cn_mobile:13812345678"}},
		{"https://example.com/users/13812345678/detail", []string{"cn_mobile:13812345678"}},
		{"http://taskId/13812345678", []string{"cn_mobile:13812345678"}},
		{"IP/192.0.2.11", []string{"ipv4:192.0.2.11"}},
	} {
		have := typeSpans(tc.text, s.ScanText([]byte(tc.text), &Field{Key: "content"}, nil))
		if fmt.Sprint(have) != fmt.Sprint(tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, have, tc.want)
		}
	}
	for _, w := range []string{"taskId", "process_instance_id", "clientIp", "aB"} {
		if !codeShaped([]byte(w)) {
			t.Errorf("codeShaped(%q) = false", w)
		}
	}
	for _, w := range []string{"Tel", "HKID", "id", "_id", "x_", "mobile"} {
		if codeShaped([]byte(w)) {
			t.Errorf("codeShaped(%q) = true", w)
		}
	}
}

// markedAfter reports text opening with what marks the name before it (FuzzScanText): a
// Chinese title or greeting, or a clause's comma or semicolon, after spaces and a closing
// bracket.
func markedAfter(b []byte) bool {
	b = bytes.TrimLeft(b, " )）")
	for _, m := range []string{"先生", "小姐", "女士", "太太", "夫人", "你好", "您好", ",", ";", "!", "，", "；", "！"} {
		if bytes.HasPrefix(b, []byte(m)) {
			return true
		}
	}
	return false
}

// FuzzMayHoldKeyProof checks the eight-bytes-at-a-time mayHoldKeyProof against the plain
// byte loop: an early exit that said no where the loop says yes would drop findings.
func FuzzMayHoldKeyProof(f *testing.F) {
	for _, s := range []string{"", "12345678", "2024-01-01 10:00:00", "A123456(3)", "ab:cdefgh:",
		"abcdefg:", "abcdefgh:", "a@b", "fe80::1", "１２３（", "0123456789abcdef:", "x:yyyyyyyyyyyyyy:"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := mayHoldKeyProof(b), mayHoldKeyProofBytes(b); got != want {
			t.Fatalf("mayHoldKeyProof(%q) = %v, the byte loop says %v", b, got, want)
		}
	})
}
