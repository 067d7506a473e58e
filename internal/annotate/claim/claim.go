package claim

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/claimtrace/claimtrace/internal/annotate/attrib"
	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Config tunes which sentences become claims and how they are scored.
type Config struct {
	// MinScore is the check-worthiness below which a sentence is not
	// emitted. Lower it for recall (every asserting sentence), raise it for
	// a shorter list.
	MinScore float64
	// Weights is the feature table (see DefaultWeights); a missing feature
	// weighs 0.
	Weights map[string]float64
	// EmitQuestions adds rhetorical questions as Kind "question" with
	// Insinuation set, whatever their score. They are not claims: consumers
	// that count claims skip that kind.
	EmitQuestions bool
	// ShortWords is the word count under which the "short" feature fires.
	ShortWords int
	// CarryBack is how many sentences back a pronoun ("he said") or a
	// continuation ("adding that") may find its speaker.
	CarryBack int
}

// DefaultConfig returns the configuration tuned on the seed articles.
func DefaultConfig() Config {
	return Config{MinScore: 0.3, Weights: DefaultWeights(), EmitQuestions: true, ShortWords: 6, CarryBack: 3}
}

// Stage is the claim pipeline stage. Build it once with New; it is
// read-only afterwards and safe for concurrent use.
type Stage struct {
	cfg    Config
	finder *attrib.Finder
	byLang map[string]*tables
	all    *tables
}

type tables struct {
	cues, accusation, opinion *attrib.Phrases
	report                    *attrib.Phrases // report_verbs, for complementisers
	months                    map[string]bool
	boiler                    []string // folded boilerplate lines: a claim starting with one is boilerplate
	labels                    []string // folded credit labels with their colon ("source:"), matched anywhere
}

// New builds the stage from the lexicon (accusation_verbs, opinion_markers,
// claim_cues, months, boilerplate and header label lists) and a Finder.
func New(lex *lexicon.Lexicon, finder *attrib.Finder, cfg Config) (*Stage, error) {
	if lex == nil || finder == nil {
		return nil, fmt.Errorf("claim: lexicon and attribution finder are required")
	}
	if cfg.Weights == nil {
		cfg.Weights = DefaultWeights()
	}
	if cfg.ShortWords <= 0 {
		cfg.ShortWords = DefaultConfig().ShortWords
	}
	if cfg.CarryBack <= 0 {
		cfg.CarryBack = DefaultConfig().CarryBack
	}
	st := &Stage{cfg: cfg, finder: finder, byLang: map[string]*tables{}}
	get := func(l string) *tables {
		list := func(name string) []lexicon.Entry {
			if l == "" {
				return lex.All(name)
			}
			return lex.List(l, name)
		}
		t := &tables{
			cues: attrib.CompilePhrases(list("claim_cues")), accusation: attrib.CompilePhrases(list("accusation_verbs")),
			opinion: attrib.CompilePhrases(list("opinion_markers")), months: map[string]bool{},
			report: attrib.CompilePhrases(list("report_verbs")),
		}
		for _, e := range list("months") {
			t.months[textnorm.Key(e.Text)] = true
		}
		for _, name := range []string{"boilerplate", "source_labels", "author_labels"} {
			for _, e := range list(name) {
				k := textnorm.Key(e.Text)
				switch {
				case k == "":
				case name == "boilerplate":
					t.boiler = append(t.boiler, k)
				case strings.HasSuffix(e.Text, ":"):
					t.labels = append(t.labels, k)
				}
				// A label without its colon is too common a word to use.
			}
		}
		return t
	}
	for _, l := range lex.Langs() {
		if len(lex.List(l, "claim_cues")) > 0 || len(lex.List(l, "accusation_verbs")) > 0 {
			st.byLang[l] = get(l)
		}
	}
	st.all = get("")
	return st, nil
}

func (st *Stage) tablesFor(lang string) *tables {
	if t, ok := st.byLang[lang]; ok {
		return t
	}
	return st.all
}

// Name is the stage name used in errors and timings.
func (st *Stage) Name() string { return "claim" }

// boilerplate reports whether txt is a credit line or comment-form text.
// Only short texts are checked: boilerplate lines and credit headers are
// short, and this keeps the cost off long sentences.
func (st *Stage) boilerplate(txt, lang string) bool {
	if len(txt) > maxBoilerplate {
		return false
	}
	if strings.Contains(txt, "~~~") {
		return true
	}
	k := textnorm.Key(txt)
	t := st.tablesFor(lang)
	for _, b := range t.boiler {
		if strings.HasPrefix(k, b) {
			return true
		}
	}
	if strings.IndexByte(k, ':') >= 0 {
		for _, b := range t.labels {
			if strings.Contains(k, b) {
				return true
			}
		}
	}
	return false
}

// maxBoilerplate is the longest text (bytes) checked for boilerplate.
const maxBoilerplate = 400

// speaker is an attribution carried from one sentence to the next.
type speaker struct {
	attr  doc.Attribution
	chain []doc.Attribution
}

// carry is a speaker whose words run on: after "X wrote:" to the end of the
// next paragraph, or inside an open quotation.
type carry struct {
	who     speaker
	until   int  // carry applies to sentences starting before this offset
	toQuote bool // carry ends with the sentence that closes the quotation
}

