package audit

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"time"
)

// Kinds of problem Verify reports. See docs/audit.md for what each can and cannot mean.
const (
	ProblemEdit       = "edit"       // a record's content, hash or MAC was changed (or the line is not canonical)
	ProblemDeletion   = "deletion"   // records are missing from the middle or the start of the log
	ProblemReordering = "reordering" // records or segment files are out of sequence order
	ProblemTruncation = "truncation" // the log ends before a signed head/checkpoint or an expected seq says it should
	ProblemInsertion  = "insertion"  // a record that does not belong to the chain sits in it
	ProblemSignature  = "signature"  // a checkpoint or head.json signature does not verify
	ProblemTorn       = "torn"       // the last record is incomplete (a crash); opening the log recovers it
)

// VerifyOptions configure Verify and Walk.
type VerifyOptions struct {
	// PublicKeyFile is the checkpoint verification key (PEM or hex). Default: the key the
	// manifest (audit.json) holds. Pass one kept apart from the proxy host for independence.
	PublicKeyFile string
	// MACKeyFile defaults to the manifest's mac_key_file. Without a MAC key only the chain
	// and the signatures are checked (and the report says so).
	MACKeyFile string
	// ExpectLastSeq is a sequence number known from elsewhere (the central sink, an earlier
	// export): a log ending before it is truncated.
	ExpectLastSeq uint64
	// Progress, when set, is called with bytes processed and the total, about every MiB.
	Progress func(done, total int64)
}

// Problem locates and classifies the first bad record.
type Problem struct {
	Kind    string `json:"kind"`
	Segment string `json:"segment,omitempty"` // file name within the log directory
	Line    int    `json:"line,omitempty"`    // 1-based line in Segment
	Offset  int64  `json:"offset"`            // byte offset of that line
	Seq     uint64 `json:"seq,omitempty"`     // sequence number concerned
	Detail  string `json:"detail"`
}

func (p *Problem) String() string {
	where := p.Segment
	if p.Line > 0 {
		where += fmt.Sprintf(" line %d (offset %d)", p.Line, p.Offset)
	}
	if p.Seq > 0 {
		where += fmt.Sprintf(", seq %d", p.Seq)
	}
	return fmt.Sprintf("%s at %s: %s", p.Kind, where, p.Detail)
}

// Report is the outcome of a verification. It names record positions and counts only.
type Report struct {
	OK                  bool      `json:"ok"`
	Dir                 string    `json:"dir"`
	Replica             string    `json:"replica"`
	Segments            int       `json:"segments"`
	Records             uint64    `json:"records"`
	FirstSeq            uint64    `json:"first_seq"`
	LastSeq             uint64    `json:"last_seq"`
	FirstTime           time.Time `json:"first_time"`
	LastTime            time.Time `json:"last_time"`
	Checkpoints         int       `json:"checkpoints"`
	LastCheckpointSeq   uint64    `json:"last_checkpoint_seq"`
	UnsignedTail        uint64    `json:"unsigned_tail"` // records after the last valid checkpoint
	HeadSeq             uint64    `json:"head_seq"`
	RetentionThroughSeq uint64    `json:"retention_through_seq"`
	Recoveries          int       `json:"recoveries"`
	TornSideFiles       int       `json:"torn_side_files"`
	MACChecked          bool      `json:"mac_checked"`
	SignaturesChecked   bool      `json:"signatures_checked"`
	PublicKeySHA256     string    `json:"public_key_sha256,omitempty"`
	PublicKeySource     string    `json:"public_key_source,omitempty"`
	Problem             *Problem  `json:"problem,omitempty"`
	Anomalies           int       `json:"anomalies"` // all problems seen, the first included
	Warnings            []string  `json:"warnings,omitempty"`
}

// Verify checks a log directory: every line's canonical form, hash and MAC, the chain of
// sequence numbers and hashes across segments, checkpoint signatures, the anchor of the
// oldest segment, and head.json. It returns a Report naming the first bad record; the error
// is for failures to read the log at all.
func Verify(dir string, opts VerifyOptions) (Report, error) {
	return Walk(dir, opts, nil)
}

// Walk verifies like Verify and calls visit for every record that decodes, in log order
// (tampered ones included: the report says what is wrong), with its canonical line (no
// trailing newline). visit must not keep r or line after it returns.
func Walk(dir string, opts VerifyOptions, visit func(r *Record, line []byte) error) (Report, error) {
	w, err := newWalker(dir, opts)
	if err != nil {
		return Report{Dir: dir}, err
	}
	defer w.lr.close()
	for {
		it, err := w.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return w.rep, err
		}
		w.step(it)
		if visit != nil && it.rec != nil {
			if err := visit(it.rec, it.data); err != nil {
				return w.rep, err
			}
		}
		if w.opts.Progress != nil && w.lr.done-w.reported >= 1<<20 {
			w.reported = w.lr.done
			w.opts.Progress(w.lr.done, w.total)
		}
	}
	w.finish()
	if w.opts.Progress != nil {
		w.opts.Progress(w.total, w.total)
	}
	return w.rep, nil
}

