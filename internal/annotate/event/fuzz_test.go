package event

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// randomDoc fills every layer the stage reads with random but valid spans
// (on rune boundaries, texts matching), so doc.Check holds on the input;
// with broken set, some spans are out of range or reversed as well.
func randomDoc(text string, seed uint64, broken bool) *doc.Document {
	d := doc.New(text)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bounds := []int{}
	for i := range text {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(text))
	span := func() (int, int) {
		a, b := bounds[rng.IntN(len(bounds))], bounds[rng.IntN(len(bounds))]
		if a > b {
			a, b = b, a
		}
		if broken && rng.IntN(8) == 0 {
			return b + rng.IntN(5) - 2, a - rng.IntN(3)
		}
		return a, b
	}
	str := func(s, e int) string {
		if s < 0 || e > len(text) || s > e {
			return ""
		}
		return text[s:e]
	}
	num := func() *float64 {
		vals := []float64{0, 1, 3, 200, -5, 1e12, math.NaN(), math.Inf(1)}
		if rng.IntN(3) == 0 {
			return nil
		}
		v := vals[rng.IntN(len(vals))]
		return &v
	}
	langs := []string{"en", "nl", "ar", "fr", "de", "es", "ru", "tr", "und", ""}
	types := []string{"PERSON", "ORG", "GPE", "LOC", "FACILITY", "OUTLET", ""}
	ids := []string{"iso:SY", "ct:isis", "gn:1", "", "ct:sdf"}
	classes := []string{"killed", "wounded", ""}
	for range rng.IntN(6) {
		s, e := span()
		d.Sentences = append(d.Sentences, doc.Span{Start: s, End: e})
	}
	for range rng.IntN(3) {
		s, e := span()
		d.Segments = append(d.Segments, doc.Segment{Start: s, End: e, Lang: langs[rng.IntN(len(langs))]})
	}
	d.Lang = langs[rng.IntN(len(langs))]
	for range rng.IntN(8) {
		s, e := span()
		m := doc.Mention{Start: s, End: e, Text: str(s, e), Entity: doc.Str(ids[rng.IntN(len(ids))]), Type: types[rng.IntN(len(types))]}
		m.Lat, m.Lon = num(), num()
		d.Mentions = append(d.Mentions, m)
	}
	for range rng.IntN(4) {
		s, e := span()
		d.Times = append(d.Times, doc.Time{Start: s, End: e, Text: str(s, e), Value: []string{"2022-01-20", "", "2021"}[rng.IntN(3)]})
	}
	for range rng.IntN(4) {
		s, e := span()
		d.Quantities = append(d.Quantities, doc.Quantity{Start: s, End: e, Text: str(s, e), Value: num(), Min: num(), Max: num(), Class: doc.Str(classes[rng.IntN(len(classes))])})
	}
	for range rng.IntN(4) {
		s, e := span()
		c := doc.Claim{Start: s, End: e, Text: str(s, e), Hedge: doc.Str([]string{"", "reportedly"}[rng.IntN(2)])}
		if rng.IntN(2) == 0 {
			c.Attribution = &doc.Attribution{Type: []string{"author", "anonymous", ""}[rng.IntN(3)], Entity: doc.Str(ids[rng.IntN(len(ids))])}
		}
		d.Claims = append(d.Claims, c)
	}
	if rng.IntN(2) == 0 {
		p := "2022-02-09"
		d.Published = &p
	}
	return d
}

func FuzzApply(f *testing.F) {
	for _, s := range []string{
		"",
		"Islamic State fighters attacked the prison, killing 12 guards.",
		"Op 20 januari 2022 lanceerden IS-strijders een aanval op de gevangenis. Geen aanval?",
		"واندلعت اشتباكات بين الجيش السوري وتنظيم داعش، ما أدى إلى مقتل 9 عناصر.\n\nلم يقع أي هجوم.",
		"l’attaque de Daech contre l'armée ; frappe aérienne israélienne à Beyrouth",
		"Luftangriff auf Idlib\n\n\nkein Angriff",
		"\xff\xfe attack",
		"attack attack attack 'attack' ؟",
	} {
		f.Add(s, uint64(len(s)), false)
		f.Add(s, uint64(7), true)
	}
	st := mustStage(f)
	f.Fuzz(func(t *testing.T, text string, seed uint64, broken bool) {
		if !utf8.ValidString(text) {
			text = string([]rune(text)) // documents are valid UTF-8 by contract
		}
		d := randomDoc(text, seed, broken)
		inputOK := doc.Check(d) == nil
		if err := st.Apply(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if d.Events == nil {
			t.Fatal("nil events")
		}
		if inputOK {
			if err := doc.Check(d); err != nil {
				t.Fatalf("output breaks the contract: %v", err)
			}
		}
		for i, e := range d.Events {
			if e.Start < 0 || e.End < e.Start || e.End > len(text) || text[e.Start:e.End] != e.Trigger {
				t.Fatalf("event %d: bad trigger span [%d,%d) %q", i, e.Start, e.End, e.Trigger)
			}
			if e.Claim != nil && (*e.Claim < 0 || *e.Claim >= len(d.Claims)) {
				t.Fatalf("event %d: claim %d of %d", i, *e.Claim, len(d.Claims))
			}
			if !Valid(e.Type, e.SubType) {
				t.Fatalf("event %d: %s/%s not in the scheme", i, e.Type, e.SubType)
			}
			if e.Actors == nil || e.Targets == nil {
				t.Fatalf("event %d: nil parties", i)
			}
			if e.Fatalities != nil && *e.Fatalities < 0 {
				t.Fatalf("event %d: fatalities %d", i, *e.Fatalities)
			}
			if e.Lat != nil && (!finite(*e.Lat) || e.Lon == nil || !finite(*e.Lon)) {
				t.Fatalf("event %d: bad coordinates", i)
			}
		}
	})
}
