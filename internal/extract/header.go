package extract

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/lexicon"
	"golang.org/x/text/unicode/norm"
)

// Limits of the header search. A credit header sits at the very top of a
// scraped article, at most after a title line, and its lines are short.
const (
	headerMaxLines     = 8    // non-empty lines looked at
	headerMaxBytes     = 1500 // bytes looked at
	headerMaxLineBytes = 250  // longer lines are prose, never header lines
	headerMaxNameWords = 6    // an unlabelled field longer than this is prose
	headerMaxValWords  = 8    // a labelled value longer than this is prose
)

// Header is what a credit header or byline says about a document. Values
// are substrings of the text, trimmed of spaces and separators.
type Header struct {
	Outlet, Author, Place string
	Published             string // ISO date YYYY-MM-DD, or "" when no year is given
	PublishedPartial      string // "--01-06" or "--01-06T15:23" when the dateline has no year
	Start, End            int    // byte span of the header lines in the text
}

// HeaderParser finds the scraped credit header or byline at the top of a
// plain-text article. All its language knowledge (labels, month and weekday
// names, outlet words) comes from the lexicon, so a language is added by
// adding lists, not code. It is built once and safe for concurrent use.
//
// A header line is a short line (at most 250 bytes) whose fields are header
// fields: "Label: value" with a source or author label, a date, or short
// names. Fields are separated by runs of two or more spaces (NBSP
// included), tabs, " · ", " | ", " / ", " – ", " — ", " - " or line breaks.
// A line that has no label and no date, or that holds prose (an unlabelled
// hdrField of more than six words, words after a date), is not a header line.
//
// Fields are assigned in order:
//   - the value after an author label ("By", "Door", "بقلم", "Автор:") is the
//     author; a label without a colon counts only before a name;
//   - the value after a source label ("Source:", "Bron:", "المصدر:") is the
//     outlet, except when it has the shape of a person (two to four
//     capitalised or uncased words, no outlet word) and another name follows
//     in the next field or line: then it is a credit "Source: Person /
//     Outlet", the person is the author and the next name the outlet;
//   - "Name – Place" (two fields joined by a dash, the first person-shaped)
//     is a byline: author and dateline place;
//   - an unlabelled name is the outlet when it has an outlet word (news, net,
//     وكالة …, a domain, a hyphenated brand like "Off-Guardian"), else the
//     author when it is person-shaped and no author is known, else the outlet
//     when the header also has a label;
//   - the first date gives Published when it has a year and PublishedPartial
//     when it has none: a year is never invented. Impossible dates
//     ("31 februari 2022") are not dates.
type HeaderParser struct {
	months      map[string]int  // folded month word(s) → 1..12
	weekdays    map[string]bool // folded weekday word(s)
	maxWords    int             // most words in a month or weekday name
	source      []hdrLabel
	author      []hdrLabel
	outletWords map[string]bool // folded
}

// hdrLabel is one entry of source_labels or author_labels.
type hdrLabel struct {
	words []string // folded words
	colon bool     // a colon must follow
}

// NewHeaderParser builds a parser from the lexicon lists months, weekdays,
// source_labels, author_labels and outlet_words of every language.
func NewHeaderParser(lex *lexicon.Lexicon) (*HeaderParser, error) {
	if lex == nil {
		return nil, errors.New("extract: header parser: nil lexicon")
	}
	p := &HeaderParser{
		months:      map[string]int{},
		weekdays:    map[string]bool{},
		outletWords: map[string]bool{},
	}
	ambiguous := map[string]bool{}
	for _, e := range lex.All("months") {
		m, err := strconv.Atoi(e.Value)
		if err != nil || m < 1 || m > 12 {
			return nil, fmt.Errorf("extract: header parser: %s/months: %q has month %q, want 1..12", e.Lang, e.Text, e.Value)
		}
		k := hdrFold(e.Text)
		if !hdrUsableName(k) {
			continue
		}
		if old, ok := p.months[k]; ok && old != m {
			ambiguous[k] = true
		}
		p.months[k] = m
		p.maxWords = max(p.maxWords, len(strings.Fields(k)))
	}
	for k := range ambiguous {
		delete(p.months, k)
	}
	for _, e := range lex.All("weekdays") {
		k := hdrFold(e.Text)
		if hdrUsableName(k) {
			p.weekdays[k] = true
			p.maxWords = max(p.maxWords, len(strings.Fields(k)))
		}
	}
	p.source = hdrLabels(lex.All("source_labels"))
	p.author = hdrLabels(lex.All("author_labels"))
	for _, e := range lex.All("outlet_words") {
		p.outletWords[hdrFold(e.Text)] = true
	}
	if len(p.months) == 0 || len(p.source) == 0 || len(p.author) == 0 {
		return nil, errors.New("extract: header parser: lexicon lacks months, source_labels or author_labels")
	}
	return p, nil
}

