package main

import (
	"errors"
	"io/fs"
	"os"
	"strings"
)

// The generated part of the "Proxy load" section sits between these markers; whatever
// else the section holds (analysis, profiles) is kept when the benchmark writes again.
const (
	resultsHeading = "## Proxy load"
	blockBegin     = "<!-- bench/load: generated, replaced by `go run ./bench/load -results FILE` -->"
	blockEnd       = "<!-- bench/load: end -->"
)

// updateResults puts text into the generated block of the "Proxy load" section of the
// Markdown file at path, creating the file or the section when missing.
func updateResults(path, text string) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if len(old) == 0 {
		old = []byte("# Benchmark results\n")
	}
	return os.WriteFile(path, []byte(replaceBlock(string(old), text)), 0o644)
}

// replaceBlock returns doc with the generated block of the "Proxy load" section set to
// text. Other sections are left byte for byte.
func replaceBlock(doc, text string) string {
	block := blockBegin + "\n" + strings.TrimRight(text, "\n") + "\n" + blockEnd + "\n"
	lines := strings.SplitAfter(doc, "\n")
	head := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == resultsHeading {
			head = i
			break
		}
	}
	if head < 0 {
		doc = strings.TrimRight(doc, "\n") + "\n\n" + resultsHeading + "\n\n" + block
		return doc
	}
	end := len(lines) // the section runs to the next level-1 or level-2 heading
	for i := head + 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], "## ") || strings.HasPrefix(lines[i], "# ") {
			end = i
			break
		}
	}
	begin, stop := -1, -1
	for i := head + 1; i < end; i++ {
		switch strings.TrimSpace(lines[i]) {
		case blockBegin:
			begin = i
		case blockEnd:
			if begin >= 0 && stop < 0 {
				stop = i
			}
		}
	}
	var b strings.Builder
	if begin >= 0 && stop > begin {
		b.WriteString(strings.Join(lines[:begin], ""))
		b.WriteString(block)
		b.WriteString(strings.Join(lines[stop+1:], ""))
		return b.String()
	}
	// No block yet: it goes first in the section, before any hand-written text.
	b.WriteString(strings.Join(lines[:head+1], ""))
	if !strings.HasSuffix(lines[head], "\n") {
		b.WriteString("\n")
	}
	b.WriteString("\n" + block)
	rest := strings.Join(lines[head+1:], "")
	if strings.TrimSpace(rest) != "" {
		b.WriteString("\n" + strings.TrimLeft(rest, "\n"))
	}
	return b.String()
}
