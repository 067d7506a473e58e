package quantity

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// The lexicon lists this package reads; their formats are described in the
// first comment lines of data/nl/<list>.txt and data/en/units.txt.
const (
	listNumbers   = "number_words"
	listModifiers = "quantity_modifiers"
	listUnits     = "units"
	listClasses   = "quantity_classes"
	listMonths    = "months"
)

// numWord is the meaning of a number word or vague phrase.
type numWord struct {
	value float64 // 0 when vague and not a multiplier
	vague bool    // an amount without a value ("duizenden", "a number of")
	weak  bool    // a number only before a unit or multiplier ("een", "a")
	mult  bool    // multiplies the number before it ("dozen")
}

// scale reports whether w can multiply a number before it ("2 miljoen",
// "3 آلاف", "twee dozijn").
func (w numWord) scale() bool { return w.mult || w.value >= 100 }

// modKind is a set of quantity_modifiers kinds.
type modKind uint16

const (
	modMin modKind = 1 << iota
	modMax
	modApprox
	modOnly
	modFrom
	modTo
	modAnd
	modPost
	modLabel
	modYear
	modStop
	modBreak
	modAdj
)

var modNames = map[string]modKind{
	"min": modMin, "max": modMax, "approx": modApprox, "only": modOnly,
	"from": modFrom, "to": modTo, "and": modAnd, "post": modPost,
	"label": modLabel, "year": modYear, "stop": modStop, "break": modBreak,
	"adj": modAdj,
}

// unit is a units entry: the code reported in doc.Quantity.Unit and where
// the unit may stand.
type unit struct {
	code   string
	prefix bool // may stand before the number ("$8,000")
	any    bool // valid in every language
}

// phrase is one entry of a list as a sequence of word keys.
type phrase[T any] struct {
	words []string
	val   T
}

// phrases indexes entries by their first and last word keys, longest first,
// so that matching a position tries only the entries that can fit it.
type phrases[T any] struct {
	first map[string][]*phrase[T]
	last  map[string][]*phrase[T]
}

func newPhrases[T any]() *phrases[T] {
	return &phrases[T]{first: map[string][]*phrase[T]{}, last: map[string][]*phrase[T]{}}
}

// add stores val under the entry text; merge combines it with a value that
// an equal entry already has (nil keeps the first).
func (p *phrases[T]) add(text string, val T, merge func(old, new T) T) {
	words := entryWords(text)
	if len(words) == 0 {
		return
	}
	for _, ph := range p.first[words[0]] {
		if slices.Equal(ph.words, words) {
			if merge != nil {
				ph.val = merge(ph.val, val)
			}
			return
		}
	}
	ph := &phrase[T]{words: words, val: val}
	p.first[words[0]] = insertByLen(p.first[words[0]], ph)
	l := words[len(words)-1]
	p.last[l] = insertByLen(p.last[l], ph)
}

func insertByLen[T any](list []*phrase[T], ph *phrase[T]) []*phrase[T] {
	list = append(list, ph)
	slices.SortStableFunc(list, func(a, b *phrase[T]) int { return len(b.words) - len(a.words) })
	return list
}

// entryWords splits a list entry into word keys the way text is tokenized,
// dropping joiners (hyphens, apostrophes) so that "zo'n" and "kira-kira"
// match however the text joins them.
func entryWords(text string) []string {
	var out []string
	for _, t := range tokenize(text, 0, len(text), nil) {
		if t.kind == tokSym && t.joiner {
			continue
		}
		out = append(out, t.key(text))
	}
	return out
}

// langData is everything the finder knows about one language.
type langData struct {
	decimal    byte // '.' or ','
	spaceGroup bool // a plain space may separate groups of three digits
	numbers    *phrases[numWord]
	mods       *phrases[modKind]
	units      *phrases[unit]
	classes    *phrases[string]
	monthFirst map[string]bool // first words of month names
	monthLast  map[string]bool // last words of month names
	proclitics []string        // keys, longest first
	adjSuffix  []string
	starts     map[string]bool // first words of number words and units
}

