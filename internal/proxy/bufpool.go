package proxy

import (
	"sync"
	"sync/atomic"
)

// Response bodies are read whole, rewritten into a second buffer and copied to the client.
// Allocating the three buffers afresh for every call was most of the proxy's garbage (about
// 150 KB per 64 KiB answer), so they are reused from call to call: the body and its rewrite
// are handed back when the call's handler returns, after the answer has been written, and
// the ReverseProxy's copy buffer comes from a pool of its own.
//
// Buffers that grew beyond maxPooledBody are left to the collector: a pool holding a few
// 1 MiB bodies after a burst would keep that memory for two GC cycles for little gain.
const maxPooledBody = 256 << 10

type bodyBuf struct{ b []byte }

var bodyBufs = sync.Pool{New: func() any { return new(bodyBuf) }}

// poisonReleased makes releaseBufs zero what it hands back, so that a test sees any use of a
// buffer after its release as a broken answer rather than as a rare race.
var poisonReleased atomic.Bool

// takeBuf returns an empty buffer that the call owns until releaseBufs.
func (c *Call) takeBuf() *bodyBuf {
	bb := bodyBufs.Get().(*bodyBuf)
	bb.b = bb.b[:0]
	if c.bufs == nil {
		c.bufs = c.bufArr[:0] // a call takes at most three: no slice of its own to grow
	}
	c.bufs = append(c.bufs, bb)
	return bb
}

// Write appends to the buffer (a TeeReader keeps a compressed body in it as it is read).
func (bb *bodyBuf) Write(p []byte) (int, error) {
	bb.b = append(bb.b, p...)
	return len(p), nil
}

// releaseBufs hands the call's buffers back. Nothing may refer to them afterwards: it runs
// once the answer has been written.
func (c *Call) releaseBufs() {
	for i, bb := range c.bufs {
		if poisonReleased.Load() {
			clear(bb.b[:cap(bb.b)])
		}
		if cap(bb.b) > maxPooledBody {
			bb.b = nil
		}
		bodyBufs.Put(bb)
		c.bufs[i] = nil
	}
	c.bufs = c.bufs[:0]
}

// copyBuffers is the ReverseProxy's BufferPool (httputil.BufferPool). It pools the arrays
// behind the slices: a pointer to an array converts from and to the slice without the
// allocation that pooling a *[]byte costs on every Put.
type copyBuffers struct{ p sync.Pool }

const copyBufferSize = 32 << 10

func (cb *copyBuffers) Get() []byte {
	if b, ok := cb.p.Get().(*[copyBufferSize]byte); ok {
		return b[:]
	}
	return make([]byte, copyBufferSize)
}

func (cb *copyBuffers) Put(b []byte) {
	if cap(b) >= copyBufferSize {
		cb.p.Put((*[copyBufferSize]byte)(b[:copyBufferSize]))
	}
}
