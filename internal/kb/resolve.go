package kb

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Resolution works in two passes over the spans the index found.
//
// Pass one keeps the "strong" spans: a name from a curated, user or country
// layer that is neither ambiguous nor very short. Their entities, countries
// and coordinates are the document's context.
//
// Pass two decides every span with that context:
//
//   - Names of at most two letters, and acronyms ("IS", "VS", "SDF"), must
//     be written in capitals in Latin text; lower-case "isis" only counts if
//     the entity is also named unambiguously elsewhere. Short names tagged
//     with a language (Dutch "VS") only count in a segment of that language.
//   - Ambiguous names (Entity.Ambiguous) count only when the entity is also
//     named unambiguously elsewhere in the document, or when a cue word for
//     the entity's type or ID (entity_cues.txt) stands within CueWindow
//     words.
//   - A curated name that is a common word of the segment's language must be
//     capitalised and not stand first in its sentence.
//   - Places known only from the generated gazetteer must be capitalised in
//     Latin text, not a common word of the segment's language, at least
//     PlaceMinLetters long unless they have PlaceBigPopulation people, and
//     plausible where they are: in a country the document names or whose
//     language it is written in, near (PlaceMaxKm) another place it names,
//     or big.
//
// Among the candidates that survive, the highest score wins: curated over
// generated, names over adjectives, the entity or its country or its parent
// named elsewhere, the segment's language, then population.
//
// Spans are then chosen leftmost-longest: at each word the longest accepted
// span wins, ties going to the span without a peeled proclitic, and no
// mention overlaps another.

type docState struct {
	m     *Matcher
	text  string
	f     *textnorm.Folded
	toks  []textnorm.Token
	segs  []doc.Segment
	spans []span

	strongEnts entSet
	strongIDs  []string // IDs of strongEnts, for part_of checks
	countries  countrySet
	gap        []bool       // per token: see Matcher.scan
	points     [][2]float64 // located places the document names, rounded
	pointVecs  [][3]float64 // the points as unit vectors, for near
	nearCache  entBytes     // see near
	caps       []int8       // per token: 0 unknown, 1 capitalised, 2 not

	// Scratch reused from document to document (see Matcher.pool).
	folded  textnorm.Folded // f points here
	tokBuf  []textnorm.Token
	order   []int32
	cov     []bool
	stops   []tokStopCache // see tokStop
	lc      *countrySet    // see langCountries
	segLast int            // see lang
	lcLang  string
	out     []doc.Mention

	// Backing arrays for the pointers of this document's mentions.
	ids    []string
	coords []float64
}

type tokStopCache struct {
	lang string
	v    uint8
}

// reset readies a pooled docState for a new document, keeping the
// capacity of its buffers and maps.
func (d *docState) reset(m *Matcher, text string, f *textnorm.Folded, toks []textnorm.Token, segs []doc.Segment) {
	d.m, d.text, d.f, d.toks, d.segs = m, text, f, toks, segs
	d.spans = d.spans[:0]
	d.nearCache.reset(len(m.kb.ents))
	d.strongEnts.reset(len(m.kb.ents))
	d.strongIDs = d.strongIDs[:0]
	d.countries.reset()
	d.points, d.pointVecs = d.points[:0], d.pointVecs[:0]
	d.caps = nil
	d.stops = d.stops[:0]
	d.lc, d.lcLang = nil, ""
	d.segLast = 0
	d.ids, d.coords = nil, nil // handed out with the last document's mentions
}

// release drops the references a pooled docState holds to one document,
// so the pool keeps no text alive.
func (d *docState) release() {
	d.text, d.f, d.toks, d.segs = "", nil, nil, nil
	// Keep the buffers but not the document: tokens and spans hold
	// substrings of its key, the fold its source.
	d.folded = textnorm.Folded{Orig: d.folded.Orig[:0]}
	clear(d.tokBuf)
	d.tokBuf = d.tokBuf[:0]
	clear(d.spans)
	d.spans = d.spans[:0]
	clear(d.out)
	d.out = d.out[:0]
}

// covered returns a cleared per-token flag slice of length n.
func (d *docState) covered(n int) []bool {
	if cap(d.cov) < n {
		d.cov = make([]bool, n)
	}
	d.cov = d.cov[:n]
	clear(d.cov)
	return d.cov
}

// candidate is one entity for a span, after filtering.
type candidate struct {
	ent   int32
	post  posting
	score float64
}

