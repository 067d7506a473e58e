// Package lang is claimtrace's language stage: it says which language and
// script each stretch of a document is in, and where its sentences are.
//
// News text is often mixed: an English translation followed by its Arabic
// original, an Arabic URL slug glued to a title, English outlet names inside
// Dutch sentences, Latin digits in an Arabic byline. A whole-document
// detector gets such text wrong, and a per-sentence detector is slow and
// noisy on short input. So Segments works in three steps: it cuts the text
// into paragraphs and, inside a paragraph, into script runs (a run of another
// script must have at least MinWords words to stand alone); it detects the
// language of each run once (whatlanggo restricted to a whitelist, letter
// evidence for the Arabic-script languages that whatlanggo confuses or lacks);
// and it lets short runs take the language of their context before merging
// neighbours with the same language and script.
//
// Sentences splits on sentence punctuation of Latin, Arabic and other
// scripts, using the lexicon's per-language abbreviation lists to avoid
// false breaks. The package reads documents' text only; it never changes it.
package lang

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// letterFiles holds data/<lang>/letters.txt: the letters that tell the
// Arabic-script languages apart. They are kept here, in lexicon format, until
// the lexicon carries "letters" lists; a "letters" list in the lexicon passed
// to New takes precedence over the embedded one.
//
//go:embed data
var letterFiles embed.FS

// Config tunes detection. The zero value is not useful; start from
// DefaultConfig.
type Config struct {
	// Langs restricts detection to these ISO 639-1 codes (plus "ckb" for
	// Sorani Kurdish, which is told apart by its letters). A short list is
	// more accurate on short text: every extra Latin-script language is one
	// more way to get a two-line paragraph wrong.
	Langs []string
	// MinWords is the number of words a run of another script needs to split
	// a paragraph, and the number a run needs to have its language detected
	// at all; shorter runs inherit the language of their context.
	MinWords int
	// SwitchWords is the number of words a run needs to keep a detected
	// language that disagrees with its context (the nearest long runs of the
	// same script before and after it). Below it, detection is too noisy on
	// bylines, captions and name lists to be believed.
	SwitchWords int
	// MaxSample caps the bytes of one run given to the detector; a few
	// kilobytes decide a language as well as the whole run and keep the cost
	// bounded on very long paragraphs.
	MaxSample int
}

// DefaultConfig returns the configuration claimtrace uses: the project's
// languages plus the ones whose script alone names them.
func DefaultConfig() Config {
	return Config{
		Langs: []string{
			"ar", "ckb", "de", "en", "es", "fa", "fr", "id", "it", "ku", "nl",
			"pl", "pt", "ru", "tr", "uk", "ur",
			"el", "he", "hi", "ja", "ko", "zh",
		},
		MinWords:    3,
		SwitchWords: 10,
		MaxSample:   1536,
	}
}

// Detector finds segments and sentences. It is built once by New, holds no
// mutable state and is safe for concurrent use.
type Detector struct {
	cfg     Config
	allowed map[string]bool
	wl      whatlanggo.Options
	// letters maps an Arabic-script letter to the languages it points to.
	letters map[rune][]letterWeight
	// abbrevs holds per-language abbreviations (with their final dot), and
	// months the folded month names that may follow an ordinal "3.".
	abbrevs map[string]map[string]bool
	months  map[string]map[string]bool
}

type letterWeight struct {
	lang   string
	weight int
}

// arabicScriptLangs are the languages decided by letter evidence, in the
// order used to break ties.
var arabicScriptLangs = []string{"ar", "fa", "ur", "ckb"}

// New builds a Detector. lex supplies abbreviation and month lists (it may be
// nil: sentences then split without them). It fails on a language code that
// neither whatlanggo nor the letter tables know, and on a bad Config.
func New(cfg Config, lex *lexicon.Lexicon) (*Detector, error) {
	if cfg.MinWords < 1 {
		return nil, fmt.Errorf("lang: MinWords must be at least 1, got %d", cfg.MinWords)
	}
	if cfg.SwitchWords < cfg.MinWords {
		cfg.SwitchWords = cfg.MinWords
	}
	if cfg.MaxSample <= 0 {
		cfg.MaxSample = DefaultConfig().MaxSample
	}
	d := &Detector{
		cfg:     cfg,
		allowed: map[string]bool{},
		wl:      whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{}},
		letters: map[rune][]letterWeight{},
		abbrevs: map[string]map[string]bool{},
		months:  map[string]map[string]bool{},
	}
	byCode := map[string][]whatlanggo.Lang{}
	for l := range whatlanggo.Langs {
		if c := l.Iso6391(); c != "" {
			byCode[c] = append(byCode[c], l)
		}
	}
	for _, c := range cfg.Langs {
		c = strings.ToLower(strings.TrimSpace(c))
		ls, ok := byCode[c]
		if !ok && c != "ckb" {
			return nil, fmt.Errorf("lang: unknown language code %q", c)
		}
		d.allowed[c] = true
		for _, l := range ls {
			d.wl.Whitelist[l] = true
		}
	}
	if len(d.allowed) == 0 {
		return nil, fmt.Errorf("lang: no languages configured")
	}
	if err := d.loadLetters(lex); err != nil {
		return nil, err
	}
	if lex != nil {
		for _, l := range lex.Langs() {
			if es := lex.List(l, "abbreviations"); len(es) > 0 {
				m := map[string]bool{}
				for _, e := range es {
					m[e.Text] = true
				}
				d.abbrevs[l] = m
			}
			if es := lex.List(l, "months"); len(es) > 0 {
				m := map[string]bool{}
				for _, e := range es {
					m[fold(e.Text)] = true
				}
				d.months[l] = m
			}
		}
	}
	return d, nil
}

// loadLetters reads the letter-evidence lists, preferring lex's own.
func (d *Detector) loadLetters(lex *lexicon.Lexicon) error {
	own, err := lexicon.LoadFS(letterFiles, "data")
	if err != nil {
		return fmt.Errorf("lang: letter tables: %w", err)
	}
	for _, l := range arabicScriptLangs {
		es := own.List(l, "letters")
		if lex != nil {
			if alt := lex.List(l, "letters"); len(alt) > 0 {
				es = alt
			}
		}
		target := l
		if !d.allowed[l] {
			// Sorani falls back to "ku" when only the macrolanguage is wanted.
			if l == "ckb" && d.allowed["ku"] {
				target = "ku"
			} else {
				continue
			}
		}
		for _, e := range es {
			w := 1
			if e.Value != "" {
				n, err := strconv.Atoi(e.Value)
				if err != nil || n < 1 {
					return fmt.Errorf("lang: letters %s %q: bad weight %q", l, e.Text, e.Value)
				}
				w = n
			}
			for _, r := range e.Text {
				d.letters[r] = append(d.letters[r], letterWeight{target, w})
			}
		}
	}
	return nil
}

// Majority returns the language with the most letters across segs, "" when
// no segment has a determined language. Ties go to the language met first.
func Majority(text string, segs []doc.Segment) string {
	count := map[string]int{}
	var order []string
	for _, s := range segs {
		if s.Lang == "" || s.Lang == "und" || s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			continue
		}
		n := 0
		for _, r := range text[s.Start:s.End] {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if _, ok := count[s.Lang]; !ok {
			order = append(order, s.Lang)
		}
		count[s.Lang] += n
	}
	best, bestN := "", 0
	for _, l := range order {
		if count[l] > bestN {
			best, bestN = l, count[l]
		}
	}
	return best
}

// Langs returns the configured languages, sorted.
func (d *Detector) Langs() []string {
	out := make([]string, 0, len(d.allowed))
	for l := range d.allowed {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
