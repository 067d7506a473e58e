// Package importer turns public gazetteer dumps into knowledge-base layers
// in the compact format (see package kb), for users who have data the
// built-in KB does not ship: the full GeoNames dump (allCountries.txt,
// 12 million features) or a country extract, with the language-tagged
// alternateNamesV2.txt.
//
// The built-in generator (internal/kb/gen) shares its row parsing and name
// cleaning, so imported and built-in places look alike.
package importer

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/kb"
)

// Languages are the languages claimtrace reads; Options.Languages
// defaults to them.
var Languages = []string{"en", "ar", "nl", "fr", "de", "ru", "tr", "es", "it", "pt", "pl", "fa", "ku", "ckb", "id", "ur"}

// Options choose what ImportGeoNames keeps.
type Options struct {
	// Languages whose tagged alternate names are kept (ISO 639 codes as
	// GeoNames writes them); nil means Languages.
	Languages []string
	// FeatureClasses are the GeoNames feature classes imported ("P"
	// populated places, "A" administrative areas, "S" spots such as
	// airports and prisons, …); empty means "P". Country features (PCLI
	// and friends) are always skipped: the built-in KB has every country
	// as iso:<CC>.
	FeatureClasses string
	// MinPopulation skips places with fewer inhabitants (0 keeps all).
	MinPopulation int
	// Countries restricts the import to these ISO 3166-1 alpha-2 codes;
	// empty keeps all.
	Countries []string
	// NoUntagged drops the geoname table's untagged alternatenames column,
	// keeping only language-tagged names (smaller layers, fewer false
	// matches).
	NoUntagged bool
}

// GeoNames columns of the "geoname" table (allCountries.txt, cities*.txt,
// <CC>.txt).
const (
	colID = iota
	colName
	colASCII
	colAlternates
	colLat
	colLon
	colClass
	colCode
	colCountry
	colCC2
	colAdmin1
	colAdmin2
	colAdmin3
	colAdmin4
	colPopulation
	colElevation
	colDEM
	colTimezone
	colModified
	numCols
)

// Geoname is one parsed row of the geoname table.
type Geoname struct {
	// Entity has ID gn:<geonameid>, type GPE for populated places (class
	// P) and LOC otherwise, the GeoNames name as canonical name,
	// coordinates, country, population, feature code and part_of
	// iso:<country>; no aliases.
	Entity kb.Entity
	// ASCIIName and Alternates (comma-separated, untagged) are the other
	// name columns.
	ASCIIName, Alternates string
	// Class is the feature class (P, A, S, …).
	Class string
}

// ParseGeoname parses one line of the geoname table.
func ParseGeoname(line string) (Geoname, error) {
	line = strings.TrimSuffix(line, "\r")
	cols := strings.Split(line, "\t")
	if len(cols) != numCols {
		return Geoname{}, fmt.Errorf("%d columns, want %d", len(cols), numCols)
	}
	id := cols[colID]
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		return Geoname{}, fmt.Errorf("geonameid %q: not a number", id)
	}
	lat, err := strconv.ParseFloat(cols[colLat], 64)
	if err != nil || !(lat >= -90 && lat <= 90) {
		return Geoname{}, fmt.Errorf("latitude %q", cols[colLat])
	}
	lon, err := strconv.ParseFloat(cols[colLon], 64)
	if err != nil || !(lon >= -180 && lon <= 180) {
		return Geoname{}, fmt.Errorf("longitude %q", cols[colLon])
	}
	pop := 0
	if p := cols[colPopulation]; p != "" {
		// Population is a bigint in GeoNames; a few rows are not plain.
		if pop, err = strconv.Atoi(p); err != nil || pop < 0 {
			return Geoname{}, fmt.Errorf("population %q", p)
		}
	}
	name := strings.TrimSpace(cols[colName])
	if name == "" {
		return Geoname{}, fmt.Errorf("geonameid %s: no name", id)
	}
	ll := &[2]float64{lat, lon}
	g := Geoname{
		Entity: kb.Entity{
			ID:         "gn:" + id,
			Type:       kb.Loc,
			Name:       name,
			Lat:        &ll[0],
			Lon:        &ll[1],
			Country:    cols[colCountry],
			Population: pop,
			Feature:    cols[colCode],
		},
		ASCIIName:  cols[colASCII],
		Alternates: cols[colAlternates],
		Class:      cols[colClass],
	}
	if g.Class == "P" {
		g.Entity.Type = kb.GPE
	}
	if len(g.Entity.Country) == 2 {
		g.Entity.PartOf = "iso:" + g.Entity.Country
	}
	return g, nil
}