func (d *docState) lang(off int) string {
	// Spans are mostly asked about in text order: try the segment of the
	// last answer before searching.
	if i := d.segLast; i < len(d.segs) && d.segs[i].Start <= off && d.segs[i].End > off && (i == 0 || d.segs[i-1].End <= off) {
		return baseLang(d.segs[i].Lang)
	}
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].End > off })
	d.segLast = i
	if i < len(d.segs) && d.segs[i].Start <= off {
		return baseLang(d.segs[i].Lang)
	}
	return "und"
}

func baseLang(l string) string {
	if b, _, ok := strings.Cut(l, "-"); ok {
		return b
	}
	return l
}

// prep fills the span's cached facts.
func (d *docState) prep(s *span) {
	if s.ready {
		return
	}
	s.ready = true
	s.a, s.b = d.f.Span(s.ks, s.ke)
	src := d.text[s.a:s.b]
	s.lang = d.lang(s.a)
	s.latin = isLatinText(src)
	s.noLower = hasNoLower(src)
	if s.latin {
		s.capStart = startsUpper(d.afterArticle(s))
	}
}

// spanStop reports whether a one-word span is a common word of its
// language, computed on first use: most spans are decided by case before
// common words matter, and the lists are maps.
func (d *docState) spanStop(s *span) bool {
	if s.stops&1 == 0 {
		d.prep(s)
		s.stops |= 1
		if d.aligned(s) {
			s.stop = s.t1-s.t0 == 1 && d.tokStop(s.t0, s.lang, false)&stopInLang != 0
		} else {
			s.stop = s.t1-s.t0 == 1 && d.m.lists.isStop(s.lang, d.f.Key[s.ks:s.ke])
		}
	}
	return s.stop
}

// spanAllStop reports whether every word of the span is a common word of
// its language or of English, computed on first use.
func (d *docState) spanAllStop(s *span) bool {
	if s.stops&2 != 0 {
		return s.allStop
	}
	d.prep(s)
	s.stops |= 2
	s.allStop = len(d.m.lists.Stop) > 0
	if d.aligned(s) {
		// The key's words are whole tokens: ask the per-token cache.
		for t := s.t0; s.allStop && t < s.t1; t++ {
			s.allStop = d.tokStop(t, s.lang, true) != 0
		}
		return s.allStop
	}
	for w := range strings.SplitSeq(d.f.Key[s.ks:s.ke], " ") {
		if !d.m.lists.isStop(s.lang, w) && !d.m.lists.isStop("en", w) {
			s.allStop = false
			break
		}
	}
	return s.allStop
}

// aligned reports whether a span's key is its tokens joined by single
// spaces (no peeled proclitic, no dotted abbreviation).
func (d *docState) aligned(s *span) bool {
	if s.ks != d.toks[s.t0].Start || s.ke != d.toks[s.t1-1].End {
		return false
	}
	for t := s.t0 + 1; t < s.t1; t++ {
		if d.toks[t].Start != d.toks[t-1].End+1 || d.f.Key[d.toks[t-1].End] != ' ' {
			return false
		}
	}
	return true
}

// Bits of tokStop.
const (
	stopInLang uint8 = 1 << iota // a common word of the language asked about
	stopInEn                     // a common word of English
	stopLangKnown
	stopEnKnown
)

// tokStop reports whether token t is a common word in lang (stopInLang)
// and, if en, in English (stopInEn; only looked up when not one of lang).
// Answers are cached per token for the language last asked about, since a
// word is checked by every span that contains it.
func (d *docState) tokStop(t int, lang string, en bool) uint8 {
	if len(d.stops) != len(d.toks) {
		d.stops = slices.Grow(d.stops[:0], len(d.toks))[:len(d.toks)]
		clear(d.stops)
	}
	c := &d.stops[t]
	if c.lang != lang {
		c.lang, c.v = lang, 0
	}
	w := d.toks[t].Text
	if c.v&stopLangKnown == 0 {
		c.v |= stopLangKnown
		if d.m.lists.isStop(lang, w) {
			c.v |= stopInLang
		}
	}
	if en && c.v&(stopInLang|stopEnKnown) == 0 {
		c.v |= stopEnKnown
		if d.m.lists.isStop("en", w) {
			c.v |= stopInEn
		}
	}
	return c.v & (stopInLang | stopInEn)
}

