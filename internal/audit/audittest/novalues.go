// Package audittest holds test helpers for code that writes audit trails.
package audittest

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// MinValueLen is the shortest value AssertNoValues accepts: shorter strings occur by
// chance in hashes and ids, so finding them would prove nothing.
const MinValueLen = 4

// AssertNoValues fails t if any planted personal-data value occurs in any file under dir
// (segments, spool, head, exports, side files — everything, recursively). Each value is
// searched raw, JSON-escaped (both with and without HTML-safe escaping) and HTML-escaped.
// Failures name the value's index, the file and the offset, never the value. It also fails
// when dir holds no file at all, since a search of nothing proves nothing.
func AssertNoValues(t testing.TB, dir string, values []string) {
	t.Helper()
	var needles []needle
	maxLen := 0
	for i, v := range values {
		if len(v) < MinValueLen {
			t.Fatalf("AssertNoValues: value #%d is shorter than %d bytes", i, MinValueLen)
		}
		for form, b := range forms(v) {
			needles = append(needles, needle{idx: i, form: form, b: b})
			maxLen = max(maxLen, len(b))
		}
	}
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		files++
		return scanFile(t, path, needles, maxLen)
	})
	if err != nil {
		t.Fatalf("AssertNoValues: walking %s: %v", dir, err)
	}
	if files == 0 {
		t.Fatalf("AssertNoValues: no files under %s", dir)
	}
}

type needle struct {
	idx  int
	form string
	b    []byte
}

// forms returns the encodings a value could take in a JSON line or an HTML page.
func forms(v string) map[string][]byte {
	out := map[string][]byte{"raw": []byte(v)}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	out["json"] = bytes.Trim(bytes.TrimSpace(buf.Bytes()), `"`)
	if safe, err := json.Marshal(v); err == nil {
		out["json-html-safe"] = bytes.Trim(safe, `"`)
	}
	out["html"] = []byte(html.EscapeString(v))
	return out
}

// scanFile reads in chunks that overlap by the longest needle, so large exports are
// searched without loading them whole.
func scanFile(t testing.TB, path string, needles []needle, maxLen int) error {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	const chunk = 1 << 20
	buf := make([]byte, 0, chunk+maxLen)
	var base int64 // file offset of buf[0]
	reported := map[int]bool{}
	for {
		n, err := io.ReadFull(f, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		for _, nd := range needles {
			if reported[nd.idx] {
				continue
			}
			if i := bytes.Index(buf, nd.b); i >= 0 {
				reported[nd.idx] = true
				t.Errorf("planted value #%d found (%s form) in %s at offset %d", nd.idx, nd.form, path, base+int64(i))
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil
		}
		if err != nil {
			return err
		}
		keep := min(maxLen-1, len(buf))
		base += int64(len(buf) - keep)
		copy(buf, buf[len(buf)-keep:])
		buf = buf[:keep]
	}
}
