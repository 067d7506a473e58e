package lang

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are small mixed inputs that reach the tricky paths: script
// changes without spaces, slugs, quotes, abbreviations, marks, invalid UTF-8.
var fuzzSeeds = []string{
	"",
	"a",
	".",
	"\n\n\n",
	"organization.هجوم-داعش-الأخير-على",
	"The army (الجيش السوري العربي الأول) said. Then «Il part.» Dr. J. Smith, e.g. 3.500",
	"“We came. We saw,” he said… and left?! ؟ ۔ 。",
	"و\u064b\u0651 \u200c می‌خواهم ٹڈڑ ڕڵۆێە",
	"Der Angriff fand am 3. März statt.\nZeile\n\n***\n\n12:30",
	"\xff\xfe invalid \xc3",
	"政府は発表した。경제 Ελλάδα עברית हिन्दी",
	"„Zitat. Weiter“ sagte er. » Ende « ' '' \"",
}

func FuzzSegments(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	d := newDetector(f)
	f.Fuzz(func(t *testing.T, text string) {
		segs := d.Segments(text)
		if utf8.ValidString(text) {
			checkSegments(t, text, segs)
		} else {
			// Invalid bytes are not letters; the contract still holds
			// for the spans' order and bounds.
			for i, s := range segs {
				if s.Start < 0 || s.End > len(text) || s.Start >= s.End || (i > 0 && s.Start < segs[i-1].End) {
					t.Fatalf("segment %d %+v out of order or bounds", i, s)
				}
			}
		}
		if l := Majority(text, segs); len(segs) > 0 && l == "" && segs[0].Lang != "und" {
			t.Fatalf("Majority empty for %v", segs)
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	d := newDetector(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			// Documents are valid UTF-8 by the time they reach this
			// stage; still, nothing may panic.
			d.Sentences(text, d.Segments(text))
			d.Sentences(text, nil)
			return
		}
		segs := d.Segments(text)
		checkSpans(t, text, d.Sentences(text, segs))
		checkSpans(t, text, d.Sentences(text, nil))
	})
}
