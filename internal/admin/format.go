package admin

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"
)

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// fmtInt groups thousands with commas ("12,345").
func fmtInt(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// fmtCounts renders counts by name as "email 2 · hk_phone 1" (sorted by name).
func fmtCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+" "+strconv.Itoa(m[k]))
	}
	return strings.Join(parts, " · ")
}

// fmtRetention writes a retention period in days or hours.
func fmtRetention(d time.Duration) string {
	switch {
	case d <= 0:
		return "not set"
	case d%(24*time.Hour) == 0:
		n := int(d / (24 * time.Hour))
		if n == 1 {
			return "1 day"
		}
		return strconv.Itoa(n) + " days"
	case d%time.Hour == 0:
		return strconv.Itoa(int(d/time.Hour)) + " h"
	}
	return d.String()
}

func fmtBytes(n int64) string {
	switch {
	case n < 0:
		return "unknown"
	case n < 1<<10:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
}

func templateFuncs(loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"int":       fmtInt,
		"counts":    fmtCounts,
		"retention": fmtRetention,
		"bytes":     fmtBytes,
		"time": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.In(loc).Format("2006-01-02 15:04:05")
		},
		"clock":   func(t time.Time) string { return t.In(loc).Format("15:04") },
		"rfc3339": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"join":    strings.Join,
		"add":     func(a, b int) int { return a + b },
	}
}
