// Package policy loads policy files and compiles them into an immutable Plan.
//
// A policy (docs/policy.md) names the callers and their roles, the DingTalk upstreams, the
// allowed routes, and per route and direction what happens to personal data: field rules
// by gjson path, actions for what the detectors find, types that refuse the call.
//
// Loading is strict and complete: the YAML is converted into a small positioned tree
// (anchors, merge keys and tags resolved, alias expansion and nesting bounded), then every
// section is checked, and every problem is collected as a PosError (file:line:col, the
// field path, never a secret value). Load and Parse are pure: they read one file and touch
// nothing else, so a failed reload leaves the running plan in place.
//
// The hot path only reads the Plan: Match finds the route (exact, then {param}, then
// prefix patterns) without allocating, and Side.For returns the decisions of a role set,
// precomputed for declared roles and callers' role sets, cached for any other set.
package policy
