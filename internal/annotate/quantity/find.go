package quantity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// scanner finds the quantities of one run of text in one language.
type scanner struct {
	cfg   Config
	d     *langData
	text  string
	toks  []token
	times []doc.Time
	out   []doc.Quantity
	floor int // first token a new quantity may start at
}

func (s *Stage) find(text string, lo, hi int, lang string, times []doc.Time) []doc.Quantity {
	d := s.data(lang)
	sc := &scanner{cfg: s.cfg, d: d, text: text, toks: tokenize(text, lo, hi, d), times: times}
	sc.run()
	return sc.out
}

func (sc *scanner) run() {
	for i := 0; i < len(sc.toks); {
		if sc.candidate(i) {
			if q, next, ok := sc.at(i); ok {
				sc.out = append(sc.out, q)
				sc.floor = next
				i = next
				continue
			}
		}
		i++
	}
}

// candidate is a cheap test for tokens that may start a quantity: digits,
// or the first word of a number word, vague phrase or prefix unit, also
// behind a proclitic.
func (sc *scanner) candidate(i int) bool {
	t := sc.toks[i]
	if t.kind == tokNum {
		return true
	}
	if sc.d.starts[t.k] {
		return true
	}
	if t.kind == tokWord && len(sc.d.proclitics) > 0 {
		for _, p := range sc.d.proclitics {
			if len(t.k) > len(p) && strings.HasPrefix(t.k, p) && sc.d.starts[t.k[len(p):]] {
				return true
			}
		}
	}
	return false
}

// quant is a quantity under construction, in token indices.
type quant struct {
	start, end int // tokens [start, end)
	value      float64
	alt        float64 // the other reading of an ambiguous separator
	amb        bool
	scaled     bool // a multiplier word followed ("1.5 million")
	vague      bool
	hasMax     bool
	max        float64
	bound      modKind // modMin or modMax from a modifier
	approx     bool
	unit       string
	inTime     bool
}

