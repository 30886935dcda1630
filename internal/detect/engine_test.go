package detect

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
)

func engine(t testing.TB) *Engine {
	t.Helper()
	e, err := NewEngine(EngineOptions{KeepValues: true})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func reports(t testing.TB, e *Engine, doc []byte) ([]string, error) {
	var out []string
	err := e.ScanJSON(doc, func(r Report) {
		out = append(out, fmt.Sprintf("%s|%s|%d|%d|%s", r.Path, r.Type, r.Start, r.End, r.Value))
	})
	return out, err
}

// pathTypeValues scans doc and returns its findings as "path|type|value", failing the test
// when the document does not scan.
func pathTypeValues(t testing.TB, e *Engine, doc string) []string {
	t.Helper()
	var out []string
	err := e.ScanJSON([]byte(doc), func(r Report) {
		out = append(out, r.Path+"|"+string(r.Type)+"|"+string(r.Value))
	})
	if err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	return out
}

func TestEngineOnSamples(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/dingtalk/samples/*.json")
	if len(files) == 0 {
		t.Skip("samples not present")
	}
	e := engine(t)
	want := map[string]string{ // one expected finding per sample that holds PII
		"02_oapi_v2_user_get.response.json":              "result.remark|hkid|",
		"03_oapi_v2_user_list.response.json":             "result.list.1.remark|hkid|",
		"05_oapi_asyncsend_v2.request.json":              "msg.text.content|hkid|",
		"06_oapi_robot_send.request.json":                "at.atMobiles.0|hk_phone|",
		"08_v1_contact_users_me.response.json":           "mobile|hk_phone|",
		"09_v1_hrm_rosters_lists_query.response.json":    "result.0.fieldDataList.4.fieldValueList.0.value|hkid|",
		"11_v1_robot_oToMessages_batchSend.request.json": "msgParam|hk_phone|",
		"12_v1_workflow_processInstances.response.json":  "result.formComponentValues.1.value|hkid|",
		"13_stream_bot_message_frame.json":               "data|hkid|",
	}
	for _, f := range files {
		doc, _ := os.ReadFile(f)
		got, err := reports(t, e, doc)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if w, ok := want[filepath.Base(f)]; ok && !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("%s: no finding %s in %v", filepath.Base(f), w, got)
		}
		if strings.HasPrefix(filepath.Base(f), "01_") || strings.HasPrefix(filepath.Base(f), "07_") {
			if len(got) != 0 {
				t.Errorf("%s holds only tokens and ids, found %v", filepath.Base(f), got)
			}
		}
	}
}

func TestEngineFormAndText(t *testing.T) {
	e := engine(t)
	var got []string
	// Offsets are in the decoded parameter value, JSON inside it included
	// (msg = {"text":"證件 A123456(3)"}: the HKID starts at byte 16).
	err := e.ScanForm([]byte("dept_id=583201457&msg=%7B%22text%22%3A%22%E8%AD%89%E4%BB%B6+A123456(3)%22%7D&mobile=91234567"), func(r Report) {
		got = append(got, fmt.Sprintf("%s|%s|%s|%d", r.Path, r.Type, r.Value, r.Start))
	})
	if err != nil || !slices.Equal(got, []string{"msg|hkid|A123456(3)|16", "mobile|hk_phone|91234567|0"}) {
		t.Fatalf("form: %v %v", got, err)
	}
	if err := e.ScanForm([]byte("a=%zz"), func(Report) {}); err == nil {
		t.Fatal("malformed percent-encoding accepted")
	}
	got = nil
	e.ScanText([]byte("call 9123 4567 or mail a.b@example.com"), func(r Report) { got = append(got, string(r.Type)) })
	if !slices.Equal(got, []string{"hk_phone", "email"}) {
		t.Fatalf("text: %v", got)
	}
}

// reencode writes the same document with other escaping and spacing: every non-ASCII rune
// and '/' escaped, pretty-printed. Decoded values, and so findings, must not change.
func reencode(doc []byte) []byte {
	var t jsonlex.Tape
	if jsonlex.Lex(doc, &t, jsonlex.Options{}) != nil {
		return nil
	}
	var b bytes.Buffer
	prev := 0
	for i, tk := range t.Tokens {
		gap := doc[prev:tk.Start]
		for _, c := range gap {
			switch c {
			case '{', '[', ',', ':', '}', ']':
				b.WriteByte(c)
				b.WriteString(" \n")
			}
		}
		switch tk.Kind {
		case jsonlex.String:
			b.WriteByte('"')
			for _, r := range string(t.Text(i, nil)) {
				switch {
				case r == '"' || r == '\\':
					b.WriteByte('\\')
					b.WriteRune(r)
				case r == '/':
					b.WriteString(`\/`)
				case r < 0x20 || r >= 0x7f:
					if r > 0xffff {
						r1, r2 := (r-0x10000)>>10+0xd800, (r-0x10000)&0x3ff+0xdc00
						fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
					} else {
						fmt.Fprintf(&b, `\u%04x`, r)
					}
				default:
					b.WriteRune(r)
				}
			}
			b.WriteByte('"')
			prev = int(tk.End)
		case jsonlex.Object, jsonlex.Array:
			prev = int(tk.Start)
		default:
			b.Write(t.Raw(i))
			prev = int(tk.End)
		}
	}
	for _, c := range doc[prev:] {
		switch c {
		case '}', ']', ',', ':', '{', '[':
			b.WriteByte(c)
		}
	}
	return b.Bytes()
}

// FuzzEngine: no panics on any input; every span lies inside its value on UTF-8 boundaries;
// and findings do not change when the same JSON is written with other escapes and spacing.
func FuzzEngine(f *testing.F) {
	files, _ := filepath.Glob("../../../shared/dingtalk/samples/*.json")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"remark":"HKID A123456(3) \u0040 9123 4567","ext":"{\"id\":\"K382716(A)\"}","n":91234567}`))
	// A bare member of JSON under a typed key, an approval title, a mobile written 3-8.
	f.Add([]byte(`{"address":"{\"value\":\"{\\\"detail\\\":\\\"香港北角太古城10座31樓A室\\\"}\"}","mobile":"136 12138685",` +
		`"result":{"title":"Chan Tai Man提交的報銷","process\u005finstance\u005fid":"x"}}`))
	e := engine(f)
	f.Fuzz(func(t *testing.T, doc []byte) {
		got, err := reports(t, e, doc)
		if err != nil || !utf8.Valid(doc) {
			return
		}
		for _, r := range got {
			parts := strings.SplitN(r, "|", 5)
			var start, end int
			fmt.Sscan(parts[2], &start)
			fmt.Sscan(parts[3], &end)
			if start < 0 || end <= start || !utf8.ValidString(parts[4]) {
				t.Fatalf("bad span %s", r)
			}
		}
		re := reencode(doc)
		if re == nil {
			t.Fatal("re-encoding failed")
		}
		again, err := reports(t, e, re)
		if err != nil {
			t.Fatalf("re-encoded document does not scan: %v\n%s", err, re)
		}
		if !slices.Equal(got, again) {
			t.Fatalf("findings changed after re-encoding:\n%v\n%v\n%s\n%s", got, again, doc, re)
		}
	})
}

// Approval forms: a component's "name" is a field label, not a person's name; a table
// cell's "label" names its value; under a roster fieldCode, "label" is a display value.
func TestEngineFormLabels(t *testing.T) {
	e := engine(t)
	doc := []byte(`{"formComponentValues":[` +
		`{"componentType":"TableField","name":"明細","id":"TableField-1","value":"[{\"rowValue\":[{\"label\":\"收款人\",\"key\":\"TextField-2\",\"value\":\"李小明\"},{\"label\":\"金額\",\"key\":\"Money-1\",\"value\":\"13800138000\"}]}]"},` +
		`{"componentType":"TextField","name":"王芳","id":"TextField-9","value":"ok"}],` +
		`"roster":[{"fieldCode":"sys00-name","fieldValueList":[{"itemIndex":0,"label":"陳大文","value":"陳大文"}]}],` +
		`"users":[{"name":"周寶儀","userid":"chowpoyee"}]}`)
	got, err := reports(t, e, doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"formComponentValues.0.value|person_name|", // 李小明, named by the cell's label 收款人
		"roster.0.fieldValueList.0.label|person_name|",
		"roster.0.fieldValueList.0.value|person_name|",
		"users.0.name|person_name|",
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("no finding %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, ".name|") && !strings.HasPrefix(g, "users.") || strings.Contains(g, "13800138000") {
			t.Errorf("unexpected finding %s (a label, or an amount)", g)
		}
	}
}

// A custom roster field has an opaque code; its display name says what it holds.
func TestEngineCustomRosterField(t *testing.T) {
	e := engine(t)
	doc := []byte(`{"field_data_list":[` +
		`{"field_code":"customField-abc123","field_name":"家庭住址","field_value_list":[{"item_index":0,"label":"香港新界沙田大圍道1號","value":"香港新界沙田大圍道1號"}]},` +
		`{"fieldCode":"customField-def456","fieldName":"護照號碼","fieldValueList":[{"itemIndex":0,"value":"E12345678"}]},` +
		`{"field_code":"sys00-deptIds","field_name":"部門","field_value_list":[{"item_index":0,"label":"香港分公司","value":"123456789"}]}]}`)
	got, err := reports(t, e, doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"field_data_list.0.field_value_list.0.value|address|", "field_data_list.1.fieldValueList.0.value|cn_passport|"} {
		if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, w) }) {
			t.Errorf("no finding %s in %v", w, got)
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, "field_data_list.2.") {
			t.Errorf("department field reported: %s", g)
		}
	}
}

// TestHeldOutPayloads scans DingTalk payload kinds that are not among the samples (external
// contacts, CRM, attendance, the older roster list, approvals with tables, calendar,
// interactive cards, callbacks, Stream events, OA messages, pre-entry and roster updates,
// leave records, reports, to-dos, hard negatives) and checks every finding against
// testdata/heldout/truth.json: each expected finding is there (path, type and value), and
// nothing else is. Entries marked known_miss are asserted missing, so fixing one is noticed.
func TestHeldOutPayloads(t *testing.T) {
	type want struct {
		File, Path, Type, Value string
		KnownMiss               string `json:"known_miss"`
	}
	raw, err := os.ReadFile("testdata/heldout/truth.json")
	if err != nil {
		t.Fatal(err)
	}
	var truth []want
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/heldout/h*.json")
	if err != nil || len(files) < 15 {
		t.Fatalf("held-out payloads: %d files, %v", len(files), err)
	}
	type key struct{ file, path, typ, value string }
	expected := map[key]int{}
	missing := map[key]int{}
	for _, w := range truth {
		k := key{w.File, w.Path, w.Type, w.Value}
		if w.KnownMiss != "" {
			missing[k]++
		} else {
			expected[k]++
		}
	}
	e := engine(t)
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if err := e.ScanJSON(body, func(r Report) {
			k := key{name, r.Path, string(r.Type), string(r.Value)}
			switch {
			case expected[k] > 0:
				expected[k]--
			case missing[k] > 0:
				t.Errorf("%s %s: %s %q is found now; drop its known_miss", name, r.Path, r.Type, r.Value)
			default:
				t.Errorf("%s %s: unexpected %s %q (score %.2f)", name, r.Path, r.Type, r.Value, r.Score)
			}
		}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	for k, n := range expected {
		if n > 0 {
			t.Errorf("%s %s: %s %q not found", k.file, k.path, k.typ, k.value)
		}
	}
}

// TestNestedJSONTakesHolderKey: a string holding JSON under a typed key is that type's
// record; its members with bare keys (detail, value, line1 …) hold what the outer key
// names, and members whose keys mean something keep their own meaning.
func TestNestedJSONTakesHolderKey(t *testing.T) {
	const addr = "香港北角太古城10座31樓A室"
	e := engine(t)
	for _, tt := range []struct {
		doc  string
		want []string // "path|type|value"
	}{
		{`{"address":"{\"province\":\"香港\",\"detail\":\"` + addr + `\"}"}`, []string{"address|address|" + addr}},
		{`{"地址":"{\"city\":\"香港\",\"full_text\":\"` + addr + `\"}"}`, []string{"地址|address|" + addr}},
		{`{"homeAddress":"[{\"line1\":\"` + addr + `\"}]"}`, []string{"homeAddress|address|" + addr}},
		// A form component named 地址 whose value is JSON: the name is the holder's label.
		{`{"form":[{"name":"地址","value":"{\"text\":\"` + addr + `\"}"}]}`, []string{"form.0.value|address|" + addr}},
		// Two strings deep: the inner holder is itself a bare member of the outer record.
		{`{"address":"{\"value\":\"{\\\"detail\\\":\\\"` + addr + `\\\"}\"}"}`, []string{"address|address|" + addr}},
		{`{"mobile":"{\"areaCode\":\"+852\",\"number\":\"91234567\"}"}`, []string{"mobile|hk_phone|91234567"}},
		// An inner key that means something keeps its meaning: a mobile in an address
		// record is a phone, an id is an id, and a value under an order number is neither.
		{`{"address":"{\"mobile\":\"91234567\",\"id\":\"91234568\"}"}`, []string{"address|hk_phone|91234567"}},
		{`{"address":"{\"owner\":{\"name\":\"cs\",\"orderNo\":{\"value\":\"91234567\"}}}"}`, nil},
		// A holder that names no type passes nothing down.
		{`{"extension":"{\"detail\":\"` + addr + `\"}"}`, nil},
		{`{"msgParam":"{\"text\":\"91234567\"}"}`, nil},
		// Outside JSON in a string, a bare key is only itself.
		{`{"address":{"detail":"91234567"}}`, nil},
	} {
		if got := pathTypeValues(t, e, tt.doc); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.doc, got, tt.want)
		}
	}
}

// TestApprovalTitle: an approval instance's title starts with the originator's name
// ("<name>提交的<form>", legacy and v1.0 APIs and their events). Only that name is reported,
// only in an approval record, and only when it is a person's name.
func TestApprovalTitle(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		doc  string
		want []string // "path|type|value"
	}{
		{`{"result":{"title":"陳大文提交的請假","originatorUserId":"chantaiman","businessId":"202503181015000123456"}}`, []string{"result.title|person_name|陳大文"}},
		{`{"process_instance":{"title":"Chan Tai Man提交的報銷","status":"RUNNING"}}`, []string{"process_instance.title|person_name|Chan Tai Man"}},
		{`{"process_instance_id":"abc","title":"歐陽小明 提交的出差申請"}`, []string{"title|person_name|歐陽小明"}},
		{`{"data":"{\"processInstanceId\":\"aAlK\",\"title\":\"李子軒提交的采购申请\",\"type\":\"start\"}"}`, []string{"data|person_name|李子軒"}},
		// A title elsewhere is free text.
		{`{"msg":{"title":"陳大文提交的請假","text":"已批"}}`, nil},
		{`{"markdown":{"title":"陳大文提交的請假"},"processInstanceId":"x"}`, nil},
		// No originator, or a department: nothing, and never the whole title.
		{`{"title":"財務部提交的報銷","processInstanceId":"abc"}`, nil},
		{`{"title":"IT 部提交的報銷","processInstanceId":"abc"}`, nil},
		{`{"title":"年假申請","processInstanceId":"abc"}`, nil},
		{`{"title":"提交的請假","processInstanceId":"abc"}`, nil},
		{`{"title":"Wing On Trading Limited提交的付款","businessId":"1"}`, nil},
		// Yida form and process instances write 發起的 (发起的) between the two.
		{`{"formInstId":"FINST-1","title":"彭敏卓發起的請假申請","originator":{"userId":"u1"}}`, []string{"title|person_name|彭敏卓"}},
		{`{"data":[{"processInstanceId":"p-1","title":"陈大文发起的费用报销"}]}`, []string{"data.0.title|person_name|陈大文"}},
		{`{"formUuid":"FORM-1","title":"Chan Tai Man發起的IT 帳號申請"}`, []string{"title|person_name|Chan Tai Man"}},
		{`{"formUuid":"FORM-1","title":"財務部發起的報銷"}`, nil},
		{`{"title":"陳大文發起的活動","type":"news"}`, nil},
		{`{"formInstId":"FINST-1","title":"訪客登記"}`, nil},
	} {
		if got := pathTypeValues(t, e, tt.doc); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.doc, got, tt.want)
		}
	}
}

// TestPersonI18nName: Yida writes a person's name as an i18n object under the person
// ({"originator":{"name":{"nameInChinese":…,"nameInEnglish":…}}}); the same members name
// forms, departments and regions elsewhere.
func TestPersonI18nName(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		doc  string
		want []string // "path|type|value"
	}{
		{`{"originator":{"userId":"u1","name":{"nameInChinese":"陳大文","nameInEnglish":"Chan Tai Man","type":"i18n"}}}`,
			[]string{"originator.name.nameInChinese|person_name|陳大文", "originator.name.nameInEnglish|person_name|Chan Tai Man"}},
		{`{"data":[{"modifyUser":{"userId":"u2","name":{"nameInChinese":"李小明","type":"i18n"}}}]}`,
			[]string{"data.0.modifyUser.name.nameInChinese|person_name|李小明"}},
		{`{"approvers":[{"name":{"zh_CN":"王美玲","en_US":"Wong Mei Ling"}}]}`,
			[]string{"approvers.0.name.zh_CN|person_name|王美玲", "approvers.0.name.en_US|person_name|Wong Mei Ling"}},
		{`{"originatorName":{"nameInChinese":"陳大文"}}`, []string{"originatorName.nameInChinese|person_name|陳大文"}},
		{`{"originator":{"name":{"nameInChinese":"","nameInEnglish":"","type":"i18n"}}}`, nil},
		// Not a person's name object.
		{`{"form":{"name":{"nameInChinese":"訪客登記","nameInEnglish":"Visitor Log"}}}`, nil},
		{`{"department":{"name":{"nameInChinese":"陳氏貿易","nameInEnglish":"Chan Trading"}}}`, nil},
		{`{"app":{"name":{"zh_CN":"陳記","en_US":"Chan Kee"}}}`, nil},
		{`{"regionText":[{"en_US":"Hong Kong","zh_CN":"香港特别行政区"}]}`, nil},
		{`{"originator":{"nameInChinese":"陳大文"}}`, nil},
	} {
		if got := pathTypeValues(t, e, tt.doc); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.doc, got, tt.want)
		}
	}
}

// TestPlaceDisplayName: a calendar event's location is read as an address, and only when
// it is one: a home visited, not a meeting room or a hospital; an attendee's displayName
// stays a name.
func TestPlaceDisplayName(t *testing.T) {
	e := engine(t)
	for _, tt := range []struct {
		doc  string
		want []string // "path|type|value"
	}{
		{`{"location":{"displayName":"新界沙田禾輋邨豐和樓28樓2807室"}}`,
			[]string{"location.displayName|address|新界沙田禾輋邨豐和樓28樓2807室"}},
		{`{"events":[{"location":{"displayName":"上門探訪：九龍旺角彌敦道128號2樓B座"}}]}`,
			[]string{"events.0.location.displayName|address|九龍旺角彌敦道128號2樓B座"}},
		{`{"location":{"displayName":"Conference Room 3A","meetingRooms":["r1"]}}`, nil},
		{`{"location":{"displayName":"觀塘 12樓 小會議室"}}`, nil},
		{`{"location":{"displayName":"瑪麗醫院 K 座 3 樓"}}`, nil},
		{`{"location":{"displayName":"Lee Garden"}}`, nil},
		{`{"attendees":[{"displayName":"陳大文"}],"organizer":{"displayName":"Grace Lee"}}`,
			[]string{"attendees.0.displayName|person_name|陳大文", "organizer.displayName|person_name|Grace Lee"}},
		{`{"pageList":[{"place":"尖沙咀廣東道","detailPlace":"九龍深水埗大埔道438號富豪閣3樓F室"}]}`,
			[]string{"pageList.0.detailPlace|address|九龍深水埗大埔道438號富豪閣3樓F室"}},
		{`{"recordresult":[{"userAddress":"Within range"},{"userAddress":"打卡範圍內"}]}`, nil},
	} {
		if got := pathTypeValues(t, e, tt.doc); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.doc, got, tt.want)
		}
	}
}

// fieldScan visits like the engine and the rewrite do, without building reports.
type fieldScan struct {
	s   *Scanner
	out []Finding
	n   int
}

func (v *fieldScan) Visit(n *jsonwalk.Node) jsonwalk.Verdict {
	if n.JSON || n.Text == nil {
		return jsonwalk.Keep
	}
	f := FieldOf(n)
	v.out = v.s.ScanText(n.Text, &f, v.out[:0])
	v.n += len(v.out)
	return jsonwalk.Keep
}

// TestFieldOfNestedAndTitleZeroAllocs: reading a nested member by its holder's key and an
// approval title by its siblings (escaped keys too) costs no allocation per value.
func TestFieldOfNestedAndTitleZeroAllocs(t *testing.T) {
	doc := []byte(`{"result":{"title":"陳大文提交的請假","originator\u0055serId":"u","businessId":"1"},
	 "address":"{\"province\":\"香港\",\"detail\":\"香港北角太古城10座31樓A室\"}",
	 "form":[{"name":"地址","value":"{\"text\":\"九龍灣宏照道33號15樓\"}"}],
	 "mobile":"{\"number\":\"91234567\"}","deptId":"138 12345678","remark":"手機 138 12345678",
	 "yida":{"formInstId":"F","title":"李小明發起的請假","originator":{"name":{"nameInChinese":"李小明"}}},
	 "location":{"displayName":"新界沙田禾輋邨豐和樓28樓2807室"}}`)
	var tp jsonlex.Tape
	if err := jsonlex.Lex(doc, &tp, jsonlex.Options{}); err != nil {
		t.Fatal(err)
	}
	w := jsonwalk.New(jsonwalk.Options{})
	v := &fieldScan{s: newTestScanner(t, ScannerOptions{})}
	if err := w.Walk(&tp, v); err != nil {
		t.Fatal(err)
	}
	if v.n != 8 {
		t.Fatalf("%d findings, want 8 (two title names, an i18n name, three addresses, two phones)", v.n)
	}
	if allocs := testing.AllocsPerRun(50, func() { _ = w.Walk(&tp, v) }); allocs != 0 {
		t.Fatalf("%v allocations per walk", allocs)
	}
}
