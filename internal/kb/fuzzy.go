package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// Fuzzy matching resolves spellings the KB has never seen ("Ghweiran" when
// only "Ghwayran" is known, "Hasakeh", "Deir Ezzor") to known names.
//
// Candidates are runs of one to three capitalised Latin words (romanised
// articles "al-", "ez-" … may join them) that no exact name covered and
// that are not common words. Each is reduced to a consonant skeleton
// (Skeleton): articles dropped, transliteration variants mapped to one
// letter (kh→h, gh→g, th→t, dh→d, ph→f, sh/ch→s, j/dj/dsh→g, q/c→k,
// ou→u, ee→i), doubled letters collapsed, vowels and y, and h after a
// vowel at the end of a word, dropped (w stays, so Ghuwayran ≡ Ghweiran),
// and the words joined. A skeleton must have at least four consonants
// (three for one word of six letters or more). The skeleton index holds
// the names of curated and country entities and of gazetteer places with
// at least fuzzyMinPopulation people.
//
// A candidate whose skeleton equals an indexed one is then compared with
// that name by a transliteration-aware edit distance on the mapped forms
// (vowels cost 0.3 to insert, delete or swap, w/y against a vowel 0.3, any
// other letter 1). similarity = 1 − distance / length of the longer form,
// and it must reach Config.FuzzyMin (0.72 by default). With equal
// skeletons the distance is mostly vowels, so the threshold mainly rejects
// short names whose vowels all differ. Gazetteer places, whose alternate
// names collide with everything, need more: similarity ≥ 0.85 and a place
// the document names for sure within PlaceMaxKm/3, or similarity ≥ 0.9, a
// big place, and its country named. Arabic-script words are not matched
// fuzzily: textnorm already folds their spelling variants (hamza, alef,
// ta marbuta, alef maksura, tashkeel), and adding or removing a long vowel
// turns one Arabic word into another (تدمر Palmyra, تدمير destruction).

const fuzzyMinPopulation = 50_000

type fuzzyEntry struct {
	ent  int32
	form string // the name's mapped form (translit), for the edit distance
}

func addFuzzy(m map[string][]fuzzyEntry, key string, ent int32) {
	if !isLatinText(key) {
		return
	}
	form := translit(key)
	sk := skeletonOf(form)
	if !skeletonLongEnough(sk, form) {
		return
	}
	for _, fe := range m[sk] {
		if fe.ent == ent && fe.form == form {
			return
		}
	}
	m[sk] = append(m[sk], fuzzyEntry{ent, form})
}

// midArticles are romanised articles that join the words of a name
// ("Deir ez-Zor", "Abu al-Kamal") and are dropped from skeletons.
var midArticles = map[string]bool{
	"al": true, "el": true, "ul": true, "il": true, "ad": true, "ed": true, "an": true, "en": true,
	"ar": true, "er": true, "as": true, "es": true, "at": true, "et": true, "az": true, "ez": true,
	"ash": true, "esh": true, "adh": true, "ath": true,
}

// translit maps a key's transliteration variants to one spelling, keeping
// vowels and word breaks and collapsing doubled letters: "ghweiran" →
// "gweiran", "deir ez zor" → "deir zor", "hassakeh" → "hasakeh".
func translit(key string) string {
	words := strings.Fields(key)
	var b strings.Builder
	for i, w := range words {
		if midArticles[w] && i+1 < len(words) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		for j := 0; j < len(w); j++ {
			c := w[j]
			next := byte(0)
			if j+1 < len(w) {
				next = w[j+1]
			}
			switch {
			case (c == 'k' || c == 'g' || c == 't' || c == 'd' || c == 'p' || c == 's' || c == 'c') && next == 'h':
				b.WriteByte(digraphH(c))
				j++
			case c == 'd' && next == 'j':
				b.WriteByte('g')
				j++
			case c == 'd' && next == 's' && j+2 < len(w) && w[j+2] == 'h':
				b.WriteByte('g')
				j += 2
			case c == 'j':
				b.WriteByte('g')
			case c == 'q' || c == 'c':
				b.WriteByte('k')
			case c == 'o' && next == 'u':
				b.WriteByte('u')
				j++
			case c == 'e' && next == 'e':
				b.WriteByte('i')
				j++
			case c == 'x':
				b.WriteString("ks")
			default:
				b.WriteByte(c)
			}
		}
	}
	// Doubled letters (shadda, "Hassakeh") are a spelling choice.
	out := []byte(b.String())
	w := 0
	for i, c := range out {
		if i > 0 && w > 0 && c == out[w-1] && c != ' ' {
			continue
		}
		out[w] = c
		w++
	}
	return string(out[:w])
}

