package timex

import (
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

type tokKind uint8

const (
	tNum tokKind = iota + 1
	tWord
	tPunct
)

// token is a number, a word or one punctuation character of the key, with
// its byte range in the key (ks, ke) and in the source text (s, e).
type token struct {
	kind      tokKind
	ks, ke    int
	s, e      int
	num, ndig int // value and digit count of a number (value of the first 9 digits)
	t         *table
}

// scan is the state of one Find: the folded text, its tokens and the
// times found so far.
type scan struct {
	s    *Stage
	text string
	f    textnorm.Folded
	anc  anchor
	toks []token
	out  []doc.Time
}

// tokenize splits the key into tokens. Digits and letters glued together
// ("20th", "و20", "2019'da") become separate tokens, so a proclitic or an
// ordinal never hides a number.
func (sc *scan) tokenize(segs []langSpan, def *table) {
	key := sc.f.Key
	sc.toks = make([]token, 0, len(key)/5+1)
	seg := 0
	for i := 0; i < len(key); {
		c := key[i]
		if c == ' ' {
			i++
			continue
		}
		tk := token{ks: i}
		switch {
		case isDigit(c):
			tk.kind = tNum
			for i < len(key) && isDigit(key[i]) {
				if tk.ndig < 9 {
					tk.num = tk.num*10 + int(key[i]-'0')
				}
				tk.ndig++
				i++
			}
		default:
			r, size := rune(c), 1
			if c >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(key[i:])
			}
			if !textnorm.IsWordChar(r) {
				tk.kind = tPunct
				i += size
				break
			}
			tk.kind = tWord
			for i < len(key) {
				r, size := rune(key[i]), 1
				if key[i] >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(key[i:])
				}
				if r == ' ' || isDigit(key[i]) || !textnorm.IsWordChar(r) {
					break
				}
				i += size
			}
		}
		tk.ke = i
		tk.s, tk.e = sc.f.Span(tk.ks, tk.ke)
		if tk.kind == tWord {
			tk.e = sc.extend(tk.e, tk.ke)
		}
		tk.t = def
		for seg < len(segs) && segs[seg].end <= tk.s {
			seg++
		}
		if seg < len(segs) && segs[seg].start <= tk.s {
			tk.t = segs[seg].t
		}
		sc.toks = append(sc.toks, tk)
	}
}

