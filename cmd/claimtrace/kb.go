package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/claimtrace/claimtrace/internal/kb"
)

// kbCmd runs 'claimtrace kb list|show|search|validate'.
func (m *Main) kbCmd(ctx context.Context, log *slog.Logger, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: "kb needs a subcommand: list, show, search, validate or import-geonames", hint: "claimtrace kb list -type ORG"}
	}
	sub, args := args[0], args[1:]
	if sub == "import-geonames" {
		return m.kbImport(ctx, args)
	}
	fs := flag.NewFlagSet("kb "+sub, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var kf kbFlags
	kf.register(fs)
	typ := fs.String("type", "", "only entities of this type (PERSON, ORG, GPE, LOC, FACILITY, OUTLET)")
	limit := fs.Int("limit", 50, "at most this many results (0: all)")
	asJSON := fs.Bool("json", false, "JSON lines even on a terminal")
	pos, err := parseArgs(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return &usageError{msg: err.Error(), hint: "claimtrace kb " + sub + " -h"}
	}
	table := !*asJSON && isTerminal(m.Stdout)
	switch sub {
	case "list":
		k, err := kf.load(ctx, log, true)
		if err != nil || k == nil {
			return err
		}
		var es []*kb.Entity
		seq := k.All()
		if *typ != "" {
			seq = k.ByType(strings.ToUpper(*typ))
		}
		for e := range seq {
			es = append(es, e)
			if *limit > 0 && len(es) >= *limit {
				break
			}
		}
		return m.printEntities(es, table)
	case "search":
		if len(pos) == 0 {
			return &usageError{msg: "kb search needs a query", hint: "claimtrace kb search Hasaka"}
		}
		k, err := kf.load(ctx, log, true)
		if err != nil || k == nil {
			return err
		}
		n := *limit
		if n <= 0 {
			n = 1 << 30
		}
		var es []*kb.Entity
		for _, e := range k.Search(strings.Join(pos, " "), n) {
			if *typ == "" || strings.EqualFold(e.Type, *typ) {
				es = append(es, e)
			}
		}
		return m.printEntities(es, table)
	case "show":
		if len(pos) == 0 {
			return &usageError{msg: "kb show needs an entity id", hint: "claimtrace kb show ct:isis"}
		}
		k, err := kf.load(ctx, log, true)
		if err != nil || k == nil {
			return err
		}
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		for _, id := range pos {
			e, ok := k.Entity(id)
			if !ok {
				return fmt.Errorf("no entity %q in the knowledge base (try: claimtrace kb search NAME): %w", id, errPartial)
			}
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	case "validate":
		return m.kbValidate(ctx, log, &kf, pos)
	default:
		return &usageError{msg: fmt.Sprintf("unknown kb subcommand %q", sub), hint: "claimtrace kb list|show|search|validate"}
	}
}

func (m *Main) printEntities(es []*kb.Entity, table bool) error {
	if !table {
		enc := json.NewEncoder(m.Stdout)
		enc.SetEscapeHTML(false)
		for _, e := range es {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tNAME\tCOUNTRY\tNAMES")
	for _, e := range es {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", e.ID, e.Type, e.Name, e.Country, len(e.Names()))
	}
	return tw.Flush()
}

// kbValidate checks users' KB files (or directories of them) against the
// format and against the loaded KB (so part_of may name built-in entities).
func (m *Main) kbValidate(ctx context.Context, log *slog.Logger, kf *kbFlags, paths []string) error {
	if len(paths) == 0 {
		return &usageError{msg: "kb validate needs files or directories", hint: "claimtrace kb validate my-kb/"}
	}
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("kb validate: %w", err)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return fmt.Errorf("kb validate: %w", err)
		}
		for _, e := range ents {
			if !e.IsDir() && kbFile(e.Name()) {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
	}
	sort.Strings(files)
	k, err := kf.load(ctx, log, true)
	if err != nil {
		return err
	}
	problems := 0
	for _, f := range files {
		es, err := kb.ReadFile(f)
		if err != nil {
			fmt.Fprintf(m.Stdout, "%s: %v\n", f, err)
			problems++
			continue
		}
		errs := k.Validate(es)
		for _, e := range errs {
			fmt.Fprintf(m.Stdout, "%s: %v\n", f, e)
		}
		problems += len(errs)
		if len(errs) == 0 {
			fmt.Fprintf(m.Stdout, "%s: %d entities, ok\n", f, len(es))
		}
	}
	if problems > 0 {
		return fmt.Errorf("%d problems in %d files: %w", problems, len(files), errPartial)
	}
	return nil
}

func kbFile(name string) bool {
	for _, ext := range []string{".yaml", ".yml", ".json", ".jsonl", ".jsonl.gz", ".tsv", ".tsv.gz"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}
