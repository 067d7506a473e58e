package event

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Config tunes the stage. The windows count words (tokens), since what they
// stand for ("no attack", "against the army") is a matter of a few words in
// every language.
type Config struct {
	// MaxParties caps actors and targets per side, nearest to the trigger
	// first, so a long sentence full of names does not make everyone a party.
	MaxParties int
	// NegationWindow is how many words may separate a negation from the
	// trigger it cancels ("did not attack" is 1, "لم يقع أي هجوم" is 2).
	NegationWindow int
	// HypotheticalWindow is how far before a trigger a condition or threat
	// ("if", "threatened to") still makes it hypothetical.
	HypotheticalWindow int
	// CueWindow is how many words may separate "against", "by" or "in" from
	// the name whose role it sets ("against a convoy of the army" is 3).
	CueWindow int
	// KillWindow is how many words may separate a number from a killing
	// word for the number to count as fatalities when the quantity stage did
	// not class it.
	KillWindow int
	// SkipQuestions drops triggers in sentences ending in a question mark:
	// a rhetorical question insinuates an event, it does not report one.
	SkipQuestions bool
	// PublishedFallback dates an event with the publication date (marked
	// TimeInferred) when neither its sentence nor its paragraph has a date.
	// ACLED-style consumers want a date on every event; those who do not
	// can turn it off.
	PublishedFallback bool
	// Specificity ranks place mentions for an event's location (higher is
	// more specific). nil means DefaultSpecificity. A pipeline with KB
	// feature codes can plug in a finer ranking.
	Specificity func(m doc.Mention) int
}

// DefaultConfig returns the settings the tests and the pipeline use.
func DefaultConfig() Config {
	return Config{
		MaxParties:         3,
		NegationWindow:     3,
		HypotheticalWindow: 8,
		CueWindow:          3,
		KillWindow:         3,
		SkipQuestions:      true,
		PublishedFallback:  true,
	}
}

// DefaultSpecificity ranks places as the event location rule wants them:
// a facility (prison, port, airbase) over a city or other GPE, over a LOC
// (regions, deserts, borders), over a country. Countries are recognised by
// their KB id ("iso:SY"), the kb package's naming for country entities.
func DefaultSpecificity(m doc.Mention) int {
	switch m.Type {
	case "FACILITY":
		return 4
	case "GPE":
		if m.Entity != nil && strings.HasPrefix(*m.Entity, "iso:") {
			return 1
		}
		return 3
	case "LOC":
		return 2
	}
	return 0
}

// Stage fills Document.Events. It is built once and safe for concurrent
// use: Apply keeps all its state on the stack.
type Stage struct {
	cfg    Config
	byLang map[string]*index
	all    *index
	// violent holds the "type/sub" codes that carry fatalities.
	violent map[string]bool
}

// ErrNilDocument is returned by Apply for a nil document.
var ErrNilDocument = errors.New("event: nil document")

// New builds the stage from the lexicon's event_triggers lists. It fails on
// a malformed entry or an unknown type code, so a typo in a word list is
// caught at start-up, not by missing events.
func New(lex *lexicon.Lexicon, cfg Config) (*Stage, error) {
	if lex == nil {
		return nil, errors.New("event: nil lexicon")
	}
	if cfg.MaxParties < 0 || cfg.NegationWindow < 0 || cfg.HypotheticalWindow < 0 || cfg.CueWindow < 0 || cfg.KillWindow < 0 {
		return nil, fmt.Errorf("event: negative window or limit in config %+v", cfg)
	}
	if cfg.Specificity == nil {
		cfg.Specificity = DefaultSpecificity
	}
	byLang, all, err := loadIndexes(lex)
	if err != nil {
		return nil, err
	}
	violent := map[string]bool{}
	for _, row := range scheme() {
		if row.violent {
			violent[row.typ+"/"+row.sub] = true
		}
	}
	return &Stage{cfg: cfg, byLang: byLang, all: all, violent: violent}, nil
}

// Name is the stage's name in pipeline errors.
func (s *Stage) Name() string { return "event" }

