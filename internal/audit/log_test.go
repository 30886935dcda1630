package audit

import (
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestAppendVerifyRoundTrip(t *testing.T) {
	l, cfg := openTest(t, nil)
	appendN(t, l, 0, 50)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	if !rep.OK {
		t.Fatalf("verify failed: %v", rep.Problem)
	}
	// 1 opening checkpoint + 50 calls + 1 closing checkpoint.
	if rep.Records != 52 || rep.FirstSeq != 1 || rep.LastSeq != 52 {
		t.Fatalf("records=%d first=%d last=%d, want 52/1/52", rep.Records, rep.FirstSeq, rep.LastSeq)
	}
	if !rep.MACChecked || !rep.SignaturesChecked || rep.HeadSeq != 52 || rep.UnsignedTail != 0 {
		t.Fatalf("report %+v: want MACs and signatures checked, head at 52, no unsigned tail", rep)
	}
}

func TestKeysCreated0600AndReused(t *testing.T) {
	l, cfg := openTest(t, nil)
	appendN(t, l, 0, 3)
	l.Close()
	keyDir := filepath.Join(filepath.Dir(cfg.Dir), "keys")
	for _, name := range []string{MACKeyName, SigningKeyName, PublicKeyName} {
		fi, err := os.Stat(filepath.Join(keyDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v, want 0600", name, fi.Mode().Perm())
		}
	}
	// Reopen continues the same chain under the same keys.
	l2, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, l2, 3, 3)
	l2.Close()
	if rep := mustVerify(t, cfg.Dir, VerifyOptions{}); !rep.OK || rep.Records != 9 {
		t.Fatalf("after reopen: ok=%v records=%d problem=%v", rep.OK, rep.Records, rep.Problem)
	}
	// A missing key for an existing log is refused, not regenerated.
	os.Remove(filepath.Join(keyDir, MACKeyName))
	if _, err := Open(cfg); err == nil {
		t.Fatal("Open with a missing MAC key succeeded; want a refusal")
	}
}

func TestConcurrentAppendPerRecordSync(t *testing.T) {
	l, cfg := openTest(t, func(c *Config) { c.SyncEvery = 0; c.CheckpointEvery = 50 })
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			appendN(t, l, g*100, 40)
		}(g)
	}
	wg.Wait()
	st := l.Stats()
	if st.SyncedSeq != st.LastSeq {
		t.Fatalf("per-record sync: synced %d < last %d after all appends returned", st.SyncedSeq, st.LastSeq)
	}
	l.Close()
	rep := mustVerify(t, cfg.Dir, VerifyOptions{})
	if !rep.OK {
		t.Fatal(rep.Problem)
	}
	if rep.Checkpoints < 1+320/50 {
		t.Fatalf("checkpoints = %d, want at least %d", rep.Checkpoints, 1+320/50)
	}
}

func TestAppendRejectsValuesInTypedFields(t *testing.T) {
	l, _ := openTest(t, nil)
	defer l.Close()
	bad := []*Record{
		{Decision: "forwarded", Tokens: []string{"91234567"}},
		{Decision: "forwarded", Counts: map[string]int{"A123456(3)": 1}},
		{Decision: "forwarded", Actions: map[string]int{"Chan Tai Man": 1}},
		{Decision: "maybe"},
		{Kind: KindCheckpoint},
		{Decision: "forwarded", Direction: "sideways"},
		{Decision: "forwarded", Counts: map[string]int{"hkid": -1}},
	}
	for i, r := range bad {
		if err := l.Append(r); err == nil {
			t.Errorf("record %d accepted; want ErrInvalidRecord", i)
		}
	}
	if l.Stats().LastSeq != 1 {
		t.Fatalf("rejected records were written: last seq %d", l.Stats().LastSeq)
	}
}

func TestPathsAreOptIn(t *testing.T) {
	for _, keep := range []bool{false, true} {
		l, cfg := openTest(t, func(c *Config) { c.RecordPaths = keep })
		r := callRecord(1)
		r.Paths = []string{"result.mobile"}
		if err := l.Append(r); err != nil {
			t.Fatal(err)
		}
		l.Close()
		var got []string
		if _, err := Walk(cfg.Dir, VerifyOptions{}, func(r *Record, _ []byte) error {
			got = append(got, r.Paths...)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if keep != (len(got) == 1) {
			t.Errorf("RecordPaths=%v: paths in log = %v", keep, got)
		}
	}
}

func TestSecondOpenRefused(t *testing.T) {
	l, cfg := openTest(t, nil)
	defer l.Close()
	if _, err := Open(cfg); err == nil {
		t.Fatal("a second writer opened the same directory")
	}
}

// TestDemoLayoutVerifiesWithoutOptions: the demo keeps the log in var/demo/audit and the
// keys in var/demo/keys; Verify needs nothing but the directory, from any working directory.
func TestDemoLayoutVerifiesWithoutOptions(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	l, err := Open(Config{Dir: "var/demo/audit", Replica: "demo", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	appendN(t, l, 0, 5)
	l.Close()
	for _, name := range []string{MACKeyName, SigningKeyName, PublicKeyName} {
		if _, err := os.Stat(filepath.Join("var/demo/keys", name)); err != nil {
			t.Fatalf("key %s not in var/demo/keys: %v", name, err)
		}
	}
	t.Chdir(t.TempDir())
	rep, err := Verify(filepath.Join(root, "var/demo/audit"), VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK || !rep.MACChecked || !rep.SignaturesChecked || rep.PublicKeySource != ManifestName {
		t.Fatalf("report %+v", rep)
	}
}

func TestDefaultReplicaFromHostName(t *testing.T) {
	c := Config{Dir: t.TempDir()}
	if err := c.setDefaults(); err != nil {
		t.Fatalf("default replica from the host name: %v", err)
	}
	if c.Replica == "" || strings.ContainsAny(c.Replica, ". ") {
		t.Fatalf("replica %q", c.Replica)
	}
}

// TestHealthyAfterWriteFailure: once a write fails the log refuses every append, and
// Healthy — which the proxy asks before forwarding a call — says so without waiting for
// the log's mutex; after Close it reports ErrClosed.
func TestHealthyAfterWriteFailure(t *testing.T) {
	l, _ := openTest(t, nil)
	if err := l.Healthy(); err != nil {
		t.Fatalf("fresh log: Healthy = %v", err)
	}
	// The disk going away under an open segment: the next write fails.
	l.mu.Lock()
	l.f.Close()
	l.mu.Unlock()
	if err := l.Append(callRecord(1)); err == nil {
		t.Fatal("Append after the segment was closed under the log succeeded")
	}
	herr := l.Healthy()
	if herr == nil || !strings.Contains(herr.Error(), "audit: write") {
		t.Fatalf("Healthy after a failed write = %v, want the write error", herr)
	}
	if err := l.Append(callRecord(2)); err == nil {
		t.Fatal("a failed log accepted a later append")
	}
	l.Close()
	if err := l.Healthy(); err == nil {
		t.Fatal("Healthy after Close = nil")
	}

	l2, _ := openTest(t, nil)
	l2.Close()
	if err := l2.Healthy(); !errors.Is(err, ErrClosed) {
		t.Fatalf("Healthy after Close = %v, want ErrClosed", err)
	}
}
