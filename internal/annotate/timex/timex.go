package timex

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Config tunes how ambiguous numbers are read. The defaults suit news in
// the project's languages; a feed of US sources may want MonthFirst.
type Config struct {
	// MonthFirst reads a numeric date whose first two numbers could both be
	// a month (03/04/2022) as month/day, the US order. Off by default:
	// every other language the project reads puts the day first. A date
	// whose first number is above 12 is always day first, and one whose
	// second number is above 12 always month first, whatever this says.
	MonthFirst bool
	// MinYear and MaxYear bound a four-digit number that is read as a year.
	// Outside them "in 1500" is more likely a quantity than a date.
	MinYear, MaxYear int
	// FutureDays is how far after publication a date without a year may
	// fall before it is put in the previous year instead: "3 december" in
	// an article of 9 January is last December, "20 februari" is next month.
	FutureDays int
}

// DefaultConfig returns day-first numeric dates, years 1800–2100 and a
// two-month window for dates after publication.
func DefaultConfig() Config {
	return Config{MinYear: 1800, MaxYear: 2100, FutureDays: 62}
}

// Stage annotates time expressions. It is built once from the lexicon and
// is read-only afterwards, so one Stage serves every worker.
type Stage struct {
	cfg Config
	t   *tables
}

// New builds the stage from the lexicon's months, weekdays, date_words and
// relative_dates lists. It fails when a list is malformed, so a bad data
// file is caught at start-up rather than silently matching nothing.
func New(lex *lexicon.Lexicon, cfg Config) (*Stage, error) {
	if lex == nil {
		return nil, errors.New("timex: nil lexicon")
	}
	if cfg.MinYear <= 0 || cfg.MaxYear < cfg.MinYear || cfg.MaxYear > 9999 {
		return nil, fmt.Errorf("timex: year bounds %d..%d out of range", cfg.MinYear, cfg.MaxYear)
	}
	if cfg.FutureDays < 0 {
		return nil, fmt.Errorf("timex: negative FutureDays %d", cfg.FutureDays)
	}
	t, err := buildTables(lex)
	if err != nil {
		return nil, err
	}
	return &Stage{cfg: cfg, t: t}, nil
}

// Name identifies the stage in pipeline errors and timings.
func (s *Stage) Name() string { return "timex" }

// Apply fills d.Times from d.Text, reading each part of the text with the
// word lists of its segment's language and resolving against d.Published.
// Earlier Times are replaced, so running the stage twice is harmless.
func (s *Stage) Apply(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	anc := anchorOf(d.Published)
	segs := make([]langSpan, 0, len(d.Segments))
	for _, sg := range d.Segments {
		segs = append(segs, langSpan{start: sg.Start, end: sg.End, t: s.t.tableFor(sg.Lang)})
	}
	d.Times = s.find(d.Text, segs, s.t.union, anc)
	return nil
}

// Find returns the time expressions of text read as language lang (an ISO
// 639-1 code; "" or an unknown code reads every language), resolved against
// published (nil when the publication date is unknown). It is pure and
// safe for concurrent use; tests and fuzzing call it directly.
func (s *Stage) Find(text string, lang string, published *time.Time) []doc.Time {
	anc := anchor{}
	if published != nil {
		p := *published
		anc = anchor{t: time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC), prec: precDay}
	}
	return s.find(text, nil, s.t.tableFor(lang), anc)
}

// langSpan gives the table to use for a byte range of the text.
type langSpan struct {
	start, end int
	t          *table
}

func (s *Stage) find(text string, segs []langSpan, def *table, anc anchor) []doc.Time {
	out := []doc.Time{}
	if text == "" {
		return out
	}
	f := textnorm.Fold(text)
	sc := &scan{s: s, text: text, f: f, anc: anc, out: out}
	sc.tokenize(segs, def)
	for i := 0; i < len(sc.toks); {
		if n := sc.match(i); n > i {
			i = n
		} else {
			i++
		}
	}
	sort.SliceStable(sc.out, func(i, j int) bool { return sc.out[i].Start < sc.out[j].Start })
	// Matches are made left to right and never start before the end of the
	// previous one; this guards the contract all the same.
	kept := sc.out[:0]
	last := -1
	for _, t := range sc.out {
		if t.Start >= last && t.End > t.Start {
			kept = append(kept, t)
			last = t.End
		}
	}
	return kept
}

// precision of the anchor (the publication date).
const (
	precNone = iota
	precYear
	precMonth
	precDay
)

// anchor is the publication date with how much of it is known.
type anchor struct {
	t    time.Time
	prec int
}

// anchorOf parses doc.Document.Published: "2022-02-09", "2022-02", "2022",
// or an RFC 3339 time whose date part is used.
func anchorOf(p *string) anchor {
	if p == nil {
		return anchor{}
	}
	s := *p
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	for _, l := range []struct {
		layout string
		prec   int
	}{{"2006-01-02", precDay}, {"2006-01", precMonth}, {"2006", precYear}} {
		if len(s) != len(l.layout) {
			continue
		}
		if t, err := time.Parse(l.layout, s); err == nil {
			return anchor{t: t, prec: l.prec}
		}
	}
	return anchor{}
}
