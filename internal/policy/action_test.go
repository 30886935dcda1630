package policy

import "testing"

func TestParseActionRoundTrip(t *testing.T) {
	for _, name := range []string{"allow", "reveal", "mask", "hash", "tokenize", "redact", "drop", "deny"} {
		a, err := ParseAction(name)
		if err != nil {
			t.Fatalf("ParseAction(%q): %v", name, err)
		}
		if a == ActionNone || a.String() != name {
			t.Errorf("ParseAction(%q) = %v", name, a)
		}
	}
	for _, bad := range []string{"", "none", "Allow", "unmask", "REDACT"} {
		if a, err := ParseAction(bad); err == nil {
			t.Errorf("ParseAction(%q) = %v, want an error", bad, a)
		}
	}
}

// The documented order: reveal > allow > mask > hash > tokenize > redact > drop > deny.
func TestActionRankOrder(t *testing.T) {
	order := []Action{ActionReveal, ActionAllow, ActionMask, ActionHash, ActionTokenize, ActionRedact, ActionDrop, ActionDeny, ActionNone}
	for i := 1; i < len(order); i++ {
		if order[i-1].Rank() <= order[i].Rank() {
			t.Errorf("%v must rank above %v", order[i-1], order[i])
		}
		if morePermissive(order[i], order[i-1]) != order[i-1] || morePermissive(order[i-1], order[i]) != order[i-1] {
			t.Errorf("morePermissive(%v, %v) is not %v", order[i], order[i-1], order[i-1])
		}
	}
	if s := Action(200).String(); s != "Action(200)" {
		t.Errorf("String of an out-of-range action = %q", s)
	}
}
