package audit

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzVerifySegment writes arbitrary bytes as the only segment of a log and verifies it.
// Properties: no panic, no error for a readable directory, and random bytes never verify as
// an intact log (they cannot carry a valid signature and MAC).
func FuzzVerifySegment(f *testing.F) {
	l, cfg := openSeedLog(f)
	appendN(f, l, 0, 3)
	l.Close()
	good, _ := os.ReadFile(filepath.Join(cfg.Dir, segmentName(1)))
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(bytes.Replace(good, []byte(`"hkid":1`), []byte(`"hkid":2`), 1))
	f.Add([]byte("{}\n{\"seq\":1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, segmentName(1)), data, 0o600); err != nil {
			t.Fatal(err)
		}
		// Reuse the seed log's manifest so keys are known and signatures are checked.
		man, _ := os.ReadFile(filepath.Join(cfg.Dir, ManifestName))
		os.WriteFile(filepath.Join(dir, ManifestName), man, 0o600)
		rep, err := Verify(dir, VerifyOptions{MACKeyFile: filepath.Join(filepath.Dir(cfg.Dir), "keys", MACKeyName)})
		if err != nil {
			t.Fatalf("Verify error on a readable directory: %v", err)
		}
		if rep.OK && !bytes.Equal(data, good) && !isPrefixOfLines(data, good) {
			t.Fatalf("arbitrary segment verified as intact: %q", data)
		}
	})
}

// isPrefixOfLines reports whether data is a whole-line prefix of good: a genuine log cut at
// a record boundary, which (without head.json) is indistinguishable from a shorter log — down
// to no records at all, a log that was opened and never written (Verify warns that deletion
// is undetectable without head.json; TestVerifyDetectsTruncationAgainstHead covers it with).
func isPrefixOfLines(data, good []byte) bool {
	return len(data) == 0 || bytes.HasPrefix(good, data) && data[len(data)-1] == '\n'
}

func openSeedLog(f *testing.F) (*Log, Config) {
	dir := filepath.Join(f.TempDir(), "audit")
	cfg := Config{Dir: dir, Replica: "fz", Logger: quietLogger()}
	l, err := Open(cfg)
	if err != nil {
		f.Fatal(err)
	}
	return l, cfg
}

func FuzzParsePublicKey(f *testing.F) {
	f.Add([]byte("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"))
	f.Add([]byte("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1"))
	f.Add([]byte("-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		pub, err := ParsePublicKey(b)
		if err == nil && len(pub) != 32 {
			t.Fatalf("accepted a %d-byte key", len(pub))
		}
	})
}

func FuzzLineSeq(f *testing.F) {
	f.Add([]byte(`{"seq":42,"time":"x"}`))
	f.Add([]byte(`{"seq":,`))
	f.Add([]byte(`{"seq":18446744073709551616,`))
	f.Fuzz(func(t *testing.T, b []byte) {
		seq, ok := lineSeq(b)
		if ok && !bytes.HasPrefix(b, []byte(`{"seq":`)) {
			t.Fatalf("seq %d read from a line without the canonical prefix", seq)
		}
	})
}