// hdrUsableName drops two-letter Latin abbreviations ("ar", "ka" in Turkish),
// which collide with ordinary words; two-letter names in uncased scripts
// (Arabic "اب", August) are kept.
func hdrUsableName(k string) bool {
	n := utf8.RuneCountInString(k)
	if n >= 3 {
		return true
	}
	for _, r := range k {
		if unicode.IsLower(r) || unicode.IsUpper(r) {
			return false
		}
	}
	return n > 0
}

func hdrLabels(es []lexicon.Entry) []hdrLabel {
	var out []hdrLabel
	for _, e := range es {
		t := strings.TrimSpace(e.Text)
		l := hdrLabel{}
		if s, ok := strings.CutSuffix(t, ":"); ok {
			t, l.colon = strings.TrimSpace(s), true
		}
		l.words = strings.Fields(hdrFold(t))
		if len(l.words) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// hdrFold is the matching key of a word: lower case without diacritics, the
// way go-dateparser stores its names (février → fevrier, أيار → ايار).
func hdrFold(s string) string {
	if hdrIsASCII(s) {
		return strings.ToLower(s)
	}
	s = norm.NFKD.String(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

func hdrIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Parse looks at the first lines of text (at most 8 non-empty lines and
// 1,500 bytes) for a header and returns it; ok is false when there is none.
func (p *HeaderParser) Parse(text string) (h Header, ok bool) {
	var lines []headerLine
	nonEmpty := 0
	for off := 0; off < len(text) && off < headerMaxBytes && nonEmpty < headerMaxLines; {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		lend := end
		if lend > off && text[lend-1] == '\r' {
			lend--
		}
		if strings.TrimSpace(text[off:lend]) != "" {
			nonEmpty++
			lines = append(lines, p.parseLine(text, off, lend))
		}
		off = end + 1
	}

	first := -1
	for i, l := range lines {
		if l.header {
			first = i
			break
		}
	}
	if first < 0 {
		return Header{}, false
	}
	// The header goes on over the next non-empty lines (blank lines between
	// are allowed) while they are header lines, or a short name after a line
	// that ended in a source label ("Bron: Person" / "Outlet").
	block := lines[first : first+1]
	for _, l := range lines[first+1:] {
		prev := block[len(block)-1]
		if !l.header && !(prev.pending && l.shortName) {
			break
		}
		block = lines[first : first+len(block)+1]
	}

	var fs []*hdrField
	for _, l := range block {
		fs = append(fs, l.fields...)
	}
	h = p.assign(text, fs)
	h.Start, h.End = block[0].start, block[len(block)-1].end
	if h.Outlet == "" && h.Author == "" && h.Place == "" && h.Published == "" && h.PublishedPartial == "" {
		return Header{}, false
	}
	return h, true
}

// headerLine is one non-empty line near the top with its fields.
type headerLine struct {
	start, end int
	fields     []*hdrField
	header     bool // the line is made of header fields
	pending    bool // it ends in a source label whose name may continue on the next line
	shortName  bool // it is one short name (a continuation of a pending line)
}

type hdrFieldKind int

const (
	hdrPlain hdrFieldKind = iota
	hdrSource
	hdrAuthor
)

// hdrField is one separated part of a header line; offsets are into the text.
type hdrField struct {
	start, end int
	dashBefore bool // joined to the previous field by a dash
	kind       hdrFieldKind
	name       hdrSpan // the name part: the value after a label, minus any date
	date       *hdrDate
	residue    int  // words after the date
	used       bool // consumed by an earlier field's rule
}

type hdrSpan struct{ start, end int }

func (s hdrSpan) empty() bool { return s.start >= s.end }

func (p *HeaderParser) parseLine(text string, start, end int) headerLine {
	l := headerLine{start: start, end: end}
	if end-start > headerMaxLineBytes {
		return l
	}
	l.fields = hdrSplitFields(text, start, end)
	signals, plainWords := 0, 0
	for _, f := range l.fields {
		p.classify(text, f)
		n := len(strings.Fields(text[f.name.start:f.name.end]))
		switch {
		case f.kind != hdrPlain:
			signals++
			if n > headerMaxValWords {
				return l
			}
		case n > headerMaxNameWords:
			return l
		default:
			plainWords += n
		}
		if f.date != nil {
			signals++
			if f.residue > 0 {
				return l
			}
		}
	}
	if len(l.fields) == 1 {
		f := l.fields[0]
		n := len(strings.Fields(text[f.name.start:f.name.end]))
		l.shortName = f.kind == hdrPlain && f.date == nil && n > 0 && n <= 4 && p.nameShaped(text[f.name.start:f.name.end])
	}
	l.header = signals > 0 && plainWords <= 2*headerMaxNameWords
	if l.header && len(l.fields) > 0 {
		last := l.fields[len(l.fields)-1]
		l.pending = last.kind == hdrSource && last.date == nil
	}
	return l
}

// hdrSplitFields cuts text[start:end] at field separators and returns the
// trimmed, non-empty fields.
func hdrSplitFields(text string, start, end int) []*hdrField {
	var out []*hdrField
	fstart, dash := start, false
	emit := func(fend int, nextDash bool) {
		s, e := hdrTrim(text, fstart, fend)
		if s < e {
			out = append(out, &hdrField{start: s, end: e, dashBefore: dash})
			dash = nextDash
		} else {
			dash = dash || nextDash
		}
	}
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '\t' || r == '|':
			emit(i, false)
			i += n
			fstart = i
		case unicode.IsSpace(r):
			j, spaces, tab := i, 0, false
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if !unicode.IsSpace(r2) {
					break
				}
				spaces++
				tab = tab || r2 == '\t'
				j += n2
			}
			// " · ", " / ", " – ": a separator rune between spaces.
			if j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if strings.ContainsRune("·•/|–—-", r2) {
					k := j + n2
					if r3, _ := utf8.DecodeRuneInString(text[k:end]); k == end || unicode.IsSpace(r3) {
						emit(i, strings.ContainsRune("–—-", r2))
						i = k
						fstart = i
						continue
					}
				}
			}
			if spaces >= 2 || tab {
				emit(i, false)
				fstart = j
			}
			i = j
		default:
			i += n
		}
	}
	emit(end, false)
	return out
}

// hdrTrim narrows [s,e) past spaces and separator marks at both ends.
func hdrTrim(text string, s, e int) (int, int) {
	const marks = "~|-–—·•,;:/"
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(marks, r) && r != utf8.RuneError {
			break
		}
		s += n
	}
	for s < e {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(marks, r) && r != utf8.RuneError {
			break
		}
		e -= n
	}
	return s, e
}

