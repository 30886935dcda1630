// Package testenv decides whether tests that need a real server (PostgreSQL, Redis, NATS,
// Node.js, Chromium) run, skip or fail: they run whenever the server answers, always run
// under CI (CI=true turns a missing server into a failure), and skip elsewhere with a message
// naming what is missing.
package testenv

import (
	"net"
	"os"
	"os/exec"
	"testing"
	"time"
)

// Well-known local servers of the development machine (never a non-loopback address).
const (
	PostgresAddr = "127.0.0.1:5432"
	RedisAddr    = "127.0.0.1:6379"
	NATSAddr     = "127.0.0.1:4222"
)

// PostgresDSN is the DSN of the local test database (trust auth).
func PostgresDSN() string {
	if v := os.Getenv("PROXY_TEST_PG_DSN"); v != "" {
		return v
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// InCI reports whether the tests run under CI, where nothing may be skipped.
func InCI() bool { return os.Getenv("CI") == "true" }

// NeedTCP skips (or, under CI, fails) the test unless something listens on addr.
func NeedTCP(t testing.TB, name, addr string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err == nil {
		c.Close()
		return
	}
	missing(t, name+" at "+addr+" does not answer: "+err.Error())
}

// NeedCommand skips (or fails under CI) unless the named program is on PATH; it returns its path.
func NeedCommand(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not installed")
	}
	return p
}

func missing(t testing.TB, why string) {
	t.Helper()
	if InCI() {
		t.Fatalf("required for this test under CI: %s", why)
	}
	t.Skipf("skipping: %s (set CI=true to make this a failure)", why)
}
