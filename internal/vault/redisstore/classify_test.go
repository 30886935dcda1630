package redisstore

import (
	"context"
	"errors"
	"io"
	"net"
	"testing"

	"github.com/redis/go-redis/v9"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault/backend"
)

// replyError stands for an error reply from the server.
type replyError string

func (e replyError) Error() string { return string(e) }
func (replyError) RedisError()     {}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		name        string
		err         error
		unavailable bool
		isNil       bool
	}{
		{"nil", nil, false, true},
		{"no such key", redis.Nil, false, true},
		{"refused", &net.OpError{Op: "dial", Err: errors.New("connection refused")}, true, false},
		{"eof", io.EOF, true, false},
		{"deadline", context.DeadlineExceeded, true, false},
		{"client closed", redis.ErrClosed, true, false},
		{"loading", replyError("LOADING Redis is loading the dataset in memory"), true, false},
		{"oom", replyError("OOM command not allowed when used memory > 'maxmemory'"), true, false},
		{"replica", replyError("READONLY You can't write against a read only replica."), true, false},
		{"wrong type", replyError("WRONGTYPE Operation against a key holding the wrong kind of value"), false, false},
		{"our script", replyError("VAULT key of entry 2 has the wrong type"), false, false},
	} {
		got := classify("redis op", tc.err)
		if (got == nil) != tc.isNil {
			t.Errorf("%s: classify = %v", tc.name, got)
			continue
		}
		if got != nil && errors.Is(got, backend.ErrUnavailable) != tc.unavailable {
			t.Errorf("%s: unavailable = %v, want %v (%v)", tc.name, !tc.unavailable, tc.unavailable, got)
		}
	}
	if err := classify("redis op", context.Canceled); errors.Is(err, backend.ErrUnavailable) || !errors.Is(err, context.Canceled) {
		t.Errorf("a caller's cancellation is not an outage: %v", err)
	}
}
