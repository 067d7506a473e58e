// Package pipeline is the only place that knows the order of claimtrace's
// stages: ingest hands it raw inputs, and for each one it runs extract, then
// language and sentence segmentation, then the annotators, checks the
// document against the contract (doc.Check) and hands it on.
//
// Stages do not call each other; they read the document as the earlier
// stages left it and add their layer. Run spreads documents over a bounded
// pool of workers and still emits them in input order, with memory bounded
// by the pool size, not by the corpus size. A document that fails is
// reported with its origin and reason and the batch goes on.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"

	"github.com/claimtrace/claimtrace/internal/annotate/attrib"
	"github.com/claimtrace/claimtrace/internal/annotate/claim"
	"github.com/claimtrace/claimtrace/internal/annotate/event"
	"github.com/claimtrace/claimtrace/internal/annotate/hostile"
	"github.com/claimtrace/claimtrace/internal/annotate/mention"
	"github.com/claimtrace/claimtrace/internal/annotate/quantity"
	"github.com/claimtrace/claimtrace/internal/annotate/timex"
	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/extract"
	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/lang"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// Config composes the stage configurations.
type Config struct {
	Extract  extract.Config
	Lang     lang.Config
	Mention  mention.Config
	Timex    timex.Config
	Quantity quantity.Config
	Attrib   attrib.Config
	Claim    claim.Config
	Event    event.Config
	// Workers is the number of documents analysed at once; 0 means one per CPU.
	Workers int
}

// DefaultConfig returns every stage's default configuration.
func DefaultConfig() Config {
	return Config{
		Extract:  extract.DefaultConfig(),
		Lang:     lang.DefaultConfig(),
		Mention:  mention.DefaultConfig(),
		Timex:    timex.DefaultConfig(),
		Quantity: quantity.DefaultConfig(),
		Attrib:   attrib.DefaultConfig(),
		Claim:    claim.DefaultConfig(),
		Event:    event.DefaultConfig(),
	}
}

// Stage adds one layer to a document. Stages after language detection
// implement it; they must keep doc.Check true and never panic on input.
type Stage interface {
	Name() string
	Apply(ctx context.Context, d *doc.Document) error
}

// Pipeline analyses documents. It is built once (loading word lists and
// models) and is safe for concurrent use.
type Pipeline struct {
	cfg       Config
	extractor *extract.Extractor
	detector  *lang.Detector
	stages    []Stage
}

// New builds the pipeline from the lexicon, the knowledge base and the
// configuration: extraction, language, then the annotators in their fixed
// order — hidden-character warnings, mentions (sources and events refer to them), times before
// quantities (so numbers inside dates are not counted twice), claims, then
// events (which carry their claim's source). A nil KB skips mentions. Extra
// stages run last, in the order given.
func New(lex *lexicon.Lexicon, k *kb.KB, cfg Config, extra ...Stage) (*Pipeline, error) {
	ex, err := extract.New(lex, cfg.Extract)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	det, err := lang.New(cfg.Lang, lex)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	tx, err := timex.New(lex, cfg.Timex)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	qt, err := quantity.New(lex, cfg.Quantity)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	af, err := attrib.New(lex, cfg.Attrib)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	cl, err := claim.New(lex, af, cfg.Claim)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	ev, err := event.New(lex, cfg.Event)
	if err != nil {
		return nil, fmt.Errorf("pipeline: %w", err)
	}
	// Warnings about hidden and look-alike characters come first: they
	// only read the text and the segments.
	stages := []Stage{hostile.New()}
	if k != nil {
		stages = append(stages, mention.New(k, lex, cfg.Mention))
	}
	stages = append(stages, tx, qt, cl, ev)
	stages = append(stages, extra...)
	return &Pipeline{cfg: cfg, extractor: ex, detector: det, stages: stages}, nil
}

// ErrContract is wrapped by Analyze when a stage produced a document that
// breaks the contract (an offset that does not fit the text). It is a bug
// in claimtrace, reported per document rather than written out.
var ErrContract = errors.New("document breaks the claimtrace/v1 contract")

// Analyze runs every stage on one input.
func (p *Pipeline) Analyze(ctx context.Context, in doc.Input) (d *doc.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, fmt.Errorf("%s: internal error: %v", in.Origin(), r)
		}
	}()
	d, err = p.extractor.Extract(ctx, in)
	if err != nil {
		return nil, err
	}
	d.Segments = p.detector.Segments(d.Text)
	d.Sentences = p.detector.Sentences(d.Text, d.Segments)
	d.Lang = lang.Majority(d.Text, d.Segments)
	d.Translations = append(d.Translations, lang.Translations(d.Text, d.Segments)...)
	for _, s := range p.stages {
		if err := s.Apply(ctx, d); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", in.Origin(), s.Name(), err)
		}
	}
	if err := doc.Check(d); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", in.Origin(), ErrContract, err)
	}
	return d, nil
}

// Result is one input's outcome: a document, or the error that stopped it.
type Result struct {
	Doc *doc.Document
	Err error
}

// Run analyses every input from inputs on Workers goroutines and yields the
// results in input order. Inputs that arrive as errors (unreadable files,
// malformed lines) are yielded as errors in their place. Memory stays
// bounded: at most a few documents per worker are in flight. Stopping the
// iteration early, or cancelling ctx, stops the workers.
func (p *Pipeline) Run(ctx context.Context, inputs iter.Seq2[doc.Input, error]) iter.Seq[Result] {
	return func(yield func(Result) bool) {
		workers := p.cfg.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()

		type job struct {
			in  doc.Input
			err error
			out chan Result
		}
		jobs := make(chan job, workers)
		order := make(chan chan Result, 4*workers)

		for range workers {
			go func() {
				for j := range jobs {
					if j.err != nil {
						j.out <- Result{Err: j.err}
						continue
					}
					d, err := p.Analyze(ctx, j.in)
					j.out <- Result{Doc: d, Err: err}
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for in, err := range inputs {
				out := make(chan Result, 1)
				select {
				case order <- out:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- job{in: in, err: err, out: out}:
				case <-ctx.Done():
					out <- Result{Err: ctx.Err()}
					return
				}
			}
		}()
		for out := range order {
			r := <-out
			if !yield(r) {
				cancel()
				// Drain so the feeder and workers can exit.
				for o := range order {
					<-o
				}
				return
			}
		}
	}
}
