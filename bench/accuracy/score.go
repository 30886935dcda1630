package main

import (
	"slices"
	"sort"
	"strings"
)

// Types whose totals gate the accuracy targets: their validators are strong enough that
// the design requires near-perfect recall and precision on them.
var structuredTypes = []string{"hkid", "hk_phone", "cn_mobile", "cn_id", "email", "credit_card", "ipv4"}

// catalogue is DESIGN.md §4's order, for stable tables.
var catalogue = []string{"hkid", "hk_phone", "cn_mobile", "cn_id", "email", "credit_card", "ipv4", "ipv6",
	"hk_passport", "cn_passport", "mo_id", "tw_id", "cn_uscc", "hk_br", "hk_bank_account", "cn_bank_card",
	"person_name", "date_of_birth", "address"}

// Stats are the counts for one type or one total.
type Stats struct {
	Type      string  `json:"type"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Exact     int     `json:"exact"`
	Recall    float64 `json:"recall"`
	Precision float64 `json:"precision"`
	ExactPct  float64 `json:"exact_span_pct"`
}

func (s *Stats) add(o Stats) {
	s.TP += o.TP
	s.FP += o.FP
	s.FN += o.FN
	s.Exact += o.Exact
}

// finish computes the ratios. With nothing to find, recall is 1; with nothing found,
// precision is 1 (no false alarms); with no true positives, exact-span is 0.
func (s *Stats) finish() {
	s.Recall, s.Precision = 1, 1
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP > 0 {
		s.ExactPct = 100 * float64(s.Exact) / float64(s.TP)
	}
}

// Miss is one unmatched truth entry (a false negative) or finding (a false positive).
type Miss struct {
	File  string `json:"file"`
	Path  string `json:"path"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value,omitempty"`
}

// Group is a set of misses of one type at one path shape, worst first.
type Group struct {
	Type     string `json:"type"`
	Shape    string `json:"path_shape"`
	Count    int    `json:"count"`
	Examples []Miss `json:"examples"`
}

// Report is the whole scoring result.
type Report struct {
	TruthEntries     int     `json:"truth_entries"`
	Findings         int     `json:"findings"`
	Types            []Stats `json:"types"`
	Structured       Stats   `json:"structured"`
	All              Stats   `json:"all"`
	NegativeFindings int     `json:"negative_findings"`
	NegativeFiles    int     `json:"negative_files_with_findings"`
	Misses           []Group `json:"worst_misses,omitempty"`
	FalseAlarms      []Group `json:"worst_false_alarms,omitempty"`

	fn, fp []span
}

// isNegativeFile reports whether a file is a hard negative by the corpus naming rule.
func isNegativeFile(f string) bool { return strings.Contains(f, "_negative_") }

type groupKey struct{ file, path, typ string }

// score matches findings to truth: same file, canonical path and type, overlapping spans,
// one finding per truth entry. Within a value it prefers an exact span, then the largest
// overlap, so a detector that splits one occurrence in two gets one TP and one FP.
func score(truth, found []span) *Report {
	r := &Report{TruthEntries: len(truth), Findings: len(found)}
	byKey := map[groupKey][]span{}
	for _, t := range truth {
		k := groupKey{t.file, t.path, t.typ}
		byKey[k] = append(byKey[k], t)
	}
	foundBy := map[groupKey][]span{}
	negFiles := map[string]bool{}
	for _, f := range found {
		k := groupKey{f.file, f.path, f.typ}
		foundBy[k] = append(foundBy[k], f)
		if isNegativeFile(f.file) {
			r.NegativeFindings++
			negFiles[f.file] = true
		}
	}
	r.NegativeFiles = len(negFiles)
	per := map[string]*Stats{}
	stat := func(typ string) *Stats {
		if per[typ] == nil {
			per[typ] = &Stats{Type: typ}
		}
		return per[typ]
	}
	keys := make([]groupKey, 0, len(byKey)+len(foundBy))
	for k := range byKey {
		keys = append(keys, k)
	}
	for k := range foundBy {
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.path != b.path {
			return a.path < b.path
		}
		return a.typ < b.typ
	})
	for _, k := range keys {
		ts, fs := byKey[k], foundBy[k]
		s := stat(k.typ)
		slices.SortFunc(fs, bySpan)
		slices.SortFunc(ts, bySpan)
		used := make([]bool, len(ts))
		for _, f := range fs {
			best, bestOverlap, exact := -1, 0, false
			for i, t := range ts {
				if used[i] {
					continue
				}
				ov := min(f.end, t.end) - max(f.start, t.start)
				if ov <= 0 {
					continue
				}
				isExact := f.start == t.start && f.end == t.end
				if isExact && !exact || (isExact == exact && ov > bestOverlap) {
					best, bestOverlap, exact = i, ov, isExact
				}
			}
			if best < 0 {
				s.FP++
				r.fp = append(r.fp, f)
				continue
			}
			used[best] = true
			s.TP++
			if exact {
				s.Exact++
			}
		}
		for i, t := range ts {
			if !used[i] {
				s.FN++
				r.fn = append(r.fn, t)
			}
		}
	}
	order := append([]string(nil), catalogue...)
	var extra []string
	for typ := range per {
		if !slices.Contains(catalogue, typ) {
			extra = append(extra, typ)
		}
	}
	sort.Strings(extra)
	order = append(order, extra...)
	r.Structured.Type, r.All.Type = "structured", "all"
	for _, typ := range order {
		s, ok := per[typ]
		if !ok {
			continue
		}
		s.finish()
		r.Types = append(r.Types, *s)
		r.All.add(*s)
		if slices.Contains(structuredTypes, typ) {
			r.Structured.add(*s)
		}
	}
	r.Structured.finish()
	r.All.finish()
	return r
}

func bySpan(a, b span) int {
	if a.start != b.start {
		return a.start - b.start
	}
	return a.end - b.end
}

// groupMisses groups misses by type and path shape, largest groups first, keeping up to
// examples entries of each; value, when non-nil, fills in the missed text.
func groupMisses(ms []span, top, examples int, value func(span) string) []Group {
	idx := map[[2]string]int{}
	var gs []Group
	for _, m := range ms {
		k := [2]string{m.typ, shape(m.path)}
		i, ok := idx[k]
		if !ok {
			i = len(gs)
			idx[k] = i
			gs = append(gs, Group{Type: m.typ, Shape: k[1]})
		}
		gs[i].Count++
		if len(gs[i].Examples) < examples {
			ex := Miss{File: m.file, Path: m.rawPath, Type: m.typ, Start: m.start, End: m.end}
			if value != nil {
				ex.Value = value(m)
			}
			gs[i].Examples = append(gs[i].Examples, ex)
		}
	}
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].Count != gs[j].Count {
			return gs[i].Count > gs[j].Count
		}
		if gs[i].Type != gs[j].Type {
			return gs[i].Type < gs[j].Type
		}
		return gs[i].Shape < gs[j].Shape
	})
	if len(gs) > top {
		gs = gs[:top]
	}
	return gs
}
