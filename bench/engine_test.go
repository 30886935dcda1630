// Package bench holds the engine benchmarks; its sub-packages generate the labelled corpus
// (corpus, corpusgen), score accuracy (accuracy) and load-test the proxy (load).
//
//	make bench            # every benchmark, results in bench/out/bench.txt
//	go test -run '^$' -bench . -benchmem ./bench/
package bench

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/bench/corpus"
	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
	"github.com/hkpii/dingtalk-pii-proxy/internal/mask"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// benchDocs is a fixed, seeded slice of the labelled corpus (the same bytes every run).
func benchDocs(b *testing.B) ([][]byte, int64) {
	b.Helper()
	var docs [][]byte
	var total int64
	for i := 0; i < 400; i++ {
		d := corpus.File(1, i).Data
		docs = append(docs, d)
		total += int64(len(d))
	}
	return docs, total
}

func BenchmarkEncodingJSONValid(b *testing.B) {
	docs, total := benchDocs(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if !json.Valid(d) {
				b.Fatal("invalid")
			}
		}
	}
}

func BenchmarkDetectScan(b *testing.B) {
	docs, total := benchDocs(b)
	e, err := detect.NewEngine(detect.EngineOptions{})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := e.ScanJSON(d, func(detect.Report) { n++ }); err != nil {
				b.Fatal(err)
			}
		}
	}
	if n == 0 {
		b.Fatal("no findings")
	}
}

// actionPolicy applies one action to every finding in every response, so each action's
// cost is measured on the same bytes.
const actionPolicy = `
version: 1
roles: [r]
callers: []
upstreams: {api: {url: "http://127.0.0.1:1", region: cn}}
keys: {hash: {env: BENCH_UNUSED}}
routes:
  - name: all
    match: {upstream: api, method: POST, path: /**}
    response: {detected: {default: ACTION}}
`

// rewriteConfig is a rewrite engine's parts for a benchmark: a scanner with the policy's
// custom recognizers, a fixed hash key and an embedded vault in a temporary directory.
func rewriteConfig(b *testing.B, custom []detect.CustomRecognizer, recordPaths bool) rewrite.Config {
	b.Helper()
	sc, err := detect.NewScanner(detect.ScannerOptions{Custom: custom})
	if err != nil {
		b.Fatal(err)
	}
	h, _ := mask.NewHasher([]byte("0123456789abcdef0123456789abcdef"))
	v, err := vault.Open(context.Background(), vault.Config{Backend: "bolt", Path: filepath.Join(b.TempDir(), "v.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { v.Close() })
	return rewrite.Config{Scanner: sc, Hasher: h, Vault: v, RecordPaths: recordPaths}
}

func BenchmarkRewrite(b *testing.B) {
	docs, total := benchDocs(b)
	cfg := rewriteConfig(b, nil, false)
	for _, action := range []string{"allow", "redact", "mask", "hash", "tokenize", "drop"} {
		b.Run(action, func(b *testing.B) {
			plan, err := policy.Parse("bench.yaml", []byte(strings.Replace(actionPolicy, "ACTION", action, 1)))
			if err != nil {
				b.Fatal(err)
			}
			side := plan.Routes[0].Response
			dec := side.For([]string{"r"})
			e := rewrite.New(cfg)
			b.SetBytes(total)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					in := rewrite.Input{Body: d, Kind: rewrite.JSON, Direction: rewrite.Response, Side: side, Decisions: dec}
					if _, err := e.Rewrite(context.Background(), &in); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// The engine's stages on the same bytes, to see where the time goes.
func BenchmarkStageLex(b *testing.B) {
	docs, total := benchDocs(b)
	var t jsonlex.Tape
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := jsonlex.Lex(d, &t, jsonlex.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

type noopVisitor struct{}

func (noopVisitor) Visit(*jsonwalk.Node) jsonwalk.Verdict { return jsonwalk.Keep }

func BenchmarkStageLexWalk(b *testing.B) {
	docs, total := benchDocs(b)
	var t jsonlex.Tape
	w := jsonwalk.New(jsonwalk.Options{})
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if err := jsonlex.Lex(d, &t, jsonlex.Options{}); err != nil {
				b.Fatal(err)
			}
			if err := w.Walk(&t, noopVisitor{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
