package proxy

import (
	"fmt"
	"log/slog"
	"strings"
	"unicode"
	"unicode/utf8"
)

// goproxyLogger routes goproxy's own warnings (failed client handshakes, unreadable
// requests in a tunnel) to slog. goproxy formats errors that can quote raw request bytes
// (net/http quotes a malformed request line) or URLs with query strings (legacy calls carry
// access_token there), so each message is cut before its first quote or '?'.
type goproxyLogger struct{ log *slog.Logger }

func (l goproxyLogger) Printf(format string, v ...any) {
	l.log.Warn("forward proxy: " + scrubLogLine(fmt.Sprintf(format, v...)))
}

// maxLogLine bounds a goproxy message in our log.
const maxLogLine = 240

func scrubLogLine(s string) string {
	if i := strings.IndexAny(s, "\"'`?"); i >= 0 {
		s = s[:i] + "[…]"
	}
	if len(s) > maxLogLine {
		cut := maxLogLine
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s))
}
