// Command corpusgen writes a labelled benchmark corpus of DingTalk API payloads carrying
// fake Hong Kong personal data: N JSON files, truth.jsonl (one line per PII occurrence:
// file, gjson path, type and byte span in the decoded value) and manifest.json.
//
//	go run ./bench/corpusgen -seed 1 -n 2000 -out bench/out/corpus
//
// The output is a pure function of (seed, n): the same flags give the same bytes, and the
// first k files of a larger corpus are exactly the corpus of size k. Files named
// NNNNN_negative_*.json are hard negatives with no truth lines.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hkpii/dingtalk-pii-proxy/bench/corpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpusgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	seed := fs.Uint64("seed", 1, "corpus seed")
	n := fs.Int("n", 2000, "number of payload files")
	out := fs.String("out", "bench/out/corpus", "output directory (its previous NNNNN_*.json, truth.jsonl and manifest.json are replaced)")
	quiet := fs.Bool("q", false, "do not print the summary")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "corpusgen: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	m, err := corpus.Generate(*out, *seed, *n)
	if err != nil {
		fmt.Fprintf(stderr, "corpusgen: %v\n", err)
		return 1
	}
	if !*quiet {
		fmt.Fprintf(stdout, "wrote %d files (%d hard negatives, %d bytes) and %d truth entries to %s\n", m.Files, m.NegativeFiles, m.Bytes, m.TruthEntries, *out)
		for _, k := range corpus.SortedKeys(m.Types) {
			fmt.Fprintf(stdout, "  %-16s %6d\n", k, m.Types[k])
		}
	}
	return 0
}
