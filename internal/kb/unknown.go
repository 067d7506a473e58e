package kb

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Names the KB does not know still become mentions, with no entity and a
// proposed type, so that an analyst sees them and can add them to a KB
// file (`claimtrace entities --unknown`). The finder is conservative,
// because every such mention that is not a name costs precision:
//
//   - After a title or cue phrase (name_titles.txt: "generaal", "minister",
//     "spokesman", "العميد", "الناطق باسم" …; its value column says whether
//     a PERSON or an ORG follows), the next one to three capitalised Latin
//     words, or one or two Arabic-script words that are not common words,
//     are a name of that type.
//   - Elsewhere only runs of two to four capitalised Latin words count
//     (lower-case romanised articles and particles such as "al", "van",
//     "de", "bin" may join them), with common words trimmed from the
//     ends, not starting a sentence with a common word. A run containing an
//     organisation word (org_words.txt: "Forces", "Army", "Council",
//     "Ministry", "Brigade", "Front", "Party" …) is an ORG; a run of two or
//     three plain words is taken for a PERSON ("Farhad Shami"); anything
//     else is an ORG, the most frequent kind of unknown multi-word name in
//     news.
//
// Single capitalised words without a title are not reported: in Dutch,
// German and English alike most of them are nationalities, sentence starts
// or the first words of headlines.

var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "abu": true, "van": true, "der": true,
	"de": true, "den": true, "la": true, "le": true, "von": true, "da": true, "di": true, "of": true,
}

func (d *docState) unknown(covered []bool) []doc.Mention {
	var out []doc.Mention
	emit := func(t0, t1 int, typ string) {
		s := span{t0: t0, t1: t1, ks: d.toks[t0].Start, ke: d.toks[t1-1].End}
		a, b := d.srcSpan(&s)
		if a >= b {
			return
		}
		out = append(out, doc.Mention{Start: a, End: b, Text: d.text[a:b], Type: typ, Score: 0.5})
		for u := t0; u < t1; u++ {
			covered[u] = true
		}
	}
	for t := 0; t < len(d.toks); t++ {
		if covered[t] {
			continue
		}
		// A title or cue phrase ending at t-1?
		if typ, ok := d.titleBefore(t); ok {
			if d.capitalised(t) {
				u := t
				for u < len(d.toks) && u-t < 3 && !covered[u] && (u == t || d.tightGap(u)) && d.capitalised(u) {
					u++
				}
				emit(t, u, typ)
				t = u - 1
				continue
			}
			r, _ := utf8.DecodeRuneInString(d.toks[t].Text)
			generic := typ == Org && strings.HasPrefix(d.toks[t].Text, "ال")
			if isArabicLetter(r) && !generic && !d.isStopAt(t) && letterCount(d.toks[t].Text) >= 2 {
				u := t + 1
				if u < len(d.toks) && !covered[u] && d.tightGap(u) && !d.isStopAt(u) && isArabicWord(d.toks[u].Text) && typ == Person {
					u++
				}
				emit(t, u, typ)
				t = u - 1
				continue
			}
		}
		if !d.capitalised(t) || t > 0 && covered[t-1] && d.glued(t) {
			continue // a word glued to a known mention is part of it
		}
		// A run of capitalised words.
		u, words := t, 0
		last := t
		for u < len(d.toks) && !covered[u] && (u == t || d.tightGap(u)) && words < 5 {
			if d.capitalised(u) && isLatinText(d.toks[u].Text) {
				words++
				last = u
				u++
				continue
			}
			if u > t && nameParticles[d.toks[u].Text] {
				u++
				continue
			}
			break
		}
		t0, t1 := t, last+1
		// Trim common words from both ends.
		lang := d.lang(d.f.Orig[d.toks[t].Start])
		for t0 < t1 && (d.isStopIn(lang, t0) || d.m.lists.Titles[d.toks[t0].Text] != "" || nameParticles[d.toks[t0].Text] || t0 == t && d.sentenceInitialTok(t0) && d.m.lists.isStop("en", d.toks[t0].Text)) {
			t0++
		}
		for t1 > t0 && d.isStopIn(lang, t1-1) {
			t1--
		}
		n := 0
		for v := t0; v < t1; v++ {
			if d.capitalised(v) {
				n++
			}
		}
		if n >= 2 && n <= 4 && !hasAllCapsWord(d, t0, t1) && !d.nounRun(lang, t0, t1) {
			emit(t0, t1, d.guessType(t0, t1))
		}
		t = max(t, last)
	}
	return out
}

