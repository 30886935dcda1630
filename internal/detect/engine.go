package detect

import (
	"bytes"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
)

// Report is a finding with the gjson path of the value it was found in. For JSON inside a
// string, Path is the outer string's path and the offsets are in its decoded text.
type Report struct {
	Path string
	Finding
	// Value is the matched text, only when EngineOptions.KeepValues is set (it is personal
	// data: `proxy scan --show-values` is the one user of it).
	Value []byte
}

// EngineOptions configure an Engine.
type EngineOptions struct {
	Scanner    ScannerOptions
	MaxDepth   int  // JSON nesting limit, JSON-in-string levels included; 0 = jsonlex default
	KeepValues bool // fill Report.Value
}

// Engine scans whole bodies: JSON (lexed once), form-urlencoded and plain text.
// It is safe for concurrent use.
type Engine struct {
	scanner *Scanner
	opts    EngineOptions
	pool    sync.Pool // *engineState
}

type engineState struct {
	tape     jsonlex.Tape
	walker   *jsonwalk.Walker
	findings []Finding
	path     []byte
	strs     []byte // the block Report paths are cut from (pathString)
	fn       func(Report)
	scanner  *Scanner
	keep     bool
	inValue  bool // the document is a form or query value: offsets are in that value
}

// NewEngine builds an Engine.
func NewEngine(opts EngineOptions) (*Engine, error) {
	s, err := NewScanner(opts.Scanner)
	if err != nil {
		return nil, err
	}
	return NewEngineWith(s, opts), nil
}

// NewEngineWith builds an Engine around an existing Scanner.
func NewEngineWith(s *Scanner, opts EngineOptions) *Engine {
	e := &Engine{scanner: s, opts: opts}
	e.pool.New = func() any {
		return &engineState{walker: jsonwalk.New(jsonwalk.Options{MaxDepth: opts.MaxDepth}), scanner: s, keep: opts.KeepValues}
	}
	return e
}

// Scanner returns the engine's text scanner.
func (e *Engine) Scanner() *Scanner { return e.scanner }

// ScanJSON reports every finding in a JSON body. Invalid JSON is an error with the byte
// offset (a *jsonlex.SyntaxError); nothing is reported for it.
func (e *Engine) ScanJSON(body []byte, fn func(Report)) error {
	st := e.pool.Get().(*engineState)
	defer e.pool.Put(st)
	if err := jsonlex.Lex(body, &st.tape, jsonlex.Options{MaxDepth: e.opts.MaxDepth}); err != nil {
		return err
	}
	st.fn = fn
	err := st.walker.Walk(&st.tape, st)
	st.fn = nil
	return err
}

// Visit implements jsonwalk.Visitor for scanning.
func (st *engineState) Visit(n *jsonwalk.Node) jsonwalk.Verdict {
	if n.JSON || n.Text == nil {
		return jsonwalk.Keep
	}
	key, label, number := fieldOf(n)
	st.findings = st.scanner.ScanField(n.Text, key, label, number, st.findings[:0])
	if len(st.findings) == 0 {
		return jsonwalk.Keep
	}
	st.path = n.AppendPath(st.path[:0], true)
	path := st.pathString(st.path)
	for _, fd := range st.findings {
		r := Report{Path: path, Finding: fd}
		if st.keep {
			r.Value = append([]byte(nil), n.Text[fd.Start:fd.End]...)
		}
		if st.inValue {
			r.Start, r.End = n.DocOffset(fd.Start), n.DocOffset(fd.End)
		} else {
			r.Start, r.End = n.OuterOffset(fd.Start), n.OuterOffset(fd.End)
		}
		st.fn(r)
	}
	return jsonwalk.Keep
}

// pathStrBlock is the size of the blocks Report paths are cut from.
const pathStrBlock = 4096

// pathString returns b as a string cut from a shared block: a string allocated for each value
// with findings cost more than the rest of reporting it. The block is only ever appended to,
// so a string handed out never changes; a full block is left to the strings that use it.
func (st *engineState) pathString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(st.strs)-len(st.strs) < len(b) {
		st.strs = make([]byte, 0, max(pathStrBlock, len(b)))
	}
	i := len(st.strs)
	st.strs = append(st.strs, b...)
	return unsafe.String(&st.strs[i], len(b))
}

