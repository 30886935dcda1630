package detect

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"
	"unsafe"
)

// ScannerOptions configures NewScanner.
type ScannerOptions struct {
	// Threshold drops findings scoring below it; 0 means the default, 0.5.
	Threshold float64
	// Custom recognizers from policies.
	Custom []CustomRecognizer
	// Disabled lists types (built-in or custom) not to report.
	Disabled []Type
}

// DefaultThreshold is the score below which findings are dropped unless configured otherwise.
const DefaultThreshold = 0.5

// Scanner finds PII in decoded text values. It is immutable once built and safe for
// concurrent use; ScanText keeps all its scratch state on the stack or in the caller's out
// slice, so it does not allocate once out has grown to its working size.
type Scanner struct {
	threshold float64
	disabled  tmask
	custom    []*CompiledCustom
	types     []Type
	now       func() time.Time // the clock for "date not in the future" checks
}

// NewScanner builds the scanner: the built-in recognizers plus optional custom ones. All
// problems in opts are reported at once.
func NewScanner(opts ScannerOptions) (*Scanner, error) {
	s := &Scanner{threshold: opts.Threshold, now: time.Now}
	var errs []error
	if s.threshold == 0 {
		s.threshold = DefaultThreshold
	}
	if s.threshold < 0 || s.threshold > 1 || s.threshold != s.threshold {
		errs = append(errs, fmt.Errorf("threshold %v is outside 0..1", opts.Threshold))
	}
	disabledCustom := map[Type]bool{}
	for i, c := range opts.Custom {
		cc, err := CompileCustom(c)
		if err != nil {
			errs = append(errs, fmt.Errorf("custom recognizer %d: %w", i, err))
			continue
		}
		s.custom = append(s.custom, cc)
	}
	for _, t := range opts.Disabled {
		if i, ok := builtinIndex(t); ok {
			s.disabled |= i.mask()
			continue
		}
		known := false
		for _, c := range s.custom {
			if c.typ == t {
				known = true
			}
		}
		if !known {
			errs = append(errs, fmt.Errorf("disabled type %q is neither built-in nor a custom recognizer", t))
			continue
		}
		disabledCustom[t] = true
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// Disabled custom recognizers are simply not kept.
	kept := s.custom[:0]
	for _, c := range s.custom {
		if !disabledCustom[c.typ] {
			kept = append(kept, c)
		}
	}
	s.custom = kept
	for i, t := range BuiltinTypes {
		if !s.disabled.has(tid(i)) {
			s.types = append(s.types, t)
		}
	}
	seen := map[Type]bool{}
	for _, c := range s.custom {
		if !seen[c.typ] {
			seen[c.typ] = true
			s.types = append(s.types, c.typ)
		}
	}
	return s, nil
}

// Types returns the types this scanner reports: enabled built-ins in catalogue order, then
// custom types in policy order.
func (s *Scanner) Types() []Type {
	out := make([]Type, len(s.types))
	copy(out, s.types)
	return out
}

// Scores. doc.go explains them; recognizers pick the base score of a candidate and the
// scanner raises it for key/label hints and context words.
const (
	scoreStrong    = 0.95 // self-validating structured format (A123456(3), e-mail, +852 phone)
	scoreKey       = 0.95 // any candidate whose key or label names its type
	scoreCtx       = 0.9  // validated candidate with a context word naming its type
	scoreValidated = 0.85 // validated digits-only or bare format, no hint
	scoreShapeCtx  = 0.8  // shape-only candidate (needs a hint) with a context word
	scoreCodeShape = 0.75 // distinctive but unvalidated shape (HK bank code, Macau bracket)
	scoreFormatted = 0.6  // HK number written 4-4 in running text, nothing else known
)

// Candidate flags.
const (
	fNeedHint uint8 = 1 << iota // reported only with a key/label hint or a context word
	fCtxProof                   // a negative context word does not suppress it
	fKeyProof                   // an id/time/amount key does not suppress it
	fNoBoost                    // the score is final: a key hint does not raise it
	fVerOnly                    // of the negative words only a version word suppresses it
	fMoneyOK                    // a money word (salary, 金額, HK$ …) does not suppress it
)

// cand is a candidate finding before hints, context and threshold are applied.
type cand struct {
	t          tid
	start, end int
	score      float64 // without key hint; for fNeedHint candidates, the score with context
	flags      uint8
}

// scanState is the per-call state of ScanText. It lives on the caller's stack.
type scanState struct {
	s    *Scanner
	text []byte
	// key and label are copied out of the Field: keeping the *Field here would make it
	// escape (out is appended to through the state pointer), costing callers an allocation.
	key, label string
	out        []Finding
	base       int
	number     bool

	h hint // the field's hint (fieldHint)

	ctxAt int // start offset of the cached context lookup, -1 when none
	ctx   ctxResult

	keyProofOnly bool // only fKeyProof candidates can be reported: skip the others' work

	// mark is 1 + where scan met the first title or name cue (nextHonorific), 0 if none;
	// scanned is 1 + where the scan started, 0 if it did not run.
	mark, scanned int

	// needFold: the text holds full-width forms the recognizers read only folded (fold.go);
	// folded: this is the folded copy already.
	needFold, folded bool
}

// ScanText appends the findings in one decoded text value to out and returns it. Findings
// are sorted by Start and never overlap; Start/End are byte offsets into text on UTF-8
// boundaries. text is not retained. ScanText never panics, whatever the bytes.
//
// Most values of a DingTalk payload hold nothing: ids, times, counts, status words. They
// leave before any state is set up, after one hint lookup and at most one pass over their
// bytes.
func (s *Scanner) ScanText(text []byte, f *Field, out []Finding) []Finding {
	var key, label string
	number := false
	if f != nil {
		key, label, number = f.Key, f.Label, f.Number
	}
	return s.ScanField(text, key, label, number, out)
}

// ScanField is ScanText with the field's members passed by value (FieldParts gives them for a
// walk node): the engine and the rewrite call it for every value, and a Field built only to
// be read back through a pointer costs a copy.
func (s *Scanner) ScanField(text []byte, key, label string, number bool, out []Finding) []Finding {
	if len(s.custom) > 0 || key == "" && label == "" {
		first := firstInteresting(text)
		if key == "" && label == "" {
			// No hint: only the formats found by shape, and never in a JSON number.
			if len(s.custom) == 0 && (first < 0 && !mayHoldHonorific(text, hNeutral, number) || number) {
				return out
			}
			return s.scanText(text, key, label, number, hNeutral, out, first)
		}
		return s.scanText(text, key, label, number, fieldHint(key, label, text), out, first)
	}
	// The hint first: under an id/time/amount key or on a JSON number it decides alone, or
	// with a pass cheaper than firstInteresting's, and most values are such.
	h := cachedHint(key) // fieldHint, one call fewer for the many values without a label
	if label != "" {
		h = labelledHint(h, label, text)
	}
	switch {
	case h.pos&maskText != 0:
		// A name, date of birth or address field: the whole value is read.
		first := firstInteresting(text)
		if first < 0 && !mayNameText(key) && (label == "" || !mayNameText(label)) && !mayHoldHonorific(text, h, number) {
			// Only if mayNameText missed a text key or label, which
			// TestMayNameTextIsASuperset forbids: such a value was always dropped unread.
			return out
		}
		return s.scanText(text, key, label, number, h, out, first)
	case number && h.pos == 0:
		return out // JSON numbers are ids, counts and times unless the key names a type
	case h.neg && h.pos == 0 && !mayHoldKeyProof(text):
		return out // an id/time/amount key, and no bracketed HKID, e-mail or IPv6
	}
	first := firstInteresting(text)
	switch {
	case first < 0 && !mayHoldHonorific(text, h, number):
		return out // no digit, '@' or ':': no format can start, nor a name before a title
	case h.neg && h.pos == 0 && !mayHoldKeyProof(text[first:]):
		// (Each key-proof format has an interesting byte before its '(', so the bytes
		// before first do not matter.)
		return out
	}
	return s.scanText(text, key, label, number, h, out, first)
}

func (s *Scanner) scanText(text []byte, key, label string, number bool, h hint, out []Finding, first int) []Finding {
	// Set field by field: the composite literal compiled to a copy of a template and a
	// second copy of the whole state, some 80 instructions for each value scanned.
	var st scanState
	st.s, st.text, st.key, st.label, st.number, st.h = s, text, key, label, number, h
	st.out, st.base, st.ctxAt = out, len(out), -1
	return st.run(first)
}

// scanFolded scans the width-folded copy of st.text (fold.go) and maps the findings back
// onto st.text.
func (st *scanState) scanFolded() []Finding {
	fd := foldPool.Get().(*folded)
	fd.fold(st.text)
	s, base := st.s, st.base
	f := scanState{s: s, text: fd.b, key: st.key, label: st.label, number: st.number, h: st.h, out: st.out[:base], base: base, ctxAt: -1, folded: true}
	out := f.run(firstInteresting(fd.b))
	for i := base; i < len(out); i++ {
		out[i].Start, out[i].End = fd.orig(out[i].Start), fd.orig(out[i].End)
	}
	foldPool.Put(fd)
	return out
}

// run scans st.text; first is its first interesting byte.
func (st *scanState) run(first int) []Finding {
	s, text, number, h := st.s, st.text, st.number, st.h
	if first >= 0 && !(number && h.pos == 0) { // JSON numbers need a key naming a type
		// Under an id/time/amount key only self-validating structured formats can survive
		// (A123456(3), e-mail, IPv6): skip the scan when the value cannot hold one.
		st.keyProofOnly = h.neg && h.pos == 0
		if !st.keyProofOnly || mayHoldKeyProof(text) {
			start := backToToken(text, first)
			if !st.keyProofOnly {
				st.bareLabels(start)
				st.cueWordsBefore(start)
			}
			st.scanned = start + 1
			st.scan(start)
			if st.needFold {
				// Found while scanning rather than by a pass of its own, so values without
				// full-width forms pay nothing for them. (The name, date of birth and address
				// readers below see nothing in those forms that the pass missed: each starts
				// from an interesting byte, and its lead byte 0xEF is one.)
				return st.scanFolded()
			}
		}
	}
	if len(st.text) > 8 && isUpper(st.text[0]) && h.pos == 0 && !h.neg && !number {
		st.leadingName() // "Peter Chan；HKID A123456(3) 已核實"
	}
	if len(st.text) >= 12 && honorificProse(st.h, st.number) {
		st.honorificPass() // "客戶黃志強先生來電": prose needs no label for these
	}
	if h.pos&maskText != 0 {
		st.wholeValue(h)
	}
	if len(s.custom) > 0 {
		st.scanCustom()
	}
	if len(st.out)-st.base > 1 {
		st.resolve()
	}
	return st.out
}

// bareLabels offers the starts of the text, its lines and clauses before start, which the
// scan does not visit, to bareLabel. No interesting byte lies there, so neither do the
// full-width separators (lead bytes 0xE3, 0xEF): a label there is followed by a space there
// too, or by U+3000 at start.
func (st *scanState) bareLabels(start int) {
	if start == 0 {
		if c := st.text[0]; !isDigit(c) || len(st.text) > 2 && (st.text[1] == '.' || st.text[2] == '.' ||
			st.text[1] == ')' || st.text[2] == ')') {
			st.bareLabel(0) // "- Payee 陳大文", "1. Name 陳大文", or found by bareLabelStart
		}
		return
	}
	// A label starting at start ("…入職\n- Payee 趙子軒": the bullet is interesting) follows
	// the last separator before it.
	k := start - 1
	for k > 0 && st.text[k] == ' ' {
		k--
	}
	if byteClass[st.text[k]] == clsSep && sepAt(st.text, k) {
		st.bareLabel(k + 1)
	}
	// A label before start has its space there too, or U+3000 at start; a Chinese label
	// glued to its value may start the text.
	last := bytes.LastIndexByte(st.text[:start], ' ')
	if st.text[start] == 0xE3 {
		last = start
	}
	if last < 0 {
		if st.text[0] >= utf8.RuneSelf && len(labelByFirst[labelFirstSlot(st.text, 0)]) > 0 {
			st.bareLabel(0) // "姓名是陳大文，…": a Chinese label needs no space
		}
		return
	}
	st.bareLabel(0)
	for j := 0; j < last; {
		k := nextBareLabel(st.text, j, last)
		if k < 0 {
			break
		}
		st.bareLabel(k + 1)
		j = k + 1
	}
	// A Chinese label and a space inside a clause: "請致電收貨人 李秀玲 …".
	if mayHoldHanLabel(st.text, last) {
		// (A label is two Chinese characters at least: six bytes.)
		for k := hanSpaceFrom(st.text, 6, last+1); k >= 0; k = hanSpaceFrom(st.text, k+1, last+1) {
			st.hanLabelSpace(k)
		}
	}
}

// mayHoldHanLabel is a cheap guess whether text, whose last space before the part looked at
// is at last, holds a Chinese label and a space ("收貨人 李秀玲"): Chinese starts the text or
// stands before or after that space. English text ("Operations Manager", "Ivan Tse；HKID")
// is passed over without a look at its spaces.
func mayHoldHanLabel(text []byte, last int) bool {
	return last >= 6 && (text[0] >= utf8.RuneSelf || text[last-1] >= utf8.RuneSelf ||
		last+1 < len(text) && text[last+1] >= utf8.RuneSelf)
}

// hanSpaceFrom returns the first space in text[from:to] right after a byte of a multi-byte
// character ("收貨人 李秀玲"), or -1. Eight bytes at a time: most texts have none.
func hanSpaceFrom(text []byte, from, to int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for j := from; j < to; {
		if j+8 <= to {
			v := binary.LittleEndian.Uint64(text[j:])
			x := v ^ (' ' * ones)
			zero := (x - ones) &^ x & high                // a space (or a byte after one)
			prevHigh := (v<<8 | uint64(text[j-1])) & high // the byte before is 0x80 or above
			if zero&prevHigh != 0 {
				for k := j; k < j+8; k++ {
					if text[k] == ' ' && text[k-1] >= 0x80 {
						return k
					}
				}
			}
			j += 8
			continue
		}
		if text[j] == ' ' && text[j-1] >= 0x80 {
			return j
		}
		j++
	}
	return -1
}

// sepAt reports whether the clsSep byte at i ends a line, clause or sentence: a '.' only
// before a space ("Approved. Payee 陳大文"), not in "example.com" or "2.5".
func sepAt(text []byte, i int) bool {
	return text[i] != '.' || i+1 < len(text) && text[i+1] == ' '
}

// keyProofByte marks the bytes the key-proof formats need: '(' and 0xEF for a bracketed
// HKID, '@' for an e-mail address, ':' for IPv6.
var keyProofByte = func() (t [256]uint8) {
	t['('], t[0xEF], t['@'] = 1, 1, 1
	t[':'] = 2
	return t
}()

// mayHoldKeyProof reports whether text holds one of keyProofByte's bytes, or two colons.
// It runs on every value under an id, time or amount key, most of them 8 to 20 bytes of
// digits and letters, so it looks at eight bytes at a time and reads bytes one by one
// only where one of those bytes may be.
func mayHoldKeyProof(text []byte) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	n := len(text)
	if n < 8 {
		return mayHoldKeyProofBytes(text)
	}
	for i := 0; i < n; i += 8 {
		v := binary.LittleEndian.Uint64(text[min(i, n-8):])
		// A byte of x is zero where v holds the byte looked for; (x − 1…) &^ x marks the
		// zero bytes (see mayBeInteresting). The last word overlaps the one before it,
		// which does not matter for a yes or no.
		paren, ef, at, colon := v^('('*ones), v^(0xEF*ones), v^('@'*ones), v^(':'*ones)
		if ((paren-ones)&^paren|(ef-ones)&^ef|(at-ones)&^at|(colon-ones)&^colon)&high != 0 {
			// Colons are counted: the bytes tell.
			return mayHoldKeyProofBytes(text)
		}
	}
	return false
}

