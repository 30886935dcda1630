package audit

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tamperLog builds a closed log of several segments on disk and returns its directory and
// segment paths in order.
func tamperLog(t *testing.T) (Config, []string) {
	t.Helper()
	l, cfg := openTest(t, func(c *Config) { c.MaxSegmentBytes = 6 << 10; c.CheckpointEvery = 10 })
	appendN(t, l, 0, 60)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	segs, _, err := listSegments(cfg.Dir)
	if err != nil || len(segs) < 4 {
		t.Fatalf("want at least 4 segments, got %d (%v)", len(segs), err)
	}
	var paths []string
	for _, s := range segs {
		paths = append(paths, s.path)
	}
	if rep := mustVerify(t, cfg.Dir, VerifyOptions{}); !rep.OK {
		t.Fatalf("pristine log fails: %v", rep.Problem)
	}
	return cfg, paths
}

func readLines(t *testing.T, path string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.SplitAfter(b, []byte{'\n'})[:bytes.Count(b, []byte{'\n'})]
}

func writeLines(t *testing.T, path string, lines [][]byte) {
	t.Helper()
	if err := os.WriteFile(path, bytes.Join(lines, nil), 0o600); err != nil {
		t.Fatal(err)
	}
}

func seqOf(t *testing.T, line []byte) uint64 {
	r, err := ParseLine(line)
	if err != nil {
		t.Fatal(err)
	}
	return r.Seq
}

// reseal rewrites a line's record with mod applied, recomputing hash (and MAC when macKey is
// given), as an attacker holding that key could.
func reseal(t *testing.T, line []byte, macKey []byte, mod func(*Record)) []byte {
	r, err := ParseLine(line)
	if err != nil {
		t.Fatal(err)
	}
	mod(r)
	sig := r.Sig
	newHasher(macKey).seal(r)
	if macKey == nil {
		old, _ := ParseLine(line)
		r.MAC = old.MAC
	}
	r.Sig = sig
	return appendLine(nil, r)
}

func wantProblem(t *testing.T, rep Report, kind string, seq uint64, segment string) {
	t.Helper()
	if rep.OK || rep.Problem == nil {
		t.Fatalf("verification passed; want %s", kind)
	}
	p := rep.Problem
	t.Logf("reported: %v (anomalies %d)", p, rep.Anomalies)
	if p.Kind != kind {
		t.Fatalf("problem %v; want kind %s", p, kind)
	}
	if seq != 0 && p.Seq != seq {
		t.Fatalf("problem %v; want seq %d", p, seq)
	}
	if segment != "" && p.Segment != segment {
		t.Fatalf("problem %v; want segment %s", p, segment)
	}
}

func TestVerifyDetectsEdit(t *testing.T) {
	cfg, segs := tamperLog(t)
	lines := readLines(t, segs[1])
	victim := seqOf(t, lines[2])
	lines[2] = bytes.Replace(lines[2], []byte(`"hkid":`), []byte(`"hkid":9`), 1)
	writeLines(t, segs[1], lines)
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemEdit, victim, filepath.Base(segs[1]))
	if rep.Problem.Line != 3 {
		t.Fatalf("problem on line %d, want 3", rep.Problem.Line)
	}
}

func TestVerifyDetectsEditWithRecomputedHash(t *testing.T) {
	cfg, segs := tamperLog(t)
	lines := readLines(t, segs[2])
	victim := seqOf(t, lines[3])
	lines[3] = reseal(t, lines[3], nil, func(r *Record) { r.Decision = DecisionBlocked })
	writeLines(t, segs[2], lines)
	// With the MAC key: the MAC no longer matches the new hash.
	wantProblem(t, mustVerify(t, cfg.Dir, VerifyOptions{}), ProblemEdit, victim, "")
	// Without the MAC key: the next record's prev no longer matches; the edited record is named.
	os.Rename(filepath.Join(filepath.Dir(cfg.Dir), "keys", MACKeyName), filepath.Join(t.TempDir(), "moved"))
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	if rep.MACChecked {
		t.Fatal("MACChecked with the key removed")
	}
	wantProblem(t, rep, ProblemEdit, victim, filepath.Base(segs[2]))
}

