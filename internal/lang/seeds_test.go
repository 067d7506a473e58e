package lang

import (
	"regexp"
	"strings"
	"testing"
)

// slugRe matches the hyphen-joined Arabic URL slug glued to the end of the
// first line of seed 001.
var slugRe = regexp.MustCompile(`[\p{Arabic}]+(?:-[\p{Arabic}]+)+`)

func TestSeedDutch(t *testing.T) {
	text := readSeed(t, "000_7aed60c3527782d7.txt")
	d := newDetector(t)
	segs := d.Segments(text)
	checkSegments(t, text, segs)
	if got := langs(segs); len(got) != 1 || got[0] != "nl/Latn" {
		t.Errorf("Segments = %v, want one nl/Latn segment", got)
	}
}

func TestSeedEnglishArabic(t *testing.T) {
	raw := readSeed(t, "001_fb117fe2e3b745be.txt")
	d := newDetector(t)
	arabicTitle := "هجوم “داعش” الأخير على الجيش السوري"

	t.Run("slug removed", func(t *testing.T) {
		first, rest, _ := strings.Cut(raw, "\n")
		loc := slugRe.FindStringIndex(first)
		if loc == nil || loc[1] != len(first) {
			t.Fatalf("no slug at the end of the first line %q", first)
		}
		text := first[:loc[0]] + "\n" + rest
		segs := d.Segments(text)
		checkSegments(t, text, segs)
		if got := langs(segs); strings.Join(got, " ") != "en/Latn ar/Arab" {
			t.Fatalf("Segments = %v, want [en/Latn ar/Arab]", got)
		}
		b := strings.Index(text, arabicTitle)
		if segs[0].End > b || segs[1].Start != b {
			t.Errorf("en ends at %d and ar starts at %d; the Arabic title starts at %d", segs[0].End, segs[1].Start, b)
		}
		if !strings.HasPrefix(text[segs[0].Start:], "The latest attack by") {
			t.Errorf("en segment starts %q", text[segs[0].Start:segs[0].Start+20])
		}
	})

	t.Run("slug kept", func(t *testing.T) {
		segs := d.Segments(raw)
		checkSegments(t, raw, segs)
		got := langs(segs)
		if len(got) < 2 || got[0] != "en/Latn" || got[len(got)-1] != "ar/Arab" {
			t.Fatalf("Segments = %v, want en/Latn first and ar/Arab last", got)
		}
		// The slug may be its own short Arabic segment, but the title and
		// the body stay English and nothing straddles the boundary.
		slug := slugRe.FindStringIndex(raw)
		b := strings.Index(raw, arabicTitle)
		for i, s := range segs {
			switch {
			case s.Start < b && s.End > b:
				t.Errorf("segment %d %v straddles the en/ar boundary", i, s)
			case s.End <= b && s.Lang == "ar" && (s.Start != slug[0] || s.End != slug[1]):
				t.Errorf("segment %d %q before the Arabic original is Arabic", i, raw[s.Start:s.End])
			case s.End <= b && s.Lang != "ar" && s.Lang != "en":
				t.Errorf("segment %d is %s, want en", i, s.Lang)
			}
		}
		if !strings.HasSuffix(raw[segs[0].Start:segs[0].End], "organization.") {
			t.Errorf("first segment %q should be the English title", raw[segs[0].Start:segs[0].End])
		}
		if last := segs[len(segs)-1]; last.Start != b {
			t.Errorf("Arabic segment starts at %d, want %d", last.Start, b)
		}
	})
}

// Sentence splitting on the seeds: the contract holds, no sentence crosses
// the en/ar boundary, and a few known sentences come out whole.
func TestSeedSentences(t *testing.T) {
	d := newDetector(t)
	for _, tc := range []struct {
		file  string
		whole []string
	}{
		{"000_7aed60c3527782d7.txt", []string{
			"Er zijn te veel onbeantwoorde vragen.",
			"Hoe is deze uitbraak tot stand gekomen en waarom?",
		}},
		{"001_fb117fe2e3b745be.txt", []string{
			"Regardless, the Syrian Army continued to sending military reinforcements",
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			text := readSeed(t, tc.file)
			segs := d.Segments(text)
			sents := d.Sentences(text, segs)
			checkSpans(t, text, sents)
			got := map[string]bool{}
			for _, s := range sents {
				got[text[s.Start:s.End]] = true
				for _, g := range segs {
					if s.Start < g.End && s.End > g.End {
						t.Errorf("sentence %q crosses a segment end", text[s.Start:s.End])
					}
				}
			}
			for _, w := range tc.whole {
				found := false
				for s := range got {
					if strings.HasPrefix(s, w) {
						found = true
					}
				}
				if !found {
					t.Errorf("no sentence starts with %q", w)
				}
			}
			t.Logf("%d sentences, %d segments", len(sents), len(segs))
		})
	}
}
