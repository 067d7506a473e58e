package main

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/kb/importer"
)

// countriesTSV holds hand-written facts the packages lack: the canonical
// short English name where the packages only have an official or inverted
// one, Wikidata ids, and extra aliases.
//
//go:embed countries.tsv
var countriesTSV string

// demonymsTSV holds adjectives and demonyms naming a state as an actor.
//
//go:embed demonyms.tsv
var demonymsTSV string

// commonWords are aliases that are also frequent words once case is folded
// ("US" / "us"); they are marked ambiguous so the matcher wants context.
var commonWords = map[string]bool{"us": true, "is": true, "it": true, "in": true, "de": true, "la": true, "el": true, "al": true}

// countryExtra is one line of countries.tsv.
type countryExtra struct {
	wikidata, name string
	aliases        map[string][]string
	ambiguous      []string
}

// isoCodesCountry is one entry of iso-codes' iso_3166-1.json.
type isoCodesCountry struct {
	Alpha2       string `json:"alpha_2"`
	Name         string `json:"name"`
	CommonName   string `json:"common_name"`
	OfficialName string `json:"official_name"`
}

// buildCountries returns one entity per ISO 3166-1 country, in codes.json
// order.
func buildCountries(src string, capitals map[string]capital, logw io.Writer) ([]kb.Entity, error) {
	dir := filepath.Join(src, "i18n-iso-countries")
	if err := checkVersion(dir, countriesVersion); err != nil {
		return nil, err
	}
	var codes [][]string
	if err := readJSON(filepath.Join(dir, "codes.json"), &codes); err != nil {
		return nil, err
	}
	// names[lang][CC] lists the package's names, official one first.
	names := map[string]map[string][]string{}
	for _, lang := range langs {
		var f struct {
			Countries map[string]json.RawMessage `json:"countries"`
		}
		path := filepath.Join(dir, "langs", lang+".json")
		err := readJSON(path, &f)
		if errors.Is(err, os.ErrNotExist) {
			continue // ckb: not in the package; iso-codes has it
		}
		if err != nil {
			return nil, err
		}
		names[lang] = map[string][]string{}
		for cc, raw := range f.Countries {
			var list []string
			if err := json.Unmarshal(raw, &list); err != nil {
				var one string
				if err := json.Unmarshal(raw, &one); err != nil {
					return nil, fmt.Errorf("%s: %s: neither a name nor a list", path, cc)
				}
				list = []string{one}
			}
			names[lang][cc] = list
		}
	}
	iso, err := readISOCodes(filepath.Join(src, "iso-codes"))
	if err != nil {
		return nil, err
	}
	extras, err := parseCountriesTSV(countriesTSV)
	if err != nil {
		return nil, err
	}
	adjectives, adjAmbiguous, err := parseDemonyms(demonymsTSV)
	if err != nil {
		return nil, err
	}

	var out []kb.Entity
	for _, row := range codes {
		if len(row) < 2 || len(row[0]) != 2 {
			return nil, fmt.Errorf("codes.json: bad row %q", row)
		}
		cc := row[0]
		x := extras[cc]
		e := kb.Entity{
			ID:         "iso:" + cc,
			Type:       kb.GPE,
			Name:       canonicalCountryName(x.name, iso.countries[cc], names["en"][cc]),
			Country:    cc,
			Wikidata:   x.wikidata,
			Adjectives: adjectives[cc],
			Ambiguous:  append(slices.Clone(x.ambiguous), adjAmbiguous[cc]...),
		}
		if e.Name == "" {
			return nil, fmt.Errorf("country %s has no English name", cc)
		}
		if c, ok := capitals[cc]; ok {
			e.Lat, e.Lon = &c.lat, &c.lon
		}
		a := newLangAliasSet("en", e.Name)
		for _, lang := range langs {
			for _, n := range names[lang][cc] {
				a.add(lang, n)
			}
			for _, n := range iso.names(lang, cc) {
				a.add(lang, n)
			}
			for _, n := range x.aliases[lang] {
				a.add(lang, n)
			}
		}
		e.Aliases = a.m
		out = append(out, e)
	}
	// Hand-written lines for codes the package lacks are reported, not
	// fatal, so a small fixture can run with the full hand files.
	handCodes := slices.Concat(slices.Collect(maps.Keys(extras)), slices.Collect(maps.Keys(adjectives)))
	slices.Sort(handCodes)
	for _, cc := range slices.Compact(handCodes) {
		if !slices.ContainsFunc(codes, func(r []string) bool { return r[0] == cc }) {
			fmt.Fprintf(logw, "warning: countries.tsv/demonyms.tsv: %s is not in codes.json\n", cc)
		}
	}
	markAmbiguous(out)
	return out, nil
}