func TestVerifyRewriteWithMACKeyCaughtBySignature(t *testing.T) {
	cfg, segs := tamperLog(t)
	macKey, err := ReadMACKey(filepath.Join(filepath.Dir(cfg.Dir), "keys", MACKeyName))
	if err != nil {
		t.Fatal(err)
	}
	// An attacker holding the MAC key (not the signing key) edits one record and re-chains
	// everything after it, across all later segments: hashes, MACs and links are all
	// consistent again, so only the checkpoint signatures can tell.
	prev := ""
	var firstCP uint64
	for si, path := range segs[1:] {
		lines := readLines(t, path)
		for i := range lines {
			lines[i] = reseal(t, lines[i], macKey, func(r *Record) {
				if si == 0 && i == 2 {
					r.Caller = "someone-else"
				}
				if prev != "" {
					r.Prev = prev
				}
				if prev != "" && firstCP == 0 && r.Kind == KindCheckpoint {
					firstCP = r.Seq
				}
			})
			r, _ := ParseLine(lines[i])
			if si > 0 || i >= 2 {
				prev = r.Hash
			}
		}
		writeLines(t, path, lines)
	}
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	t.Logf("reported: %v", rep.Problem)
	wantProblem(t, rep, ProblemSignature, firstCP, "")
}

func TestVerifyDetectsDeletion(t *testing.T) {
	cfg, segs := tamperLog(t)
	lines := readLines(t, segs[1])
	gone := seqOf(t, lines[3])
	writeLines(t, segs[1], append(lines[:3:3], lines[4:]...))
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemDeletion, gone, filepath.Base(segs[1]))
	if !strings.Contains(rep.Problem.Detail, "(1)") {
		t.Fatalf("detail %q should count one missing record", rep.Problem.Detail)
	}
}

func TestVerifyDetectsDeletedSegment(t *testing.T) {
	cfg, segs := tamperLog(t)
	first := seqOf(t, readLines(t, segs[2])[0])
	os.Remove(segs[2])
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemDeletion, first, filepath.Base(segs[3]))
	if !strings.Contains(rep.Problem.Detail, "segment boundary") {
		t.Fatalf("detail %q should name the segment boundary", rep.Problem.Detail)
	}
}

func TestVerifyDetectsDeletedOldestSegment(t *testing.T) {
	cfg, segs := tamperLog(t)
	os.Remove(segs[0])
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemDeletion, 1, filepath.Base(segs[1]))
	if !strings.Contains(rep.Problem.Detail, "no retention record") {
		t.Fatalf("detail %q", rep.Problem.Detail)
	}
}

func TestVerifyDetectsReordering(t *testing.T) {
	cfg, segs := tamperLog(t)
	lines := readLines(t, segs[1])
	later := seqOf(t, lines[3])
	lines[2], lines[3] = lines[3], lines[2]
	writeLines(t, segs[1], lines)
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemReordering, later, filepath.Base(segs[1]))
	if rep.Problem.Line != 3 {
		t.Fatalf("problem on line %d, want 3", rep.Problem.Line)
	}
}

func TestVerifyDetectsSwappedSegmentFiles(t *testing.T) {
	cfg, segs := tamperLog(t)
	tmp := segs[1] + ".x"
	os.Rename(segs[1], tmp)
	os.Rename(segs[2], segs[1])
	os.Rename(tmp, segs[2])
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemReordering, 0, filepath.Base(segs[1]))
}

func TestVerifyDetectsTruncationAgainstHead(t *testing.T) {
	cfg, segs := tamperLog(t)
	last := segs[len(segs)-1]
	lines := readLines(t, last)
	writeLines(t, last, lines[:len(lines)-2]) // drops the closing checkpoint and one call
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemTruncation, 0, filepath.Base(last))
	if !strings.Contains(rep.Problem.Detail, "head.json") {
		t.Fatalf("detail %q should cite head.json", rep.Problem.Detail)
	}
}

