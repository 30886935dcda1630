package sim

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/fakedata"
)

// The /_sim/ control endpoints are not DingTalk's: tests and the demo use them to see what
// the simulator received and which fake data it serves. They are never recorded.

// EmployeeRecord is what GET /_sim/employees/{i} returns: the fakedata employee (its Go field
// names as JSON keys, so a test can decode it straight into fakedata.Employee) plus the
// simulator-made values that go with it.
type EmployeeRecord struct {
	fakedata.Employee
	Index             int    `json:"Index"`
	Avatar            string `json:"Avatar"`
	OpenID            string `json:"OpenID"`
	ProcessInstanceID string `json:"ProcessInstanceID"` // the employee's seeded leave request
}

// DeptRecord is one element of GET /_sim/departments.
type DeptRecord struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Members int    `json:"members"`
}

// Health is GET /_sim/healthz.
type Health struct {
	Status    string `json:"status"`
	Employees int    `json:"employees"`
	Seed      uint64 `json:"seed"`
	Served    int64  `json:"served"` // DingTalk calls answered so far
}

func (s *Server) serveSim(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, "/_sim")
	switch {
	case path == "/healthz" && r.Method == http.MethodGet:
		s.simJSON(w, r, http.StatusOK, Health{"ok", len(s.dir.emps), s.cfg.Seed, s.served.Load()})
	case path == "/requests" && r.Method == http.MethodGet:
		since, _ := strconv.ParseInt(r.URL.Query().Get("since"), 10, 64)
		s.simJSON(w, r, http.StatusOK, s.rec.list(since))
	case path == "/requests" && r.Method == http.MethodDelete:
		s.rec.clear()
		w.WriteHeader(http.StatusNoContent)
	case path == "/messages" && r.Method == http.MethodGet:
		s.simJSON(w, r, http.StatusOK, s.msgs.all())
	case path == "/messages" && r.Method == http.MethodDelete:
		s.msgs.clear()
		w.WriteHeader(http.StatusNoContent)
	case path == "/departments" && r.Method == http.MethodGet:
		out := []DeptRecord{}
		for _, id := range s.dir.deptIDs() {
			dp := s.dir.depts[id]
			out = append(out, DeptRecord{id, dp.name, len(dp.members)})
		}
		s.simJSON(w, r, http.StatusOK, out)
	case strings.HasPrefix(path, "/employees/") && r.Method == http.MethodGet:
		key := strings.TrimPrefix(path, "/employees/")
		i, err := strconv.Atoi(key)
		if err != nil {
			var ok bool
			if i, ok = s.dir.byUserID[key]; !ok {
				i = -1
			}
		}
		if i < 0 || i >= len(s.dir.emps) {
			s.simJSON(w, r, http.StatusNotFound, map[string]string{"error": "no employee with that index or userid"})
			return
		}
		x := s.dir.extras(i)
		s.simJSON(w, r, http.StatusOK, EmployeeRecord{
			Employee: s.dir.emps[i], Index: i, Avatar: x.avatar, OpenID: x.openID,
			ProcessInstanceID: seededInstanceID(s.cfg.Seed, i),
		})
	default:
		s.simJSON(w, r, http.StatusNotFound, map[string]string{"error": "unknown simulator endpoint"})
	}
}

func (s *Server) simJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	writeJSON(w, r, nil, status, marshalNoEscape(v))
}
