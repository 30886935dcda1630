package detect

import (
	"fmt"
	"testing"
)

func init() {
	register(recognizerCases{typ: HKPhone, naturalKey: "mobile",
		tp: []tcase{
			{text: "91234567", key: "mobile"},
			{text: "9123\u00a04567", key: "mobile"},            // a no-break space
			{text: "+852\u00a09123\u00a04567", key: "content"}, // between every group
			{text: "68765432", key: "atMobiles"},
			{text: "+852-91234567", key: "value", label: "sys00-mobile"},
			{text: "852-21234567-801", key: "telephone", want: "852-21234567"},
			{text: "如有疑問請致電 9123 4567 或電郵", key: "content", want: "9123 4567"},
			{text: "Peter Chan；HKID A123456(3) 已核實；緊急聯絡人 陳太 6123 4567", key: "remark", want: "6123 4567"},
			{text: "Call me at +852 9123 4567.", key: "text", want: "+852 9123 4567"},
			{text: "(852) 2123 4567", key: "remark"},
			{text: "(+852) 5432 1987", key: "remark"},
			{text: "00852 6123-4567", key: "remark"},
			{text: "+85291234567", key: "remark"},
			{text: "WhatsApp 51234567", key: "text", want: "51234567"},
			{text: "- 證件：K382716(A)\n@68765432 請跟進", key: "text", want: "68765432"},
			{text: "Tel: 3123-4567", key: "text", want: "3123-4567"},
			{text: "聯絡電話：84123456", key: "remark", want: "84123456"},
			{text: "+852 6876 5432", key: "value", label: "代理人電話"},
			{text: "91234567", key: "value", label: "代理人電話"},
			{text: "Office 2123 4567 ext 12", key: "remark", want: "2123 4567"},
			{text: "91234567", key: "mobile", number: true},
			{text: "+852-54321987", key: "label", label: "sys06-urgentContactsPhone"},
			{text: "21234567-801", key: "tel", want: "21234567"},
			{text: "電話 2019 2020", key: "remark", want: "2019 2020"},
			{text: "(1) 9123 4567 (2) 6123 4567", key: "remark", want: "6123 4567"},
			{text: "聯絡：91234567/61234567", key: "remark", want: "61234567"},
			// A negative word names the value right after it, not one behind another value or
			// clause; a title label (薪酬通知) does not make a message's text an amount.
			{text: "費用 $453434.29 已報銷 | 新(9052 1846)！", key: "remark", want: "9052 1846"},
			{text: "三月份薪金已發放, 補交陳大文 6494-3982", key: "remark", want: "6494-3982"},
			{text: "#### 薪酬通知\n- Mobile: 54643225\n- 姓名：陳大文", key: "text", label: "薪酬通知", want: "54643225"},
			{text: "#### 薪酬通知\n- HKID：K290185(4)\n請核對 （852-92464176），謝謝", key: "text", label: "薪酬通知", want: "852-92464176"},
			{text: "工號 HK009120 @95630930 請跟進", key: "text", want: "95630930"},
			{text: "852-21234567-801", key: "remark", want: "852-21234567"},
			// libphonenumber HK metadata: the 46xx and 707x/708x mobile blocks, pager 7x,
			// example numbers 51234567 (mobile) and 21234567 (fixed).
			{text: "+852 4600 1234", key: "remark"},
			{text: "+852 7071 2345", key: "remark"},
			{text: "71123456", key: "pager", label: "sys00-mobile"},
			{text: "手機：51234567", key: "remark", want: "51234567"},
			{text: "電話21234567", key: "remark", want: "21234567"},
			{text: "(852)9123-4567", key: "remark"},
			{text: "00852-9123-4567", key: "remark"},
			// Cantonese: "call him", "(my) new number"; glued labels; click-to-chat links;
			// a CRM record keyed by its form component id.
			{text: "Please see below. 打俾佢 66214960 問下", key: "remark", want: "66214960"},
			{text: "好的，收到 新號碼78008415，舊號唔用喇", key: "remark", want: "78008415"},
			{text: "Tel.91234567", key: "remark", want: "91234567"},
			{text: "https://wa.me/85268260487?text=hi", key: "content", want: "85268260487"},
			{text: "https://crm.example.com/lead?src=dt&mobile=91234567&lang=zh_HK", key: "content", want: "91234567"},
			{text: "91234567", key: "DDPhoneField_K2U5GX1Q"},
			{text: "91234567", key: "phoneField_l2x8k0a"},
		},
		fp: []tcase{
			{text: "[HK_PHONE]：20000000", key: "content"}, // a placeholder is no context word
			{text: "手機：2*** 2000-0000", key: "remark"},    // a masked phone and the digits after it
			{text: "58320145", key: "dept_id"},
			{text: "583201457", key: "dept_id", number: true},
			{text: "12345678", key: "remark"},
			{text: "91234567", key: "remark"},
			{text: "1742264100000", key: "createAt", number: true},
			{text: "12345678.90", key: "amount"},
			{text: "致電查詢，訂單 91234567", key: "remark"},
			{text: "9***4567", key: "mobile"},
			{text: "2025-03-18", key: "remark"},
			{text: "10:15:00", key: "remark"},
			{text: "12345678", key: "mobile"},
			{text: "80123456", key: "mobile"},
			{text: "+852 9***4567", key: "remark"},
			{text: "010-86123456-2345", key: "telephone"},
			{text: "Tel 9123 4567 8901 2345", key: "remark"},
			{text: "91234567", key: "taskId", number: true},
			{text: "PO-91234567", key: "remark"},
			{text: "電話 12345678", key: "remark"},
			{text: "電話費 $91234567", key: "remark"},
			{text: "91234567", key: "remark", number: true},
			{text: "電話 9123.4567", key: "remark"},
			{text: "HK$ 9123 4567", key: "remark"},
			{text: "2019-2020 學年報告", key: "remark"},
			{text: "budget 3000 5000", key: "remark"},
			{text: "9123 4567", key: "value", label: "金額"},
			{text: "薪金 9123 4567", key: "remark"},
			{text: "Ref 9123 4567", key: "remark"},
			// Numbers of other kinds in a phone's shape: a QQ number, a Zoom meeting ID with
			// an 852 prefix, a date, a record id in a URL; "聯絡" reaches across " | " but the
			// nearer 日期 names the date.
			{text: "QQ 59887328", key: "remark"},
			{text: "Meeting ID: 852 2823 7418", key: "description"},
			{text: "如有問題請聯絡我哋 | 日期 20261029", key: "remark"},
			{text: "電話查詢 https://oa.example.com/done?msgId=91234567", key: "content"},
			{text: "91234567", key: "MoneyField-K2AD4O5B"},
		},
	})
}

