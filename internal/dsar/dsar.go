// Package dsar answers data subject requests (PDPO DPP6: access and correction; erasure
// under the retention principle): find where a person's value went, export it with its
// trail, and erase it. The vault knows the value's token, when it was first and last seen
// and its expiry; the audit log knows every call that issued or revealed that token.
// Erasure crypto-shreds the vault entry and is itself recorded in the audit log.
package dsar

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/audit"
	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/vault"
)

// Service runs requests against one vault and one audit log.
type Service struct {
	Vault    *vault.Vault
	AuditDir string     // the log read for the trail; "" skips the trail
	Audit    *audit.Log // where erasures are recorded; nil when the log is not open here
	Actor    string     // who asks (CLI user, admin caller id), recorded with an erasure
	// CustomTypes are the policy's own type ids (recognizers), which its routes may
	// tokenize like the built-in ones.
	CustomTypes []string
}

// ErrUnknownType is returned for a request naming a type the proxy never tokenizes.
var ErrUnknownType = errors.New("unknown PII type")

// Types lists the type ids a request may name, built-in catalogue first.
func Types(custom []string) []string {
	types := make([]string, 0, len(detect.BuiltinTypes)+len(custom)+1)
	for _, t := range detect.BuiltinTypes {
		types = append(types, string(t))
	}
	types = append(types, custom...)
	return append(types, vault.UntypedType)
}

// checkType refuses a type no token can have. The vault would answer any well-formed id
// (its token is computed, not looked up), so a typo such as "hkidx" would report "nothing
// held" under a made-up token, and an erasure would leave a tombstone for nobody while the
// subject's real entry stays.
func (s *Service) checkType(typ string) error {
	types := Types(s.CustomTypes)
	if slices.Contains(types, typ) {
		return nil
	}
	return fmt.Errorf("%w %q: the types are %s", ErrUnknownType, typ, strings.Join(types, ", "))
}

// Call is one audit record that touched the subject's token.
type Call struct {
	Time      time.Time `json:"time"`
	Seq       uint64    `json:"seq"`
	Kind      string    `json:"kind"`
	Caller    string    `json:"caller,omitempty"`
	Roles     []string  `json:"roles,omitempty"`
	Route     string    `json:"route,omitempty"`
	Decision  string    `json:"decision,omitempty"`
	Region    string    `json:"region,omitempty"`
	Crossed   bool      `json:"cross_border"`
	RequestID string    `json:"request_id,omitempty"`
}

// Result is what is known of one subject value. It never holds the value unless it is an
// export (Value set, for the data subject).
type Result struct {
	Type      string       `json:"type"`
	Vault     vault.Record `json:"vault"`
	Value     string       `json:"value,omitempty"`
	Calls     []Call       `json:"calls"`
	Routes    []string     `json:"routes"`
	FirstCall time.Time    `json:"first_call,omitzero"`
	LastCall  time.Time    `json:"last_call,omitzero"`
	AuditOK   *bool        `json:"audit_verified,omitempty"`
}

// Find returns the token of a value, its vault record and its trail in the audit log.
func (s *Service) Find(ctx context.Context, typ, value string) (*Result, error) {
	if err := s.checkType(typ); err != nil {
		return nil, err
	}
	rec, err := s.Vault.Find(ctx, typ, value)
	if err != nil {
		return nil, err
	}
	res := &Result{Type: typ, Vault: rec}
	return res, s.trail(res)
}

// Export is Find plus the value itself, decrypted for the data subject.
func (s *Service) Export(ctx context.Context, typ, value string) (*Result, error) {
	if err := s.checkType(typ); err != nil {
		return nil, err
	}
	ex, err := s.Vault.Export(ctx, typ, value)
	if err != nil {
		return nil, err
	}
	res := &Result{Type: typ, Vault: ex.Record, Value: ex.Value}
	return res, s.trail(res)
}

