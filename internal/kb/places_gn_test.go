package kb

// Checks of data/curated/places_gn.yaml, the curated names of GeoNames
// places: every gn: id names a place of the generated layer, of the same type
// and country, and after loading the seed gold's places are found by their
// canonical names and by the spellings the seeds use.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

const placesGNFile = "data/curated/places_gn.yaml"

func readPlacesGN(t *testing.T) []Entity {
	t.Helper()
	b, err := os.ReadFile(placesGNFile)
	if err != nil {
		t.Fatal(err)
	}
	var es []Entity
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&es); err != nil {
		t.Fatalf("%s: %v", placesGNFile, err)
	}
	return es
}

func TestPlacesGNIDsExist(t *testing.T) {
	es := readPlacesGN(t)
	want := map[string]*Entity{}
	for i := range es {
		e := &es[i]
		if e.Lat != nil || e.Lon != nil {
			t.Errorf("%s: coordinates belong to the generated layer", e.ID)
		}
		if strings.HasPrefix(e.ID, "gn:") {
			want[e.ID] = e
		}
	}
	if len(want) < 150 {
		t.Errorf("%d gn: places, want at least 150", len(want))
	}
	paths, _ := filepath.Glob("data/generated/*.tsv.gz")
	if len(paths) == 0 {
		t.Skip("no generated layers")
	}
	found := map[string]bool{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		err = ReadCompact(f, func(g Entity) error {
			e, ok := want[g.ID]
			if !ok {
				return nil
			}
			found[g.ID] = true
			if e.Type != g.Type {
				t.Errorf("%s (%s): type %s, generated layer says %s", e.ID, e.Name, e.Type, g.Type)
			}
			if e.Country != "" && e.Country != g.Country {
				t.Errorf("%s (%s): country %s, generated layer says %s", e.ID, e.Name, e.Country, g.Country)
			}
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	for id, e := range want {
		if !found[id] {
			t.Errorf("%s (%s): not in the generated layers", id, e.Name)
		}
	}
}

// goldPlaces are the seed gold's cities and towns, with spellings the seeds
// use for them. Each must be a name of the place, and those not marked
// ambiguous must resolve to it on their own.
var goldPlaces = []struct {
	name     string
	surfaces []string
}{
	{"Al-Hasakah", []string{"Al-Hasaka", "Al Hasakah", "Hasaka", "al-Ḥasaka", "الحسكة"}},
	{"Abu Kamal", []string{"Al Bukamal", "al-Būkamāl", "البوكمال"}},
	{"Deir ez-Zor", []string{"Deir Ezzor", "Dayr az-Zūr", "ديرالزور", "دير الزور"}},
	{"Homs", []string{"Homs", "حمص"}},
	{"Al-Shaddadi", []string{"Al-Shaddadiyah", "الشدادي"}},
	{"Al-Malikiyah", []string{"Derek", "المالكية"}},
	{"Al-Kasrah", []string{"Al-Kasra"}},
	{"Raqqa", []string{"Al-Raqqa", "الرقة"}},
	{"Rmelan", []string{"رميلان"}},
	{"Qamishli", []string{"القامشلي"}},
	{"Latakia", []string{"اللاذقية"}},
	{"Palmyra", []string{"تدمر"}},
	{"Damascus", []string{"دمشق", "Damas", "Damaskus"}},
}

func TestPlacesGNGoldResolve(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole built-in KB")
	}
	k, err := Load(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*Entity{}
	for _, e := range readPlacesGN(t) {
		got, ok := k.Entity(e.ID)
		if !ok {
			t.Errorf("%s (%s) missing after load", e.ID, e.Name)
			continue
		}
		if got.Name != e.Name {
			t.Errorf("%s: name %q after load, want the curated %q", e.ID, got.Name, e.Name)
		}
		if strings.HasPrefix(e.ID, "gn:") && k.LayerOf(e.ID)&LayerGenerated == 0 {
			t.Errorf("%s (%s): not merged with the generated place", e.ID, e.Name)
		}
		byName[e.Name] = got
	}
	m := NewMatcher(k, testLists(), DefaultConfig())
	for _, g := range goldPlaces {
		e, ok := byName[g.name]
		if !ok {
			t.Errorf("gold place %q has no curated entry", g.name)
			continue
		}
		for _, s := range append([]string{g.name}, g.surfaces...) {
			if !hasAlias(*e, s) {
				t.Errorf("%q is not a name of %s (%s)", s, e.ID, e.Name)
			}
			if isAmbiguous(*e, textnorm.Key(s)) {
				continue // counts only with support in the document
			}
			lang, script := "en", "Latn"
			if strings.ContainsFunc(s, isArabicLetter) {
				lang, script = "ar", "Arab"
			}
			text := s + " ."
			ms := m.Mentions(text, []doc.Segment{{Start: 0, End: len(text), Lang: lang, Script: script}})
			if len(ms) == 0 || ms[0].Entity == nil || *ms[0].Entity != e.ID {
				t.Errorf("%q: want %s (%s), got %s", s, e.ID, e.Name, dump(ms))
			}
		}
	}
}
