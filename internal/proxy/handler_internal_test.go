package proxy

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
)

// The call log's counts are JSON objects with sorted keys, as the maps they replace were.
func TestCountsValueLogsLikeAMap(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.LogAttrs(context.Background(), slog.LevelInfo, "call",
		slog.Any("pii", countsValue(map[string]int{"hkid": 2, "email": 1, "cn_id": 3})))
	if want := `"pii":{"cn_id":3,"email":1,"hkid":2}`; !strings.Contains(buf.String(), want) {
		t.Fatalf("log line %s lacks %s", buf.String(), want)
	}
}

// The call line's two groups share one array: neither may show the other's counts.
func TestCountsValuesKeepTheirOwnCounts(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	pii, actions := countsValues(map[string]int{"hkid": 2, "email": 1}, map[string]int{"mask": 2, "redact": 1})
	log.LogAttrs(context.Background(), slog.LevelInfo, "call", slog.Any("pii", pii), slog.Any("actions", actions))
	for _, want := range []string{`"pii":{"email":1,"hkid":2}`, `"actions":{"mask":2,"redact":1}`} {
		if !strings.Contains(buf.String(), want) {
			t.Fatalf("log line %s lacks %s", buf.String(), want)
		}
	}
}
