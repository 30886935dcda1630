package detect

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/checkdigit"
)

func init() {
	register(recognizerCases{typ: HKID, naturalKey: "idCardNo",
		tp: []tcase{
			{text: "HKID G778812-5", key: "remark", want: "G778812-5"}, // a dash before the check digit
			{text: "HKID A123456(3) 已核實", key: "remark", want: "A123456(3)"},
			{text: "A123456(3)91234567", key: "remark", want: "A123456(3)"}, // glued to a phone
			{text: "A123456(3)x", key: "remark", want: "A123456(3)"},        // the bracket ends it
			{text: "K382716(A)", key: "value", label: "sys02-certNo"},
			{text: "陪同母親 黃麗華 (HKID C668123(7)) 覆診", key: "value", label: "請假事由", want: "C668123(7)"},
			{text: "Y564201 (7)", key: "remark"},
			{text: "p103857(9)", key: "remark"},
			{text: "Z683365(A)", key: "content"},
			{text: "XA120584(3)", key: "remark"},
			{text: "M2749152", key: "idCardNo"},
			{text: "證件號碼：K382716A", key: "remark", want: "K382716A"},
			{text: "his id is A1234563.", key: "remark", want: "A1234563"},
			{text: "身份證A123456（3）已核實", key: "remark", want: "A123456（3）"},
			// Square brackets: validator.js's test list and some HR exports print the check so.
			{text: "身份證號碼 A123456[3] 已核實", key: "content", want: "A123456[3]"},
			{text: "A494866[4]", key: "idCard"},
			{text: hkidWithCheck("WX", "739215"), key: "certNo"},
			{text: hkidWithCheck("F", "739215"), key: "remark"},
			{text: "a1234563", key: "hkid"},
			{text: "HKID: a123456(3)", key: "remark", want: "a123456(3)"},
			{text: "A123456(3)", key: "businessId"}, // brackets: self-validating, even under an id key
			{text: "{\"身份證號碼\":\"A123456(3)\"}", key: "extension", want: "A123456(3)"},
			{text: "#### 薪酬通知\n- 證件：V7377819\n- 電郵：ng.eric@example.org", key: "text", label: "薪酬通知", want: "V7377819"},
			{text: "#### 薪酬通知\n- 身份證：a1063947\n- 請於 2020-09-23 前回覆", key: "text", label: "薪酬通知", want: "a1063947"},
			// EC: European Community officials' cards (1993–2003), an issued two-letter series.
			{text: "EC123456(9)", key: "remark"},
			{text: "EC1234569", key: "certNo"},
			// CA182361(1): the example of the widely copied HKID check-digit write-up
			// (keatonchan.blogspot.hk, 2009) used by iLexN/HKID-Check-Digit's README. Its
			// prefix was never issued, so a key or an ID word must name it.
			{text: "CA182361(1)", key: "idNumber"},
			{text: "CA1823611", key: "hkid"},
			{text: "身份證號碼：CA182361(1)，請核對", key: "remark", want: "CA182361(1)"},
			{text: "HKID No. CA182361 (1) verified", key: "remark", want: "CA182361 (1)"},
			// A space after the prefix letters: the span covers prefix, digits and bracket.
			{text: "A 123456(3)", key: "value", label: "sys02-certNo"},
			{text: "EC 123456(9)", key: "certNo"},
			{text: "K 382716 (A)", key: "idCardNo"},
			{text: "Z 683365（A）", key: "remark"},
			{text: "身份證：A 123456(3)，已核實", key: "remark", want: "A 123456(3)"},
			{text: "HKID " + spaced(hkidWithCheck("XA", "120584")), key: "remark", want: spaced(hkidWithCheck("XA", "120584"))},
			{text: "證件 CA 182361(1)", key: "remark", want: "CA 182361(1)"},
			// A label abbreviation glued to the value with its full stop.
			{text: "員工編號 E493541，HKID no.A1234563，（203.0.113.186）", key: "remark", want: "A1234563"},
			{text: "HKID No.A123456 (3)", key: "remark", want: "A123456 (3)"},
			// The check character as a word of its own, without brackets: an HKID key,
			// label or context word must name it.
			{text: "K382716 A", key: "value", label: "sys02-certNo"},
			{text: "A123456 3", key: "idCardNo"},
			{text: "A123456 3", key: "value", label: "證件號碼"},
			{text: spacedCheck(hkidBare("XA", "120584")), key: "certNo"},
			{text: "HKID: A123456 3，出生日期：1972年4月3日", key: "remark", want: "A123456 3"},
			{text: "My HKID is A123456 3 and DOB 8 Jun 1984.", key: "content", want: "A123456 3"},
			{text: "身份證號碼：A123456 3，出生日期 1975-06-20", key: "remark", want: "A123456 3"},
			{text: "HKID A123456 3 已核實", key: "remark", want: "A123456 3"},
		},
		fp: []tcase{
			{text: "Part no. G778812-5", key: "remark"},    // the same shape, no HKID word
			{text: "身份證號碼 A123456[4] 已核實", key: "content"}, // square brackets, wrong check digit
			{text: "A123456(4)", key: "remark"},
			{text: hkidWithCheck("O", "739215"), key: "remark"},
			{text: hkidWithCheck("I", "739215"), key: "remark"},
			{text: hkidWithCheck("AB", "739215"), key: "remark"},
			{text: "HK000123", key: "job_number"},
			{text: "HK0001234", key: "remark"},
			{text: "A1234563", key: "businessId"},
			{text: "order A1234563-01", key: "remark"},
			{text: "A123***(*)", key: "remark"},
			{text: "[HKID]", key: "remark"},
			{text: "tok_hkid_ABCDEFGHIJKLMNOPQRSTUVWXYZ", key: "remark"},
			{text: "commit a1234563 merged", key: "remark"},
			{text: "XA1205843X", key: "remark"},
			{text: "A12345(3)", key: "remark"},
			{text: "ref-A1234563", key: "remark"},
			{text: "photo.A1234563", key: "remark"}, // only a label abbreviation's full stop lets a value follow
			{text: "piano.A1234563", key: "remark"},
			{text: "A1234563", key: "value", label: "合同編號"},
			// An unissued two-letter prefix without a key or ID word is a code, check or not.
			{text: "CA182361(1)", key: "remark"},
			{text: "型號 AB9876543 已出貨", key: "remark"},
			{text: "SKU CA1823611", key: "remark"},
			{text: "CA182361(2)", key: "idNumber"},
			{text: "ZZ123456(A)", key: "orderNo"},
			// Spaced prefix: brackets, a correct check and an upper-case prefix are needed.
			{text: "A 123456(4)", key: "certNo"},
			{text: "A 1234563", key: "remark"},
			{text: "a 123456(3)", key: "remark"},
			{text: "Block A 12345(3)", key: "remark"},
			{text: "ABC 123456(3)", key: "remark"},
			{text: "Room2A 123456(3)", key: "remark"},
			{text: "CA 182361(1)", key: "remark"}, // unissued prefix, no ID word
			{text: "A 123***(*)", key: "certNo"},
			// Check character apart: without an HKID hint a letter, six digits and a digit
			// are a code and a count; with one, the check must match and end the word.
			{text: "A123456 3", key: "remark"},
			{text: "Order A123456 3 shipped", key: "remark"},
			{text: "HKID A123456 4", key: "remark"},
			{text: "HKID A123456 34", key: "remark"},
			{text: "HKID A123456 3.5", key: "remark"},
			{text: "A123456 3", key: "orderNo"},
			{text: "CA182361 1", key: "certNo"}, // unissued pair: as likely a passport's
		},
	})
}