// classify finds the field's label, name and date.
func (p *HeaderParser) classify(text string, f *hdrField) {
	f.kind, f.name = hdrPlain, hdrSpan{f.start, f.end}
	toks := hdrTokenize(text, f.start, f.end)
	if kind, vstart, colon, ok := p.labelAt(text, toks, f.end); ok {
		s, e := hdrTrim(text, vstart, f.end)
		if name, _ := p.splitDate(text, s, e); colon || p.isPerson(text[name.start:name.end]) || p.outletish(text[name.start:name.end]) {
			f.kind, f.name = kind, hdrSpan{s, e}
		}
	}
	name, d := p.splitDate(text, f.name.start, f.name.end)
	if d != nil {
		f.date = d
		f.name = name
		s, e := hdrTrim(text, d.end, f.end)
		f.residue = len(strings.Fields(text[s:e]))
		if f.residue == 1 && utf8.RuneCountInString(text[s:e]) <= 4 {
			f.residue = 0 // "г.", "GMT", "CET"
		}
	}
}

// splitDate finds the first date in text[s:e] and returns the name part
// before it (trimmed) and the date; the name is the whole span without one.
func (p *HeaderParser) splitDate(text string, s, e int) (hdrSpan, *hdrDate) {
	toks := hdrTokenize(text, s, e)
	for i := range toks {
		if d, ok := p.dateAt(toks, i); ok {
			ns, ne := hdrTrim(text, s, d.start)
			return hdrSpan{ns, ne}, &d
		}
	}
	return hdrSpan{s, e}, nil
}