func TestHKPhoneCases(t *testing.T) { runCases(t, HKPhone) }

func TestValidHKPhone(t *testing.T) {
	for _, s := range []string{"91234567", "9123 4567", "+852 9123 4567", "(852) 2123-4567", "00852 61234567", "852-21234567-801", "84123456"} {
		if !ValidHKPhone(s) {
			t.Errorf("ValidHKPhone(%q) = false", s)
		}
	}
	for _, s := range []string{"", "12345678", "81234567", "01234567", "9123456", "912345678", "+86 91234567", "9123 4567 8"} {
		if ValidHKPhone(s) {
			t.Errorf("ValidHKPhone(%q) = true", s)
		}
	}
}

// TestValidHKPhoneEightDigits checks ValidHKPhone's shortcut for eight bare digits against
// the scanner it skips, for every two-digit prefix.
func TestValidHKPhoneEightDigits(t *testing.T) {
	for p := 0; p < 100; p++ {
		for _, rest := range []string{"000000", "123456", "999999", "573845", "101010"} {
			s := fmt.Sprintf("%02d%s", p, rest)
			if got, want := ValidHKPhone(s), wholeValueIs(s, tHKPhone); got != want {
				t.Errorf("ValidHKPhone(%q) = %v, the scanner says %v", s, got, want)
			}
		}
	}
}
