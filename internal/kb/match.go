package kb

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Config tunes the matcher. The defaults favour precision: a wrong entity
// costs an analyst more than a missed one, which fuzzy matching and the
// unknown-name finder partly recover.
type Config struct {
	// Fuzzy enables resolving unseen spellings of capitalised Latin names
	// by consonant skeleton (see fuzzy.go).
	Fuzzy bool
	// FuzzyMin is the lowest similarity (0–1) a fuzzy match needs.
	FuzzyMin float64
	// Unknown adds mentions with no entity for names the KB does not know
	// (see unknown.go).
	Unknown bool
	// PlaceMinLetters is the length a name from the generated gazetteer
	// needs, unless the place has at least PlaceBigPopulation people.
	PlaceMinLetters int
	// PlaceBigPopulation marks a place big enough to be named without other
	// places near it in the document.
	PlaceBigPopulation int
	// PlaceMaxKm is how far a small generated place may lie from the
	// document's other places (or countries) before it is taken for a
	// homonym and dropped.
	PlaceMaxKm float64
	// CueWindow is how many words around an ambiguous name are searched
	// for a cue word.
	CueWindow int
	// LangCountries maps a language to the countries where it is the main
	// language of the news, so that a Dutch text prefers Dutch towns.
	LangCountries map[string][]string
}

// DefaultConfig returns the settings the seeds were measured with.
func DefaultConfig() Config {
	return Config{
		Fuzzy:              true,
		FuzzyMin:           0.72,
		Unknown:            true,
		PlaceMinLetters:    4,
		PlaceBigPopulation: 100_000,
		PlaceMaxKm:         1500,
		CueWindow:          6,
		LangCountries: map[string][]string{
			"nl": {"NL", "BE", "SR"}, "en": {"GB", "US", "IE", "CA", "AU"},
			"fr": {"FR", "BE", "CH", "LU"}, "de": {"DE", "AT", "CH"},
			"es": {"ES", "MX", "AR", "CO"}, "it": {"IT", "CH"}, "pt": {"PT", "BR"},
			"pl": {"PL"}, "tr": {"TR"}, "id": {"ID"}, "ru": {"RU", "UA", "BY"},
			"fa": {"IR", "AF"}, "ur": {"PK"}, "ckb": {"IQ"}, "ku": {"TR", "SY", "IQ"},
			"ar": {"SY", "IQ", "LB", "JO", "EG", "SA", "PS", "YE", "LY", "TN", "DZ", "MA", "AE", "QA", "KW", "BH", "OM", "SD"},
		},
	}
}

// Lists are the language data the matcher needs, passed in by the caller
// (the mention stage reads them from the lexicon), all as keys
// (textnorm.Key). A nil Lists means no stop-lists and no cues.
type Lists struct {
	// Stop holds common words per language: a generated place never matches
	// one, and a curated name that is one must be capitalised.
	Stop map[string]map[string]bool
	// Cues maps a cue word (any language) to the entity types or IDs it
	// supports: "kanaal" → OUTLET makes an ambiguous outlet name count.
	Cues map[string][]string
	// Titles maps words and phrases that announce a name ("general",
	// "العميد", "الناطق باسم"), in any language, to the type of the name
	// that follows (PERSON or ORG); up to three words.
	Titles map[string]string
	// OrgWords mark an unknown capitalised name as an organisation
	// ("forces", "ministry", "brigade").
	OrgWords map[string]bool
	// NounEndings holds, for each language that capitalises every noun
	// (German), the endings of common nouns ("ung", "heit", "isten"): there
	// a run of capitalised words is an unknown name only after a title, or
	// when none of its words has such an ending (noun_capitalisation.txt).
	NounEndings map[string][]string
	// CaseEndings holds, per inflecting language, case endings and the base
	// endings that replace them (case_suffixes.txt: ru "ой" → "а"), for
	// names that do not match as inflected ("Пальмирой"). An ending "'"
	// means the language writes case endings after an apostrophe
	// (Turkish "Halep'te").
	CaseEndings map[string][]CaseEnding
}

// CaseEnding is one entry of case_suffixes.txt, as keys.
type CaseEnding struct{ From, To string }

// capsNouns reports whether lang capitalises its common nouns.
func (l *Lists) capsNouns(lang string) bool { return l != nil && len(l.NounEndings[lang]) > 0 }

