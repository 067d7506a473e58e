package importer

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/kb"
)

// Rows in the layout of allCountries.txt and alternateNamesV2.txt.
const (
	hasakahRow  = "173811\tAl Ḩasakah\tAl Hasakah\tHasaka,Hasakeh,الحسكة,El Haseke,HSK,bghdad\t36.50237\t40.74772\tP\tPPLA\tSY\t\t01\t\t\t\t188160\t\t300\tAsia/Damascus\t2023-01-01"
	damascusRow = "170654\tDamascus\tDamascus\tDamasco,Dimashq,دمشق\t33.5102\t36.29128\tP\tPPLC\tSY\t\t13\t\t\t\t1569394\t\t692\tAsia/Damascus\t2023-01-01"
	syriaRow    = "163843\tSyria\tSyria\tSyrie,سوريا\t35\t38\tA\tPCLI\tSY\t\t00\t\t\t\t22933531\t\t396\tAsia/Damascus\t2023-01-01"
	prisonRow   = "9999999\tGhuwayran Prison\tGhuwayran Prison\t\t36.47\t40.75\tS\tPRN\tSY\t\t01\t\t\t\t0\t\t300\tAsia/Damascus\t2023-01-01"
	villageRow  = "1234567\tTiny\tTiny\t\t36\t40\tP\tPPL\tSY\t\t01\t\t\t\t12\t\t300\tAsia/Damascus\t2023-01-01"
	nycRow      = "5128581\tNew York City\tNew York City\tNew York\t40.71427\t-74.00597\tP\tPPL\tUS\t\tNY\t\t\t\t8804190\t10\t57\tAmerica/New_York\t2023-01-01"
)

const altNames = `1\t173811\tar\tالحسكة\t1\t\t\t\t\t
2\t173811\ten\tAl-Hasakah\t1\t\t\t\t\t
3\t173811\tnl\tAl-Hasakah\t\t\t\t\t\t
4\t173811\tfr\tHassaké\t\t\t\t\t\t
5\t173811\tja\tハサカ\t\t\t\t\t\t
6\t173811\twkdt\tQ1990\t\t\t\t\t\t
7\t173811\tlink\thttps://en.wikipedia.org/wiki/Al-Hasakah\t\t\t\t\t\t
8\t173811\ten\tOld Hasaka\t\t\t\t1\t\t
9\t173811\tiata\tKAC\t\t\t\t\t\t
10\t170654\tar\tدمشق\t1\t\t\t\t\t
11\t170654\tar\tالشام\t\t\t1\t\t\t
12\t170654\ttr\tŞam\t\t\t\t\t\t
13\t170654\t\tEsh Sham\t\t\t\t\t\t
14\t999\ten\tNowhere\t\t\t\t\t\t
15\t170654\tnl\tDamascus
`

func fp(v float64) *float64 { return &v }