// digraphH is the letter translit writes for c followed by h: kh → h,
// ph → f, sh and ch → s, gh → g, th → t, dh → d.
func digraphH(c byte) byte {
	switch c {
	case 'k':
		return 'h'
	case 'p':
		return 'f'
	case 'c':
		return 's'
	}
	return c
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// skeletonOf reduces a translit form to its consonants.
func skeletonOf(form string) string {
	var b []byte
	for _, w := range strings.Fields(form) {
		for j := 0; j < len(w); j++ {
			c := w[j]
			if j > 0 && w[j-1] == c {
				continue // doubled letter
			}
			if isVowel(c) {
				continue
			}
			if c == 'h' && j == len(w)-1 && j > 0 && isVowel(w[j-1]) {
				continue // Hasakeh ≡ Hasaka
			}
			if c == '\'' || c < 'a' && !('0' <= c && c <= '9') {
				continue
			}
			if len(b) > 0 && b[len(b)-1] == c {
				continue
			}
			b = append(b, c)
		}
	}
	return string(b)
}

func skeletonLongEnough(sk, form string) bool {
	return len(sk) >= 4 || len(sk) == 3 && len(form) >= 6 && !strings.Contains(form, " ")
}

// Skeleton returns the consonant skeleton of a name, the key fuzzy matching
// and unknown-name clustering compare: "Ghweiran", "Ghwayran" and
// "Ghuwayran" share "gwrn".
func Skeleton(name string) string { return skeletonOf(translit(aliasKey(name))) }

// translitDistance is a weighted edit distance between translit forms:
// vowels (and w, y against vowels) are cheap, other letters cost 1.
func translitDistance(a, b string) float64 {
	// Two rows of the edit-distance table and b's insertion costs; names
	// are short, so they live on the stack.
	const stack = 48
	var buf [3 * stack]float64
	var prev, cur, costB []float64
	if len(b) < stack {
		prev, cur, costB = buf[:len(b)+1], buf[stack:stack+len(b)+1], buf[2*stack:2*stack+len(b)]
	} else {
		prev, cur, costB = make([]float64, len(b)+1), make([]float64, len(b)+1), make([]float64, len(b))
	}
	prev[0] = 0
	for j := 1; j <= len(b); j++ {
		costB[j-1] = translitCost[b[j-1]]
		prev[j] = prev[j-1] + costB[j-1]
	}
	for i := 1; i <= len(a); i++ {
		x := a[i-1]
		ca := translitCost[x]
		cur[0] = prev[0] + ca
		for j := 1; j <= len(b); j++ {
			y := b[j-1]
			sub := 0.0
			if x != y {
				sub = 1
				if vowelish[x] && vowelish[y] {
					sub = 0.3
				}
			}
			cur[j] = min(prev[j]+ca, cur[j-1]+costB[j-1], prev[j-1]+sub)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// translitCost is the cost of inserting or deleting a letter: 0.3 for
// vowels, w, h and the space, 1 for the others.
var translitCost = func() (t [256]float64) {
	for c := range t {
		t[c] = 1
		if isVowel(byte(c)) || c == 'w' || c == ' ' || c == 'h' {
			t[c] = 0.3
		}
	}
	return t
}()

// vowelish marks the letters that replace one another for 0.3: the vowels
// and w.
var vowelish = func() (t [256]bool) {
	for c := range t {
		t[c] = isVowel(byte(c)) || c == 'w'
	}
	return t
}()

// Similarity compares two names as fuzzy matching does: 1 for the same
// mapped spelling, 0 when the consonant skeletons differ.
func Similarity(a, b string) float64 {
	fa, fb := translit(aliasKey(a)), translit(aliasKey(b))
	if skeletonOf(fa) != skeletonOf(fb) {
		return 0
	}
	return similarity(fa, fb)
}

func similarity(fa, fb string) float64 {
	n := max(len(fa), len(fb))
	if n == 0 {
		return 0
	}
	return max(0, 1-translitDistance(fa, fb)/float64(n))
}

// fuzzy finds fuzzy mentions in the words no exact mention covered.
func (d *docState) fuzzy(covered []bool) []doc.Mention {
	var out []doc.Mention
	ix := d.m.ix
	if len(ix.fuzzy) == 0 {
		return nil
	}
	for t := 0; t < len(d.toks); t++ {
		if covered[t] || len(d.toks[t].Text) < 3 || !d.capitalised(t) {
			continue
		}
		found := false
		for n := min(3, len(d.toks)-t); n >= 1 && !found; n-- {
			t1, ok := d.capRun(t, n, covered)
			if !ok {
				continue
			}
			s := span{t0: t, t1: t1, ks: d.toks[t].Start, ke: d.toks[t1-1].End}
			a, b := d.srcSpan(&s)
			src := d.text[a:b]
			if !isLatinText(src) {
				continue
			}
			key := d.f.Key[s.ks:s.ke]
			lang := d.lang(a)
			if n == 1 && (d.m.lists.isStop(lang, key) || d.sentenceInitial(&s)) {
				continue
			}
			// A guess must be a whole name as written: "Julien" of
			// "Julien Moreau" is not a spelling of "Julani".
			if d.partOfLongerName(t, t1, lang, covered) {
				continue
			}
			form := translit(key)
			sk := skeletonOf(form)
			if !skeletonLongEnough(sk, form) {
				continue
			}
			var best candidate
			best.ent = -1
			bestRank := 0.0
			for _, fe := range ix.fuzzy[sk] {
				sim := similarity(form, fe.form)
				if sim < d.m.cfg.FuzzyMin {
					continue
				}
				e := &d.m.kb.ents[fe.ent]
				// A lone word next to another capitalised word, even one
				// an exact name covered, is more likely someone's given or
				// family name than a respelt known person.
				if e.Type == Person && t1-t == 1 && d.nextToName(t, t1, lang) {
					continue
				}
				p := posting{ent: fe.ent, kind: kindAlias}
				if d.m.kb.layers[fe.ent]&LayerGenerated != 0 && !strings.HasPrefix(e.ID, "iso:") {
					p.flags |= flagGenerated
					// Gazetteer alternate names collide with everything
					// (Koerden ~ an old name of Edinburgh): a fuzzy place
					// must lie near a place the document names for sure.
					if !d.placeOK(&s, p, e, src, lang) {
						continue
					}
					if sim < 0.85 || !d.near(fe.ent, d.m.cfg.PlaceMaxKm/3) && (sim < 0.9 || !d.countries.has(e.Country) || e.Population < d.m.cfg.PlaceBigPopulation) {
						continue
					}
				}
				// Rank by context first, then similarity.
				c := candidate{ent: fe.ent, post: p, score: sim}
				rank := d.score(&s, p, lang) + sim
				if best.ent < 0 || rank > bestRank {
					best, bestRank = c, rank
				}
			}
			if best.ent < 0 {
				continue
			}
			best.score *= 0.9 // a guess is never certain
			out = append(out, d.mention(a, b, best, true))
			for u := t; u < t1; u++ {
				covered[u] = true
			}
			t = t1 - 1
			found = true
		}
	}
	return out
}

// partOfLongerName reports whether the capitalised words [t0,t1) continue
// into another capitalised word on either side (joined by a plain gap, not
// covered by an exact mention, not a common word, a cue word such as
// "Province" or an organisation word).
func (d *docState) partOfLongerName(t0, t1 int, lang string, covered []bool) bool {
	joins := func(u int) bool {
		if u < 0 || u >= len(d.toks) || !d.capitalised(u) {
			return false
		}
		w := d.toks[u].Text
		return !d.isStopIn(lang, u) && !d.m.lists.isStop("en", w) && d.m.lists.Cues[w] == nil && !d.m.lists.OrgWords[w]
	}
	return t0 > 0 && d.gap[t0] && !covered[t0-1] && joins(t0-1) ||
		t1 < len(d.toks) && d.gap[t1] && !covered[t1] && joins(t1)
}

// nextToName reports whether a capitalised word that is not a common word
// is joined to [t0,t1) on either side, covered by a mention or not.
func (d *docState) nextToName(t0, t1 int, lang string) bool {
	joins := func(u int) bool {
		return u >= 0 && u < len(d.toks) && d.capitalised(u) && !d.isStopIn(lang, u) && !d.m.lists.isStop("en", d.toks[u].Text)
	}
	return t0 > 0 && d.gap[t0] && joins(t0-1) || t1 < len(d.toks) && d.gap[t1] && joins(t1)
}

// capitalised reports whether token t starts with a capital in the source.
func (d *docState) capitalised(t int) bool {
	if d.caps == nil {
		d.caps = make([]int8, len(d.toks))
	}
	if c := d.caps[t]; c != 0 {
		return c == 1
	}
	a := d.f.Orig[d.toks[t].Start]
	r, _ := utf8.DecodeRuneInString(d.text[a:])
	up := unicode.IsUpper(r) || unicode.IsTitle(r)
	d.caps[t] = 2
	if up {
		d.caps[t] = 1
	}
	return up
}

// capRun returns the end of a run of n capitalised words from t (romanised
// articles may join them and do not count), none covered, all joined by
// plain gaps.
func (d *docState) capRun(t, n int, covered []bool) (int, bool) {
	u := t
	words := 0
	for u < len(d.toks) && words < n {
		if covered[u] || u > t && !d.gap[u] {
			return 0, false
		}
		if d.capitalised(u) {
			words++
			u++
			continue
		}
		if u > t && midArticles[d.toks[u].Text] && u+1 < len(d.toks) && d.capitalised(u+1) {
			u++
			continue
		}
		return 0, false
	}
	return u, words == n
}
