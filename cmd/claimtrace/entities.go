package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"text/tabwriter"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/ingest"
	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/pipeline"
)

// entities runs 'claimtrace entities --unknown PATH...': it analyses the
// inputs and lists the names the knowledge base does not know, clustered
// by spelling, with counts and contexts, ready to be added to a KB file.
func (m *Main) entities(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("entities", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	unknown := fs.Bool("unknown", false, "list names that are not in the knowledge base")
	minCount := fs.Int("min", 1, "only names seen at least this often")
	asJSON := fs.Bool("json", false, "JSON lines even on a terminal")
	var kf kbFlags
	kf.register(fs)
	paths, err := parseArgs(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return &usageError{msg: err.Error(), hint: "claimtrace entities -h"}
	}
	if !*unknown {
		return &usageError{msg: "entities: only --unknown is supported so far", hint: "claimtrace entities --unknown corpus/"}
	}
	if kf.none {
		return &usageError{msg: "entities --unknown needs a knowledge base", hint: "drop --no-kb"}
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	p, _, err := buildPipeline(ctx, log, pipeline.DefaultConfig(), &kf)
	if err != nil {
		return err
	}
	failed := 0
	docs := func(yield func(*doc.Document) bool) {
		for r := range p.Run(ctx, ingest.Read(ctx, ingest.DefaultConfig(), paths, m.Stdin)) {
			if r.Err != nil {
				failed++
				fmt.Fprintf(m.Stderr, "claimtrace: %v\n", r.Err)
				continue
			}
			if !yield(r.Doc) {
				return
			}
		}
	}
	names := kb.Unknown(docs)
	if err := ctx.Err(); err != nil {
		return err
	}
	var keep []kb.UnknownName
	for _, n := range names {
		if n.Count >= *minCount {
			keep = append(keep, n)
		}
	}
	if !*asJSON && isTerminal(m.Stdout) {
		tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "COUNT\tTYPE\tNAME\tVARIANTS")
		for _, n := range keep {
			var vs []string
			for _, v := range n.Variants {
				vs = append(vs, v.Text)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", n.Count, n.Type, n.Name, strings.Join(vs, " | "))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	} else {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		for _, n := range keep {
			if err := enc.Encode(n); err != nil {
				return err
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d inputs failed: %w", failed, errPartial)
	}
	return nil
}