// tightGap reports whether tokens u-1 and u are written as words of one
// name: d.gap, and in the source a single space or hyphen between them
// (or the dot of an initial, "J. Smith"). Layout puts runs of spaces,
// NBSPs and tabs between a byline's place and the next label ("al-Ḥasaka
// ⋯ Source"), never inside a name.
func (d *docState) tightGap(u int) bool {
	if !d.gap[u] {
		return false
	}
	a, b := d.f.Orig[d.toks[u-1].End], d.f.Orig[d.toks[u].Start]
	g := d.text[a:b]
	if g == "" {
		return true
	}
	if one := d.toks[u-1].End-d.toks[u-1].Start == 1; one {
		g = strings.TrimPrefix(g, ".")
	}
	n := 0
	for _, r := range g {
		switch {
		case unicode.Is(unicode.Cf, r): // soft hyphens, joiners: invisible
			continue
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == '-' || r == '\u2010' || r == '\u2011':
			n++
		default:
			return false
		}
	}
	return n <= 1
}

// glued reports whether token t is written against token t-1 with nothing
// or only a hyphen between them ("al-Ḥasaka", "Hasaka-Stadt").
func (d *docState) glued(t int) bool {
	g := d.text[d.f.Orig[d.toks[t-1].End]:d.f.Orig[d.toks[t].Start]]
	return g == "" || g == "-" || g == "\u2010" || g == "\u2011"
}

// nounRun reports whether, in a language that capitalises its nouns, the
// capitalised words [t0,t1) read as common nouns rather than a name: a
// word other than an organisation word ends like a common noun
// ("Luftangriffe", "Stellungen"), or an article joins the words ("… der
// Dschihadisten"), where a name would take "von".
func (d *docState) nounRun(lang string, t0, t1 int) bool {
	l := d.m.lists
	if !l.capsNouns(lang) {
		return false
	}
	for v := t0; v < t1; v++ {
		w := d.toks[v].Text
		if l.OrgWords[w] {
			continue
		}
		if !d.capitalised(v) {
			if w != "von" && w != "van" && w != "al" && w != "bin" && w != "ibn" && w != "abu" {
				return true
			}
			continue
		}
		if l.nounLike(lang, w) {
			return true
		}
	}
	return false
}

func isArabicWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isArabicLetter(r)
}

func hasAllCapsWord(d *docState, t0, t1 int) bool {
	for v := t0; v < t1; v++ {
		a, b := d.f.Orig[d.toks[v].Start], d.f.Orig[d.toks[v].End]
		if w := d.text[a:b]; letterCount(w) > 1 && hasNoLower(w) {
			return true
		}
	}
	return false
}

func (d *docState) isStopAt(t int) bool {
	return d.isStopIn(d.lang(d.f.Orig[d.toks[t].Start]), t)
}

func (d *docState) isStopIn(lang string, t int) bool {
	return d.tokStop(t, lang, false)&stopInLang != 0
}

func (d *docState) sentenceInitialTok(t int) bool {
	return d.sentenceInitial(&span{t0: t, t1: t + 1, ks: d.toks[t].Start, ke: d.toks[t].End})
}

