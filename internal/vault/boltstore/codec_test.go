package boltstore

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

func TestCodecRoundTrip(t *testing.T) {
	now := time.Date(2025, 3, 1, 8, 30, 0, 123456000, time.UTC)
	e := backend.Entry{Token: "tok_hkid_abc", Type: "hkid", KeyID: "k1", Sealed: []byte{0, 1, 2, 255},
		FirstSeen: now, LastSeen: now.Add(time.Hour), ExpiresAt: now.Add(90 * 24 * time.Hour)}
	got, err := decodeEntry(e.Token, encodeEntry(&e))
	if err != nil {
		t.Fatal(err)
	}
	if got.Token != e.Token || got.Type != e.Type || got.KeyID != e.KeyID || !bytes.Equal(got.Sealed, e.Sealed) ||
		!got.FirstSeen.Equal(e.FirstSeen) || !got.LastSeen.Equal(e.LastSeen) || !got.ExpiresAt.Equal(e.ExpiresAt) {
		t.Errorf("round trip: got %+v, want %+v", got, e)
	}
	ts, err := decodeTombstone("tok_x", encodeTombstone("hkid", now.UnixMicro()))
	if err != nil || ts.Type != "hkid" || !ts.ErasedAt.Equal(now) || !ts.Erased() {
		t.Errorf("tombstone round trip: %+v, %v", ts, err)
	}
	// Expiry index keys sort by time first.
	a, b := expiryKey(100, "tok_z"), expiryKey(200, "tok_a")
	if bytes.Compare(a, b) >= 0 {
		t.Error("expiry keys do not sort by time")
	}
}

func TestCodecRejects(t *testing.T) {
	valid := encodeEntry(&backend.Entry{Type: "hkid", KeyID: "k1", Sealed: []byte("s"),
		FirstSeen: time.Unix(1, 0), LastSeen: time.Unix(1, 0), ExpiresAt: time.Unix(2, 0)})
	for name, b := range map[string][]byte{
		"empty":         {},
		"version":       append([]byte{9}, valid[1:]...),
		"truncated":     valid[:len(valid)-1],
		"trailing byte": append(bytes.Clone(valid), 0),
		"huge length":   {1, 0xff, 0xff, 0xff, 0xff, 0x0f},
	} {
		if _, err := decodeEntry("t", b); !errors.Is(err, backend.ErrCorrupt) {
			t.Errorf("%s: err = %v, want ErrCorrupt", name, err)
		}
	}
	if _, err := decodeTombstone("t", []byte{1, 0, 0}); !errors.Is(err, backend.ErrCorrupt) {
		t.Errorf("tombstone with zero time: %v", err)
	}
}

// FuzzDecodeEntry: arbitrary bytes never panic, and whatever decodes re-encodes to the
// same bytes (the format has one encoding per entry).
func FuzzDecodeEntry(f *testing.F) {
	f.Add(encodeEntry(&backend.Entry{Type: "hkid", KeyID: "k1", Sealed: []byte("sealed"),
		FirstSeen: time.Unix(1700000000, 0), LastSeen: time.Unix(1700000001, 0), ExpiresAt: time.Unix(1800000000, 0)}))
	f.Add(encodeTombstone("email", 1700000000000000))
	f.Add([]byte{1, 0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		if e, err := decodeEntry("t", b); err == nil {
			if again := encodeEntry(&e); !bytes.Equal(again, b) {
				t.Fatalf("decode/encode changed the bytes: %x -> %x", b, again)
			}
		}
		if e, err := decodeTombstone("t", b); err == nil {
			if again := encodeTombstone(e.Type, backend.Micros(e.ErasedAt)); !bytes.Equal(again, b) {
				t.Fatalf("tombstone decode/encode changed the bytes: %x -> %x", b, again)
			}
		}
	})
}
