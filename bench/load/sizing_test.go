package main

import (
	"errors"
	"testing"
)

func TestClosest(t *testing.T) {
	linear := func(n int) (int, error) { return 100 + 670*n, nil } // like user/list pages
	for _, tc := range []struct {
		name           string
		f              func(int) (int, error)
		target, hi     int
		wantN, wantLen int
	}{
		{"4 KiB", linear, 4096, 2500, 6, 4120},
		{"64 KiB", linear, 65536, 2500, 98, 65760},
		{"exact", linear, 770, 2500, 1, 770},
		{"below the smallest", linear, 10, 2500, 1, 770},
		{"above the largest", linear, 1 << 30, 10, 10, 6800},
		{"tie goes to the smaller", func(n int) (int, error) { return 10 * n, nil }, 15, 100, 1, 10},
		{"nearer above", func(n int) (int, error) { return 10 * n, nil }, 19, 100, 2, 20},
		{"nearer below", func(n int) (int, error) { return 10 * n, nil }, 11, 100, 1, 10},
		{"flat steps", func(n int) (int, error) { return 100 * (n / 10), nil }, 250, 100, 29, 200},
	} {
		n, l, err := closest(tc.f, tc.target, tc.hi)
		if err != nil || n != tc.wantN || l != tc.wantLen {
			t.Errorf("%s: got %d (%d bytes), %v; want %d (%d bytes)", tc.name, n, l, err, tc.wantN, tc.wantLen)
		}
	}
}

func TestClosestErrors(t *testing.T) {
	boom := errors.New("boom")
	if _, _, err := closest(func(int) (int, error) { return 0, boom }, 100, 10); !errors.Is(err, boom) {
		t.Errorf("the probe's error was lost: %v", err)
	}
	if _, _, err := closest(func(int) (int, error) { return 1, nil }, 100, 0); err == nil {
		t.Error("no size to try, yet no error")
	}
}
