// Package corpus generates a labelled benchmark corpus of DingTalk API payloads carrying fake
// Hong Kong personal data: the payloads, and for each a truth list (file, gjson path, type
// and byte span in the decoded value). The output is a pure function of (seed, index).
package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// kind is one payload shape and its share of the corpus.
type kind struct {
	name   string
	weight int
	build  func(c *fileCtx) node
}

var kinds = []kind{
	{"user_get", 12, userGet},
	{"user_list", 10, userList},
	{"roster_legacy", 8, rosterLegacy},
	{"roster_v1", 10, rosterV1},
	{"contact_me", 6, contactMe},
	{"process_instance", 12, processInstance},
	{"robot_batch_send", 8, robotBatchSend},
	{"robot_send", 8, robotSend},
	{"asyncsend", 8, asyncSend},
	{"stream_frame", 8, streamFrame},
	{"negative", 10, nil}, // one of negativeKinds
}

// truthLine is one line of truth.jsonl; field order is the documented one.
type truthLine struct {
	File  string `json:"file"`
	Path  string `json:"path"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Manifest summarises a generated corpus.
type Manifest struct {
	Seed          uint64         `json:"seed"`
	Files         int            `json:"files"`
	NegativeFiles int            `json:"negative_files"`
	Bytes         int64          `json:"bytes"`
	TruthEntries  int            `json:"truth_entries"`
	Kinds         map[string]int `json:"kinds"`
	Types         map[string]int `json:"types"`
}

// payload is one generated file.
type payload struct {
	name  string
	kind  string
	data  []byte
	truth []truthLine
}

// generateFile builds file i of the corpus for seed. It depends on (seed, i) only.
func generateFile(seed uint64, i int) payload {
	g := fakedata.New(fakedata.SubSeed(seed, i))
	c := &fileCtx{g: g, orgSeed: seed}
	w := make([]int, len(kinds))
	for j, k := range kinds {
		w[j] = k.weight
	}
	k := kinds[g.PickWeighted(w)]
	name := k.name
	var root node
	if k.build == nil {
		nk := negativeKinds[g.Intn(len(negativeKinds))]
		name = "negative_" + nk.name
		root = nk.build(c)
	} else {
		root = k.build(c)
	}
	file := fmt.Sprintf("%05d_%s.json", i, name)
	data, labels := newWriter(outerStyle(g), g.Rand()).document(root)
	p := payload{name: file, kind: name, data: data}
	for _, l := range labels {
		p.truth = append(p.truth, truthLine{File: file, Path: l.path, Type: l.typ, Start: l.start, End: l.end})
	}
	return p
}

// ownFile matches the files a previous run wrote, which a new run replaces.
var ownFile = regexp.MustCompile(`^\d{5}_[a-z0-9_]+\.json$`)

// maxFiles is what five-digit file numbers allow.
const maxFiles = 100000

// Truth is one labelled PII occurrence.
type Truth = truthLine

// Doc is one generated payload with its labels.
type Doc struct {
	Name  string // NNNNN_<kind>.json
	Kind  string
	Data  []byte
	Truth []Truth
}

// File builds payload i of the corpus for seed; it depends on (seed, i) only.
func File(seed uint64, i int) Doc {
	p := generateFile(seed, i)
	return Doc{Name: p.name, Kind: p.kind, Data: p.data, Truth: p.truth}
}

// Generate writes n payload files, truth.jsonl and manifest.json to dir.
func Generate(dir string, seed uint64, n int) (*Manifest, error) { return generate(dir, seed, n) }

// SortedKeys returns the keys of a count map in order.
func SortedKeys(m map[string]int) []string { return sortedKeys(m) }

// generate writes n payload files, truth.jsonl and manifest.json to dir.
func generate(dir string, seed uint64, n int) (*Manifest, error) {
	if n < 0 || n > maxFiles {
		return nil, fmt.Errorf("-n must be between 0 and %d, got %d", maxFiles, n)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	// Stale files from a larger earlier run would otherwise be scanned with no truth.
	old, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, de := range old {
		if de.Type().IsRegular() && (ownFile.MatchString(de.Name()) || de.Name() == "truth.jsonl" || de.Name() == "manifest.json") {
			if err := os.Remove(filepath.Join(dir, de.Name())); err != nil {
				return nil, err
			}
		}
	}
	m := &Manifest{Seed: seed, Files: n, Kinds: map[string]int{}, Types: map[string]int{}}
	var truth bytes.Buffer
	enc := json.NewEncoder(&truth)
	enc.SetEscapeHTML(false)
	for i := range n {
		p := generateFile(seed, i)
		if err := os.WriteFile(filepath.Join(dir, p.name), p.data, 0o644); err != nil {
			return nil, err
		}
		m.Bytes += int64(len(p.data))
		m.Kinds[p.kind]++
		if len(p.kind) > 9 && p.kind[:9] == "negative_" {
			m.NegativeFiles++
		}
		for _, t := range p.truth {
			if err := enc.Encode(t); err != nil {
				return nil, err
			}
			m.Types[t.Type]++
			m.TruthEntries++
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "truth.jsonl"), truth.Bytes(), 0o644); err != nil {
		return nil, err
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return m, os.WriteFile(filepath.Join(dir, "manifest.json"), append(mb, '\n'), 0o644)
}

// sortedKeys returns m's keys in order, for stable human output.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
