// Package export writes audit evidence bundles: the records of a time range, caller, route
// or data subject (by vault token), the verification of the log they come from, and summary
// tables — as JSON for machines or as one self-contained HTML page for a privacy officer.
// It streams: records pass through once, the matching ones are staged in a temporary file,
// and memory stays bounded by the summary tables, not by the number of records.
package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// Formats.
const (
	FormatJSON = "json"
	FormatHTML = "html"
)

// Statement is the sentence every bundle carries about its content.
const Statement = "This audit trail records what the proxy did with personal data — which system called, " +
	"under which role and route, how many items of each type of personal data were detected, what was done " +
	"to them, and whether data crossed the Hong Kong border. It contains no personal data values: only " +
	"counts, type names, field locations, system identifiers and pseudonymous vault tokens."

// Options select the records and the output.
type Options struct {
	From, To time.Time // records with From <= time < To; a zero bound is open
	Caller   string    // only calls by this caller id
	Route    string    // only calls on this route
	Token    string    // only records that issued, revealed or erased this vault token (a subject's trail)
	Format   string    // FormatJSON (default) or FormatHTML
	Title    string    // heading of the HTML page; default "Audit evidence bundle"
	// Verify carries the key options for verification (its Progress is ignored: use Progress).
	Verify   audit.VerifyOptions
	Progress func(done, total int64) // bytes of the log processed; for the CLI's progress bar
	TempDir  string                  // for the staging file; default os.TempDir()
	Now      func() time.Time        // default time.Now
}

// Export verifies the log in dir and writes an evidence bundle of the matching records to w.
// A log that fails verification still exports (the bundle says so prominently); only
// failures to read the log or write the bundle return an error.
func Export(w io.Writer, dir string, opts Options) (Summary, error) {
	start := time.Now()
	if opts.Format == "" {
		opts.Format = FormatJSON
	}
	if opts.Format != FormatJSON && opts.Format != FormatHTML {
		return Summary{}, fmt.Errorf("export: unknown format %q (want json or html)", opts.Format)
	}
	if !opts.From.IsZero() && !opts.To.IsZero() && !opts.From.Before(opts.To) {
		return Summary{}, errors.New("export: From must be before To")
	}
	if opts.Token != "" && !audit.IsToken(opts.Token) {
		return Summary{}, errors.New("export: Token is not a vault token (tok_<type>_<id>)")
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Title == "" {
		opts.Title = "Audit evidence bundle"
	}
	stage, err := os.CreateTemp(opts.TempDir, "audit-export-*.tmp")
	if err != nil {
		return Summary{}, err
	}
	defer os.Remove(stage.Name())
	defer stage.Close()
	sw := bufio.NewWriterSize(stage, 1<<20)

	sum := Summary{
		GeneratedAt: opts.Now().UTC().Truncate(time.Second),
		Filters:     Filters{From: opts.From, To: opts.To, Caller: opts.Caller, Route: opts.Route, Token: opts.Token},
	}
	t := newTally()
	var rw rowWriter
	if opts.Format == FormatHTML {
		rw = &htmlRows{}
	} else {
		rw = &jsonRows{}
	}
	vopts := opts.Verify
	vopts.Progress = opts.Progress
	rep, err := audit.Walk(dir, vopts, func(r *audit.Record, line []byte) error {
		sum.Scanned++
		if !opts.match(r) {
			return nil
		}
		sum.Matched++
		if r.Kind == audit.KindCall {
			sum.Calls++
		}
		if sum.FirstTime.IsZero() || r.Time.Before(sum.FirstTime) {
			sum.FirstTime = r.Time
		}
		if r.Time.After(sum.LastTime) {
			sum.LastTime = r.Time
		}
		t.add(r)
		return rw.row(sw, r, line)
	})
	if err != nil {
		return sum, err
	}
	sum.Verification = rep
	t.fill(&sum)
	if err := sw.Flush(); err != nil {
		return sum, err
	}
	if _, err := stage.Seek(0, io.SeekStart); err != nil {
		return sum, err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if opts.Format == FormatHTML {
		err = writeHTML(bw, stage, &sum, &opts)
	} else {
		err = writeJSON(bw, stage, &sum)
	}
	if err != nil {
		return sum, err
	}
	sum.Elapsed = time.Since(start)
	return sum, bw.Flush()
}

// match applies the filters. Checkpoints are chain machinery, not events, and never
// match; recovery and admin records belong to no caller or subject, so they appear only in
// unfiltered (time-range) bundles.
func (o *Options) match(r *audit.Record) bool {
	if r.Kind == audit.KindCheckpoint {
		return false
	}
	if !o.From.IsZero() && r.Time.Before(o.From) {
		return false
	}
	if !o.To.IsZero() && !r.Time.Before(o.To) {
		return false
	}
	subject := o.Caller != "" || o.Route != "" || o.Token != ""
	if subject && (r.Kind == audit.KindRecovery || r.Kind == audit.KindAdmin) {
		return false
	}
	if o.Caller != "" && r.Caller != o.Caller {
		return false
	}
	if o.Route != "" && r.Route != o.Route {
		return false
	}
	if o.Token != "" && !slices.Contains(r.Tokens, o.Token) {
		return false
	}
	return true
}

// rowWriter stages one matching record in the output format.
type rowWriter interface {
	row(w *bufio.Writer, r *audit.Record, line []byte) error
}
