package sink

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Message headers carrying a record's identity (the body is the canonical line).
const (
	HeaderReplica = "Audit-Replica"
	HeaderSeq     = "Audit-Seq"
)

// NATSConfig configures the JetStream sink.
type NATSConfig struct {
	URL           string // default nats://127.0.0.1:4222
	Stream        string // default AUDIT
	SubjectPrefix string // default "audit"; records go to <prefix>.<replica>
	// DuplicateWindow is the stream's deduplication window (Nats-Msg-Id). Delivery is
	// exactly-once within it; default 10m. Used only when this sink creates the stream.
	DuplicateWindow time.Duration
	MaxAge          time.Duration // stream retention when created here; 0 keeps everything
	Name            string        // connection name shown by the server; default "dingtalk-pii-proxy-audit"
}

// NATS publishes records to a JetStream stream, one message per record with
// Nats-Msg-Id "<replica>-<seq>". It connects lazily and reconnects forever: while the server
// is down Publish fails fast and the audit log keeps the records in its spool.
type NATS struct {
	cfg NATSConfig
	nc  *nats.Conn
	js  jetstream.JetStream

	mu      sync.Mutex
	created bool
}

// NewNATS validates cfg and starts connecting; it does not need the server to be up.
func NewNATS(cfg NATSConfig) (*NATS, error) {
	if cfg.URL == "" {
		cfg.URL = "nats://127.0.0.1:4222"
	}
	if cfg.Stream == "" {
		cfg.Stream = "AUDIT"
	}
	if cfg.SubjectPrefix == "" {
		cfg.SubjectPrefix = "audit"
	}
	if cfg.DuplicateWindow <= 0 {
		cfg.DuplicateWindow = 10 * time.Minute
	}
	if cfg.Name == "" {
		cfg.Name = "dingtalk-pii-proxy-audit"
	}
	if strings.ContainsAny(cfg.Stream, " .*>/\\\t") {
		return nil, errors.New("sink: NATS stream name may not contain spaces, '.', '*', '>' or slashes")
	}
	if strings.ContainsAny(cfg.SubjectPrefix, " *>\t") || strings.HasSuffix(cfg.SubjectPrefix, ".") {
		return nil, errors.New("sink: NATS subject prefix may not contain spaces or wildcards, nor end in '.'")
	}
	nc, err := nats.Connect(cfg.URL,
		nats.Name(cfg.Name),
		nats.RetryOnFailedConnect(true),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250*time.Millisecond),
		nats.ReconnectBufSize(-1), // fail fast while disconnected; the audit spool buffers
		nats.Timeout(2*time.Second),
	)
	if err != nil {
		return nil, fmt.Errorf("sink: NATS: %w", err)
	}
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncTimeout(10*time.Second))
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("sink: JetStream: %w", err)
	}
	return &NATS{cfg: cfg, nc: nc, js: js}, nil
}

// Name implements audit.Sink.
func (n *NATS) Name() string { return "nats" }

// Subject is where a replica's records are published.
func (n *NATS) Subject(replica string) string { return n.cfg.SubjectPrefix + "." + replica }

// MsgID is the deduplication id of a record.
func MsgID(replica string, seq uint64) string { return replica + "-" + strconv.FormatUint(seq, 10) }

// ensureStream creates the stream unless it exists; an existing stream's configuration is
// left as the operator set it.
func (n *NATS) ensureStream(ctx context.Context) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.created {
		return nil
	}
	_, err := n.js.Stream(ctx, n.cfg.Stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		_, err = n.js.CreateStream(ctx, jetstream.StreamConfig{
			Name:        n.cfg.Stream,
			Description: "dingtalk-pii-proxy audit records (no personal data values)",
			Subjects:    []string{n.cfg.SubjectPrefix + ".>"},
			Storage:     jetstream.FileStorage,
			Duplicates:  n.cfg.DuplicateWindow,
			MaxAge:      n.cfg.MaxAge,
		})
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			err = nil
		}
	}
	if err != nil {
		return fmt.Errorf("stream %s: %w", n.cfg.Stream, err)
	}
	n.created = true
	return nil
}

// Publish implements audit.Sink: all entries are sent asynchronously, then every
// acknowledgement is awaited; any failure fails the batch, which the log offers again.
func (n *NATS) Publish(ctx context.Context, entries []audit.Entry) error {
	if !n.nc.IsConnected() {
		return fmt.Errorf("not connected to %s", n.nc.Opts.Url)
	}
	if err := n.ensureStream(ctx); err != nil {
		return err
	}
	futures := make([]jetstream.PubAckFuture, 0, len(entries))
	for _, e := range entries {
		id := MsgID(e.Replica, e.Seq)
		msg := &nats.Msg{Subject: n.Subject(e.Replica), Data: e.Line, Header: nats.Header{}}
		msg.Header.Set(HeaderReplica, e.Replica)
		msg.Header.Set(HeaderSeq, strconv.FormatUint(e.Seq, 10))
		f, err := n.js.PublishMsgAsync(msg, jetstream.WithMsgID(id), jetstream.WithExpectStream(n.cfg.Stream))
		if err != nil {
			return fmt.Errorf("publish seq %d: %w", e.Seq, err)
		}
		futures = append(futures, f)
	}
	for i, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			n.resetOnStreamLoss(err)
			return fmt.Errorf("seq %d not acknowledged: %w", entries[i].Seq, err)
		case <-ctx.Done():
			return fmt.Errorf("seq %d: %w", entries[i].Seq, ctx.Err())
		}
	}
	return nil
}

// resetOnStreamLoss makes the next Publish check the stream again (it may have been
// deleted, or the server restarted without its store).
func (n *NATS) resetOnStreamLoss(err error) {
	if errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, jetstream.ErrStreamNotFound) {
		n.mu.Lock()
		n.created = false
		n.mu.Unlock()
	}
}

// Close implements audit.Sink.
func (n *NATS) Close() error {
	n.nc.Close()
	return nil
}
