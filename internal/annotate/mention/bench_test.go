package mention

import (
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
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

// TestConcurrentMatch runs one matcher from several goroutines (it recycles
// per-document state through a pool) and checks that every document gets
// the mentions it gets alone. Run with -race.
func TestConcurrentMatch(t *testing.T) {
	e := testEnv(t)
	files, _ := filepath.Glob("testdata/*.txt")
	files = append(files, "testdata/bench/multilingual.txt")
	m := e.stage.Matcher()
	var texts []string
	var want [][]doc.Mention
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		want = append(want, m.Mentions(string(b), e.det.Segments(string(b))))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for r := range 20 {
				i := (g + r) % len(texts)
				got := m.Mentions(texts[i], e.det.Segments(texts[i]))
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%s: concurrent mentions differ", files[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
