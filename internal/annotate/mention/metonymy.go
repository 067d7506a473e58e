package mention

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// metonymy turns a capital's name into its country when the text uses it
// for the government: "Washington is looking for an excuse", "واشنطن تبحث
// عن ذريعة". The rule is deliberately narrow — the name must be followed,
// in the same clause, by a verb of saying, wanting or deciding from the
// segment language's metonymy_cues list — so "in Washington" or "Moscow's
// metro" stay the city.
type metonymy struct {
	country map[string]string   // name key → country entity id
	cues    map[string][]string // lang → cue keys
}

func newMetonymy(lex *lexicon.Lexicon) *metonymy {
	m := &metonymy{country: map[string]string{}, cues: map[string][]string{}}
	if lex == nil {
		return m
	}
	for _, e := range lex.All("metonymy") {
		if k := kb.NameKey(e.Text); k != "" && e.Value != "" {
			m.country[k] = e.Value
		}
	}
	for _, lang := range lex.Langs() {
		for _, e := range lex.List(lang, "metonymy_cues") {
			if k := textnorm.Key(e.Text); k != "" {
				m.cues[lang] = append(m.cues[lang], k)
			}
		}
	}
	return m
}

// apply rewrites the mentions that stand for a country, and adds those the
// matcher left out (an Arabic-script capital needs its country named in the
// document to pass as a place, but as a subject of "تبحث" it is the state).
func (m *metonymy) apply(k *kb.KB, d *doc.Document) {
	if len(m.country) == 0 {
		return
	}
	m.addUnmatched(k, d)
	for i := range d.Mentions {
		mt := &d.Mentions[i]
		id, ok := m.country[kb.NameKey(mt.Text)]
		if !ok || (mt.Type != kb.GPE && mt.Entity != nil) {
			continue
		}
		if mt.Entity != nil && *mt.Entity == id {
			continue
		}
		if !m.followedByCue(d, mt.End) {
			continue
		}
		c, ok := k.Entity(id)
		if !ok {
			continue
		}
		mt.Entity, mt.Name, mt.Type = &id, c.Name, c.Type
		mt.Lat, mt.Lon, mt.Fuzzy, mt.Score = c.Lat, c.Lon, false, 0
	}
}

// followedByCue reports whether a cue verb of the segment's language starts
// within the next three words after end, before any clause punctuation.
func (m *metonymy) followedByCue(d *doc.Document, end int) bool {
	lang := ""
	for _, s := range d.Segments {
		if s.Start <= end && end <= s.End {
			lang = s.Lang
			break
		}
	}
	cues := m.cues[lang]
	if len(cues) == 0 {
		return false
	}
	rest := d.Text[end:]
	if len(rest) > 120 {
		rest = rest[:120]
		for len(rest) > 0 && !utf8.ValidString(rest) {
			rest = rest[:len(rest)-1]
		}
	}
	if i := strings.IndexAny(rest, ".,;:!?،؛؟\n()\"“”«»"); i >= 0 {
		rest = rest[:i]
	}
	words := strings.Fields(textnorm.Key(rest))
	for skip := 0; skip < len(words) && skip < 3; skip++ {
		tail := strings.Join(words[skip:], " ") + " "
		for _, c := range cues {
			if strings.HasPrefix(tail, c+" ") {
				return true
			}
		}
	}
	return false
}

// addUnmatched finds metonymy names that no mention covers and that a cue
// verb follows, and adds them as mentions of their country.
func (m *metonymy) addUnmatched(k *kb.KB, d *doc.Document) {
	f := textnorm.Fold(d.Text)
	var added []doc.Mention
	for _, w := range textnorm.Words(f.Key) {
		id, ok := m.country[w.Text]
		if !ok {
			continue
		}
		start, end := f.Span(w.Start, w.End)
		if start >= end || covered(d.Mentions, start, end) || !m.followedByCue(d, end) {
			continue
		}
		c, ok := k.Entity(id)
		if !ok {
			continue
		}
		added = append(added, doc.Mention{Start: start, End: end, Text: d.Text[start:end],
			Entity: &id, Name: c.Name, Type: c.Type, Lat: c.Lat, Lon: c.Lon})
	}
	if len(added) == 0 {
		return
	}
	d.Mentions = append(d.Mentions, added...)
	slices.SortFunc(d.Mentions, func(a, b doc.Mention) int { return cmp.Compare(a.Start, b.Start) })
}

func covered(ms []doc.Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}
