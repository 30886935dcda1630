package main

import (
	"fmt"
	"os"
	"testing"
)

func TestParseStatus(t *testing.T) {
	real, err := os.ReadFile("testdata/proc_status.txt") // a real /proc/self/status
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		want       procMem
		bad        bool
	}{
		{"real file", string(real), procMem{rss: 1672 << 10, hwm: 1672 << 10}, false},
		{"order and spacing", "Name:\tx\nVmHWM:   2048 kB\nVmRSS:\t1024 kB\n", procMem{rss: 1 << 20, hwm: 2 << 20}, false},
		{"missing HWM", "VmRSS:\t1024 kB\n", procMem{}, true},
		{"not kB", "VmRSS:\t1024 MB\nVmHWM:\t1 kB\n", procMem{}, true},
		{"negative", "VmRSS:\t-1 kB\nVmHWM:\t1 kB\n", procMem{}, true},
		{"not a number", "VmRSS:\tmany kB\nVmHWM:\t1 kB\n", procMem{}, true},
		{"huge", "VmRSS:\t99999999999999999999 kB\nVmHWM:\t1 kB\n", procMem{}, true},
		{"empty", "", procMem{}, true},
	} {
		got, err := parseStatus([]byte(tc.text))
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("%s: got %+v, %v; want %+v, error %v", tc.name, got, err, tc.want, tc.bad)
		}
	}
}

func TestReadMemOfThisProcess(t *testing.T) {
	m, err := readMem(os.Getpid())
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	if m.rss <= 0 || m.hwm < m.rss {
		t.Fatalf("implausible: %+v (the peak cannot be below the current size)", m)
	}
}

func TestMemResultPeak(t *testing.T) {
	r := memResult{wavePeaks: []int64{10, 30, 20}, hwm: 25}
	if r.peak() != 30 {
		t.Errorf("peak %d, want the highest sample 30", r.peak())
	}
	r.hwm = 40
	if r.peak() != 40 {
		t.Errorf("peak %d, want VmHWM 40 when it is higher than every sample", r.peak())
	}
}

// FuzzParseStatus: any input gives an error or sizes that print back to what was parsed.
func FuzzParseStatus(f *testing.F) {
	real, _ := os.ReadFile("testdata/proc_status.txt")
	f.Add(string(real))
	f.Add("VmRSS:\t1 kB\nVmHWM:\t2 kB\n")
	f.Add("VmRSS:1kB\nVmHWM:")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parseStatus([]byte(s))
		if err != nil {
			return
		}
		if m.rss < 0 || m.hwm < 0 || m.rss%1024 != 0 || m.hwm%1024 != 0 {
			t.Fatalf("bad sizes %+v", m)
		}
		again, err := parseStatus(fmt.Appendf(nil, "VmRSS:\t%d kB\nVmHWM:\t%d kB\n", m.rss>>10, m.hwm>>10))
		if err != nil || again != m {
			t.Fatalf("round trip: %+v -> %+v, %v", m, again, err)
		}
	})
}