// TestVerifyTailTruncationLimits documents what cannot be detected: after a crash (no
// closing checkpoint) records after the last head.json checkpoint can be cut off without a
// trace in the local log; only an expected seq from elsewhere (the sink) reveals it.
func TestVerifyTailTruncationLimits(t *testing.T) {
	l, cfg := openTest(t, func(c *Config) { c.CheckpointEvery = 10 })
	appendN(t, l, 0, 25)
	l.maintain() // writes head.json for the last checkpoint (seq 22)
	crash(l)
	segs, _, _ := listSegments(cfg.Dir)
	last := segs[len(segs)-1].path
	lines := readLines(t, last)
	lastSeq := seqOf(t, lines[len(lines)-1])
	writeLines(t, last, lines[:len(lines)-2])
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	if !rep.OK {
		t.Fatalf("unexpected problem: %v", rep.Problem)
	}
	if rep.UnsignedTail == 0 || len(rep.Warnings) == 0 {
		t.Fatalf("report should flag the unsigned tail: %+v", rep)
	}
	rep = mustVerify(t, cfg.Dir, VerifyOptions{ExpectLastSeq: lastSeq})
	wantProblem(t, rep, ProblemTruncation, lastSeq-1, "")
}

func TestVerifyDetectsInsertion(t *testing.T) {
	cfg, segs := tamperLog(t)
	lines := readLines(t, segs[1])
	// A forged record (no MAC key) slipped in between two genuine ones.
	forged := reseal(t, lines[2], nil, func(r *Record) { r.RequestID = "forged" })
	after := seqOf(t, lines[2])
	out := append([][]byte{}, lines[:3]...)
	out = append(out, forged)
	out = append(out, lines[3:]...)
	writeLines(t, segs[1], out)
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemInsertion, after, filepath.Base(segs[1]))
	if rep.Problem.Line != 4 {
		t.Fatalf("problem on line %d, want 4", rep.Problem.Line)
	}
}

func TestVerifyDetectsReplayedRecord(t *testing.T) {
	cfg, segs := tamperLog(t)
	early := readLines(t, segs[0])[2]
	lines := readLines(t, segs[2])
	out := append([][]byte{}, lines[:2]...)
	out = append(out, early)
	out = append(out, lines[2:]...)
	writeLines(t, segs[2], out)
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	wantProblem(t, rep, ProblemInsertion, seqOf(t, early), filepath.Base(segs[2]))
}

func TestVerifyDetectsBadSignature(t *testing.T) {
	cfg, segs := tamperLog(t)
	lines := readLines(t, segs[1])
	cp := seqOf(t, lines[0]) // every segment opens with a checkpoint
	i := bytes.Index(lines[0], []byte(`"sig":"`)) + len(`"sig":"`)
	if lines[0][i] == 'a' {
		lines[0][i] = 'b'
	} else {
		lines[0][i] = 'a'
	}
	writeLines(t, segs[1], lines)
	wantProblem(t, mustVerify(t, cfg.Dir, VerifyOptions{}), ProblemSignature, cp, filepath.Base(segs[1]))
}

func TestVerifyWithForeignPublicKey(t *testing.T) {
	cfg, _ := tamperLog(t)
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	der, _ := x509.MarshalPKIXPublicKey(pub)
	p := filepath.Join(t.TempDir(), "other.pub")
	os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}), 0o600)
	rep := mustVerify(t, cfg.Dir, VerifyOptions{PublicKeyFile: p})
	wantProblem(t, rep, ProblemSignature, 1, "")
	// The right key, given explicitly, verifies.
	own := filepath.Join(filepath.Dir(cfg.Dir), "keys", PublicKeyName)
	if rep := mustVerify(t, cfg.Dir, VerifyOptions{PublicKeyFile: own}); !rep.OK {
		t.Fatalf("own public key: %v", rep.Problem)
	}
}

func TestVerifyProgress(t *testing.T) {
	cfg, segs := tamperLog(t)
	var total int64
	for _, p := range segs {
		fi, _ := os.Stat(p)
		total += fi.Size()
	}
	var last, calls int64
	_, err := Verify(cfg.Dir, VerifyOptions{Progress: func(done, tot int64) {
		calls++
		if tot != total || done < last {
			t.Errorf("progress(%d, %d) after %d; total should be %d", done, tot, last, total)
		}
		last = done
	}})
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != total {
		t.Fatalf("progress ended at %d of %d after %d calls", last, total, calls)
	}
}

// crash abandons a log without Close: no closing checkpoint, the directory lock released as
// the process exit would.
func crash(l *Log) {
	l.mu.Lock()
	l.closed = true
	l.f.Close()
	l.mu.Unlock()
	close(l.stop)
	l.wg.Wait()
	if l.fwd != nil {
		l.fwd.cancel()
		<-l.fwd.done
	}
	if l.sp != nil {
		l.sp.close()
	}
	l.unlock()
}