// Apply replaces d.Events with the events found in d. It reads the
// sentences, segments, mentions, times, quantities and claims that earlier
// stages left, tolerates any of them missing or malformed (spans outside the
// text are ignored), and never panics on input.
func (s *Stage) Apply(ctx context.Context, d *doc.Document) error {
	if d == nil {
		return ErrNilDocument
	}
	r := newRun(s, d)
	events := []doc.Event{}
	for i, sent := range r.sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("event: %w", err)
			}
		}
		events = r.sentence(sent, events)
	}
	sort.SliceStable(events, func(a, b int) bool { return events[a].Start < events[b].Start })
	d.Events = events
	return nil
}

// run is the state of one Apply call.
type run struct {
	s         *Stage
	d         *doc.Document
	text      string
	toks      []token
	sentences []doc.Span
	paras     []doc.Span
	mentions  []int // valid mentions, by start
	times     []int // valid times with a value, by start
	quants    []int // valid quantities, by start
	m         matcher
	hits      []hit
}

func newRun(s *Stage, d *doc.Document) *run {
	r := &run{s: s, d: d, text: d.Text}
	if !utf8.ValidString(r.text) {
		return r // no sentences: nothing to find, nothing to break
	}
	r.toks = tokenize(r.text, textnorm.Fold(r.text))
	r.paras = paragraphs(r.text)
	r.sentences = r.validSentences()
	n := len(r.text)
	ok := func(a, b int) bool { return a >= 0 && a <= b && b <= n }
	for i, m := range d.Mentions {
		if ok(m.Start, m.End) {
			r.mentions = append(r.mentions, i)
		}
	}
	for i, t := range d.Times {
		if ok(t.Start, t.End) && t.Value != "" {
			r.times = append(r.times, i)
		}
	}
	for i, q := range d.Quantities {
		if ok(q.Start, q.End) {
			r.quants = append(r.quants, i)
		}
	}
	sort.SliceStable(r.mentions, func(a, b int) bool { return d.Mentions[r.mentions[a]].Start < d.Mentions[r.mentions[b]].Start })
	sort.SliceStable(r.times, func(a, b int) bool { return d.Times[r.times[a]].Start < d.Times[r.times[b]].Start })
	sort.SliceStable(r.quants, func(a, b int) bool { return d.Quantities[r.quants[a]].Start < d.Quantities[r.quants[b]].Start })
	return r
}

