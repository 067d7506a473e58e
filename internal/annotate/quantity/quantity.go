package quantity

import (
	"context"
	"fmt"
	"slices"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// Config tunes the quantity stage.
type Config struct {
	// ClassWindow is how many words on either side of a number are searched
	// for a class cue ("gedood", "قتيل"). The search also stops at clause
	// punctuation and conjunctions, so a larger window mostly costs
	// precision in long clauses.
	ClassWindow int
	// OfWords is the most words reported as the counted noun. Two keeps an
	// adjective with its noun ("getrainde ISIS-strijders") without running
	// into the verb.
	OfWords int
	// Vague keeps vague amounts ("duizenden burgers", "عدد من") as
	// quantities without a value, so a reader still sees them.
	Vague bool
}

// DefaultConfig returns the settings measured on the seed gold.
func DefaultConfig() Config {
	return Config{ClassWindow: 8, OfWords: 2, Vague: true}
}

// Stage finds quantities. It is built once from the lexicon and is
// read-only afterwards, so one Stage may serve many goroutines.
type Stage struct {
	cfg   Config
	langs map[string]*langData
	any   *langData // every language's lists, for text of unknown language
}

// New compiles the lexicon's number words, modifiers, units and class cues
// for every language. It fails on a malformed list entry, so a typo in the
// data shows up at start-up, not as silently missing quantities.
func New(lex *lexicon.Lexicon, cfg Config) (*Stage, error) {
	if lex == nil {
		return nil, fmt.Errorf("quantity: nil lexicon")
	}
	if cfg.ClassWindow < 0 || cfg.OfWords < 0 {
		return nil, fmt.Errorf("quantity: negative ClassWindow or OfWords")
	}
	s := &Stage{cfg: cfg, langs: map[string]*langData{}, any: newLangData()}
	for _, lang := range lex.Langs() {
		d := newLangData()
		if err := d.load(lex, lang, true); err != nil {
			return nil, err
		}
		if err := s.any.load(lex, lang, false); err != nil {
			return nil, err
		}
		s.langs[lang] = d
	}
	// Symbols and international abbreviations ("%", "$", "km") hold in text
	// of every language.
	for _, lang := range lex.Langs() {
		for _, e := range lex.List(lang, listUnits) {
			u, err := parseUnit(e.Value)
			if err != nil || !u.any {
				continue
			}
			for _, d := range s.langs {
				d.units.add(e.Text, u, nil)
			}
		}
	}
	for _, d := range s.langs {
		d.index()
	}
	s.any.index()
	return s, nil
}

// Name identifies the stage in errors and timings.
func (s *Stage) Name() string { return "quantity" }

// Apply fills d.Quantities, reading each segment with its own language's
// separators and words. Numbers inside time expressions found by an earlier
// stage (d.Times) are left to them, except durations ("zes dagen"), which
// are quantities too.
func (s *Stage) Apply(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var out []doc.Quantity
	pos := 0
	find := func(lo, hi int, lang string) {
		if lo < hi {
			out = append(out, s.find(d.Text, lo, hi, lang, d.Times)...)
		}
	}
	segs := slices.Clone(d.Segments)
	slices.SortFunc(segs, func(a, b doc.Segment) int { return a.Start - b.Start })
	for _, sg := range segs {
		lo, hi := max(sg.Start, pos), min(sg.End, len(d.Text))
		if lo >= hi {
			continue
		}
		find(pos, lo, "")
		find(lo, hi, sg.Lang)
		pos = hi
	}
	find(pos, len(d.Text), "")
	d.Quantities = dedupe(out)
	if d.Quantities == nil {
		d.Quantities = []doc.Quantity{}
	}
	return nil
}

// Find returns the quantities in text written in lang (an ISO 639-1 code;
// "" or an unknown code uses every language's words with "." as the decimal
// separator). Offsets are byte offsets into text.
func (s *Stage) Find(text, lang string) []doc.Quantity {
	return dedupe(s.find(text, 0, len(text), lang, nil))
}

// ParseNumber is ParseNumber with this stage's lexicon rather than the
// embedded one.
func (s *Stage) ParseNumber(text, lang string) (float64, bool) {
	v, _, _, ok := parseNumber(text, s.data(lang).decimal)
	return v, ok
}

func (s *Stage) data(lang string) *langData {
	if d, ok := s.langs[lang]; ok {
		return d
	}
	return s.any
}

// dedupe sorts quantities and drops any that overlap an earlier one.
func dedupe(qs []doc.Quantity) []doc.Quantity {
	slices.SortStableFunc(qs, func(a, b doc.Quantity) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := qs[:0]
	end := -1
	for _, q := range qs {
		if q.Start < end {
			continue
		}
		out = append(out, q)
		end = q.End
	}
	return out
}