// nounLike reports whether word (a key) ends like a common noun of lang.
func (l *Lists) nounLike(lang, word string) bool {
	for _, e := range l.NounEndings[lang] {
		// A short ending needs a stem before it ("Stellung", not "Ung");
		// a long one is a noun by itself ("Angaben").
		if (len(word) > len(e)+1 || len(e) >= 5) && strings.HasSuffix(word, e) {
			return true
		}
	}
	return false
}

// isStop reports whether key is a common word in lang.
func (l *Lists) isStop(lang, key string) bool {
	if l == nil {
		return false
	}
	return l.Stop[lang][key]
}

// Matcher finds entity mentions in text. It holds no per-document state and
// is safe for concurrent use.
type Matcher struct {
	kb    *KB
	lists *Lists
	cfg   Config
	ix    *index
	// titleLast holds the last word of every title phrase, so that most
	// words are ruled out as a title's end with one lookup.
	titleLast map[string]bool
	// langSets holds cfg.LangCountries as sets.
	langSets map[string]*countrySet
	// nearDot is the cosine of the angle PlaceMaxKm spans on the Earth.
	nearDot float64
	// pool recycles per-document state (*docState): its spans, maps and
	// flags, so that a document allocates little beyond its results.
	pool sync.Pool
}

// NewMatcher builds a matcher over k (building k's index if needed).
func NewMatcher(k *KB, lists *Lists, cfg Config) *Matcher {
	if lists == nil {
		lists = &Lists{}
	}
	m := &Matcher{kb: k, lists: lists, cfg: cfg, ix: k.index(), titleLast: map[string]bool{}}
	m.nearDot = math.Cos(min(cfg.PlaceMaxKm/earthKm, math.Pi))
	m.langSets = make(map[string]*countrySet, len(cfg.LangCountries))
	for lang, cs := range cfg.LangCountries {
		set := &countrySet{}
		for _, c := range cs {
			set.add(c)
		}
		m.langSets[lang] = set
	}
	for t := range lists.Titles {
		m.titleLast[t[strings.LastIndexByte(t, ' ')+1:]] = true
	}
	return m
}

// KB returns the knowledge base the matcher reads.
func (m *Matcher) KB() *KB { return m.kb }

// arabicProclitics are the prefixes peeled off an Arabic word: the
// conjunctions و ف, the prepositions ب ك ل and the article ال, in the
// combinations the language allows, longest last. drop is the number of
// bytes excluded from the mention's span: the conjunctions and prepositions,
// never the article (so "بالحسكة" gives the mention "الحسكة"). For لل (ل +
// the article with its alef elided) only the preposition is excluded.
var arabicProclitics = []struct {
	prefix string
	drop   int
}{
	{"و", 2}, {"ف", 2}, {"ب", 2}, {"ك", 2}, {"ل", 2},
	{"ال", 0},
	{"وب", 4}, {"وك", 4}, {"ول", 4}, {"فب", 4}, {"فك", 4}, {"فل", 4},
	{"لل", 2}, {"وال", 2}, {"فال", 2}, {"بال", 2}, {"كال", 2},
	{"ولل", 4}, {"فلل", 4},
	{"وبال", 4}, {"وكال", 4}, {"فبال", 4}, {"فكال", 4},
}

// span is one n-gram of the text that hit the index.
type span struct {
	t0, t1 int // token range [t0,t1)
	ks, ke int // key bytes matched (ks after a peeled proclitic)
	posts  []posting
	peeled bool // an Arabic proclitic was peeled
	// inflected: a word's case ending was replaced (Lists.CaseEndings);
	// only trusted entities may match so.
	inflected bool
	art       bool // a Latin article word before the name was skipped

	// Filled once by docState.prep: facts about the span's source text
	// that every candidate's checks share.
	ready    bool
	a, b     int    // source range
	lang     string // segment language
	latin    bool   // Latin script
	noLower  bool   // no lower-case letter (an acronym as written)
	capStart bool   // starts with a capital after any article
	stops    int8   // bits: 1 stop and 2 allStop are filled (spanStop, spanAllStop)
	capNb    int8   // 0 unknown, 1 a capitalised neighbour, 2 none
	nLetters int32  // letterCount of the key + 1, or 0 if not counted
	allStop  bool   // every word a common word (lang or en)
	stop     bool   // one word, a common word of lang
	sentInit int8   // 0 unknown, 1 yes, 2 no
}

