package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// call is the one request a cell repeats: POST /topapi/v2/user/list for one page size, as
// one caller (the API key is ignored by the simulator and forwarded harmlessly by the
// plain proxy).
type call struct {
	url  string // base URL + path + ?access_token=
	body []byte
	key  string
	gzip bool // accept a gzip answer (-gzip)
}

func userListCall(base, token string, size int, key string) call {
	return call{
		url:  base + "/topapi/v2/user/list?access_token=" + token,
		body: fmt.Appendf(nil, `{"dept_id":1,"cursor":0,"size":%d}`, size),
		key:  key,
	}
}

// newClient is a keep-alive client for conc workers. Compression is off so that every
// target answers the same plain bytes and the client does not spend CPU on gzip.
func newClient(conc int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:               nil,
		MaxIdleConns:        conc,
		MaxIdleConnsPerHost: conc,
		MaxConnsPerHost:     conc,
		IdleConnTimeout:     time.Minute,
		DisableCompression:  true,
	}}
}

// do makes the call once and returns the body.
func (c call) do(ctx context.Context, cl *http.Client, buf *bytes.Buffer) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(c.body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Api-Key", c.key)
	if c.gzip {
		req.Header.Set("Accept-Encoding", "gzip") // the client's transport leaves it encoded
	}
	res, err := cl.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	buf.Reset()
	if _, err := buf.ReadFrom(res.Body); err != nil {
		return res.StatusCode, err
	}
	return res.StatusCode, nil
}

// fetch makes the call once and returns the answer's body, failing on a non-200 status.
func (c call) fetch(ctx context.Context, cl *http.Client) ([]byte, error) {
	var buf bytes.Buffer
	status, err := c.do(ctx, cl, &buf)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("status %d: %.200s", status, buf.Bytes())
	}
	return buf.Bytes(), nil
}

// sample is what one cell measured.
type sample struct {
	requests  int
	errors    int    // transport errors, non-200 answers, answers of the wrong length
	firstErr  string // what the first error was, for the progress log
	elapsed   time.Duration
	latencies []time.Duration // sorted
}

func (s sample) rps() float64 {
	if s.elapsed <= 0 {
		return 0
	}
	return float64(s.requests) / s.elapsed.Seconds()
}

// percentile returns the nearest-rank p-th percentile (0 < p <= 1) of sorted latencies.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p*float64(len(sorted)) + 0.999999999) // ceil without float surprises at exact ranks
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// load runs conc workers that repeat c back to back for warmup+measure. Calls that start
// during the warm-up are made but not counted; calls that start during the measured window
// are counted, each with its own latency. wantLen is the exact answer length (the answers
// are deterministic): any other length counts as an error, so a proxy that starts failing
// or truncating cannot look fast.
func load(ctx context.Context, c call, conc int, warmup, measure time.Duration, wantLen int) (sample, error) {
	cl := newClient(conc)
	defer cl.CloseIdleConnections()
	begin := time.Now()
	from, until := begin.Add(warmup), begin.Add(warmup+measure)

	type result struct {
		lat   []time.Duration
		errs  int
		first string
		last  time.Time
		err   error
	}
	results := make([]result, conc)
	var wg sync.WaitGroup
	for w := range conc {
		wg.Add(1)
		go func(r *result) {
			defer wg.Done()
			var buf bytes.Buffer
			r.lat = make([]time.Duration, 0, 4096)
			for ctx.Err() == nil {
				t0 := time.Now()
				if !t0.Before(until) {
					return
				}
				status, err := c.do(ctx, cl, &buf)
				t1 := time.Now()
				if t0.Before(from) {
					continue
				}
				switch {
				case err != nil && ctx.Err() != nil:
					return
				case err != nil || status != http.StatusOK || buf.Len() != wantLen:
					r.errs++
					if r.first == "" {
						r.first = fmt.Sprintf("status %d, %d of %d bytes, error %v", status, buf.Len(), wantLen, err)
					}
					if r.errs > 1000 && len(r.lat) == 0 {
						r.err = fmt.Errorf("every call fails (status %d, %d bytes, %v)", status, buf.Len(), err)
						return
					}
				default:
					r.lat = append(r.lat, t1.Sub(t0))
				}
				r.last = t1
			}
		}(&results[w])
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return sample{}, err
	}
	var s sample
	last := from
	for _, r := range results {
		if r.err != nil {
			return sample{}, r.err
		}
		s.latencies = append(s.latencies, r.lat...)
		s.errors += r.errs
		if s.firstErr == "" {
			s.firstErr = r.first
		}
		if r.last.After(last) {
			last = r.last
		}
	}
	s.requests = len(s.latencies)
	s.elapsed = last.Sub(from)
	slices.Sort(s.latencies)
	if s.requests == 0 {
		return s, errors.New("no call completed in the measured window")
	}
	return s, nil
}

// discard drains and closes a response body so its connection can be reused.
func discard(res *http.Response) {
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
}
