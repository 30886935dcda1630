package sim

import (
	"hash/maphash"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
)

const contentTypeJSON = "application/json;charset=utf-8"

// gzipPool recycles gzip writers (each holds ~800 KiB of state at BestSpeed).
var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// sliceWriter lets a pooled gzip.Writer append into a pooled buffer.
type sliceWriter struct{ b *[]byte }

func (s sliceWriter) Write(p []byte) (int, error) { *s.b = append(*s.b, p...); return len(p), nil }

// acceptsGzip reports whether an Accept-Encoding header allows gzip (q=0 refuses it).
func acceptsGzip(h string) bool {
	for part := range strings.SplitSeq(h, ",") {
		coding, params, _ := strings.Cut(part, ";")
		if c := strings.ToLower(strings.TrimSpace(coding)); c != "gzip" && c != "x-gzip" && c != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		if strings.HasPrefix(q, "q=") {
			if v, err := strconv.ParseFloat(q[2:], 64); err == nil && v == 0 {
				return false
			}
		}
		return true
	}
	return false
}

// compressor gzips answers. Compressing a 64 KiB user/list page costs ~20× more than
// building it, and load benchmarks repeat the same requests, so compressed bodies are
// remembered by content (a hash of the exact bytes): a repeated answer is compressed once.
type compressor struct {
	seed maphash.Seed

	mu    sync.RWMutex
	cache map[uint64][]byte
	bytes int
}

const (
	compressCacheMin = 2 << 10  // smaller bodies compress in microseconds; not worth a slot
	compressCacheMax = 64 << 20 // total compressed bytes kept before the cache starts over
)

func newCompressor() *compressor {
	return &compressor{seed: maphash.MakeSeed(), cache: map[uint64][]byte{}}
}

// gzip returns body compressed, from the cache or freshly into *scratch.
func (z *compressor) gzip(body []byte, scratch *[]byte) []byte {
	var key uint64
	if len(body) >= compressCacheMin {
		key = maphash.Bytes(z.seed, body) ^ uint64(len(body))<<40
		z.mu.RLock()
		gz, ok := z.cache[key]
		z.mu.RUnlock()
		if ok {
			return gz
		}
	}
	zw := gzipPool.Get().(*gzip.Writer)
	zw.Reset(sliceWriter{scratch})
	_, _ = zw.Write(body)
	_ = zw.Close()
	gzipPool.Put(zw)
	if key != 0 {
		kept := append([]byte(nil), *scratch...)
		z.mu.Lock()
		if z.bytes+len(kept) > compressCacheMax {
			clear(z.cache)
			z.bytes = 0
		}
		if _, dup := z.cache[key]; !dup {
			z.cache[key] = kept
			z.bytes += len(kept)
		}
		z.mu.Unlock()
	}
	return *scratch
}

// writeJSON sends body with status, gzip-encoded when z is set and the client asked for it.
// It always sets Content-Length: DingTalk answers are not chunked.
func writeJSON(w http.ResponseWriter, r *http.Request, z *compressor, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentTypeJSON)
	if z != nil && len(body) > 0 && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		scratch := getBuf()
		defer putBuf(scratch)
		body = z.gzip(body, scratch)
		h.Set("Content-Encoding", "gzip")
		h.Add("Vary", "Accept-Encoding")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}
