package extract

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// Config tunes extraction.
type Config struct {
	// HTMLFallback lets go-trafilatura try readability and dom-distiller
	// when its own extraction looks poor: ~1 ms more a page, better recall
	// on unusual markup.
	HTMLFallback bool
	// MaxTitleBytes bounds a title guessed from the first paragraph of plain
	// text; a longer first paragraph is a lede, not a title, and gives none.
	MaxTitleBytes int
	// Clean tunes the clean-up thresholds.
	Clean CleanConfig
}

// DefaultConfig returns the configuration claimtrace uses by default.
func DefaultConfig() Config {
	return Config{HTMLFallback: true, MaxTitleBytes: 300, Clean: DefaultCleanConfig()}
}

// Extractor turns inputs into documents with cleaned text and metadata. It
// is built once and is safe for concurrent use.
type Extractor struct {
	cfg     Config
	cleaner *Cleaner
	header  *HeaderParser
}

// New builds an Extractor from the lexicon (boilerplate phrases, caption
// and header labels, month names).
func New(lex *lexicon.Lexicon, cfg Config) (*Extractor, error) {
	c, err := NewCleaner(lex, cfg.Clean)
	if err != nil {
		return nil, err
	}
	h, err := NewHeaderParser(lex)
	if err != nil {
		return nil, err
	}
	return &Extractor{cfg: cfg, cleaner: c, header: h}, nil
}

// Extract returns the document for one input with Text, Title, Source,
// Published, Removed and the input's warnings filled; the other layers are
// empty. Metadata given with the input (JSONL fields) wins over what the
// HTML declares, which wins over what a scraped header in the text says.
func (e *Extractor) Extract(ctx context.Context, in doc.Input) (*doc.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	raw := in.Body
	var page HTMLResult
	if in.Format == doc.FormatHTML {
		var err error
		page, err = extractHTML(in.Body, in.URL, e.cfg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Origin(), err)
		}
		raw = page.Text
	}
	text, removed := e.cleaner.Clean(raw)
	text, removed = trimText(text, removed)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s: %w", in.Origin(), ErrNoContent)
	}

	d := doc.New(text)
	for _, r := range page.Repeats {
		// Dropped before clean-up: no position in the cleaned text.
		d.Removed = append(d.Removed, doc.Removal{Kind: doc.RemovedDuplicate, Text: r, At: len(text), RawAt: len(raw), Reason: "HTML extractor returned this block twice"})
	}
	d.Removed = append(d.Removed, removed...)
	d.Warnings = append(d.Warnings, in.Warnings...)
	h, hasHeader := e.header.Parse(text)
	if hasHeader && h.End > h.Start {
		d.Header = &doc.Span{Start: h.Start, End: h.End}
	}

	d.Source = doc.Source{
		Path:   in.Path,
		Line:   in.Line,
		URL:    doc.Str(first(in.URL, page.URL)),
		Outlet: doc.Str(first(in.Outlet, h.Outlet, page.Site)),
		Author: doc.Str(first(in.Author, page.Author, h.Author)),
		Format: in.Format,
	}
	if page.Site != "" && (d.Source.Outlet == nil || *d.Source.Outlet != page.Site) {
		d.Source.Site = doc.Str(page.Site)
	}
	if p := isoDate(in.Published); p != "" {
		d.Published = &p
	} else if page.Published != "" {
		d.Published = doc.Str(page.Published)
	} else if h.Published != "" {
		d.Published = doc.Str(h.Published)
	} else if h.PublishedPartial != "" {
		d.PublishedPartial = doc.Str(h.PublishedPartial)
	}
	d.Title = first(strings.TrimSpace(in.Title), page.Title)
	if d.Title == "" {
		skip := [2]int{-1, -1}
		if hasHeader {
			skip = [2]int{h.Start, h.End}
		}
		d.Title = guessTitle(text, skip, e.cfg.MaxTitleBytes)
	}
	return d, nil
}

// trimText removes leading and trailing white space from the cleaned text
// and shifts the removals' positions to match. White space is layout, not
// content, so this is not recorded as a removal.
func trimText(text string, rs []doc.Removal) (string, []doc.Removal) {
	lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	t := strings.TrimSpace(text)
	for i := range rs {
		at := rs[i].At - lead
		rs[i].At = min(max(at, 0), len(t))
		for rs[i].At > 0 && rs[i].At < len(t) && !utf8.RuneStart(t[rs[i].At]) {
			rs[i].At--
		}
	}
	return t, rs
}

// guessTitle takes the first paragraph of plain text as its title when it
// is one short line: scraped articles put the headline first. The header
// lines (skip) are passed over; a long first paragraph is a lede and gives
// no title rather than a wrong one.
func guessTitle(text string, skip [2]int, maxBytes int) string {
	off := 0
	for _, para := range strings.SplitAfter(text, "\n\n") {
		start := off
		off += len(para)
		p := strings.TrimSpace(para)
		if p == "" {
			continue
		}
		if skip[0] >= 0 && start < skip[1] && off > skip[0] {
			// Overlaps the header: use the part after the header, if any.
			if off <= skip[1] {
				continue
			}
			p = strings.TrimSpace(text[max(skip[1], start):off])
			if p == "" {
				continue
			}
		}
		if !strings.ContainsFunc(p, unicode.IsLetter) {
			continue
		}
		line, _, _ := strings.Cut(p, "\n")
		line = strings.TrimSpace(line)
		if len(line) > maxBytes || strings.Contains(p, "\n") && len(p) > maxBytes {
			return ""
		}
		return line
	}
	return ""
}

// isoDate accepts the forms a JSONL producer is likely to send (an ISO date,
// RFC 3339, RFC 1123) and returns YYYY-MM-DD, or "" for anything else.
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339, time.RFC3339Nano, time.RFC1123Z, time.RFC1123, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
