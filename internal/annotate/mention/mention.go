// Package mention is the pipeline stage that fills doc.Document.Mentions:
// names of people, organisations, states, places, facilities and outlets,
// resolved to knowledge-base entities by the kb matcher, plus names the KB
// does not know (entity null, proposed type).
//
// The stage only adapts: the matching, resolution, fuzzy and unknown-name
// rules live in package kb (see kb.Matcher). Here the lexicon's word lists
// (stopwords, entity_cues, name_titles, org_words) are turned into kb.Lists
// and the document's segments supply the language of each name.
package mention

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Config configures the stage; it is the matcher's configuration.
type Config struct {
	KB kb.Config
}

// DefaultConfig returns the matcher's defaults.
func DefaultConfig() Config { return Config{KB: kb.DefaultConfig()} }

// Stage annotates entity mentions. It is built once and safe for
// concurrent use.
type Stage struct {
	m   *kb.Matcher
	kb  *kb.KB
	met *metonymy
}

// New builds the stage over a loaded KB and lexicon (lex may be nil: no
// stop-lists, cues or titles, which lowers precision).
func New(k *kb.KB, lex *lexicon.Lexicon, cfg Config) *Stage {
	return &Stage{m: kb.NewMatcher(k, Lists(lex), cfg.KB), kb: k, met: newMetonymy(lex)}
}

// Name names the stage in errors and timings.
func (s *Stage) Name() string { return "mention" }

// Apply replaces d.Mentions with the mentions found in d.Text.
func (s *Stage) Apply(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mention: %w", err)
	}
	d.Mentions = s.m.Mentions(d.Text, d.Segments)
	if d.Mentions == nil {
		d.Mentions = []doc.Mention{}
	}
	s.met.apply(s.kb, d)
	for i := range d.Mentions {
		d.Mentions[i].Skeleton = disguised(d.Mentions[i].Text)
	}
	return nil
}

// disguised reports whether a name as written only matched because the
// keys saw through it: an invisible format character inside it (other than
// a joiner between Arabic-script letters, which is orthography) or letters
// of several look-alike scripts. A fact-checker wants to know: a name
// written that way was likely written to dodge keyword filters.
func disguised(s string) bool {
	prev := rune(-1)
	rs := []rune(s)
	for i, r := range rs {
		if unicode.Is(unicode.Cf, r) {
			if (r == '\u200c' || r == '\u200d') && i > 0 && i+1 < len(rs) &&
				unicode.Is(unicode.Arabic, prev) && unicode.Is(unicode.Arabic, rs[i+1]) {
				prev = r
				continue
			}
			return true
		}
		prev = r
	}
	for _, w := range strings.Fields(s) {
		if _, changed := textnorm.Skeleton(w); changed {
			return true
		}
	}
	return false
}

// Matcher exposes the underlying matcher (for `claimtrace kb` tools that
// want to test a sentence).
func (s *Stage) Matcher() *kb.Matcher { return s.m }

// Lists turns the lexicon's word lists into the matcher's keyed form:
// stopwords.txt per language, entity_cues.txt (word → type or id),
// name_titles.txt (phrase → PERSON/ORG), org_words.txt and
// noun_capitalisation.txt (endings of common nouns, per language) and
// case_suffixes.txt (case endings and their base endings).
func Lists(lex *lexicon.Lexicon) *kb.Lists {
	l := &kb.Lists{
		Stop:     map[string]map[string]bool{},
		Cues:     map[string][]string{},
		Titles:   map[string]string{},
		OrgWords: map[string]bool{},
	}
	if lex == nil {
		return l
	}
	for _, lang := range lex.Langs() {
		for _, e := range lex.List(lang, "stopwords") {
			if k := kb.NameKey(e.Text); k != "" {
				if l.Stop[lang] == nil {
					l.Stop[lang] = map[string]bool{}
				}
				l.Stop[lang][k] = true
			}
		}
	}
	for _, e := range lex.All("entity_cues") {
		if k := kb.NameKey(e.Text); k != "" && e.Value != "" {
			for _, v := range strings.Split(e.Value, ",") {
				l.Cues[k] = append(l.Cues[k], strings.TrimSpace(v))
			}
		}
	}
	for _, e := range lex.All("name_titles") {
		if k := kb.NameKey(e.Text); k != "" {
			l.Titles[k] = strings.ToUpper(e.Value)
		}
	}
	for _, lang := range lex.Langs() {
		for _, e := range lex.List(lang, "noun_capitalisation") {
			if k := kb.NameKey(e.Text); k != "" {
				if l.NounEndings == nil {
					l.NounEndings = map[string][]string{}
				}
				l.NounEndings[lang] = append(l.NounEndings[lang], k)
			}
		}
	}
	for _, lang := range lex.Langs() {
		for _, e := range lex.List(lang, "case_suffixes") {
			from := e.Text
			if from != "'" {
				from = kb.NameKey(from)
			}
			if from == "" {
				continue
			}
			if l.CaseEndings == nil {
				l.CaseEndings = map[string][]kb.CaseEnding{}
			}
			l.CaseEndings[lang] = append(l.CaseEndings[lang], kb.CaseEnding{From: from, To: kb.NameKey(e.Value)})
		}
	}
	for _, e := range lex.All("org_words") {
		if k := kb.NameKey(e.Text); k != "" {
			l.OrgWords[k] = true
		}
	}
	return l
}
