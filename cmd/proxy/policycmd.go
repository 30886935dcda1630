package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

func init() {
	register("policy check", "validate policy files: nothing and exit 0, or file:line:col errors and exit 1", runPolicyCheck)
}

func runPolicyCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("policy check", stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "usage: proxy policy check FILE...") }
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return usageErr("no policy files")
	}
	lines := policy.Check(files...)
	for _, l := range lines {
		fmt.Fprintln(stdout, l)
	}
	if len(lines) > 0 {
		return &exitError{1, errors.New("")}
	}
	return nil
}
