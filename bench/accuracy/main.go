// Command accuracy scores detector findings against a labelled corpus's truth.
//
//	go run ./bench/accuracy -truth DIR/truth.jsonl -found findings.jsonl [-json] [-v]
//
// findings.jsonl is the output of `proxy scan DIR/*.json`: one JSON object per finding
// ({"file","path","type","start","end","score"}); file may be any path to the corpus file,
// only its base name is compared. A finding is a true positive when a truth entry of the
// same file, path and type has an overlapping span (each truth entry is matched at most
// once). The table gives per type TP, FP, FN, recall, precision and the share of true
// positives whose span is exact, with totals over the structured types (hkid, hk_phone,
// cn_mobile, cn_id, email, credit_card, ipv4) and over all types, and the number of
// findings on hard-negative files (NNNNN_negative_*.json), which must be 0.
//
// Exit status: 0 when scoring worked and every given threshold is met; 1 when a
// -min-recall, -min-precision or -max-negative threshold is missed (they apply to the
// structured totals); 2 on bad flags or unreadable input.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/tidwall/gjson"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type options struct {
	truth, found      string
	asJSON, verbose   bool
	showValues        bool
	top               int
	minRecall, minPre float64
	maxNegative       int
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("accuracy", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.truth, "truth", "", "truth.jsonl written by corpusgen (required)")
	fs.StringVar(&o.found, "found", "", "findings JSONL from `proxy scan`, or - for stdin (required)")
	fs.BoolVar(&o.asJSON, "json", false, "print the report as JSON")
	fs.BoolVar(&o.verbose, "v", false, "list the worst misses and false alarms (file, path, type, span)")
	fs.BoolVar(&o.showValues, "show-values", false, "with -v, also print the missed text (it is personal data, even if fake)")
	fs.IntVar(&o.top, "top", 15, "with -v, how many groups of misses to list")
	fs.Float64Var(&o.minRecall, "min-recall", -1, "exit 1 if structured recall is below this (0.995 or 99.5)")
	fs.Float64Var(&o.minPre, "min-precision", -1, "exit 1 if structured precision is below this (0.995 or 99.5)")
	fs.IntVar(&o.maxNegative, "max-negative", -1, "exit 1 if hard-negative files have more findings than this")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if o.truth == "" || o.found == "" || fs.NArg() > 0 || (o.truth == "-" && o.found == "-") {
		fmt.Fprintln(stderr, "accuracy: -truth and -found are required (at most one of them -) and no other arguments are accepted")
		fs.Usage()
		return 2
	}
	truth, err := readFile(o.truth, os.Stdin)
	if err != nil {
		fmt.Fprintf(stderr, "accuracy: %v\n", err)
		return 2
	}
	found, err := readFile(o.found, os.Stdin)
	if err != nil {
		fmt.Fprintf(stderr, "accuracy: %v\n", err)
		return 2
	}
	r := score(truth, found)
	if o.verbose || o.asJSON {
		var value func(span) string
		if o.showValues {
			value = valueReader(filepath.Dir(o.truth))
		}
		r.Misses = groupMisses(r.fn, o.top, 3, value)
		r.FalseAlarms = groupMisses(r.fp, o.top, 3, value)
	}
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "accuracy: %v\n", err)
			return 2
		}
	} else {
		printTable(stdout, r, o.verbose)
	}
	return gate(r, o, stderr)
}

func readFile(name string, stdin io.Reader) ([]span, error) {
	if name == "-" {
		return readEntries(stdin, "stdin")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readEntries(f, name)
}

// fraction accepts 0.995 or 99.5 for the same threshold.
func fraction(v float64) float64 {
	if v > 1 {
		return v / 100
	}
	return v
}

// gate applies the thresholds and explains each one that is missed.
func gate(r *Report, o options, stderr io.Writer) int {
	code := 0
	if o.minRecall >= 0 && r.Structured.Recall < fraction(o.minRecall) {
		fmt.Fprintf(stderr, "accuracy: structured recall %.4f is below %.4f\n", r.Structured.Recall, fraction(o.minRecall))
		code = 1
	}
	if o.minPre >= 0 && r.Structured.Precision < fraction(o.minPre) {
		fmt.Fprintf(stderr, "accuracy: structured precision %.4f is below %.4f\n", r.Structured.Precision, fraction(o.minPre))
		code = 1
	}
	if o.maxNegative >= 0 && r.NegativeFindings > o.maxNegative {
		fmt.Fprintf(stderr, "accuracy: %d findings on hard-negative files (allowed %d)\n", r.NegativeFindings, o.maxNegative)
		code = 1
	}
	return code
}

func printTable(w io.Writer, r *Report, verbose bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// The type column is padded here so it reads left-aligned in a right-aligned table.
	fmt.Fprintf(tw, "%-16s\tTP\tFP\tFN\trecall\tprecision\texact span\t\n", "type")
	row := func(s Stats) {
		fmt.Fprintf(tw, "%-16s\t%d\t%d\t%d\t%s\t%s\t%.1f%%\t\n", s.Type, s.TP, s.FP, s.FN, pct(s.Recall), pct(s.Precision), s.ExactPct)
	}
	for _, s := range r.Types {
		row(s)
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
	row(r.Structured)
	row(r.All)
	tw.Flush()
	fmt.Fprintf(w, "\ntruth entries %d, findings %d\n", r.TruthEntries, r.Findings)
	fmt.Fprintf(w, "findings on hard-negative files: %d (in %d files; must be 0)\n", r.NegativeFindings, r.NegativeFiles)
	if !verbose {
		return
	}
	printGroups(w, "worst misses (false negatives)", r.Misses)
	printGroups(w, "worst false alarms (false positives)", r.FalseAlarms)
}

func pct(f float64) string { return fmt.Sprintf("%.2f%%", 100*f) }

func printGroups(w io.Writer, title string, gs []Group) {
	fmt.Fprintf(w, "\n%s:\n", title)
	if len(gs) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, g := range gs {
		fmt.Fprintf(w, "  %5d  %-16s %s\n", g.Count, g.Type, g.Shape)
		for _, e := range g.Examples {
			fmt.Fprintf(w, "         %s  %s  [%d,%d)", e.File, e.Path, e.Start, e.End)
			if e.Value != "" {
				fmt.Fprintf(w, "  %q", e.Value)
			}
			fmt.Fprintln(w)
		}
	}
}

// valueReader returns the text of a span, read from the corpus file next to truth.jsonl.
// It is only used with -show-values.
func valueReader(dir string) func(span) string {
	cache := map[string][]byte{}
	return func(s span) string {
		data, ok := cache[s.file]
		if !ok {
			data, _ = os.ReadFile(filepath.Join(dir, s.file)) // a missing file just shows no value
			cache[s.file] = data
		}
		res := gjson.GetBytes(data, s.rawPath)
		v := res.String()
		if res.Type == gjson.Number {
			v = res.Raw
		}
		if s.end > len(v) {
			return ""
		}
		return strings.ToValidUTF8(v[s.start:s.end], "\uFFFD")
	}
}
