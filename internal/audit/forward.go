package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// openSinkLocked opens the spool, copies into it any record the log holds that neither the
// sink has acknowledged nor the spool holds (a crash between the two writes, or a wiped
// spool), and prepares the forwarder.
func (l *Log) openSinkLocked(segs []segInfo) error {
	acked, err := readCursor(l.cfg.SpoolDir)
	if err != nil {
		return err
	}
	if acked > l.lastSeq {
		return fmt.Errorf("audit: the sink acknowledged seq %d but the local log ends at seq %d: the log lost records; refusing to reuse sequence numbers", acked, l.lastSeq)
	}
	sp, spoolLast, err := openSpool(l.cfg.SpoolDir, l.cfg.SpoolMaxBytes, l.lastSeq, acked)
	if err != nil {
		return err
	}
	l.sp = sp
	from := max(acked, spoolLast)
	if from < l.lastSeq {
		if segs, _, err = listSegments(l.cfg.Dir); err != nil {
			return err
		}
		if err := respool(sp, segs, from); err != nil {
			return fmt.Errorf("audit: refilling the spool from the log: %w", err)
		}
	}
	l.fwd = newForwarder(l, acked)
	return nil
}

// respool appends to the spool every log record with seq > from.
func respool(sp *spool, segs []segInfo, from uint64) error {
	start := 0
	for i, s := range segs {
		if s.firstSeq <= from+1 {
			start = i
		}
	}
	lr := newLineReader(segs[start:])
	defer lr.close()
	for {
		ln, err := lr.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if ln.torn {
			continue
		}
		seq, ok := lineSeq(ln.data)
		if !ok || seq <= from {
			continue
		}
		if err := sp.write(seq, append(ln.data, '\n')); err != nil {
			return err
		}
	}
}

// forwarder moves durable records from the spool to the sink, in order, retrying with
// backoff while the sink is down.
type forwarder struct {
	l     *Log
	sink  Sink
	rd    *spoolReader
	batch int

	acked   atomic.Uint64
	errs    atomic.Uint64
	lastErr atomic.Pointer[string]

	kick     chan struct{}
	stopOnce sync.Once
	draining chan struct{} // closed by shutdown: exit once caught up
	ctx      context.Context
	cancel   context.CancelFunc
	done     chan struct{}
	ready    []spooled
}

func newForwarder(l *Log, acked uint64) *forwarder {
	ctx, cancel := context.WithCancel(context.Background())
	fw := &forwarder{
		l: l, sink: l.cfg.Sink, rd: &spoolReader{sp: l.sp}, batch: l.cfg.SinkBatch,
		kick: make(chan struct{}, 1), draining: make(chan struct{}),
		ctx: ctx, cancel: cancel, done: make(chan struct{}),
	}
	fw.acked.Store(acked)
	return fw
}

func (fw *forwarder) wake() {
	select {
	case fw.kick <- struct{}{}:
	default:
	}
}

// shutdown lets the forwarder catch up for at most timeout, then stops it.
func (fw *forwarder) shutdown(timeout time.Duration) {
	fw.stopOnce.Do(func() { close(fw.draining) })
	select {
	case <-fw.done:
	case <-time.After(timeout):
		fw.cancel()
		<-fw.done
	}
	fw.rd.close()
}

func (fw *forwarder) run() {
	defer close(fw.done)
	const minBackoff, maxBackoff = 50 * time.Millisecond, 5 * time.Second
	backoff := minBackoff
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		if fw.ctx.Err() != nil {
			return
		}
		var err error
		if len(fw.ready) < fw.batch {
			fw.ready, err = fw.rd.read(fw.ready, fw.batch)
			if err != nil {
				fw.noteErr(fmt.Errorf("reading spool: %w", err))
			}
		}
		// Skip what the sink already has (a spool file is deleted only once all of it is
		// acknowledged, so after a restart its first lines may be old).
		// (openSpool did not count them against the bound).
		skip := 0
		for skip < len(fw.ready) && fw.ready[skip].seq <= fw.acked.Load() {
			skip++
		}
		fw.ready = fw.ready[skip:]
		durable := fw.l.syncedA.Load()
		n := 0
		for n < len(fw.ready) && fw.ready[n].seq <= durable {
			n++
		}
		if n == 0 {
			select {
			case <-fw.draining:
				if len(fw.ready) == 0 && err == nil {
					return
				}
				// Lines remain but are not durable or not readable yet: wait a little.
				select {
				case <-fw.ctx.Done():
					return
				case <-time.After(10 * time.Millisecond):
				}
			default:
				select {
				case <-fw.ctx.Done():
					return
				case <-fw.kick:
				case <-tick.C:
				case <-fw.draining:
				}
			}
			continue
		}
		entries := make([]Entry, n)
		for i := range n {
			entries[i] = Entry{Replica: fw.l.cfg.Replica, Seq: fw.ready[i].seq, Line: fw.ready[i].line}
		}
		pctx, cancel := context.WithTimeout(fw.ctx, 30*time.Second)
		err = fw.sink.Publish(pctx, entries)
		cancel()
		if err != nil {
			fw.noteErr(err)
			select {
			case <-fw.ctx.Done():
				return
			case <-time.After(backoff):
			}
			backoff = min(backoff*2, maxBackoff)
			continue
		}
		backoff = minBackoff
		last := entries[n-1].Seq
		fw.acked.Store(last)
		if err := writeCursor(fw.l.cfg.SpoolDir, last); err != nil {
			fw.noteErr(fmt.Errorf("writing spool cursor: %w", err))
		}
		var n64 int64
		for _, e := range entries {
			n64 += int64(len(e.Line)) + 1
		}
		fw.l.sp.acked(n64)
		fw.ready = append(fw.ready[:0], fw.ready[n:]...)
		oldest := fw.rd.name
		if len(fw.ready) > 0 {
			oldest = fw.ready[0].file
		} else if fw.rd.f == nil {
			oldest = ""
		}
		if err := fw.rd.release(oldest); err != nil {
			fw.noteErr(fmt.Errorf("deleting forwarded spool file: %w", err))
		}
	}
}

func (fw *forwarder) noteErr(err error) {
	fw.errs.Add(1)
	s := fw.sink.Name() + ": " + err.Error()
	fw.lastErr.Store(&s)
	fw.l.cfg.Logger.Warn("audit: central sink", "sink", fw.sink.Name(), "err", err)
}