// markAmbiguous flags aliases two countries share in one language ("Congo"
// for both Congos, "Korea") and aliases that are common words.
func markAmbiguous(es []kb.Entity) {
	owners := map[string]int{}
	for _, e := range es {
		for lang, ns := range e.Aliases {
			for _, n := range ns {
				owners[lang+"\x00"+strings.ToLower(n)]++
			}
		}
	}
	for i := range es {
		e := &es[i]
		for _, lang := range slices.Sorted(maps.Keys(e.Aliases)) {
			for _, n := range e.Aliases[lang] {
				lower := strings.ToLower(n)
				if (owners[lang+"\x00"+lower] > 1 || commonWords[lower]) && !slices.Contains(e.Ambiguous, n) {
					e.Ambiguous = append(e.Ambiguous, n)
				}
			}
		}
		if len(e.Ambiguous) == 0 {
			e.Ambiguous = nil
		}
	}
}

// canonicalCountryName picks the common short English name: the hand
// override, else iso-codes' common_name ("Syria", "Iran"), else the
// shortest plain name of i18n-iso-countries ("Russia", "Turkey") that is
// not an abbreviation or an inverted/parenthesised form.
func canonicalCountryName(override string, iso isoCodesCountry, en []string) string {
	if override != "" {
		return override
	}
	if iso.CommonName != "" {
		return iso.CommonName
	}
	best := ""
	for _, n := range append(slices.Clone(en), iso.Name) {
		if n == "" || strings.ContainsAny(n, ",()") || !strings.ContainsFunc(n, unicode.IsLower) {
			continue
		}
		if best == "" || len([]rune(n)) < len([]rune(best)) {
			best = n
		}
	}
	if best == "" && len(en) > 0 {
		best = en[0]
	}
	return best
}

// isoCodes holds iso-codes' country list and its translations.
type isoCodes struct {
	countries map[string]isoCodesCountry
	// tr[lang] maps an English name to its translation.
	tr map[string]map[string]string
}

