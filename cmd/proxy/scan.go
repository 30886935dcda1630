package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/hkpii/dingtalk-pii-proxy/internal/detect"
	"github.com/hkpii/dingtalk-pii-proxy/internal/jsonlex"
	"github.com/hkpii/dingtalk-pii-proxy/internal/policy"
)

func init() {
	register("scan", "find personal data in JSON, form or text files (JSON lines out)", runScan)
}

func runScan(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("scan", stderr)
	policyFile := fs.String("policy", "", "policy file whose custom recognizers are added")
	showValues := fs.Bool("show-values", false, "print the matched values (they are personal data)")
	format := fs.String("format", "auto", "input format: auto, json, form or text")
	threshold := fs.Float64("threshold", 0, "minimum score to report (default: the engine's)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: proxy scan [--policy F] [--show-values] [--format auto|json|form|text] [--threshold S] FILE...|-")
		fs.PrintDefaults()
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return usageErr("no input files (use - for standard input)")
	}
	opts := detect.EngineOptions{Scanner: detect.ScannerOptions{Threshold: *threshold}, KeepValues: *showValues}
	if *policyFile != "" {
		plan, err := policy.Load(*policyFile)
		if err != nil {
			return &exitError{2, err}
		}
		opts.Scanner.Custom = plan.Recognizers
		opts.MaxDepth = plan.Limits.MaxDepth
	}
	engine, err := detect.NewEngine(opts)
	if err != nil {
		return &exitError{2, err}
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	failed := false
	var line []byte
	for _, name := range files {
		data, err := readInput(name)
		if err != nil {
			fmt.Fprintf(stderr, "proxy scan: %v\n", err)
			failed = true
			continue
		}
		emit := func(r detect.Report) {
			line = appendReport(line[:0], name, r, *showValues)
			out.Write(line)
		}
		if err := scanData(engine, name, *format, data, emit); err != nil {
			fmt.Fprintf(stderr, "proxy scan: %s: %v\n", name, err)
			failed = true
		}
	}
	if failed {
		return &exitError{2, errors.New("")}
	}
	return nil
}

func readInput(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(name)
}

// scanData picks the body format: explicit, by file extension, or by the first byte.
func scanData(e *detect.Engine, name, format string, data []byte, emit func(detect.Report)) error {
	if format == "auto" {
		format = sniffFormat(name, data)
	}
	switch format {
	case "json":
		return e.ScanJSON(data, emit)
	case "form":
		return e.ScanForm(data, emit)
	case "text":
		e.ScanText(data, emit)
		return nil
	}
	return fmt.Errorf("unknown format %q (want auto, json, form or text)", format)
}

// sniffFormat picks a body format from the file extension, else from the first byte.
func sniffFormat(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json", ".jsonl":
		return "json"
	case ".txt", ".text", ".md":
		return "text"
	case ".form", ".urlencoded":
		return "form"
	}
	if t := strings.TrimLeft(string(data[:min(len(data), 64)]), " \t\r\n\ufeff"); t != "" && (t[0] == '{' || t[0] == '[') {
		return "json"
	}
	return "text"
}

// appendReport writes one finding as a JSON line. The value is printed only when asked.
func appendReport(dst []byte, file string, r detect.Report, showValue bool) []byte {
	dst = append(dst, `{"file":`...)
	dst = jsonlex.AppendString(dst, []byte(file))
	dst = append(dst, `,"path":`...)
	dst = jsonlex.AppendString(dst, []byte(r.Path))
	dst = append(dst, `,"type":`...)
	dst = jsonlex.AppendString(dst, []byte(r.Type))
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(r.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(r.End), 10)
	dst = append(dst, `,"score":`...)
	dst = strconv.AppendFloat(dst, r.Score, 'f', -1, 64)
	if showValue {
		dst = append(dst, `,"value":`...)
		dst = jsonlex.AppendString(dst, r.Value)
	}
	return append(dst, "}\n"...)
}
