package main

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/kb"
)

// buildMO writes a little- or big-endian .mo catalogue (header entry
// included, as msgfmt writes it).
func buildMO(t testing.TB, bo binary.ByteOrder, m map[string]string) []byte {
	t.Helper()
	ids := []string{""}
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	tr := func(id string) string {
		if id == "" {
			return "Content-Type: text/plain; charset=UTF-8\n"
		}
		return m[id]
	}
	n := len(ids)
	origTab := 28
	transTab := origTab + 8*n
	data := transTab + 8*n
	var head, strs bytes.Buffer
	u32 := func(b *bytes.Buffer, v int) { _ = binary.Write(b, bo, uint32(v)) }
	u32(&head, 0x950412de)
	u32(&head, 0)
	u32(&head, n)
	u32(&head, origTab)
	u32(&head, transTab)
	u32(&head, 0) // hash table size
	u32(&head, 0)
	var origs, trans bytes.Buffer
	for _, id := range ids {
		u32(&origs, len(id))
		u32(&origs, data+strs.Len())
		strs.WriteString(id + "\x00")
	}
	for _, id := range ids {
		u32(&trans, len(tr(id)))
		u32(&trans, data+strs.Len())
		strs.WriteString(tr(id) + "\x00")
	}
	return slices.Concat(head.Bytes(), origs.Bytes(), trans.Bytes(), strs.Bytes())
}

// fixture copies testdata/src into a temporary directory and adds the
// gettext catalogues the packages ship.
func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/src")); err != nil {
		t.Fatal(err)
	}
	write := func(path string, m map[string]string) {
		path = filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buildMO(t, binary.LittleEndian, m), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loc := "libgeonames-common/usr/share/locale/"
	write(loc+"ar/LC_MESSAGES/geonames.mo", map[string]string{"170654": "دمشق", "173811": "الحسكة"})
	write(loc+"en/LC_MESSAGES/geonames.mo", map[string]string{"173811": "Al-Hasakah"})
	write(loc+"nl/LC_MESSAGES/geonames.mo", map[string]string{"170654": "Damascus", "5128581": "New York"})
	write(loc+"de/LC_MESSAGES/geonames.mo", map[string]string{"170654": "Damaskus"})
	iso := "iso-codes/usr/share/locale/"
	write(iso+"ckb/LC_MESSAGES/iso_3166-1.mo", map[string]string{"Syria": "سووریا"})
	write(iso+"de/LC_MESSAGES/iso_3166-1.mo", map[string]string{"Syrian Arab Republic": "Syrien, Arabische Republik", "Syria": "Syrien"})
	return dir
}