// FieldOf describes a walk node for the scanner. The strings alias the document and are
// only valid during the visit (the scanner does not retain them).
//
// A roster value whose field code means nothing to the detectors is labelled by the field's
// display name instead. A node that labels a sibling value (a form component's "name") is
// read without its key: the key says "this names a field", not "this is a person's name".
//
// Two values take a label from where they sit rather than from a sibling: a member with a
// bare key (detail, value, line1 …) inside JSON held in a string under a typed key
// ({"address":"{\"detail\":…}"}) is read by that key, and an approval instance's title
// is labelled as the originator's name it starts with.
func FieldOf(n *jsonwalk.Node) Field {
	key, label, number := fieldOf(n)
	return Field{Key: key, Label: label, Number: number}
}

// FieldParts is FieldOf in parts, for Scanner.ScanField.
func FieldParts(n *jsonwalk.Node) (key, label string, number bool) { return fieldOf(n) }

// fieldOf is FieldOf in parts, for the engine's visit of every value: a Field (40 bytes) is
// too large for the compiler to keep in registers, and returning one costs two copies
// through memory.
func fieldOf(n *jsonwalk.Node) (string, string, bool) {
	if n.NamesSibling() {
		return "", "", n.Number()
	}
	label := bytesString(n.Label())
	if alt := n.Label2(); len(alt) > 0 && cachedHint(label) == (hint{}) {
		// An opaque custom field code (customField-abc123): its display name says more.
		label = bytesString(alt)
	}
	key := n.Key()
	if label == "" {
		if n.Nested() && bareKey(key) {
			label = holderMeaning(n)
		} else {
			// The keys read by where they sit, told apart by their length first: this runs
			// for every value.
			switch len(key) {
			case len("title"): // and zh_CN, en_US …
				switch {
				case string(key) == "title":
					// The marker first: every user record has a (job) title, and only an
					// approval title reads "…提交的…" or "…發起的…"; looking at the siblings
					// costs more.
					if originatorMarker(n.Text) > 0 && approvalTitle(n) {
						label = approvalTitleLabel
					}
				case i18nMember(key) && personI18nName(n):
					label = personI18nLabel
				}
			case len("name"):
				// {"userid":…,"unionid":…,"name":"Rosemary Gorczany"}: a user's name, read as
				// a person's whatever its surname, not as the overloaded key.
				if string(key) == "name" && personRecord(n) {
					label = personI18nLabel
				}
			case len("nameInChinese"):
				// {"originator":{"name":{"nameInChinese":"陳大文","nameInEnglish":…}}}
				if i18nMember(key) && personI18nName(n) {
					label = personI18nLabel
				}
			case len("displayName"):
				// A calendar event's location: a meeting room's name or, for a visit, the
				// address visited. Read as an address (with an address's shape), not as
				// the attendee's displayName the key otherwise is.
				if string(key) == "displayName" && placeMember(n) {
					return placeAddressKey, "", n.Number()
				}
			}
		}
	}
	return bytesString(key), label, n.Number()
}

// personRecord reports a "name" member of a person's record: two members before it are a
// user's or a staff member's ids (userid and unionid, or jobNumber). One is not enough: a
// user's salary items and simple lists carry the userid beside a name that is an item's or
// a bot's. DingTalk writes the ids first; only a few members before the name are looked at.
func personRecord(n *jsonwalk.Node) bool {
	obj := n.Container()
	if obj == nil || n.KeyTok < 0 {
		return false
	}
	t := n.Tape()
	if t.Tokens[obj.Tok].Kind != jsonlex.Object {
		return false
	}
	var user, union, staff bool
	for k, i := obj.Tok+1, 0; k < n.KeyTok && i < 8; k, i = int(t.Tokens[k+1].Next), i+1 {
		switch key := t.RawString(k); len(key) {
		case len("userid"):
			user = user || jsonwalk.KeyIs(key, "userid")
		case len("unionid"):
			union = union || jsonwalk.KeyIs(key, "unionid") || jsonwalk.KeyIs(key, "staffId")
		case len("jobNumber"), len("job_number"):
			staff = staff || jsonwalk.KeyIs(key, "jobNumber")
		}
	}
	return user && (union || staff)
}

// personI18nLabel labels the language members of a person's name object (and a person
// record's name, personRecord).
const personI18nLabel = "realName"