type item struct {
	rawLine
	rec    *Record
	bad    string // why the line itself fails (parse, hash, MAC); "" when sound
	segEnd bool   // last line of the last segment
}

type walker struct {
	opts     VerifyOptions
	dir      string
	segs     []segInfo
	lr       *lineReader
	hs       *hasher
	pub      ed25519.PublicKey
	head     *Head
	queue    []*item
	scratch  []byte
	total    int64
	reported int64

	rep      Report
	problems []problemAt
	started  bool
	expSeq   uint64
	prevHash string
	last     *item
	order    int // index of the current item, to order problems
}

type problemAt struct {
	order int
	p     Problem
}

func newWalker(dir string, opts VerifyOptions) (*walker, error) {
	segs, torn, err := listSegments(dir)
	if err != nil {
		return nil, err
	}
	if len(segs) == 0 {
		return nil, fmt.Errorf("audit: no segment files (seg-*.jsonl) in %s", dir)
	}
	w := &walker{opts: opts, dir: dir, segs: segs, lr: newLineReader(segs)}
	w.rep = Report{Dir: dir, Segments: len(segs), TornSideFiles: torn}
	for _, s := range segs {
		w.total += s.size
	}
	man, merr := ReadManifest(dir)
	if merr != nil && !errors.Is(merr, fs.ErrNotExist) {
		return nil, merr
	}
	if man != nil {
		w.rep.Replica = man.Replica
	}
	// Public key: an explicit file wins over the manifest's copy.
	switch {
	case opts.PublicKeyFile != "":
		if w.pub, err = ReadPublicKey(opts.PublicKeyFile); err != nil {
			return nil, err
		}
		w.rep.PublicKeySource = opts.PublicKeyFile
	case man != nil:
		if w.pub, err = man.publicKey(); err != nil {
			return nil, err
		}
		w.rep.PublicKeySource = ManifestName
	default:
		w.warn("no public key (no --pubkey and no audit.json): checkpoint signatures not checked")
	}
	if w.pub != nil {
		w.rep.SignaturesChecked = true
		w.rep.PublicKeySHA256 = Fingerprint(w.pub)
		if man != nil && man.PublicKeySHA256 != w.rep.PublicKeySHA256 {
			w.warn("the public key used differs from the one recorded in audit.json")
		}
	}
	macPath := opts.MACKeyFile
	if macPath == "" && man != nil {
		macPath = man.resolve(dir, man.MACKeyFile)
	}
	var macKey []byte
	if macPath != "" {
		macKey, err = ReadMACKey(macPath)
		if err != nil {
			if opts.MACKeyFile != "" || !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			macKey = nil
		}
	}
	if macKey == nil {
		w.warn("MAC key not available: record MACs not checked (the chain and signatures still are)")
	}
	w.rep.MACChecked = macKey != nil
	w.hs = newHasher(macKey)
	if h, err := ReadHead(dir); err == nil {
		w.head = h
		w.rep.HeadSeq = h.Seq
	} else if errors.Is(err, fs.ErrNotExist) {
		w.warn("no head.json: deletion of records after the last checkpoint cannot be detected locally")
	} else {
		w.addProblem(1<<62, Problem{Kind: ProblemEdit, Segment: HeadName, Detail: "head.json is unreadable"})
	}
	return w, nil
}

func (w *walker) warn(s string) { w.rep.Warnings = append(w.rep.Warnings, s) }

// load reads and checks the next line.
func (w *walker) load() (*item, error) {
	ln, err := w.lr.next()
	if err != nil {
		return nil, err
	}
	it := &item{rawLine: ln}
	switch {
	case ln.torn:
		it.bad = "incomplete final line"
	case ln.tooLong:
		it.bad = "line longer than any record"
	default:
		r := new(Record)
		if w.scratch, err = parseLine(ln.data, r, w.scratch); err != nil {
			it.bad = "not a canonical record line"
			break
		}
		it.rec = r
		if w.hs.hashLine(ln.data) != r.Hash {
			it.bad = "content does not match its hash"
		} else if w.hs.mac != nil && !w.hs.checkMAC(r) {
			it.bad = "MAC does not verify (content or hash forged)"
		}
	}
	return it, nil
}

