package jsonlex

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// benchDoc joins the shared DingTalk samples into one array of about 64 KiB, so the
// lexer is measured on realistic keys, Chinese text and escapes.
func benchDoc(b *testing.B) []byte {
	files, _ := filepath.Glob("../../../shared/dingtalk/samples/*.json")
	if len(files) == 0 {
		b.Skip("no samples")
	}
	var buf bytes.Buffer
	buf.WriteByte('[')
	for buf.Len() < 64<<10 {
		for _, f := range files {
			d, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if buf.Len() > 1 {
				buf.WriteByte(',')
			}
			buf.Write(d)
		}
	}
	buf.WriteByte(']')
	return buf.Bytes()
}

func BenchmarkLex(b *testing.B) {
	doc := benchDoc(b)
	var tp Tape
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if err := Lex(doc, &tp, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodingJSONValid(b *testing.B) {
	doc := benchDoc(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if !json.Valid(doc) {
			b.Fatal("invalid")
		}
	}
}