// placeAddressKey is the key a place's display name is read under: an address key.
const placeAddressKey = "detailPlace"

// i18nMember reports the members of an i18n text object, Yida's {"nameInChinese",
// "nameInEnglish", "type":"i18n"} and the locale-keyed {"zh_CN", "en_US"}.
func i18nMember(key []byte) bool {
	switch len(key) {
	case 13:
		return string(key) == "nameInChinese" || string(key) == "nameInEnglish"
	case 5:
		return key[2] == '_' && (string(key) == "zh_CN" || string(key) == "en_US" ||
			string(key) == "zh_TW" || string(key) == "zh_HK")
	}
	return false
}

// personI18nName reports an i18n member of a person's name: the object holding it is the
// "name" (or "displayName", "nick") of a person held by role (originator, modifyUser,
// approvers …), or is itself held by a key naming a person's name (originatorName). The
// same members name forms, apps, departments and regions elsewhere.
func personI18nName(n *jsonwalk.Node) bool {
	obj := n.Container()
	if obj == nil || obj.KeyTok < 0 || obj.Index >= 0 {
		return false
	}
	k := obj.Key()
	if jsonwalk.KeyIs(k, "name") || jsonwalk.KeyIs(k, "displayName") || jsonwalk.KeyIs(k, "nick") ||
		jsonwalk.KeyIs(k, "nickName") {
		p := obj.Container()
		return p != nil && personRoleKey(p.Key())
	}
	h := cachedHint(bytesString(k))
	return h.pos.has(tPersonName) && !h.weakName
}

// placeMember reports a member of a place object: {"location":{"displayName":…}}.
func placeMember(n *jsonwalk.Node) bool {
	obj := n.Container()
	if obj == nil || obj.KeyTok < 0 {
		return false
	}
	k := obj.Key()
	return jsonwalk.KeyIs(k, "location") || jsonwalk.KeyIs(k, "place") || jsonwalk.KeyIs(k, "venue")
}

// originatorMarker returns where the words between the originator and the form's name
// start in an approval or Yida process title (陳大文提交的請假, 陳大文發起的請假, 陈大文发起的请假),
// or -1. One search for 的 finds every form; most titles hold none.
func originatorMarker(b []byte) int {
	// 的 is E7 9A 84: its lead byte first, which English titles never hold.
	for off := 0; ; {
		i := bytes.IndexByte(b[off:], 0xE7)
		if i < 0 {
			return -1
		}
		j := off + i
		if j >= 6 && j+3 <= len(b) && b[j+1] == 0x9A && b[j+2] == 0x84 {
			switch string(b[j-6 : j]) {
			case "提交", "發起", "发起":
				return j - 6
			}
		}
		off = j + 1
	}
}

// bareKeys name a member by its role in a record, not by what it holds: inside a string
// that holds a typed record ({"address":"{\"province\":…,\"detail\":…}"},
// {"mobile":"{\"areaCode\":\"+86\",\"number\":…}"}) they hold what the string's key
// names. Keys that name a part (province, city, street) are not bare: a province alone is
// no address. Compared as jsonwalk.KeyIs does (case, '_' and '-' aside).
func bareKey(key []byte) bool {
	if len(key) > 0 && key[0] >= utf8.RuneSelf {
		// A Chinese key (英文名, 住址) normalises to itself: no bare key starts so. Most keys
		// inside JSON strings are such, and this runs for each of their values.
		return false
	}
	var buf [16]byte
	switch string(jsonwalk.NormKey(buf[:0], key)) {
	case "detail", "details", "value", "val", "text", "full", "fulltext", "line", "line1",
		"line2", "line3", "raw", "formatted", "display", "content", "number", "num", "no":
		return true
	}
	return false
}

// holderMeaning returns the key or label of the string holding n's document when it names a
// type and no key on the way down names something else (under "address", a value inside
// {"mobile":{"value":…}} stays a mobile's); "" otherwise. A holder that is itself a bare
// member of a JSON string takes its meaning from its own holder.
func holderMeaning(n *jsonwalk.Node) string {
	for c := n.Container(); c != nil; c = c.Container() {
		if c.KeyTok >= 0 && !bareKey(c.Key()) && cachedHint(bytesString(c.Key())) != (hint{}) {
			return ""
		}
	}
	h := n.Holder()
	if h == nil {
		return ""
	}
	f := FieldOf(h)
	switch {
	case cachedHint(f.Label).pos != 0:
		return f.Label
	case cachedHint(f.Key).pos != 0:
		return f.Key
	}
	return ""
}

