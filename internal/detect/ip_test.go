package detect

import "testing"

func init() {
	register(recognizerCases{typ: IPv4, naturalKey: "ipAddress",
		tp: []tcase{
			{text: "192.168.1.10", key: "ip"},
			{text: "login from 203.0.113.5 at 10:15", key: "remark", want: "203.0.113.5"},
			{text: "10.0.0.1:8080", key: "remark", want: "10.0.0.1"},
			{text: "IP地址：8.8.8.8", key: "remark", want: "8.8.8.8"},
			{text: "(172.16.254.1)", key: "remark", want: "172.16.254.1"},
			{text: "127.0.0.1", key: "remark"},
			{text: "clientIp=100.64.1.2&x=1", key: "remark", want: "100.64.1.2"},
			{text: "1.1.1.1", key: "clientIp"},
			{text: "伺服器 45.33.32.156 已重啟", key: "remark", want: "45.33.32.156"},
			{text: "223.255.255.254", key: "remark"},
			{text: "remote 198.51.100.23, local 192.0.2.1", key: "text", want: "198.51.100.23"},
			{text: "10.0.0.1-10.0.0.9", key: "remark", want: "10.0.0.9"},
			// Only version words take an address back; amounts and ids nearby do not.
			{text: "三月份薪金已發放 | IP 192.0.2.164", key: "remark", want: "192.0.2.164"},
			{text: "金額 RMB 80,184.39、IP：198.51.100.92，謝謝", key: "remark", want: "198.51.100.92"},
			{text: "費用 HKD 153,707 已報銷，from 192.0.2.139已核實", key: "remark", want: "192.0.2.139"},
			{text: "工號 HK007098、203.0.113.111；", key: "remark", want: "203.0.113.111"},
			// A slash after an address word or inside a URL is no product token.
			{text: "http://192.0.2.10/login", key: "remark", want: "192.0.2.10"},
			{text: "IP/192.0.2.11", key: "remark", want: "192.0.2.11"},
			{text: "Section 3 covers host 192.0.2.12", key: "remark", want: "192.0.2.12"},
			// "oid" ending another word is no OID label; a path segment other than a version's
			// is no version.
			{text: "Humanoid: 203.0.113.9", key: "remark", want: "203.0.113.9"},
			{text: "https://example.com/hosts/192.0.2.14/status", key: "remark", want: "192.0.2.14"},
			{text: "第 3 項：登入 IP 192.0.2.13", key: "remark", want: "192.0.2.13"},
			// A marker character after a space starts the next words (條碼, 項目, 款式).
			{text: "IP: 192.168.16.62 條碼 6908118859562", key: "content", want: "192.168.16.62"},
			{text: "伺服器 10.0.0.5 項目A 已重啟", key: "content", want: "10.0.0.5"},
			{text: "http://10.0.0.5 款式", key: "content", want: "10.0.0.5"},
			{text: "IP:192.0.2.15", key: "remark", want: "192.0.2.15"},
		},
		fp: []tcase{
			{text: "1.2.3.4.5", key: "remark"},
			// The dotted tail of an IPv6-shaped token that is no address.
			{text: "::1.0.0.0:", key: "remark"},
			{text: "ffff:10.0.0.1:x", key: "remark"},
			{text: "v1.2.3.4", key: "remark"},
			{text: "version 1.2.3.4", key: "remark"},
			{text: "1.2.3.4", key: "appVersion"},
			{text: "256.1.1.1", key: "remark"},
			{text: "01.02.03.04", key: "remark"},
			{text: "0.0.0.0", key: "remark"},
			{text: "255.255.255.0", key: "remark"},
			{text: "2025.03.18", key: "remark"},
			{text: "12345678.90", key: "remark"},
			// Chinese clause numbers are often spaced.
			{text: "請參閱第 3.1.5.5 條", key: "content"},
			{text: "依照合同 4.3.1.2 項辦理", key: "content"},
			{text: "依照合同 4.3.1.2項辦理", key: "content"},
			{text: "192.168.*.*", key: "remark"},
			{text: "1.2.3", key: "remark"},
			{text: "192.168.1.10abc", key: "remark"},
			{text: "app-1.2.3.4", key: "remark"},
			{text: "build 10.0.0.1", key: "remark"},
			{text: "版本：1.2.3.4", key: "remark"},
			{text: "Firmware 10.2.3.4 released", key: "remark"},
			// User-Agent product tokens (RFC 9110 §10.1.5) carry four-part versions.
			{text: "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0.0.0 Safari/537.36", key: "remark"},
			{text: "AliApp(DingTalk/7.0.10.1)", key: "userAgent"},
			// Section, figure and OID numbers (OID 2.5.4.3 is X.520 commonName).
			{text: "see Section 1.2.3.4 of the spec", key: "remark"},
			{text: "Fig. 2.1.1.3", key: "remark"},
			{text: "OID 2.5.4.3", key: "remark"},
			{text: "OID: 2.5.29.17", key: "remark"},
			{text: "oid=1.3.6.1&walk=1", key: "remark"},
			{text: "對象標識符：2.5.4.10", key: "content"},
			{text: "| OID | 2.5.4.6 |", key: "markdown"},
			{text: "https://example.com/oid/2.5.4.3/info", key: "remark"},
			{text: "https://example.com/releases/7.6.10.1/notes", key: "remark"},
			{text: "§ 4.1.2.3", key: "remark"},
			{text: "依第1.2.3.4條處理", key: "remark"},
		},
	})
	register(recognizerCases{typ: IPv6, naturalKey: "ipAddress",
		tp: []tcase{
			{text: "login from 2001:db8::1.", key: "remark", want: "2001:db8::1"}, // a full stop after it
			{text: "2001:db8::1", key: "ip"},
			// A Chinese or bold label glued to the address by its colon.
			{text: "IP地址:2001:db8::9311", key: "content", want: "2001:db8::9311"},
			{text: "- **IP地址**:2001:db8::9311 @13585368370", key: "text", want: "2001:db8::9311"},
			{text: "來源（IPv6）:fe80::1", key: "content", want: "fe80::1"},
			{text: "fe80::1ff:fe23:4567:890a", key: "remark"},
			{text: "::1", key: "remark"},
			{text: "2001:0db8:85a3:0000:0000:8a2e:0370:7334", key: "remark"},
			{text: "::ffff:192.0.2.128", key: "remark"},
			{text: "addr 2001:db8:0:0:1:0:0:1, ok", key: "text", want: "2001:db8:0:0:1:0:0:1"},
			{text: "[2001:db8::7]:443", key: "remark", want: "2001:db8::7"},
			// Glued to a label colon, as log lines write it.
			{text: "IP:2001:db8::1", key: "remark", want: "2001:db8::1"},
			{text: "IPv6:fe80::200:5aee:feaa:20a2", key: "remark", want: "fe80::200:5aee:feaa:20a2"},
			{text: "IP:::ffff:192.0.2.1", key: "remark", want: "::ffff:192.0.2.1"},
			// "::" for one group at either end: net/netip ParseAddr accepts both.
			{text: "1:2:3:4:5:6:7::", key: "remark"},
			{text: "::2:3:4:5:6:7:8", key: "remark"},
			// Zones (RFC 4007 §11, RFC 6874 in URLs) belong to the address.
			{text: "ping fe80::1%eth0 ok", key: "remark", want: "fe80::1%eth0"},
			{text: "http://[fe80::1%25en0]:8080/", key: "remark", want: "fe80::1%25en0"},
			{text: "2001:DB8::1", key: "ip"},
		},
		fp: []tcase{
			{text: "10:15:00", key: "remark"},
			{text: "00:1A:2B:3C:4D:5E", key: "macAddress"},
			{text: "12:30", key: "remark"},
			{text: "1::2::3", key: "remark"},
			{text: "std::vector", key: "remark"},
			{text: "2001:db8::g", key: "remark"},
			{text: "::", key: "remark"},
			{text: "dead:beef::1:2:3:4:5:6:7", key: "remark"},
			{text: "1:2:3:4:5:6:7:8::", key: "remark"},
			{text: "time:10:15:30", key: "remark"},
			{text: "MAC:00:1A:2B:3C:4D:5E", key: "remark"},
		},
	})
}

func TestIPv4Cases(t *testing.T) { runCases(t, IPv4) }
func TestIPv6Cases(t *testing.T) { runCases(t, IPv6) }