// names returns the translations of a country's name, common name and
// official name in lang ("en": the English names themselves).
func (ic *isoCodes) names(lang, cc string) []string {
	c, ok := ic.countries[cc]
	if !ok {
		return nil
	}
	var out []string
	for _, n := range []string{c.CommonName, c.Name, c.OfficialName} {
		if n == "" {
			continue
		}
		if lang != "en" {
			n = ic.tr[lang][n]
		}
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// readISOCodes reads Debian iso-codes unpacked under dir.
func readISOCodes(dir string) (*isoCodes, error) {
	var f struct {
		Countries []isoCodesCountry `json:"3166-1"`
	}
	if err := readJSON(filepath.Join(dir, "usr", "share", "iso-codes", "json", "iso_3166-1.json"), &f); err != nil {
		return nil, fmt.Errorf("iso-codes: %w", err)
	}
	ic := &isoCodes{countries: map[string]isoCodesCountry{}, tr: map[string]map[string]string{}}
	for _, c := range f.Countries {
		ic.countries[c.Alpha2] = c
	}
	for _, lang := range langs {
		m, err := readMO(filepath.Join(dir, "usr", "share", "locale", lang, "LC_MESSAGES", "iso_3166-1.mo"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("iso-codes: %w", err)
		}
		ic.tr[lang] = m
	}
	return ic, nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// langAliasSet collects names per language, dropping duplicates within a
// language (case-insensitively) and unusable forms. Unlike places, a
// country keeps the same spelling under several languages, so that the
// matcher knows "Iran" is Dutch and German too.
type langAliasSet struct {
	seen map[string]bool
	m    map[string][]string
}

func newLangAliasSet(lang, canonical string) *langAliasSet {
	return &langAliasSet{seen: map[string]bool{lang + "\x00" + strings.ToLower(canonical): true}, m: map[string][]string{}}
}

// add keeps a name as written, except that inverted official forms
// ("Iran, Islamic Republic of") are dropped and a parenthesised
// qualifier is cut ("Holy See (Vatican City State)" → "Holy See").
func (a *langAliasSet) add(lang, name string) {
	if i := strings.Index(name, " ("); i > 0 {
		name = name[:i]
	}
	name = strings.TrimSpace(name)
	if name == "" || strings.ContainsAny(name, ",،()\t\n|;\\") || len(name) > importer.MaxNameBytes {
		return
	}
	key := lang + "\x00" + strings.ToLower(name)
	if a.seen[key] {
		return
	}
	a.seen[key] = true
	a.m[lang] = append(a.m[lang], name)
}

// parseCountriesTSV reads countries.tsv: CC, Wikidata id, canonical name
// override, extra aliases as "lang=a|b;lang2=c" (a name starting with '?'
// is also marked ambiguous). Empty fields are allowed.
func parseCountriesTSV(s string) (map[string]countryExtra, error) {
	out := map[string]countryExtra{}
	err := eachDataLine(s, func(n int, f []string) error {
		if len(f) < 2 || len(f) > 4 || len(f[0]) != 2 {
			return fmt.Errorf("countries.tsv:%d: want CC, wikidata[, name[, aliases]]", n)
		}
		x := countryExtra{wikidata: f[1], aliases: map[string][]string{}}
		if x.wikidata != "" && !strings.HasPrefix(x.wikidata, "Q") {
			return fmt.Errorf("countries.tsv:%d: bad Wikidata id %q", n, x.wikidata)
		}
		if len(f) > 2 {
			x.name = f[2]
		}
		if len(f) > 3 && f[3] != "" {
			for group := range strings.SplitSeq(f[3], ";") {
				lang, list, ok := strings.Cut(group, "=")
				if !ok || !slices.Contains(langs, lang) {
					return fmt.Errorf("countries.tsv:%d: bad alias group %q", n, group)
				}
				for name := range strings.SplitSeq(list, "|") {
					if amb, ok := strings.CutPrefix(name, "?"); ok {
						name = amb
						x.ambiguous = append(x.ambiguous, name)
					}
					x.aliases[lang] = append(x.aliases[lang], name)
				}
			}
		}
		if _, dup := out[f[0]]; dup {
			return fmt.Errorf("countries.tsv:%d: %s twice", n, f[0])
		}
		out[f[0]] = x
		return nil
	})
	return out, err
}

// parseDemonyms reads demonyms.tsv: CC, lang, forms separated by '|'.
// Regular inflections are generated (see inflect); a form starting with
// '=' is kept as written, one starting with '?' is also marked ambiguous
// (a common word in some language: Dutch "Pools", English "Polish").
func parseDemonyms(s string) (adj map[string]map[string][]string, ambiguous map[string][]string, err error) {
	adj = map[string]map[string][]string{}
	ambiguous = map[string][]string{}
	err = eachDataLine(s, func(n int, f []string) error {
		if len(f) != 3 || len(f[0]) != 2 || !slices.Contains(langs, f[1]) || f[2] == "" {
			return fmt.Errorf("demonyms.tsv:%d: want CC, language, forms", n)
		}
		cc, lang := f[0], f[1]
		if adj[cc] == nil {
			adj[cc] = map[string][]string{}
		}
		for form := range strings.SplitSeq(f[2], "|") {
			amb := false
			if rest, ok := strings.CutPrefix(form, "?"); ok {
				form, amb = rest, true
			}
			forms := []string{form}
			if rest, ok := strings.CutPrefix(form, "="); ok {
				forms = []string{rest}
			} else {
				forms = inflect(lang, form)
			}
			for _, x := range forms {
				if x == "" || strings.ContainsAny(x, "|;\\=?") {
					return fmt.Errorf("demonyms.tsv:%d: bad form %q", n, x)
				}
				if !slices.Contains(adj[cc][lang], x) {
					adj[cc][lang] = append(adj[cc][lang], x)
				}
				if amb && !slices.Contains(ambiguous[cc], x) {
					ambiguous[cc] = append(ambiguous[cc], x)
				}
			}
		}
		return nil
	})
	return adj, ambiguous, err
}

// eachDataLine calls fn with the tab-separated fields of every line that is
// not empty or a '#' comment.
func eachDataLine(s string, fn func(n int, fields []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(s))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("data file: %w", err)
	}
	return nil
}

// Arabic letters the inflections use.
const (
	arAl       = "ال"
	arYa       = "ي"
	arTaMarbut = "ة"
)

// inflect expands a demonym into the forms that show up in text, by the
// regular patterns of each language; other languages list their forms.
//
//   - ar: a nisba adjective (ends in ي) gets ة (feminine), ون/ين (plural),
//     and every form also with the article ال; all forms get a variant
//     without hamza on alef (أميركي → اميركي), as much news writes them.
//   - de: "-sch" adjectives get the endings e, en, er, es, em.
//   - ru: "-кий" adjectives get their case and gender endings.
//   - fr: -en/-ien → -enne, -ens, -ennes; -e → -es; -s → -se, -ses; else
//     -e, -s, -es.
//   - es, pt, it: -o → -a, plural forms; es/pt -és/-ês → -esa, -eses,
//     -esas; es -í → -íes; it -ese → -esi.
func inflect(lang, form string) []string {
	switch lang {
	case "ar":
		base := []string{form}
		if strings.HasSuffix(form, arYa) && !strings.Contains(form, " ") {
			base = append(base, form+arTaMarbut, form+"ون", form+"ين")
		}
		var out []string
		for _, b := range base {
			out = append(out, b)
			if !strings.HasPrefix(b, arAl) && !strings.Contains(b, " ") {
				out = append(out, arAl+b)
			}
		}
		for _, b := range slices.Clone(out) {
			if plain := stripHamzaAlef(b); plain != b {
				out = append(out, plain)
			}
		}
		return out
	case "de":
		if strings.HasSuffix(form, "sch") {
			return []string{form, form + "e", form + "en", form + "er", form + "es", form + "em"}
		}
	case "ru":
		if stem, ok := strings.CutSuffix(form, "кий"); ok {
			var out []string
			for _, end := range []string{"ий", "ая", "ое", "ие", "ого", "ому", "им", "ом", "ой", "ую", "их", "ими"} {
				out = append(out, stem+"к"+end)
			}
			return out
		}
	case "fr":
		switch {
		case strings.HasSuffix(form, "en"):
			return []string{form, form + "ne", form + "s", form + "nes"}
		case strings.HasSuffix(form, "e"):
			return []string{form, form + "s"}
		case strings.HasSuffix(form, "s"):
			return []string{form, form + "e", form + "es"}
		default:
			return []string{form, form + "e", form + "s", form + "es"}
		}
	case "es", "pt", "it":
		if stem, ok := strings.CutSuffix(form, "o"); ok {
			if lang == "it" {
				return []string{form, stem + "a", stem + "i", stem + "e"}
			}
			return []string{form, stem + "a", stem + "os", stem + "as"}
		}
		for _, es := range []string{"és", "ês"} {
			if stem, ok := strings.CutSuffix(form, es); ok {
				return []string{form, stem + "esa", stem + "eses", stem + "esas"}
			}
		}
		if lang == "es" && strings.HasSuffix(form, "í") {
			return []string{form, form + "es"}
		}
		if stem, ok := strings.CutSuffix(form, "ese"); ok && lang == "it" {
			return []string{form, stem + "esi"}
		}
		if strings.HasSuffix(form, "e") {
			if lang == "it" {
				return []string{form, strings.TrimSuffix(form, "e") + "i"}
			}
			return []string{form, form + "s"}
		}
	}
	return []string{form}
}

// stripHamzaAlef writes أ إ آ as plain ا.
func stripHamzaAlef(s string) string {
	return strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا").Replace(s)
}
