// Package sim is a faithful simulator of the DingTalk server APIs the proxy sits in front of:
// the legacy oapi.dingtalk.com endpoints (snake_case, HTTP 200 with errcode envelopes,
// ?access_token=) and the new api.dingtalk.com /v1.0 endpoints (camelCase, bare bodies,
// HTTP 4xx errors, the x-acs-dingtalk-access-token header), served from one listener.
//
// Its data comes from internal/fakedata: employee i of seed s is fakedata.EmployeeAt(s, i),
// so every response is a pure function of the seed and the requests made so far. It records
// what it received (GET /_sim/requests), so end-to-end tests can prove what "DingTalk" saw
// behind the proxy. cmd/dingtalk-sim is a thin main around New.
//
// The shapes, codes and messages follow /work/shared/dingtalk/API-NOTES.md (§1.1–1.4, §3,
// §4 S1–S14); where the notes mark something unconfirmed, docs/simulator.md says what the
// simulator chose.
package sim
