package detect

import "testing"

func init() {
	register(recognizerCases{typ: Address, naturalKey: "address",
		tp: []tcase{
			{text: "寄往九龍旺角彌敦道688號12樓B室 thanks", key: "remark", want: "九龍旺角彌敦道688號12樓B室"},
			// Glued to a Chinese label, starting as an address does.
			{text: "地址九龍旺角彌敦道688號12樓B室", key: "remark", want: "九龍旺角彌敦道688號12樓B室"},
			{text: "住址Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon", key: "remark", want: "Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon"},
			{text: "地址广东省深圳市南山区科技园路1号", key: "remark", want: "广东省深圳市南山区科技园路1号"},
			{text: "香港九龍旺角彌敦道688號12樓B室", key: "value", label: "sys02-address"},
			{text: "Flat B, 12/F, 688 Nathan Road, Mong Kok, Kowloon", key: "住址"},
			{text: "住址：香港島灣仔軒尼詩道123號\n電話", key: "remark", want: "香港島灣仔軒尼詩道123號"},
			{text: "Address: 12 Tai Po Road, Sham Shui Po", key: "text", want: "12 Tai Po Road, Sham Shui Po"},
			{text: "Block 5, Kwun Tong Garden Estate", key: "address"},
			// A check-in's detailed place, a calendar event's location visited at home, after
			// the visit's purpose.
			{text: "九龍深水埗大埔道438號富豪閣3樓F室", key: "detailPlace"},
			{text: "新界沙田禾輋邨豐和樓28樓2807室", key: placeAddressKey},
			{text: "上門探訪：新界沙田禾輋邨豐和樓28樓2807室", key: placeAddressKey, want: "新界沙田禾輋邨豐和樓28樓2807室"},
			{text: "Home visit: Flat C, 13/F, Fu Ho Court, 281 Castle Peak Road, Tsuen Wan", key: placeAddressKey,
				want: "Flat C, 13/F, Fu Ho Court, 281 Castle Peak Road, Tsuen Wan"},
			{text: "Room 704, 7/F, 784 Prince Edward Road West", key: "addressField_d8uw2q4e"},
			{text: "Flat F, 25/F, Mei Lai Court, 266 Sha Tin Centre Street, Sha Tin", key: "detailPlace"},
			{text: "香港新界沙田大圍村1號", key: "certAddress"},
			{text: "廣東省深圳市南山區科技園路1號", key: "value", label: "sys02-certAddress"},
			// Hong Kong's unit words, street suffixes and abbreviated regions.
			{text: "Room 9, 7/F, 7 Rose Path, Wah Fu, Hong Kong Island", key: "value", label: "sys02-address"},
			{text: "Rm 3513, 3/F, 5 Kam Hang Drive, Lam Tin, Kln", key: "address"},
			{text: "Unit F, 13/F, 937 Yuk Lei Crescent, Sai Kung, N.T.", key: "address"},
			{text: "Rm 219, 10/F, 1 Ping Chi Terrace, Sheung Wan, HK", key: "homeAddress"},
			{text: "12 Tai Hang Place, Causeway Bay", key: "address"},
			{text: "Address Rm 1912, 16/F, 10 Kimberley Terrace, Peng Chau, N.T.", key: "content",
				want: "Rm 1912, 16/F, 10 Kimberley Terrace, Peng Chau, N.T."},
			// English cues inside a sentence.
			{text: "Staff address changed to Flat G, 10/F, 929 Sing Chuk Avenue, Heng Fa Chuen, Hong Kong, please update payroll.",
				key: "content", want: "Flat G, 10/F, 929 Sing Chuk Avenue, Heng Fa Chuen, Hong Kong"},
			{text: "My new address is 12 Nathan Road, Kowloon.", key: "content", want: "12 Nathan Road, Kowloon"},
			{text: "Address changed to Flat B, 39/F, 98 Marsh Road, Lai King, N.T.", key: "content",
				want: "Flat B, 39/F, 98 Marsh Road, Lai King, N.T."},
			{text: "We moved to Flat B, 39/F, 98 Marsh Road, Lai King, N.T. last week", key: "content",
				want: "Flat B, 39/F, 98 Marsh Road, Lai King, N.T."},
			// No region: the address ends where the sentence's lower-case words start again.
			{text: "Address changed to 8 Finance Street for all invoices.", key: "content",
				want: "8 Finance Street"},
			{text: "He moved to 22 Lyndhurst Terrace last month and now works remotely.", key: "content",
				want: "22 Lyndhurst Terrace"},
		},
		fp: []tcase{
			{text: "住在九龍灣的同事請注意12樓", key: "remark"}, // colleagues who live there
			{text: "請寄到公司", key: "remark"},
			{text: "地址2樓已經裝修完畢", key: "remark"},
			{text: "送貨地址A區與B區", key: "remark"},
			{text: "寄到3樓收發室", key: "remark"},
			{text: "please send to 2 Road Show teams", key: "remark"},
			{text: "deliver to 5 stores on Nathan Road", key: "remark"},
			{text: "地址：見附件", key: "remark"},
			{text: "地址變更申請已提交至九龍灣辦公室12樓", key: "remark"}, // a sentence about an address
			{text: "香港九龍觀塘道 388 號 15 樓", key: "work_place"},
			{text: "N/A", key: "address"},
			{text: "aa:bb:cc:dd:ee:ff", key: "macAddress"},
			{text: "Kwun Tong", key: "hotelAddress"},
			{text: "Email address: none", key: "text"},
			{text: "IP地址：未知", key: "remark"},
			{text: "https://example.com/a", key: "address"},
			// An address key names where an address would be; without an address's shape
			// (a number and a word that places it, or two such words) the value is none.
			{text: "Kwun Tong", key: "address"},
			{text: "Within range", key: "userAddress"},
			{text: "打卡範圍內", key: "userAddress"},
			{text: "Office WiFi", key: "userAddress"},
			{text: "總部大樓", key: "address"},
			// A meeting room and a public venue are where an event is, not anyone's home.
			{text: "Conference Room 3A", key: placeAddressKey},
			{text: "觀塘 12樓 小會議室", key: placeAddressKey},
			{text: "3/F Training Room", key: placeAddressKey},
			{text: "瑪麗醫院 K 座 3 樓", key: placeAddressKey},
			{text: "Harbour Plaza Hotel, 20 Tak Fung Street, Hung Hom", key: "detailPlace"},
			// A unit word or an abbreviated region places nothing alone.
			{text: "Room 3 booked", key: "address"},
			{text: "Unit 5", key: "address"},
			{text: "Room 3, Unit 4", key: "address"},
			{text: "HK$500", key: "address"},
			{text: "Address the issue in Room 3 today", key: "content"},
			// "moved to" is followed by meetings and dates as often: a street must follow.
			{text: "The meeting moved to Room 5, 3/F tomorrow", key: "content"},
			{text: "Meeting moved to 3/F Conference Room, 8 Nathan Road", key: "content"},
			{text: "moved to Tower 2", key: "content"},
			{text: "Address changed to next week", key: "content"},
			{text: "Email address is none", key: "content"},
			{text: "The IP address is 12 Nathan Road", key: "content"},
		},
	})
}

