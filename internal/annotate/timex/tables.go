package timex

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// kind is a set of roles a cue word plays (date_words.txt).
type kind uint16

const (
	kYearCue kind = 1 << iota
	kYearWord
	kOrdinal
	kOf
	kLastBefore
	kLastAfter
	kNextBefore
	kNextAfter
	kRange
	kAt
	kDay
	kAmbiguous
	kProclitic
)

var kindNames = map[string]kind{
	"year_cue":    kYearCue,
	"year_word":   kYearWord,
	"ordinal":     kOrdinal,
	"of":          kOf,
	"last_before": kLastBefore,
	"last_after":  kLastAfter,
	"next_before": kNextBefore,
	"next_after":  kNextAfter,
	"range":       kRange,
	"at":          kAt,
	"day":         kDay,
	"ambiguous":   kAmbiguous,
	"proclitic":   kProclitic,
}

// unit of a relative shift, also the precision of its value.
type unit uint8

const (
	uDay unit = iota + 1
	uWeek
	uMonth
	uYear
)

// relPattern is one relative phrase: its key words (numWord for a number) and
// its shift.
type relPattern struct {
	words  []string // key words; numWord stands for a number
	unit   unit
	amount int  // signed shift when !byNum
	byNum  bool // the shift is the number in the phrase
	sign   int  // sign applied to that number
}

// table holds the word lists for one language (or, for the union table,
// for every language). Maps are keyed by textnorm keys and read-only after
// New, so a Stage is safe for concurrent use.
type table struct {
	months   map[string]int  // month names of this language (all lengths)
	weekdays map[string]int  // weekday names of this language
	solo     map[string]int  // weekday names that may stand alone (≥ 4 runes)
	words    map[string]kind // cue words
	rel      map[string][]relPattern
}

// tables is what New builds from the lexicon.
type tables struct {
	byLang map[string]*table
	union  *table
	// longMonths and longWeekdays are the names of four runes or more in
	// every language: distinctive enough to be read whatever the language
	// of the surrounding text ("20 January" inside a Dutch article).
	longMonths    map[string]int
	longWeekdays  map[string]int
	maxMonthWords int
	maxRelWords   int
	// starts holds every word that can begin a match in any language (the
	// first word of a month name or relative phrase, a weekday, a cue
	// word), and proclitics the letters that may be glued to one. Most
	// words of a text are in neither, and the scanner skips them after one
	// lookup.
	starts     map[string]bool
	proclitics map[string]bool
}

func newTable() *table {
	return &table{
		months:   map[string]int{},
		weekdays: map[string]int{},
		solo:     map[string]int{},
		words:    map[string]kind{},
		rel:      map[string][]relPattern{},
	}
}

