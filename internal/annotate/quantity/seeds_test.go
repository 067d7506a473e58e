package quantity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/claimtrace/claimtrace/internal/doc"
)

const sharedDir = "../../../../shared"

type goldQuantity struct {
	Surface string   `json:"surface"`
	Value   *float64 `json:"value"`
	Approx  bool     `json:"approx"`
	Bound   *string  `json:"bound"`
	Unit    *string  `json:"unit"`
	Of      *string  `json:"of"`
	Class   *string  `json:"class"`
	Context string   `json:"context"`
}

type goldFile struct {
	Quantities []goldQuantity `json:"quantities"`
	Vague      []struct {
		Surface string `json:"surface"`
	} `json:"vague"`
}

// paragraphLang guesses a paragraph's language for the seed test the way
// the brief fixes it: Arabic script means Arabic, anything else is the
// seed's Latin-script language.
func paragraphLang(p, latin string) string {
	var arab, latn int
	for _, r := range p {
		switch {
		case unicode.Is(unicode.Arabic, r):
			arab++
		case unicode.Is(unicode.Latin, r):
			latn++
		}
	}
	if arab > latn {
		return "ar"
	}
	return latin
}

// findByParagraph runs Find over each paragraph of the raw text in its language.
func findByParagraph(s *Stage, text, latin string) []doc.Quantity {
	var out []doc.Quantity
	off := 0
	for _, p := range strings.SplitAfter(text, "\n") {
		for _, q := range s.Find(p, paragraphLang(p, latin)) {
			q.Start += off
			q.End += off
			out = append(out, q)
		}
		off += len(p)
	}
	return out
}

// TestSeedQuantities scores Find on the raw seed texts against the seed
// gold: value-exact recall (the overlapping quantity has the gold value, or
// min/max equal to it per bound) and vague amounts left without a value.
func TestSeedQuantities(t *testing.T) {
	s := newStage(t)
	seeds := []struct{ file, lang string }{
		{"000_7aed60c3527782d7", "nl"},
		{"001_fb117fe2e3b745be", "en"},
	}
	var total, exact, classTotal, classOK, vagueTotal, vagueOK int
	for _, sd := range seeds {
		raw, err := os.ReadFile(filepath.Join(sharedDir, "seeds", sd.file+".txt"))
		if err != nil {
			t.Skipf("seed %s absent: %v", sd.file, err)
		}
		gb, err := os.ReadFile(filepath.Join(sharedDir, "seeds-gold", sd.file+".json"))
		if err != nil {
			t.Skipf("seed gold %s absent: %v", sd.file, err)
		}
		var gold goldFile
		if err := json.Unmarshal(gb, &gold); err != nil {
			t.Fatalf("%s: %v", sd.file, err)
		}
		text := string(raw)
		qs := findByParagraph(s, text, sd.lang)
		if err := checkSpans(text, qs); err != nil {
			t.Errorf("%s: %v", sd.file, err)
		}
		for _, g := range gold.Quantities {
			total++
			a, b, ok := locate(text, g.Context, g.Surface)
			if !ok {
				t.Errorf("%s: gold %q not in the raw text", sd.file, g.Context)
				continue
			}
			q := overlapping(qs, a, b)
			if q == nil {
				t.Logf("%s: MISS %q in %q", sd.file, g.Surface, g.Context)
				continue
			}
			if valueMatches(q, g) {
				exact++
			} else {
				t.Logf("%s: WRONG %q: got %s", sd.file, g.Surface, describe(q))
			}
			if g.Class != nil {
				classTotal++
				if q.Class != nil && *q.Class == *g.Class {
					classOK++
				} else {
					t.Logf("%s: class of %q: got %v, want %s", sd.file, g.Surface, str(q.Class), *g.Class)
				}
			}
		}
		for _, v := range gold.Vague {
			vagueTotal++
			a := strings.Index(text, v.Surface)
			if a < 0 {
				a = strings.Index(strings.ToLower(text), strings.ToLower(v.Surface))
			}
			if a < 0 {
				t.Errorf("%s: vague %q not in the raw text", sd.file, v.Surface)
				continue
			}
			q := overlapping(qs, a, a+len(v.Surface))
			if q == nil || q.Value == nil && q.Min == nil && q.Max == nil {
				vagueOK++
			} else {
				t.Logf("%s: vague %q got a value: %s", sd.file, v.Surface, describe(q))
			}
		}
	}
	recall := float64(exact) / float64(total)
	t.Logf("value-exact recall %d/%d = %.3f; class %d/%d; vague without value %d/%d",
		exact, total, recall, classOK, classTotal, vagueOK, vagueTotal)
	if recall < 0.9 {
		t.Errorf("value-exact recall %.3f < 0.9", recall)
	}
	if vagueOK != vagueTotal {
		t.Errorf("%d vague amounts got a value", vagueTotal-vagueOK)
	}
}

// locate finds surface inside the first occurrence of context.
func locate(text, context, surface string) (int, int, bool) {
	c := strings.Index(text, context)
	if c < 0 {
		return 0, 0, false
	}
	s := strings.Index(context, surface)
	if s < 0 {
		return 0, 0, false
	}
	return c + s, c + s + len(surface), true
}

func overlapping(qs []doc.Quantity, a, b int) *doc.Quantity {
	for i := range qs {
		if qs[i].Start < b && a < qs[i].End {
			return &qs[i]
		}
	}
	return nil
}

func valueMatches(q *doc.Quantity, g goldQuantity) bool {
	if g.Value == nil {
		return q.Value == nil
	}
	eq := func(p *float64) bool { return p != nil && *p == *g.Value }
	switch {
	case g.Bound != nil && *g.Bound == "min":
		return eq(q.Min)
	case g.Bound != nil && *g.Bound == "max":
		return eq(q.Max)
	}
	return eq(q.Value)
}
