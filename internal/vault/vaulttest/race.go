package vaulttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// Environment of a ProcessRace child.
const (
	envRaceShared = "VAULTTEST_RACE_SHARED" // names the shared store (schema, key prefix)
	envRaceStart  = "VAULTTEST_RACE_START"  // Unix nanoseconds at which every child starts
	envRaceOut    = "VAULTTEST_RACE_OUT"    // file the child writes its tokens to
	envRaceID     = "VAULTTEST_RACE_ID"
)

const (
	raceProcs  = 4
	raceValues = 240
	raceBatch  = 16
)

// RaceShared is the shared-store name handed to a ProcessRace child, or "" in the parent.
func RaceShared() string { return os.Getenv(envRaceShared) }

// ProcessRace proves that separate proxy processes sharing a backend agree on tokens and
// store each value once. The parent re-executes the test binary (os.Args[0]) raceProcs
// times, running only the calling top-level test, with environment marking them as
// children; every child opens its own store with open(shared) (racing the schema
// creation too), waits for a common start instant and tokenizes the same values in
// batches, odd children in reverse order and with other spellings. The parent then
// checks that all children returned identical tokens, that every value reveals, and,
// after a second identical race, that no stored ciphertext or first-seen time changed:
// the entry was written once. It returns the tokens for backend-specific checks.
//
// The calling test must be top-level, and must call ProcessRace in the child as well
// (use RaceShared() to tell the roles apart and to find the shared name).
func ProcessRace(t *testing.T, shared string, open func(t testing.TB, shared string) backend.Store) []string {
	if os.Getenv(envRaceOut) != "" {
		raceChild(t, open)
		return nil
	}
	if strings.Contains(t.Name(), "/") {
		t.Fatal("ProcessRace must be called from a top-level test")
	}
	values := raceEntries(0)
	first := runRace(t, shared)
	st := open(t, shared)
	defer st.Close()
	v := newVault(t, st, Keyring(t), nil, vault.Options{})
	for i, r := range mustReveal(t, v, first...) {
		even, odd := values[i].Value, raceEntries(1)[i].Value
		if r.Status != vault.StatusOK || (r.Value != even && r.Value != odd) {
			t.Fatalf("value %d: revealed %v %q, want one of the raced spellings", i, r.Status, r.Value)
		}
	}
	before := mustGet(t, st, first...)

	second := runRace(t, shared)
	for i := range first {
		if first[i] != second[i] {
			t.Fatalf("value %d: token changed between races", i)
		}
	}
	after := mustGet(t, st, first...)
	for i := range before {
		if !bytes.Equal(before[i].Sealed, after[i].Sealed) || !before[i].FirstSeen.Equal(after[i].FirstSeen) {
			t.Fatalf("value %d: the second race rewrote the stored entry", i)
		}
		if !after[i].LastSeen.After(before[i].LastSeen) && !after[i].LastSeen.Equal(before[i].LastSeen) {
			t.Fatalf("value %d: last seen moved backwards", i)
		}
	}
	return first
}

// raceEntries is the list of values child id tokenizes: the same values for everyone,
// spelled differently by odd children.
func raceEntries(id int) []vault.Entry {
	out := make([]vault.Entry, raceValues)
	for i := range out {
		switch i % 3 {
		case 0:
			v := fmt.Sprintf("Race.User%d@Example.com", i)
			if id%2 == 1 {
				v = strings.ToLower(v)
			}
			out[i] = vault.Entry{Type: "email", Value: v}
		case 1:
			v := fmt.Sprintf("9%03d %04d", i, 4000+i)
			if id%2 == 1 {
				v = "+852" + strings.ReplaceAll(v, " ", "")
			}
			out[i] = vault.Entry{Type: "hk_phone", Value: v}
		default:
			out[i] = vault.Entry{Type: "staff_no", Value: fmt.Sprintf("S-%05d", i)}
		}
	}
	return out
}

type raceResult struct {
	Tokens []string `json:"tokens"`
}

func runRace(t *testing.T, shared string) []string {
	t.Helper()
	dir := t.TempDir()
	start := time.Now().Add(2 * time.Second) // time for every child binary to start and connect
	cmds := make([]*exec.Cmd, raceProcs)
	outs := make([]*bytes.Buffer, raceProcs)
	for id := range raceProcs {
		cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.timeout=120s")
		cmd.Env = append(os.Environ(),
			envRaceShared+"="+shared,
			envRaceStart+"="+strconv.FormatInt(start.UnixNano(), 10),
			envRaceOut+"="+filepath.Join(dir, fmt.Sprintf("child%d.json", id)),
			envRaceID+"="+strconv.Itoa(id))
		outs[id] = new(bytes.Buffer)
		cmd.Stdout, cmd.Stderr = outs[id], outs[id]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds[id] = cmd
	}
	var results [raceProcs][]string
	for id, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("child %d: %v\n%s", id, err, outs[id])
		}
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("child%d.json", id)))
		if err != nil {
			t.Fatalf("child %d wrote no result: %v\n%s", id, err, outs[id])
		}
		var r raceResult
		if err := json.Unmarshal(data, &r); err != nil || len(r.Tokens) != raceValues {
			t.Fatalf("child %d: bad result (%v, %d tokens)", id, err, len(r.Tokens))
		}
		results[id] = r.Tokens
	}
	for id := 1; id < raceProcs; id++ {
		for i := range results[0] {
			if results[id][i] != results[0][i] {
				t.Fatalf("child %d and child 0 disagree on value %d", id, i)
			}
		}
	}
	return results[0]
}

func raceChild(t *testing.T, open func(t testing.TB, shared string) backend.Store) {
	id, _ := strconv.Atoi(os.Getenv(envRaceID))
	startNs, err := strconv.ParseInt(os.Getenv(envRaceStart), 10, 64)
	if err != nil {
		t.Fatal("bad start time")
	}
	st := open(t, RaceShared())
	v := newVault(t, st, Keyring(t), nil, vault.Options{Timeout: 30 * time.Second})
	defer v.Close()
	entries := raceEntries(id)
	order := make([]int, 0, len(entries)/raceBatch+1)
	for b := 0; b < len(entries); b += raceBatch {
		order = append(order, b)
	}
	if id%2 == 1 { // overlapping batches in the opposite order
		for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
			order[i], order[j] = order[j], order[i]
		}
	}
	time.Sleep(time.Until(time.Unix(0, startNs)))
	tokens := make([]string, len(entries))
	for _, b := range order {
		end := min(b+raceBatch, len(entries))
		toks, err := v.Tokenize(t.Context(), entries[b:end])
		if err != nil {
			t.Fatalf("child %d: %v", id, err)
		}
		copy(tokens[b:end], toks)
	}
	data, _ := json.Marshal(raceResult{Tokens: tokens})
	if err := os.WriteFile(os.Getenv(envRaceOut), data, 0o600); err != nil {
		t.Fatal(err)
	}
}
