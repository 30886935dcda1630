package main

import (
	"strings"
	"testing"
)

// TestMaskAndBenchRefuseLikeTheProxy: when the live proxy would refuse a call before or
// while reading its body, `mask` and `bench` say so and exit 2 instead of printing a body or
// a throughput nobody could get; a missing key file or vault is named as the tools' own
// set-up problem, not as a refusal.
func TestMaskAndBenchRefuseLikeTheProxy(t *testing.T) {
	const demo = "../../policies/demo.yaml"
	user := writeFile(t, "u.json", `{"errcode":0,"result":{"name":"陳大文","mobile":"91234567","job_number":"HK000011"}}`)
	token := writeFile(t, "t.json", `{"errcode":0,"result":{"name":"tok_person_name_abcdefghijklmnopqrstuvwxyz"}}`)
	bad := writeFile(t, "bad.json", `{"a": [1`)
	blocking := writeFile(t, "p.yaml", "version: 1\nroles: [a]\nupstreams:\n  oapi: {url: http://127.0.0.1:1, region: cn}\n"+
		"routes:\n  - name: r\n    match: {upstream: oapi, method: POST, path: /x}\n    request:\n      block_types: [hkid]\n")
	hkid := writeFile(t, "h.json", `{"m":"HKID A123456(3)"}`)
	userGet := []string{"--policy", demo, "--route", "POST /topapi/v2/user/get"}
	for _, tc := range []struct {
		name      string
		args      []string
		code      int
		want, not []string // in stderr
	}{
		{"mask: role may not call the route", append([]string{"mask", "--role", "bot"}, append(userGet, user)...), 2,
			[]string{"role bot may not call route user-get (the proxy would answer 403 role_not_allowed)"}, nil},
		{"bench: role may not call the route", append([]string{"bench", "--duration", "10ms", "--role", "bot"}, append(userGet, user)...), 2,
			[]string{"(the proxy would answer 403 role_not_allowed)"}, nil},
		{"mask: no such route", []string{"mask", "--policy", demo, "--role", "support", "--route", "POST /nope", user}, 2,
			[]string{"is not a route of", "(the proxy would answer 403 route_not_allowed)"}, nil},
		// demo.yaml's hash key is var/demo/keys/hash.key, which is not under cmd/proxy.
		{"mask: hash key file missing", append([]string{"mask", "--role", "support"}, append(userGet, user)...), 2,
			[]string{"its file var/demo/keys/hash.key could not be read", "policy key paths are relative to the working directory"},
			[]string{"none is configured", "would refuse"}},
		{"bench: hash key file missing", append([]string{"bench", "--duration", "10ms", "--role", "support"}, append(userGet, user)...), 2,
			[]string{"no document could be processed: the hash action needs keys.hash, and its file var/demo/keys/hash.key could not be read"},
			[]string{"none is configured", "throughput"}},
		{"mask: reveal without a vault", append([]string{"mask", "--role", "hr_admin"}, append(userGet, token)...), 2,
			[]string{"tokenize/reveal needs a vault: pass --config"}, []string{"would refuse"}},
		{"bench: every document invalid", append([]string{"bench", "--duration", "10ms", "--role", "payroll"}, append(userGet, bad)...), 2,
			[]string{"no document could be processed: invalid JSON at byte 8"}, nil},
		{"bench: every document refused", []string{"bench", "--duration", "10ms", "--policy", blocking, "--role", "a", "--route", "POST /x",
			"--direction", "request", hkid, hkid}, 2,
			[]string{"h.json: the policy refuses this call: hkid found at m is a blocked type on this route (the proxy would answer 403 policy_refused)", "no document could be processed: 2 refused by the policy, 0 not inspectable"}, nil},
		{"bench: some documents invalid", append([]string{"bench", "--duration", "10ms", "--role", "payroll"}, append(userGet, bad, user)...), 0,
			[]string{"bad.json: invalid JSON at byte 8"}, []string{"no document could be processed"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout %s\nstderr %s", code, tc.code, out, errOut)
			}
			if tc.code != 0 && out != "" {
				t.Errorf("output on a refusal: %s", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(errOut+out, n) {
					t.Errorf("output says %q:\n%s%s", n, out, errOut)
				}
			}
		})
	}
	// A partial failure is in the summary, and only what was rewritten is measured.
	_, out, _ := run(t, append([]string{"bench", "--duration", "10ms", "--role", "payroll"}, append(userGet, bad, user)...)...)
	if !strings.Contains(out, "refused        0 by policy, 1 not inspectable (not measured)") {
		t.Errorf("summary:\n%s", out)
	}
}
