package vaulttest

import (
	"strconv"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// Bench measures Tokenize and Reveal on one backend, with batches of 1 and 32:
//
//	tokenize/cold        values never seen: one insert round trip per call
//	tokenize/warm        values this replica wrote a moment ago: the refresh cache skips
//	                     the write, no I/O (the common case inside one busy body stream)
//	tokenize/warm-write  values already stored, cache disabled: one round trip that
//	                     refreshes expiry and last-seen (what another replica pays)
//	reveal/cold          tokens never stored: one lookup round trip, a miss
//	reveal/warm          stored tokens: one lookup round trip and a decryption each
//
// values/s is what one goroutine gets; run with -cpu to see concurrency.
func Bench(b *testing.B, open func(testing.TB) backend.Store) {
	for _, batch := range []int{1, 32} {
		for _, bc := range []struct {
			name    string
			run     func(b *testing.B, v *vault.Vault, batch int)
			refresh time.Duration
		}{
			{"tokenize/cold", benchTokenizeCold, 0},
			{"tokenize/warm", benchTokenizeWarm, 0},
			{"tokenize/warm-write", benchTokenizeWarm, -1},
			{"reveal/cold", benchRevealCold, 0},
			{"reveal/warm", benchRevealWarm, 0},
		} {
			b.Run(bc.name+"/batch="+strconv.Itoa(batch), func(b *testing.B) {
				st := open(b)
				v, err := vault.New(st, Keyring(b), vault.Options{RefreshInterval: bc.refresh})
				if err != nil {
					b.Fatal(err)
				}
				defer v.Close()
				b.ReportAllocs()
				bc.run(b, v, batch)
				b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "values/s")
			})
		}
	}
}

const warmSet = 1024

func warmEntries(batch int) [][]vault.Entry {
	batches := make([][]vault.Entry, warmSet/batch)
	for i := range batches {
		batches[i] = make([]vault.Entry, batch)
		for j := range batch {
			batches[i][j] = vault.Entry{Type: "hk_phone", Value: strconv.Itoa(90000000 + i*batch + j)}
		}
	}
	return batches
}

func benchTokenizeCold(b *testing.B, v *vault.Vault, batch int) {
	entries := make([]vault.Entry, batch)
	n := 0
	for b.Loop() {
		for j := range entries {
			n++
			entries[j] = vault.Entry{Type: "email", Value: "cold" + strconv.Itoa(n) + "@example.com"}
		}
		if _, err := v.Tokenize(b.Context(), entries); err != nil {
			b.Fatal(err)
		}
	}
}

func benchTokenizeWarm(b *testing.B, v *vault.Vault, batch int) {
	batches := warmEntries(batch)
	for _, e := range batches {
		if _, err := v.Tokenize(b.Context(), e); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		if _, err := v.Tokenize(b.Context(), batches[i%len(batches)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func benchRevealWarm(b *testing.B, v *vault.Vault, batch int) {
	var tokens [][]string
	for _, e := range warmEntries(batch) {
		toks, err := v.Tokenize(b.Context(), e)
		if err != nil {
			b.Fatal(err)
		}
		tokens = append(tokens, toks)
	}
	i := 0
	for b.Loop() {
		rs, err := v.Reveal(b.Context(), tokens[i%len(tokens)])
		if err != nil || rs[0].Status != vault.StatusOK {
			b.Fatalf("reveal: %v", err)
		}
		i++
	}
}

func benchRevealCold(b *testing.B, v *vault.Vault, batch int) {
	tokens := make([][]string, warmSet/batch)
	for i := range tokens {
		tokens[i] = make([]string, batch)
		for j := range batch {
			tokens[i][j] = v.TokenFor("email", "never"+strconv.Itoa(i*batch+j)+"@example.com")
		}
	}
	i := 0
	for b.Loop() {
		rs, err := v.Reveal(b.Context(), tokens[i%len(tokens)])
		if err != nil || rs[0].Status != vault.StatusUnknown {
			b.Fatalf("reveal: %v", err)
		}
		i++
	}
}