func buildTables(lex *lexicon.Lexicon) (*tables, error) {
	ts := &tables{
		byLang:       map[string]*table{},
		union:        newTable(),
		longMonths:   map[string]int{},
		longWeekdays: map[string]int{},
	}
	get := func(lang string) *table {
		t := ts.byLang[lang]
		if t == nil {
			t = newTable()
			ts.byLang[lang] = t
		}
		return t
	}
	conflict := map[string]bool{}
	for _, e := range lex.All("months") {
		m, err := strconv.Atoi(e.Value)
		if err != nil || m < 1 || m > 12 {
			return nil, fmt.Errorf("timex: %s/months: %q has month %q, want 1..12", e.Lang, e.Text, e.Value)
		}
		k := textnorm.Key(e.Text)
		if k == "" || tooShort(k) {
			continue
		}
		get(e.Lang).months[k] = m
		ts.union.months[k] = m
		if old, ok := ts.longMonths[k]; ok && old != m {
			conflict[k] = true
		}
		if utf8.RuneCountInString(k) >= 4 {
			ts.longMonths[k] = m
		}
		ts.maxMonthWords = max(ts.maxMonthWords, strings.Count(k, " ")+1)
	}
	for k := range conflict {
		delete(ts.longMonths, k)
		delete(ts.union.months, k)
	}
	// When the language is unknown, a three-letter abbreviation may be a
	// word of another language ("set", "sie", "mar"): it counts as a month
	// only beside a year or with a capital, like an ambiguous name.
	for k := range ts.union.months {
		if utf8.RuneCountInString(k) < 4 && !hasArabic(k) {
			ts.union.words[k] |= kAmbiguous
		}
	}
	for _, e := range lex.All("weekdays") {
		d, err := strconv.Atoi(e.Value)
		if err != nil || d < 1 || d > 7 {
			return nil, fmt.Errorf("timex: %s/weekdays: %q has day %q, want 1..7", e.Lang, e.Text, e.Value)
		}
		k := textnorm.Key(e.Text)
		if k == "" {
			continue
		}
		t := get(e.Lang)
		t.weekdays[k] = d
		ts.union.weekdays[k] = d
		if utf8.RuneCountInString(k) >= 4 {
			t.solo[k] = d
			ts.union.solo[k] = d
			ts.longWeekdays[k] = d
		}
	}
	for _, e := range lex.All("date_words") {
		kd, ok := kindNames[e.Value]
		if !ok {
			return nil, fmt.Errorf("timex: %s/date_words: %q has unknown kind %q", e.Lang, e.Text, e.Value)
		}
		k := textnorm.Key(e.Text)
		if k == "" || strings.Contains(k, " ") {
			return nil, fmt.Errorf("timex: %s/date_words: %q must be one word", e.Lang, e.Text)
		}
		get(e.Lang).words[k] |= kd
		ts.union.words[k] |= kd
	}
	for _, e := range lex.All("relative_dates") {
		p, err := parseRel(e.Text, e.Value)
		if err != nil {
			return nil, fmt.Errorf("timex: %s/relative_dates: %w", e.Lang, err)
		}
		for _, t := range []*table{get(e.Lang), ts.union} {
			t.rel[p.words[0]] = append(t.rel[p.words[0]], p)
		}
		ts.maxRelWords = max(ts.maxRelWords, len(p.words))
	}
	for _, t := range append(mapValues(ts.byLang), ts.union) {
		for _, ps := range t.rel {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
		}
	}
	ts.starts, ts.proclitics = map[string]bool{}, map[string]bool{}
	for k := range ts.union.months {
		first, _, _ := strings.Cut(k, " ")
		ts.starts[first] = true
	}
	for k := range ts.union.weekdays {
		ts.starts[k] = true
	}
	for k, kd := range ts.union.words {
		ts.starts[k] = true
		if kd&kProclitic != 0 {
			ts.proclitics[k] = true
		}
	}
	for k := range ts.union.rel {
		ts.starts[k] = true
	}
	if len(ts.union.months) == 0 {
		return nil, fmt.Errorf("timex: lexicon has no months")
	}
	return ts, nil
}

func mapValues(m map[string]*table) []*table {
	out := make([]*table, 0, len(m))
	for _, t := range m {
		out = append(out, t)
	}
	return out
}

// tooShort drops one- and two-letter Latin or Cyrillic month abbreviations
// (Turkish "ka", "te", "ha"): beside a number they are far more often
// units or words than months. Arabic-script names are kept at any length
// (آب is August).
func tooShort(k string) bool {
	return utf8.RuneCountInString(k) <= 2 && !hasArabic(k)
}

func hasArabic(k string) bool {
	for _, r := range k {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

// numWord is the placeholder for a number in relative_dates phrases.
const numWord = "<n>"

// parseRel reads one relative_dates entry: "il y a <n> jours" with "day-n".
func parseRel(text, spec string) (relPattern, error) {
	var p relPattern
	k := textnorm.Key(text)
	p.words = strings.Fields(k)
	if len(p.words) == 0 {
		return p, fmt.Errorf("%q: empty phrase", text)
	}
	units := []struct {
		name string
		u    unit
	}{{"day", uDay}, {"week", uWeek}, {"month", uMonth}, {"year", uYear}}
	rest := ""
	for _, u := range units {
		if s, ok := strings.CutPrefix(spec, u.name); ok {
			p.unit, rest = u.u, s
			break
		}
	}
	if p.unit == 0 {
		return p, fmt.Errorf("%q: shift %q has no unit (day, week, month, year)", text, spec)
	}
	hasNum := false
	for _, w := range p.words {
		if w == numWord {
			hasNum = true
		}
	}
	switch rest {
	case "-n", "+n":
		if !hasNum {
			return p, fmt.Errorf("%q: shift %q needs %s in the phrase", text, spec, numWord)
		}
		p.byNum, p.sign = true, 1
		if rest[0] == '-' {
			p.sign = -1
		}
	default:
		n, err := strconv.Atoi(rest)
		if err != nil || hasNum {
			return p, fmt.Errorf("%q: bad shift %q", text, spec)
		}
		p.amount = n
	}
	return p, nil
}

// tableFor returns the table for a language code, or the union table when
// the language is unknown or undetermined.
func (ts *tables) tableFor(lang string) *table {
	if t, ok := ts.byLang[lang]; ok {
		return t
	}
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		if t, ok := ts.byLang[strings.ToLower(lang[:i])]; ok {
			return t
		}
	}
	if t, ok := ts.byLang[strings.ToLower(lang)]; ok {
		return t
	}
	return ts.union
}