// at tries to read a quantity whose number or prefix unit is token i.
func (sc *scanner) at(i int) (doc.Quantity, int, bool) {
	toks := sc.toks
	var q quant
	q.start = i
	c := i
	// A unit before the number: "$8,000", "USD 5", "yüzde 50".
	if toks[i].kind != tokNum {
		if ph, e := matchFwd(sc.d.units, toks, i, nil); ph != nil && ph.val.prefix && e < len(toks) &&
			toks[e].gap <= gapSpace && sc.startsNumber(e) {
			q.unit, c = ph.val.code, e
		}
	}
	// The number itself.
	e, ok := sc.number(c, &q)
	if !ok {
		return doc.Quantity{}, 0, false
	}
	q.end = e
	// Modifiers before: "meer dan", "ongeveer", "tussen".
	from := -1
	for n := 0; n < 2; n++ {
		if toks[q.start].gap > gapSpace || q.start == 0 {
			break
		}
		ph, s := matchBwd(sc.d.mods, toks, q.start, sc.d.proclitics)
		if ph == nil || s < sc.floor {
			break
		}
		k := ph.val
		if k&(modMin|modMax|modApprox|modOnly|modFrom) == 0 {
			break
		}
		if k&modYear != 0 && sc.yearLike(c) {
			return doc.Quantity{}, 0, false
		}
		switch {
		case k&modFrom != 0 && k&(modMin|modMax|modApprox|modOnly) == 0:
			from = s
		case q.bound == 0 && k&modMin != 0:
			q.bound = modMin
		case q.bound == 0 && k&modMax != 0:
			q.bound = modMax
		}
		if k&modApprox != 0 {
			q.approx = true
		}
		if from != s {
			q.start = s
		} else {
			break
		}
	}
	if toks[c].kind == tokNum && sc.skipNumber(c, q.bound != 0 || q.approx) {
		return doc.Quantity{}, 0, false
	}
	// A range: "200-300", "200 tot 300", "tussen 200 en 300", "من 200 إلى 300".
	if !q.vague && q.end < len(toks) && toks[q.end].gap <= gapSpace {
		t := toks[q.end]
		j := -1
		if t.kind == tokSym && t.dash && q.end+1 < len(toks) && toks[q.end+1].gap <= gapSpace {
			j = q.end + 1
		} else if ph, e := matchFwd(sc.d.mods, toks, q.end, sc.d.proclitics); ph != nil && e < len(toks) && toks[e].gap <= gapSpace &&
			(ph.val&modTo != 0 || ph.val&modAnd != 0 && from >= 0) {
			j = e
		}
		if j >= 0 && sc.startsNumber(j) {
			var q2 quant
			q2.unit = q.unit
			if e2, ok := sc.number(j, &q2); ok && !q2.vague && q2.value > q.value &&
				(toks[j].kind != tokNum || !sc.skipNumber(j, true)) {
				q.hasMax, q.max, q.end = true, q2.value, e2
				if q.unit == "" {
					q.unit = q2.unit
				}
				if from >= 0 {
					q.start = from
				}
			}
		}
	}
	// A unit after: "55 كم", "8000 dollar", "55-km", "50%".
	if q.unit == "" && q.end < len(toks) {
		j := q.end
		if toks[j].kind == tokSym && toks[j].joiner && toks[j].gap == gapNone && j+1 < len(toks) && toks[j+1].gap == gapNone {
			j++
		}
		if toks[j].gap <= gapSpace {
			if ph, e := matchFwd(sc.d.units, toks, j, sc.d.proclitics); ph != nil && (e >= len(toks) || !continuesWord(toks, e)) {
				q.unit, q.end = ph.val.code, e
			}
		}
	}
	// A modifier after: "200 or more", "200'den fazla", "200 على الأقل".
	if !q.vague && q.end < len(toks) {
		j := q.end
		if toks[j].kind == tokSym && toks[j].joiner && toks[j].gap == gapNone && j+1 < len(toks) {
			j++
		}
		if toks[j].gap <= gapSpace {
			if ph, e := matchFwd(sc.d.mods, toks, j, sc.d.proclitics); ph != nil && ph.val&modPost != 0 {
				switch {
				case q.bound == 0 && ph.val&modMin != 0:
					q.bound = modMin
				case q.bound == 0 && ph.val&modMax != 0:
					q.bound = modMax
				}
				if ph.val&modApprox != 0 {
					q.approx = true
				}
				q.end = e
			}
		}
	}
	if q.inTime && !isDuration(q.unit) {
		return doc.Quantity{}, 0, false
	}
	of, ofEnd := sc.of(q.end, q.unit)
	if q.amb && q.unit == "" && !q.scaled && of != "" {
		q.value = q.alt
	}
	return sc.build(&q, of, ofEnd), q.end, true
}

// startsNumber reports whether token j is a number or a number word.
func (sc *scanner) startsNumber(j int) bool {
	if j >= len(sc.toks) {
		return false
	}
	if sc.toks[j].kind == tokNum {
		return true
	}
	ph, _ := matchFwd(sc.d.numbers, sc.toks, j, sc.d.proclitics)
	return ph != nil
}

