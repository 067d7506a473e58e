package attrib

import (
	"strings"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// analysis holds one span's tokens while its cue, source and hedge are found.
type analysis struct {
	f    *Finder
	t    *tables
	d    *doc.Document
	toks []Token
	ment []int
	// hedgeSpan is the hedge found first; cues inside it are not cues.
	hedgeSpan doc.Span
}

// elem is a typed candidate for a source inside a phrase.
type elem struct {
	lo, hi  int // token range
	typ     string
	strong  bool // a mention, a list noun or a clear name; weak: a lone capitalised word
	initial bool // a weak name that only looks like one because it opens the sentence
	pronoun bool
	marker  bool // an anonymity marker: the whole phrase is anonymous
	entity  *string
}

func (a *analysis) text(lo, hi int) string {
	if lo >= hi {
		return ""
	}
	return a.d.Text[a.toks[lo].Start:a.toks[hi-1].End]
}

// gap is the text between token i-1 and token i.
func (a *analysis) gap(i int) string {
	if i <= 0 || i >= len(a.toks) {
		return ""
	}
	return a.d.Text[a.toks[i-1].End:a.toks[i].Start]
}

// breaks reports whether the gap before token i holds punctuation that ends
// a phrase (anything but spaces, hyphens, apostrophes and brackets).
func (a *analysis) breaks(i int) bool {
	return strings.ContainsAny(a.gap(i), ",:;.!?،؛“”\"«»„")
}

// hedge finds the first hedge cue of the span.
func (a *analysis) hedge(res *Result) {
	hasCond := false
	for i := range a.toks {
		if a.t.hedges.Has(a.toks, i, "cond") {
			hasCond = true
			break
		}
	}
	for i := 0; i < len(a.toks); i++ {
		n, v := a.t.hedges.Match(a.toks, i)
		if n == 0 {
			continue
		}
		if v == "cond" {
			i += n - 1 // "niet mogelijk" is not the hedge "mogelijk"
			continue
		}
		tk := a.toks[i]
		if tk.Cap && !tk.Initial && !tk.Arabic {
			continue // "May" the month, not "may"
		}
		switch v {
		case "modal":
			if hasCond {
				continue
			}
		case "present":
			if i+1 >= len(a.toks) || !presentVerb(a.toks[i+1].Key) {
				continue
			}
		}
		h := a.text(i, i+n)
		res.Hedge = &h
		res.HedgeSpan = doc.Span{Start: a.toks[i].Start, End: a.toks[i+n-1].End}
		a.hedgeSpan = res.HedgeSpan
		return
	}
}

// presentVerb reports whether an Arabic key looks like an imperfect verb
// (prefix ي ت ن ا), the only reading in which قد hedges.
func presentVerb(k string) bool {
	for _, p := range []string{"ي", "ت", "ن", "ا"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// cueAt returns the cue matched at token i, skipping nouns that look like
// cues ("the report", "a claim").
func (a *analysis) cueAt(i int) (int, string) {
	n, v := a.t.cues.Match(a.toks, i)
	if n == 0 || v == cueComp {
		return 0, ""
	}
	if a.hedgeSpan.End > a.hedgeSpan.Start && a.toks[i].Start < a.hedgeSpan.End && a.toks[i+n-1].End > a.hedgeSpan.Start {
		return 0, "" // "it is believed": a passive hedge, not a speaker
	}
	if v == CueSay && i > 0 && a.t.dets[a.toks[i-1].Key] && !a.breaks(i) && a.nounAt(i) {
		return 0, ""
	}
	if tk := a.toks[i]; tk.Cap && !tk.Initial && !tk.Arabic && v != CueAccording && v != CuePostp {
		return 0, "" // "the United States", not "states"
	}
	return n, v
}

// attribute finds the first reporting cue, its source and the chain.
func (a *analysis) attribute(res *Result) {
	for i := 0; i < len(a.toks); i++ {
		n, role := a.cueAt(i)
		if n == 0 {
			continue
		}
		src, ok := a.sourceOf(i, i+n, role)
		if role == CueCont || (!ok && role == CueSay && i <= 1) {
			if !ok {
				res.Continues = true
				res.Cue = doc.Span{Start: a.toks[i].Start, End: a.toks[i+n-1].End}
				res.CueRole = role
				// A later cue in the span may still name a speaker.
				if later := a.laterCue(i + n); role == CueSay && later != nil {
					*res = mergeLater(*res, *later)
				}
				return
			}
		}
		if !ok {
			continue
		}
		res.Cue = doc.Span{Start: a.toks[i].Start, End: a.toks[i+n-1].End}
		res.CueRole = role
		res.Attribution = src.attr
		res.Source = src.span
		res.Pronoun = src.pronoun
		res.Chain = a.chain(i, i+n, role, src)
		return
	}
}

// laterCue looks for a named speaker after a cue that named none.
func (a *analysis) laterCue(from int) *Result {
	for i := from; i < len(a.toks); i++ {
		n, role := a.cueAt(i)
		if n == 0 || role == CueCont {
			continue
		}
		if src, ok := a.sourceOf(i, i+n, role); ok && !src.pronoun {
			r := Result{Attribution: src.attr, Source: src.span, CueRole: role,
				Cue: doc.Span{Start: a.toks[i].Start, End: a.toks[i+n-1].End}}
			r.Chain = a.chain(i, i+n, role, src)
			return &r
		}
	}
	return nil
}

func mergeLater(r, later Result) Result {
	later.Hedge, later.HedgeSpan = r.Hedge, r.HedgeSpan
	return later
}

// source is a typed source phrase.
type source struct {
	attr    doc.Attribution
	span    doc.Span
	pronoun bool
	lo, hi  int
}

// sourceOf finds the source of the cue at tokens [ci,cj).
func (a *analysis) sourceOf(ci, cj int, role string) (source, bool) {
	switch role {
	case CueAccording:
		return a.typed(ci, cj, cj, a.rightEnd(cj))
	case CuePostp:
		return a.typed(ci, cj, a.leftStart(ci, true), ci)
	case CueSelf:
		return a.typed(ci, cj, ci, cj)
	case CueRel:
		return a.typed(ci, cj, max(0, ci-2*a.f.cfg.LeftWindow), ci)
	case CueCont:
		return source{}, false
	}
	// say, cite: the subject next to the cue. A source written right before
	// the cue is its subject; after a comma or an opening adverbial the
	// subject follows the verb (V2 inversion, "…, said the minister").
	adjLo := a.leftStart(ci, false)
	lo := a.subjectStart(ci)
	if adjLo < ci && lo < ci && hasSubject(a.elements(adjLo, ci), false) {
		if s, ok := a.typed(ci, cj, lo, ci); ok {
			return s, true
		}
	}
	punct := a.breaks(ci)
	if !punct && lo < ci && hasSubject(a.elements(lo, ci), false) {
		return a.typed(ci, cj, lo, ci)
	}
	re := a.rightEnd(cj)
	if re > cj {
		if es := a.elements(cj, min(re, cj+3)); len(es) > 0 && es[0].lo <= cj+1 {
			return a.typed(ci, cj, cj, re)
		}
	}
	if lo < ci && hasSubject(a.elements(lo, ci), false) {
		return a.typed(ci, cj, lo, ci)
	}
	if adjLo < ci && hasSubject(a.elements(adjLo, ci), true) {
		return a.typed(ci, cj, lo, ci)
	}
	return source{}, false
}

// hasSubject reports whether es holds a plausible subject: a strong element,
// a pronoun, or a lone capitalised word that does not merely open the
// sentence (or does, when initialOK).
func hasSubject(es []elem, initialOK bool) bool {
	for _, e := range es {
		if e.strong || e.pronoun || e.marker || !e.initial || initialOK {
			return true
		}
	}
	return false
}

// subjectStart is leftStart for a subject further away: when the phrase
// stops at a relative word ("escalation of operations that target the
// forces indicates"), the subject is what precedes the relative clause, so
// the phrase starts there; ci is returned when nothing precedes it.
func (a *analysis) subjectStart(ci int) int {
	lo := a.leftStart(ci, true)
	if lo == 0 || lo >= ci {
		return lo
	}
	if n, v := a.t.cues.Match(a.toks, lo-1); n != 1 || v != cueComp || a.breaks(lo-1) {
		return lo
	}
	rel := lo - 1
	start := a.leftStart(rel, true)
	if start >= rel || len(a.elements(start, rel)) == 0 {
		return ci
	}
	return start
}

// leftStart returns where the phrase before token ci starts: at most
// Adjacent (or LeftWindow when wide) words back, stopping at a
// complementiser or another cue, and, when not wide, at punctuation.
func (a *analysis) leftStart(ci int, wide bool) int {
	limit := a.f.cfg.Adjacent
	if wide {
		limit = a.f.cfg.LeftWindow
	}
	lo := ci
	for lo > 0 && ci-lo < limit {
		if !wide && a.breaks(lo) && strings.ContainsAny(a.gap(lo), ",:;.!?،؛“”\"«»„") {
			break
		}
		if wide && strings.ContainsAny(a.gap(lo), ";:.!?؛") {
			break
		}
		if n, v := a.t.cues.Match(a.toks, lo-1); n == 1 && (v == cueComp || v == CueSay) {
			break
		}
		lo--
	}
	return lo
}

// rightEnd returns where the phrase after token cj ends: at most RightWindow
// words, stopping at a complementiser, a cue, or punctuation (one comma is
// allowed when an apposition follows: "Amaq, the media office of ISIS").
func (a *analysis) rightEnd(cj int) int {
	hi := cj
	commas := 0
	for hi < len(a.toks) && hi-cj < a.f.cfg.RightWindow {
		if hi > cj {
			g := a.gap(hi)
			if strings.ContainsAny(g, ";:.!?؛“”\"«»„") {
				break
			}
			if strings.ContainsAny(g, ",،") {
				k := a.toks[hi].Key
				if commas > 0 || !(a.t.dets[k] || a.nounAt(hi)) {
					break
				}
				commas++
			}
		}
		if n, _ := a.cueAt(hi); n > 0 {
			break
		}
		if n, v := a.t.cues.Match(a.toks, hi); n > 0 && v == cueComp {
			break
		}
		hi++
	}
	return hi
}

func (a *analysis) nounAt(i int) bool {
	if n, _ := a.t.nouns.Match(a.toks, i); n > 0 {
		return true
	}
	n, _ := a.t.anon.Match(a.toks, i)
	return n > 0
}

// typed types the phrase [lo,hi) and builds its source.
func (a *analysis) typed(ci, cj, lo, hi int) (source, bool) {
	es := a.elements(lo, hi)
	if len(es) == 0 {
		return source{}, false
	}
	head, ok := pick(es)
	if !ok {
		return source{}, false
	}
	typ := head.typ
	for _, e := range es {
		if e.marker {
			typ = Anonymous
		}
	}
	s := source{lo: head.lo, hi: hi, pronoun: head.pronoun}
	if head.pronoun {
		if ante, ok := a.antecedent(min(lo, ci)); ok {
			typ, head.entity = ante.typ, ante.entity
			s.pronoun = false
			txt := a.text(ante.lo, ante.hi)
			s.attr = doc.Attribution{Text: txt, Type: typ, Entity: ante.entity}
			s.span = doc.Span{Start: a.toks[ante.lo].Start, End: a.toks[ante.hi-1].End}
			return s, true
		}
	}
	start := head.lo
	if lo >= cj {
		start = lo // a phrase after the cue starts where it starts: "Amaq, het persbureau"
		for start < head.lo && a.t.dets[a.toks[start].Key] {
			start++
		}
	}
	for start > lo && a.t.dets[a.toks[start-1].Key] && !a.breaks(start) {
		start--
	}
	end := hi
	if end <= start {
		end = head.hi
	}
	// Trim a trailing bracket or apposition comma from the phrase text.
	txt := strings.TrimRight(a.text(start, end), " ,،")
	s.attr = doc.Attribution{Text: txt, Type: typ, Entity: head.entity}
	s.span = doc.Span{Start: a.toks[start].Start, End: a.toks[start].Start + len(txt)}
	return s, true
}

// antecedent finds the nearest strong source before token i in the span,
// for a pronoun subject ("the MPP issued a statement in which it stressed").
func (a *analysis) antecedent(i int) (elem, bool) {
	es := a.elements(0, i)
	for _, e := range es {
		if e.strong && !e.marker && e.typ != Document {
			return e, true // the subject of the main clause, usually first
		}
	}
	for k := len(es) - 1; k >= 0; k-- {
		if es[k].strong && !es[k].marker {
			return es[k], true
		}
	}
	return elem{}, false
}

// pick chooses the head of a phrase: the first strong element, else the
// first weak name that does not open the sentence, else any weak name,
// else a pronoun.
func pick(es []elem) (elem, bool) {
	for _, e := range es {
		if e.strong && !e.marker {
			return e, true
		}
	}
	for _, e := range es {
		if !e.strong && !e.pronoun && !e.initial && !e.marker {
			return e, true
		}
	}
	for _, e := range es {
		if !e.strong && !e.pronoun && !e.marker {
			return e, true
		}
	}
	for _, e := range es {
		if e.pronoun {
			return e, true
		}
	}
	for _, e := range es {
		if e.marker {
			return elem{lo: e.lo, hi: e.hi, typ: Anonymous, strong: true}, true
		}
	}
	return elem{}, false
}

// elements lists the typed candidates in [lo,hi), left to right.
func (a *analysis) elements(lo, hi int) []elem {
	var out []elem
	lo = max(lo, 0)
	hi = min(hi, len(a.toks))
	for i := lo; i < hi; {
		if mi := a.ment[i]; mi >= 0 {
			j := i + 1
			for j < hi && a.ment[j] == mi {
				j++
			}
			m := a.d.Mentions[mi]
			if typ := mentionType(m.Type); typ != "" {
				out = append(out, elem{lo: i, hi: j, typ: typ, strong: true, entity: m.Entity})
			}
			i = j
			continue
		}
		if n, v := a.t.anon.Match(a.toks, i); n > 0 && i+n <= hi {
			out = append(out, elem{lo: i, hi: i + n, typ: Anonymous, strong: v != "marker", marker: v == "marker"})
			i += n
			continue
		}
		if n, v := a.t.nouns.Match(a.toks, i); n > 0 && i+n <= hi {
			e := a.noun(i, n, v, hi)
			out = append(out, e)
			i = e.hi
			continue
		}
		tk := a.toks[i]
		if a.t.dets[tk.Key] || a.t.particles[tk.Key] {
			if a.t.pronouns[tk.Key] && hi-lo == 1 {
				out = append(out, elem{lo: i, hi: i + 1, typ: NamedPerson, pronoun: true})
			}
			i++
			continue
		}
		if a.t.pronouns[tk.Key] {
			out = append(out, elem{lo: i, hi: i + 1, typ: NamedPerson, pronoun: true})
			i++
			continue
		}
		if (tk.Cap || tk.Acronym) && !tk.Arabic {
			e := a.name(i, hi)
			out = append(out, e)
			i = e.hi
			continue
		}
		i++
	}
	return out
}

func mentionType(t string) string {
	switch t {
	case "PERSON":
		return NamedPerson
	case "OUTLET":
		return MediaOutlet
	case "ORG", "GPE":
		return OfficialBody
	}
	return ""
}

// noun types a list noun at [i,i+n) with value v.
func (a *analysis) noun(i, n int, v string, hi int) elem {
	e := elem{lo: i, hi: i + n, typ: v, strong: true}
	switch v {
	case "title":
		// "President Biden", "woordvoerder Jan de Vries": a person; alone, an office.
		e.typ = OfficialBody
		for j := i + n; j < min(hi, i+n+2); j++ {
			if a.toks[j].Cap && !a.toks[j].Arabic {
				nm := a.name(j, hi)
				e.typ, e.hi = NamedPerson, nm.hi
				break
			}
			if mi := a.ment[j]; mi >= 0 && a.d.Mentions[mi].Type == "PERSON" {
				e.typ, e.hi, e.entity = NamedPerson, j+1, a.d.Mentions[mi].Entity
				break
			}
		}
	case "work":
		// "an article of Sputnik", "een onderzoek van The Guardian": the owner's type.
		e.typ = Document
		owner := a.elements(i+n, min(hi, i+n+5))
		if len(owner) > 0 && owner[0].lo <= i+n+2 {
			o := owner[0]
			switch {
			case o.typ == MediaOutlet:
				e.typ, e.entity = MediaOutlet, o.entity
			case o.typ == NamedPerson && !o.strong && !o.pronoun:
				e.typ = MediaOutlet // a lone unknown name owning an article is most often an outlet
			case o.typ == NamedPerson && o.strong:
				e.typ, e.entity = NamedPerson, o.entity
			}
			e.hi = o.hi
		}
	case NamedPerson, OfficialBody, MediaOutlet, Document, Anonymous:
	default:
		e.typ = OfficialBody
	}
	return e
}

// name types a run of capitalised words starting at token i.
func (a *analysis) name(i, hi int) elem {
	j := i + 1
	for j < hi {
		g := a.gap(j)
		if strings.ContainsAny(g, ",:;.!?()“”\"«»„/") {
			break
		}
		tk := a.toks[j]
		if (tk.Cap || tk.Acronym) && !tk.Arabic && !a.t.dets[tk.Key] {
			j++
			continue
		}
		if a.t.particles[tk.Key] && j+1 < hi && a.toks[j+1].Cap && !strings.ContainsAny(a.gap(j+1), ",:;.") {
			j += 2
			continue
		}
		if strings.TrimSpace(g) == "-" || g == "-" {
			if n, _ := a.t.nouns.Match(a.toks, j); n == 1 {
				j++ // "Kan-kanaal": a name joined to its noun
				continue
			}
		}
		if a.t.outletWords[tk.Key] && !a.t.dets[tk.Key] {
			j++ // "al-Mayadeen net"
			continue
		}
		break
	}
	e := elem{lo: i, hi: j, typ: NamedPerson}
	words := 0
	for k := i; k < j; k++ {
		if !a.t.particles[a.toks[k].Key] {
			words++
		}
	}
	for k := i; k < j; k++ {
		if a.t.outletWords[a.toks[k].Key] {
			e.typ, e.strong = MediaOutlet, true
			return e
		}
		if n, v := a.t.nouns.Match(a.toks, k); n > 0 && k+n <= j {
			switch v {
			case MediaOutlet, OfficialBody:
				e.typ, e.strong = v, true
				return e
			}
		}
	}
	// "Militair Openbaar Onderzoek (MPP)": a name with its acronym is a body.
	if j < len(a.toks) && a.toks[j].Acronym && strings.Contains(a.gap(j), "(") {
		if j+1 >= len(a.toks) || strings.Contains(a.gap(j+1), ")") {
			e.typ, e.strong, e.hi = OfficialBody, true, j+1
			return e
		}
	}
	if words == 1 && a.toks[i].Acronym {
		e.typ, e.strong = OfficialBody, true
		return e
	}
	if words >= 2 {
		e.strong = true
		return e
	}
	e.initial = a.toks[i].Initial
	return e
}

// chain collects the sources the nearest speaker relays: cite cues after
// the main cue ("citing B", "waarin B worden geciteerd", "نقلاً عن B"), and
// an "according to B" right after a speech cue.
func (a *analysis) chain(ci, cj int, role string, main source) []doc.Attribution {
	var out []doc.Attribution
	from := max(cj, main.lo)
	for i := from; i < len(a.toks); i++ {
		n, r := a.cueAt(i)
		if n == 0 {
			continue
		}
		if i >= main.lo && i < main.hi && r != CueCite {
			continue
		}
		isCite := r == CueCite
		isAcc := r == CueAccording && role == CueSay && i-max(cj, main.hi) <= 3
		if !isCite && !isAcc {
			continue
		}
		var s source
		var ok bool
		s, ok = a.typed(i, i+n, i+n, a.rightEnd(i+n))
		if !ok && isCite {
			s, ok = a.typed(i, i+n, a.leftStart(i, true), i)
		}
		if ok && !s.pronoun && (s.span.End <= main.span.Start || s.span.Start >= main.span.End) {
			out = append(out, s.attr)
		}
		i += n - 1
	}
	return out
}
