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