func mayHoldKeyProofBytes(text []byte) bool {
	colons := 0
	for _, c := range text {
		switch keyProofByte[c] {
		case 1:
			return true
		case 2:
			if colons++; colons >= 2 {
				return true
			}
		}
	}
	return false
}

// interesting marks bytes that can start or sit inside a built-in format: digits, '@', ':'
// (IPv6 and "Name:" labels), 0xEF (the lead byte of full-width "：" and "（"), and what ends
// a label written without a colon: '|' (a markdown table cell), '*' (bold), '-' ("姓名 -
// 陳大文") and 0xE3 (the lead byte of "】"). The last four cost +2% instructions on the
// corpus (DetectScan) for labelled names, dates and addresses in values with no digit.
var interesting = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['@'], t[':'], t[0xEF], t['|'], t['*'], t['-'], t[0xE3] = true, true, true, true, true, true, true
	return t
}()

func firstInteresting(text []byte) int {
	n := len(text)
	i := 0
	switch {
	case n >= 8:
		for ; i+8 <= n; i += 8 {
			if mayBeInteresting(binary.LittleEndian.Uint64(text[i:])) {
				return firstInterestingFrom(text, i)
			}
		}
		if i == n || !mayBeInteresting(binary.LittleEndian.Uint64(text[n-8:])) {
			return bareLabelStart(text)
		}
	case n >= 4:
		// Two overlapping 4-byte words cover a 4–7 byte value.
		if !mayBeInteresting(uint64(binary.LittleEndian.Uint32(text)) | uint64(binary.LittleEndian.Uint32(text[n-4:]))<<32) {
			return bareLabelStart(text)
		}
	}
	if j := firstInterestingFrom(text, i); j >= 0 {
		return j
	}
	return bareLabelStart(text)
}

