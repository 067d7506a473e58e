package event

import (
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// fixture builds a document whose layers are filled by hand, the way the
// earlier stages will fill them: paragraphs of sentences, then mentions,
// times, quantities and claims found by their surface text.
type fixture struct {
	t testing.TB
	d *doc.Document
}

// newFixture joins sentences with a space and paragraphs with a blank line,
// recording every sentence span, and marks the whole text as one segment.
func newFixture(t testing.TB, lang, published string, paras ...[]string) *fixture {
	t.Helper()
	var b strings.Builder
	var sents []doc.Span
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for k, s := range p {
			if k > 0 {
				b.WriteString(" ")
			}
			sents = append(sents, doc.Span{Start: b.Len(), End: b.Len() + len(s)})
			b.WriteString(s)
		}
	}
	d := doc.New(b.String())
	d.Sentences = sents
	d.Lang = lang
	d.Segments = []doc.Segment{{Start: 0, End: len(d.Text), Lang: lang}}
	if published != "" {
		d.Published = &published
	}
	return &fixture{t: t, d: d}
}

// at returns the span of the n-th (0-based) occurrence of s.
func (f *fixture) at(s string, n int) (int, int) {
	f.t.Helper()
	from := 0
	for {
		i := strings.Index(f.d.Text[from:], s)
		if i < 0 {
			f.t.Fatalf("fixture: %q (occurrence %d) not in text", s, n)
		}
		if n == 0 {
			return from + i, from + i + len(s)
		}
		n--
		from += i + len(s)
	}
}

func (f *fixture) mention(surface, id, typ string, latlon ...float64) *fixture {
	return f.mentionN(surface, 0, id, typ, latlon...)
}

func (f *fixture) mentionN(surface string, n int, id, typ string, latlon ...float64) *fixture {
	f.t.Helper()
	s, e := f.at(surface, n)
	m := doc.Mention{Start: s, End: e, Text: surface, Entity: doc.Str(id), Name: id, Type: typ}
	if len(latlon) == 2 {
		m.Lat, m.Lon = &latlon[0], &latlon[1]
	}
	f.d.Mentions = append(f.d.Mentions, m)
	return f
}

func (f *fixture) time(surface, value string) *fixture {
	f.t.Helper()
	s, e := f.at(surface, 0)
	f.d.Times = append(f.d.Times, doc.Time{Start: s, End: e, Text: surface, Value: value, Precision: "day"})
	return f
}

// quantity adds a number; bound "min" puts it in Min instead of Value.
func (f *fixture) quantity(surface string, v float64, bound, class string) *fixture {
	f.t.Helper()
	s, e := f.at(surface, 0)
	q := doc.Quantity{Start: s, End: e, Text: surface, Class: doc.Str(class)}
	if bound == "min" {
		q.Min = &v
	} else {
		q.Value = &v
	}
	f.d.Quantities = append(f.d.Quantities, q)
	return f
}

// claim makes the sentence holding surface a claim.
func (f *fixture) claim(surface, attrType, entity, hedge string) *fixture {
	f.t.Helper()
	s, _ := f.at(surface, 0)
	for _, sp := range f.d.Sentences {
		if sp.Start <= s && s < sp.End {
			c := doc.Claim{Start: sp.Start, End: sp.End, Text: f.d.Text[sp.Start:sp.End], Hedge: doc.Str(hedge)}
			if attrType != "" {
				c.Attribution = &doc.Attribution{Type: attrType, Entity: doc.Str(entity)}
			}
			f.d.Claims = append(f.d.Claims, c)
			return f
		}
	}
	f.t.Fatalf("fixture: no sentence holds %q", surface)
	return f
}

func mustStage(t testing.TB) *Stage {
	t.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(lex, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return s
}