func readLayer(t *testing.T, path string) map[string]kb.Entity {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]kb.Entity{}
	if err := kb.ReadCompact(f, func(e kb.Entity) error {
		out[e.ID] = e
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func fp(v float64) *float64 { return &v }

func TestRunFixture(t *testing.T) {
	src := fixture(t)
	out := t.TempDir()
	if err := run(src, out, io.Discard); err != nil {
		t.Fatal(err)
	}
	places := readLayer(t, filepath.Join(out, "places.tsv.gz"))
	want := map[string]kb.Entity{
		"gn:170654": {
			ID: "gn:170654", Type: kb.GPE, Name: "Damascus", Lat: fp(33.5102), Lon: fp(36.29128),
			Country: "SY", Population: 1569394, Feature: "PPLC", PartOf: "iso:SY",
			// DAM (code), bghdad (machine romanisation), Sam (short), the
			// URL, the number and the Chinese name are dropped; the
			// Arabic name is tagged by the catalogue, so not repeated.
			Aliases: map[string][]string{"ar": {"دمشق"}, "de": {"Damaskus"}, "und": {"Damasco", "Dimashq", "Дамаск"}},
		},
		"gn:173811": {
			ID: "gn:173811", Type: kb.GPE, Name: "Al-Hasakah", Lat: fp(36.50237), Lon: fp(40.74772),
			Country: "SY", Population: 188160, Feature: "PPLA", PartOf: "iso:SY",
			Aliases: map[string][]string{"ar": {"الحسكة"}, "und": {"Al Ḩasakah", "Al Hasakah", "Hasaka", "Hasakeh", "El Haseke"}},
		},
		"gn:5128581": {
			ID: "gn:5128581", Type: kb.GPE, Name: "New York City", Lat: fp(40.71427), Lon: fp(-74.00597),
			Country: "US", Population: 8804190, Feature: "PPL", PartOf: "iso:US",
			Aliases: map[string][]string{"nl": {"New York"}, "und": {"Nueva York", "Нью-Йорк"}},
		},
		"gn:4140963": {
			ID: "gn:4140963", Type: kb.GPE, Name: "Washington", Lat: fp(38.89511), Lon: fp(-77.03637),
			Country: "US", Population: 689545, Feature: "PPLC", PartOf: "iso:US",
			Aliases: map[string][]string{"und": {"Washington D.C."}},
		},
	}
	if !reflect.DeepEqual(places, want) {
		for id, w := range want {
			if g := places[id]; !reflect.DeepEqual(g, w) {
				t.Errorf("%s:\n got %#v\nwant %#v", id, g, w)
			}
		}
		if len(places) != len(want) {
			t.Errorf("%d places, want %d", len(places), len(want))
		}
	}

	countries := readLayer(t, filepath.Join(out, "countries.tsv.gz"))
	if len(countries) != 3 {
		t.Fatalf("%d countries, want 3", len(countries))
	}
	sy := countries["iso:SY"]
	if sy.Name != "Syria" || sy.Type != kb.GPE || sy.Wikidata != "Q858" || sy.Country != "SY" ||
		sy.Lat == nil || *sy.Lat != 33.5102 {
		t.Errorf("iso:SY = %+v", sy)
	}
	for lang, names := range map[string][]string{
		"en":  {"Syrian Arab Republic"},
		"ar":  {"سوريا", "سورية"},
		"nl":  {"Syrische Arabische Republiek", "Syrië"},
		"de":  {"Syrien"},
		"ckb": {"سووریا"},
	} {
		for _, n := range names {
			if !slices.Contains(sy.Aliases[lang], n) {
				t.Errorf("iso:SY aliases[%s] = %q, missing %q", lang, sy.Aliases[lang], n)
			}
		}
	}
	if slices.Contains(sy.Aliases["de"], "Syrien, Arabische Republik") {
		t.Error("inverted official name kept")
	}
	for lang, forms := range map[string][]string{
		"en": {"Syrian"}, "nl": {"Syrisch", "Syrische"}, "ar": {"سوري", "السوري", "السورية"},
		"de": {"syrisch", "syrischen"}, "ru": {"сирийский", "сирийских"}, "fr": {"syrienne"},
	} {
		for _, f := range forms {
			if !slices.Contains(sy.Adjectives[lang], f) {
				t.Errorf("iso:SY adjectives[%s] = %q, missing %q", lang, sy.Adjectives[lang], f)
			}
		}
	}
	us := countries["iso:US"]
	if us.Name != "United States" || *us.Lat != 38.89511 {
		t.Errorf("iso:US = %+v", us)
	}
	if !slices.Contains(us.Ambiguous, "US") || !slices.Contains(us.Ambiguous, "VS") {
		t.Errorf("iso:US ambiguous = %q, want US and VS", us.Ambiguous)
	}
	if !slices.Contains(us.Adjectives["ar"], "الأميركية") || !slices.Contains(us.Adjectives["nl"], "Amerikaanse") {
		t.Errorf("iso:US adjectives = %v", us.Adjectives)
	}
	nl := countries["iso:NL"]
	if nl.Name != "Netherlands" || nl.Lat != nil {
		t.Errorf("iso:NL = %+v (no capital in the fixture: no coordinates)", nl)
	}
	if !slices.Contains(nl.Aliases["en"], "The Netherlands") || slices.ContainsFunc(nl.Aliases["en"], func(s string) bool { return strings.Contains(s, "(") }) {
		t.Errorf("iso:NL aliases[en] = %q", nl.Aliases["en"])
	}
}

func TestRunRejects(t *testing.T) {
	if err := run("", t.TempDir(), io.Discard); err == nil {
		t.Error("no error without -src")
	}
	src := fixture(t)
	if err := os.WriteFile(filepath.Join(src, "i18n-iso-countries", "package.json"), []byte(`{"name":"i18n-iso-countries","version":"7.15.0"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(src, t.TempDir(), io.Discard); err == nil || !strings.Contains(err.Error(), "7.15.0") {
		t.Errorf("got %v, want a version error", err)
	}
}

func TestParseMO(t *testing.T) {
	m := map[string]string{"1": "een", "22": "twee\x00twees"}
	for _, bo := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		b := buildMO(t, bo, m)
		if bo == binary.BigEndian {
			binary.BigEndian.PutUint32(b, 0x950412de)
		}
		got, err := parseMO(b)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]string{"1": "een", "22": "twee"}; !reflect.DeepEqual(got, want) {
			t.Errorf("%v: got %v, want %v", bo, got, want)
		}
	}
	good := buildMO(t, binary.LittleEndian, m)
	for name, b := range map[string][]byte{
		"short":  good[:10],
		"magic":  append([]byte{1, 2, 3, 4}, good[4:]...),
		"bounds": good[:40],
	} {
		if _, err := parseMO(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestInflect(t *testing.T) {
	tests := []struct {
		lang, form string
		want       []string
	}{
		{"ar", "سوري", []string{"سوري", "السوري", "سورية", "السورية", "سوريون", "السوريون", "سوريين", "السوريين"}},
		{"ar", "روس", []string{"روس", "الروس"}},
		{"de", "syrisch", []string{"syrisch", "syrische", "syrischen", "syrischer", "syrisches", "syrischem"}},
		{"ru", "турецкий", []string{"турецкий", "турецкая", "турецкое", "турецкие", "турецкого", "турецкому", "турецким", "турецком", "турецкой", "турецкую", "турецких", "турецкими"}},
		{"fr", "syrien", []string{"syrien", "syrienne", "syriens", "syriennes"}},
		{"fr", "français", []string{"français", "française", "françaises"}},
		{"fr", "russe", []string{"russe", "russes"}},
		{"es", "libanés", []string{"libanés", "libanesa", "libaneses", "libanesas"}},
		{"es", "iraní", []string{"iraní", "iraníes"}},
		{"it", "siriano", []string{"siriano", "siriana", "siriani", "siriane"}},
		{"it", "francese", []string{"francese", "francesi"}},
		{"nl", "Syrische", []string{"Syrische"}},
	}
	for _, tt := range tests {
		got := inflect(tt.lang, tt.form)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("inflect(%s, %s) = %q, missing %q", tt.lang, tt.form, got, w)
			}
		}
		if tt.lang != "ar" && len(got) != len(tt.want) {
			t.Errorf("inflect(%s, %s) = %q, want %q", tt.lang, tt.form, got, tt.want)
		}
	}
	// Hamza-less variants.
	if got := inflect("ar", "أميركي"); !slices.Contains(got, "الاميركية") {
		t.Errorf("inflect(ar, أميركي) = %q, missing الاميركية", got)
	}
}

// TestHandData checks the embedded hand-written files parse and name real
// countries (the full run checks the codes against codes.json).
func TestHandData(t *testing.T) {
	x, err := parseCountriesTSV(countriesTSV)
	if err != nil {
		t.Fatal(err)
	}
	if x["SY"].wikidata != "Q858" || x["GB"].name != "United Kingdom" {
		t.Errorf("countries.tsv: SY %+v, GB %+v", x["SY"], x["GB"])
	}
	adj, amb, err := parseDemonyms(demonymsTSV)
	if err != nil {
		t.Fatal(err)
	}
	if len(adj) < 40 {
		t.Errorf("demonyms for %d countries, want at least 40", len(adj))
	}
	for _, cc := range []string{"SY", "US", "RU", "IR", "TR", "IL", "IQ", "UA", "NL", "GB", "FR", "DE"} {
		for _, lang := range []string{"en", "nl", "ar", "fr", "de", "es", "ru", "tr", "fa"} {
			if len(adj[cc][lang]) == 0 {
				t.Errorf("no %s demonym for %s", lang, cc)
			}
		}
	}
	if !slices.Contains(amb["PL"], "Pools") {
		t.Errorf("Dutch Pools not marked ambiguous: %q", amb["PL"])
	}
}
