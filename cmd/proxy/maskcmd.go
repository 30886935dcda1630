package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/proxy"
	"github.com/hkpii/dingtalk-pii-proxy/internal/rewrite"
)

func init() {
	register("mask", "rewrite a payload exactly as the proxy would send it, for one role and route", runMask)
}

// maskSetup is what `mask` and `bench` share: a compiled policy, a route and its side
// resolved for one role, and the engine.
type maskSetup struct {
	plan    *policy.Plan
	route   *policy.Route
	side    *policy.Side
	dec     *policy.Decisions
	dir     rewrite.Direction
	engine  *rewrite.Engine
	cleanup func()

	hashKeyErr error // why keys.hash could not be read (nil when it could, or is not set)
	noVault    bool  // no --config: tokenize and reveal have no vault
}

func newMaskSetup(policyFile, roleList, routeSpec, direction, configFile string) (*maskSetup, error) {
	if policyFile == "" || roleList == "" || routeSpec == "" {
		return nil, usageErr("--policy, --role and --route are required")
	}
	method, path, ok := strings.Cut(strings.TrimSpace(routeSpec), " ")
	if !ok || path == "" {
		return nil, usageErr("--route must look like 'POST /topapi/v2/user/get'")
	}
	method, path = strings.ToUpper(method), strings.TrimSpace(path)
	plan, err := policy.Load(policyFile)
	if err != nil {
		return nil, &exitError{2, err}
	}
	route, _, ok := proxy.MatchRoute(plan, method, path)
	if !ok {
		return nil, &exitError{2, fmt.Errorf("%s %s is not a route of %s (the proxy would answer 403 %s)",
			method, path, policyFile, proxy.ReasonRouteNotAllowed)}
	}
	roles := strings.Split(roleList, ",")
	for _, r := range roles {
		if !plan.HasRole(r) {
			return nil, usageErr("role %q is not declared in %s", r, policyFile)
		}
	}
	// The live proxy refuses before it reads a body: a masked body printed here would show
	// what no caller with these roles can ever receive.
	if !route.AllowsRoles(roles) {
		return nil, &exitError{2, fmt.Errorf("role %s may not call route %s (the proxy would answer 403 %s)",
			roleList, route.Name, proxy.ReasonRoleNotAllowed)}
	}
	s := &maskSetup{plan: plan, route: route, cleanup: func() {}}
	switch direction {
	case "response", "":
		s.side, s.dir = route.Response, rewrite.Response
	case "request":
		s.side, s.dir = route.Request, rewrite.Request
	default:
		return nil, usageErr("--direction must be request or response")
	}
	s.dec = s.side.For(roles)
	st, err := openState(configFile)
	if err != nil {
		return nil, &exitError{2, err}
	}
	s.cleanup = st.close
	s.noVault = st.vault == nil
	if plan.Keys.Hash != nil {
		_, s.hashKeyErr = plan.Keys.Hash.Read()
	}
	srv, err := proxy.New(plan, proxy.Options{Vault: st.vault, Logger: discardLogger(), LazyHashKey: true})
	if err != nil {
		st.close()
		return nil, &exitError{2, err}
	}
	s.engine = srv.Runtime().Engine
	return s, nil
}

// explain words a rewrite error for the command line. A hash key or vault these tools could
// not open is their own set-up, not the body's fault: the message says what to fix instead of
// predicting a refusal that the configured proxy would not give.
func (s *maskSetup) explain(err error) error {
	switch {
	case errors.Is(err, rewrite.ErrNoHashKey) && s.hashKeyErr != nil:
		return errors.New(hashKeyProblem(s.plan.Keys.Hash, s.hashKeyErr))
	case errors.Is(err, rewrite.ErrNoVault) && s.noVault:
		return errors.New("tokenize/reveal needs a vault: pass --config with the serve configuration whose vault the proxy uses")
	}
	return fmt.Errorf("%w (the proxy would refuse this call)", err)
}

// hashKeyProblem says why keys.hash could not be read. A relative key file is looked up
// from the working directory, not from the policy's folder: the usual cause is running a
// tool from another directory than the proxy's.
func hashKeyProblem(k *policy.KeySource, err error) string {
	if k.File == "" {
		return fmt.Sprintf("the hash action needs keys.hash, which could not be read: %v", err)
	}
	cause := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err
	}
	msg := fmt.Sprintf("the hash action needs keys.hash, and its file %s could not be read: %v", k.File, cause)
	if !filepath.IsAbs(k.File) {
		wd, _ := os.Getwd()
		msg += fmt.Sprintf(" (policy key paths are relative to the working directory, here %s)", wd)
	}
	return msg
}

func (s *maskSetup) input(body []byte, kind rewrite.Kind) *rewrite.Input {
	in := &rewrite.Input{Body: body, Kind: kind, Direction: s.dir, Side: s.side, Decisions: s.dec,
		MaxDepth: s.route.Limits.MaxDepth, TTL: s.route.Retention}
	if s.dir == rewrite.Request && s.route.Upstream != nil {
		in.CrossBorder = s.plan.Residency.CrossBorder(s.route.Upstream)
		in.ForbidClear = s.plan.Residency.ForbidClear
	}
	return in
}

// routeFlags are the flags `mask` and `bench` share: which policy, role, route and body.
type routeFlags struct {
	policy, role, route, direction, format, config *string
}

func addRouteFlags(fs *flag.FlagSet, configHelp string) routeFlags {
	return routeFlags{
		policy:    fs.String("policy", "", "policy file"),
		role:      fs.String("role", "", "role (or comma-separated roles) of the caller"),
		route:     fs.String("route", "", "route as 'METHOD PATH', e.g. 'POST /topapi/v2/user/get'"),
		direction: fs.String("direction", "response", "request or response"),
		format:    fs.String("format", "auto", "body format: auto, json, form or text"),
		config:    fs.String("config", "", configHelp),
	}
}

func runMask(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("mask", stderr)
	rf := addRouteFlags(fs, "serve config whose vault tokenize/reveal use (optional)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy mask --policy F --role R --route 'METHOD PATH' [--direction request|response] FILE|-")
		fs.PrintDefaults()
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return usageErr("exactly one input file (or -) is needed")
	}
	s, err := newMaskSetup(*rf.policy, *rf.role, *rf.route, *rf.direction, *rf.config)
	if err != nil {
		return err
	}
	defer s.cleanup()
	data, err := readInput(files[0])
	if err != nil {
		return &exitError{2, err}
	}
	kind, err := kindOf(files[0], *rf.format, data)
	if err != nil {
		return err
	}
	out, err := s.engine.Rewrite(context.Background(), s.input(data, kind))
	if err != nil {
		return &exitError{2, fmt.Errorf("%s: %w", files[0], s.explain(err))}
	}
	if out.Refusal != nil {
		return &exitError{1, fmt.Errorf("the policy refuses this call: %v (the proxy would answer 403 %s)", out.Refusal, proxy.ReasonPolicyRefused)}
	}
	_, err = stdout.Write(out.Body)
	return err
}

// kindOf picks the body format like `scan` does.
func kindOf(name, format string, data []byte) (rewrite.Kind, error) {
	if format == "auto" {
		format = sniffFormat(name, data)
	}
	switch format {
	case "json":
		return rewrite.JSON, nil
	case "form":
		return rewrite.Form, nil
	case "text":
		return rewrite.Text, nil
	}
	return 0, usageErr("unknown format %q (want auto, json, form or text)", format)
}
