package notify

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
)

// Config configures a Notifier. Zero values take the defaults in the comments.
type Config struct {
	URL        string // the officer's receiver (http or https)
	Secret     []byte // HMAC key; or SecretFile (hex or raw bytes, at least 16)
	SecretFile string
	Replica    string // named in each batch

	BatchSize      int           // events per delivery; default 50
	FlushInterval  time.Duration // send a partial batch after this; default 2s
	QueueSize      int           // events waiting; beyond it events are dropped (counted); default 1000
	MaxAttempts    int           // per batch; default 6
	InitialBackoff time.Duration // default 500ms, doubled per attempt with ±20% jitter
	MaxBackoff     time.Duration // default 30s
	Timeout        time.Duration // per request; default 10s
	Client         *http.Client
	Logger         *slog.Logger
}

// Stats counts events; none of it is personal data.
type Stats struct {
	Enqueued uint64 // accepted into the queue
	Dropped  uint64 // refused because the queue was full or the notifier closed
	Sent     uint64 // delivered (2xx)
	Failed   uint64 // given up after MaxAttempts or a non-retryable answer
	Batches  uint64 // successful deliveries
	Retries  uint64 // attempts after the first
}

// Notifier delivers events in the background. Observe and Notify never block.
type Notifier struct {
	cfg    Config
	secret []byte
	queue  chan Event

	enqueued, dropped, sent, failed, batches, retries atomic.Uint64

	mu     sync.RWMutex // guards closed against sends on a closed queue
	closed bool
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	seq    atomic.Uint64
}

// New validates cfg and starts the delivery goroutine.
func New(cfg Config) (*Notifier, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("notify: URL must be an http or https URL")
	}
	secret := cfg.Secret
	if secret == nil && cfg.SecretFile != "" {
		b, err := os.ReadFile(cfg.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("notify: secret file: %w", err)
		}
		b = bytes.TrimSpace(b)
		if h, err := hex.DecodeString(string(b)); err == nil {
			b = h
		}
		secret = b
	}
	if len(secret) < 16 {
		return nil, errors.New("notify: the signing secret must be at least 16 bytes")
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 50
	}
	if cfg.FlushInterval <= 0 {
		cfg.FlushInterval = 2 * time.Second
	}
	if cfg.QueueSize <= 0 {
		cfg.QueueSize = 1000
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 6
	}
	if cfg.InitialBackoff <= 0 {
		cfg.InitialBackoff = 500 * time.Millisecond
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := &Notifier{cfg: cfg, secret: secret, queue: make(chan Event, cfg.QueueSize), ctx: ctx, cancel: cancel, done: make(chan struct{})}
	go n.run()
	return n, nil
}

// Observe turns an appended audit record into an event when it deserves one (EventFor).
// Use it as audit.Config.Notify.
func (n *Notifier) Observe(r *audit.Record) {
	if ev, ok := EventFor(r); ok {
		n.Notify(ev)
	}
}

// Notify queues ev without blocking; it returns false (and counts a drop) when the queue is
// full or the notifier is closed.
func (n *Notifier) Notify(ev Event) bool {
	n.mu.RLock()
	defer n.mu.RUnlock()
	if n.closed {
		n.dropped.Add(1)
		return false
	}
	select {
	case n.queue <- ev:
		n.enqueued.Add(1)
		return true
	default:
		n.dropped.Add(1)
		return false
	}
}

// Stats returns the counters.
func (n *Notifier) Stats() Stats {
	return Stats{Enqueued: n.enqueued.Load(), Dropped: n.dropped.Load(), Sent: n.sent.Load(),
		Failed: n.failed.Load(), Batches: n.batches.Load(), Retries: n.retries.Load()}
}

// Close stops accepting events and delivers what is queued until ctx ends; then it gives
// up (counting the rest as failed).
func (n *Notifier) Close(ctx context.Context) error {
	n.mu.Lock()
	if n.closed {
		n.mu.Unlock()
		<-n.done
		return nil
	}
	n.closed = true
	close(n.queue)
	n.mu.Unlock()
	select {
	case <-n.done:
		return nil
	case <-ctx.Done():
		n.cancel()
		<-n.done
		return ctx.Err()
	}
}

func (n *Notifier) run() {
	defer close(n.done)
	batch := make([]Event, 0, n.cfg.BatchSize)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		// Wait for the first event of a batch, then fill it until full or the interval ends.
		ev, ok := <-n.queue
		if !ok {
			return
		}
		batch = append(batch[:0], ev)
		timer.Reset(n.cfg.FlushInterval)
		open := true
	fill:
		for len(batch) < n.cfg.BatchSize {
			select {
			case ev, ok := <-n.queue:
				if !ok {
					open = false
					break fill
				}
				batch = append(batch, ev)
			case <-timer.C:
				break fill
			}
		}
		timer.Stop()
		n.deliver(batch)
		if !open {
			return
		}
	}
}

type payload struct {
	Source  string    `json:"source"`
	Replica string    `json:"replica,omitempty"`
	BatchID string    `json:"batch_id"`
	SentAt  time.Time `json:"sent_at"`
	Events  []Event   `json:"events"`
}

// deliver sends one batch with retries. Retryable: transport errors, 408, 425, 429 and 5xx.
func (n *Notifier) deliver(batch []Event) {
	id := fmt.Sprintf("%s-%d-%d", n.cfg.Replica, time.Now().Unix(), n.seq.Add(1))
	body, err := json.Marshal(payload{Source: "dingtalk-pii-proxy", Replica: n.cfg.Replica, BatchID: id, SentAt: time.Now().UTC(), Events: batch})
	if err != nil {
		n.failed.Add(uint64(len(batch)))
		return
	}
	backoff := n.cfg.InitialBackoff
	for attempt := 1; ; attempt++ {
		retry, wait, err := n.attempt(id, body)
		if err == nil {
			n.sent.Add(uint64(len(batch)))
			n.batches.Add(1)
			return
		}
		if !retry || attempt >= n.cfg.MaxAttempts {
			n.failed.Add(uint64(len(batch)))
			n.cfg.Logger.Warn("notify: giving up on a webhook batch", "batch", id, "events", len(batch), "attempts", attempt, "err", err)
			return
		}
		d := jitter(backoff)
		if wait > d {
			d = min(wait, n.cfg.MaxBackoff)
		}
		select {
		case <-n.ctx.Done():
			n.failed.Add(uint64(len(batch)))
			return
		case <-time.After(d):
		}
		n.retries.Add(1)
		backoff = min(backoff*2, n.cfg.MaxBackoff)
	}
}

func jitter(d time.Duration) time.Duration {
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}

// attempt makes one signed request; it reports whether a failure is worth retrying and any
// Retry-After the receiver asked for.
func (n *Notifier) attempt(id string, body []byte) (retry bool, wait time.Duration, err error) {
	ctx, cancel := context.WithTimeout(n.ctx, n.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, n.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return false, 0, err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "dingtalk-pii-proxy-notify/1")
	req.Header.Set(HeaderTimestamp, ts)
	req.Header.Set(HeaderSignature, Sign(n.secret, ts, body))
	req.Header.Set(HeaderBatchID, id)
	resp, err := n.cfg.Client.Do(req)
	if err != nil {
		return true, 0, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return false, 0, nil
	case c == 408 || c == 425 || c == 429 || c >= 500:
		if s, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After"))); err == nil && s > 0 {
			wait = time.Duration(s) * time.Second
		}
		return true, wait, fmt.Errorf("receiver answered %d", c)
	default:
		return false, 0, fmt.Errorf("receiver answered %d", c)
	}
}