func firstInterestingFrom(text []byte, i int) int {
	for ; i < len(text); i++ {
		if interesting[text[i]] {
			return i
		}
	}
	return -1
}

// mayBeInteresting reports whether one of the eight bytes of v is interesting: a digit or
// ':' (0x30–0x3A), '@', 0xEF, '|', '*', '-' or 0xE3. SWAR: after xor with the byte b repeated, a
// byte is zero exactly where v holds b, and below 0x0B exactly where v holds 0x30–0x3A;
// (x − 0x01…) &^ x & 0x80… is non-zero exactly when some byte of x is zero (likewise below n
// for n ≤ 0x80).
func mayBeInteresting(v uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	d := v ^ (0x30 * ones)
	at := v ^ ('@' * ones)
	ef := v ^ (0xEF * ones)
	bar := v ^ ('|' * ones)
	star := v ^ ('*' * ones)
	dash := v ^ ('-' * ones)
	e3 := v ^ (0xE3 * ones)
	return ((d-0x0B*ones)&^d|(at-ones)&^at|(ef-ones)&^ef|(bar-ones)&^bar|(star-ones)&^star|(dash-ones)&^dash|(e3-ones)&^e3)&high != 0
}

// backToToken moves i back to the start of the token that holds it, so that a letter-led
// format (A123456(3)) or a "+852"/"(852)" prefix is seen from its beginning.
func backToToken(text []byte, i int) int {
	for i > 0 {
		c := text[i-1]
		if !isWord(c) && c != '+' && c != '(' {
			break
		}
		i--
	}
	// The prefix of a spaced HKID ("A 123456(3)") is a word of its own before the digits.
	if j := i - 1; j > 0 && text[j] == ' ' && isUpper(text[j-1]) {
		k := j - 1
		if k > 0 && isUpper(text[k-1]) {
			k--
		}
		if k == 0 || !isWord(text[k-1]) {
			i = k
		}
	}
	return i
}

