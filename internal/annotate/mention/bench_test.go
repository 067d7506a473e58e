package mention

import (
	"os"
	"testing"
)

// BenchmarkMatch measures the matcher alone (folding, index lookups and
// resolution, no language detection) with the full built-in KB over a
// ~4.5 KB news text in English, Dutch, Arabic and French. The target is
// ≥ 20 MB/s (issue 3).
func BenchmarkMatch(b *testing.B) {
	e := testEnv(b)
	raw, err := os.ReadFile("testdata/bench/multilingual.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	segs := e.det.Segments(text)
	m := e.stage.Matcher()
	if len(m.Mentions(text, segs)) == 0 {
		b.Fatal("no mentions in the benchmark text")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.Mentions(text, segs)
	}
}