// labelAt reports whether toks start with a source or author label, and
// where its value begins.
func (p *HeaderParser) labelAt(text string, toks []hdrToken, end int) (kind hdrFieldKind, vstart int, colon, ok bool) {
	for _, c := range []struct {
		kind hdrFieldKind
		ls   []hdrLabel
	}{{hdrAuthor, p.author}, {hdrSource, p.source}} {
		for _, l := range c.ls {
			if len(toks) < len(l.words) {
				continue
			}
			match := true
			for i, w := range l.words {
				if toks[i].kind != hdrWord || toks[i].key != w {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			v := toks[len(l.words)-1].end
			rest := strings.TrimLeftFunc(text[v:end], unicode.IsSpace)
			hasColon := strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
			if hasColon {
				_, n := utf8.DecodeRuneInString(rest)
				v = end - len(rest) + n
			} else if l.colon || len(rest) == len(text[v:end]) {
				continue // colon required, or no space after the label
			}
			return c.kind, v, hasColon, true
		}
	}
	return hdrPlain, 0, false, false
}

// assign applies the rules documented on HeaderParser.
func (p *HeaderParser) assign(text string, fs []*hdrField) Header {
	var h Header
	labelled := false
	for _, f := range fs {
		labelled = labelled || f.kind != hdrPlain
	}
	str := func(s hdrSpan) string { return text[s.start:s.end] }
	for i, f := range fs {
		if f.date != nil && h.Published == "" && h.PublishedPartial == "" {
			h.Published, h.PublishedPartial = f.date.iso()
		}
		if f.used || f.name.empty() {
			continue
		}
		name := str(f.name)
		switch f.kind {
		case hdrAuthor:
			if p.outletish(name) && !p.isPerson(name) {
				hdrSetOnce(&h.Outlet, name)
			} else {
				hdrSetOnce(&h.Author, name)
			}
		case hdrSource:
			if h.Author == "" && f.date == nil && p.isPerson(name) && i+1 < len(fs) {
				n := fs[i+1]
				// "Source: <Person> / <Outlet>": a credit names the author
				// first; the second name is the outlet even when it looks
				// like a name ("De Nieuwe Courant").
				if n.kind == hdrPlain && !n.name.empty() {
					h.Author = name
					hdrSetOnce(&h.Outlet, str(n.name))
					n.used = true
					continue
				}
			}
			hdrSetOnce(&h.Outlet, name)
		default:
			if i+1 < len(fs) && fs[i+1].dashBefore && fs[i+1].kind == hdrPlain && f.date == nil && p.isPerson(name) {
				n := fs[i+1]
				hdrSetOnce(&h.Author, name)
				if nn := str(n.name); n.date == nil && !n.name.empty() && len(strings.Fields(nn)) <= 3 && !p.outletish(nn) {
					hdrSetOnce(&h.Place, nn)
					n.used = true
				}
				continue
			}
			switch {
			case p.outletish(name):
				hdrSetOnce(&h.Outlet, name)
			case h.Author == "" && p.isPerson(name):
				h.Author = name
			case labelled && p.nameShaped(name):
				hdrSetOnce(&h.Outlet, name)
			}
		}
	}
	return h
}

func hdrSetOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// isPerson reports whether s has the shape of a personal name: two to four
// words, each capitalised or in an uncased script (short lower-case
// particles like "van", "al" allowed inside), no digits, no outlet word.
func (p *HeaderParser) isPerson(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 4 || p.outletish(s) {
		return false
	}
	for i, w := range ws {
		if !hdrNameWord(w) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && (i == 0 || i == len(ws)-1 || utf8.RuneCountInString(w) > 3) && !hdrCapitalAfterHyphen(w) {
			return false
		}
	}
	return true
}

// nameShaped reports whether s is one to four name words (an outlet or a
// place: "Reuters", "Le Monde", "al-Mayadeen net").
func (p *HeaderParser) nameShaped(s string) bool {
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	caps := 0
	for _, w := range ws {
		if !hdrNameWord(w) && !hdrIsDomain(w) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || hdrCapitalAfterHyphen(w) {
			caps++
		}
	}
	return caps > 0
}

// hdrNameWord: letters, marks, apostrophes, hyphens, dots, joiners; no digits.
func hdrNameWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune("'’‘ʼʿ-.\u200c\u200d", r) {
			return false
		}
	}
	return true
}