// Byte classes for the main loop.
const (
	clsOther uint8 = iota
	clsDigit
	clsWord // letters and '_'
	clsPrefix
	clsAt
	clsColon
	clsEF
	clsMark // '|', '-', '*': markdown table cells, spaced dashes and bold labels
	clsE3   // the lead byte of the ideographic space U+3000, a digit group separator to fold
	clsSep  // '\n' , ; ! ? and ". ": a label without a colon may start after them (bareLabel)
	clsSpace
	clsE5 // the lead byte of 先 小 女 太 夫 同 客 屋: a name before a title or after a cue (honorificPass)
)

var byteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = clsDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clsWord
		t[c-'a'+'A'] = clsWord
	}
	t['_'] = clsWord
	t['+'], t['('] = clsPrefix, clsPrefix
	t['@'] = clsAt
	t[':'] = clsColon
	t[0xEF] = clsEF
	t[0xE3] = clsE3
	t['|'], t['-'], t['*'] = clsMark, clsMark, clsMark
	t['\n'], t[','], t[';'], t['!'], t['?'], t['.'] = clsSep, clsSep, clsSep, clsSep, clsSep, clsSep
	t[' '] = clsSpace
	t[0xE5] = clsE5
	return t
}()

// scan is the single pass over the text: words and number runs are tokenised with strict
// boundaries and handed to the recognizers.
func (st *scanState) scan(i int) {
	text := st.text
	for i < len(text) {
		switch byteClass[text[i]] {
		case clsOther:
			i++
		case clsE5:
			if st.mark == 0 && i+honorificLen <= len(text) && markLead(text[i+1], text[i+2]) {
				st.mark = i + 1 // checked in full by honorificPass
			}
			i++
		case clsSpace:
			if i >= 3 && text[i-1] >= 0x80 {
				st.hanLabelSpace(i) // "請致電收貨人 李秀玲 …"
			}
			i++
		case clsDigit:
			if i >= 6 && text[i-1] >= 0x80 && !st.keyProofOnly {
				st.dobCueBefore(i)
			}
			i = st.numberRun(i)
		case clsWord:
			i = st.word(i)
		case clsPrefix:
			if j := st.numberRun(i); j > i {
				i = j
			} else {
				i++
			}
		case clsAt:
			if j := st.matchEmail(i); j > i {
				i = j
			} else {
				i++
			}
		case clsColon:
			i = st.colon(i)
		case clsSep:
			if sepAt(text, i) {
				st.bareLabel(i + 1)
			}
			i++
		case clsMark:
			switch c := text[i]; {
			case c == '|' && i > 0 && text[i-1] == ' ': // | 姓名 | 陳大文 |
				st.labelValue(i, i+1)
				// " | " also separates the fields of a one-line summary: "… | 生日 1979/02/16".
				st.bareLabel(i + 1)
			case c == '-' && i > 0 && text[i-1] == ' ' && i+1 < len(text) && text[i+1] == ' ': // 姓名 - 陳大文
				st.labelValue(i, i+1)
			case c == '*' && i+2 < len(text) && text[i+2] == ' ' && boldClose(text, i+2): // **姓名** 陳大文
				st.labelValue(i+2, i+2)
				i++
			}
			i++
		case clsEF:
			if hasFullwidth(text, i, 0x9A) { // ：
				if !st.labelValue(i, i+3) {
					st.bareLabel(i + 3) // "備註：生日 1990-01-02"
				}
				i += 3
			} else if i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] == 0x8C || text[i+2] == 0x9B ||
				text[i+2] == 0x81 || text[i+2] == 0x9F) { // ， ； ！ ？
				i += 3
				st.bareLabel(i)
			} else if !st.folded && foldTrigger(text, i) {
				st.needFold = true
				return
			} else {
				i++
			}
		case clsE3:
			if cjkPunct(text, i, 0x91) { // 】: 【姓名】陳大文
				st.labelValue(i, i+3)
				i += 3
				continue
			}
			if cjkPunct(text, i, 0x82) { // 。
				i += 3
				st.bareLabel(i)
				continue
			}
			if !st.folded && ideoSpaceTrigger(text, i) {
				st.needFold = true
				return
			}
			i++
		}
	}
}