// srcSpan maps a span's key range to the source text.
func (d *docState) srcSpan(s *span) (int, int) {
	if s.ready {
		return s.a, s.b
	}
	return d.f.Span(s.ks, s.ke)
}

func (d *docState) resolve() []doc.Mention {
	k := d.m.kb
	// Pass one: context.
	for i := range d.spans {
		s := &d.spans[i]
		if allGenerated(s.posts) {
			continue
		}
		d.prep(s)
		src, lang := d.text[s.a:s.b], s.lang
		for _, p := range s.posts {
			if p.flags&(flagGenerated|flagAmbiguous|flagShort) != 0 || p.flags&flagUpper != 0 && !s.noLower {
				continue
			}
			if !d.formOK(s, p, src, lang, false) {
				continue
			}
			if !d.strongEnts.has(p.ent) {
				d.strongEnts.add(p.ent)
				d.strongIDs = append(d.strongIDs, k.ents[p.ent].ID)
			}
			e := &k.ents[p.ent]
			if c := entityCountry(e); c != "" {
				d.countries.add(c)
			}
			d.addPoint(e)
		}
	}
	// Big gazetteer places in a country the document names anchor the
	// smaller ones ("Al-Kasra" near "Deir ez-Zor").
	for i := range d.spans {
		s := &d.spans[i]
		for _, p := range s.posts {
			e := &k.ents[p.ent]
			if p.flags&flagGenerated == 0 || e.Population < d.m.cfg.PlaceBigPopulation || e.Country == "" || !d.countries.has(e.Country) {
				continue
			}
			d.prep(s)
			if s.a < s.b && d.placeOK(s, p, e, d.text[s.a:s.b], s.lang) {
				d.addPoint(e)
				break
			}
		}
	}
	// Pass two: decide spans in the order the selection takes them:
	// leftmost first, then longest, then without a peeled proclitic. A
	// span that overlaps one already chosen can never be chosen, so it is
	// not resolved at all: the words inside "Syrian Democratic Forces"
	// cost no place checks. Spans over the same words and with the same
	// peeling are resolved together and the best score wins (ties keep
	// text order), so the choice is the one a full resolution followed by
	// a leftmost-longest selection would make.
	order := d.order[:0]
	for i := range d.spans {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		x, y := &d.spans[i], &d.spans[j]
		if x.t0 != y.t0 {
			return x.t0 - y.t0
		}
		if lx, ly := x.t1-x.t0, y.t1-y.t0; lx != ly {
			return ly - lx
		}
		if x.peeled != y.peeled {
			if x.peeled {
				return 1
			}
			return -1
		}
		return 0
	})
	d.order = order
	// Mentions are gathered in a scratch slice and copied out at their
	// final size.
	out := d.out[:0]
	covered := d.covered(len(d.toks))
	end := 0
	for g := 0; g < len(order); {
		first := &d.spans[order[g]]
		h := g + 1
		for h < len(order) {
			s := &d.spans[order[h]]
			if s.t0 != first.t0 || s.t1 != first.t1 || s.peeled != first.peeled {
				break
			}
			h++
		}
		if slices.Contains(covered[first.t0:first.t1], true) {
			g = h
			continue
		}
		var win *span
		var winC candidate
		for _, i := range order[g:h] {
			s := &d.spans[i]
			d.prep(s)
			if s.a >= s.b || s.a < end {
				continue
			}
			if c, ok := d.decide(s); ok && (win == nil || c.score > winC.score) {
				win, winC = s, c
			}
		}
		g = h
		if win == nil {
			continue
		}
		for t := win.t0; t < win.t1; t++ {
			covered[t] = true
		}
		end = win.b
		out = append(out, d.mention(win.a, win.b, winC, false))
	}
	exact := len(out)
	if d.m.cfg.Fuzzy {
		out = append(out, d.fuzzy(covered)...)
	}
	if d.m.cfg.Unknown {
		out = append(out, d.unknown(covered)...)
	}
	d.out = out
	if len(out) == 0 {
		return nil
	}
	// Exact mentions come in text order; fuzzy and unknown ones (few, and
	// never overlapping them) are sorted and merged in.
	byStart := func(x, y doc.Mention) int { return x.Start - y.Start }
	more := out[exact:]
	if !slices.IsSortedFunc(more, byStart) {
		slices.SortFunc(more, byStart)
	}
	res := make([]doc.Mention, 0, len(out))
	a := out[:exact]
	for len(a) > 0 && len(more) > 0 {
		if a[0].Start < more[0].Start {
			res, a = append(res, a[0]), a[1:]
		} else {
			res, more = append(res, more[0]), more[1:]
		}
	}
	res = append(res, a...)
	return append(res, more...)
}

