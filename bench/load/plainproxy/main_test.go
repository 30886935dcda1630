package main

import (
	"io"
	"testing"
)

func TestRunRejectsBadUpstream(t *testing.T) {
	for _, args := range [][]string{{}, {"-upstream", "127.0.0.1:1"}, {"-upstream", "ftp://x"}, {"-upstream", "http://x", "extra"}} {
		if err := run(args, io.Discard); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
}
