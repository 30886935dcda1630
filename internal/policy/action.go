package policy

import "fmt"

// Action is what happens to a value (or a finding inside one). The numeric order is the
// permissiveness order used to combine several roles: a caller holding several roles gets
// the most permissive action any of them grants (see Rank).
type Action uint8

const (
	// ActionNone is the zero value: no action decided. A resolved FieldDecision carries it
	// only for scan rules, whose findings take the Detected actions instead.
	ActionNone Action = iota
	ActionDeny
	ActionDrop
	ActionRedact
	ActionTokenize
	ActionHash
	ActionMask
	ActionAllow
	ActionReveal
)

var actionNames = [...]string{
	ActionNone:     "none",
	ActionDeny:     "deny",
	ActionDrop:     "drop",
	ActionRedact:   "redact",
	ActionTokenize: "tokenize",
	ActionHash:     "hash",
	ActionMask:     "mask",
	ActionAllow:    "allow",
	ActionReveal:   "reveal",
}

// String returns the policy keyword of the action.
func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return fmt.Sprintf("Action(%d)", uint8(a))
}

// Rank orders actions by how much of the value they let through:
// reveal > allow > mask > hash > tokenize > redact > drop > deny. ActionNone ranks lowest.
func (a Action) Rank() int { return int(a) }

// morePermissive returns whichever of a and b ranks higher.
func morePermissive(a, b Action) Action {
	if b.Rank() > a.Rank() {
		return b
	}
	return a
}

// ParseAction reads a policy keyword ("allow", "mask", ...).
func ParseAction(s string) (Action, error) {
	for i := ActionDeny; int(i) < len(actionNames); i++ {
		if actionNames[i] == s {
			return i, nil
		}
	}
	return ActionNone, fmt.Errorf("unknown action %q (want one of allow, reveal, mask, hash, tokenize, redact, drop, deny)", clip(s))
}
