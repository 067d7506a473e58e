package hostile

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrace/claimtrace/internal/annotate/mention"
	"github.com/claimtrace/claimtrace/internal/annotate/quantity"
	"github.com/claimtrace/claimtrace/internal/annotate/timex"
	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/lang"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// stages are the later stages the end-to-end tests run, built once.
type stages struct {
	det     *lang.Detector
	tx      *timex.Stage
	qt      *quantity.Stage
	mention *mention.Stage // nil when the KB does not load
	kbErr   error
}

var (
	stagesOnce sync.Once
	stagesVal  stages
	stagesErr  error
)

func loadStages(tb testing.TB) stages {
	tb.Helper()
	stagesOnce.Do(func() {
		lex, err := lexicon.Load()
		if err != nil {
			stagesErr = err
			return
		}
		s := stages{}
		if s.det, err = lang.New(lang.DefaultConfig(), lex); err != nil {
			stagesErr = err
			return
		}
		if s.tx, err = timex.New(lex, timex.DefaultConfig()); err != nil {
			stagesErr = err
			return
		}
		if s.qt, err = quantity.New(lex, quantity.DefaultConfig()); err != nil {
			stagesErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		k, err := kb.Load(ctx, kb.Options{NoPlaces: true})
		if err != nil {
			s.kbErr = err
		} else {
			s.mention = mention.New(k, lex, mention.DefaultConfig())
		}
		stagesVal = s
	})
	if stagesErr != nil {
		tb.Fatal(stagesErr)
	}
	return stagesVal
}

// analyze runs language detection, the unicode stage, times, quantities
// and, if loaded, mentions.
func (s stages) analyze(tb testing.TB, text string) *doc.Document {
	tb.Helper()
	d := doc.New(text)
	d.Published = doc.Str("2022-02-09")
	d.Segments = s.det.Segments(text)
	list := []interface {
		Apply(context.Context, *doc.Document) error
	}{New(), s.tx, s.qt}
	if s.mention != nil {
		list = append(list, s.mention)
	}
	for _, st := range list {
		if err := st.Apply(context.Background(), d); err != nil {
			tb.Fatal(err)
		}
	}
	if err := doc.Check(d); err != nil {
		tb.Fatalf("Check(%q): %v", text, err)
	}
	return d
}

func timesOf(d *doc.Document) []string {
	var out []string
	for _, t := range d.Times {
		out = append(out, t.Value)
	}
	return out
}

func quantitiesOf(d *doc.Document) []string {
	var out []string
	for _, q := range d.Quantities {
		v := "-"
		if q.Value != nil {
			v = fmt.Sprint(*q.Value)
		}
		out = append(out, v)
	}
	return out
}

func entitiesOf(d *doc.Document) []string {
	var out []string
	for _, m := range d.Mentions {
		if m.Entity != nil && !slices.Contains(out, *m.Entity) {
			out = append(out, *m.Entity)
		}
	}
	slices.Sort(out)
	return out
}

// TestParsersSeeThrough: dates and numbers with bidi isolates or invisible
// characters inside parse like their clean forms, with spans on the
// original bytes (doc.Check in analyze).
func TestParsersSeeThrough(t *testing.T) {
	s := loadStages(t)
	tests := []struct{ clean, hostile string }{
		{"فرّ ٣٬٥٠٠ سجين في ٢٠ كانون الثاني ٢٠٢٢.", "فرّ \u2066٣٬٥٠٠\u2069 سجين في \u2067٢٠ كانون الثاني ٢٠٢٢\u2069."},
		{"Ongeveer 3500 strijders vielen op 20 januari 2022 aan.", "Ongeveer 3\u200B500 strijders vielen op 20\u00ADjanuari 2022 aan."},
		{"Ongeveer 3.500 strijders vielen op 20 januari 2022 aan.", "Ongeveer 3.\u200B500 strijders vielen op 20 janu\u00ADari 2022 aan."},
		{"About 3,500 fighters attacked on 20 January 2022.", "About \u20663,500\u2069 fighters attacked on \u206620 January 2022\u2069."},
		{"About 3,500 fighters attacked on January 20, 2022.", "About 3,5\u200D00 fighters attacked on Jan\u200Buary 20, 2022."},
		{"Environ 3 500 combattants ont attaqué le 20 janvier 2022.", "Environ 3\u2060500 combattants ont attaqué le 20\u200E janvier 2022."},
		{"Около 3500 боевиков напали 20 января 2022 года.", "Около 3\uFEFF500 боевиков напали 20 янв\u00ADаря 2022 года."},
		{"بیش از ۳۵۰۰ زندانی در ۲۰ ژانویه ۲۰۲۲ گریختند.", "بیش از \u2067۳۵۰۰\u2069 زندانی در ۲۰ ژانویه ۲۰۲۲ گریختند."},
	}
	for _, tc := range tests {
		c, h := s.analyze(t, tc.clean), s.analyze(t, tc.hostile)
		if got, want := timesOf(h), timesOf(c); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("times of %q = %v, clean %q gives %v", tc.hostile, got, tc.clean, want)
		}
		if got, want := quantitiesOf(h), quantitiesOf(c); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("quantities of %q = %v, clean %q gives %v", tc.hostile, got, tc.clean, want)
		}
		if len(h.Warnings) == 0 {
			t.Errorf("%q: no warnings", tc.hostile)
		}
	}
}