// decide picks the best candidate for a prepared span, if any survives
// the rules of pass two.
func (d *docState) decide(s *span) (candidate, bool) {
	if allGenerated(s.posts) && s.latin && !s.capStart {
		return candidate{}, false // gazetteer names count only when capitalised
	}
	if allGenerated(s.posts) && d.spanAllStop(s) {
		return candidate{}, false // gazetteer names count only when capitalised
	}
	src, lang := d.text[s.a:s.b], s.lang
	var best candidate
	best.ent = -1
	for _, p := range s.posts {
		if !d.accept(s, p, src, lang) {
			continue
		}
		c := candidate{ent: p.ent, post: p, score: d.score(s, p, lang)}
		if best.ent < 0 || c.score > best.score || c.score == best.score && c.ent < best.ent {
			best = c
		}
	}
	return best, best.ent >= 0
}

func (d *docState) mention(a, b int, c candidate, fuzzy bool) doc.Mention {
	e := &d.m.kb.ents[c.ent]
	// The pointers of a mention point into small per-document arrays
	// rather than one allocation each; they are the caller's to keep, so
	// the arrays are never reused.
	if len(d.ids) == cap(d.ids) {
		d.ids = make([]string, 0, 16)
	}
	d.ids = append(d.ids, e.ID)
	mn := doc.Mention{Start: a, End: b, Text: d.text[a:b], Entity: &d.ids[len(d.ids)-1], Name: e.Name, Type: e.Type, Fuzzy: fuzzy}
	mn.Score = math.Round(confidence(c, fuzzy)*100) / 100
	if e.Lat != nil && e.Lon != nil && e.Type != Person && e.Type != Org && e.Type != Outlet {
		if len(d.coords)+2 > cap(d.coords) {
			d.coords = make([]float64, 0, 32)
		}
		d.coords = append(d.coords, *e.Lat, *e.Lon)
		n := len(d.coords)
		mn.Lat, mn.Lon = &d.coords[n-2], &d.coords[n-1]
	}
	return mn
}

// confidence turns a candidate's score into the 0–1 Score of a mention.
func confidence(c candidate, fuzzy bool) float64 {
	if fuzzy {
		return c.score
	}
	s := 0.6 + c.score/10
	if c.post.flags&flagGenerated != 0 {
		s -= 0.1
	}
	if c.post.flags&flagAmbiguous != 0 {
		s -= 0.1
	}
	return min(max(s, 0.3), 1)
}

// formOK checks how a name is written: case for acronyms and short names,
// language for short language-tagged names, common words.
func (d *docState) formOK(s *span, p posting, src, lang string, ctx bool) bool {
	d.prep(s)
	latin := s.latin
	key := d.f.Key[s.ks:s.ke]
	if p.flags&flagShort != 0 {
		if !latin || !s.noLower {
			return false
		}
		if pl := d.m.ix.langs[p.lang]; pl != "und" && !strings.Contains(pl, "-") && baseLang(pl) != lang {
			return false
		}
	}
	if p.flags&flagUpper != 0 && latin && !s.noLower {
		// "isis-strijders" counts only next to an unambiguous "ISIS".
		if !ctx || !d.strongEnts.has(p.ent) || letterCount(key) <= 2 {
			return false
		}
	}
	if latin && d.spanStop(s) && !(p.flags&flagUpper != 0 && s.noLower) {
		if !startsUpper(src) || d.sentenceInitial(s) {
			return false
		}
	}
	return true
}

// accept applies every rule of pass two to one candidate.
func (d *docState) accept(s *span, p posting, src, lang string) bool {
	if !d.formOK(s, p, src, lang, true) {
		return false
	}
	e := &d.m.kb.ents[p.ent]
	// An inflected form stands only for a name people vouch for, a
	// country, or a big place written with a capital: replaced endings
	// turn common words into every hamlet's name.
	if s.inflected && p.flags&flagGenerated != 0 && !strings.HasPrefix(e.ID, "iso:") &&
		(e.Population < fuzzyMinPopulation || !d.capitalised(s.t0)) {
		return false
	}
	if p.flags&flagAmbiguous != 0 && !d.strongEnts.has(p.ent) && !d.cue(s, e) {
		return false
	}
	if p.flags&flagGenerated != 0 {
		return d.placeOK(s, p, e, src, lang)
	}
	return true
}