func TestHKIDCases(t *testing.T) { runCases(t, HKID) }

func TestValidHKID(t *testing.T) {
	// Public vectors from the API notes (generated by hkid.js and re-checked independently).
	valid := []string{"EC123456(9)", "A123456(3)", "K382716(A)", "C668123(7)", "Y564201(7)", "P103857(9)",
		"Z683365(A)", "XA120584(3)", "M274915(2)", "A1234563", "A123456 (3)", "a123456(3)",
		" A123456(3) ", "A123456（3）", "K382716a", "xa1205843"}
	invalid := []string{"A123456(4)", "", "A123456", "A12345(3)", "O123456(1)", "I123456(1)",
		"AB1234563", "1234567(8)", "A123456(3", "A123456(3))", "A123456((3)", "ABC123456(3)",
		"A1234563A", "Ａ123456(3)"}
	for _, s := range valid {
		if !ValidHKID(s) {
			t.Errorf("ValidHKID(%q) = false", s)
		}
	}
	for _, s := range invalid {
		if ValidHKID(s) {
			t.Errorf("ValidHKID(%q) = true", s)
		}
	}
	// Every check character is reachable, and exactly one per number is valid.
	seen := map[byte]bool{}
	for k := 0; k < 500; k++ {
		d := fmt.Sprintf("%06d", k*7919%1000000)
		n := 0
		for _, c := range "0123456789A" {
			if ValidHKID("A" + d + "(" + string(c) + ")") {
				n++
				seen[byte(c)] = true
			}
		}
		if n != 1 {
			t.Errorf("A%s: %d valid check characters", d, n)
		}
	}
	if len(seen) != 11 {
		t.Errorf("check characters seen: %v", seen)
	}
}

