package detect

import "testing"

func init() {
	register(recognizerCases{typ: Email, naturalKey: "email",
		tp: []tcase{
			{text: "taiman.chan@example.com", key: "email"},
			{text: "請電郵 taiman.chan@example.com 查詢", key: "remark", want: "taiman.chan@example.com"},
			{text: "mailto:peter.chan@hk.example.com", key: "remark", want: "peter.chan@hk.example.com"},
			{text: "Contact: <grace.lee+hr@example.co.uk>", key: "text", want: "grace.lee+hr@example.co.uk"},
			{text: "12345678@qq.com", key: "remark"},
			{text: "user_name-1@sub.domain.example.org.", key: "remark", want: "user_name-1@sub.domain.example.org"},
			{text: "A@B.CO", key: "remark"},
			{text: "test/test@test.com", key: "remark"},
			{text: "mailhost!username@example.org", key: "remark"},
			{text: "x@example.com", key: "email"},
			{text: "電郵:kayan.lee@example.com。", key: "remark", want: "kayan.lee@example.com"},
			{text: "\"taiman.chan@example.com\"", key: "remark", want: "taiman.chan@example.com"},
			{text: "https://x.example.com/send?to=peter@example.com&x=1", key: "remark", want: "peter@example.com"},
			{text: "info@xn--fiqs8s.xn--j6w193g", key: "remark"},
			{text: "taiman.chan@example.com", key: "businessId"},
			{text: "陳大文<taiman.chan@example.com>", key: "remark", want: "taiman.chan@example.com"},
			{text: "_______@example.com", key: "remark"},
			{text: "firstname-lastname@example-one.museum", key: "remark"},
			{text: "postmaster@[123.123.123.123]", key: "remark"},
			{text: "寄往 _test@[IPv6:2001:0db8:85a3::8a2e:0370:7334] 謝謝", key: "remark", want: "_test@[IPv6:2001:0db8:85a3::8a2e:0370:7334]"},
			{text: "\"john..doe\"@example.org", key: "remark"},
			{text: "to: \"chan tai man\"@example.com;", key: "remark", want: "\"chan tai man\"@example.com"},
			// Internationalised addresses (RFC 6531), from Wikipedia's "Email address" examples.
			{text: "Pelé@example.com", key: "email"},
			{text: "我買@屋企.香港", key: "email"},
			{text: "請電郵 медведь@с-балалайкой.рф 查詢", key: "remark", want: "медведь@с-балалайкой.рф"},
			{text: "δοκιμή@παράδειγμα.δοκιμή", key: "remark"},
			{text: "二ノ宮@黒川.日本", key: "remark"},
			{text: "用户@例子.广告", key: "email"}, // Wikipedia's example of an internationalised address
			{text: "聯絡josé@café.fr，謝謝", key: "remark", want: "josé@café.fr"},
			{text: "電郵：chan.taiman@公司.香港。", key: "remark", want: "chan.taiman@公司.香港"},
			{text: "寄往我買@屋企.香港謝謝", key: "remark", want: "寄往我買@屋企.香港"}, // glued text cannot be told apart
			// An ASCII address glued to Chinese text ends where the Chinese starts.
			{text: "電郵taiman@example.com請回覆", key: "remark", want: "taiman@example.com"},
			{text: "user@vip.163.com", key: "remark"},
		},
		fp: []tcase{
			{text: "t***@example.com", key: "email"},
			{text: "ta***an@example.com", key: "remark"},
			{text: "logo@2x.png", key: "remark"},
			{text: "user@localhost", key: "remark"},
			{text: "a..b@example.com", key: "remark"},
			{text: "@example.com", key: "remark"},
			{text: "user@", key: "remark"},
			{text: "user@example", key: "remark"},
			{text: "user@example.c", key: "remark"},
			{text: "user@-example.com", key: "remark"},
			{text: "user.@example.com", key: "remark"},
			{text: "[EMAIL]", key: "remark"},
			{text: "user@example.123", key: "remark"},
			{text: "a@b@c.com", key: "remark"},
			{text: "tok_email_ABCDEFGHIJKLMNOPQRSTUVWXYZ", key: "email"},
			{text: "email@example..com", key: "remark"},
			{text: "email@111.222.333.44444", key: "remark"},
			{text: "---@example.com", key: "remark"},
			{text: "postmaster@[300.1.1.1]", key: "remark"},
			{text: "postmaster@[IPv6:not-an-address]", key: "remark"},
			{text: "\"\"@example.com", key: "remark"},
			// A Han local part needs an IDN top-level domain: a file name or a mention is no address.
			{text: "張三@李四.md", key: "remark"},
			{text: "大家好@陳大文.請跟進", key: "remark"},
			{text: "陳大文@example.com", key: "remark"},
			// isemail tests.xml (Dominic Sayers) #13, #33: no one-letter or hyphenated TLD.
			{text: "test@iana.a", key: "remark"},
			{text: "test@iana.co-uk", key: "remark"},
		},
	})
}

func TestEmailCases(t *testing.T) { runCases(t, Email) }

func TestValidEmail(t *testing.T) {
	for _, s := range []string{"a@example.com", " taiman.chan@example.com ", "x+y@sub.example.hk"} {
		if !ValidEmail(s) {
			t.Errorf("ValidEmail(%q) = false", s)
		}
	}
	for _, s := range []string{"", "a@example", "mail a@example.com", "a@example.com x", "t***@example.com"} {
		if ValidEmail(s) {
			t.Errorf("ValidEmail(%q) = true", s)
		}
	}
}
