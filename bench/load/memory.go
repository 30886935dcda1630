package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

// procMem is what /proc/<pid>/status says about a process's resident memory, in bytes.
type procMem struct {
	rss int64 // VmRSS: resident now
	hwm int64 // VmHWM: the peak resident size since the process started
}

// parseStatus reads VmRSS and VmHWM from the text of /proc/<pid>/status ("VmRSS:   1234 kB").
func parseStatus(b []byte) (procMem, error) {
	var m procMem
	var seen int
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		name, rest, ok := bytes.Cut(sc.Bytes(), []byte(":"))
		if !ok {
			continue
		}
		var dst *int64
		switch string(name) {
		case "VmRSS":
			dst = &m.rss
		case "VmHWM":
			dst = &m.hwm
		default:
			continue
		}
		f := bytes.Fields(rest)
		if len(f) != 2 || string(f[1]) != "kB" {
			return procMem{}, fmt.Errorf("/proc status: %s: want \"<number> kB\"", name)
		}
		kb, err := strconv.ParseInt(string(f[0]), 10, 64)
		if err != nil || kb < 0 || kb > 1<<40 {
			return procMem{}, fmt.Errorf("/proc status: %s: not a size in kB", name)
		}
		*dst = kb << 10
		seen++
	}
	if seen != 2 {
		return procMem{}, fmt.Errorf("/proc status: VmRSS and VmHWM not both present")
	}
	return m, nil
}

func readMem(pid int) (procMem, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return procMem{}, err
	}
	return parseStatus(b)
}

// memResult is one server under conc concurrent large answers.
type memResult struct {
	target    string
	conc      int
	page      int // user/list page size
	upstream  int // bytes of the simulator's answer
	bodyLen   int // bytes of the answer the caller gets
	requests  int
	errors    int
	baseline  int64   // RSS before the first wave (after a warm-up call)
	wavePeaks []int64 // highest RSS sampled in each wave
	hwm       int64   // VmHWM at the end
	after     int64   // RSS a moment after the last wave
}

// peak is the highest resident size seen.
func (m memResult) peak() int64 {
	p := m.hwm
	for _, w := range m.wavePeaks {
		p = max(p, w)
	}
	return p
}

// memoryTest runs waves of conc workers repeating c against the process pid, sampling its
// RSS every 5 ms. Several waves show whether the peak is a plateau (bounded) or grows with
// the number of calls made (retention).
func memoryTest(ctx context.Context, pid int, target string, c call, conc, waves int, wave time.Duration, wantLen int) (memResult, error) {
	r := memResult{target: target, conc: conc, bodyLen: wantLen}
	m, err := readMem(pid)
	if err != nil {
		return r, err
	}
	r.baseline = m.rss
	for range waves {
		var mu sync.Mutex
		var peak int64
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			t := time.NewTicker(5 * time.Millisecond)
			defer t.Stop()
			for {
				if m, err := readMem(pid); err == nil {
					mu.Lock()
					peak = max(peak, m.rss)
					mu.Unlock()
				}
				select {
				case <-stop:
					return
				case <-t.C:
				}
			}
		}()
		s, err := load(ctx, c, conc, 0, wave, wantLen)
		close(stop)
		<-sampled
		if err != nil {
			return r, fmt.Errorf("%s memory wave: %w", target, err)
		}
		r.requests += s.requests
		r.errors += s.errors
		r.wavePeaks = append(r.wavePeaks, peak)
	}
	time.Sleep(500 * time.Millisecond)
	m, err = readMem(pid)
	if err != nil {
		return r, err
	}
	r.hwm, r.after = m.hwm, m.rss
	return r, nil
}
