package event

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// listName is the lexicon list that holds the triggers and context words.
const listName = "event_triggers"

// minStem is the shortest stem (in runes) a "*" entry may have: shorter ones
// would match half the vocabulary.
const minStem = 3

// cue is a set of context-word roles.
type cue uint8

const (
	cueNeg cue = 1 << iota
	cueHypo
	cueTarget
	cueAgent
	cuePlace
	cueCiv
	cueParty
)

// cueByName reads a context-word role of the lexicon format.
func cueByName(s string) (cue, bool) {
	switch s {
	case "!neg":
		return cueNeg, true
	case "!hypo":
		return cueHypo, true
	case "!target":
		return cueTarget, true
	case "!agent":
		return cueAgent, true
	case "!place":
		return cuePlace, true
	case "!civ":
		return cueCiv, true
	case "!party":
		return cueParty, true
	}
	return 0, false
}

// Trigger tiers: in one sentence only the triggers of the highest tier
// present become events.
const (
	tierKill   = 0
	tierWeak   = 1
	tierStrong = 2
)

// word is one word of a pattern, as a textnorm key.
type word struct {
	text string
	stem bool // matches any word that starts with text
}

// pattern is one parsed lexicon entry.
type pattern struct {
	words    []word
	typ, sub string // set for triggers
	tier     int
	byActors bool // type follows the parties
	kill     bool // a killing word
	cues     cue  // set for context words
	stop     bool // blocks a stem, makes nothing
	source   string
}

func (p *pattern) trigger() bool { return p.typ != "" }

// index finds patterns by their first word.
type index struct {
	first    map[string][]*pattern
	stemLens []int // distinct byte lengths of first-word stems, longest first
}

func newIndex() *index { return &index{first: map[string][]*pattern{}} }

func (ix *index) add(p *pattern) {
	w := p.words[0]
	ix.first[w.text] = append(ix.first[w.text], p)
	if w.stem {
		n := len(w.text)
		for _, l := range ix.stemLens {
			if l == n {
				return
			}
		}
		ix.stemLens = append(ix.stemLens, n)
		sort.Sort(sort.Reverse(sort.IntSlice(ix.stemLens)))
	}
}

// loadIndexes parses every language's trigger list into one index per
// language and one index over all languages (for text whose language has no
// list or is unknown).
func loadIndexes(lex *lexicon.Lexicon) (map[string]*index, *index, error) {
	byLang := map[string]*index{}
	all := newIndex()
	for _, lang := range lex.Langs() {
		entries := lex.List(lang, listName)
		if len(entries) == 0 {
			continue
		}
		ix := newIndex()
		for _, e := range entries {
			p, err := parsePattern(e)
			if err != nil {
				return nil, nil, fmt.Errorf("event: lexicon %s/%s.txt: %w", lang, listName, err)
			}
			ix.add(p)
			all.add(p)
		}
		byLang[lang] = ix
	}
	return byLang, all, nil
}

// parsePattern reads one entry; the format is documented at the top of
// every event_triggers.txt.
func parsePattern(e lexicon.Entry) (*pattern, error) {
	p := &pattern{source: e.Text + "\t" + e.Value}
	for _, raw := range strings.Fields(e.Text) {
		stem := strings.HasSuffix(raw, "*")
		raw = strings.TrimRight(raw, "*")
		toks := textnorm.Words(textnorm.Key(raw))
		if len(toks) == 0 {
			return nil, fmt.Errorf("entry %q: word %q has no letters", e.Text, raw)
		}
		for i, t := range toks {
			w := word{text: t.Text}
			if isArabicWord(w.text) {
				w.text = textnorm.StripArticle(w.text)
			}
			if i == len(toks)-1 && stem {
				if utf8.RuneCountInString(w.text) < minStem {
					return nil, fmt.Errorf("entry %q: stem %q shorter than %d letters", e.Text, w.text, minStem)
				}
				w.stem = true
			}
			p.words = append(p.words, w)
		}
	}
	if len(p.words) == 0 {
		return nil, fmt.Errorf("entry %q: no words", e.Text)
	}
	fields := strings.Fields(e.Value)
	if len(fields) == 0 {
		return nil, fmt.Errorf("entry %q: no value", e.Text)
	}
	if strings.HasPrefix(fields[0], "!") {
		for _, f := range fields {
			if f == "!stop" {
				p.stop = true
				continue
			}
			c, ok := cueByName(f)
			if !ok {
				return nil, fmt.Errorf("entry %q: unknown context word role %q", e.Text, f)
			}
			p.cues |= c
		}
		return p, nil
	}
	typ, sub, ok := strings.Cut(fields[0], "/")
	if !ok || !Valid(typ, sub) {
		return nil, fmt.Errorf("entry %q: %q is not a type/sub_type of the scheme", e.Text, fields[0])
	}
	p.typ, p.sub, p.tier = typ, sub, tierStrong
	for _, f := range fields[1:] {
		switch f {
		case "weak":
			p.tier = min(p.tier, tierWeak)
		case "kill":
			p.kill, p.tier = true, tierKill
		case "actors":
			p.byActors = true
		default:
			return nil, fmt.Errorf("entry %q: unknown flag %q", e.Text, f)
		}
	}
	return p, nil
}

