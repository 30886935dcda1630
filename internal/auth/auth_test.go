package auth

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

func plan(t *testing.T) *policy.Plan {
	sum := sha256.Sum256([]byte("secret-key"))
	p, err := policy.Parse("p.yaml", []byte(`
version: 1
roles: [a, b]
callers:
  - {id: one, api_key_sha256: `+hex.EncodeToString(sum[:])+`, roles: [a]}
upstreams: {api: {url: "http://127.0.0.1:1", region: cn}}
routes: []
`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAuthenticate(t *testing.T) {
	p := plan(t)
	for _, tc := range []struct {
		name   string
		header [2]string
		caller string
		err    *Error
	}{
		{"bearer", [2]string{"Authorization", "Bearer secret-key"}, "one", nil},
		{"bearer lower case scheme", [2]string{"Authorization", "bearer secret-key"}, "one", nil},
		{"x-api-key", [2]string{"X-Api-Key", "secret-key"}, "one", nil},
		{"x-api-key padded", [2]string{"X-Api-Key", "  secret-key "}, "one", nil},
		{"wrong key", [2]string{"X-Api-Key", "secret-kez"}, "", ErrBadKey},
		{"empty key", [2]string{"X-Api-Key", ""}, "", ErrBadKey},
		{"basic", [2]string{"Authorization", "Basic c2VjcmV0LWtleQ=="}, "", ErrBadKey},
		{"none", [2]string{"X-Other", "secret-key"}, "", ErrNoCredentials},
		{"role header alone", [2]string{"X-Role", "a"}, "", ErrNoCredentials},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set(tc.header[0], tc.header[1])
		c, err := Authenticate(p, r)
		switch {
		case tc.err != nil:
			if !errors.Is(err, tc.err) || c != nil {
				t.Errorf("%s: %v %v", tc.name, c, err)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("%s: error quotes the key", tc.name)
			}
		case err != nil || c.ID != tc.caller:
			t.Errorf("%s: %v %v", tc.name, c, err)
		}
	}
}