func importAll(t *testing.T, geo string, alt *string, opts Options) []kb.Entity {
	t.Helper()
	var altR *strings.Reader
	if alt != nil {
		altR = strings.NewReader(strings.ReplaceAll(*alt, `\t`, "\t"))
	}
	var buf bytes.Buffer
	var err error
	if altR == nil {
		err = ImportGeoNames(context.Background(), strings.NewReader(geo), nil, &buf, opts)
	} else {
		err = ImportGeoNames(context.Background(), strings.NewReader(geo), altR, &buf, opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []kb.Entity
	if err := kb.ReadCompact(&buf, func(e kb.Entity) error {
		out = append(out, e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestImportGeoNames(t *testing.T) {
	geo := strings.Join([]string{hasakahRow, damascusRow, syriaRow, prisonRow, villageRow, nycRow}, "\n") + "\n"
	alt := altNames
	hasakah := kb.Entity{
		ID: "gn:173811", Type: kb.GPE, Name: "Al Ḩasakah", Lat: fp(36.50237), Lon: fp(40.74772),
		Country: "SY", Population: 188160, Feature: "PPLA", PartOf: "iso:SY", Wikidata: "Q1990",
		// Preferred tagged names first; the historic name, the link, the
		// IATA code, the Japanese name, HSK and bghdad are dropped.
		Aliases: map[string][]string{
			"ar":  {"الحسكة"},
			"en":  {"Al-Hasakah"},
			"fr":  {"Hassaké"},
			"und": {"Al Hasakah", "Hasaka", "Hasakeh", "El Haseke"},
		},
	}
	damascus := kb.Entity{
		ID: "gn:170654", Type: kb.GPE, Name: "Damascus", Lat: fp(33.5102), Lon: fp(36.29128),
		Country: "SY", Population: 1569394, Feature: "PPLC", PartOf: "iso:SY",
		// الشام is colloquial: dropped.
		Aliases: map[string][]string{
			"ar":  {"دمشق"},
			"tr":  {"Şam"},
			"und": {"Esh Sham", "Damasco", "Dimashq"},
		},
	}
	tests := []struct {
		name string
		alt  *string
		opts Options
		want []kb.Entity
	}{
		{
			name: "populated places with alternate names",
			alt:  &alt,
			opts: Options{MinPopulation: 100, Countries: []string{"SY"}},
			want: []kb.Entity{hasakah, damascus},
		},
		{
			name: "spots too, tagged names only, no alternate-names file",
			opts: Options{FeatureClasses: "PS", NoUntagged: true, Countries: []string{"SY"}},
			want: []kb.Entity{
				{ID: "gn:173811", Type: kb.GPE, Name: "Al Ḩasakah", Lat: fp(36.50237), Lon: fp(40.74772), Country: "SY", Population: 188160, Feature: "PPLA", PartOf: "iso:SY"},
				{ID: "gn:170654", Type: kb.GPE, Name: "Damascus", Lat: fp(33.5102), Lon: fp(36.29128), Country: "SY", Population: 1569394, Feature: "PPLC", PartOf: "iso:SY"},
				{ID: "gn:9999999", Type: kb.Loc, Name: "Ghuwayran Prison", Lat: fp(36.47), Lon: fp(40.75), Country: "SY", Feature: "PRN", PartOf: "iso:SY"},
				{ID: "gn:1234567", Type: kb.GPE, Name: "Tiny", Lat: fp(36), Lon: fp(40), Country: "SY", Population: 12, Feature: "PPL", PartOf: "iso:SY"},
			},
		},
		{
			name: "languages restricted",
			alt:  &alt,
			opts: Options{Languages: []string{"ar"}, MinPopulation: 1000000, NoUntagged: true},
			want: []kb.Entity{
				{ID: "gn:170654", Type: kb.GPE, Name: "Damascus", Lat: fp(33.5102), Lon: fp(36.29128), Country: "SY", Population: 1569394, Feature: "PPLC", PartOf: "iso:SY", Aliases: map[string][]string{"ar": {"دمشق"}}},
				{ID: "gn:5128581", Type: kb.GPE, Name: "New York City", Lat: fp(40.71427), Lon: fp(-74.00597), Country: "US", Population: 8804190, Feature: "PPL", PartOf: "iso:US"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := importAll(t, geo, tt.alt, tt.opts)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %d entities:\n%#v\nwant %d:\n%#v", len(got), got, len(tt.want), tt.want)
			}
		})
	}
}

func TestImportGeoNamesErrors(t *testing.T) {
	var buf bytes.Buffer
	err := ImportGeoNames(context.Background(), strings.NewReader(damascusRow+"\nbroken\n"), nil, &buf, Options{})
	if err == nil || !strings.Contains(err.Error(), "geonames line 2") {
		t.Errorf("got %v, want an error naming geonames line 2", err)
	}
	err = ImportGeoNames(context.Background(), strings.NewReader(damascusRow), strings.NewReader("1\tx\tar\tdمشق\n"), &buf, Options{})
	if err == nil || !strings.Contains(err.Error(), "alternate names line 1") {
		t.Errorf("got %v, want an error naming alternate names line 1", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = ImportGeoNames(ctx, strings.NewReader(strings.Repeat(damascusRow+"\n", checkEvery+1)), nil, &buf, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		" Hasaka ":     "Hasaka",
		"DAM":          "",
		"OSDI":         "",
		"12345":        "",
		"http://x.org": "",
		"bghdad":       "",
		"Sam":          "",
		"صور":          "صور",
		"大马士革":         "",
		"bەghdad":      "",
		"A, B":         "",
		"Al-Ḩasakah":   "Al-Ḩasakah",
		"Дамаск":       "Дамаск",
	} {
		if got := CleanName(in, true); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := CleanName("Ur", false); got != "Ur" {
		t.Errorf("a tagged name was dropped: %q", got)
	}
}

// FuzzParseGeoname checks the row parsers never panic and that what they
// accept can be written as a compact layer.
func FuzzParseGeoname(f *testing.F) {
	f.Add(hasakahRow)
	f.Add(syriaRow)
	f.Add("1\t173811\tar\tالحسكة\t1\t\t\t\t\t")
	f.Add("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t")
	f.Fuzz(func(t *testing.T, line string) {
		if g, err := ParseGeoname(line); err == nil {
			e := g.Entity
			e.Aliases = aliasesFor(g, nil, false)
			if err := kb.WriteCompact(&bytes.Buffer{}, []kb.Entity{e}); err != nil {
				t.Fatalf("accepted row %q makes an unwritable entity: %v", line, err)
			}
		}
		if a, err := ParseAlternateName(line); err == nil && a.GeonameID == "" {
			t.Fatalf("accepted %q without a geonameid", line)
		}
	})
}