// colon handles ':' — an IPv6 address starting with "::" or a "Name:"-style label.
func (st *scanState) colon(i int) int {
	text := st.text
	if i+1 < len(text) && text[i+1] == ':' && (i == 0 || !isHexOrColon(text[i-1])) {
		if end := st.matchIPv6(i); end > i {
			return end
		}
	}
	if !st.labelValue(i, i+1) {
		st.bareLabel(i + 1) // "Remarks: DOB 1990-01-02"
	}
	return i + 1
}

// word handles a run of [A-Za-z0-9_] starting with a letter or '_' (and digit-led runs that
// turn out to contain letters, handed over by numberRun).
func (st *scanState) word(i int) int {
	text := st.text
	e := i
	var seen uint8
	for e < len(text) {
		k := wordClass[text[e]]
		if k == 0 {
			break
		}
		seen |= k
		e++
	}
	under := seen&wcUnder != 0
	if e < len(text) && text[e] == ':' && !under {
		if end := st.matchIPv6(i); end > e {
			return end
		}
	}
	if seen == wcLetter && e-i <= 2 && e+1 < len(text) && text[e] == ' ' && isDigit(text[e+1]) {
		// "A 123456(3)", "XA 123456(3)": an HKID typed with a space after its prefix.
		if end := st.matchSpacedHKID(i, e); end > 0 {
			return end
		}
	}
	if seen == wcLetter && e < len(text) && mayEndCue(text, e, e-i) && !st.keyProofOnly {
		st.cueWord(e, e-i) // "… and DOB 10/01/1975", "address changed to Flat G, …"
	}
	if seen&wcDigit == 0 || under || !st.leftOK(i) {
		return e
	}
	if end := st.matchHKID(i, e); end > 0 {
		return end
	}
	if !st.keyProofOnly {
		st.matchLetterIDs(i, e)
	}
	return e
}