func TestAddressCases(t *testing.T) { runCases(t, Address) }

// TestAddressResidenceKeysAndMarkdownLabels: residence keys and markdown-wrapped labels.
func TestAddressResidenceKeysAndMarkdownLabels(t *testing.T) {
	s := newTestScanner(t, ScannerOptions{})
	tests := []struct {
		text, key, want string
	}{
		{"香港九龍旺角彌敦道688號", "residence", "香港九龍旺角彌敦道688號"},
		{"广东省汕头市龙湖区长平路1号", "registeredResidence", "广东省汕头市龙湖区长平路1号"},
		{"**地址**：九龍旺角亞皆老街8號\n**訂單編號**：SO-1", "text", "九龍旺角亞皆老街8號"},
		{"【通訊地址】：新界沙田安群街1號", "content", "新界沙田安群街1號"},
		{"**IP地址**：10.0.0.1", "text", ""},
		{"N/A", "residence", ""},
	}
	for _, tt := range tests {
		got := s.ScanText([]byte(tt.text), &Field{Key: tt.key}, nil)
		var addrs []string
		for _, f := range got {
			if f.Type == Address {
				addrs = append(addrs, tt.text[f.Start:f.End])
			}
		}
		switch {
		case tt.want == "" && len(addrs) > 0:
			t.Errorf("%q key=%q: want no address, got %q", tt.text, tt.key, addrs)
		case tt.want != "" && (len(addrs) != 1 || addrs[0] != tt.want):
			t.Errorf("%q key=%q: want %q, got %q", tt.text, tt.key, tt.want, addrs)
		}
	}
}
