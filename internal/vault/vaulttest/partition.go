package vaulttest

import (
	"io"
	"net"
	"sync"
	"testing"
)

// Partition is a TCP relay between a client and a server that a test can cut like a
// network partition: Freeze makes every connection a black hole (bytes are swallowed,
// nothing is answered, no connection is closed), so a client without deadlines would
// hang forever; Restore resets the connections made so far (as peers do once a
// partition heals) and relays again.
type Partition struct {
	ln     net.Listener
	target string

	mu     sync.Mutex
	frozen bool
	conns  []net.Conn
}

// NewPartition relays from a free loopback port to target until the test ends.
func NewPartition(t testing.TB, target string) *Partition {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Partition{ln: ln, target: target}
	go p.accept()
	t.Cleanup(func() {
		ln.Close()
		p.reset()
	})
	return p
}

// Addr is the relay's host:port.
func (p *Partition) Addr() string { return p.ln.Addr().String() }

// Freeze starts the partition.
func (p *Partition) Freeze() {
	p.mu.Lock()
	p.frozen = true
	p.mu.Unlock()
}

// Restore ends the partition.
func (p *Partition) Restore() {
	p.mu.Lock()
	p.frozen = false
	p.mu.Unlock()
	p.reset()
}

func (p *Partition) reset() {
	p.mu.Lock()
	conns := p.conns
	p.conns = nil
	p.mu.Unlock()
	for _, c := range conns {
		c.Close()
	}
}

func (p *Partition) isFrozen() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.frozen
}

func (p *Partition) track(c net.Conn) {
	p.mu.Lock()
	p.conns = append(p.conns, c)
	p.mu.Unlock()
}

func (p *Partition) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		p.track(c)
		go p.serve(c)
	}
}

func (p *Partition) serve(c net.Conn) {
	if p.isFrozen() {
		io.Copy(io.Discard, c) // a black hole until Restore closes c
		return
	}
	s, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.track(s)
	go p.relay(s, c)
	p.relay(c, s)
}

// relay copies src to dst, swallowing bytes while the partition is frozen.
func (p *Partition) relay(dst, src net.Conn) {
	defer dst.Close()
	defer src.Close()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 && !p.isFrozen() {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}
