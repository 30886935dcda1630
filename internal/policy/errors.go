package policy

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// PosError is one problem in a policy file, at the 1-based line and column of the node
// it is about. Msg names the field path (routes[0].response.fields[1].path) and never
// holds a secret value.
type PosError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e PosError) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// LoadError carries every problem found in a policy, sorted by position.
type LoadError struct {
	Errors []PosError
}

// Error prints one `file:line:col: message` per line.
func (e *LoadError) Error() string {
	var b strings.Builder
	for i, pe := range e.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(pe.String())
	}
	return b.String()
}

// Lines returns the error lines, one per problem.
func (e *LoadError) Lines() []string {
	out := make([]string, len(e.Errors))
	for i, pe := range e.Errors {
		out[i] = pe.String()
	}
	return out
}

// errorList collects problems while loading one file.
type errorList struct {
	file string
	errs []PosError
}

func (l *errorList) add(line, col int, msg string) {
	l.errs = append(l.errs, PosError{File: l.file, Line: line, Col: col, Msg: oneLine(msg)})
}

// oneLine escapes control characters, so that every problem stays one line of output even
// when it quotes a multi-line pattern or a key with a newline in it.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case isControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

func (l *errorList) at(n *node, path, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	line, col := 1, 1
	if n != nil {
		line, col = n.line, n.col
	}
	l.add(line, col, msg)
}

// err returns the sorted, de-duplicated problems as a *LoadError, or nil. Shared (aliased)
// nodes are compiled once per use, so the same problem can be found more than once.
func (l *errorList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	slices.SortStableFunc(l.errs, func(a, b PosError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), strings.Compare(a.Msg, b.Msg))
	})
	l.errs = slices.Compact(l.errs)
	return &LoadError{Errors: l.errs}
}

// Check loads each policy file and returns the lines `proxy policy check` prints: nothing
// when every file loads, otherwise one `file:line:col: message` per problem, file by file.
func Check(paths ...string) []string {
	var out []string
	for _, p := range paths {
		if _, err := Load(p); err != nil {
			var le *LoadError
			if errors.As(err, &le) {
				out = append(out, le.Lines()...)
				continue
			}
			out = append(out, p+": "+err.Error())
		}
	}
	return out
}
