package detect

import (
	"strings"
	"testing"
)

func init() {
	register(recognizerCases{typ: CNMobile, naturalKey: "mobile",
		tp: []tcase{
			{text: "13800138000", key: "mobile"},
			{text: "+86 138 0013 8000", key: "remark"},
			{text: "0086-13800138000", key: "remark"},
			{text: "86-13912345678", key: "remark"},
			{text: "手机：15012345678", key: "remark", want: "15012345678"},
			{text: "138-0013-8000", key: "remark"},
			{text: "+8613800138000", key: "remark"},
			{text: "联系人 张三 18612345678", key: "content", want: "18612345678"},
			{text: "19912345678", key: "phone"},
			{text: "(+86) 17012345678", key: "remark"},
			{text: "请回电 166 1234 5678", key: "remark", want: "166 1234 5678"},
			{text: "13800138000", key: "mobile", number: true},
			{text: "8613800138000", key: "remark"},
			{text: "my number is 13712345678.", key: "text", want: "13712345678"},
			{text: "14712345678", key: "remark"},
			{text: "+86-150-1234-5678", key: "remark"},
			{text: "Ref: INV-2026-142592 / (186-9024-1520)", key: "remark", want: "186-9024-1520"},
			{text: "三月份薪金已發放 @18135626975", key: "text", want: "18135626975"},
			{text: "#### 薪酬通知\n- 電話：+852 6432 5019\n手机 184-3420-3110", key: "text", label: "薪酬通知", want: "184-3420-3110"},
			{text: "工號 HK003466，Updated [15377631586] for payroll", key: "remark", want: "15377631586"},
			// MIIT allocations: 192 (China Broadnet), 197, 162/165/167 (virtual operators),
			// 1740[0-5] satellite (libphonenumber CN mobile pattern); example 13123456789.
			{text: "+86 192 1234 5678", key: "remark"},
			{text: "19712345678", key: "mobile"},
			{text: "手機：16212345678", key: "remark", want: "16212345678"},
			{text: "0086 16712345678", key: "remark"},
			{text: "17400123456", key: "mobile"},
			{text: "13123456789", key: "phone"},
			{text: "https://h5.example.cn/sign?phone=13812345678&from=dingtalk", key: "content", want: "13812345678"},
			{text: "client_id 1, mobile: 13812345678", key: "remark", want: "13812345678"},
			// Split after the prefix (3-8) and 4-4-3: a phone key, a phone word or +86.
			{text: "136 12138685", key: "mobile"},
			{text: "191 68503618", key: "sys00-mobile"},
			{text: "138-12345678", key: "phone"},
			{text: "1381 2345 678", key: "mobile"},
			{text: "170 09833153", key: "value", label: "手机号"},
			{text: "+86 138 12345678", key: "remark"},
			{text: "+86-138-12345678", key: "remark"},
			{text: "0086 138 12345678", key: "remark"},
			{text: "(+86) 138 12345678", key: "remark"},
			{text: "手機 86 138 12345678", key: "remark", want: "86 138 12345678"},
			{text: "Mobile (CN): 133 02909199。PRC ID: 440103200310208564", key: "remark", want: "133 02909199"},
			{text: "深圳同事電話 138-12345678，佢會跟進", key: "text", want: "138-12345678"},
			{text: "@138 12345678 收到", key: "text", want: "138 12345678"},
			{text: "mobile: 152 71508107", key: "remark", want: "152 71508107"},
		},
		fp: []tcase{
			{text: "1742264100000", key: "remark"},
			{text: "12345678901", key: "remark"},
			{text: "14012345678", key: "remark"},
			{text: "15412345678", key: "remark"},
			{text: "13800138000", key: "taskId"},
			{text: "订单号 13800138000", key: "remark"},
			{text: "138001380001", key: "remark"},
			{text: "A13800138000", key: "remark"},
			{text: "13800138000.5", key: "remark"},
			{text: "1380013800", key: "mobile"},
			{text: "138****8000", key: "mobile"},
			{text: "+1 415 555 2671", key: "remark"},
			{text: "13800138000abc", key: "remark"},
			{text: "13800138000", key: "remark", number: true},
			{text: "17912345678", key: "mobile"},
			{text: "13800138000", key: "value", label: "訂單號"},
			{text: "流水 13800138000", key: "remark"},
			{text: "19412345678", key: "mobile"},
			{text: "16012345678", key: "mobile"},
			// A record id written inline as a key: a URL query parameter or a code-shaped key.
			{text: "https://oa.example.com/done?taskId=13938652446", key: "actionURL"},
			{text: "FYI\ntaskId 13442723392", key: "remark"},
			{text: "process_instance_id: 13442723392", key: "remark"},
			{text: "https://forms.example.com/f?uid=13442723392", key: "content"},
			// 3-8 and 4-4-3 are also a count or a code before another number: without a
			// phone key, word or +86 they are nothing, and the eight digits are no HK phone.
			{text: "買了 138 個 12345678 號的貨", key: "remark"},
			{text: "共 138 91234567", key: "remark"},
			{text: "138 12345678", key: "remark"},
			{text: "1381 2345 678", key: "remark"},
			{text: "訂單 138 12345678", key: "remark"},
			{text: "訂單 138-91234567", key: "remark"},
			{text: "訂單 1381 2345 678", key: "remark"},
			{text: "138 12345678", key: "deptId"},
			{text: "dept 170 91234567 moved", key: "remark"},
			{text: "171 1712345678", key: "remark"},
			{text: "171 1712345678901", key: "mobile"},
			{text: "154 12345678", key: "mobile"},
		},
	})
}

func TestCNMobileCases(t *testing.T) { runCases(t, CNMobile) }

func TestValidCNMobile(t *testing.T) {
	for _, s := range []string{"13800138000", "+86 138 0013 8000", "0086 13800138000", "138-0013-8000"} {
		if !ValidCNMobile(s) {
			t.Errorf("ValidCNMobile(%q) = false", s)
		}
	}
	for _, s := range []string{"", "12800138000", "1380013800", "+852 13800138000", "1740013800x"} {
		if ValidCNMobile(s) {
			t.Errorf("ValidCNMobile(%q) = true", s)
		}
	}
}

// TestCNMobileSplitAfterPrefix: a mainland mobile written 3-8 is one number. When the whole
// is a mobile its last eight digits are never an HK phone of their own, whatever the hint;
// when it is not, they are read alone as before.
func TestCNMobileSplitAfterPrefix(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	for _, tt := range []struct {
		text, key string
		want      []string
	}{
		{"191 68503618", "mobile", []string{"cn_mobile:191 68503618"}},
		{"電話 138 91234567", "remark", []string{"cn_mobile:138 91234567"}},
		{"共 138 91234567", "remark", nil},
		{"電話 123 91234567", "remark", []string{"hk_phone:91234567"}},
		{"140 91234567", "mobile", []string{"hk_phone:91234567"}}, // 140 is no mobile prefix
		{"+852 138 12345678", "remark", nil},
		{"138 12345678 1234", "mobile", []string{"cn_mobile:138 12345678"}},
		{"手機 138 12345678；電話 9123 4567", "remark", []string{"cn_mobile:138 12345678", "hk_phone:9123 4567"}},
	} {
		got := typeSpans(tt.text, s.ScanText([]byte(tt.text), &Field{Key: tt.key}, nil))
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q under %s: got %q, want %q", tt.text, tt.key, got, tt.want)
		}
	}
}
