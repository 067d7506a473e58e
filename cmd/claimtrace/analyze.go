package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strings"

	"github.com/claimtrace/claimtrace/internal/annotate/hostile"
	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/ingest"
	"github.com/claimtrace/claimtrace/internal/pipeline"
)

// analyzeFlags are the flags of 'claimtrace analyze'.
type analyzeFlags struct {
	pretty     bool
	workers    int
	langs      string
	maxBytes   int64
	noFallback bool
	quiet      bool
	strictUni  bool
	kb         kbFlags
}

func (m *Main) analyze(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var f analyzeFlags
	def := pipeline.DefaultConfig()
	ing := ingest.DefaultConfig()
	fs.BoolVar(&f.pretty, "pretty", false, "indent the JSON for humans (one document per block instead of per line)")
	fs.IntVar(&f.workers, "workers", 0, "documents analysed at once (0: one per CPU)")
	fs.StringVar(&f.langs, "langs", strings.Join(def.Lang.Langs, ","), "comma-separated ISO 639-1 languages the detector may choose from")
	fs.Int64Var(&f.maxBytes, "max-bytes", ing.MaxBytes, "largest text or HTML file (and JSONL line) accepted, in bytes")
	fs.BoolVar(&f.noFallback, "no-html-fallback", false, "skip readability/dom-distiller fallbacks in HTML extraction (faster, less recall)")
	fs.BoolVar(&f.quiet, "q", false, "do not print the summary line on stderr")
	fs.BoolVar(&f.strictUni, "strict-unicode", false, "exit with status 4 when any document holds bidi control characters (documents are still written, with their warnings)")
	f.kb.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: claimtrace analyze [flags] [FILE|DIR|-]...\n\nReads plain text, HTML and JSONL (told by content); '-' or no argument reads stdin.\nWrites one claimtrace/v1 JSON document per input document to stdout.\n\nFlags:")
		fs.PrintDefaults()
	}
	paths, err := parseArgs(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return &usageError{msg: err.Error(), hint: "claimtrace analyze -h"}
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	cfg := def
	cfg.Workers = f.workers
	cfg.Lang.Langs = splitList(f.langs)
	cfg.Extract.HTMLFallback = !f.noFallback
	ing.MaxBytes = f.maxBytes

	p, _, err := buildPipeline(ctx, log, cfg, &f.kb)
	if err != nil {
		return err
	}
	enc := doc.NewEncoder(m.Stdout, f.pretty)
	var ok, failed, bidi int
	prog := newProgress(m.Stderr, !f.quiet && isTerminal(m.Stderr))
	for r := range p.Run(ctx, ingest.Read(ctx, ing, paths, m.Stdin)) {
		prog.tick(ok+failed+1, failed+btoi(r.Err != nil))
		if r.Err != nil {
			failed++
			prog.clear()
			fmt.Fprintf(m.Stderr, "claimtrace: %v\n", r.Err)
			continue
		}
		if err := enc.Encode(r.Doc); err != nil {
			return err
		}
		ok++
		if f.strictUni && hostile.HasBidi(r.Doc) {
			bidi++
			prog.clear()
			fmt.Fprintf(m.Stderr, "claimtrace: %s: bidi control characters (--strict-unicode)\n", r.Doc.Source.Path)
		}
	}
	prog.clear()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted after %d documents: %w", ok, err)
	}
	if !f.quiet {
		log.Info("analyze done", "documents", ok, "failed", failed)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed: %w", failed, ok+failed, errPartial)
	}
	if bidi > 0 {
		return fmt.Errorf("%d documents hold bidi control characters: %w", bidi, errBidi)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