// placeOK applies the gazetteer rules to a generated place.
func (d *docState) placeOK(s *span, p posting, e *Entity, src, lang string) bool {
	cfg := &d.m.cfg
	d.prep(s)
	latin := s.latin
	single := s.t1-s.t0 == 1 || s.art && s.t1-s.t0 == 2
	big := e.Population >= cfg.PlaceBigPopulation
	if latin && !s.capStart {
		return false
	}
	if d.spanAllStop(s) {
		return false
	}
	if !big && d.letters(s) < cfg.PlaceMinLetters {
		return false
	}
	if !latin {
		// No capitals to go by: the article-less form only after a peeled
		// proclitic (للحسكة), and a single word only in a country the
		// document names, and not a hamlet (Arabic gazetteer names are
		// often common words: المصدر, البلاد).
		if p.flags&flagStripped != 0 && !s.peeled {
			return false
		}
		if single && (!d.countries.has(e.Country) || e.Population < 10_000) && !d.strongEnts.has(p.ent) {
			return false
		}
	}
	if latin && single && !big {
		if d.sentenceInitial(s) {
			return false
		}
	}
	if latin && single && (!big || !d.countries.has(e.Country)) && d.capNeighbour(s) {
		// "Richard Spencer", "Kamba Al-Bulgar": part of a longer name.
		return false
	}
	if d.strongEnts.has(p.ent) || d.countries.has(e.Country) && e.Population >= 5_000 || latin && e.Population >= 10*cfg.PlaceBigPopulation {
		return true
	}
	if latin && e.Population >= 20_000 && d.langCountries(lang).has(e.Country) {
		return true
	}
	if d.near(p.ent, cfg.PlaceMaxKm) {
		return true
	}
	// A big place may stand alone in a document that names no other.
	return latin && big && len(d.points) == 0 && d.countries.empty()
}

// addPoint adds a located entity to the document's places; countries are
// too large to measure distances from and count through d.countries.
func (d *docState) addPoint(e *Entity) {
	if e.Lat == nil || e.Lon == nil || strings.HasPrefix(e.ID, "iso:") {
		return
	}
	switch e.Type {
	case Person, Org, Outlet:
		return
	}
	pt := [2]float64{math.Round(*e.Lat*10) / 10, math.Round(*e.Lon*10) / 10}
	if !slices.Contains(d.points, pt) {
		d.points = append(d.points, pt)
		d.pointVecs = append(d.pointVecs, unitVec(pt[0], pt[1]))
		d.nearCache.reset(len(d.m.kb.ents))
	}
}

func (d *docState) near(ent int32, maxKm float64) bool {
	e := &d.m.kb.ents[ent]
	if e.Lat == nil || e.Lon == nil || len(d.points) == 0 {
		return false
	}
	// The cache keeps two answers per entity, for the two distances the
	// rules ask about: bit 1 (known) and 2 (near) for PlaceMaxKm, 4 and 8
	// for any other distance (fuzzy matching's PlaceMaxKm/3).
	known, yes := uint8(1), uint8(2)
	if maxKm != d.m.cfg.PlaceMaxKm {
		known, yes = 4, 8
	}
	c := d.nearCache.get(ent)
	if c&known != 0 {
		return c&yes != 0
	}
	res := false
	dlat := maxKm / 111 // degrees of latitude; a cheap bound before the dot product
	minDot := d.m.nearDot
	if maxKm != d.m.cfg.PlaceMaxKm {
		minDot = math.Cos(min(maxKm/earthKm, math.Pi))
	}
	var v [3]float64
	for i, pt := range d.points {
		if math.Abs(pt[0]-*e.Lat) > dlat {
			continue
		}
		if v == [3]float64{} {
			v = unitVec(*e.Lat, *e.Lon)
		}
		w := d.pointVecs[i]
		if v[0]*w[0]+v[1]*w[1]+v[2]*w[2] >= minDot {
			res = true
			break
		}
	}
	c |= known
	if res {
		c |= yes
	}
	d.nearCache.set(ent, c)
	return res
}