// Apply fills d.Claims. It reads d.Sentences (falling back to lines when
// there are none), the segments' languages and, when present, the
// mentions, times and quantities layers.
func (st *Stage) Apply(ctx context.Context, d *doc.Document) error {
	if d == nil {
		return nil
	}
	sents := d.Sentences
	if len(sents) == 0 {
		sents = lines(d.Text)
	}
	claims := make([]doc.Claim, 0, len(sents)/2)
	var (
		last    *speaker
		lastAt  = -1 << 30
		current *carry
	)
	for si, sp := range sents {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s, e := trimSpan(d.Text, sp)
		if s >= e {
			continue
		}
		if h := d.Header; h != nil && s >= h.Start && e <= h.End {
			continue // the credit header or byline: furniture, not a claim
		}
		if current != nil && s >= current.until {
			current = nil
		}
		lang := attrib.LangAt(d, s)
		groups := st.groups(d, s, e)
		for gi := range groups {
			g := &groups[gi]
			r := &g.res
			switch {
			case current != nil:
				own := r.Attributed() && !r.Pronoun
				chain := append([]doc.Attribution(nil), current.who.chain...)
				if own {
					chain = append(append(chain, r.Attribution), r.Chain...)
				}
				r.Attribution, r.Chain = current.who.attr, chain
			case (r.Continues || r.Pronoun) && last != nil && si-lastAt <= st.cfg.CarryBack:
				r.Attribution, r.Chain = last.attr, append([]doc.Attribution(nil), last.chain...)
			}
			if r.Attributed() {
				last, lastAt = &speaker{attr: r.Attribution, chain: r.Chain}, si
			}
		}
		// A speaker that introduces what follows, or opens a quotation it
		// does not close, keeps the floor.
		if n := len(groups); n > 0 && current == nil {
			g := groups[n-1]
			switch {
			case g.res.Introduces && g.res.Attributed():
				current = &carry{who: speaker{g.res.Attribution, g.res.Chain}, until: nextParagraphEnd(d.Text, e)}
			case g.res.Attributed() && openQuote(d.Text[g.res.Cue.End:e]):
				current = &carry{who: speaker{g.res.Attribution, g.res.Chain}, until: len(d.Text) + 1, toQuote: true}
			}
		} else if current != nil && current.toQuote && closesQuote(d.Text[s:e]) {
			current.until = e // the quotation ends here
		}
		for _, g := range groups {
			if c, ok := st.makeClaim(d, g, lang); ok {
				claims = append(claims, c)
			}
		}
	}
	d.Claims = claims
	return nil
}

// makeClaim scores one clause group and builds its claim.
func (st *Stage) makeClaim(d *doc.Document, g group, lang string) (doc.Claim, bool) {
	if g.res.Introduces && g.res.Attributed() && st.bare(d, g) {
		return doc.Claim{}, false // "Kan reported:" only hands over to what follows
	}
	sg := st.examine(d, g.start, g.end, g.res, lang)
	score, feats := st.score(sg)
	k := kind(sg)
	if k == KindQuestion {
		if !st.cfg.EmitQuestions || sg.words < 3 {
			return doc.Claim{}, false
		}
	} else if score < st.cfg.MinScore {
		return doc.Claim{}, false
	}
	c := doc.Claim{
		Start: g.start, End: g.end, Text: d.Text[g.start:g.end],
		Hedge: g.res.Hedge, Score: round(score), Chain: g.res.Chain, Kind: k,
		Mentions: sg.ments, Times: sg.times, Quantities: sg.quants, Features: feats,
		Insinuation: k == KindQuestion,
	}
	a := g.res.Attribution
	if a.Type == "" {
		a.Type = attrib.Author
	}
	c.Attribution = &a
	return c, true
}

// bare reports whether a group says nothing besides its source and cue.
func (st *Stage) bare(d *doc.Document, g group) bool {
	n := 0
	for _, tk := range attrib.Tokenize(d.Text, doc.Span{Start: g.start, End: g.end}) {
		in := func(sp doc.Span) bool { return tk.Start >= sp.Start && tk.End <= sp.End }
		if !in(g.res.Source) && !in(g.res.Cue) {
			n++
		}
	}
	return n < 3
}

func round(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// trimSpan clamps a span to the text and trims surrounding space.
func trimSpan(text string, sp doc.Span) (int, int) {
	s := min(max(sp.Start, 0), len(text))
	e := min(max(sp.End, s), len(text))
	for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	for s < e && s < len(text) && text[s]&0xC0 == 0x80 {
		s++
	}
	for e > s && e < len(text) && text[e]&0xC0 == 0x80 {
		e--
	}
	return s, e
}

// lines splits text into non-empty lines, the fallback when no sentence
// layer exists.
func lines(text string) []doc.Span {
	var out []doc.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				out = append(out, doc.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// nextParagraphEnd returns the end of the paragraph that follows offset e:
// the words after "X wrote:" run to the end of the next paragraph.
func nextParagraphEnd(text string, e int) int {
	i := e
	for i < len(text) && text[i] != '\n' {
		i++ // rest of the current line
	}
	for i < len(text) && unicode.IsSpace(rune(text[i])) {
		i++
	}
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(text)
}

func openQuote(s string) bool {
	return strings.Count(s, "“")+strings.Count(s, "«")+strings.Count(s, "„") >
		strings.Count(s, "”")+strings.Count(s, "»")
}

func closesQuote(s string) bool {
	return strings.Count(s, "”")+strings.Count(s, "»") > strings.Count(s, "“")+strings.Count(s, "«")+strings.Count(s, "„")
}
