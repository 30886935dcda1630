package proxy

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// Health reports the readiness of the proxy's parts: the policy is loaded, and the vault and
// the audit log are usable. A proxy that cannot tokenize or audit must not take traffic.
func (s *Server) Health(ctx context.Context) map[string]string {
	out := map[string]string{"policy": "ok"}
	if s.rt.Load() == nil {
		out["policy"] = "not loaded"
	}
	if v := s.opts.Vault; v != nil {
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		out["vault"] = "ok"
		if err := v.Ping(ctx); err != nil {
			out["vault"] = "unavailable"
		}
	}
	if a := s.opts.Audit; a != nil {
		out["audit"] = "ok"
		if err := a.Healthy(); err != nil {
			out["audit"] = "unavailable"
		}
	}
	if s.inflight.isDraining() {
		out["server"] = "draining"
	}
	return out
}

// Ops serves /healthz (the process is alive) and /readyz (every part is usable), and
// passes everything else to next.
func (s *Server) Ops(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"status":"ok"}` + "\n"))
			return
		case "/readyz":
			h := s.Health(r.Context())
			status := http.StatusOK
			for _, v := range h {
				if v != "ok" {
					status = http.StatusServiceUnavailable
				}
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			json.NewEncoder(w).Encode(map[string]any{"ready": status == http.StatusOK, "components": h})
			return
		}
		next.ServeHTTP(w, r)
	})
}
