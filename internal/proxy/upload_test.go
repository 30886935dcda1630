package proxy_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestStreamedUploadAnswersWhole: a body the route passes through uninspected (a file
// upload) streams to DingTalk byte for byte, and a streamed answer reaches the client whole,
// call after call on reused connections. The body is fenced (FenceBody) against
// golang/go#40747; the race it guards against needs a loaded machine and did not show in
// this test without the fence, so the fence itself is tested in fence_test.go.
func TestStreamedUploadAnswersWhole(t *testing.T) {
	upload := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3}, 4<<10)
	answer := `{"errcode":0,"media_id":"@lADPDgQ9` + strings.Repeat("x", 64<<10) + `"}`
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, err := io.ReadAll(r.Body)
		if err != nil || int64(len(got)) != r.ContentLength || !bytes.Equal(got, upload) {
			http.Error(w, fmt.Sprintf("got %d bytes of %d: %v", len(got), r.ContentLength, err), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte(answer))
	}))
	defer up.Close()
	pxURL := proxyBefore(t, up.URL, `  - name: upload
    match: {upstream: oapi, method: POST, path: /media/upload}
    content_types: {inspect: [application/json], passthrough: [application/octet-stream]}
`)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				req, _ := http.NewRequest(http.MethodPost, pxURL+"/media/upload", bytes.NewReader(upload))
				req.Header.Set("X-Api-Key", "demo-support-key")
				req.Header.Set("Content-Type", "application/octet-stream")
				res, err := client.Do(req)
				if err != nil {
					errs <- err
					return
				}
				b, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 || len(b) != len(answer) {
					errs <- fmt.Errorf("call %d: status %d, %d of %d bytes, %v: %.120s", i, res.StatusCode, len(b), len(answer), err, b)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
