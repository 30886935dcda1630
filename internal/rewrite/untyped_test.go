package rewrite

import (
	"testing"

	"github.com/hkpii/dingtalk-pii-proxy/internal/dsar"
)

// TestUntypedTokenIsADSARType: data subject requests accept the vault type of untyped
// tokens by name; the two spellings must not drift apart, or those tokens could not be
// found or erased.
func TestUntypedTokenIsADSARType(t *testing.T) {
	if untypedToken != dsar.UntypedToken {
		t.Fatalf("rewrite tokenizes untyped values as %q, dsar accepts %q", untypedToken, dsar.UntypedToken)
	}
}
