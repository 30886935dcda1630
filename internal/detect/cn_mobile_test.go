package detect

import "testing"

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
