package proxy

import (
	"bytes"
	stdflate "compress/flate"
	stdgzip "compress/gzip"
	"errors"
	"io"
	"testing"
	"testing/iotest"

	"github.com/andybalholm/brotli"
)

// FuzzReadBody: any bytes under any coding decode to at most the limit or fail with a
// clear error, never a panic; and the pooled decoders, reused after whatever the previous
// input left them in, decode what a fresh standard-library encoder wrote, and encodeBody's
// output decodes back to the body.
func FuzzReadBody(f *testing.F) {
	for _, seed := range []string{"", "{}", `{"remark":"HKID A123456(3)"}`, "\x1f\x8b\x08\x00garbage"} {
		for _, enc := range []string{"", "gzip", "deflate", "br", "gzip, gzip", "identity", "zstd"} {
			f.Add([]byte(seed), enc, uint16(64))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, enc string, limit uint16) {
		// Arbitrary bytes claimed to be encoded: a body or a clear error.
		body, err := readBody(nil, bytes.NewReader(data), enc, int64(limit), int64(len(data)))
		if err == nil && len(body) > int(limit) {
			t.Fatalf("%d bytes decoded past the limit of %d", len(body), limit)
		}
		var tooLarge *errTooLarge
		var badEnc *errEncoding
		if err != nil && !errors.As(err, &tooLarge) && !errors.As(err, &badEnc) {
			t.Fatalf("unexpected error type %T: %v", err, err)
		}

		// The same bytes really encoded, by the standard library and by encodeBody.
		for _, coding := range []string{"gzip", "deflate", "br"} {
			var buf bytes.Buffer
			switch coding {
			case "gzip":
				w := stdgzip.NewWriter(&buf)
				w.Write(data)
				w.Close()
			case "deflate":
				w, _ := stdflate.NewWriter(&buf, stdflate.DefaultCompression)
				w.Write(data)
				w.Close()
			case "br":
				w := brotli.NewWriter(&buf)
				w.Write(data)
				w.Close()
			}
			got, err := readBody(nil, bytes.NewReader(buf.Bytes()), coding, 1<<20, -1)
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("standard library %s: %v, %d bytes back of %d", coding, err, len(got), len(data))
			}
			ours, err := encodeBody(nil, data, []string{coding})
			if err != nil {
				t.Fatalf("encodeBody %s: %v", coding, err)
			}
			got, err = readBody(nil, bytes.NewReader(ours), coding, 1<<20, -1)
			if err != nil || !bytes.Equal(got, data) {
				t.Fatalf("encodeBody %s round trip: %v, %d bytes back of %d", coding, err, len(got), len(data))
			}
		}
	})
}

// readBody's own read loop keeps bytes.Buffer.ReadFrom's results: every byte up to the
// limit, whatever the reader's chunking and the buffer it starts from; one byte more is
// too large; a reader's error is reported with what it read.
func TestReadBodyAroundTheLimit(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789abcdef"), 300) // 4800 bytes
	readers := map[string]func([]byte) io.Reader{
		"whole":    func(b []byte) io.Reader { return bytes.NewReader(b) },
		"one-byte": func(b []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(b)) },
		"data-err": func(b []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(b)) },
		"half":     func(b []byte) io.Reader { return iotest.HalfReader(bytes.NewReader(b)) },
	}
	for name, mk := range readers {
		for _, n := range []int{0, 1, 511, 512, 513, 4095, 4096, 4800} {
			for _, limit := range []int{n - 1, n, n + 1, 10000} {
				if limit < 0 {
					continue
				}
				for _, hint := range []int64{-1, 0, int64(n), int64(n) + 7, 1 << 40} {
					for _, dst := range [][]byte{nil, make([]byte, 3, 100), make([]byte, 0, 8192)} {
						got, err := readBody(dst, mk(data[:n]), "", int64(limit), hint)
						var tooLarge *errTooLarge
						switch {
						case n > limit:
							if !errors.As(err, &tooLarge) {
								t.Fatalf("%s n=%d limit=%d: err %v, want too large", name, n, limit, err)
							}
						case err != nil || !bytes.Equal(got, data[:n]):
							t.Fatalf("%s n=%d limit=%d hint=%d: %d bytes, err %v", name, n, limit, hint, len(got), err)
						}
					}
				}
			}
		}
	}
	boom := errors.New("boom")
	if _, err := readBody(nil, iotest.ErrReader(boom), "", 100, -1); !errors.Is(err, boom) {
		t.Fatalf("reader error: %v", err)
	}
	if _, err := readBody(nil, io.MultiReader(bytes.NewReader(data[:10]), iotest.TimeoutReader(bytes.NewReader(data))), "", 10000, -1); !errors.Is(err, iotest.ErrTimeout) {
		t.Fatalf("a reader's error after some bytes: %v", err)
	}
}