// matchLetterIDs offers an alphanumeric word to the letter-led formats other than HKID.
func (st *scanState) matchLetterIDs(s, e int) {
	if !st.bareRightOK(e) {
		return
	}
	w := st.text[s:e]
	switch len(w) {
	case 8, 9:
		if isLetter(w[0]) {
			st.matchHKPassport(w, s, e)
			st.matchCNPassport(w, s, e)
		}
	case 10:
		st.matchTWID(w, s, e)
	case 18:
		st.matchUSCCWord(w, s, e)
	}
}

const (
	wcLetter uint8 = 1 << iota
	wcDigit
	wcUnder
)

// wordClass classifies the bytes of a word: letters, digits, '_'; 0 ends the word.
var wordClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case isLetter(byte(c)):
			t[c] = wcLetter
		case isDigit(byte(c)):
			t[c] = wcDigit
		case c == '_':
			t[c] = wcUnder
		}
	}
	return t
}()

// leftOK reports whether a token may start at i: not inside a word, and not the tail of a
// code such as "PO-12345678", "v1.2.3.4" or "ab.12345678".
func (st *scanState) leftOK(i int) bool {
	if i == 0 {
		return true
	}
	p := st.text[i-1]
	if isWord(p) || p == '*' { // '*': the visible tail of a masked value (9***4567)
		return false
	}
	if (p == '.' || p == '-') && i >= 2 && isAlnum(st.text[i-2]) && !(p == '.' && labelAbbrevBefore(st.text, i-1)) {
		return false
	}
	if (p == ' ' || p == '-') && i >= 2 && st.text[i-2] == '*' && !boldClose(st.text, i-1) {
		return false // the next group of a masked value (2*** 2000): part of the mask
	}
	return true
}

// labelAbbrevs are the abbreviated labels people glue to a value with their full stop:
// "HKID no.A1234563", "Tel.91234567", "Mob.61234567". After any other word the '.' makes the
// digits the tail of a code or a file name (ab.12345678).
var labelAbbrevs = [][]byte{[]byte("no"), []byte("tel"), []byte("mob"), []byte("ph"), []byte("fax")}

// labelAbbrevBefore reports whether the '.' at dot ends one of labelAbbrevs standing as a
// word of its own.
func labelAbbrevBefore(text []byte, dot int) bool {
	for _, w := range labelAbbrevs {
		s := dot - len(w)
		if s < 0 || s > 0 && isAlnum(text[s-1]) {
			continue
		}
		if equalFoldASCII(text[s:dot], w) {
			return true
		}
	}
	return false
}

// bareRightOK reports whether an unbracketed token ending at e is really over: not the local
// part of an e-mail, not followed by ".pdf" or "-01".
func (st *scanState) bareRightOK(e int) bool {
	text := st.text
	if e >= len(text) {
		return true
	}
	c := text[e]
	if isWord(c) || c == '@' {
		return false
	}
	if (c == '.' || c == '-') && e+1 < len(text) && isWord(text[e+1]) {
		return false
	}
	return true
}

// wordEnds reports whether nothing alphanumeric follows at e.
func wordEnds(text []byte, e int) bool {
	return e >= len(text) || !isWord(text[e])
}

// hint returns the field's key/label hint.
func (st *scanState) hint() hint { return st.h }

// context returns the nearest context word before start, cached for repeated candidates at
// the same offset (one run often yields several alternatives).
func (st *scanState) context(start int) ctxResult {
	if st.ctxAt != start {
		st.ctxAt = start
		st.ctx = nearestContext(st.text, start)
	}
	return st.ctx
}

// add scores a candidate with the key hint and context and appends it to out when it
// passes. Overlaps are resolved at the end of ScanText.
func (st *scanState) add(c cand) {
	if st.s.disabled.has(c.t) || c.start < 0 || c.end > len(st.text) || c.start >= c.end {
		return
	}
	h := st.hint()
	// A card-shaped number named as a bank card or account is a bank card, not both.
	byContext := false
	if c.t == tCreditCard && !h.pos.has(tCreditCard) {
		if h.pos&maskBank != 0 {
			c.t = tCNBankCard
		} else if h.pos == 0 {
			// Only a word naming this very number re-types it: in "銀行卡 6222… | 4111…"
			// the second number is a card again.
			if cx := st.context(c.start); cx.found && cx.direct && cx.mask.has(tCNBankCard) && !cx.mask.has(tCreditCard) {
				c.t, byContext = tCNBankCard, true
			}
		}
		if st.s.disabled.has(c.t) {
			return
		}
	}
	pos := h.pos.has(c.t)
	if st.number && !pos {
		return // JSON numbers are ids, counts and times unless the key says otherwise
	}
	if h.neg && !pos && c.flags&fKeyProof == 0 {
		return
	}
	inlinePos := false
	if !pos {
		if ih, ok := st.inlineKey(c.start); ok {
			inlinePos = ih.pos.has(c.t)
			if ih.neg && !inlinePos && c.flags&fKeyProof == 0 {
				return // "?taskId=13812345678", "msgId: 91234567"
			}
		}
		if c.flags&(fCtxProof|fKeyProof) == fCtxProof && maskPhone.has(c.t) && !inlinePos {
			if cx := st.context(c.start); cx.found && cx.hard {
				return // "Meeting ID: 852 2823 7418"
			}
		}
	}
	score := c.score
	switch {
	case pos:
		if c.flags&fNoBoost == 0 {
			score = max(score, scoreKey)
		}
	case inlinePos:
		// An inline key is text before the value, like a context word: it raises what the
		// value's own shape found, not a name, date or address read after a label (that
		// came from context already and stays below the context-free scores).
		if c.flags&fNeedHint == 0 && !maskText.has(c.t) {
			score = max(score, scoreCtx)
		}
	case c.flags&fNeedHint != 0:
		cx := st.context(c.start)
		if !(cx.found && cx.mask.has(c.t)) && !st.mentionContext(c) {
			return
		}
	case c.flags&fCtxProof == 0:
		if st.mentionContext(c) {
			score = max(score, scoreCtx)
			break
		}
		cx := st.context(c.start)
		if cx.found && cx.mask.has(c.t) {
			score = max(score, scoreCtx)
		} else if cx.takesBack(c.t) && (c.flags&fVerOnly == 0 || cx.ver) && !(c.flags&fMoneyOK != 0 && cx.money) {
			return
		}
	}
	if byContext {
		// The type itself came from context: keep it below the context-free scores.
		score = scoreShapeCtx
	}
	if score < st.s.threshold {
		return
	}
	st.out = append(st.out, Finding{Type: c.t.Type(), Start: c.start, End: c.end, Score: score})
}

