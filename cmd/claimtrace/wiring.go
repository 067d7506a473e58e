package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/pipeline"
)

// dirList is a repeatable flag (--kb DIR --kb DIR2, or comma-separated).
type dirList []string

func (d *dirList) String() string { return strings.Join(*d, ",") }

func (d *dirList) Set(s string) error {
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*d = append(*d, p)
		}
	}
	return nil
}

// kbFlags are the knowledge-base flags shared by every command that reads it.
type kbFlags struct {
	dirs     dirList
	noPlaces bool
	none     bool
}

func (f *kbFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.dirs, "kb", "directory of your own KB files (YAML, JSON, JSONL, compact TSV), added to the built-in KB; repeatable")
	fs.BoolVar(&f.noPlaces, "no-places", false, "leave out the built-in world gazetteer (faster start, fewer place names)")
	fs.BoolVar(&f.none, "no-kb", false, "no knowledge base at all: no entity mentions")
}

// load reads the knowledge base the flags describe (nil with --no-kb).
func (f *kbFlags) load(ctx context.Context, log *slog.Logger, lazy bool) (*kb.KB, error) {
	if f.none {
		return nil, nil
	}
	start := time.Now()
	// Loading allocates a lot that lives on (the KB) and a lot that does
	// not (decoding); collecting less often while it runs saves ~0.1 s at
	// the same peak memory. The process's setting is restored after.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	k, err := kb.Load(ctx, kb.Options{Dirs: f.dirs, NoPlaces: f.noPlaces, LazyIndex: lazy})
	if err != nil {
		return nil, fmt.Errorf("load knowledge base: %w", err)
	}
	log.Debug("knowledge base loaded", "entities", k.Len(), "took", time.Since(start))
	return k, nil
}

// buildPipeline loads the lexicon and KB and builds the analysis pipeline.
func buildPipeline(ctx context.Context, log *slog.Logger, cfg pipeline.Config, kf *kbFlags) (*pipeline.Pipeline, *kb.KB, error) {
	lex, err := lexicon.Load()
	if err != nil {
		return nil, nil, err
	}
	k, err := kf.load(ctx, log, false)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.New(lex, k, cfg)
	if err != nil {
		return nil, nil, err
	}
	return p, k, nil
}

// isTerminal reports whether w is an interactive terminal, where commands
// print a readable table instead of JSON lines.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// parseArgs parses flags wherever they stand among the positional
// arguments ("kb search Hasaka -limit 5" as well as "kb search -limit 5
// Hasaka"); "--" ends flag parsing. It returns the positional arguments.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