// titleBefore reports whether a title phrase from the lists ends right
// before token t, and the type of name it announces.
func (d *docState) titleBefore(t int) (string, bool) {
	titles := d.m.lists.Titles
	if t == 0 || !d.m.titleLast[d.toks[t-1].Text] || !d.gap[t] {
		return "", false
	}
	// Try the longest phrase first: "الناطق باسم" before "باسم".
	for n := min(3, t); n >= 1; n-- {
		var b strings.Builder
		ok := true
		for i := t - n; i < t; i++ {
			if i > t-n {
				if !d.gap[i] {
					ok = false
					break
				}
				b.WriteByte(' ')
			}
			b.WriteString(d.toks[i].Text)
		}
		if !ok {
			continue
		}
		if typ, found := titles[b.String()]; found {
			if typ == "" {
				typ = Person
			}
			return typ, true
		}
	}
	return "", false
}

func (d *docState) guessType(t0, t1 int) string {
	for v := t0; v < t1; v++ {
		if d.m.lists.OrgWords[d.toks[v].Text] {
			return Org
		}
	}
	if t1-t0 <= 3 {
		plain := true
		for v := t0; v < t1; v++ {
			w := d.toks[v].Text
			if nameParticles[w] {
				continue
			}
			for _, r := range w {
				if !unicode.IsLetter(r) {
					plain = false
				}
			}
		}
		if plain {
			return Person
		}
	}
	return Org
}

// UnknownName is a name the KB does not know, clustered over documents
// by consonant skeleton (Latin) or article-less key (Arabic script), for
// `claimtrace entities --unknown`.
type UnknownName struct {
	// Key is the cluster key (the skeleton); Name is the most frequent
	// spelling, the one to put into a KB file.
	Key  string `json:"key"`
	Name string `json:"name"`
	// Type is the most frequently proposed type.
	Type  string `json:"type"`
	Count int    `json:"count"`
	// Variants are the spellings seen, most frequent first, with counts.
	Variants []Variant `json:"variants"`
	// Examples are up to three contexts ("… text around the name …").
	Examples []string `json:"examples"`
}

// Variant is one spelling of an unknown name.
type Variant struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// Unknown collects the mentions without an entity from analysed
// documents and clusters their spellings, most frequent names first.
func Unknown(docs iter.Seq[*doc.Document]) []UnknownName {
	type acc struct {
		variants map[string]int
		types    map[string]int
		examples []string
		count    int
	}
	clusters := map[string]*acc{}
	for d := range docs {
		if d == nil {
			continue
		}
		for _, m := range d.Mentions {
			if m.Entity != nil || m.Text == "" {
				continue
			}
			key := clusterKey(m.Text)
			if key == "" {
				continue
			}
			c := clusters[key]
			if c == nil {
				c = &acc{variants: map[string]int{}, types: map[string]int{}}
				clusters[key] = c
			}
			c.count++
			c.variants[m.Text]++
			c.types[m.Type]++
			if len(c.examples) < 3 {
				c.examples = append(c.examples, around(d.Text, m.Start, m.End, 60))
			}
		}
	}
	out := make([]UnknownName, 0, len(clusters))
	for key, c := range clusters {
		u := UnknownName{Key: key, Count: c.count, Examples: c.examples}
		for v, n := range c.variants {
			u.Variants = append(u.Variants, Variant{v, n})
		}
		slices.SortFunc(u.Variants, func(a, b Variant) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Text, b.Text))
		})
		u.Name = u.Variants[0].Text
		best := 0
		for t, n := range c.types {
			if n > best || n == best && t < u.Type {
				u.Type, best = t, n
			}
		}
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b UnknownName) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key))
	})
	return out
}

// clusterKey is the skeleton for Latin names, the key without its article
// for others.
func clusterKey(s string) string {
	k := aliasKey(s)
	if isLatinText(k) {
		if sk := Skeleton(s); len(sk) >= 2 {
			return sk
		}
		return k
	}
	return textnorm.StripArticle(k)
}

// around returns the text around [a,b), cut at rune boundaries.
func around(text string, a, b, n int) string {
	lo, hi := max(0, a-n), min(len(text), b+n)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	s := strings.Join(strings.Fields(text[lo:hi]), " ")
	if lo > 0 {
		s = "…" + s
	}
	if hi < len(text) {
		s += "…"
	}
	return s
}