// inlineKey returns the hint of a key written inline right before the value at start: a URL
// query or form parameter ("?taskId=13812345678", "&mobile=91234567"), a URL path segment
// naming the next one ("/taskId/15029903791/", "/refNo/6518-5293/"), or a code-shaped key
// and a colon or space ("taskId 13812345678", "client_ip: 10.0.0.8"). A prose word before a
// value is a context word, not a key: without '=' or a path only a camelCase or snake_case
// identifier counts, so "ID 110101…" and "Tel 9123 4567" are left to context.
func (st *scanState) inlineKey(start int) (hint, bool) {
	text := st.text
	j, keySep := start, false // keySep: only keys end in '=' or a path's '/'
	switch {
	case j > 1 && (text[j-1] == '=' || text[j-1] == '/'):
		j, keySep = j-1, true
	case j > 2 && text[j-1] == ' ' && text[j-2] == ':':
		j -= 2
	case j > 1 && (text[j-1] == ' ' || text[j-1] == ':'):
		j--
	default:
		return hint{}, false
	}
	k := j
	for k > 0 && j-k <= maxNormKey && (isWord(text[k-1]) || text[k-1] == '-') {
		k--
	}
	if k == j || j-k > maxNormKey || !isLetter(text[k]) || !keySep && !codeShaped(text[k:j]) {
		return hint{}, false
	}
	if text[j] == '/' && !pathSegment(text, k) {
		return hint{}, false // "IP/10.0.0.1", "wa.me/852…", or the host of "//host/…"
	}
	return cachedHint(unsafe.String(&text[k], j-k)), true
}

// pathSegment reports whether the word at k is a URL path segment: a '/' before it that
// does not end "//" (after which the host comes).
func pathSegment(text []byte, k int) bool {
	return k > 0 && text[k-1] == '/' && (k < 2 || text[k-2] != '/')
}

// codeShaped reports an identifier as programs write keys: snake_case or camelCase with a
// capital after a lower-case letter (taskId, process_instance_id), unlike the words of a
// sentence (Tel, HKID).
func codeShaped(w []byte) bool {
	for i, c := range w {
		if c == '_' && i > 0 && i+1 < len(w) || isUpper(c) && i > 0 && isLower(w[i-1]) {
			return true
		}
	}
	return false
}

// mentionContext: DingTalk markdown mentions people by mobile ("@68765432"), so a phone
// number right after '@' has phone context, whatever words come before the mention.
func (st *scanState) mentionContext(c cand) bool {
	return maskPhone.has(c.t) && c.start > 0 && st.text[c.start-1] == '@'
}

