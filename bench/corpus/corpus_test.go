package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata/fakecheck"
)

// testFiles is the corpus size the label checks run on; CORPUSGEN_TEST_N raises it for a
// full audit (CORPUSGEN_TEST_N=2000 go test ./bench/corpusgen).
var testFiles = envInt("CORPUSGEN_TEST_N", 400)

// testSeed is the corpus seed of the label checks; CORPUSGEN_TEST_SEED audits another one.
var testSeed = uint64(envInt("CORPUSGEN_TEST_SEED", 1))

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// corpus generates once per test binary; the tests below only read it.
var corpusCache = map[string]string{}

func corpusDir(t *testing.T, seed uint64, n int) string {
	t.Helper()
	key := strconv.FormatUint(seed, 10) + "/" + strconv.Itoa(n)
	if d, ok := corpusCache[key]; ok {
		return d
	}
	d, err := os.MkdirTemp("", "corpusgen-test-")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := generate(d, seed, n); err != nil {
		t.Fatal(err)
	}
	corpusCache[key] = d
	return d
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range corpusCache {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

func readTruth(t *testing.T, dir string) []truthLine {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []truthLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l truthLine
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("truth line %q: %v", sc.Text(), err)
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func payloadFiles(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		if filepath.Base(n) != "manifest.json" {
			out = append(out, n)
		}
	}
	return out
}

func TestOutputIsValidJSONAndReproducible(t *testing.T) {
	a := corpusDir(t, testSeed, testFiles)
	b := t.TempDir()
	// Leave a stale file from a "larger earlier run": it must be removed.
	if err := os.WriteFile(filepath.Join(b, "99999_user_get.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(b, testSeed, testFiles); err != nil {
		t.Fatal(err)
	}
	filesA, filesB := payloadFiles(t, a), payloadFiles(t, b)
	if len(filesA) != testFiles || len(filesB) != testFiles {
		t.Fatalf("got %d and %d payload files, want %d", len(filesA), len(filesB), testFiles)
	}
	for i := range filesA {
		da, _ := os.ReadFile(filesA[i])
		db, _ := os.ReadFile(filesB[i])
		if filepath.Base(filesA[i]) != filepath.Base(filesB[i]) || !bytes.Equal(da, db) {
			t.Fatalf("%s differs between two runs with the same seed", filepath.Base(filesA[i]))
		}
		if !json.Valid(da) {
			t.Fatalf("%s is not valid JSON", filepath.Base(filesA[i]))
		}
	}
	for _, f := range []string{"truth.jsonl", "manifest.json"} {
		da, _ := os.ReadFile(filepath.Join(a, f))
		db, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(da, db) {
			t.Fatalf("%s differs between two runs with the same seed", f)
		}
	}
	c := t.TempDir()
	if _, err := generate(c, testSeed+1, 20); err != nil {
		t.Fatal(err)
	}
	same := 0
	for _, f := range payloadFiles(t, c) {
		dc, _ := os.ReadFile(f)
		da, err := os.ReadFile(filepath.Join(a, filepath.Base(f)))
		if err == nil && bytes.Equal(da, dc) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d files identical across seeds 1 and 2", same)
	}
}

// The first k files of a corpus are the corpus of size k: files depend on (seed, index) only.
func TestSmallerCorpusIsPrefix(t *testing.T) {
	big := corpusDir(t, testSeed, testFiles)
	small := t.TempDir()
	if _, err := generate(small, testSeed, 25); err != nil {
		t.Fatal(err)
	}
	for _, f := range payloadFiles(t, small) {
		ds, _ := os.ReadFile(f)
		db, err := os.ReadFile(filepath.Join(big, filepath.Base(f)))
		if err != nil || !bytes.Equal(ds, db) {
			t.Fatalf("%s differs from the same file of the larger corpus", filepath.Base(f))
		}
	}
	tb, _ := os.ReadFile(filepath.Join(big, "truth.jsonl"))
	ts, _ := os.ReadFile(filepath.Join(small, "truth.jsonl"))
	if len(ts) == 0 || !bytes.HasPrefix(tb, ts) {
		t.Fatal("truth of the smaller corpus is not a prefix of the larger one's")
	}
}

// valueAt returns the decoded text of the string or number at path.
func valueAt(data []byte, path string) (string, bool) {
	r := gjson.GetBytes(data, path)
	switch r.Type {
	case gjson.String:
		return r.String(), true
	case gjson.Number:
		return r.Raw, true
	}
	return "", false
}

// Every label must point at a real value whose span holds something that passes the
// independent validator of its type: this is what keeps the benchmark honest.
func TestTruthSpansHoldValidValues(t *testing.T) {
	dir := corpusDir(t, testSeed, testFiles)
	truth := readTruth(t, dir)
	if len(truth) < testFiles {
		t.Fatalf("only %d truth entries for %d files", len(truth), testFiles)
	}
	cache := map[string][]byte{}
	seenTypes := map[string]int{}
	for _, l := range truth {
		if strings.Contains(l.File, "_negative_") {
			t.Fatalf("truth line for hard-negative file %s", l.File)
		}
		data, ok := cache[l.File]
		if !ok {
			var err error
			if data, err = os.ReadFile(filepath.Join(dir, l.File)); err != nil {
				t.Fatalf("truth names missing file %s", l.File)
			}
			cache[l.File] = data
		}
		v, ok := valueAt(data, l.Path)
		if !ok {
			t.Fatalf("%s: path %q does not select a string or number", l.File, l.Path)
		}
		if l.Start < 0 || l.End > len(v) || l.Start >= l.End || !utf8.ValidString(v[l.Start:l.End]) {
			t.Fatalf("%s %s: span [%d,%d) out of range or splits a character (value length %d)", l.File, l.Path, l.Start, l.End, len(v))
		}
		s := v[l.Start:l.End]
		if strings.Contains(s, `\`) { // inside JSON held in a string: undo its own escapes
			var u string
			if err := json.Unmarshal([]byte(`"`+s+`"`), &u); err != nil {
				t.Fatalf("%s %s: span is not a clean JSON string fragment", l.File, l.Path)
			}
			s = u
		}
		ok, known := fakecheck.Valid(l.Type, s)
		if !known {
			t.Fatalf("%s %s: unknown type %q", l.File, l.Path, l.Type)
		}
		if !ok {
			t.Errorf("%s %s [%d,%d): %s label on a value that fails the %s check", l.File, l.Path, l.Start, l.End, l.Type, l.Type)
		}
		seenTypes[l.Type]++
	}
	for _, typ := range fakecheck.Types() {
		if seenTypes[typ] == 0 {
			t.Errorf("no %s in a %d-file corpus", typ, testFiles)
		}
	}
}

// walk visits every string and number with its gjson path, built independently of the
// generator's writer.
func walk(r gjson.Result, path string, visit func(path string, v gjson.Result)) {
	join := func(p string) string {
		if path == "" {
			return p
		}
		return path + "." + p
	}
	switch {
	case r.IsObject():
		r.ForEach(func(k, v gjson.Result) bool {
			walk(v, join(gjson.Escape(k.String())), visit)
			return true
		})
	case r.IsArray():
		i := 0
		r.ForEach(func(_, v gjson.Result) bool {
			walk(v, join(strconv.Itoa(i)), visit)
			i++
			return true
		})
	case r.Type == gjson.String || r.Type == gjson.Number:
		visit(path, r)
	}
}

// strongShape finds candidates of the types whose validators are strict enough that a
// passing value is personal data whatever surrounds it.
type strongShape struct {
	typ   string
	re    *regexp.Regexp
	valid func(string) bool
}

var strongShapes = []strongShape{
	{"hkid", regexp.MustCompile(`(?i)[a-z]{1,2}\d{6}(?: ?\([0-9a]\)|[0-9a])`), fakecheck.HKID},
	{"cn_id", regexp.MustCompile(`\d{17}[\dXx]`), fakecheck.CNID},
	{"credit_card", regexp.MustCompile(`\d(?:[ -]?\d){12,18}`), fakecheck.CreditCard},
	{"email", regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`), fakecheck.Email},
	{"ipv4", regexp.MustCompile(`\d{1,3}(?:\.\d{1,3}){3}`), fakecheck.IPv4},
	{"cn_mobile", regexp.MustCompile(`(?:(?:\+86|0086)[ -]?)?1[3-9]\d(?:[ -]?\d){8}`), fakecheck.CNMobile},
	{"hk_phone", regexp.MustCompile(`(?:\+852|\(852\)|00852)[ -]?\d{4}[ -]?\d{4}`), fakecheck.HKPhone},
}

// unescapePath turns a gjson path into its components joined by NUL, so that paths from
// writers escaping different character sets compare equal.
func unescapePath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\' && i+1 < len(p):
			i++
			b.WriteByte(p[i])
		case p[i] == '.':
			b.WriteByte(0)
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// TestNoUnlabelledStrongPII: a value that passes a strict validator must be labelled in
// positive files and must not exist at all in hard-negative files. It also proves that
// every truth path is a path gjson's own walk produces.
func TestNoUnlabelledStrongPII(t *testing.T) {
	dir := corpusDir(t, testSeed, testFiles)
	type key struct{ file, path string }
	spans := map[key][]truthLine{}
	for _, l := range readTruth(t, dir) {
		k := key{l.File, unescapePath(l.Path)}
		spans[k] = append(spans[k], l)
	}
	visited := map[key]bool{}
	for _, f := range payloadFiles(t, dir) {
		name := filepath.Base(f)
		data, _ := os.ReadFile(f)
		negative := strings.Contains(name, "_negative_")
		walk(gjson.ParseBytes(data), "", func(path string, v gjson.Result) {
			k := key{name, unescapePath(path)}
			visited[k] = true
			s := v.String()
			if v.Type == gjson.Number {
				s = v.Raw
			}
			for _, sh := range strongShapes {
				for _, m := range sh.re.FindAllStringIndex(s, -1) {
					a, b := m[0], m[1]
					if (a > 0 && isWordByte(s[a-1])) || (b < len(s) && isWordByte(s[b])) {
						continue
					}
					if !sh.valid(s[a:b]) {
						continue
					}
					if negative {
						t.Errorf("%s %s: hard negative holds a valid %s at [%d,%d)", name, path, sh.typ, a, b)
						continue
					}
					covered := false
					for _, l := range spans[k] {
						if l.Start < b && a < l.End {
							covered = true
						}
					}
					if !covered {
						t.Errorf("%s %s: valid %s at [%d,%d) has no label", name, path, sh.typ, a, b)
					}
				}
			}
		})
	}
	for k := range spans {
		if !visited[k] {
			t.Errorf("%s: truth path %q is not a path of any string or number", k.file, k.path)
		}
	}
}

func TestManifestAgreesWithTruth(t *testing.T) {
	dir := corpusDir(t, testSeed, testFiles)
	var m Manifest
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil || json.Unmarshal(b, &m) != nil {
		t.Fatalf("manifest unreadable: %v", err)
	}
	truth := readTruth(t, dir)
	byType := map[string]int{}
	for _, l := range truth {
		byType[l.Type]++
	}
	if m.Seed != testSeed || m.Files != testFiles || m.TruthEntries != len(truth) {
		t.Fatalf("manifest seed %d files %d truth %d; want %d, %d, %d", m.Seed, m.Files, m.TruthEntries, testSeed, testFiles, len(truth))
	}
	for typ, n := range byType {
		if m.Types[typ] != n {
			t.Errorf("manifest says %d %s, truth has %d", m.Types[typ], typ, n)
		}
	}
	files, kinds, negatives := 0, 0, 0
	for _, f := range payloadFiles(t, dir) {
		files++
		if strings.Contains(f, "_negative_") {
			negatives++
		}
	}
	for _, n := range m.Kinds {
		kinds += n
	}
	if kinds != files || m.NegativeFiles != negatives || negatives == 0 {
		t.Errorf("manifest kinds sum %d, negatives %d; files %d, negatives %d", kinds, m.NegativeFiles, files, negatives)
	}
	for _, k := range kinds2names() {
		if m.Kinds[k] == 0 && !strings.HasPrefix(k, "negative") {
			t.Errorf("kind %s absent from a %d-file corpus", k, testFiles)
		}
	}
}

func kinds2names() []string {
	var out []string
	for _, k := range kinds {
		out = append(out, k.name)
	}
	return out
}

// The corpus must actually vary what the brief asks for.
func TestCorpusVariety(t *testing.T) {
	dir := corpusDir(t, testSeed, testFiles)
	var all bytes.Buffer
	compact, pretty := 0, 0
	for _, f := range payloadFiles(t, dir) {
		b, _ := os.ReadFile(f)
		all.Write(b)
		if bytes.Contains(b, []byte("\n  ")) || bytes.Contains(b, []byte("\n\t")) {
			pretty++
		} else {
			compact++
		}
	}
	s := strings.ReplaceAll(all.String(), `":"`, `": "`)
	for _, want := range []string{`\\u0040`, `\\/`, `\\u9673`, `\\"英文名\\"`, `"field_code"`, `"fieldCode"`, `"msgParam"`, `"atMobiles"`,
		`"formComponentValues"`, `"data": "\{`, `"originatorDeptId": "\d`, `"originatorDeptId": \d`, `\+852 \d{4} \d{4}`, `852-2\d{7}-\d+`,
		`\(852\) `, `0086`, `身份證[A-Z]`, `：`, `HKID`, `身份证`, `sampleMarkdown`, `"msgtype": "oa"`, `"msg": "\{`, `"dept_id_list": \[\s*"`,
		`"success": "true"`, `"success": true`, `@[5-9]\d{7}`} {
		if !regexp.MustCompile(want).MatchString(s) {
			t.Errorf("corpus never matches %s", want)
		}
	}
	if compact < testFiles/10 || pretty < testFiles/10 {
		t.Errorf("layouts: %d compact, %d pretty", compact, pretty)
	}
}