// scan finds every n-gram of the key that is an indexed name, in token
// order, with every length and proclitic variant (resolution picks).
// It fills d.spans and d.gap (gap[i]: tokens i-1 and i may be in one name,
// which resolution asks again).
func (m *Matcher) scan(d *docState) {
	ix := m.ix
	f, toks, text := d.f, d.toks, d.text
	// A span's postings are a sub-slice of the index, so a hit costs no
	// allocation of its own.
	out := d.spans[:0]
	gap := d.gap[:0]
	for i := range toks {
		gap = append(gap, i > 0 && gapOK(f, toks, i, text))
	}
	d.gap = gap
	extend := func(t0, ks int, h uint64, peeled, art bool) int {
		found := 0
		first := t0
		if art {
			first = t0 + 1
		}
		for u := first; u < len(toks) && u-first < ix.maxWords; u++ {
			if u > first {
				if !gap[u] {
					break
				}
				h = hashAdd(hashAdd(h, " "), toks[u].Text)
			}
			posts, more := ix.lookup(h)
			if len(posts) > 0 {
				out = append(out, span{t0: t0, t1: u + 1, ks: ks, ke: toks[u].End, posts: posts, peeled: peeled, art: art})
				found++
			}
			if !more {
				break
			}
		}
		return found
	}
	for t := range toks {
		tok := toks[t].Text
		n := extend(t, toks[t].Start, hashKey(tok), false, false)
		// A romanised article before a name: "ar-Raqqa", "al Bukamal".
		if t+1 < len(toks) && gap[t+1] && isLatinArticle(tok) {
			if s := textnorm.StripArticle(tok + " " + toks[t+1].Text); s == toks[t+1].Text {
				n += extend(t, toks[t].Start, hashKey(toks[t+1].Text), false, true)
			}
		}
		if len(m.lists.CaseEndings) > 0 {
			if ends := m.lists.CaseEndings[d.lang(f.Orig[toks[t].Start])]; len(ends) > 0 {
				out = m.inflected(d, out, gap, t, ends)
			}
		}
		if n > 0 {
			continue
		}
		// A French or Italian elided article or preposition: "l'État
		// islamique", "dell'ISIS"; the key has dropped the apostrophe.
		if i := elision(f, toks[t], text); i > 0 {
			extend(t, i, hashKey(f.Key[i:toks[t].End]), true, false)
			continue
		}
		r, _ := utf8.DecodeRuneInString(tok)
		switch r {
		case 'و', 'ف', 'ب', 'ك', 'ل', 'ا':
		default:
			continue
		}
		for _, p := range arabicProclitics {
			if p.prefix[1] != tok[1] {
				continue // another first letter (all are two-byte runes)
			}
			rest, ok := strings.CutPrefix(tok, p.prefix)
			if !ok || utf8.RuneCountInString(rest) < 2 {
				continue
			}
			extend(t, toks[t].Start+p.drop, hashKey(rest), p.prefix != "ال", false)
		}
	}
	d.spans = out
}

// inflectedMinLetters is the length a word needs before its case ending
// is replaced: shorter words are mostly endings.
const inflectedMinLetters = 5

// inflected appends the spans from token t that match only with case
// endings replaced by base endings ("сирийской армии" → "сирийская
// армия"), every word trying its written form and its base forms, longest
// names found as the exact ones are. Each span covers the written words.
func (m *Matcher) inflected(d *docState, out []span, gap []bool, t int, ends []CaseEnding) []span {
	ix, toks := m.ix, d.toks
	var walk func(u int, h uint64, changed bool)
	walk = func(u int, h uint64, changed bool) {
		for i, form := range m.caseForms(d, u, ends) {
			hh := hashKey(form)
			if u > t {
				hh = hashAdd(hashAdd(h, " "), form)
			}
			posts, more := ix.lookup(hh)
			ch := changed || i > 0
			if len(posts) > 0 && ch {
				out = append(out, span{t0: t, t1: u + 1, ks: toks[t].Start, ke: toks[u].End, posts: posts, inflected: true})
			}
			if more && u+1 < len(toks) && u+1-t < ix.maxWords && gap[u+1] {
				walk(u+1, hh, ch)
			}
		}
	}
	walk(t, 0, false)
	return out
}