func newLangData() *langData {
	return &langData{
		decimal:    '.',
		numbers:    newPhrases[numWord](),
		mods:       newPhrases[modKind](),
		units:      newPhrases[unit](),
		classes:    newPhrases[string](),
		monthFirst: map[string]bool{},
		monthLast:  map[string]bool{},
		starts:     map[string]bool{},
	}
}

// index records the words that may start a quantity; call it after the
// last list is added.
func (d *langData) index() {
	for k := range d.numbers.first {
		d.starts[k] = true
	}
	for k := range d.units.first {
		d.starts[k] = true
	}
}

// load adds the lists of one language to d.
func (d *langData) load(lex *lexicon.Lexicon, lang string, sepsToo bool) error {
	for _, e := range lex.List(lang, listNumbers) {
		if strings.HasPrefix(e.Text, "@") {
			if sepsToo {
				d.setSeparators(e.Text, e.Value)
			}
			continue
		}
		w, err := parseNumWord(e.Value)
		if err != nil {
			return fmt.Errorf("quantity: %s/%s.txt: %q: %w", lang, listNumbers, e.Text, err)
		}
		d.numbers.add(e.Text, w, nil)
	}
	for _, e := range lex.List(lang, listModifiers) {
		var k modKind
		for _, f := range strings.Fields(e.Value) {
			switch f {
			case "proclitic":
				for _, w := range entryWords(e.Text) {
					if !slices.Contains(d.proclitics, w) {
						d.proclitics = append(d.proclitics, w)
					}
				}
				continue
			case "adjsuffix":
				d.adjSuffix = append(d.adjSuffix, strings.TrimPrefix(strings.ToLower(e.Text), "*"))
				continue
			}
			m, ok := modNames[f]
			if !ok {
				return fmt.Errorf("quantity: %s/%s.txt: %q: unknown kind %q", lang, listModifiers, e.Text, f)
			}
			k |= m
		}
		if k != 0 {
			d.mods.add(e.Text, k, func(a, b modKind) modKind { return a | b })
		}
	}
	for _, e := range lex.List(lang, listUnits) {
		u, err := parseUnit(e.Value)
		if err != nil {
			return fmt.Errorf("quantity: %s/%s.txt: %q: %w", lang, listUnits, e.Text, err)
		}
		d.units.add(e.Text, u, nil)
	}
	for _, e := range lex.List(lang, listClasses) {
		if e.Value == "" {
			return fmt.Errorf("quantity: %s/%s.txt: %q: no class", lang, listClasses, e.Text)
		}
		d.classes.add(e.Text, e.Value, nil)
	}
	for _, e := range lex.List(lang, listMonths) {
		ws := entryWords(e.Text)
		if len(ws) > 0 {
			d.monthFirst[ws[0]] = true
			d.monthLast[ws[len(ws)-1]] = true
		}
	}
	slices.SortStableFunc(d.proclitics, func(a, b string) int { return len(b) - len(a) })
	return nil
}

func (d *langData) setSeparators(name, value string) {
	switch name {
	case "@decimal":
		if value == "," {
			d.decimal = ','
		} else {
			d.decimal = '.'
		}
	case "@group":
		d.spaceGroup = slices.Contains(strings.Fields(value), "space")
	}
}

func parseNumWord(v string) (numWord, error) {
	var w numWord
	fs := strings.Fields(v)
	if len(fs) == 0 {
		return w, fmt.Errorf("no value")
	}
	for _, f := range fs {
		switch f {
		case "vague":
			w.vague = true
		case "weak":
			w.weak = true
		case "mult":
			w.mult = true
		default:
			x, err := strconv.ParseFloat(f, 64)
			if err != nil || x <= 0 {
				return w, fmt.Errorf("bad value %q", f)
			}
			w.value = x
		}
	}
	if !w.vague && w.value == 0 {
		return w, fmt.Errorf("no value")
	}
	return w, nil
}

func parseUnit(v string) (unit, error) {
	fs := strings.Fields(v)
	if len(fs) == 0 {
		return unit{}, fmt.Errorf("no unit code")
	}
	u := unit{code: fs[0]}
	for _, f := range fs[1:] {
		switch f {
		case "prefix":
			u.prefix = true
		case "any":
			u.any = true
		default:
			return u, fmt.Errorf("unknown flag %q", f)
		}
	}
	return u, nil
}
