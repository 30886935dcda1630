package dsar

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// Request is the body of the admin endpoints.
type Request struct {
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Handler serves POST /admin/dsar/find, /admin/dsar/export and /admin/dsar/erase with a JSON
// body {"type":…, "value":…}; ?format=text returns the human-readable report. The caller
// must be authenticated and authorised (admin role) by the mux in front of it; actor names
// that caller in erasure records.
func Handler(svc func(actor string) *Service, actor func(*http.Request) string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			writeJSONError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST")
			return
		}
		op := strings.TrimPrefix(r.URL.Path, "/admin/dsar/")
		var req Request
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil || req.Type == "" || req.Value == "" {
			writeJSONError(w, http.StatusBadRequest, "invalid_request", ErrBadRequest.Error()+` (JSON {"type":"hkid","value":"…"})`)
			return
		}
		s := svc(actor(r))
		var res *Result
		var err error
		switch op {
		case "find":
			res, err = s.Find(r.Context(), req.Type, req.Value)
		case "export":
			res, err = s.Export(r.Context(), req.Type, req.Value)
		case "erase":
			res, err = s.Erase(r.Context(), req.Type, req.Value)
		default:
			writeJSONError(w, http.StatusNotFound, "unknown_operation", "operations: find, export, erase")
			return
		}
		if err != nil {
			status, code := http.StatusInternalServerError, "dsar_failed"
			switch {
			case errors.Is(err, vault.ErrUnavailable):
				status, code = http.StatusServiceUnavailable, "vault_unavailable"
			case errors.Is(err, ErrUnknownType):
				status, code = http.StatusBadRequest, "unknown_type"
			case errors.Is(err, vault.ErrInvalid):
				status, code = http.StatusBadRequest, "invalid_request"
			}
			// Vault and audit errors never carry values.
			writeJSONError(w, status, code, err.Error())
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		if r.URL.Query().Get("format") == "text" {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			WriteReport(w, res)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(res)
	})
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"code": code, "message": msg})
}