// TestPublicVectors runs testdata/vectors/public.tsv: published test values for the ID,
// passport, registration, card and account recognizers (each section names its source),
// under realistic keys and in English and Chinese sentences, with look-alikes that must
// stay silent. A row is type, key, text and the expected match (the whole text if absent);
// type "-" means no finding of any type.
func TestPublicVectors(t *testing.T) {
	data, err := os.ReadFile("testdata/vectors/public.tsv")
	if err != nil {
		t.Fatal(err)
	}
	s := newTestScanner(t, ScannerOptions{})
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) < 3 {
			t.Fatalf("public.tsv:%d: %q", n+1, line)
		}
		typ, key, text := p[0], p[1], p[2]
		want := text
		if len(p) > 3 {
			want = p[3]
		}
		got := s.ScanText([]byte(text), &Field{Key: key}, nil)
		if typ == "-" {
			if len(got) > 0 {
				t.Errorf("public.tsv:%d key=%q %q: want nothing, got %s", n+1, key, text, describe(text, got))
			}
			continue
		}
		found := false
		for _, f := range got {
			found = found || string(f.Type) == typ && text[f.Start:f.End] == want
		}
		if !found {
			t.Errorf("public.tsv:%d key=%q %q: want %s %q, got %s", n+1, key, text, typ, want, describe(text, got))
		}
	}
}

// spaced writes an HKID A123456(3) as A 123456(3).
func spaced(h string) string {
	i := strings.IndexAny(h, "0123456789")
	return h[:i] + " " + h[i:]
}

// spacedCheck writes a bare HKID with a space before its check character: A123456 3.
func spacedCheck(h string) string {
	return h[:len(h)-1] + " " + h[len(h)-1:]
}

// hkidBare returns prefix + digits + check character, unbracketed.
func hkidBare(prefix, digits string) string {
	return prefix + digits + string(checkdigit.HKID(prefix, digits))
}

// TestHKIDOrPassportPrefix: a bare two-letter word whose check digit passes is an HKID
// under a generic ID key only when its prefix was issued (EC); ED/EF/DE are PRC passports.
func TestHKIDOrPassportPrefix(t *testing.T) {
	s, _ := NewScanner(ScannerOptions{})
	cases := []struct {
		text, key, label string
		want             Type
	}{
		{"EC1234569", "certNo", "", HKID},
		{hkidBare("ED", "305442"), "certNo", "", CNPassport},
		{hkidBare("EF", "346682"), "value", "sys02-certNo", CNPassport},
		{"證件號碼 " + hkidBare("DE", "123456"), "remark", "", CNPassport},
		{hkidBare("ED", "305442"), "hkid", "", HKID},
		{hkidBare("KJ", "123456"), "certNo", "", HKPassport},
	}
	for _, c := range cases {
		got := s.ScanText([]byte(c.text), &Field{Key: c.key, Label: c.label}, nil)
		if len(got) != 1 || got[0].Type != c.want {
			t.Errorf("%q under %s/%s: got %+v, want one %s", c.text, c.key, c.label, got, c.want)
		}
	}
}
