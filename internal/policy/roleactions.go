package policy

import (
	"slices"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
)

// TypeAction is one per-type entry of a TypeActions.
type TypeAction struct {
	Type   detect.Type
	Action Action
}

// TypeActions gives an action per PII type, with a default for the types not listed.
// The list is short (a handful of types), so a linear scan beats a map and never allocates.
type TypeActions struct {
	Types   []TypeAction // sorted by Type, no duplicates
	Default Action
}

// For returns the action for typ.
func (t TypeActions) For(typ detect.Type) Action {
	for i := range t.Types {
		if t.Types[i].Type == typ {
			return t.Types[i].Action
		}
	}
	return t.Default
}

// single reports whether t is one action for every type.
func (t TypeActions) single() bool { return len(t.Types) == 0 }

// mergeTypeActions combines the grants of several roles: per type, and for the default,
// the most permissive action wins. A type listed by one role and not another gets, from
// the other, that role's default.
func mergeTypeActions(list []TypeActions) TypeActions {
	if len(list) == 0 {
		return TypeActions{Default: ActionRedact}
	}
	if len(list) == 1 {
		return list[0]
	}
	var types []detect.Type
	out := TypeActions{}
	for _, t := range list {
		out.Default = morePermissive(out.Default, t.Default)
		for _, ta := range t.Types {
			if !slices.Contains(types, ta.Type) {
				types = append(types, ta.Type)
			}
		}
	}
	slices.Sort(types)
	for _, typ := range types {
		a := ActionNone
		for _, t := range list {
			a = morePermissive(a, t.For(typ))
		}
		out.Types = append(out.Types, TypeAction{Type: typ, Action: a})
	}
	return out
}

// RoleActions gives a TypeActions per role, with a default for roles not listed. A field
// rule's actions have no per-type entries: one action per role.
type RoleActions struct {
	Roles   map[string]TypeActions
	Default TypeActions
}

// ForRole returns the actions of one role (the default when the role is not listed).
func (r RoleActions) ForRole(role string) TypeActions {
	if t, ok := r.Roles[role]; ok {
		return t
	}
	return r.Default
}

// Resolve combines the actions of a caller's roles, most permissive first. No roles at
// all gets the default.
func (r RoleActions) Resolve(roles []string) TypeActions {
	switch len(roles) {
	case 0:
		return r.Default
	case 1:
		return r.ForRole(roles[0])
	}
	list := make([]TypeActions, len(roles))
	for i, role := range roles {
		list[i] = r.ForRole(role)
	}
	return mergeTypeActions(list)
}

// uniform returns RoleActions granting a for every role and type.
func uniform(a Action) RoleActions {
	return RoleActions{Default: TypeActions{Default: a}}
}

// each calls fn for every action the RoleActions can produce.
func (r RoleActions) each(fn func(Action)) {
	visit := func(t TypeActions) {
		fn(t.Default)
		for _, ta := range t.Types {
			fn(ta.Action)
		}
	}
	visit(r.Default)
	for _, t := range r.Roles {
		visit(t)
	}
}

// TypeSet is a small set of PII types (block_types, forbid_clear).
type TypeSet []detect.Type

// Has reports whether typ is in the set.
func (s TypeSet) Has(typ detect.Type) bool {
	for _, t := range s {
		if t == typ {
			return true
		}
	}
	return false
}
