package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/hkpii/dingtalk-pii-proxy/internal/config"
	"github.com/hkpii/dingtalk-pii-proxy/internal/dsar"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

func init() {
	register("dsar find", "where a person's value went: token, first/last seen, routes (vault + audit)", dsarCommand("find"))
	register("dsar export", "a data subject's value and trail as JSON, or a readable report (--format text)", dsarCommand("export"))
	register("dsar erase", "crypto-shred a value in the vault (recorded in the audit log)", dsarCommand("erase"))
}

// dsarCommand runs a request locally (vault and audit log of a serve config, with the proxy
// stopped: the embedded vault and the audit log take one process at a time), or through the
// admin endpoint of a running proxy (--admin).
func dsarCommand(op string) func(args []string, stdout, stderr io.Writer) error {
	return func(args []string, stdout, stderr io.Writer) error {
		fs := newFlags("dsar "+op, stderr)
		cfgFile := fs.String("config", "", "serve configuration (vault and audit log), to run locally")
		admin := fs.String("admin", "", "admin listener of a running proxy, e.g. http://127.0.0.1:8082")
		// Not the flag's default: -h would print the key.
		key := fs.String("key", "", "admin API key for --admin (default $PROXY_ADMIN_KEY)")
		typ := fs.String("type", "", "PII type id, e.g. hkid, hk_phone, email (built-in, the policy's own recognizers, or text)")
		value := fs.String("value", "", "the value (it never appears in logs or audit records)")
		format := fs.String("format", "json", "json or text")
		fs.Usage = func() {
			fmt.Fprintf(stderr, "usage: proxy dsar %s (--config F | --admin URL --key K) --type T --value V [--format json|text]\n", op)
			fs.PrintDefaults()
		}
		if _, err := parseFlags(fs, args); err != nil {
			return err
		}
		if *typ == "" || *value == "" {
			return usageErr("--type and --value are required")
		}
		if (*cfgFile == "") == (*admin == "") {
			return usageErr("give exactly one of --config (proxy stopped) or --admin (proxy running)")
		}
		if *admin != "" {
			if *key == "" {
				*key = os.Getenv("PROXY_ADMIN_KEY")
			}
			return dsarRemote(*admin, *key, op, *typ, *value, *format, stdout)
		}
		cfg, err := config.Load(*cfgFile)
		if err != nil {
			return &exitError{2, err}
		}
		v, err := openVault(cfg)
		if err != nil {
			return &exitError{2, servingHint(cfg, err, "use --admin")}
		}
		defer v.Close()
		svc := &dsar.Service{Vault: v, AuditDir: cfg.Or(cfg.Audit.Dir, cfg.State("audit")), Actor: "cli:" + whoami()}
		// The policy's own recognizers add type ids; a policy that does not load leaves the
		// built-in ones, which must not stop a request for those.
		plan, polErr := policy.Load(cfg.Path(cfg.Policy))
		if polErr == nil {
			svc.CustomTypes = customTypes(plan)
		}
		if op == "erase" && !cfg.Audit.Disabled {
			l, _, err := openAudit(cfg, discardLogger())
			if err != nil {
				return &exitError{2, fmt.Errorf("the erasure must be recorded in the audit log, which cannot be opened (%v); "+
					"if the proxy is running, use --admin", err)}
			}
			defer l.Close()
			svc.Audit = l
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		var res *dsar.Result
		switch op {
		case "find":
			res, err = svc.Find(ctx, *typ, *value)
		case "export":
			res, err = svc.Export(ctx, *typ, *value)
		case "erase":
			res, err = svc.Erase(ctx, *typ, *value)
		}
		if errors.Is(err, dsar.ErrUnknownType) && polErr != nil {
			err = fmt.Errorf("%w (the policy's own types are not known: %v)", err, polErr)
		}
		if err != nil {
			return &exitError{2, err}
		}
		if *format == "text" {
			return dsar.WriteReport(stdout, res)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
}

func dsarRemote(base, key, op, typ, value, format string, stdout io.Writer) error {
	body, _ := json.Marshal(dsar.Request{Type: typ, Value: value})
	u := strings.TrimRight(base, "/") + "/admin/dsar/" + op
	if format == "text" {
		u += "?format=text"
	}
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return usageErr("--admin: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Api-Key", key)
	res, err := (&http.Client{Timeout: 5 * time.Minute}).Do(req)
	if err != nil {
		return &exitError{2, err}
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return &exitError{2, fmt.Errorf("admin endpoint answered %d: %s", res.StatusCode, bytes.TrimSpace(out))}
	}
	_, err = stdout.Write(out)
	return err
}

// customTypes lists the type ids of a policy's own recognizers.
func customTypes(p *policy.Plan) []string {
	types := make([]string, 0, len(p.Recognizers))
	for _, r := range p.Recognizers {
		types = append(types, string(r.Type))
	}
	return types
}

func whoami() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}