func (w *walker) next() (*item, error) {
	w.order++
	if len(w.queue) > 0 {
		it := w.queue[0]
		w.queue = w.queue[1:]
		return it, nil
	}
	return w.load()
}

// peek returns the k-th upcoming item (0 = next) or nil past the end.
func (w *walker) peek(k int) *item {
	for len(w.queue) <= k {
		it, err := w.load()
		if err != nil {
			return nil
		}
		w.queue = append(w.queue, it)
	}
	return w.queue[k]
}

func (it *item) sound() bool { return it.rec != nil && it.bad == "" }

func (w *walker) at(it *item, kind string, seq uint64, detail string) {
	w.addProblem(w.order, Problem{Kind: kind, Segment: w.segs[it.segIdx].name, Line: it.lineNo, Offset: it.off, Seq: seq, Detail: detail})
}

func (w *walker) addProblem(order int, p Problem) {
	w.problems = append(w.problems, problemAt{order, p})
}

const lookahead = 64

func (w *walker) step(it *item) {
	if it.first && it.rec != nil && it.rec.Seq != w.segs[it.segIdx].firstSeq {
		w.at(it, ProblemReordering, it.rec.Seq, fmt.Sprintf("segment file is named for seq %d but starts with seq %d (renamed or swapped file)", w.segs[it.segIdx].firstSeq, it.rec.Seq))
	}
	if it.torn {
		if it.segIdx == len(w.segs)-1 {
			w.at(it, ProblemTorn, w.expSeq, "the final record is incomplete (a crash during a write); opening the log moves it to a .torn side file and records the recovery")
		} else {
			w.at(it, ProblemTruncation, w.expSeq, "a closed segment ends in the middle of a record (cut short)")
		}
		return
	}
	if !it.sound() {
		w.badLine(it)
		return
	}
	r := it.rec
	if !w.started {
		w.start(it)
	}
	switch {
	case r.Seq == w.expSeq && r.Prev == w.prevHash:
	case r.Seq == w.expSeq:
		// The record itself is sound but does not chain to the one before: that one was
		// altered (hash recomputed without the MAC key, or replaced).
		if w.last != nil {
			w.addProblem(w.order-1, Problem{Kind: ProblemEdit, Segment: w.segs[w.last.segIdx].name, Line: w.last.lineNo, Offset: w.last.off, Seq: w.last.rec.Seq,
				Detail: fmt.Sprintf("record %d differs from what record %d chains to (altered or replaced)", w.last.rec.Seq, r.Seq)})
		} else {
			w.at(it, ProblemEdit, r.Seq, "does not chain to the record before it")
		}
	case r.Seq > w.expSeq:
		if w.findAhead(w.expSeq) {
			w.at(it, ProblemReordering, r.Seq, fmt.Sprintf("seq %d appears before seq %d", r.Seq, w.expSeq))
		} else {
			where := "from the middle of the log"
			if it.first {
				where = "at a segment boundary (a segment file or its tail was removed)"
			}
			w.at(it, ProblemDeletion, w.expSeq, fmt.Sprintf("records %d..%d (%d) are missing %s", w.expSeq, r.Seq-1, r.Seq-w.expSeq, where))
		}
	default: // r.Seq < w.expSeq
		w.at(it, ProblemInsertion, r.Seq, fmt.Sprintf("seq %d appears again after seq %d (a copied or replayed record)", r.Seq, w.expSeq-1))
		return // do not resync: the genuine next record still chains to the last good one
	}
	w.accept(it)
}

// badLine classifies a line that fails on its own: if the record after it chains to the
// last good record, the line was inserted; otherwise the record was edited.
func (w *walker) badLine(it *item) {
	nxt := w.peek(0)
	seq := w.expSeq
	if it.rec != nil {
		seq = it.rec.Seq
	}
	if w.last != nil && nxt != nil && nxt.sound() && nxt.rec.Seq == w.expSeq && nxt.rec.Prev == w.prevHash {
		w.at(it, ProblemInsertion, seq, fmt.Sprintf("a line that is not part of the chain sits between seq %d and seq %d (%s)", w.expSeq-1, w.expSeq, it.bad))
		return
	}
	w.at(it, ProblemEdit, seq, it.bad)
	if it.rec != nil {
		// Judge the following record against what this one claims to have been.
		if !w.started {
			w.started, w.rep.FirstSeq, w.rep.FirstTime = true, it.rec.Seq, it.rec.Time
		}
		w.expSeq, w.prevHash = it.rec.Seq+1, it.rec.Hash
	}
}