// unitVec is the point on the unit sphere at lat, lon (degrees).
func unitVec(lat, lon float64) [3]float64 {
	const rad = math.Pi / 180
	sl, cl := math.Sincos(lat * rad)
	so, co := math.Sincos(lon * rad)
	return [3]float64{cl * co, cl * so, sl}
}

// capNeighbour is capitalisedNeighbour, cached in the span.
func (d *docState) capNeighbour(s *span) bool {
	if s.capNb == 0 {
		s.capNb = 2
		if d.capitalisedNeighbour(s) {
			s.capNb = 1
		}
	}
	return s.capNb == 1
}

// letters is letterCount of the span's key, cached in the span.
func (d *docState) letters(s *span) int {
	if s.nLetters == 0 {
		s.nLetters = int32(letterCount(d.f.Key[s.ks:s.ke])) + 1
	}
	return int(s.nLetters - 1)
}

// capitalisedNeighbour reports whether a capitalised word is joined to the
// span (no punctuation between) on either side.
func (d *docState) capitalisedNeighbour(s *span) bool {
	if s.t0 > 0 && d.gap[s.t0] && d.capitalised(s.t0-1) && !d.sentenceInitialTok(s.t0-1) {
		return true
	}
	if s.t0 > 0 && d.gap[s.t0] && d.capitalised(s.t0-1) && !d.isStopAt(s.t0-1) {
		return true
	}
	return s.t1 < len(d.toks) && d.gap[s.t1] && d.capitalised(s.t1)
}

func allGenerated(ps []posting) bool {
	for _, p := range ps {
		if p.flags&flagGenerated == 0 {
			return false
		}
	}
	return true
}

// afterArticle returns the source text of a span from its first word that
// is not a romanised article ("al-Ḥasaka" → "Ḥasaka"), for case checks.
func (d *docState) afterArticle(s *span) string {
	t := s.t0
	for t+1 < s.t1 && isLatinArticle(d.toks[t].Text) {
		t++
	}
	a, b := d.f.Span(max(d.toks[t].Start, s.ks), s.ke)
	return d.text[a:b]
}

// cue reports whether a cue word for e stands near the span.
func (d *docState) cue(s *span, e *Entity) bool {
	cues := d.m.lists.Cues
	if len(cues) == 0 {
		return false
	}
	w := d.m.cfg.CueWindow
	for t := max(0, s.t0-w); t < min(len(d.toks), s.t1+w); t++ {
		if t >= s.t0 && t < s.t1 {
			continue
		}
		for _, v := range cues[d.toks[t].Text] {
			if v == e.Type || v == e.ID {
				return true
			}
		}
	}
	// Cues glued to the name: "Kan-kanaal" keys as "kan kanaal", handled
	// above; Arabic cues may carry proclitics, handled by the cue list.
	return false
}

func (d *docState) score(s *span, p posting, lang string) float64 {
	k := d.m.kb
	e := &k.ents[p.ent]
	var sc float64
	switch {
	case p.flags&flagGenerated == 0 && strings.HasPrefix(e.ID, "iso:"):
		sc += 2.5
	case p.flags&flagGenerated == 0:
		sc += 3
	}
	switch p.kind {
	case kindName:
		sc += 0.6
	case kindAlias:
		sc += 0.5
	}
	if p.flags&flagGenerated != 0 && d.near(p.ent, d.m.cfg.PlaceMaxKm) {
		sc += 0.5
	}
	if d.m.ix.baseLangs[p.lang] == lang {
		sc += 0.5
	}
	if d.strongEnts.has(p.ent) {
		sc += 1
	}
	if c := entityCountry(e); c != "" && d.countries.has(c) && !strings.HasPrefix(e.ID, "iso:") {
		sc += 1
	}
	if e.PartOf != "" {
		if j := d.m.ix.parent[p.ent]; j >= 0 && d.strongEnts.has(j) {
			sc += 1
		}
	}
	if d.langCountries(lang).has(e.Country) {
		sc += 0.3
	}
	sc += d.m.ix.popScore[p.ent]
	if p.flags&flagStripped != 0 {
		sc -= 0.2
	}
	return sc
}

// sentenceInitial reports whether the span starts a sentence (or a line),
// where capitals say nothing about names.
func (d *docState) sentenceInitial(s *span) bool {
	if s.sentInit != 0 {
		return s.sentInit == 1
	}
	r := d.sentenceStart(s)
	if r {
		s.sentInit = 1
	} else {
		s.sentInit = 2
	}
	return r
}

