package backend

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestCoalesce(t *testing.T) {
	t0 := time.Unix(1000, 0).UTC()
	in := []Entry{
		{Token: "c", Sealed: []byte("c1"), FirstSeen: t0, LastSeen: t0, ExpiresAt: t0.Add(time.Hour)},
		{Token: "a", Sealed: []byte("a1"), FirstSeen: t0.Add(time.Minute), LastSeen: t0.Add(time.Minute), ExpiresAt: t0.Add(time.Hour)},
		{Token: "c", Sealed: []byte("c2"), FirstSeen: t0.Add(-time.Minute), LastSeen: t0.Add(2 * time.Minute), ExpiresAt: t0.Add(3 * time.Hour)},
		{Token: "b", Sealed: []byte("b1"), FirstSeen: t0, LastSeen: t0, ExpiresAt: t0},
		{Token: "c", Sealed: []byte("c3"), FirstSeen: t0, LastSeen: t0, ExpiresAt: t0.Add(2 * time.Hour)},
	}
	out := Coalesce(in)
	if len(out) != 3 || out[0].Token != "a" || out[1].Token != "b" || out[2].Token != "c" {
		t.Fatalf("Coalesce order/dedupe: %+v", out)
	}
	c := out[2]
	if string(c.Sealed) != "c1" || !c.FirstSeen.Equal(t0.Add(-time.Minute)) || !c.LastSeen.Equal(t0.Add(2*time.Minute)) ||
		!c.ExpiresAt.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("merged entry: %+v", c)
	}
	if string(in[0].Sealed) != "c1" || in[1].Token != "a" {
		t.Error("Coalesce modified its input")
	}
}

func TestValidateEntries(t *testing.T) {
	now := time.Now()
	ok := Entry{Token: "t", Type: "email", KeyID: "k1", Sealed: []byte("s"), FirstSeen: now, LastSeen: now, ExpiresAt: now}
	if err := ValidateEntries([]Entry{ok}); err != nil {
		t.Fatal(err)
	}
	for name, mut := range map[string]func(*Entry){
		"token": func(e *Entry) { e.Token = "" }, "type": func(e *Entry) { e.Type = "" },
		"key": func(e *Entry) { e.KeyID = "" }, "sealed": func(e *Entry) { e.Sealed = nil },
		"expiry": func(e *Entry) { e.ExpiresAt = time.Time{} }, "tombstone": func(e *Entry) { e.ErasedAt = now },
	} {
		bad := ok
		mut(&bad)
		if err := ValidateEntries([]Entry{ok, bad}); !errors.Is(err, ErrInvalidBatch) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestUnavailable(t *testing.T) {
	cause := errors.New("dial tcp: connection refused")
	err := Unavailable("redis get", cause)
	if !errors.Is(err, ErrUnavailable) || !errors.Is(err, cause) {
		t.Errorf("Unavailable does not wrap both: %v", err)
	}
	if err := Unavailable("x", context.Canceled); errors.Is(err, ErrUnavailable) {
		t.Errorf("cancellation reported as outage: %v", err)
	}
	if err := Unavailable("x", context.DeadlineExceeded); !errors.Is(err, ErrUnavailable) {
		t.Errorf("deadline not reported as outage: %v", err)
	}
}

func TestMicros(t *testing.T) {
	if Micros(time.Time{}) != 0 || !FromMicros(0).IsZero() {
		t.Error("zero time does not map to 0")
	}
	ts := time.Date(2030, 1, 2, 3, 4, 5, 6000, time.UTC)
	if !FromMicros(Micros(ts)).Equal(ts) {
		t.Error("Micros round trip")
	}
}
