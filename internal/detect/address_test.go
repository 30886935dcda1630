package detect

import "testing"

func init() {
	register(recognizerCases{typ: Address, naturalKey: "address",
		tp: []tcase{
			{text: "香港九龍旺角彌敦道688號12樓B室", key: "value", label: "sys02-address"},
			{text: "Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon", key: "住址"},
			{text: "住址：香港島灣仔軒尼詩道123號\n電話", key: "remark", want: "香港島灣仔軒尼詩道123號"},
			{text: "Address: 12 Tai Po Road, Sham Shui Po", key: "text", want: "12 Tai Po Road, Sham Shui Po"},
			{text: "Kwun Tong", key: "address"},
			{text: "香港新界沙田大圍村1號", key: "certAddress"},
			{text: "廣東省深圳市南山區科技園路1號", key: "value", label: "sys02-certAddress"},
		},
		fp: []tcase{
			{text: "香港九龍觀塘道 388 號 15 樓", key: "work_place"},
			{text: "N/A", key: "address"},
			{text: "aa:bb:cc:dd:ee:ff", key: "macAddress"},
			{text: "Kwun Tong", key: "hotelAddress"},
			{text: "Email address: none", key: "text"},
			{text: "IP地址：未知", key: "remark"},
			{text: "https://example.com/a", key: "address"},
		},
	})
}

func TestAddressCases(t *testing.T) { runCases(t, Address) }