// validSentences returns the document's sentences that fit the text, sorted
// and without overlaps; without any, it splits the text itself.
func (r *run) validSentences() []doc.Span {
	var out []doc.Span
	for _, s := range r.d.Sentences {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(r.text) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return splitSentences(r.text, r.paras)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	k := 0
	end := 0
	for _, s := range out {
		if s.Start < end {
			s.Start = end
		}
		if s.Start >= s.End {
			continue
		}
		out[k] = s
		k++
		end = s.End
	}
	return out[:k]
}

// tokenRange returns the tokens that lie inside [start,end).
func (r *run) tokenRange(start, end int) (int, int) {
	lo := sort.Search(len(r.toks), func(i int) bool { return r.toks[i].start >= start })
	hi := lo
	for hi < len(r.toks) && r.toks[hi].end <= end {
		hi++
	}
	return lo, hi
}

// tokenAt returns the index of the first token that ends after byte pos.
func (r *run) tokenAt(pos int) int {
	return sort.Search(len(r.toks), func(i int) bool { return r.toks[i].end > pos })
}

// indexFor picks the trigger index for the language at byte pos.
func (r *run) indexFor(pos int) *index {
	lang := ""
	for _, g := range r.d.Segments {
		if g.Start <= pos && pos < g.End {
			lang = g.Lang
			break
		}
	}
	if lang == "" && len(r.d.Segments) == 0 {
		lang = r.d.Lang
	}
	if ix, ok := r.s.byLang[lang]; ok {
		return ix
	}
	return r.s.all
}

// sentence finds the events of one sentence and appends them.
func (r *run) sentence(sent doc.Span, events []doc.Event) []doc.Event {
	cfg := r.s.cfg
	if cfg.SkipQuestions && isQuestion(r.text[sent.Start:sent.End]) {
		return events
	}
	lo, hi := r.tokenRange(sent.Start, sent.End)
	if lo >= hi {
		return events
	}
	r.hits = r.m.match(r.indexFor(sent.Start), r.toks, lo, hi, r.hits[:0])
	hits := r.hits
	var triggers []hit
	top := -1
	for _, h := range hits {
		if !h.pat.trigger() || r.cancelled(h, hits) {
			continue
		}
		triggers = append(triggers, h)
		top = max(top, h.pat.tier)
	}
	first := len(events)
	for _, h := range triggers {
		if h.pat.tier != top {
			continue
		}
		ev := r.event(sent, h, hits)
		merged := false
		for k := first; k < len(events); k++ {
			if events[k].Type == ev.Type && events[k].SubType == ev.SubType {
				events[k].Actors = union(events[k].Actors, ev.Actors)
				events[k].Targets = union(events[k].Targets, ev.Targets)
				merged = true
				break
			}
		}
		if !merged {
			events = append(events, ev)
		}
	}
	r.fatalities(sent, hits, events[first:])
	return events
}

// cancelled reports whether a negation shortly before the trigger, or a
// condition or threat earlier in the sentence, cancels it.
func (r *run) cancelled(h hit, hits []hit) bool {
	cfg := r.s.cfg
	for _, c := range hits {
		if c.j1 > h.j0 {
			break
		}
		gap := h.j0 - c.j1
		if c.pat.cues&cueNeg != 0 && gap <= cfg.NegationWindow ||
			c.pat.cues&cueHypo != 0 && gap <= cfg.HypotheticalWindow {
			return true
		}
	}
	return false
}

// event builds the record for one trigger.
func (r *run) event(sent doc.Span, h hit, hits []hit) doc.Event {
	d := r.d
	ev := doc.Event{
		Type: h.pat.typ, SubType: h.pat.sub,
		Start: h.start, End: h.end, Trigger: r.text[h.start:h.end],
		Actors: []string{}, Targets: []string{},
	}
	ev.EventType, ev.SubEventType, _ = Labels(ev.Type, ev.SubType)
	claim := r.claimFor(h.start, h.end)
	var skip string // the claim's speaker is its voice, not a party
	if claim >= 0 {
		c := d.Claims[claim]
		ev.Claim = &claim
		if a := c.Attribution; a != nil {
			cp := *a
			if a.Entity != nil {
				e := *a.Entity
				cp.Entity = &e
			}
			ev.Attribution = &cp
			if a.Entity != nil {
				skip = *a.Entity // the speaker, not a party
			}
		}
		if c.Hedge != nil {
			hd := *c.Hedge
			ev.Hedge = &hd
		}
		ev.Alleged = ev.Hedge != nil || ev.Attribution != nil && ev.Attribution.Type != "" && ev.Attribution.Type != "author"
	}
	actors, targets, used := r.parties(sent, h, hits, skip)
	ev.Actors, ev.Targets = actors.ids, targets.ids
	if h.pat.byActors {
		ev.Type, ev.SubType = r.byActors(h, hits, actors, targets)
	}
	r.locate(&ev, sent, h, used)
	r.date(&ev, sent, h)
	return ev
}

// byActors types a trigger whose kind depends on who fights whom.
func (r *run) byActors(h hit, hits []hit, actors, targets parties) (string, string) {
	civ := false
	for _, c := range hits {
		if c.pat.cues&cueCiv != 0 {
			civ = true
			break
		}
	}
	switch {
	case civ && !targets.armed:
		return ViolenceAgainstCivilian, subAttack
	case actors.armed && targets.armed:
		return Battles, subArmedClash
	}
	return h.pat.typ, h.pat.sub
}

// claimFor returns the index of the narrowest claim that holds [start,end),
// or -1.
func (r *run) claimFor(start, end int) int {
	best, width := -1, 0
	// Only claims near the trigger can contain it: look them up instead of
	// scanning every claim for every event (quadratic on long documents).
	from, to := r.d.ClaimRange(start, max(end, start+1))
	n := len(r.text)
	for i := from; i < to; i++ {
		c := r.d.Claims[i]
		if c.Start < 0 || c.Start > c.End || c.End > n {
			continue // not a valid claim
		}
		if c.Start <= start && end <= c.End && (best < 0 || c.End-c.Start < width) {
			best, width = i, c.End-c.Start
		}
	}
	return best
}

// parties collects entity ids on one side of an event.
type parties struct {
	ids   []string
	dist  []int
	armed bool // an ORG or GPE among them
}

// add keeps the max nearest parties.
func (p *parties) add(id string, dist, max int, armed bool) {
	for k, x := range p.ids {
		if x == id {
			p.dist[k] = min(p.dist[k], dist)
			return
		}
	}
	p.ids = append(p.ids, id)
	p.dist = append(p.dist, dist)
	p.armed = p.armed || armed
	if len(p.ids) > max {
		far := 0
		for k := range p.dist {
			if p.dist[k] > p.dist[far] {
				far = k
			}
		}
		p.ids = append(p.ids[:far], p.ids[far+1:]...)
		p.dist = append(p.dist[:far], p.dist[far+1:]...)
	}
}

// parties finds the actors and targets of trigger h among the sentence's
// ORG, GPE and PERSON mentions. The rules, in order:
//
//   - a context word up to CueWindow words before the name decides:
//     "against"/"op"/"على" target it, "by"/"door"/"من قبل" and
//     "between"/"بين" make it an actor, "in"/"bij"/"في" make a GPE a place;
//   - before the trigger a name acts, unless a "by" after the trigger marks
//     a passive ("X was attacked by Y"), which makes it a target;
//   - right after the trigger, a GPE is an adjective actor ("frappe
//     aérienne israélienne", "غارة إسرائيلية"), and an ORG followed later by a
//     target word is a genitive actor ("هجوم داعش على", "l'attaque de Daech
//     contre");
//   - any other name after the trigger is a target, except a GPE, which is
//     taken as the place.
//
// used reports the mentions taken as actors, so they are not also the
// location (targets may be: "Luftangriff auf Idlib").
func (r *run) parties(sent doc.Span, h hit, hits []hit, skip string) (actors, targets parties, used map[int]bool) {
	cfg := r.s.cfg
	actors.ids, targets.ids = []string{}, []string{}
	passive := false
	for _, c := range hits {
		if c.j0 >= h.j1 && c.pat.cues&cueAgent != 0 {
			passive = true
			break
		}
	}
	const roles = cueTarget | cueAgent | cuePlace | cueParty
	for _, mi := range r.mentionsIn(sent.Start, sent.End) {
		m := r.d.Mentions[mi]
		if m.Entity == nil || *m.Entity == "" || *m.Entity == skip || m.End > h.start && m.Start < h.end {
			continue
		}
		if m.Type != "ORG" && m.Type != "GPE" && m.Type != "PERSON" {
			continue
		}
		j := r.tokenAt(m.Start)
		role := cue(0)
		targetAfter := false
		for _, c := range hits {
			if c.j1 <= j && c.pat.cues&roles != 0 && j-c.j1 <= cfg.CueWindow && !clauseBreak(r.text[c.end:m.Start]) {
				cues := c.pat.cues & roles
				if c.j0 < h.j1 {
					cues &^= cueTarget | cueAgent // "on"/"by" before the trigger are not about it
				}
				if cues != 0 {
					role = cues // the nearest cue wins
				}
			}
			if c.j0 > j && c.pat.cues&cueTarget != 0 {
				targetAfter = true
			}
		}
		before := m.End <= h.start
		dist := j - h.j1
		if before {
			dist = h.j0 - j
		}
		armed := m.Type != "PERSON"
		actor := false
		switch {
		case role&cuePlace != 0 && m.Type == "GPE":
			continue
		case role&cueTarget != 0:
		case role&(cueAgent|cueParty) != 0:
			actor = true
		case before:
			actor = !passive
		case m.Type == "GPE" && dist <= 1:
			actor = true
		case m.Type == "ORG" && dist <= 2 && targetAfter:
			actor = true
		case m.Type == "GPE":
			continue
		}
		if actor {
			actors.add(*m.Entity, dist, cfg.MaxParties, armed)
			if used == nil {
				used = map[int]bool{}
			}
			used[mi] = true
		} else {
			targets.add(*m.Entity, dist, cfg.MaxParties, armed)
		}
	}
	// One entity is not both actor and target: the actor side wins.
	k := 0
	for _, id := range targets.ids {
		if !contains(actors.ids, id) {
			targets.ids[k] = id
			k++
		}
	}
	targets.ids = targets.ids[:k]
	return actors, targets, used
}

// mentionsIn returns the valid mentions that start in [start,end).
func (r *run) mentionsIn(start, end int) []int {
	ms := r.d.Mentions
	lo := sort.Search(len(r.mentions), func(i int) bool { return ms[r.mentions[i]].Start >= start })
	hi := lo
	for hi < len(r.mentions) && ms[r.mentions[hi]].Start < end {
		hi++
	}
	return r.mentions[lo:hi]
}

// locate sets the most specific place of the sentence, else of the
// paragraph, nearest to the trigger on ties.
func (r *run) locate(ev *doc.Event, sent doc.Span, h hit, used map[int]bool) {
	pick := func(start, end int) int {
		best, bestRank, bestDist := -1, 0, 0
		for _, mi := range r.mentionsIn(start, end) {
			m := r.d.Mentions[mi]
			if used[mi] || m.Entity == nil || *m.Entity == "" {
				continue
			}
			if m.Type != "FACILITY" && m.Type != "LOC" && m.Type != "GPE" {
				continue
			}
			rank := r.s.cfg.Specificity(m)
			if rank <= 0 {
				continue
			}
			dist := distance(m.Start, m.End, h.start, h.end)
			if best < 0 || rank > bestRank || rank == bestRank && dist < bestDist {
				best, bestRank, bestDist = mi, rank, dist
			}
		}
		return best
	}
	best := pick(sent.Start, sent.End)
	if best < 0 {
		if p, ok := r.paragraph(h.start); ok {
			best = pick(p.Start, p.End)
		}
	}
	if best < 0 {
		return
	}
	m := r.d.Mentions[best]
	id := *m.Entity
	ev.Location = &id
	if m.Lat != nil && m.Lon != nil && finite(*m.Lat) && finite(*m.Lon) {
		lat, lon := *m.Lat, *m.Lon
		ev.Lat, ev.Lon = &lat, &lon
	}
}

// date sets the time nearest the trigger in the sentence, else in the
// paragraph, else the publication date (inferred).
func (r *run) date(ev *doc.Event, sent doc.Span, h hit) {
	pick := func(start, end int) string {
		best, bestDist := "", 0
		for _, ti := range r.times {
			t := r.d.Times[ti]
			if t.Start < start {
				continue
			}
			if t.Start >= end {
				break
			}
			if dist := distance(t.Start, t.End, h.start, h.end); best == "" || dist < bestDist {
				best, bestDist = t.Value, dist
			}
		}
		return best
	}
	v := pick(sent.Start, sent.End)
	if v == "" {
		if p, ok := r.paragraph(h.start); ok {
			v = pick(p.Start, p.End)
		}
	}
	if v != "" {
		ev.Time = &v
		return
	}
	if r.s.cfg.PublishedFallback && r.d.Published != nil && *r.d.Published != "" {
		p := *r.d.Published
		ev.Time = &p
		ev.TimeInferred = true
	}
}

// fatalities gives each number of dead in the sentence (a quantity classed
// killed, or a number next to a killing word) to the nearest violent event;
// an event keeps the largest number it gets.
func (r *run) fatalities(sent doc.Span, hits []hit, events []doc.Event) {
	if len(events) == 0 {
		return
	}
	cfg := r.s.cfg
	first := sort.Search(len(r.quants), func(j int) bool { return r.d.Quantities[r.quants[j]].Start >= sent.Start })
	for _, qi := range r.quants[first:] {
		q := r.d.Quantities[qi]
		if q.Start < sent.Start {
			continue
		}
		if q.Start >= sent.End {
			break
		}
		n, ok := count(q)
		if !ok {
			continue
		}
		if q.Class == nil {
			a, b := r.tokenAt(q.Start), r.tokenAt(q.End)
			if b < len(r.toks) && r.toks[b].start < q.End {
				b++ // the quantity ends inside token b
			}
			near := false
			for _, c := range hits {
				if !c.pat.kill {
					continue
				}
				gap := 0
				switch {
				case c.j0 >= b:
					gap = c.j0 - b
				case c.j1 <= a:
					gap = a - c.j1
				}
				if gap <= cfg.KillWindow {
					near = true
					break
				}
			}
			if !near {
				continue
			}
		} else if *q.Class != "killed" {
			continue
		}
		best, bestDist := -1, 0
		for k := range events {
			if !r.s.violent[events[k].Type+"/"+events[k].SubType] {
				continue
			}
			if dist := distance(q.Start, q.End, events[k].Start, events[k].End); best < 0 || dist < bestDist {
				best, bestDist = k, dist
			}
		}
		if best < 0 {
			continue
		}
		if f := events[best].Fatalities; f == nil || *f < n {
			events[best].Fatalities = &n
		}
	}
}

// count reads the number of a quantity: its value, else its lower bound
// ("more than 200" counts 200, as ACLED takes the lowest figure), else its
// upper bound.
func count(q doc.Quantity) (int, bool) {
	for _, p := range []*float64{q.Value, q.Min, q.Max} {
		if p != nil && finite(*p) && *p >= 0 && *p <= 1e9 {
			return int(math.Round(*p)), true
		}
	}
	return 0, false
}

// paragraph returns the paragraph holding byte pos.
func (r *run) paragraph(pos int) (doc.Span, bool) {
	i := sort.Search(len(r.paras), func(i int) bool { return r.paras[i].End > pos })
	if i < len(r.paras) && r.paras[i].Start <= pos {
		return r.paras[i], true
	}
	return doc.Span{}, false
}

// paragraphs splits text into blocks separated by blank lines, as the lang
// stage and extract write them.
func paragraphs(text string) []doc.Span {
	var out []doc.Span
	start := -1
	end := 0
	for pos := 0; pos <= len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		if strings.TrimSpace(text[pos:lineEnd]) == "" {
			if start >= 0 {
				out = append(out, doc.Span{Start: start, End: end})
				start = -1
			}
		} else {
			if start < 0 {
				start = pos
			}
			end = lineEnd
		}
		if nl < 0 {
			break
		}
		pos = lineEnd + 1
	}
	if start >= 0 {
		out = append(out, doc.Span{Start: start, End: end})
	}
	return out
}

