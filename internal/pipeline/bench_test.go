package pipeline

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/claimtrace/claimtrace/internal/corpusgen"
	"github.com/claimtrace/claimtrace/internal/doc"
)

// benchAnalyze measures Analyze over a generated mixed en/nl/ar corpus:
// ns/op is per document, MB/s over the input bytes. Run with
// go test -bench Analyze -benchmem ./internal/pipeline.
func benchAnalyze(b *testing.B, htmlShare float64) {
	p := newPipeline(b)
	cfg := corpusgen.DefaultConfig()
	cfg.Docs = 300
	cfg.HTMLShare = htmlShare
	g, err := corpusgen.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	var inputs []doc.Input
	var size int64
	for in := range g.All() {
		inputs = append(inputs, in)
		size += int64(len(in.Body))
	}
	b.SetBytes(size / int64(len(inputs)))
	b.ReportAllocs()
	b.ResetTimer()
	ctx := context.Background()
	var i atomic.Int64
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			in := inputs[int(i.Add(1))%len(inputs)]
			if _, err := p.Analyze(ctx, in); err != nil {
				b.Error(err)
			}
		}
	})
}
