package proxy

import (
	"bufio"
	"net"
	"net/http"
	"time"
)

// DefaultForwardIdleTimeout bounds how long a tunnel may sit without reading or writing.
const DefaultForwardIdleTimeout = 2 * time.Minute

// idleTimeouts gives goproxy's tunnels the timeouts http.Server no longer applies once a
// CONNECT connection is hijacked: without them, a client that opens a tunnel and then goes
// quiet (before its TLS handshake, or between calls), or stops reading an answer, would
// hold a connection and a goroutine forever.
type idleTimeouts struct {
	next http.Handler
	idle time.Duration
}

func (h idleTimeouts) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if hj, ok := w.(http.Hijacker); ok && r.Method == http.MethodConnect {
		w = &idleHijacker{ResponseWriter: w, hj: hj, idle: h.idle}
	}
	h.next.ServeHTTP(w, r)
}

type idleHijacker struct {
	http.ResponseWriter
	hj   http.Hijacker
	idle time.Duration
}

func (w *idleHijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	c, rw, err := w.hj.Hijack()
	if err != nil {
		return nil, nil, err
	}
	return &idleConn{Conn: c, idle: w.idle}, rw, nil
}

// idleConn pushes its deadline forward on every read and write: each must make progress
// within idle.
type idleConn struct {
	net.Conn
	idle time.Duration
}

func (c *idleConn) Read(b []byte) (int, error) {
	c.Conn.SetReadDeadline(time.Now().Add(c.idle))
	return c.Conn.Read(b)
}

func (c *idleConn) Write(b []byte) (int, error) {
	c.Conn.SetWriteDeadline(time.Now().Add(c.idle))
	return c.Conn.Write(b)
}
