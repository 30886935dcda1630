package topview

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// RenderOptions shape the text of a frame.
type RenderOptions struct {
	Source string // what was scraped, for the title line
	Width  int    // terminal columns (≤ 0: 80)
	Color  bool   // ANSI colours and bold
	Rows   int    // route/type rows at most (≤ 0: 8)
}

const (
	bold  = "\x1b[1m"
	red   = "\x1b[31m"
	green = "\x1b[32m"
	dim   = "\x1b[2m"
	reset = "\x1b[0m"
)

// Render writes one frame as plain lines (no cursor movement: the caller clears the screen).
func Render(w io.Writer, f Frame, o RenderOptions) error {
	if o.Width <= 0 {
		o.Width = 80
	}
	if o.Rows <= 0 {
		o.Rows = 8
	}
	st := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + reset
	}
	var b strings.Builder
	line := func(format string, a ...any) {
		s := fmt.Sprintf(format, a...)
		b.WriteString(clip(s, o.Width, o.Color))
		b.WriteByte('\n')
	}
	title := "pii-proxy top · " + o.Source + " · " + f.At.Format("15:04:05")
	if f.Interval > 0 {
		title += fmt.Sprintf(" · over %.1fs", f.Interval.Seconds())
	}
	line("%s", st(bold, title))
	if f.First {
		line("%s", st(dim, "first reading: rates appear at the next refresh"))
	}
	t := f.Totals
	line("")
	line("%-14s %10s %12s", "", "per second", "total")
	line("%-14s %10s %12s", "calls", rate(f.Requests, f.First), count(t.Requests))
	line("%-14s %10s %12s", "refused", st(red, rate(f.Blocked, f.First)), count(t.Blocked))
	line("%-14s %10s %12s", "failed", rate(f.Errors, f.First), count(t.Decisions["error"]))
	line("%-14s %10s %12s", "detections", rate(f.Detections, f.First), count(t.Detections))
	line("%-14s %10s %12s", "cross-border", rate(f.CrossBorder, f.First), count(t.CrossBorder))
	if f.P50 >= 0 {
		line("latency        p50 %s   p99 %s", ms(f.P50), ms(f.P99))
	} else {
		line("latency        %s", st(dim, "no calls in the interval"))
	}
	if !f.First && len(f.Routes) > 0 {
		line("")
		line("%s", st(bold, fmt.Sprintf("%-32s %9s %9s %11s", "route", "calls/s", "refused/s", "detected/s")))
		for i, r := range f.Routes {
			if i == o.Rows {
				line("%s", st(dim, fmt.Sprintf("… %d more", len(f.Routes)-o.Rows)))
				break
			}
			line("%-32s %9.1f %9.1f %11.1f", r.Route, r.Requests, r.Blocked, r.Detections)
		}
	}
	if len(f.Types) > 0 {
		line("")
		var parts []string
		for i, t := range f.Types {
			if i == o.Rows {
				break
			}
			parts = append(parts, fmt.Sprintf("%s %.1f/s", t.Name, t.Rate))
		}
		line("detected: %s", strings.Join(parts, " · "))
	}
	if len(f.Reasons) > 0 {
		var parts []string
		for i, r := range f.Reasons {
			if i == o.Rows {
				break
			}
			parts = append(parts, fmt.Sprintf("%s %.1f/s", r.Name, r.Rate))
		}
		line("refused:  %s", st(red, strings.Join(parts, " · ")))
	}
	if len(t.Components) > 0 {
		if len(f.Down) > 0 {
			line("components: %s", st(red, "DOWN "+strings.Join(f.Down, ", ")))
		} else {
			line("components: %s", st(green, "all up"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func rate(v float64, first bool) string {
	if first {
		return "–"
	}
	return fmt.Sprintf("%.1f", v)
}

func count(v float64) string { return fmt.Sprintf("%.0f", v) }

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}

// clip cuts a line to width runes, leaving ANSI sequences whole.
func clip(s string, width int, ansi bool) string {
	n := 0
	for i := 0; i < len(s); {
		if ansi && s[i] == 0x1b {
			j := strings.IndexByte(s[i:], 'm')
			if j < 0 {
				return s[:i]
			}
			i += j + 1
			continue
		}
		if n == width {
			if ansi {
				return s[:i] + reset
			}
			return s[:i]
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return s
}
