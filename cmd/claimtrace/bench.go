package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/claimtrace/claimtrace/internal/corpusgen"
	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/extract"
	"github.com/claimtrace/claimtrace/internal/pipeline"
)

// benchReport is one line of 'claimtrace bench' output.
type benchReport struct {
	Mode       string  `json:"mode"`
	Docs       int     `json:"docs"`
	Failed     int     `json:"failed"`
	Workers    int     `json:"workers"`
	Seconds    float64 `json:"seconds"`
	DocsPerSec float64 `json:"docs_per_sec"`
	MBPerSec   float64 `json:"mb_per_sec"`
	InputMB    float64 `json:"input_mb"`
	// MaxRSSMB is the peak resident memory of the process so far; HeapMB
	// samples the live heap at each quarter of the run, to show whether
	// memory grows with the corpus.
	MaxRSSMB float64   `json:"max_rss_mb"`
	HeapMB   []float64 `json:"heap_mb_by_quarter"`
}

func (m *Main) bench(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	n := fs.Int("n", 10000, "documents per mode")
	modes := fs.String("modes", "text,html", "comma-separated: text, html, mixed, trafilatura (go-trafilatura alone on the HTML pages, for comparison)")
	workers := fs.Int("workers", 0, "documents analysed at once (0: one per CPU)")
	langs := fs.String("langs", "en,nl,ar", "languages of the generated corpus")
	var kf kbFlags
	kf.register(fs)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return &usageError{msg: err.Error(), hint: "claimtrace bench -h"}
	}
	cfg := pipeline.DefaultConfig()
	cfg.Workers = *workers
	p, _, err := buildPipeline(ctx, log, cfg, &kf)
	if err != nil {
		return err
	}
	out := json.NewEncoder(m.Stdout)
	for _, mode := range splitList(*modes) {
		gc := corpusgen.DefaultConfig()
		gc.Docs = *n
		gc.Langs = splitList(*langs)
		switch mode {
		case "text":
			gc.HTMLShare = 0
		case "html":
			gc.HTMLShare = 1
		case "mixed":
			gc.HTMLShare = 0.5
		case "trafilatura":
			gc.HTMLShare = 1
		default:
			return &usageError{msg: fmt.Sprintf("unknown mode %q", mode), hint: "claimtrace bench -modes text,html"}
		}
		g, err := corpusgen.New(gc)
		if err != nil {
			return err
		}
		var rep benchReport
		if mode == "trafilatura" {
			rep, err = runBaseline(ctx, g.All(), cfg.Workers)
		} else {
			rep, err = runBench(ctx, m.Stderr, p, g.All(), *n)
		}
		if err != nil {
			return err
		}
		rep.Mode = mode
		rep.Workers = cfg.Workers
		if rep.Workers == 0 {
			rep.Workers = runtime.GOMAXPROCS(0)
		}
		if err := out.Encode(rep); err != nil {
			return err
		}
		log.Info("bench", "mode", mode, "docs/s", fmt.Sprintf("%.0f", rep.DocsPerSec), "MB/s", fmt.Sprintf("%.2f", rep.MBPerSec), "maxRSS MB", fmt.Sprintf("%.0f", rep.MaxRSSMB))
	}
	return nil
}

func runBench(ctx context.Context, stderr io.Writer, p *pipeline.Pipeline, inputs iter.Seq2[doc.Input, error], n int) (benchReport, error) {
	var rep benchReport
	var bytes int64
	counted := func(yield func(doc.Input, error) bool) {
		for in, err := range inputs {
			bytes += int64(len(in.Body))
			if !yield(in, err) {
				return
			}
		}
	}
	start := time.Now()
	i := 0
	for r := range p.Run(ctx, counted) {
		i++
		if r.Err != nil {
			rep.Failed++
			if rep.Failed <= 3 && !strings.Contains(r.Err.Error(), "context canceled") {
				fmt.Fprintf(stderr, "claimtrace bench: %v\n", r.Err)
			}
		} else {
			rep.Docs++
		}
		if n >= 4 && i%(n/4) == 0 {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			rep.HeapMB = append(rep.HeapMB, float64(ms.HeapAlloc)/(1<<20))
		}
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	rep.finish(time.Since(start), i, bytes)
	return rep, nil
}

// runBaseline times go-trafilatura alone over the same generated pages, on
// the same number of workers, so 'analyze' can be compared with it.
func runBaseline(ctx context.Context, inputs iter.Seq2[doc.Input, error], workers int) (benchReport, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var rep benchReport
	jobs := make(chan string, workers)
	errs := make(chan error, workers)
	var bytes int64
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for body := range jobs {
				errs <- extract.Baseline(body)
			}
		}()
	}
	go func() {
		for in, err := range inputs {
			if err != nil || ctx.Err() != nil {
				continue
			}
			bytes += int64(len(in.Body))
			jobs <- in.Body
		}
		close(jobs)
		wg.Wait()
		close(errs)
	}()
	for err := range errs {
		if err != nil {
			rep.Failed++
		} else {
			rep.Docs++
		}
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}
	rep.finish(time.Since(start), rep.Docs+rep.Failed, bytes)
	return rep, nil
}

// finish fills the rates from the elapsed time, the documents and input
// bytes seen, and the process's peak resident memory.
func (rep *benchReport) finish(elapsed time.Duration, docs int, bytes int64) {
	el := elapsed.Seconds()
	rep.Seconds = el
	rep.DocsPerSec = float64(docs) / el
	rep.InputMB = float64(bytes) / (1 << 20)
	rep.MBPerSec = rep.InputMB / el
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		rep.MaxRSSMB = float64(ru.Maxrss) / 1024
	}
}
