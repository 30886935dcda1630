package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
)

// entry is one labelled occurrence (truth) or one detector finding.
type entry struct {
	File  string   `json:"file"`
	Path  string   `json:"path"`
	Type  string   `json:"type"`
	Start *int     `json:"start"`
	End   *int     `json:"end"`
	Score *float64 `json:"score,omitempty"`
}

// span is an entry after validation, with its file reduced to a base name and its path
// canonicalised.
type span struct {
	file, path, rawPath, typ string
	start, end               int
}

// maxLine bounds one JSONL line; findings lines are short, and a runaway line is an error.
const maxLine = 1 << 20

// readEntries parses JSON Lines from r. Errors name the source and line, never the line's
// content: a findings file produced with --show-values holds personal data.
func readEntries(r io.Reader, name string) ([]span, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var out []span
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var e entry
		if err := json.Unmarshal(b, &e); err != nil {
			return nil, fmt.Errorf("%s:%d: not a JSON object with file, path, type, start and end", name, line)
		}
		switch {
		case e.File == "":
			return nil, fmt.Errorf("%s:%d: missing \"file\"", name, line)
		case e.Type == "":
			return nil, fmt.Errorf("%s:%d: missing \"type\"", name, line)
		case e.Start == nil || e.End == nil:
			return nil, fmt.Errorf("%s:%d: missing \"start\" or \"end\"", name, line)
		case *e.Start < 0 || *e.End <= *e.Start:
			return nil, fmt.Errorf("%s:%d: bad span [%d,%d)", name, line, *e.Start, *e.End)
		}
		out = append(out, span{
			file: baseName(e.File), path: canonicalPath(e.Path), rawPath: e.Path, typ: e.Type,
			start: *e.Start, end: *e.End,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return out, nil
}

// baseName reduces "bench/out/corpus/00012_user_get.json" (or a Windows path) to
// "00012_user_get.json": the scanner may be given files by any path.
func baseName(f string) string { return path.Base(strings.ReplaceAll(f, `\`, "/")) }

// canonicalPath unescapes each gjson path component and joins them with NUL, so that two
// writers that escape different sets of characters still compare equal.
func canonicalPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\' && i+1 < len(p):
			i++
			b.WriteByte(p[i])
		case c == '.':
			b.WriteByte(0)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// shape replaces array indexes in a canonical path with '#', grouping the same field of
// every list element ("result.list.#.mobile").
func shape(canon string) string {
	parts := strings.Split(canon, "\x00")
	for i, p := range parts {
		if p != "" && strings.Trim(p, "0123456789") == "" {
			parts[i] = "#"
		}
	}
	return strings.Join(parts, ".")
}