func hdrCapitalAfterHyphen(w string) bool {
	_, after, ok := strings.Cut(w, "-")
	r, _ := utf8.DecodeRuneInString(after)
	return ok && (unicode.IsUpper(r) || (unicode.IsLetter(r) && !unicode.IsLower(r)))
}

// hdrIsDomain: a dot between letters, as in almayadeen.net.
func hdrIsDomain(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	a, _ := utf8.DecodeLastRuneInString(w[:i])
	b, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsLetter(a) && unicode.IsLetter(b)
}

// outletish reports whether s contains an outlet word, a domain or a
// hyphenated brand ("Off-Guardian").
func (p *HeaderParser) outletish(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",;:()\"'“”")
		if hdrIsDomain(w) {
			return true
		}
		parts := strings.Split(w, "-")
		brand := len(parts) > 1
		for _, part := range parts {
			if p.outletWords[hdrFold(part)] {
				return true
			}
			r, _ := utf8.DecodeRuneInString(part)
			brand = brand && utf8.RuneCountInString(part) >= 2 && unicode.IsUpper(r)
		}
		if brand && len(strings.Fields(s)) == 1 {
			return true
		}
	}
	return false
}

// Tokens for date and label matching.

type hdrTokKind int

const (
	hdrWord hdrTokKind = iota
	hdrNum
	hdrPunct
)

type hdrToken struct {
	kind       hdrTokKind
	start, end int
	key        string // folded word, or the punctuation itself
	num, ndig  int    // value and digit count of a number
}

func hdrTokenize(text string, start, end int) []hdrToken {
	var out []hdrToken
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsDigit(r):
			t := hdrToken{kind: hdrNum, start: i}
			for i < end {
				r, n := utf8.DecodeRuneInString(text[i:end])
				if !unicode.IsDigit(r) {
					break
				}
				if t.ndig < 9 {
					t.num = t.num*10 + hdrDigit(r)
				}
				t.ndig++
				i += n
			}
			t.end = i
			out = append(out, t)
		case hdrWordRune(r):
			t := hdrToken{kind: hdrWord, start: i}
			for i < end {
				r, n := utf8.DecodeRuneInString(text[i:end])
				if !hdrWordRune(r) {
					break
				}
				i += n
			}
			t.end = i
			t.key = hdrFold(text[t.start:t.end])
			out = append(out, t)
		default:
			out = append(out, hdrToken{kind: hdrPunct, start: i, end: i + n, key: text[i : i+n]})
			i += n
		}
	}
	return out
}

func hdrWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || r == '\u200c' || r == '\u200d'
}