// caseForms returns token u as written followed by its base forms.
func (m *Matcher) caseForms(d *docState, u int, ends []CaseEnding) []string {
	w := d.toks[u].Text
	forms := []string{w}
	for _, e := range ends {
		if e.From == "'" {
			if i := apostrophe(d.f, d.toks[u], d.text); i > 0 {
				forms = append(forms, d.f.Key[d.toks[u].Start:i])
			}
			continue
		}
		if stem, ok := strings.CutSuffix(w, e.From); ok && utf8.RuneCountInString(w) >= inflectedMinLetters && stem != "" {
			forms = append(forms, stem+e.To)
		}
	}
	return forms
}

// apostrophe returns the key offset where an apostrophe inside the token
// was dropped ("Halep'te" → the offset of "te"), or 0.
func apostrophe(f *textnorm.Folded, tok textnorm.Token, text string) int {
	for i := tok.End - 1; i > tok.Start+1; i-- {
		prev, cur := f.Orig[i-1], f.Orig[i]
		if cur <= prev || cur > len(text) {
			continue
		}
		_, size := utf8.DecodeRuneInString(text[prev:])
		if g := text[prev+size : cur]; g != "" && strings.ContainsAny(g, "'’`´‘ʼ") {
			return i
		}
	}
	return 0
}

// gapOK reports whether tokens i-1 and i may belong to one name: nothing
// but spaces and hyphens between them, or the dot of an abbreviation
// ("U.S."), and no line break in the source.
func gapOK(f *textnorm.Folded, toks []textnorm.Token, i int, text string) bool {
	g := f.Key[toks[i-1].End:toks[i].Start]
	for j := 0; j < len(g); j++ {
		switch g[j] {
		case ' ':
		case '.':
			if toks[i-1].End-toks[i-1].Start > 1 {
				return false
			}
		default:
			return false
		}
	}
	a, b := f.Orig[toks[i-1].End], f.Orig[toks[i].Start]
	for j := a; j < b && j < len(text); j++ {
		if text[j] == '\n' || text[j] == '\r' {
			return false
		}
	}
	return true
}

func isLatinArticle(s string) bool {
	switch s {
	case "al", "el", "ul", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az":
		return true
	}
	return false
}

func isArabicLetter(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF && unicode.IsLetter(r)
}

// Mentions finds the entity mentions of text, resolves each to one entity
// by context, and returns them sorted by start, non-overlapping, with
// offsets into text (text[Start:End] == Text). segs gives the language of
// each part of the text (doc.Document.Segments); it may be nil.
func (m *Matcher) Mentions(text string, segs []doc.Segment) []doc.Mention {
	if text == "" {
		return nil
	}
	d, _ := m.pool.Get().(*docState)
	if d == nil {
		d = &docState{}
	}
	defer m.pool.Put(d)
	// The offset map and the tokens are built in the pooled state's
	// buffers, so that they are not garbage after every document.
	d.folded = textnorm.FoldReuse(text, d.folded.Orig)
	d.tokBuf = textnorm.AppendWords(d.tokBuf[:0], d.folded.Key)
	if len(d.tokBuf) == 0 {
		d.folded.Key = ""
		return nil
	}
	d.reset(m, text, &d.folded, d.tokBuf, segs)
	m.scan(d)
	out := d.resolve()
	d.release()
	return out
}

// elisions are the words French and Italian shorten before a vowel.
var elisions = map[string]bool{
	"l": true, "d": true, "j": true, "n": true, "s": true, "c": true, "qu": true, "jusqu": true,
	"dell": true, "nell": true, "all": true, "dall": true, "sull": true, "un": true,
}

// elision returns the key offset just after an elided word glued to a
// token by an apostrophe ("l'État" → the offset of "etat"), or 0.
func elision(f *textnorm.Folded, tok textnorm.Token, text string) int {
	a := f.Orig[tok.Start]
	if f.Orig[tok.End]-a == tok.End-tok.Start && text[a] < utf8.RuneSelf {
		return 0 // nothing was dropped from an ASCII word: no apostrophe
	}
	for i := tok.Start + 1; i < tok.End && i-tok.Start <= 5; i++ {
		prev := f.Orig[i-1]
		cur := f.Orig[i]
		if cur <= prev || cur > len(text) {
			continue
		}
		r, size := utf8.DecodeRuneInString(text[prev:])
		gap := text[prev+size : cur]
		if r >= utf8.RuneSelf || gap == "" || !strings.ContainsAny(gap, "'’`´‘ʼ") {
			continue
		}
		if !elisions[f.Key[tok.Start:i]] || letterCount(f.Key[i:tok.End]) < 2 || prev < a {
			return 0
		}
		return i
	}
	return 0
}