// splitSentences is the fallback when the document has no sentences: each
// paragraph is cut after . ! ? ؟ followed by a space.
func splitSentences(text string, paras []doc.Span) []doc.Span {
	var out []doc.Span
	for _, p := range paras {
		start := p.Start
		for i := p.Start; i < p.End; {
			c, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if c == '.' || c == '!' || c == '?' || c == '؟' || c == '\n' {
				if i >= p.End {
					break
				}
				next, _ := utf8.DecodeRuneInString(text[i:])
				if unicode.IsSpace(next) {
					out = append(out, doc.Span{Start: start, End: i})
					start = i
				}
			}
		}
		if start < p.End {
			out = append(out, doc.Span{Start: start, End: p.End})
		}
	}
	return out
}

// isQuestion reports whether a sentence asks: it ends in a question mark
// (before closing quotes and brackets) or opens with Spanish ¿.
func isQuestion(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "¿") {
		return true
	}
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»)]›*", r)
	})
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "؟") || strings.HasSuffix(s, "？")
}

// clauseBreak reports whether s holds punctuation that ends a phrase, so a
// context word does not reach across it ("On 3 March, Islamic State …").
func clauseBreak(s string) bool {
	return strings.ContainsAny(s, ",;:،؛()\"“”«»")
}

// distance is the byte gap between two spans, 0 when they overlap.
func distance(a0, a1, b0, b1 int) int {
	switch {
	case a1 <= b0:
		return b0 - a1
	case b1 <= a0:
		return a0 - b1
	}
	return 0
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// union appends the ids of b missing from a.
func union(a, b []string) []string {
	for _, x := range b {
		if !contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}
