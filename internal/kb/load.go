package kb

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// builtin holds the embedded layers: data/generated/*.tsv.gz (and
// *.jsonl.gz), written by the generator, and data/curated/*.yaml, written
// by people. data/README.md keeps the pattern valid while a layer is empty.
//
//go:embed data
var builtin embed.FS

// Options says which layers Load reads.
type Options struct {
	// Dirs are users' --kb directories, read after the built-in layers in
	// the order given (*.yaml, *.yml, *.json, *.jsonl, *.jsonl.gz, *.tsv,
	// *.tsv.gz; subdirectories are not read).
	Dirs []string
	// NoBuiltin skips the embedded layers (tests, users who bring a KB of
	// their own).
	NoBuiltin bool
	// NoPlaces skips the big generated gazetteer layers (every generated file
	// whose name does not start with "countr"), which makes tests start fast.
	NoPlaces bool
	// LazyIndex defers building the alias index to the first match, for
	// callers that only list or search the KB.
	LazyIndex bool
}

// ErrInvalid is wrapped by Load when a file holds an entity that cannot be
// used (no id, no name); Validate reports the finer problems.
var ErrInvalid = errors.New("invalid entity")

// Load reads the built-in layers (generated, then curated) and then the
// users' directories, merging entities by ID: a later entity with a known
// ID adds its names to the earlier one and fills or overrides its other
// fields. Files of one layer are decoded in parallel and merged in name
// order, so the result does not depend on scheduling.
func Load(ctx context.Context, opts Options) (*KB, error) {
	k := newKB()
	type src struct {
		fsys  fs.FS
		name  string // path within fsys
		label string // for errors
		layer Layer
	}
	var srcs []src
	if !opts.NoBuiltin {
		for _, dir := range []struct {
			name  string
			layer Layer
		}{{"data/generated", LayerGenerated}, {"data/curated", LayerCurated}} {
			ents, err := fs.ReadDir(builtin, dir.name)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("kb: built-in %s: %w", dir.name, err)
			}
			for _, e := range ents {
				n := e.Name()
				if e.IsDir() || !layerFile(n) {
					continue
				}
				if opts.NoPlaces && dir.layer == LayerGenerated && !strings.HasPrefix(n, "countr") {
					continue
				}
				p := path.Join(dir.name, n)
				srcs = append(srcs, src{builtin, p, "built-in " + p, dir.layer})
			}
		}
	}
	for _, d := range opts.Dirs {
		ents, err := os.ReadDir(d)
		if err != nil {
			return nil, fmt.Errorf("kb: read --kb dir: %w", err)
		}
		for _, e := range ents {
			if e.IsDir() || !layerFile(e.Name()) {
				continue
			}
			srcs = append(srcs, src{os.DirFS(d), e.Name(), filepath.Join(d, e.Name()), LayerUser})
		}
	}

	results := make([][][]Entity, len(srcs))
	errs := make([]error, len(srcs))
	var wg sync.WaitGroup
	for i, s := range srcs {
		wg.Go(func() {
			if ctx.Err() != nil {
				errs[i] = ctx.Err()
				return
			}
			f, err := s.fsys.Open(s.name)
			if err != nil {
				errs[i] = fmt.Errorf("kb: %s: %w", s.label, err)
				return
			}
			defer f.Close()
			results[i], errs[i] = decodeBlocks(s.name, f)
			if errs[i] != nil {
				errs[i] = fmt.Errorf("kb: %s: %w", s.label, errs[i])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	n := 0
	for _, r := range results {
		for _, b := range r {
			n += len(b)
		}
	}
	k.ents = make([]Entity, 0, n)
	k.layers = make([]Layer, 0, n)
	k.byID = make(map[string]int32, n)
	for i, r := range results {
		for bi, b := range r {
			for j := range b {
				if err := k.add(&b[j], srcs[i].layer); err != nil {
					return nil, fmt.Errorf("kb: %s: %w", srcs[i].label, err)
				}
			}
			r[bi] = nil // each block can go as soon as it is merged
		}
		results[i] = nil
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	if !opts.LazyIndex {
		k.index()
	}
	return k, nil
}

// FromEntities builds a KB from entities in memory (tests, importers), as
// one layer of the given kind.
func FromEntities(es []Entity, layer Layer) (*KB, error) {
	k := newKB()
	for i := range es {
		if err := k.add(&es[i], layer); err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
	}
	return k, nil
}

func layerFile(name string) bool {
	for _, ext := range []string{".yaml", ".yml", ".json", ".jsonl", ".jsonl.gz", ".tsv", ".tsv.gz"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// decodeBlocks decodes one layer file into blocks of entities. A compact
// layer of 200,000 places is read into blocks of at most compactBlock
// entities rather than one slice grown by doubling, which would copy the
// (large) Entity values again and again and leave the collector twice the
// final size in garbage while the KB loads.
func decodeBlocks(name string, r io.Reader) ([][]Entity, error) {
	if !strings.HasSuffix(name, ".tsv.gz") && !strings.HasSuffix(name, ".tsv") {
		es, err := decodeFile(name, r)
		return [][]Entity{es}, err
	}
	var out [][]Entity
	var cur []Entity
	err := ReadCompact(r, func(e Entity) error {
		if len(cur) == cap(cur) {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = make([]Entity, 0, min(max(2*cap(cur), 256), compactBlock))
		}
		cur = append(cur, e)
		return nil
	})
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, err
}

// compactBlock is the largest block decodeBlocks allocates.
const compactBlock = 8192

// decodeFile decodes one layer file by its extension.
func decodeFile(name string, r io.Reader) ([]Entity, error) {
	switch {
	case strings.HasSuffix(name, ".tsv.gz"), strings.HasSuffix(name, ".tsv"):
		blocks, err := decodeBlocks(name, r)
		return slices.Concat(blocks...), err
	case strings.HasSuffix(name, ".jsonl.gz"), strings.HasSuffix(name, ".jsonl"):
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(r)
			if err != nil {
				return nil, fmt.Errorf("gzip: %w", err)
			}
			defer zr.Close()
			r = zr
		}
		var out []Entity
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		line := 0
		for sc.Scan() {
			line++
			b := bytes.TrimSpace(sc.Bytes())
			if len(b) == 0 {
				continue
			}
			var e Entity
			if err := json.Unmarshal(b, &e); err != nil {
				return nil, fmt.Errorf("line %d: %w", line, err)
			}
			out = append(out, e)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		return out, nil
	case strings.HasSuffix(name, ".json"):
		var out []Entity
		dec := json.NewDecoder(r)
		if err := dec.Decode(&out); err != nil {
			return nil, fmt.Errorf("json: %w", err)
		}
		return out, nil
	default: // yaml
		var out []Entity
		dec := yaml.NewDecoder(r)
		dec.KnownFields(true)
		if err := dec.Decode(&out); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil // an empty file is an empty layer
			}
			return nil, fmt.Errorf("yaml: %w", err)
		}
		return out, nil
	}
}

// add merges e into the KB (copying it).
func (k *KB) add(e *Entity, layer Layer) error {
	id := strings.TrimSpace(e.ID)
	if id == "" {
		return fmt.Errorf("entity %q without id: %w", e.Name, ErrInvalid)
	}
	i, ok := k.byID[id]
	if !ok {
		if strings.TrimSpace(e.Name) == "" {
			return fmt.Errorf("entity %s without name: %w", id, ErrInvalid)
		}
		k.byID[id] = int32(len(k.ents))
		k.ents = append(k.ents, *e)
		k.ents[len(k.ents)-1].ID = id
		k.layers = append(k.layers, layer)
		if layer != LayerGenerated {
			k.vouch(int32(len(k.ents)-1), e)
		}
		return nil
	}
	old := &k.ents[i]
	k.layers[i] |= layer
	if layer != LayerGenerated {
		k.vouch(i, e)
	}
	if e.Name != "" && e.Name != old.Name {
		// The earlier canonical name stays known as an alias.
		old.Aliases = mergeNames(old.Aliases, map[string][]string{"und": {old.Name}})
		old.Name = e.Name
	}
	if e.Type != "" {
		old.Type = e.Type
	}
	old.Aliases = mergeNames(old.Aliases, e.Aliases)
	old.Adjectives = mergeNames(old.Adjectives, e.Adjectives)
	if e.Lat != nil && e.Lon != nil {
		old.Lat, old.Lon = e.Lat, e.Lon
	}
	setIf(&old.Wikidata, e.Wikidata)
	setIf(&old.Country, e.Country)
	setIf(&old.PartOf, e.PartOf)
	setIf(&old.Feature, e.Feature)
	if e.Population > 0 {
		old.Population = e.Population
	}
	for _, d := range e.DescribedBy {
		if !slices.Contains(old.DescribedBy, d) {
			old.DescribedBy = append(old.DescribedBy, d)
		}
	}
	for _, a := range e.Ambiguous {
		if !slices.Contains(old.Ambiguous, a) {
			old.Ambiguous = append(old.Ambiguous, a)
		}
	}
	return nil
}

func setIf(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func mergeNames(dst, src map[string][]string) map[string][]string {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = make(map[string][]string, len(src))
	}
	for lang, names := range src {
		for _, n := range names {
			if !slices.Contains(dst[lang], n) {
				dst[lang] = append(dst[lang], n)
			}
		}
	}
	return dst
}

// knownTypes are the entity types of the claimtrace/v1 contract.
var knownTypes = []string{Person, Org, GPE, Loc, Facility, Outlet}

// Validate checks entities as a user's file would be loaded into this KB
// (`claimtrace kb validate`): ids present, unique within es and of the form
// prefix:rest, types from the contract, a name, coordinates in range and
// given together, part_of naming an entity in es or in the KB, ambiguous
// names that are names of the entity, no empty names. It returns every
// problem, not just the first; nil means the entities are fine. k may be
// nil to check es on its own.
func (k *KB) Validate(es []Entity) []error {
	var errs []error
	bad := func(i int, e *Entity, format string, args ...any) {
		errs = append(errs, fmt.Errorf("entity %d (%s): %s: %w", i, e.ID, fmt.Sprintf(format, args...), ErrInvalid))
	}
	ids := make(map[string]int, len(es))
	for i := range es {
		e := &es[i]
		if e.ID == "" {
			bad(i, e, "no id")
		} else if p, rest, ok := strings.Cut(e.ID, ":"); !ok || p == "" || rest == "" || strings.ContainsAny(e.ID, " \t\n") {
			bad(i, e, "id %q is not prefix:name without spaces", e.ID)
		} else if j, dup := ids[e.ID]; dup {
			bad(i, e, "duplicate id (also entity %d)", j)
		} else {
			ids[e.ID] = i
		}
		if !slices.Contains(knownTypes, e.Type) {
			bad(i, e, "type %q is not one of %s", e.Type, strings.Join(knownTypes, ", "))
		}
		if strings.TrimSpace(e.Name) == "" {
			bad(i, e, "no name")
		}
		if (e.Lat == nil) != (e.Lon == nil) {
			bad(i, e, "lat and lon must be given together")
		}
		if e.Lat != nil && (math.IsNaN(*e.Lat) || *e.Lat < -90 || *e.Lat > 90) {
			bad(i, e, "lat %v out of range", *e.Lat)
		}
		if e.Lon != nil && (math.IsNaN(*e.Lon) || *e.Lon < -180 || *e.Lon > 180) {
			bad(i, e, "lon %v out of range", *e.Lon)
		}
		if e.Population < 0 {
			bad(i, e, "negative population")
		}
		if e.Country != "" && (len(e.Country) != 2 || strings.ToUpper(e.Country) != e.Country) {
			bad(i, e, "country %q is not an ISO 3166-1 alpha-2 code", e.Country)
		}
		names := map[string]bool{aliasKey(e.Name): true}
		for _, m := range []map[string][]string{e.Aliases, e.Adjectives} {
			for lang, ns := range m {
				if lang == "" {
					bad(i, e, "names without a language tag")
				}
				for _, n := range ns {
					if aliasKey(n) == "" {
						bad(i, e, "empty name for %s", lang)
					}
					names[aliasKey(n)] = true
				}
			}
		}
		for _, a := range e.Ambiguous {
			if !names[aliasKey(a)] {
				bad(i, e, "ambiguous name %q is not one of its names", a)
			}
		}
	}
	for i := range es {
		e := &es[i]
		if e.PartOf == "" {
			continue
		}
		if e.PartOf == e.ID {
			bad(i, e, "part_of names itself")
			continue
		}
		if _, ok := ids[e.PartOf]; ok {
			continue
		}
		if k != nil {
			if _, ok := k.byID[e.PartOf]; ok {
				continue
			}
		}
		bad(i, e, "part_of %q names no entity", e.PartOf)
	}
	return errs
}

// ReadFile decodes one KB file (any format Load reads) for `claimtrace kb
// validate`.
func ReadFile(name string) ([]Entity, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	defer f.Close()
	es, err := decodeFile(name, f)
	if err != nil {
		return nil, fmt.Errorf("kb: %s: %w", name, err)
	}
	return es, nil
}