// isArabicWord reports whether a key word is written in Arabic script.
func isArabicWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF
}

// token is one word of the folded document.
type token struct {
	key        string // the key word
	start, end int    // source byte range
	split      int    // key byte offset just after an apostrophe, 0 if none
}

// variants appends the forms under which a token may match a pattern word:
// the word itself; for a word with an apostrophe, the parts on either side
// ("l'attaque", "Halep'te"); for an Arabic word, the word without its
// proclitics و ف, then ب ل ك, then the article ال (or لل). Each variant is a
// substring of the key, so nothing is allocated.
func (t *token) variants(out []string) []string {
	k := t.key
	out = append(out, k)
	if t.split > 0 && t.split < len(k) {
		if utf8.RuneCountInString(k[t.split:]) >= 2 {
			out = append(out, k[t.split:])
		}
		if utf8.RuneCountInString(k[:t.split]) >= 2 {
			out = append(out, k[:t.split])
		}
	}
	if !isArabicWord(k) {
		return out
	}
	base := len(out) - 1
	strip := func(s string, prefixes ...string) {
		for _, p := range prefixes {
			if r, ok := strings.CutPrefix(s, p); ok && utf8.RuneCountInString(r) >= 2 {
				out = append(out, r)
			}
		}
	}
	strip(k, "و", "ف")
	n := len(out)
	for i := base; i < n; i++ {
		strip(out[i], "ب", "ل", "ك")
	}
	n = len(out)
	for i := base; i < n; i++ {
		strip(out[i], "ال", "لل")
	}
	return out
}

// hit is a pattern matched over tokens [j0,j1) (document token indices),
// source bytes [start,end).
type hit struct {
	j0, j1     int
	start, end int
	pat        *pattern
}

// matcher holds the scratch space of one Apply call.
type matcher struct {
	va, vb []string
}

// wordMatches reports whether pattern word w matches one of the variants.
func wordMatches(w word, vs []string) bool {
	for _, v := range vs {
		if v == w.text || w.stem && strings.HasPrefix(v, w.text) {
			return true
		}
	}
	return false
}

// match finds the patterns of ix in toks[lo:hi], longest match first, and
// appends them to hits.
func (m *matcher) match(ix *index, toks []token, lo, hi int, hits []hit) []hit {
	for i := lo; i < hi; {
		m.va = toks[i].variants(m.va[:0])
		var best *pattern
		bestScore := [3]int{}
		consider := func(p *pattern) {
			n := len(p.words)
			if i+n > hi {
				return
			}
			for k := 1; k < n; k++ {
				m.vb = toks[i+k].variants(m.vb[:0])
				if !wordMatches(p.words[k], m.vb) {
					return
				}
			}
			exact, chars := 0, 0
			for _, w := range p.words {
				if !w.stem {
					exact++
				}
				chars += len(w.text)
			}
			score := [3]int{n, exact, chars}
			if best == nil || less(bestScore, score) || score == bestScore && !best.trigger() && p.trigger() {
				best, bestScore = p, score
			}
		}
		for _, v := range m.va {
			for _, p := range ix.first[v] {
				consider(p)
			}
			for _, n := range ix.stemLens {
				if n >= len(v) || !utf8.RuneStart(v[n]) {
					continue
				}
				for _, p := range ix.first[v[:n]] {
					if p.words[0].stem {
						consider(p)
					}
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		n := len(best.words)
		if !best.stop {
			hits = append(hits, hit{j0: i, j1: i + n, start: toks[i].start, end: toks[i+n-1].end, pat: best})
		}
		i += n
	}
	return hits
}

// less orders match scores: more words, then more exact words, then more
// letters.
func less(a, b [3]int) bool {
	for k := range a {
		if a[k] != b[k] {
			return a[k] < b[k]
		}
	}
	return false
}

// tokenize splits the folded text into tokens with source offsets.
func tokenize(text string, f textnorm.Folded) []token {
	words := textnorm.Words(f.Key)
	toks := make([]token, 0, len(words))
	for _, w := range words {
		s, e := f.Span(w.Start, w.End)
		t := token{key: w.Text, start: s, end: e}
		if src := text[s:e]; strings.ContainsAny(src, "'’ʼ`´‘") {
			// The key dropped the apostrophe: find the first key byte whose
			// source lies after it.
			ap := strings.LastIndexAny(src, "'’ʼ`´‘") + s
			for k := w.Start; k < w.End; k++ {
				if f.Orig[k] > ap {
					t.split = k - w.Start
					break
				}
			}
		}
		toks = append(toks, t)
	}
	return toks
}
