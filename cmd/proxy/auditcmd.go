package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/audit/export"
)

func init() {
	register("audit verify", "check an audit log's chain, MACs and signed checkpoints; name the first bad record", runAuditVerify)
	register("audit export", "write an evidence bundle (JSON or HTML) for a time range, caller, route or token", runAuditExport)
}

func runAuditVerify(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("audit verify", stderr)
	pub := fs.String("pubkey", "", "checkpoint public key (default: the one the log's manifest names)")
	macKey := fs.String("mac-key", "", "MAC key file (default: the log's own)")
	expect := fs.Uint64("expect-last-seq", 0, "a sequence number known from elsewhere (central sink); a shorter log is truncated")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy audit verify [--pubkey F] [--json] DIR")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usageErr("one audit directory is needed (the demo's is var/demo/audit)")
	}
	opts := audit.VerifyOptions{PublicKeyFile: *pub, MACKeyFile: *macKey, ExpectLastSeq: *expect}
	bar := newBar(stderr, "verifying")
	if bar != nil {
		opts.Progress = func(done, total int64) { bar.ChangeMax64(total); bar.Set64(done) }
	}
	rep, err := audit.Verify(pos[0], opts)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(stderr)
	}
	if err != nil {
		return &exitError{2, err}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rep)
	} else {
		printReport(stdout, &rep)
	}
	if !rep.OK {
		return &exitError{1, errors.New("")}
	}
	return nil
}

func printReport(w io.Writer, r *audit.Report) {
	verdict := "OK"
	if !r.OK {
		verdict = "FAILED"
	}
	fmt.Fprintf(w, "audit log %s: %s\n", r.Dir, verdict)
	fmt.Fprintf(w, "  replica %s, %d segment(s), %d record(s), seq %d..%d", r.Replica, r.Segments, r.Records, r.FirstSeq, r.LastSeq)
	if !r.FirstTime.IsZero() {
		fmt.Fprintf(w, ", %s .. %s", r.FirstTime.Format(time.RFC3339), r.LastTime.Format(time.RFC3339))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "  %d signed checkpoint(s), last at seq %d; %d record(s) after it\n", r.Checkpoints, r.LastCheckpointSeq, r.UnsignedTail)
	fmt.Fprintf(w, "  MACs checked: %v; signatures checked: %v", r.MACChecked, r.SignaturesChecked)
	if r.PublicKeySHA256 != "" {
		fmt.Fprintf(w, " (key sha256 %s, from %s)", r.PublicKeySHA256, r.PublicKeySource)
	}
	fmt.Fprintln(w)
	if r.Problem != nil {
		p, _ := json.Marshal(r.Problem)
		fmt.Fprintf(w, "  first problem: %s\n", p)
		if r.Anomalies > 1 {
			fmt.Fprintf(w, "  %d problems in all\n", r.Anomalies)
		}
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", warn)
	}
}

func runAuditExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("audit export", stderr)
	from := fs.String("from", "", "start time (RFC 3339 or YYYY-MM-DD), inclusive")
	to := fs.String("to", "", "end time (RFC 3339 or YYYY-MM-DD), exclusive")
	caller := fs.String("caller", "", "only calls by this caller id")
	route := fs.String("route", "", "only calls on this route")
	token := fs.String("token", "", "only records that issued, revealed or erased this vault token")
	format := fs.String("format", "json", "json or html")
	out := fs.String("out", "", "output file (default standard output)")
	pub := fs.String("pubkey", "", "checkpoint public key for the verification in the bundle")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy audit export [--from T] [--to T] [--caller C|--route R|--token T] [--format json|html] [--out F] DIR")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return usageErr("one audit directory is needed")
	}
	opts := export.Options{Caller: *caller, Route: *route, Token: *token, Format: *format,
		Verify: audit.VerifyOptions{PublicKeyFile: *pub}}
	if opts.From, err = parseTime(*from); err != nil {
		return usageErr("--from: %v", err)
	}
	if opts.To, err = parseTime(*to); err != nil {
		return usageErr("--to: %v", err)
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return &exitError{2, err}
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	bar := newBar(stderr, "exporting")
	if bar != nil {
		opts.Progress = func(done, total int64) { bar.ChangeMax64(total); bar.Set64(done) }
	}
	sum, err := export.Export(bw, pos[0], opts)
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(stderr)
	}
	if err != nil {
		return &exitError{2, err}
	}
	if err := bw.Flush(); err != nil {
		return &exitError{2, err}
	}
	verdict := "verified OK"
	if !sum.Verification.OK {
		verdict = "verification FAILED"
	}
	fmt.Fprintf(stderr, "exported %d of %d record(s) in %s; log %s\n", sum.Matched, sum.Scanned, sum.Elapsed.Round(time.Millisecond), verdict)
	return nil
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02", s)
}

// newBar returns a progress bar on stderr when it is a terminal, nil otherwise (scripts and
// tests get clean output).
func newBar(stderr io.Writer, what string) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions64(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription(what),
		progressbar.OptionShowBytes(true), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
}