// hdrDigit returns the value of a decimal digit in any script. Unicode
// encodes every set of decimal digits (Nd) as runs of ten consecutive code
// points from zero to nine, so the value is the distance to the start of
// the run, modulo ten.
func hdrDigit(r rune) int {
	n := 0
	for unicode.IsDigit(r - rune(n) - 1) {
		n++
	}
	return n % 10
}

// hdrDate is a date found in a field.
type hdrDate struct {
	start, end       int
	year, month, day int // year 0 when the text has none
	hour, min        int
	hasTime          bool
}

// iso returns the full date when the year is known, else the partial one.
func (d hdrDate) iso() (full, partial string) {
	if d.year > 0 {
		return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day), ""
	}
	if d.hasTime {
		return "", fmt.Sprintf("--%02d-%02dT%02d:%02d", d.month, d.day, d.hour, d.min)
	}
	return "", fmt.Sprintf("--%02d-%02d", d.month, d.day)
}

// valid checks the day against the month (and year; a leap year stands in
// for an unknown one so that 29 February passes).
func (d hdrDate) valid() bool {
	y := d.year
	if y == 0 {
		y = 2000
	}
	if d.month < 1 || d.month > 12 || d.day < 1 {
		return false
	}
	t := time.Date(y, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC)
	return t.Day() == d.day && int(t.Month()) == d.month
}

// dateAt tries the date patterns at toks[i]: [weekday[,]] then
// day [.] [filler] month [.] | month [.] day [ordinal] | d-m-y / y-m-d,
// then an optional year and time (HH:MM).
func (p *HeaderParser) dateAt(toks []hdrToken, i int) (hdrDate, bool) {
	d := hdrDate{start: toks[i].start}
	j := i
	if n := p.nameAt(toks, j, nil); n > 0 {
		j += n
		if j < len(toks) && hdrIsPunct(toks[j], ",،") {
			j++
		}
	}
	if j >= len(toks) {
		return d, false
	}
	k := -1
	switch {
	case p.numericDate(toks, j, &d):
		k = j + 5
	case hdrIsDay(toks, j):
		d.day = toks[j].num
		k = j + 1
		if k < len(toks) && hdrIsPunct(toks[k], ".") {
			k++
		}
		if n := p.monthAt(toks, k, &d); n > 0 {
			k += n
		} else if hdrIsFiller(toks, k) {
			if n := p.monthAt(toks, k+1, &d); n > 0 {
				k += 1 + n
			} else {
				return d, false
			}
		} else {
			return d, false
		}
		if k < len(toks) && hdrIsPunct(toks[k], ".") && toks[k].start == toks[k-1].end {
			k++
		}
		k = p.year(toks, k, &d)
	default:
		n := p.monthAt(toks, j, &d)
		if n == 0 {
			return d, false
		}
		k = j + n
		if k < len(toks) && hdrIsPunct(toks[k], ".") {
			k++
		}
		if !hdrIsDay(toks, k) {
			return d, false
		}
		d.day = toks[k].num
		k++
		if k < len(toks) && toks[k].kind == hdrWord && toks[k].start == toks[k-1].end && len(toks[k].key) <= 2 {
			k++ // 3rd, 1st
		}
		k = p.year(toks, k, &d)
	}
	d.end = toks[k-1].end
	k = hdrTimeAt(toks, k, &d)
	if d.hasTime {
		d.end = toks[k-1].end
	}
	if !d.valid() {
		return d, false
	}
	return d, true
}

// year consumes [,] [filler] YYYY at k and returns the next index.
func (p *HeaderParser) year(toks []hdrToken, k int, d *hdrDate) int {
	j := k
	if j < len(toks) && hdrIsPunct(toks[j], ",،") {
		j++
	}
	if hdrIsFiller(toks, j) {
		j++
	}
	if j < len(toks) && hdrIsYear(toks[j]) {
		d.year = toks[j].num
		return j + 1
	}
	return k
}

