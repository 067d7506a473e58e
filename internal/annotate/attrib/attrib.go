package attrib

import (
	"fmt"
	"sort"
	"strings"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// Attribution types of the claimtrace/v1 contract.
const (
	NamedPerson  = "named_person"
	OfficialBody = "official_body"
	MediaOutlet  = "media_outlet"
	Anonymous    = "anonymous"
	Document     = "document"
	Author       = "author"
)

// Cue roles, the values of report_verbs.txt.
const (
	CueSay       = "say"
	CueAccording = "according"
	CuePostp     = "postp"
	CueCite      = "cite"
	CueCont      = "cont"
	CueRel       = "rel"
	CueSelf      = "self"
	cueComp      = "comp"
)

// Config tunes how far from a cue the finder looks for its source. Windows
// are in words; wider windows find sources behind long appositions but risk
// taking the subject of a neighbouring clause.
type Config struct {
	// LeftWindow is how many words before a cue may hold its source
	// ("Alexey Zaitsev, deputy director of …, said").
	LeftWindow int
	// RightWindow is how many words after a cue may hold its source
	// ("according to Amaq, the media office of ISIS").
	RightWindow int
	// Adjacent is how many words directly before or after a cue, with no
	// punctuation in between, count as its subject: a source there wins
	// over one further away.
	Adjacent int
}

// DefaultConfig returns the windows tuned on the seed articles.
func DefaultConfig() Config {
	return Config{LeftWindow: 24, RightWindow: 12, Adjacent: 4}
}

// tables are the compiled lists of one language (or of all languages).
type tables struct {
	cues, nouns, anon, hedges *Phrases
	dets, particles, pronouns map[string]bool
	outletWords               map[string]bool
}

// Finder finds reporting cues, sources and hedges. Build it once with New;
// it holds only read-only tables and is safe for concurrent use.
type Finder struct {
	cfg    Config
	byLang map[string]*tables
	all    *tables
}

// New compiles the attribution lists of every language in lex: report_verbs,
// source_nouns (plus the language-neutral "mul" names), anonymous_sources,
// hedges and outlet_words.
func New(lex *lexicon.Lexicon, cfg Config) (*Finder, error) {
	if lex == nil {
		return nil, fmt.Errorf("attrib: no lexicon")
	}
	def := DefaultConfig()
	if cfg.LeftWindow <= 0 {
		cfg.LeftWindow = def.LeftWindow
	}
	if cfg.RightWindow <= 0 {
		cfg.RightWindow = def.RightWindow
	}
	if cfg.Adjacent <= 0 {
		cfg.Adjacent = def.Adjacent
	}
	f := &Finder{cfg: cfg, byLang: map[string]*tables{}}
	// English articles and outlet words appear in names in every language
	// ("The Guardian" in a Dutch text), so every language gets them.
	mul := lex.List("mul", "source_nouns")
	for _, e := range lex.List("en", "source_nouns") {
		if e.Value == "det" {
			mul = append(mul, e)
		}
	}
	enOutlets := lex.List("en", "outlet_words")
	for _, l := range lex.Langs() {
		if l == "mul" || len(lex.List(l, "report_verbs")) == 0 {
			continue
		}
		f.byLang[l] = build(
			lex.List(l, "report_verbs"), append(lex.List(l, "source_nouns"), mul...),
			lex.List(l, "anonymous_sources"), lex.List(l, "hedges"), append(lex.List(l, "outlet_words"), enOutlets...))
	}
	if len(f.byLang) == 0 {
		return nil, fmt.Errorf("attrib: lexicon has no report_verbs lists")
	}
	f.all = build(lex.All("report_verbs"), lex.All("source_nouns"),
		lex.All("anonymous_sources"), lex.All("hedges"), lex.All("outlet_words"))
	return f, nil
}

func build(cues, nouns, anon, hedges, outlets []lexicon.Entry) *tables {
	t := &tables{
		cues: CompilePhrases(cues), anon: CompilePhrases(anon), hedges: CompilePhrases(hedges),
		dets: map[string]bool{}, particles: map[string]bool{}, pronouns: map[string]bool{},
		outletWords: map[string]bool{},
	}
	var typed []lexicon.Entry
	for _, e := range nouns {
		k := foldWord(e.Text)
		switch e.Value {
		case "det":
			t.dets[k] = true
		case "particle":
			t.particles[k] = true
		case "pronoun":
			t.pronouns[k] = true
		default:
			typed = append(typed, e)
		}
	}
	t.nouns = CompilePhrases(typed)
	for _, e := range outlets {
		t.outletWords[foldWord(e.Text)] = true
	}
	return t
}

func foldWord(s string) string {
	toks := Tokenize(s, doc.Span{Start: 0, End: len(s)})
	if len(toks) == 0 {
		return ""
	}
	return toks[0].Key
}

// tablesFor returns the lists of lang, or of every language when lang has
// none (undetermined segments still get attribution from any language).
func (f *Finder) tablesFor(lang string) *tables {
	if t, ok := f.byLang[lang]; ok {
		return t
	}
	return f.all
}

// Result is everything the finder learned about one span. Find returns its
// core; the claim stage uses the rest to carry speakers across sentences.
type Result struct {
	// Attribution is the nearest speaker: the one the author cites. Type is
	// Author when the span has no reporting cue.
	Attribution doc.Attribution
	// Chain lists the further sources the nearest speaker relays, nearest
	// first ("Sputnik, citing SDF insiders" → Chain = [SDF insiders]).
	Chain []doc.Attribution
	// Hedge is the hedge cue as written, nil when there is none.
	Hedge     *string
	HedgeSpan doc.Span
	// Cue is the reporting cue (zero when there is none) and CueRole its
	// role in report_verbs.txt (say, according, …).
	Cue     doc.Span
	CueRole string
	// Source is the source phrase's span (zero when unattributed).
	Source doc.Span
	// Pronoun is true when the source is a pronoun ("he said") that the
	// span alone cannot resolve; the caller may use the previous speaker.
	Pronoun bool
	// Continues is true when a cue names no speaker ("adding that", "werd
	// benadrukt", "مضيفاً"): the previous speaker goes on.
	Continues bool
	// Introduces is true when a speech cue ends the span with a colon
	// ("Richard Spencer wrote:"): what follows is the speaker's.
	Introduces bool
}

// Attributed reports whether the span names a source of its own.
func (r Result) Attributed() bool { return r.Attribution.Type != Author && r.Attribution.Type != "" }

// Find returns the attribution of one sentence or clause span: the nearest
// speaker (Type "author" when the span has no reporting cue), the chain of
// further sources, the hedge as written (nil when none) and the cue's span.
// It never panics; spans outside the text are clamped.
func (f *Finder) Find(d *doc.Document, span doc.Span) (attr *doc.Attribution, chain []doc.Attribution, hedge *string, cueSpan doc.Span) {
	r := f.Analyze(d, span)
	a := r.Attribution
	return &a, r.Chain, r.Hedge, r.Cue
}

// Analyze is Find with the details the claim stage needs.
func (f *Finder) Analyze(d *doc.Document, span doc.Span) Result {
	res := Result{Attribution: doc.Attribution{Type: Author}}
	if d == nil {
		return res
	}
	s, e := clampSpan(d.Text, span)
	toks := Tokenize(d.Text, doc.Span{Start: s, End: e})
	if len(toks) == 0 {
		return res
	}
	t := f.tablesFor(LangAt(d, s))
	a := &analysis{f: f, t: t, d: d, toks: toks, ment: mentionIndex(d, toks)}
	a.hedge(&res)
	a.attribute(&res)
	if res.CueRole == CueSay || res.CueRole == CueCont {
		tail := strings.TrimRight(d.Text[toks[len(toks)-1].End:e], " \t\r\n\u00a0")
		res.Introduces = strings.HasSuffix(tail, ":")
	}
	return res
}

// LangAt returns the language of the segment holding offset pos, "" when
// no segment does.
func LangAt(d *doc.Document, pos int) string {
	i := sort.Search(len(d.Segments), func(i int) bool { return d.Segments[i].End > pos })
	if i < len(d.Segments) && d.Segments[i].Start <= pos {
		return d.Segments[i].Lang
	}
	return ""
}

// mentionIndex maps each token to the mention that covers it, -1 if none.
func mentionIndex(d *doc.Document, toks []Token) []int {
	idx := make([]int, len(toks))
	for i := range idx {
		idx[i] = -1
	}
	if len(d.Mentions) == 0 {
		return idx
	}
	lo, hi := toks[0].Start, toks[len(toks)-1].End
	from, to := d.MentionRange(lo, hi)
	for mi := from; mi < to; mi++ {
		m := d.Mentions[mi]
		if m.End <= lo || m.Start >= hi || m.Start >= m.End {
			continue
		}
		for ti, tk := range toks {
			if tk.Start < m.End && tk.End > m.Start && idx[ti] < 0 {
				idx[ti] = mi
			}
		}
	}
	return idx
}
