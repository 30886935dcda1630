package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"
)

func init() {
	register("vault purge", "delete vault entries whose retention has ended", runVaultPurge)
	register("vault rotate", "re-encrypt every vault entry under the keyring's active key", runVaultRotate)
	register("vault stats", "count vault entries (live, erased, expired)", runVaultStats)
}

// vaultCommand opens the vault of a serve config for a maintenance command.
func vaultCommand(name string, args []string, stderr io.Writer, run func(ctx context.Context, st *state) error) error {
	fs := newFlags(name, stderr)
	cfgFile := fs.String("config", "", "serve configuration (its vault section)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: proxy %s --config F\n", name)
		fs.PrintDefaults()
	}
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *cfgFile == "" {
		return usageErr("--config is required")
	}
	st, err := openState(*cfgFile)
	if err != nil {
		return &exitError{2, err}
	}
	defer st.close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, st); err != nil {
		return &exitError{2, err}
	}
	return nil
}

func runVaultPurge(args []string, stdout, stderr io.Writer) error {
	return vaultCommand("vault purge", args, stderr, func(ctx context.Context, st *state) error {
		n, err := st.vault.Purge(ctx, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "purged %d expired entr%s\n", n, plural(n, "y", "ies"))
		return nil
	})
}

func runVaultRotate(args []string, stdout, stderr io.Writer) error {
	return vaultCommand("vault rotate", args, stderr, func(ctx context.Context, st *state) error {
		rep, err := st.vault.Rotate(ctx)
		if err != nil {
			return err
		}
		return json.NewEncoder(stdout).Encode(rep)
	})
}

func runVaultStats(args []string, stdout, stderr io.Writer) error {
	return vaultCommand("vault stats", args, stderr, func(ctx context.Context, st *state) error {
		s, err := st.vault.Stats(ctx)
		if err != nil {
			return err
		}
		return json.NewEncoder(stdout).Encode(s)
	})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