// approvalTitleLabel labels an approval instance's title. DingTalk writes the title as the
// originator's nick, 提交的 and the form's name ("陳大文提交的請假"; Yida writes 發起的), so its
// head is what an originatorNickName holds; nameValue reads a title labelled so only for
// that head.
const approvalTitleLabel = "originatorNickName"

// approvalRecordKeys are members only an approval instance (legacy, v1.0 or its change
// event) holds beside its title: a title elsewhere (a message, a card, a job) is free text.
var approvalRecordKeys = []string{"processInstanceId", "procInstId", "originatorUserId",
	"originatorDeptId", "formComponentValues", "processCode", "businessId",
	// A Yida form or process instance ("陳大文發起的請假申請").
	"formInstId", "formInstanceId", "formUuid", "originator"}

// approvalTitle reports whether a title member belongs to an approval instance: by its
// siblings, or by the object that holds it (the legacy API's process_instance).
func approvalTitle(n *jsonwalk.Node) bool {
	if n.HasSibling(approvalRecordKeys...) {
		return true
	}
	c := n.Container()
	return c != nil && c.KeyTok >= 0 && jsonwalk.KeyIs(c.Key(), "processInstance")
}

func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// ScanText reports the findings in a plain-text body under the path "".
func (e *Engine) ScanText(body []byte, fn func(Report)) {
	var f Field
	for _, fd := range e.scanner.ScanText(body, &f, nil) {
		fn(e.report("", fd, body))
	}
}

// ScanForm reports the findings in an application/x-www-form-urlencoded body. Each
// parameter's path is its name; offsets are in its decoded value. Values that hold JSON
// (the legacy API's `msg`) are walked as JSON.
func (e *Engine) ScanForm(body []byte, fn func(Report)) error {
	return EachFormValue(body, func(name, value string) error {
		return e.scanValue(name, []byte(value), fn)
	})
}

// ScanQuery reports the findings in a URL query string, like ScanForm.
func (e *Engine) ScanQuery(rawQuery string, fn func(Report)) error {
	return e.ScanForm([]byte(rawQuery), fn)
}

func (e *Engine) scanValue(name string, value []byte, fn func(Report)) error {
	st := e.pool.Get().(*engineState)
	defer e.pool.Put(st)
	if jsonwalk.LooksLikeJSON(value) && jsonlex.Lex(value, &st.tape, jsonlex.Options{MaxDepth: e.opts.MaxDepth}) == nil {
		st.fn = func(r Report) {
			r.Path = escapeKey(name)
			fn(r)
		}
		st.inValue = true
		err := st.walker.Walk(&st.tape, st)
		st.fn, st.inValue = nil, false
		return err
	}
	f := Field{Key: name}
	for _, fd := range e.scanner.ScanText(value, &f, nil) {
		fn(e.report(escapeKey(name), fd, value))
	}
	return nil
}

func (e *Engine) report(path string, fd Finding, text []byte) Report {
	r := Report{Path: path, Finding: fd}
	if e.opts.KeepValues {
		r.Value = append([]byte(nil), text[fd.Start:fd.End]...)
	}
	return r
}

func escapeKey(k string) string { return string(jsonwalk.AppendEscapedKey(nil, []byte(k))) }

// EachFormValue calls fn for each name=value pair of a urlencoded body, decoded. A malformed
// escape is an error (the body cannot be inspected, so a caller must fail closed).
func EachFormValue(body []byte, fn func(name, value string) error) error {
	s := string(body)
	for s != "" {
		var pair string
		pair, s, _ = strings.Cut(s, "&")
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		name, err := url.QueryUnescape(k)
		if err != nil {
			return &FormError{Msg: "malformed percent-encoding in a parameter name"}
		}
		value, err := url.QueryUnescape(v)
		if err != nil {
			return &FormError{Msg: "malformed percent-encoding in parameter " + escapeKey(name)}
		}
		if err := fn(name, value); err != nil {
			return err
		}
	}
	return nil
}

// FormError reports a urlencoded body that cannot be decoded. It names the parameter, never
// the value.
type FormError struct{ Msg string }

func (e *FormError) Error() string { return "invalid form body: " + e.Msg }
