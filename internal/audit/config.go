package audit

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Config configures a Log. Zero values take the defaults in the comments.
type Config struct {
	Dir     string // required: the log directory (demo: var/demo/audit)
	Replica string // this proxy instance; default: the host name
	Keys    KeyFiles

	// SyncEvery 0 (or 1): every record is fsynced before Append returns; concurrent appends
	// share one fsync (group commit). N > 1: batched, at most N records or SyncInterval
	// unsynced, whichever comes first; a crash can lose those records. A batch is fsynced in
	// the background: appends never wait for the disk in this mode.
	SyncEvery    int
	SyncInterval time.Duration // batched mode bound; default 50ms

	MaxSegmentBytes int64         // rotate when a segment reaches this size; default 64 MiB
	MaxSegmentAge   time.Duration // rotate a segment this old; default 24h
	Retention       time.Duration // delete segments whose records are all older; 0 keeps all

	CheckpointEvery    int           // signed checkpoint after this many records; default 1000
	CheckpointInterval time.Duration // …or after this long with records since the last; default 1m

	// RecordPaths keeps Record.Paths (gjson paths of the fields touched). Off by default:
	// paths are opt-in, Append drops them otherwise.
	RecordPaths bool

	Sink             Sink          // central sink; nil: local log only
	SpoolDir         string        // default: Dir/spool
	SpoolMaxBytes    int64         // default 256 MiB; when full, Append fails (fail closed)
	SinkBatch        int           // records per Publish; default 256
	SinkDrainTimeout time.Duration // how long Close waits for the sink to catch up; default 5s

	// Notify, when set, is called after each successful Append with the record (for the
	// privacy-officer notifier). It must not block.
	Notify func(*Record)

	Logger *slog.Logger     // default: slog.Default()
	Clock  func() time.Time // default: time.Now (tests inject one)
}

func (c *Config) setDefaults() error {
	if c.Dir == "" {
		return errors.New("audit: Config.Dir is required")
	}
	c.Dir = filepath.Clean(c.Dir)
	if c.Replica == "" {
		h, err := os.Hostname()
		if err != nil || h == "" {
			h = "replica"
		}
		// Host names may hold dots; replica ids name NATS subjects, so map them to '-'.
		c.Replica = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
				return r
			}
			return '-'
		}, h)
	}
	if len(c.Replica) > 64 {
		return errors.New("audit: Config.Replica is longer than 64 bytes")
	}
	for i := 0; i < len(c.Replica); i++ {
		ch := c.Replica[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
			return fmt.Errorf("audit: Config.Replica may hold only letters, digits, '-' and '_' (it names NATS subjects and message ids)")
		}
	}
	if c.SyncEvery < 0 || c.CheckpointEvery < 0 || c.MaxSegmentBytes < 0 || c.SpoolMaxBytes < 0 || c.SinkBatch < 0 {
		return errors.New("audit: negative counts or sizes in Config")
	}
	if c.SyncInterval <= 0 {
		c.SyncInterval = 50 * time.Millisecond
	}
	if c.MaxSegmentBytes == 0 {
		c.MaxSegmentBytes = 64 << 20
	}
	if c.MaxSegmentAge <= 0 {
		c.MaxSegmentAge = 24 * time.Hour
	}
	if c.CheckpointEvery == 0 {
		c.CheckpointEvery = 1000
	}
	if c.CheckpointInterval <= 0 {
		c.CheckpointInterval = time.Minute
	}
	if c.SpoolDir == "" {
		c.SpoolDir = filepath.Join(c.Dir, "spool")
	}
	if c.SpoolMaxBytes == 0 {
		c.SpoolMaxBytes = 256 << 20
	}
	if c.SinkBatch == 0 {
		c.SinkBatch = 256
	}
	if c.SinkDrainTimeout <= 0 {
		c.SinkDrainTimeout = 5 * time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.Clock == nil {
		c.Clock = time.Now
	}
	return nil
}
