package main

import (
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimtrace/claimtrace/internal/kb/importer"
)

// kbImport runs 'claimtrace kb import-geonames DUMP [-alternate FILE] -o OUT':
// it turns a GeoNames dump (allCountries.txt, cities*.txt or <CC>.txt, and
// optionally alternateNamesV2.txt) into a compact KB layer for --kb.
func (m *Main) kbImport(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("kb import-geonames", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	alt := fs.String("alternate", "", "alternateNames(V2).txt with language-tagged names (optional)")
	out := fs.String("o", "", "output file (.tsv.gz); required")
	classes := fs.String("classes", "P", "GeoNames feature classes to import (P places, A areas, S spots, …)")
	minPop := fs.Int("min-population", 0, "skip places with fewer inhabitants")
	countries := fs.String("countries", "", "comma-separated ISO 3166-1 alpha-2 codes to keep (default all)")
	langs := fs.String("langs", "", "comma-separated languages of alternate names to keep (default claimtrace's)")
	noUntagged := fs.Bool("no-untagged", false, "drop untagged alternate names (fewer false matches)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return &usageError{msg: err.Error(), hint: "claimtrace kb import-geonames -h"}
	}
	if len(pos) != 1 || *out == "" {
		return &usageError{msg: "kb import-geonames needs one dump file and -o OUT.tsv.gz", hint: "claimtrace kb import-geonames SY.txt -alternate alternateNamesV2.txt -o sy.tsv.gz"}
	}
	in, err := openMaybeGzip(pos[0])
	if err != nil {
		return err
	}
	defer in.Close()
	var altR io.Reader
	if *alt != "" {
		a, err := openMaybeGzip(*alt)
		if err != nil {
			return err
		}
		defer a.Close()
		altR = a
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("kb import-geonames: %w", err)
	}
	opts := importer.Options{FeatureClasses: *classes, MinPopulation: *minPop, NoUntagged: *noUntagged,
		Countries: splitList(strings.ToUpper(*countries))}
	if *langs != "" {
		opts.Languages = splitList(*langs)
	}
	if err := importer.ImportGeoNames(ctx, in, altR, f, opts); err != nil {
		f.Close()
		os.Remove(*out)
		return fmt.Errorf("kb import-geonames: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("kb import-geonames: %w", err)
	}
	fmt.Fprintf(m.Stderr, "wrote %s; use it with --kb %s's directory\n", *out, *out)
	return nil
}

// openMaybeGzip opens a file, decompressing it when its name ends in .gz.
type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }

func openMaybeGzip(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("kb import-geonames: %w", err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return f, nil
	}
	z, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("kb import-geonames: %s: %w", name, err)
	}
	return readCloser{Reader: z, close: func() error { z.Close(); return f.Close() }}, nil
}