func (d *docState) sentenceStart(s *span) bool {
	a, _ := d.srcSpan(s)
	i := a
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(d.text[:i])
		if r == '\n' {
			return true
		}
		if unicode.IsSpace(r) || unicode.In(r, unicode.Pi, unicode.Pf, unicode.Ps) || r == '"' || r == '\'' {
			i -= size
			continue
		}
		return r == '.' || r == '!' || r == '?' || r == ':' || r == '•' || r == '-' || r == '–' || r == '—'
	}
	return true
}

func entityCountry(e *Entity) string {
	if c, ok := strings.CutPrefix(e.ID, "iso:"); ok {
		return c
	}
	return e.Country
}

func isLatinText(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return r < 0x0250 || unicode.Is(unicode.Latin, r)
		}
	}
	return false
}

func hasNoLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return hasNoLowerRunes(s[i:])
		}
		if 'a' <= c && c <= 'z' {
			return false
		}
	}
	return true
}

func hasNoLowerRunes(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // Arabic (U+0600–U+06FF) has no case
			continue
		}
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLower(r) {
			return false
		}
		i += size
	}
	return true
}

func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r) || unicode.IsTitle(r)
		}
	}
	return false
}

// langCountries is Config.LangCountries[lang] as a set, remembering the
// last language asked about (a document has few).
func (d *docState) langCountries(lang string) *countrySet {
	if lang != d.lcLang || d.lc == nil {
		d.lcLang, d.lc = lang, d.m.langSets[lang]
		if d.lc == nil {
			d.lc = &countrySet{}
		}
	}
	return d.lc
}

// entSet is a set of entity indices: a bit per entity of the KB, of which
// only the words touched are cleared for the next document.
type entSet struct {
	bits    []uint64
	touched []int32
}

func (es *entSet) reset(n int) {
	for _, w := range es.touched {
		es.bits[w] = 0
	}
	es.touched = es.touched[:0]
	if len(es.bits) != (n+63)/64 {
		es.bits = make([]uint64, (n+63)/64)
	}
}

func (es *entSet) has(i int32) bool { return es.bits[i/64]&(1<<(i%64)) != 0 }

func (es *entSet) add(i int32) {
	if es.bits[i/64] == 0 {
		es.touched = append(es.touched, i/64)
	}
	es.bits[i/64] |= 1 << (i % 64)
}

// entBytes holds a byte per entity of the KB, zero until set; only the
// entries set are cleared for the next document.
type entBytes struct {
	v       []uint8
	touched []int32
}

func (eb *entBytes) reset(n int) {
	for _, i := range eb.touched {
		eb.v[i] = 0
	}
	eb.touched = eb.touched[:0]
	if len(eb.v) != n {
		eb.v = make([]uint8, n)
	}
}

func (eb *entBytes) get(i int32) uint8 { return eb.v[i] }

func (eb *entBytes) set(i int32, b uint8) {
	if eb.v[i] == 0 {
		eb.touched = append(eb.touched, i)
	}
	eb.v[i] = b
}

// countrySet is the set of countries a document names. Codes are ISO
// 3166-1 alpha-2, so a bit per pair of capitals answers without hashing;
// other codes (a user's KB may hold anything) go to a map.
type countrySet struct {
	bits  [(26*26 + 63) / 64]uint64
	n     int
	other map[string]bool
}

func countryBit(c string) (int, bool) {
	if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
		return 0, false
	}
	return int(c[0]-'A')*26 + int(c[1]-'A'), true
}

func (cs *countrySet) has(c string) bool {
	if i, ok := countryBit(c); ok {
		return cs.bits[i/64]&(1<<(i%64)) != 0
	}
	return cs.other[c]
}

func (cs *countrySet) add(c string) {
	if cs.has(c) {
		return
	}
	cs.n++
	if i, ok := countryBit(c); ok {
		cs.bits[i/64] |= 1 << (i % 64)
		return
	}
	if cs.other == nil {
		cs.other = map[string]bool{}
	}
	cs.other[c] = true
}

func (cs *countrySet) empty() bool { return cs.n == 0 }

func (cs *countrySet) reset() {
	cs.bits, cs.n = [len(cs.bits)]uint64{}, 0
	clear(cs.other)
}

// earthKm is the mean radius of the Earth.
const earthKm = 6371