// AliasSet collects a place's names per language, dropping names already
// known in any language (compared case-insensitively, as the matcher
// compares) and names CleanName rejects.
type AliasSet struct {
	seen map[string]bool
	m    map[string][]string
}

// NewAliasSet starts a set that already knows the canonical name, so it is
// not repeated as an alias.
func NewAliasSet(canonical string) *AliasSet {
	return &AliasSet{seen: map[string]bool{strings.ToLower(canonical): true}}
}

// Add keeps name under lang unless it is known or unusable; untagged
// alternate names are checked more strictly (see CleanName).
func (a *AliasSet) Add(lang, name string, untagged bool) {
	name = CleanName(name, untagged)
	if name == "" {
		return
	}
	key := strings.ToLower(name)
	if a.seen[key] {
		return
	}
	a.seen[key] = true
	if a.m == nil {
		a.m = map[string][]string{}
	}
	a.m[lang] = append(a.m[lang], name)
}

// Map returns the collected names (nil if none).
func (a *AliasSet) Map() map[string][]string { return a.m }

// MaxNameBytes drops alternate names that are sentences or lists rather
// than names.
const MaxNameBytes = 80

// CleanName returns the trimmed name, or "" for what is not a usable name:
// URLs, numbers and codes (IATA/ICAO, postal), over-long strings, lists
// (commas, double spaces), names in scripts none of claimtrace's languages
// is written in (only Latin, Arabic and Cyrillic are kept) or in two
// scripts at once. For untagged alternate names it also drops Latin names
// without a capital letter ("bghdad", "de li bo li": GeoNames' machine
// romanisations of other scripts, which read as common words) and Latin or
// Cyrillic names of at most three letters ("Sam" for Damascus, "Ea" for
// Tripoli), which would match far more often than they mean the place.
func CleanName(s string, untagged bool) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > MaxNameBytes || strings.ContainsAny(s, "\t\n\r/,،|;\\") ||
		strings.Contains(s, "  ") || strings.Contains(s, "www.") || !utf8.ValidString(s) {
		return ""
	}
	letters, upper, digits := 0, 0, 0
	var script *unicode.RangeTable
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			t := scriptOf(r)
			if t == nil || script != nil && t != script {
				return ""
			}
			script = t
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters == 0 {
		return "" // numbers, punctuation
	}
	if n := len(s); n <= 4 && upper+digits == n {
		return "" // DAM, OSDI, A1: airport, ICAO and postal codes
	}
	if untagged && script == unicode.Latin && upper == 0 {
		return ""
	}
	if untagged && script != unicode.Arabic && letters <= 3 {
		return ""
	}
	return s
}

// scriptOf returns the script of a letter among those kept, else nil.
func scriptOf(r rune) *unicode.RangeTable {
	for _, t := range []*unicode.RangeTable{unicode.Latin, unicode.Arabic, unicode.Cyrillic} {
		if unicode.Is(t, r) {
			return t
		}
	}
	return nil
}

// AlternateName is one row of alternateNamesV2.txt (or the older
// alternateNames.txt, which lacks the from/to columns).
type AlternateName struct {
	GeonameID string
	// Lang is the isolanguage column: an ISO 639 code, a pseudo-language
	// (post, iata, icao, faac, link, wkdt, abbr, unlc, …) or empty.
	Lang                                   string
	Name                                   string
	Preferred, Short, Colloquial, Historic bool
}

// ParseAlternateName parses one line of alternateNames(V2).txt.
func ParseAlternateName(line string) (AlternateName, error) {
	line = strings.TrimSuffix(line, "\r")
	cols := strings.Split(line, "\t")
	if len(cols) < 4 || len(cols) > 10 {
		return AlternateName{}, fmt.Errorf("%d columns, want 4 to 10", len(cols))
	}
	if _, err := strconv.ParseUint(cols[1], 10, 64); err != nil {
		return AlternateName{}, fmt.Errorf("geonameid %q: not a number", cols[1])
	}
	a := AlternateName{GeonameID: cols[1], Lang: cols[2], Name: cols[3]}
	flag := func(i int) bool { return i < len(cols) && cols[i] == "1" }
	a.Preferred, a.Short, a.Colloquial, a.Historic = flag(4), flag(5), flag(6), flag(7)
	return a, nil
}