// timeAt consumes [,|-|filler] HH:MM at k.
func hdrTimeAt(toks []hdrToken, k int, d *hdrDate) int {
	j := k
	if j < len(toks) && (hdrIsPunct(toks[j], ",،-") || hdrIsFiller(toks, j)) {
		j++
	}
	if j+2 < len(toks) && toks[j].kind == hdrNum && toks[j].ndig <= 2 && hdrIsPunct(toks[j+1], ":") &&
		toks[j+2].kind == hdrNum && toks[j+2].ndig == 2 &&
		toks[j+1].start == toks[j].end && toks[j+2].start == toks[j+1].end &&
		toks[j].num < 24 && toks[j+2].num < 60 {
		d.hour, d.min, d.hasTime = toks[j].num, toks[j+2].num, true
		return j + 3
	}
	return k
}

// numericDate matches d-m-yyyy, d.m.yyyy, d/m/yyyy and yyyy-m-d at j.
func (p *HeaderParser) numericDate(toks []hdrToken, j int, d *hdrDate) bool {
	if j+4 >= len(toks) {
		return false
	}
	a, s1, b, s2, c := toks[j], toks[j+1], toks[j+2], toks[j+3], toks[j+4]
	if a.kind != hdrNum || b.kind != hdrNum || c.kind != hdrNum || s1.kind != hdrPunct ||
		!hdrIsPunct(s1, "-./") || !hdrIsPunct(s2, "-./") ||
		s1.key != s2.key {
		return false
	}
	for k := j + 1; k <= j+4; k++ {
		if toks[k].start != toks[k-1].end {
			return false
		}
	}
	switch {
	case hdrIsYear(a) && b.ndig <= 2 && c.ndig <= 2:
		d.year, d.month, d.day = a.num, b.num, c.num
	case hdrIsYear(c) && a.ndig <= 2 && b.ndig <= 2:
		d.year, d.day, d.month = c.num, a.num, b.num
		if b.num > 12 && a.num <= 12 {
			d.day, d.month = b.num, a.num // m/d/yyyy
		}
	default:
		return false
	}
	return true
}

// monthAt matches a month name (possibly several words) at k.
func (p *HeaderParser) monthAt(toks []hdrToken, k int, d *hdrDate) int {
	var m int
	n := p.nameAt(toks, k, func(key string) bool {
		v, ok := p.months[key]
		m = v
		return ok
	})
	if n > 0 {
		d.month = m
	}
	return n
}

// nameAt returns how many word tokens at k form a name that ok accepts (a
// weekday when ok is nil), longest first.
func (p *HeaderParser) nameAt(toks []hdrToken, k int, ok func(string) bool) int {
	if ok == nil {
		ok = func(key string) bool { return p.weekdays[key] }
	}
	words := 0
	for words < p.maxWords && k+words < len(toks) && toks[k+words].kind == hdrWord {
		words++
	}
	for n := words; n >= 1; n-- {
		key := toks[k].key
		if n > 1 {
			var b strings.Builder
			for i, t := range toks[k : k+n] {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(t.key)
			}
			key = b.String()
		}
		if ok(key) {
			return n
		}
	}
	return 0
}

func hdrIsDay(toks []hdrToken, k int) bool {
	if k >= len(toks) || toks[k].kind != hdrNum || toks[k].ndig > 2 || toks[k].num < 1 || toks[k].num > 31 {
		return false
	}
	// not the tail of a word or a larger number ("A320", "1.5")
	return k == 0 || toks[k-1].end != toks[k].start || toks[k-1].kind == hdrPunct
}

func hdrIsYear(t hdrToken) bool {
	return t.kind == hdrNum && t.ndig == 4 && t.num >= 1900 && t.num <= 2199
}

// isFiller: one short word between date parts ("de", "of", "في").
func hdrIsFiller(toks []hdrToken, k int) bool {
	if k >= len(toks) || toks[k].kind != hdrWord || utf8.RuneCountInString(toks[k].key) > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[k].key)
	return !unicode.IsUpper(r)
}

func hdrIsPunct(t hdrToken, set string) bool {
	r, _ := utf8.DecodeRuneInString(t.key)
	return t.kind == hdrPunct && strings.ContainsRune(set, r)
}