// Erase crypto-shreds the value (its ciphertext is deleted; a tombstone keeps later
// reveals at "[ERASED]") and records the erasure in the audit log, by token only.
func (s *Service) Erase(ctx context.Context, typ, value string) (*Result, error) {
	if err := s.checkType(typ); err != nil {
		return nil, err
	}
	rec, err := s.Vault.Erase(ctx, typ, value)
	if err != nil {
		return nil, err
	}
	if s.Audit != nil {
		ar := &audit.Record{Kind: audit.KindErasure, Caller: s.Actor, Tokens: []string{rec.Token},
			Decision: "erased", Reason: "data_subject_request", Detail: map[string]string{"type": typ}}
		if err := s.Audit.Append(ar); err != nil {
			return nil, fmt.Errorf("erased, but the audit record failed: %w", err)
		}
	}
	res := &Result{Type: typ, Vault: rec}
	return res, s.trail(res)
}

// trail reads the audit log for the records that carry the subject's token.
func (s *Service) trail(res *Result) error {
	res.Calls, res.Routes = []Call{}, []string{}
	if s.AuditDir == "" || res.Vault.Token == "" {
		return nil
	}
	tok := res.Vault.Token
	rep, err := audit.Walk(s.AuditDir, audit.VerifyOptions{}, func(r *audit.Record, _ []byte) error {
		if !slices.Contains(r.Tokens, tok) {
			return nil
		}
		res.Calls = append(res.Calls, Call{Time: r.Time, Seq: r.Seq, Kind: r.Kind, Caller: r.Caller, Roles: slices.Clone(r.Roles),
			Route: r.Route, Decision: r.Decision, Region: r.Region, Crossed: r.CrossBorder, RequestID: r.RequestID})
		if r.Route != "" && !slices.Contains(res.Routes, r.Route) {
			res.Routes = append(res.Routes, r.Route)
		}
		if res.FirstCall.IsZero() || r.Time.Before(res.FirstCall) {
			res.FirstCall = r.Time
		}
		if r.Time.After(res.LastCall) {
			res.LastCall = r.Time
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("reading the audit log: %w", err)
	}
	ok := rep.OK
	res.AuditOK = &ok
	slices.Sort(res.Routes)
	return nil
}

// WriteReport writes a human-readable report of a result (for the data subject or the
// privacy officer). It prints the value only when the result is an export.
func WriteReport(w io.Writer, res *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Data subject request report (%s)\n\n", time.Now().UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "Type of personal data:  %s\n", res.Type)
	if res.Value != "" {
		fmt.Fprintf(&b, "Value held:             %s\n", res.Value)
	}
	fmt.Fprintf(&b, "Pseudonym (token):      %s\n", res.Vault.Token)
	fmt.Fprintf(&b, "Status in the vault:    %s\n", res.Vault.Status)
	if !res.Vault.FirstSeen.IsZero() {
		fmt.Fprintf(&b, "First seen:             %s\n", res.Vault.FirstSeen.Format(time.RFC3339))
		fmt.Fprintf(&b, "Last seen:              %s\n", res.Vault.LastSeen.Format(time.RFC3339))
	}
	if !res.Vault.ExpiresAt.IsZero() {
		fmt.Fprintf(&b, "Kept until:             %s (retention)\n", res.Vault.ExpiresAt.Format(time.RFC3339))
	}
	if !res.Vault.ErasedAt.IsZero() {
		fmt.Fprintf(&b, "Erased at:              %s\n", res.Vault.ErasedAt.Format(time.RFC3339))
	}
	fmt.Fprintf(&b, "\nDingTalk received only the pseudonym, never the value, on these calls (%d):\n", len(res.Calls))
	for _, c := range res.Calls {
		cross := ""
		if c.Crossed {
			cross = " (crossed the border to " + c.Region + ")"
		}
		fmt.Fprintf(&b, "  %s  %-9s %-22s caller %-16s %s%s\n", c.Time.Format(time.RFC3339), c.Kind, c.Route, c.Caller, c.Decision, cross)
	}
	if res.AuditOK != nil {
		v := "verified intact"
		if !*res.AuditOK {
			v = "FAILED verification: see proxy audit verify"
		}
		fmt.Fprintf(&b, "\nAudit log: %s.\n", v)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ErrBadRequest marks a request without a type or value.
var ErrBadRequest = errors.New("a data subject request needs a type and a value")