// number reads digits with their multipliers ("2 miljoen") or a sequence of
// number words ("drie honderd", "twenty-five"), or a vague amount, at token
// i, and returns the end.
func (sc *scanner) number(i int, q *quant) (int, bool) {
	toks := sc.toks
	t := toks[i]
	q.inTime = q.inTime || sc.inTime(t.start, t.end)
	if t.kind == tokNum {
		v, alt, amb, ok := parseNumber(sc.text[t.start:t.end], sc.d.decimal)
		if !ok {
			return 0, false
		}
		q.value, q.alt, q.amb = v, alt, amb
		e := i + 1
		for n := 0; n < 2 && e < len(toks) && toks[e].gap <= gapSpace; n++ {
			ph, e2 := matchFwd(sc.d.numbers, toks, e, nil)
			if ph == nil || len(ph.words) != 1 || !ph.val.scale() || ph.val.value == 0 {
				break
			}
			q.value *= ph.val.value
			q.alt *= ph.val.value
			q.scaled = true
			e = e2
		}
		return e, true
	}
	ph, e := matchFwd(sc.d.numbers, toks, i, sc.d.proclitics)
	if ph == nil {
		return 0, false
	}
	if ph.val.vague {
		if !sc.cfg.Vague {
			return 0, false
		}
		q.vague = true
		return e, true
	}
	if sc.labelled(i) {
		return 0, false
	}
	// Words combine like spoken numbers: "drie honderd duizend" = 300000.
	var total, cur float64
	add := func(w numWord) bool {
		switch {
		case w.value >= 1000:
			total += max(cur, 1) * w.value
			cur = 0
		case w.mult || w.value == 100:
			cur = max(cur, 1) * w.value
		case cur == 0 && total == 0:
			cur = w.value
		case w.value < 100 && (int(cur)%100 == 0 && cur > 0 || int(cur)%10 == 0 && cur >= 20 && cur < 100 && w.value < 10):
			cur += w.value
		default:
			return false
		}
		return true
	}
	add(ph.val)
	weak := ph.val.weak
	words := 1
	for e < len(toks) {
		j := e
		if toks[j].kind == tokSym && toks[j].joiner && toks[j].gap == gapNone && j+1 < len(toks) && toks[j+1].gap == gapNone {
			j++
		} else if toks[j].gap > gapSpace {
			break
		}
		ph2, e2 := matchFwd(sc.d.numbers, toks, j, sc.d.proclitics)
		if ph2 == nil || len(ph2.words) != 1 || ph2.val.weak || ph2.val.vague && !ph2.val.scale() || ph2.val.value == 0 {
			break
		}
		if !add(ph2.val) {
			break
		}
		words++
		e = e2
	}
	if weak && words == 1 {
		// "een", "a": a number only before a unit ("een week").
		j := e
		if j >= len(toks) || toks[j].gap > gapSpace {
			return 0, false
		}
		if ph, e2 := matchFwd(sc.d.units, toks, j, nil); ph == nil || e2 < len(toks) && continuesWord(toks, e2) {
			return 0, false
		}
	}
	q.value = total + cur
	q.alt = q.value
	q.scaled = words > 1
	return e, true
}

// continuesWord reports whether token e glues onto the word before it, so
// that a unit match there would cut a word ("m" in "5 mensen" is no unit).
func continuesWord(toks []token, e int) bool {
	return toks[e].gap == gapNone && toks[e].kind != tokSym
}

func isDuration(u string) bool {
	switch u {
	case "second", "minute", "hour", "day", "week", "month", "year":
		return true
	}
	return false
}

func (sc *scanner) inTime(start, end int) bool {
	for _, t := range sc.times {
		if t.Start < end && start < t.End {
			return true
		}
	}
	return false
}

// yearLike reports a plain four-digit number from 1000 to 2100.
func (sc *scanner) yearLike(i int) bool {
	t := sc.toks[i]
	if t.kind != tokNum {
		return false
	}
	s := sc.text[t.start:t.end]
	if utf8.RuneCountInString(s) != 4 {
		return false
	}
	v, _, _, ok := parseNumber(s, '.')
	return ok && v >= 1000 && v <= 2100 && v == float64(int(v))
}

// labelled reports a number that names something: "artikel 5", "No. 3",
// "#4", "الفرقة 15".
func (sc *scanner) labelled(i int) bool {
	toks := sc.toks
	if i == 0 || toks[i].gap > gapSpace {
		return false
	}
	j := i
	if p := toks[j-1]; p.kind == tokSym {
		if p.k == "#" || p.k == "№" {
			return true
		}
		if p.k != "." || p.gap != gapNone || j-1 == 0 {
			return false
		}
		j--
	}
	ph, _ := matchBwd(sc.d.mods, toks, j, sc.d.proclitics)
	return ph != nil && ph.val&modLabel != 0
}