// TestZWNJLanguages: Persian and Sorani texts with ZWNJ analyse the same as
// without it, and draw no warning.
func TestZWNJLanguages(t *testing.T) {
	s := loadStages(t)
	for _, text := range []string{
		"سخنگوی نیروهای دموکراتیک سوریه می‌گوید که داعش در ۲۰ ژانویه ۲۰۲۲ به زندان حمله کرد و ۳۵۰۰ زندانی گریختند.",
		"وتەبێژی هێزەکانی سووریای دیموکرات دەڵێت داعش هێرشی‌کردە سەر زیندانی حەسەکە و ٣٥٠٠ زیندانی هەڵاتن.",
	} {
		with := s.analyze(t, text)
		without := s.analyze(t, strings.ReplaceAll(text, "\u200C", ""))
		if len(with.Warnings) != 0 {
			t.Errorf("%q: warnings %s", text, show(text, with.Warnings))
		}
		if !slices.Equal(timesOf(with), timesOf(without)) || !slices.Equal(quantitiesOf(with), quantitiesOf(without)) ||
			!slices.Equal(entitiesOf(with), entitiesOf(without)) {
			t.Errorf("%q: with ZWNJ %v %v %v, without %v %v %v", text,
				timesOf(with), quantitiesOf(with), entitiesOf(with),
				timesOf(without), quantitiesOf(without), entitiesOf(without))
		}
	}
}

// TestEntitiesSurviveHostile is the property test of the issue: the set of
// resolved entities of a document does not change when format characters
// are inserted and Latin letters swapped for Cyrillic or Greek look-alikes.
func TestEntitiesSurviveHostile(t *testing.T) {
	s := loadStages(t)
	if s.mention == nil {
		t.Skipf("mention stage unavailable: kb.Load: %v", s.kbErr)
	}
	texts := append([]string{
		"Fighters of Daesh attacked Ghweran prison in Hasakah; the SDF and the US-led coalition responded.",
		"ISIS claimed the attack. Kurdish forces said Islamic State cells were hiding in Raqqa.",
	}, seedTexts...)
	checked := 0
	for i, text := range texts {
		clean := entitiesOf(s.analyze(t, text))
		if len(clean) == 0 {
			continue
		}
		checked++
		for seed := uint64(1); seed <= 25; seed++ {
			h := insertHostile(text, seed*7919+uint64(i))
			if got := entitiesOf(s.analyze(t, h)); !slices.Equal(got, clean) {
				t.Errorf("entities of %q = %v, clean text gives %v", h, got, clean)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no seed text resolved any entity")
	}
}