// extend moves the source end e of a word over the letters the key dropped
// after it (a final hamza: "الثلاثاء" has the key "الثلاثا"), up to the
// source of the next key byte ke.
func (sc *scan) extend(e, ke int) int {
	limit := len(sc.text)
	if ke < len(sc.f.Key) {
		limit = sc.f.Orig[ke]
	}
	for e < limit {
		r, size := utf8.DecodeRuneInString(sc.text[e:])
		if r == utf8.RuneError || !textnorm.IsWordChar(r) && !unicode.Is(unicode.Cf, r) {
			break
		}
		e += size
	}
	return e
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// date is a match in progress: a token range and what it says.
type date struct {
	start, end int // token range [start, end)
	y, m, d    int
	d2         int // last day of a range, or 0
	hasYear    bool
	hh, mm     int
	hasTime    bool
	rel        int  // month with a modifier: -1 last, +1 next
	invalid    bool // shaped like a date but impossible ("31 februari"): skipped whole
}

// match tries every pattern at token i and returns the token after the
// match, or i when nothing matches.
func (sc *scan) match(i int) int {
	switch sc.toks[i].kind {
	case tNum:
		if j := sc.relative(i); j > i {
			return j
		}
		if dt, ok := sc.dateAt(i); ok {
			return sc.emitDate(dt)
		}
		if j := sc.yearWithWord(i, i); j > i {
			return j
		}
	case tWord:
		if !sc.mayStart(i) {
			return i
		}
		if j := sc.relative(i); j > i {
			return j
		}
		if j := sc.weekdayLed(i); j > i {
			return j
		}
		if dt, ok := sc.monthFirst(i, false); ok {
			return sc.emitDate(dt)
		}
		if j := sc.cued(i); j > i {
			return j
		}
	}
	return i
}

// mayStart reports whether word i, or word i without a glued proclitic,
// can begin any pattern.
func (sc *scan) mayStart(i int) bool {
	w := sc.word(i)
	if sc.s.t.starts[w] {
		return true
	}
	_, size := utf8.DecodeRuneInString(w)
	return size < len(w) && sc.s.t.proclitics[w[:size]] && sc.s.t.starts[w[size:]]
}

// dateAt matches a full date (with a day) at token i.
func (sc *scan) dateAt(i int) (date, bool) {
	if i >= len(sc.toks) {
		return date{}, false
	}
	switch sc.toks[i].kind {
	case tNum:
		if dt, ok := sc.numeric(i); ok {
			return dt, true
		}
		return sc.dayFirst(i)
	case tWord:
		if dt, ok := sc.monthFirst(i, false); ok && dt.d > 0 {
			return dt, true
		}
	}
	return date{}, false
}

// --- token helpers -------------------------------------------------------

func (sc *scan) word(i int) string {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != tWord {
		return ""
	}
	t := &sc.toks[i]
	return sc.f.Key[t.ks:t.ke]
}

func (sc *scan) kinds(i int) kind {
	w := sc.word(i)
	if w == "" {
		return 0
	}
	return sc.toks[i].t.words[w]
}

// strip removes a proclitic glued to the front of word i ("وعام",
// "والشهر") and returns the rest of the word with the length of the
// proclitic in the key, or the whole word and 0 when it has none.
func (sc *scan) strip(i int) (string, int) {
	w := sc.word(i)
	r, size := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError || size >= len(w) || sc.toks[i].t.words[w[:size]]&kProclitic == 0 {
		return w, 0
	}
	return w[size:], size
}

// startAt is the source offset of token i after skip key bytes of it.
func (sc *scan) startAt(i, skip int) int {
	if skip == 0 {
		return sc.toks[i].s
	}
	s, _ := sc.f.Span(sc.toks[i].ks+skip, sc.toks[i].ke)
	return s
}

// cueKinds is kinds with a proclitic stripped when the word has none.
func (sc *scan) cueKinds(i int) (kind, int) {
	if kd := sc.kinds(i); kd != 0 {
		return kd, 0
	}
	w, skip := sc.strip(i)
	if skip == 0 {
		return 0, 0
	}
	return sc.toks[i].t.words[w], skip
}

func (sc *scan) isPunct(i int, p string) bool {
	if i < 0 || i >= len(sc.toks) || sc.toks[i].kind != tPunct {
		return false
	}
	t := &sc.toks[i]
	return sc.f.Key[t.ks:t.ke] == p
}

// adjacent reports whether tokens a and b touch in the source text.
func (sc *scan) adjacent(a, b int) bool {
	return a >= 0 && b < len(sc.toks) && sc.toks[a].e == sc.toks[b].s
}

// gap returns the source text between tokens a and b.
func (sc *scan) gap(a, b int) string {
	return sc.text[sc.toks[a].e:sc.toks[b].s]
}

func (sc *scan) isCapital(i int) bool {
	r, _ := utf8.DecodeRuneInString(sc.text[sc.toks[i].s:])
	return unicode.IsUpper(r)
}

// glued reports whether number token i is part of a larger number: joined
// by a decimal or thousands separator, a colon or a slash to another number
// ("3.500", "12:30", "1/2").
func (sc *scan) glued(i int) bool {
	for _, p := range [...]string{".", ",", ":", "/", "٫", "٬"} {
		if sc.isPunct(i-1, p) && sc.adjacent(i-1, i) && i >= 2 && sc.toks[i-2].kind == tNum && sc.adjacent(i-2, i-1) {
			return true
		}
		if sc.isPunct(i+1, p) && sc.adjacent(i, i+1) && i+2 < len(sc.toks) && sc.toks[i+2].kind == tNum && sc.adjacent(i+1, i+2) {
			return true
		}
	}
	return false
}

func (sc *scan) isDay(i int) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	t := &sc.toks[i]
	return t.kind == tNum && t.ndig <= 2 && t.num >= 1 && t.num <= 31 && !sc.glued(i)
}

