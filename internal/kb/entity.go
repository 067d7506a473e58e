// Package kb is claimtrace's knowledge base: entities (people, organisations,
// states, places, facilities, outlets) with their names in many languages and
// scripts, coordinates and links, and the matcher that finds them in text.
//
// Entities live in plain files a person can read and extend:
//
//   - YAML files (*.yaml, *.yml) holding a list of entities, for curated
//     layers written by people (data/curated/*.yaml, users' --kb DIR);
//   - the compact format (*.tsv.gz) for layers generated from data
//     packages (data/generated/*.tsv.gz, rebuilt by gen/ through
//     `go generate ./internal/kb`, never edited by hand) and by the GeoNames
//     importer; read with ReadCompact, written with WriteCompact.
//
// The compact format is gzip-compressed UTF-8 text, one entity a line,
// fields separated by a tab:
//
//	id type name lat lon country population feature part_of wikidata [aliases [adjectives [ambiguous [described_by]]]]
//
// The first ten fields are always present (empty when unknown; lat and lon
// are both set or both empty; population is a decimal integer); the four
// trailing ones may be left off when empty. aliases and adjectives are
// language groups "lang=name1|name2;lang2=name3" (language tags are letters,
// digits, '-' and '_'; languages sorted); ambiguous and described_by are
// lists "a|b". In every text field a backslash escapes the separators:
// `\\`, `\|`, `\;`, `\t`, `\n`, `\r` (names never contain tabs or newlines in
// practice, so escapes are rare and the reader's fast path never sees one).
// Lines that are empty or start with '#' are comments; WriteCompact begins
// with a '#' line naming the columns.
//
// Both decode into Entity. Layers are merged in load order: built-in
// generated, built-in curated, then user files; an entity whose ID already
// exists extends it (more aliases) rather than replacing it.
package kb

// Entity types, as in the claimtrace/v1 contract.
const (
	Person   = "PERSON"
	Org      = "ORG"
	GPE      = "GPE"
	Loc      = "LOC"
	Facility = "FACILITY"
	Outlet   = "OUTLET"
)

// Entity is one thing the knowledge base knows by name.
type Entity struct {
	// ID is stable and readable: "gn:173811" for a GeoNames place,
	// "iso:SY" for a country, "ct:isis" for a curated entity.
	ID   string `json:"id" yaml:"id"`
	Type string `json:"type" yaml:"type"`
	// Name is the canonical name (English Wikipedia title where one exists).
	Name string `json:"name" yaml:"name"`
	// Aliases are names per language tag ("en", "ar", "nl", "und" for
	// names whose language the data does not say, "ar-Latn" for
	// transliterations); the canonical name need not be repeated.
	Aliases map[string][]string `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	// Adjectives are demonyms and adjectives that name the entity as an
	// actor ("Syrian", "Syrische", "السوري"), per language.
	Adjectives map[string][]string `json:"adjectives,omitempty" yaml:"adjectives,omitempty"`
	Lat        *float64            `json:"lat,omitempty" yaml:"lat,omitempty"`
	Lon        *float64            `json:"lon,omitempty" yaml:"lon,omitempty"`
	Wikidata   string              `json:"wikidata,omitempty" yaml:"wikidata,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the country the entity
	// belongs to or lies in, if any.
	Country string `json:"country,omitempty" yaml:"country,omitempty"`
	// PartOf is the ID of a containing entity (a city's country, an
	// armed wing's organisation).
	PartOf string `json:"part_of,omitempty" yaml:"part_of,omitempty"`
	// DescribedBy holds context phrases ("US-backed", "Kurdish-led").
	DescribedBy []string `json:"described_by,omitempty" yaml:"described_by,omitempty"`
	// Population ranks places of the same name (Tripoli, Lebanon vs Libya).
	Population int `json:"population,omitempty" yaml:"population,omitempty"`
	// Feature is the GeoNames feature code for places (PPLA, PPLC, …).
	Feature string `json:"feature,omitempty" yaml:"feature,omitempty"`
	// Ambiguous names (aliases that are also common words in some
	// language, like "IS" or "VS") that only count with supporting context.
	Ambiguous []string `json:"ambiguous,omitempty" yaml:"ambiguous,omitempty"`
}