// checkEvery is how many lines pass between checks of the context.
const checkEvery = 1 << 14

// ImportGeoNames reads a GeoNames geoname table (allCountries.txt,
// cities500.txt, a country file) and, if alternateNames is not nil,
// alternateNamesV2.txt, and writes a gzip-compressed compact layer to w:
// one entity gn:<geonameid> per kept feature, with names tagged by the
// alternate-names table where it says the language (kept for
// opts.Languages), Wikidata ids from its "wkdt" rows, and the remaining
// names under "und". Colloquial and historic names, links, postal and
// airport codes are dropped.
//
// Features are held in memory between the two passes (about 1 KB each);
// restrict a full-planet import with opts.
func ImportGeoNames(ctx context.Context, geonames io.Reader, alternateNames io.Reader, w io.Writer, opts Options) error {
	classes := opts.FeatureClasses
	if classes == "" {
		classes = "P"
	}
	langs := opts.Languages
	if langs == nil {
		langs = Languages
	}
	type place struct {
		g      Geoname
		tagged []AlternateName
	}
	var order []*place
	byID := map[string]*place{}
	err := eachLine(ctx, geonames, func(n int, line string) error {
		g, err := ParseGeoname(line)
		if err != nil {
			return fmt.Errorf("geonames line %d: %w", n, err)
		}
		if !strings.Contains(classes, g.Class) || g.Class == "" ||
			strings.HasPrefix(g.Entity.Feature, "PCL") ||
			g.Entity.Population < opts.MinPopulation ||
			len(opts.Countries) > 0 && !slices.Contains(opts.Countries, g.Entity.Country) {
			return nil
		}
		p := &place{g: g}
		order = append(order, p)
		byID[strings.TrimPrefix(g.Entity.ID, "gn:")] = p
		return nil
	})
	if err != nil {
		return err
	}
	if alternateNames != nil {
		err := eachLine(ctx, alternateNames, func(n int, line string) error {
			a, err := ParseAlternateName(line)
			if err != nil {
				return fmt.Errorf("alternate names line %d: %w", n, err)
			}
			p := byID[a.GeonameID]
			if p == nil || a.Colloquial || a.Historic {
				return nil
			}
			switch {
			case a.Lang == "wkdt":
				if p.g.Entity.Wikidata == "" && strings.HasPrefix(a.Name, "Q") {
					p.g.Entity.Wikidata = a.Name
				}
			case a.Lang == "" || slices.Contains(langs, a.Lang):
				p.tagged = append(p.tagged, a)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}

	zw := gzip.NewWriter(w)
	cw := kb.NewCompactWriter(zw)
	for i, p := range order {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("import geonames: %w", err)
			}
		}
		e := p.g.Entity
		e.Aliases = aliasesFor(p.g, p.tagged, opts.NoUntagged)
		if err := cw.Write(&e); err != nil {
			return fmt.Errorf("import geonames: %w", err)
		}
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("import geonames: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("import geonames: %w", err)
	}
	return nil
}

// aliasesFor orders a place's names: preferred tagged names first, then
// other tagged names, then untagged ones.
func aliasesFor(g Geoname, tagged []AlternateName, noUntagged bool) map[string][]string {
	slices.SortStableFunc(tagged, func(a, b AlternateName) int {
		switch {
		case a.Preferred == b.Preferred:
			return 0
		case a.Preferred:
			return -1
		default:
			return 1
		}
	})
	a := NewAliasSet(g.Entity.Name)
	for _, t := range tagged {
		if t.Lang != "" {
			a.Add(t.Lang, t.Name, false)
		}
	}
	if !noUntagged {
		a.Add("und", g.ASCIIName, true)
		for _, t := range tagged {
			if t.Lang == "" {
				a.Add("und", t.Name, true)
			}
		}
		for alt := range strings.SplitSeq(g.Alternates, ",") {
			a.Add("und", alt, true)
		}
	}
	return a.Map()
}

// eachLine calls fn for every non-empty line of r, checking ctx now and
// then. Lines may be long (alternatenames of big cities run to 10 KB).
func eachLine(ctx context.Context, r io.Reader, fn func(n int, line string) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("import geonames: %w", err)
			}
		}
		line, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("import geonames: line %d: %w", n, err)
		}
		if l := strings.TrimRight(line, "\r\n"); l != "" && l[0] != '#' {
			if ferr := fn(n, l); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			return nil
		}
	}
}
