// Package rewrite applies a policy to one body in one pass: it walks the document once,
// decides for every value (field rules first, then detected PII by type), and splices all
// replacements into the output at once. It never forwards what it could not inspect: any
// failure is an error, and the caller refuses the call.
package rewrite

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/fieldpath"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonwalk"
	"github.com/hkpii/dingtalk-pii-proxy/internal/mask"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// Direction is the way a body travels.
type Direction uint8

const (
	Request  Direction = iota // from the integration to DingTalk
	Response                  // from DingTalk back to the integration
)

func (d Direction) String() string {
	if d == Response {
		return "response"
	}
	return "request"
}

// Kind is the body format.
type Kind uint8

const (
	JSON Kind = iota
	Form      // application/x-www-form-urlencoded
	Text      // text/*: scanned as one value
)

// Config holds what the actions need. A nil Hasher or Vault makes the actions that need
// them fail (closed), never pass values through.
type Config struct {
	Scanner     *detect.Scanner
	Hasher      *mask.Hasher
	Vault       *vault.Vault
	MaxDepth    int  // JSON nesting limit (JSON-in-string levels included); 0 = jsonlex default
	RecordPaths bool // collect the paths touched, for the audit record
}

// Engine rewrites bodies; it is safe for concurrent use.
type Engine struct {
	cfg   Config
	pool  sync.Pool
	rules sync.Map // *policy.Side -> *sideRules
}

// New returns an Engine.
func New(cfg Config) *Engine {
	e := &Engine{cfg: cfg}
	e.pool.New = func() any {
		return &state{e: e, walker: jsonwalk.New(jsonwalk.Options{MaxDepth: cfg.MaxDepth})}
	}
	return e
}

// Input is one body to rewrite.
type Input struct {
	Body      []byte
	Kind      Kind
	Direction Direction
	Side      *policy.Side
	Decisions *policy.Decisions // Side resolved for the caller's roles
	// CrossBorder says the body leaves the home region (a request to a mainland upstream);
	// ForbidClear types found with action allow then refuse the call.
	CrossBorder bool
	ForbidClear policy.TypeSet
	MaxDepth    int           // overrides Config.MaxDepth when > 0 (the route's limit)
	TTL         time.Duration // retention of the values tokenized here (0: the vault's default)
	// Dst, when not nil, is space the rewritten JSON body may be written into (from its
	// start: its length is ignored), so a caller can reuse one buffer from body to body.
	// It must not overlap Body. Outcome.Body is Dst, or a larger buffer, when Changed.
	Dst []byte
}

// Outcome is the result of a rewrite.
type Outcome struct {
	Body    []byte // the body to send; Input.Body itself when nothing changed
	Changed bool
	// Refusal is set when the policy refuses the call (deny, block_types, forbid_clear);
	// Body is then nil.
	Refusal *Refusal
	Stats   Stats
}

// Refusal says why the policy refused a call. It names a type, a rule and a path, never a value.
type Refusal struct {
	Reason string      // "denied", "blocked_type", "forbid_clear"
	Type   detect.Type // the PII type that triggered it ("" for a field rule without type)
	Path   string      // gjson path of the value
}

func (r *Refusal) Error() string {
	switch r.Reason {
	case "blocked_type":
		return fmt.Sprintf("%s found at %s is a blocked type on this route", r.Type, r.Path)
	case "forbid_clear":
		return fmt.Sprintf("%s at %s would cross the border in clear", r.Type, r.Path)
	}
	if r.Type == "" {
		return fmt.Sprintf("the policy denies calls with a value at %s", r.Path)
	}
	return fmt.Sprintf("the policy denies calls carrying %s (at %s)", r.Type, r.Path)
}

// ErrNoVault is returned when a body needs tokenize or reveal and no vault is configured.
var ErrNoVault = errors.New("tokenize/reveal needs a vault, and none is configured")

// ErrNoHashKey is returned when a body needs the hash action and no key is configured.
var ErrNoHashKey = errors.New("the hash action needs keys.hash, and none is configured")

// sideRules are the compiled matchers of one policy side.
type sideRules struct {
	fields *fieldpath.Set
	query  *fieldpath.Set
}

func (e *Engine) rulesFor(s *policy.Side) (*sideRules, error) {
	if r, ok := e.rules.Load(s); ok {
		return r.(*sideRules), nil
	}
	paths := make([]*fieldpath.Path, len(s.Fields))
	for i, f := range s.Fields {
		paths[i] = f.Path
	}
	fields, err := fieldpath.NewSet(paths)
	if err != nil {
		return nil, err
	}
	qpaths := make([]*fieldpath.Path, len(s.Query))
	for i, q := range s.Query {
		p, err := fieldpath.Compile(string(jsonwalk.AppendEscapedKey(nil, []byte(q.Param))))
		if err != nil {
			return nil, err
		}
		qpaths[i] = p
	}
	query, err := fieldpath.NewSet(qpaths)
	if err != nil {
		return nil, err
	}
	r, _ := e.rules.LoadOrStore(s, &sideRules{fields: fields, query: query})
	return r.(*sideRules), nil
}

// Rewrite applies the policy side to the body. Errors (invalid JSON, too deep, vault or
// key unavailable) mean the body could not be inspected: the caller must refuse the call.
func (e *Engine) Rewrite(ctx context.Context, in *Input) (*Outcome, error) {
	rules, err := e.rulesFor(in.Side)
	if err != nil {
		return nil, err
	}
	st := e.pool.Get().(*state)
	defer st.release()
	st.begin(ctx, in, rules.fields)
	var out []byte
	changed := false
	switch in.Kind {
	case JSON:
		out, changed, err = st.rewriteJSON(in.Body)
	case Form:
		out, changed, err = st.rewriteURLEncoded(in.Body)
	case Text:
		out, changed, err = st.rewriteText(in.Body)
	default:
		err = fmt.Errorf("unknown body kind %d", in.Kind)
	}
	if err != nil {
		return nil, err
	}
	return st.finish(out, changed)
}

// RewriteQuery applies the side's query rules and detected actions to a raw query string
// (request direction). It returns the new raw query.
func (e *Engine) RewriteQuery(ctx context.Context, in *Input, rawQuery string) (string, *Outcome, error) {
	rules, err := e.rulesFor(in.Side)
	if err != nil {
		return "", nil, err
	}
	st := e.pool.Get().(*state)
	defer st.release()
	st.begin(ctx, in, rules.query)
	st.query = true
	out, changed, err := st.rewriteURLEncoded([]byte(rawQuery))
	if err != nil {
		return "", nil, err
	}
	o, err := st.finish(out, changed)
	if err != nil || o.Refusal != nil {
		return "", o, err
	}
	return string(o.Body), o, nil
}

func lexOptions(maxDepth int) jsonlex.Options { return jsonlex.Options{MaxDepth: maxDepth} }
