package proxy

import (
	"bytes"
	stdflate "compress/flate"
	stdgzip "compress/gzip"
	"errors"
	"testing"

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