// resolve sorts out[base:] by Start and removes overlaps, keeping the higher score, then the
// longer span, then the earlier one.
func (st *scanState) resolve() {
	f := st.out[st.base:]
	if len(f) < 2 {
		return
	}
	slices.SortStableFunc(f, func(a, b Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	// Walk clusters of transitively overlapping findings; most clusters have one member.
	for a := 0; a < len(f); {
		b, end := a+1, f[a].End
		for b < len(f) && f[b].Start < end {
			end = max(end, f[b].End)
			b++
		}
		if b-a > 1 {
			pickCluster(f[a:b])
		}
		a = b
	}
	n := 0
	for _, x := range f {
		if x.Score >= 0 {
			f[n] = x
			n++
		}
	}
	st.out = st.out[:st.base+n]
}

// pickCluster keeps a maximal set of non-overlapping findings chosen greedily by score, then
// length, then position. Losers get Score -1; winners are marked by +2 during the loop.
// Clusters are almost always a handful of alternatives for one span; a pathological one
// (thousands of findings under one huge span) is resolved by a linear sweep instead.
func pickCluster(c []Finding) {
	if len(c) > maxGreedyCluster {
		sweepCluster(c)
		return
	}
	for {
		best := -1
		for i := range c {
			if c[i].Score < 0 || c[i].Score >= 2 {
				continue
			}
			if best < 0 || better(c[i], c[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		c[best].Score += 2
		for i := range c {
			if i != best && c[i].Score >= 0 && c[i].Score < 2 && c[i].Start < c[best].End && c[best].Start < c[i].End {
				c[i].Score = -1
			}
		}
	}
	for i := range c {
		if c[i].Score >= 2 {
			c[i].Score -= 2
		}
	}
}

const maxGreedyCluster = 64

// sweepCluster walks the cluster in Start order keeping the better of each overlapping pair.
func sweepCluster(c []Finding) {
	cur := 0
	for i := 1; i < len(c); i++ {
		if c[i].Start >= c[cur].End {
			cur = i
			continue
		}
		if better(c[i], c[cur]) {
			c[cur].Score = -1
			cur = i
		} else {
			c[i].Score = -1
		}
	}
}

func better(a, b Finding) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
		return la > lb
	}
	return a.Start < b.Start
}

// Byte helpers. The scanner treats only ASCII as letters and digits: a candidate is bounded
// by anything else, including CJK text ("身份證A123456(3)已核實").
func isDigit(c byte) bool  { return c-'0' < 10 }
func isLetter(c byte) bool { return (c|0x20)-'a' < 26 }
func isLower(c byte) bool  { return c-'a' < 26 }
func isUpper(c byte) bool  { return c-'A' < 26 }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }
func isWord(c byte) bool   { return isAlnum(c) || c == '_' }
func upper(c byte) byte {
	if isLower(c) {
		return c - 0x20
	}
	return c
}
func lower(c byte) byte {
	if c-'A' < 26 {
		return c + 0x20
	}
	return c
}

// lowerFit returns w lower-cased (ASCII) in buf, or nil when w is longer than buf: the short
// words compared with it fit a stack buffer, and a switch or map lookup on string(lowerFit(…))
// allocates nothing.
func lowerFit(buf, w []byte) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i, c := range w {
		buf[i] = lower(c)
	}
	return buf[:len(w)]
}

func isHex(c byte) bool        { return isDigit(c) || (c|0x20)-'a' < 6 }
func isHexOrColon(c byte) bool { return isHex(c) || c == ':' }

func trimSpaceBytes(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isPlaceholder reports masked output (anything with '*'), redaction markers ([HKID]) and
// vault tokens (tok_hkid_…): the text types must not report them again.
func isPlaceholder(b []byte) bool {
	if bytes.IndexByte(b, '*') >= 0 {
		return true
	}
	if IsRedactionMarker(b) {
		return true
	}
	if hasPrefixBytes(b, "tok_") && bytes.IndexByte(b, ' ') < 0 {
		return true
	}
	if len(b) > 24 {
		return false // longer than any filler word
	}
	var low [24]byte
	return fillerWords[string(lowerFit(low[:], b))]
}

// IsRedactionMarker reports a redact action's placeholder: "[HKID]", "[REDACTED]" — upper
// case letters, digits, '_' and spaces between brackets.
func IsRedactionMarker(b []byte) bool {
	if len(b) < 3 || b[0] != '[' || b[len(b)-1] != ']' {
		return false
	}
	for _, c := range b[1 : len(b)-1] {
		if !(c >= 'A' && c <= 'Z' || isDigit(c) || c == '_' || c == ' ') {
			return false
		}
	}
	return true
}

// fillerWords are what forms hold where a value is missing or stands for a relation, not a
// person: a name field reading 本人 or N/A names nobody.
var fillerWords = map[string]bool{
	"n/a": true, "na": true, "nil": true, "null": true, "none": true, "nobody": true, "unknown": true,
	"pending": true, "tbd": true, "tba": true, "test": true, "self": true, "-": true,
	"無": true, "无": true, "暫無": true, "暂无": true, "待定": true, "未知": true, "不詳": true, "不详": true,
	"本人": true, "自己": true, "父親": true, "父亲": true, "母親": true, "母亲": true, "配偶": true,
	"子女": true, "兒子": true, "儿子": true, "女兒": true, "女儿": true, "丈夫": true, "妻子": true,
	"兄弟": true, "姐妹": true, "朋友": true, "同事": true, "其他": true,
	// A field filled with a pointer elsewhere or a status, not a value.
	"tbc": true, "same": true, "same as above": true, "as above": true, "see above": true,
	"see attached": true, "see attachment": true, "please see attachment": true,
	"同上": true, "見上": true, "见上": true, "見附件": true, "见附件": true, "詳見附件": true,
	"详见附件": true, "詳見表格": true, "详见表格": true, "不適用": true, "不适用": true,
	"未填": true, "未填寫": true, "未填写": true, "請填寫": true, "请填写": true, "匿名": true,
	"已更新": true, "已提交": true, "同申請人": true, "同申请人": true,
	"same as applicant": true, "全體同事": true, "全体同事": true, "申請人": true, "申请人": true,
	"spouse": true, "husband": true, "wife": true, "father": true, "mother": true,
}

// boldClose reports whether the "**" ending at j closes markdown bold ("**ID No** …") rather
// than ending a masked group ("9*** 4567", "91** 4567"): exactly two stars after a letter,
// a Han character or closing punctuation.
func boldClose(text []byte, j int) bool {
	if j < 3 || j > len(text) || text[j-1] != '*' || text[j-2] != '*' {
		return false
	}
	p := text[j-3]
	return p != '*' && p != ' ' && !isDigit(p)
}