// start handles the first sound record: either the genesis record or, after retention, a
// signed checkpoint that anchors the rest of the chain.
func (w *walker) start(it *item) {
	r := it.rec
	w.started = true
	w.rep.FirstSeq, w.rep.FirstTime = r.Seq, r.Time
	w.expSeq, w.prevHash = r.Seq, r.Prev
	switch {
	case r.Seq == 1 && r.Prev != ZeroHash:
		w.at(it, ProblemEdit, r.Seq, "the first record does not start from the genesis hash")
	case r.Seq > 1 && r.Kind != KindCheckpoint:
		w.at(it, ProblemDeletion, 1, fmt.Sprintf("the oldest record (seq %d) is not a checkpoint: records before it were removed", r.Seq))
	}
}

func (w *walker) findAhead(seq uint64) bool {
	for k := 0; k < lookahead; k++ {
		it := w.peek(k)
		if it == nil {
			return false
		}
		if it.sound() && it.rec.Seq == seq && it.rec.Prev == w.prevHash {
			return true
		}
	}
	return false
}

func (w *walker) accept(it *item) {
	r := it.rec
	switch r.Kind {
	case KindCheckpoint:
		w.rep.Checkpoints++
		if w.pub != nil && !checkSig(w.pub, r.Hash, r.Sig) {
			w.at(it, ProblemSignature, r.Seq, "checkpoint signature does not verify with the public key")
		} else if w.pub != nil {
			w.rep.LastCheckpointSeq = r.Seq
		}
	case KindRecovery:
		w.rep.Recoveries++
	case KindAdmin:
		if r.Reason == ReasonRetention {
			if n, err := strconv.ParseUint(r.Detail[DetailThroughSeq], 10, 64); err == nil {
				w.rep.RetentionThroughSeq = max(w.rep.RetentionThroughSeq, n)
			}
		}
	}
	if w.head != nil && r.Seq == w.head.Seq && r.Hash != w.head.Hash {
		w.at(it, ProblemEdit, r.Seq, "head.json records a different hash for this sequence number")
	}
	w.expSeq, w.prevHash, w.last = r.Seq+1, r.Hash, it
	w.rep.Records++
	w.rep.LastSeq, w.rep.LastTime = r.Seq, r.Time
}

func (w *walker) finish() {
	endSeg := w.segs[len(w.segs)-1].name
	if w.rep.FirstSeq > 1 && w.rep.RetentionThroughSeq < w.rep.FirstSeq-1 {
		w.addProblem(0, Problem{Kind: ProblemDeletion, Segment: w.segs[0].name, Line: 1, Seq: 1,
			Detail: fmt.Sprintf("records 1..%d are missing and no retention record accounts for them", w.rep.FirstSeq-1)})
	}
	if w.head != nil {
		switch {
		case w.pub != nil && !checkSig(w.pub, w.head.Hash, w.head.Sig):
			w.addProblem(1<<62, Problem{Kind: ProblemSignature, Segment: HeadName, Seq: w.head.Seq, Detail: "head.json signature does not verify with the public key"})
		case w.head.Seq > w.rep.LastSeq:
			w.addProblem(1<<61, Problem{Kind: ProblemTruncation, Segment: endSeg, Seq: w.rep.LastSeq + 1,
				Detail: fmt.Sprintf("the log ends at seq %d but head.json (signed checkpoint of %s) records seq %d: %d records were cut off", w.rep.LastSeq, w.head.Time.Format(time.RFC3339), w.head.Seq, w.head.Seq-w.rep.LastSeq)})
		}
	}
	if w.opts.ExpectLastSeq > w.rep.LastSeq {
		w.addProblem(1<<61+1, Problem{Kind: ProblemTruncation, Segment: endSeg, Seq: w.rep.LastSeq + 1,
			Detail: fmt.Sprintf("the log ends at seq %d but seq %d was expected", w.rep.LastSeq, w.opts.ExpectLastSeq)})
	}
	if w.rep.LastSeq >= w.rep.LastCheckpointSeq {
		w.rep.UnsignedTail = w.rep.LastSeq - w.rep.LastCheckpointSeq
	}
	if w.rep.UnsignedTail > 0 {
		w.warn(fmt.Sprintf("%d records after the last checkpoint are protected by the chain and MACs only: their deletion is detectable only via head.json, the central sink or an expected seq", w.rep.UnsignedTail))
	}
	if w.rep.TornSideFiles > 0 {
		w.warn(fmt.Sprintf("%d torn side file(s) hold bytes cut off after crashes (see the recovery records)", w.rep.TornSideFiles))
	}
	w.rep.Anomalies = len(w.problems)
	if len(w.problems) > 0 {
		first := w.problems[0]
		for _, p := range w.problems[1:] {
			if p.order < first.order {
				first = p
			}
		}
		w.rep.Problem = &first.p
	}
	w.rep.OK = w.rep.Problem == nil
}