// skipNumber reports digits that are not a quantity: parts of codes and
// names ("T4", "MiG-29", "Covid-19"), times ("15:23"), dates ("20 januari",
// "20/01", "2022-01-20"), ordinals ("3rd", "15th"), labels ("artikel 5")
// and years ("in 2019", "2017."). bounded says a bound or estimate modifier
// stands before it, which makes a year reading unlikely.
func (sc *scanner) skipNumber(i int, bounded bool) bool {
	toks := sc.toks
	t := toks[i]
	if i > 0 && t.gap == gapNone {
		p := toks[i-1]
		if p.kind == tokWord && !slices.Contains(sc.d.proclitics, p.k) {
			return true // "T4", "G7"; not "و300"
		}
		if p.kind == tokSym && strings.Contains("-‐‑–/:._#№", p.k) {
			if i > 1 && p.gap == gapNone && toks[i-2].kind != tokSym {
				return true // "MiG-29", "20/01", "15:23"
			}
			if p.k == "#" || p.k == "№" {
				return true
			}
		}
	}
	if n := i + 1; n < len(toks) && toks[n].gap == gapNone {
		x := toks[n]
		switch {
		case x.kind == tokWord:
			if ph, _ := matchFwd(sc.d.units, toks, n, nil); ph == nil {
				if ph, _ := matchFwd(sc.d.numbers, toks, n, nil); ph == nil || !ph.val.scale() {
					return true // "3rd", "15th", "4x4"
				}
			}
		case x.kind == tokSym && (x.k == ":" || x.k == "/" || x.k == "h"):
			if n+1 < len(toks) && toks[n+1].kind == tokNum && toks[n+1].gap == gapNone {
				return true
			}
		case x.kind == tokSym && x.dash:
			// "2022-01-20", a phone number or an identifier
			if n+3 < len(toks) && toks[n+1].kind == tokNum && toks[n+1].gap == gapNone &&
				toks[n+2].dash && toks[n+2].gap == gapNone && toks[n+3].kind == tokNum {
				return true
			}
			if n+1 < len(toks) && toks[n+1].kind == tokWord && toks[n+1].gap == gapNone {
				if ph, _ := matchFwd(sc.d.units, toks, n+1, nil); ph == nil {
					return true // "12-jarige", "3-0"
				}
			}
		}
	}
	if sc.labelled(i) {
		return true
	}
	// Dates: a month name right after or right before.
	if n := i + 1; n < len(toks) && toks[n].kind == tokWord && toks[n].gap == gapSpace && sc.d.monthFirst[toks[n].k] {
		return true
	}
	if i > 0 && t.gap == gapSpace && toks[i-1].kind == tokWord && sc.d.monthLast[toks[i-1].k] {
		return true
	}
	if i > 1 && t.gap == gapSpace && toks[i-1].k == "," && toks[i-2].kind == tokNum {
		// "January 20, 2022"
		if i > 2 && toks[i-3].kind == tokWord && sc.d.monthLast[toks[i-3].k] {
			return true
		}
	}
	if sc.yearLike(i) {
		if i > 0 && t.gap <= gapSpace {
			if ph, _ := matchBwd(sc.d.mods, toks, i, sc.d.proclitics); ph != nil && ph.val&modYear != 0 {
				return true
			}
		}
		if !bounded {
			n := i + 1
			if n >= len(toks) || toks[n].gap == gapLine || toks[n].kind != tokWord || startsUpper(sc.text[toks[n].start:toks[n].end]) {
				return true // "2017.", "in 2019, ...", "2022 ISIS"
			}
		}
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// of returns the counted noun after token e: one word, or two when the first
// is an adjective ("getrainde ISIS-strijders"), never a function word or
// unit. A cue word may be the noun itself ("200 killed", "ontvoerden"). Quantities with a unit count the unit, not a noun.
func (sc *scanner) of(e int, unit string) (string, int) {
	if unit != "" || sc.cfg.OfWords == 0 {
		return "", e
	}
	toks := sc.toks
	start, end, endTok := -1, -1, e
	for n := 0; n < sc.cfg.OfWords; n++ {
		if e >= len(toks) || toks[e].kind != tokWord || toks[e].gap != gapSpace {
			break
		}
		adj := false
		if ph, _ := matchFwd(sc.d.mods, toks, e, nil); ph != nil {
			if ph.val&^modAdj != 0 || len(ph.words) > 1 {
				break
			}
			adj = true
		}
		if ph, _ := matchFwd(sc.d.numbers, toks, e, sc.d.proclitics); ph != nil {
			break
		}
		// The word with its hyphenated parts: "ISIS-strijders".
		g := e + 1
		for g+1 < len(toks) && toks[g].joiner && toks[g].gap == gapNone && toks[g+1].gap == gapNone && toks[g+1].kind == tokWord {
			g += 2
		}
		if start < 0 {
			start = toks[e].start
		}
		end, endTok = toks[g-1].end, g
		if !adj && !sc.adjective(toks[g-1]) {
			break
		}
		e = g
	}
	if start < 0 {
		return "", e
	}
	return sc.text[start:end], endTok
}

func (sc *scanner) adjective(t token) bool {
	for _, suf := range sc.d.adjSuffix {
		if len(t.k) > len(suf)+2 && strings.HasSuffix(t.k, suf) {
			return true
		}
	}
	return false
}

// class looks for a cue word in the clause around tokens [start, end):
// the nearest within the window wins, a cue after the number on a tie. A
// cue that is the counted noun itself (tokens [end, ofEnd): "200 detainees",
// "Häftlinge") only counts when no verb or other cue says more ("200
// detainees were transferred").
func (sc *scanner) class(start, end, ofEnd int) string {
	toks := sc.toks
	best, bestDist := "", sc.cfg.ClassWindow+1
	fallback := ""
	words := 0
	for j := end; j < len(toks) && words < sc.cfg.ClassWindow; j++ {
		t := toks[j]
		if t.gap == gapLine || t.kind == tokSym && clauseBreak(t.k) {
			break
		}
		if t.kind != tokWord {
			continue
		}
		if t.gap != gapNone || j == 0 || !toks[j-1].joiner {
			words++ // "ISIS-militanten" is one word
		}
		if ph, _ := matchFwd(sc.d.classes, toks, j, sc.d.proclitics); ph != nil {
			if j < ofEnd {
				if fallback == "" {
					fallback = ph.val
				}
				continue
			}
			best, bestDist = ph.val, words
			break
		}
		if ph, _ := matchFwd(sc.d.mods, toks, j, nil); ph != nil && len(ph.words) == 1 && ph.val&modBreak != 0 {
			break
		}
	}
	words = 0
	for j := start - 1; j >= 0 && words < bestDist-1; j-- {
		t := toks[j+1]
		if t.gap == gapLine {
			break
		}
		t = toks[j]
		if t.kind == tokSym && clauseBreak(t.k) {
			break
		}
		if t.kind != tokWord {
			continue
		}
		if t.gap != gapNone || j == 0 || !toks[j-1].joiner {
			words++
		}
		if ph, _ := matchFwd(sc.d.classes, toks, j, sc.d.proclitics); ph != nil {
			return ph.val
		}
		if ph, _ := matchFwd(sc.d.mods, toks, j, nil); ph != nil && len(ph.words) == 1 && ph.val&modBreak != 0 {
			break
		}
	}
	if best == "" {
		return fallback
	}
	return best
}

func clauseBreak(k string) bool {
	switch k {
	case ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "“", "”", "«", "»", "„", "،", "؛", "؟", "…", "|":
		return true
	}
	return false
}

// build turns a quant into the contract's Quantity.
func (sc *scanner) build(q *quant, of string, ofEnd int) doc.Quantity {
	toks := sc.toks
	start, end := toks[q.start].start, toks[q.end-1].end
	out := doc.Quantity{Start: start, End: end, Text: sc.text[start:end], Approx: q.approx}
	if !q.vague {
		v := q.value
		switch {
		case q.hasMax:
			lo, hi := v, q.max
			out.Min, out.Max = &lo, &hi
		case q.bound == modMin:
			out.Value, out.Min = &v, &v
		case q.bound == modMax:
			out.Value, out.Max = &v, &v
		default:
			out.Value = &v
		}
	}
	if q.unit != "" {
		u := q.unit
		out.Unit = &u
	}
	if of != "" {
		out.Of = &of
	}
	if q.unit == "" {
		if c := sc.class(q.start, q.end, ofEnd); c != "" {
			out.Class = &c
		}
	}
	return out
}

// matchFwd finds the longest entry of p whose words start at token i, and
// returns it with the index after its last token. Words may be joined by
// spaces, or by a hyphen or apostrophe with no space. With proclitics, the
// first word may carry one ("بأكثر من").
func matchFwd[T any](p *phrases[T], toks []token, i int, proclitics []string) (*phrase[T], int) {
	t := toks[i]
	if t.kind == tokNum {
		return nil, 0
	}
	if ph, e := matchFrom(p.first[t.k], toks, i); ph != nil {
		return ph, e
	}
	if t.kind == tokWord {
		for _, pc := range proclitics {
			if len(t.k) > len(pc)+2 && strings.HasPrefix(t.k, pc) {
				if ph, e := matchFrom(p.first[t.k[len(pc):]], toks, i); ph != nil {
					return ph, e
				}
			}
		}
	}
	return nil, 0
}

func matchFrom[T any](cands []*phrase[T], toks []token, i int) (*phrase[T], int) {
next:
	for _, ph := range cands {
		j := i + 1
		for _, w := range ph.words[1:] {
			j = nextWord(toks, j)
			if j < 0 || toks[j].k != w {
				continue next
			}
			j++
		}
		return ph, j
	}
	return nil, 0
}

// nextWord returns j, or the token after a joiner at j, when it continues a
// phrase; -1 when the phrase cannot go on.
func nextWord(toks []token, j int) int {
	if j >= len(toks) {
		return -1
	}
	if toks[j].kind == tokSym && toks[j].joiner && toks[j].gap == gapNone {
		if j+1 < len(toks) && toks[j+1].gap == gapNone {
			return j + 1
		}
		return -1
	}
	if toks[j].gap > gapSpace {
		return -1
	}
	return j
}

// matchBwd finds the longest entry of p whose last word is token e-1 and
// returns it with the index of its first token.
func matchBwd[T any](p *phrases[T], toks []token, e int, proclitics []string) (*phrase[T], int) {
	if e <= 0 {
		return nil, 0
	}
	last := e - 1
	if toks[last].kind == tokNum {
		return nil, 0
	}
	for _, ph := range p.last[toks[last].k] {
		if s, ok := matchBack(ph.words, toks, last, proclitics); ok {
			return ph, s
		}
	}
	// A one-word entry behind a proclitic: "وحتى".
	if toks[last].kind == tokWord {
		k := toks[last].k
		for _, pc := range proclitics {
			if len(k) > len(pc)+2 && strings.HasPrefix(k, pc) {
				for _, ph := range p.first[k[len(pc):]] {
					if len(ph.words) == 1 {
						return ph, last
					}
				}
			}
		}
	}
	return nil, 0
}

func matchBack(words []string, toks []token, last int, proclitics []string) (int, bool) {
	j := last
	for n := len(words) - 1; n >= 0; n-- {
		if j < 0 {
			return 0, false
		}
		k := toks[j].k
		if k != words[n] {
			if n != 0 || toks[j].kind != tokWord || !withProclitic(k, words[0], proclitics) {
				return 0, false
			}
		}
		if n == 0 {
			return j, true
		}
		// Step to the word before, over a joiner or a space.
		if toks[j].gap > gapSpace || j == 0 {
			return 0, false
		}
		if toks[j].gap == gapNone {
			if toks[j-1].kind != tokSym || !toks[j-1].joiner || j < 2 || toks[j-1].gap != gapNone {
				return 0, false
			}
			j -= 2
		} else {
			j--
		}
	}
	return 0, false
}

func withProclitic(k, w string, proclitics []string) bool {
	for _, pc := range proclitics {
		if len(k) == len(pc)+len(w) && strings.HasPrefix(k, pc) && strings.HasSuffix(k, w) {
			return true
		}
	}
	return false
}
