package lang

import (
	"strings"
	"testing"
)

// benchText builds about 5 KB of mixed text from the fixtures: Dutch with
// English names, English followed by Arabic, and one paragraph per language.
func benchText(tb testing.TB) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString(readFixture(tb, "nl_mixed.txt"))
	b.WriteString("\n")
	b.WriteString(readFixture(tb, "en_ar.txt"))
	b.WriteString("\n")
	for _, p := range paragraphFixtures {
		b.WriteString(p.text + "\n\n")
		if b.Len() > 5000 {
			break
		}
	}
	return b.String()
}

func BenchmarkSegments(b *testing.B) {
	d := newDetector(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Segments(text)
	}
}

func BenchmarkSentences(b *testing.B) {
	d := newDetector(b)
	text := benchText(b)
	segs := d.Segments(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Sentences(text, segs)
	}
}

func BenchmarkSegmentsSentences(b *testing.B) {
	d := newDetector(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Sentences(text, d.Segments(text))
	}
}

// BenchmarkSeeds runs both on the two seed articles (skipped without them).
func BenchmarkSeeds(b *testing.B) {
	d := newDetector(b)
	text := readSeed(b, "000_7aed60c3527782d7.txt") + "\n\n" + readSeed(b, "001_fb117fe2e3b745be.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		d.Sentences(text, d.Segments(text))
	}
}
