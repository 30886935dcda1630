package main

import (
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"testing"
)

func TestSetGCPercent(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	t.Setenv("GOGC", "") // restored after the test
	os.Unsetenv("GOGC")
	setGCPercent(log)
	if got := debug.SetGCPercent(100); got != serveGCPercent {
		t.Fatalf("GOGC unset: collector target %d, want %d", got, serveGCPercent)
	}

	t.Setenv("GOGC", "50") // the runtime read GOGC at start; the proxy must not override it
	setGCPercent(log)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("GOGC set: collector target changed to %d", got)
	}
}