func (sc *scan) isYear(i int) bool {
	if i < 0 || i >= len(sc.toks) {
		return false
	}
	t := &sc.toks[i]
	return t.kind == tNum && t.ndig == 4 && t.num >= sc.s.cfg.MinYear && t.num <= sc.s.cfg.MaxYear && !sc.glued(i)
}

// isDash reports whether the source between tokens a and b is a dash,
// possibly with spaces ("20–30", "20 - 30"). Dashes are separators in the
// key, so they are read from the source.
func (sc *scan) isDash(a, b int, spaced bool) bool {
	if b >= len(sc.toks) {
		return false
	}
	g := sc.gap(a, b)
	if spaced {
		for len(g) > 0 && g[0] == ' ' {
			g = g[1:]
		}
		for len(g) > 0 && g[len(g)-1] == ' ' {
			g = g[:len(g)-1]
		}
	}
	switch g {
	case "-", "‐", "‑", "–", "—":
		return true
	}
	return false
}

// month matches a month name of one or more words at i and returns the
// month and the token after it.
func (sc *scan) month(i int) (m, next int) {
	if sc.word(i) == "" {
		return 0, i
	}
	t := sc.toks[i].t
	for n := sc.s.t.maxMonthWords; n >= 1; n-- {
		last := i + n - 1
		if last >= len(sc.toks) {
			continue
		}
		ok := true
		for j := i + 1; j <= last; j++ {
			if sc.toks[j].kind != tWord || sc.toks[j].ks != sc.toks[j-1].ke+1 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		k := sc.f.Key[sc.toks[i].ks:sc.toks[last].ke]
		if v, ok := t.months[k]; ok {
			return v, last + 1
		}
		if v, ok := sc.s.t.longMonths[k]; ok {
			return v, last + 1
		}
	}
	return 0, i
}

// monthAlt skips a second name of the same month written beside the first,
// as Arabic papers do: "أيار/مايو", "كانون الثاني (يناير)".
func (sc *scan) monthAlt(k, m int) int {
	if sc.isPunct(k, "/") {
		if m2, n := sc.month(k + 1); m2 == m {
			return n
		}
	}
	if sc.isPunct(k, "(") {
		if m2, n := sc.month(k + 1); m2 == m && sc.isPunct(n, ")") {
			return n + 1
		}
	}
	return k
}

// ordinal skips a suffix glued to a day number ("20th", "1er", "20ste") or
// the German day dot ("5. Mai").
func (sc *scan) ordinal(day, k int) int {
	if k < len(sc.toks) && sc.toks[k].ks == sc.toks[day].ke && sc.kinds(k)&kOrdinal != 0 {
		return k + 1
	}
	if sc.isPunct(k, ".") && sc.adjacent(day, k) {
		return k + 1
	}
	return k
}

// rangeEnd matches the second day of "20–30 January" / "20 to 30 January"
// after the first day (ending before token k).
func (sc *scan) rangeEnd(first, k int) (d2, next int) {
	j := -1
	switch {
	case k < len(sc.toks) && sc.toks[k].kind == tNum && sc.isDash(k-1, k, true):
		j = k
	case sc.kinds(k)&kRange != 0:
		j = k + 1
	}
	if j < 0 || !sc.isDay(j) || sc.toks[j].num <= sc.toks[first].num {
		return 0, k
	}
	return sc.toks[j].num, sc.ordinal(j, j+1)
}

// yearAfter matches an optional comma or filler and a year at k, with a
// year word after it ("2022 года").
func (sc *scan) yearAfter(k int, dt *date) int {
	j := k
	if sc.isPunct(j, ",") || sc.kinds(j)&kOf != 0 {
		j++
	}
	if !sc.isYear(j) {
		return k
	}
	dt.y, dt.hasYear = sc.toks[j].num, true
	j++
	if sc.kinds(j)&kYearWord != 0 {
		j++
	}
	return j
}

// clock attaches a time of day ("15:23", ", at 15:23", "om 15:23") after
// a date ending before token k.
func (sc *scan) clock(k int, dt *date) int {
	j := k
	if sc.isPunct(j, ",") {
		j++
	}
	if sc.kinds(j)&kAt != 0 {
		j++
	}
	if j+2 >= len(sc.toks) {
		return k
	}
	h, c, m := &sc.toks[j], j+1, &sc.toks[j+2]
	if h.kind != tNum || h.ndig > 2 || h.num > 23 || !sc.isPunct(c, ":") ||
		!sc.adjacent(j, c) || !sc.adjacent(c, j+2) || m.kind != tNum || m.ndig != 2 || m.num > 59 {
		return k
	}
	dt.hh, dt.mm, dt.hasTime = h.num, m.num, true
	end := j + 3
	if sc.isPunct(end, ":") && sc.adjacent(j+2, end) && end+1 < len(sc.toks) &&
		sc.toks[end+1].kind == tNum && sc.toks[end+1].ndig == 2 && sc.adjacent(end, end+1) {
		end += 2
	}
	return end
}

// --- date patterns -------------------------------------------------------

// numeric matches 2022-01-20, 20/01/2022, 20.01.2022 and 01/20/2022.
func (sc *scan) numeric(i int) (date, bool) {
	a := i
	sep1, b := sc.sepAfter(a)
	if sep1 == "" {
		return date{}, false
	}
	sep2, c := sc.sepAfter(b)
	if sep2 != sep1 || sc.toks[b].kind != tNum || sc.toks[c].kind != tNum {
		return date{}, false
	}
	// Not inside a longer run of numbers (a version, an IP address, a
	// phone number written with dots or dashes).
	if s := sc.toks[a].s; s > 0 && (isNumJoin(sc.text[s-1]) || isASCIILetter(sc.text[s-1])) {
		return date{}, false
	}
	if e := sc.toks[c].e; e < len(sc.text) && (isNumJoin(sc.text[e]) && e+1 < len(sc.text) && isDigit(sc.text[e+1]) || isDigit(sc.text[e])) {
		return date{}, false
	}
	ta, tb, tc := sc.toks[a], sc.toks[b], sc.toks[c]
	dt := date{start: a, end: c + 1, hasYear: true}
	switch {
	case ta.ndig == 4 && tb.ndig <= 2 && tc.ndig <= 2:
		dt.y, dt.m, dt.d = ta.num, tb.num, tc.num
	case tc.ndig == 4 && ta.ndig <= 2 && tb.ndig <= 2:
		dt.y = tc.num
		switch {
		case ta.num > 12 && tb.num <= 12:
			dt.d, dt.m = ta.num, tb.num
		case ta.num <= 12 && tb.num > 12:
			dt.m, dt.d = ta.num, tb.num
		case sc.s.cfg.MonthFirst:
			dt.m, dt.d = ta.num, tb.num
		default:
			dt.d, dt.m = ta.num, tb.num
		}
	default:
		return date{}, false
	}
	if dt.y < sc.s.cfg.MinYear || dt.y > sc.s.cfg.MaxYear || !validDay(dt.y, dt.m, dt.d) {
		return date{}, false
	}
	dt.end = sc.clock(dt.end, &dt)
	return dt, true
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isNumJoin(c byte) bool {
	return c == '.' || c == '/' || c == '-' || c == ':' || c == ',' || isDigit(c)
}

// sepAfter returns the separator after number token k ("/", "." or "-")
// and the index of the number that follows it, both glued without spaces.
func (sc *scan) sepAfter(k int) (string, int) {
	if k+1 >= len(sc.toks) || sc.toks[k].kind != tNum {
		return "", k
	}
	if k+2 < len(sc.toks) && (sc.isPunct(k+1, "/") || sc.isPunct(k+1, ".")) &&
		sc.adjacent(k, k+1) && sc.adjacent(k+1, k+2) && sc.toks[k+2].kind == tNum {
		return sc.f.Key[sc.toks[k+1].ks:sc.toks[k+1].ke], k + 2
	}
	if sc.toks[k+1].kind == tNum && sc.isDash(k, k+1, false) {
		return "-", k + 1
	}
	return "", k
}

// dayFirst matches day [ordinal] [–day] [of] month [year] [time].
func (sc *scan) dayFirst(i int) (date, bool) {
	if !sc.isDay(i) {
		return date{}, false
	}
	dt := date{start: i, d: sc.toks[i].num}
	k := sc.ordinal(i, i+1)
	if d2, n := sc.rangeEnd(i, k); d2 > 0 {
		dt.d2, k = d2, n
	}
	if sc.kinds(k)&kOf != 0 {
		if m, _ := sc.month(k + 1); m > 0 {
			k++
		}
	}
	m, n := sc.month(k)
	if m == 0 {
		return date{}, false
	}
	mi := k
	dt.m = m
	k = sc.monthAlt(n, m)
	kk := k
	if sc.isPunct(kk, ".") && sc.adjacent(kk-1, kk) && sc.isYear(kk+1) {
		kk++ // "20 Jan. 2022"
	}
	if j := sc.yearAfter(kk, &dt); j > kk {
		k = j
	}
	if sc.kinds(mi)&kAmbiguous != 0 && !dt.hasYear && !sc.isCapital(mi) {
		return date{}, false
	}
	dt.end = sc.clock(k, &dt)
	dt.invalid = !validDay(dt.y, dt.m, dt.d) || dt.d2 > 0 && !validDay(dt.y, dt.m, dt.d2)
	return dt, true
}

// monthFirst matches month day [year] ("January 20, 2022"), month year
// ("september 2021"), month with a modifier after it ("september
// jongstleden") and, when cued, a month alone ("in september").
func (sc *scan) monthFirst(i int, cued bool) (date, bool) {
	m, n := sc.month(i)
	if m == 0 {
		return date{}, false
	}
	ambiguous := sc.kinds(i)&kAmbiguous != 0 && !sc.isCapital(i)
	dt := date{start: i, m: m}
	k := sc.monthAlt(n, m)
	kk := k
	if sc.isPunct(kk, ".") && sc.adjacent(kk-1, kk) {
		kk++
	}
	if sc.isDay(kk) && !sc.isPunct(kk+1, ":") {
		dt.d = sc.toks[kk].num
		j := kk + 1
		if j < len(sc.toks) && sc.toks[j].ks == sc.toks[kk].ke && sc.kinds(j)&kOrdinal != 0 {
			j++
		}
		if d2, n := sc.rangeEnd(kk, j); d2 > 0 {
			dt.d2, j = d2, n
		}
		j = sc.yearAfter(j, &dt)
		if (!ambiguous || dt.hasYear) && validDay(dt.y, dt.m, dt.d) && (dt.d2 == 0 || validDay(dt.y, dt.m, dt.d2)) {
			dt.end = sc.clock(j, &dt)
			return dt, true
		}
		dt = date{start: i, m: m}
	}
	if j := sc.yearAfter(kk, &dt); j > kk {
		dt.end = j
		return dt, true
	}
	if ambiguous {
		return date{}, false
	}
	if kd := sc.kinds(k); kd&(kLastAfter|kNextAfter) != 0 {
		dir := -1
		if kd&kLastAfter == 0 {
			dir = 1
		}
		return date{start: i, end: k + 1, m: m, rel: dir}, true
	}
	if cued {
		dt.end = k
		return dt, true
	}
	return date{}, false
}

// weekdayLed matches a weekday: before a date ("Monday, 20 January"),
// after a word for "day" ("يوم الثلاثاء"), with a modifier after it
// ("mardi dernier"), or alone ("donderdag").
func (sc *scan) weekdayLed(i int) int {
	start, j := i, i
	if sc.kinds(j)&kDay != 0 {
		j++
	}
	w := sc.word(j)
	if w == "" {
		return i
	}
	t := sc.toks[j].t
	wd, ok := t.weekdays[w]
	if !ok {
		wd, ok = sc.s.t.longWeekdays[w]
	}
	if ok {
		k := j + 1
		if sc.isPunct(k, ",") {
			k++
		}
		if dt, ok := sc.dateAt(k); ok {
			dt.start = start
			return sc.emitDate(dt)
		}
	}
	skip := 0
	if wd, ok = t.solo[w]; !ok {
		// A proclitic glued to the weekday: "والخميس", "بالثلاثاء".
		rest, size := sc.strip(j)
		if size == 0 {
			return i
		}
		if wd, ok = t.solo[rest]; !ok {
			return i
		}
		if start == j {
			skip = size
		}
	}
	dir := 0
	k := j + 1
	if kd := sc.kinds(k); kd&kLastAfter != 0 {
		dir, k = -1, k+1
	} else if kd&kNextAfter != 0 {
		dir, k = 1, k+1
	}
	if sc.emitWeekday(sc.startAt(start, skip), sc.toks[k-1].e, wd, dir) {
		return k
	}
	return i
}

// cued matches what follows a cue word: a year ("in 2019", "عام 2017"), a
// month alone ("in september"), or a weekday or month after "last"/"next".
func (sc *scan) cued(i int) int {
	kd, skip := sc.cueKinds(i)
	if kd == 0 {
		return i
	}
	j := i + 1
	if kd&kYearCue != 0 {
		if dt, ok := sc.dateAt(j); ok {
			return sc.emitDate(dt)
		}
		if dt, ok := sc.monthFirst(j, true); ok {
			return sc.emitDate(dt)
		}
		if n := sc.yearWithWord(j, i); n > j {
			return n
		}
	}
	if kd&(kLastBefore|kNextBefore) != 0 {
		dir := 1
		if kd&kLastBefore != 0 {
			dir = -1
		}
		w := sc.word(j)
		if wd, ok := sc.toks[i].t.weekdays[w]; ok && w != "" {
			if sc.emitWeekday(sc.startAt(i, skip), sc.toks[j].e, wd, dir) {
				return j + 1
			}
			return i
		}
		if m, n := sc.month(j); m > 0 && (sc.kinds(j)&kAmbiguous == 0 || sc.isCapital(j)) {
			if sc.emitMonthRel(sc.startAt(i, skip), sc.toks[n-1].e, m, dir) {
				return n
			}
		}
	}
	return i
}

// yearWithWord matches a year at j: after a cue (cue < j), or before a
// year word ("2019 году", "2019'da", "2017م").
func (sc *scan) yearWithWord(j, cue int) int {
	if !sc.isYear(j) {
		return j
	}
	n := j + 1
	hasWord := sc.kinds(n)&kYearWord != 0
	if hasWord {
		n++
	}
	if cue == j && !hasWord {
		return j
	}
	sc.emit(sc.toks[j].s, sc.toks[n-1].e, itoa4(sc.toks[j].num), "year", false, false)
	return n
}

// relative matches a relative phrase at i ("gisteren", "منذ 3 أيام").
func (sc *scan) relative(i int) int {
	t := sc.toks[i].t
	first, skip := numWord, 0
	if sc.toks[i].kind == tWord {
		first = sc.word(i)
		if _, ok := t.rel[first]; !ok {
			first, skip = sc.strip(i)
		}
	}
	for _, p := range t.rel[first] {
		if i+len(p.words) > len(sc.toks) {
			continue
		}
		num, ok := 0, true
		for k, w := range p.words {
			tk := &sc.toks[i+k]
			if w == numWord {
				if tk.kind != tNum || tk.ndig > 4 {
					ok = false
					break
				}
				num = tk.num
				continue
			}
			kw := sc.f.Key[tk.ks:tk.ke]
			if k == 0 && tk.kind == tWord {
				kw = first
			}
			if tk.kind != tWord || kw != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		n := p.amount
		if p.byNum {
			n = p.sign * num
		}
		end := i + len(p.words)
		if sc.emitRel(sc.startAt(i, skip), sc.toks[end-1].e, p.unit, n) {
			return end
		}
		return i
	}
	return i
}
