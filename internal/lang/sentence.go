package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// Sentences splits text into sentence spans, trimmed of whitespace, sorted
// and non-overlapping. Paragraph breaks and segment boundaries always end a
// sentence; segs (from Segments) choose the abbreviation and month lists. A
// nil segs still works, with English abbreviations only.
//
// A sentence ends at . ! ? … and their runs ("?!", ".."), the Arabic question
// mark ؟, the Urdu full stop ۔, the Devanagari danda and CJK 。！？, keeping
// closing quotes and brackets with it. It does not end at the Arabic comma or
// semicolon (، ؛), inside numbers or domains (no space follows), before a
// lower-case word (abbreviations, "…" mid-sentence, “quoted.” he said), after
// a listed abbreviation, an initial ("J. Smith") or an ordinal before a month
// ("3. März"), nor inside a quotation that the sentence continues after.
func (d *Detector) Sentences(text string, segs []doc.Segment) []doc.Span {
	var out []doc.Span
	emit := func(s, e int) {
		sp := trimSpan(text, s, e)
		if sp.Start < sp.End {
			out = append(out, sp)
		}
	}
	si := 0 // first segment that may hold the current position
	for _, p := range paragraphs(text) {
		start := p.Start
		for start < p.End {
			for si < len(segs) && segs[si].End <= start {
				si++
			}
			end, lang := unitEnd(segs[si:], start, p.End)
			d.splitUnit(text, start, end, lang, emit)
			start = end
		}
	}
	return out
}

// unitEnd returns where the part of a paragraph that starts at pos ends: at
// the end of the segment holding pos, at the start of the next segment when
// pos lies between segments, or at limit, the paragraph's end. segs starts
// with the first segment that ends after pos.
func unitEnd(segs []doc.Segment, pos, limit int) (int, string) {
	if len(segs) == 0 {
		return limit, ""
	}
	s := segs[0]
	if pos >= s.Start {
		return min(max(s.End, pos+1), limit), s.Lang
	}
	return min(s.Start, limit), ""
}

// splitUnit splits text[s:e], one paragraph's part in one segment.
func (d *Detector) splitUnit(text string, s, e int, lang string, emit func(int, int)) {
	sent := s
	var quotes []rune // open quotation marks, innermost last
	for i := s; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		switch {
		case r == '\n':
			if lineEnds(text, s, i, e) {
				emit(sent, i)
				sent = i + n
			}
			i += n
			continue
		case isTerminator(r):
			j := i + n
			for j < e {
				r2, n2 := utf8.DecodeRuneInString(text[j:e])
				if !isTerminator(r2) {
					break
				}
				j += n2
			}
			termEnd := j
			j, quotes = absorbClosers(text, j, e, quotes)
			if d.breaksAt(text, s, i, termEnd, j, e, lang, quotes) {
				emit(sent, j)
				sent = j
				quotes = quotes[:0]
			}
			i = j
			continue
		}
		quotes = trackQuote(quotes, r)
		i += n
	}
	emit(sent, e)
}

// isTerminator reports sentence-final punctuation.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '‽',
		'؟', '۔', '।', '॥', '。', '！', '？', '｡':
		return true
	}
	return false
}

// isCJKTerminator reports full stops that need no space after them.
func isCJKTerminator(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '｡'
}

// closerFor maps an opening quotation mark to the marks that close it.
func closes(open, r rune) bool {
	switch open {
	case '“':
		return r == '”'
	case '„':
		return r == '“' || r == '”'
	case '«':
		return r == '»'
	case '‹':
		return r == '›'
	case '»': // Danish/Swedish-style »…«
		return r == '«'
	case '"':
		return r == '"'
	case '「':
		return r == '」'
	case '『':
		return r == '』'
	}
	return false
}

func isQuoteOpen(r rune) bool {
	switch r {
	case '“', '„', '«', '‹', '"', '「', '『':
		return true
	}
	return false
}

// trackQuote updates the stack of open quotation marks with r.
func trackQuote(q []rune, r rune) []rune {
	if n := len(q); n > 0 && closes(q[n-1], r) {
		return q[:n-1]
	}
	if isQuoteOpen(r) {
		if len(q) >= 8 { // unbalanced text: forget the oldest
			q = append(q[:0], q[1:]...)
		}
		return append(q, r)
	}
	return q
}

// absorbClosers moves j past closing quotes and brackets after a terminator,
// including a French-spaced » (". »"), and updates the quote stack.
func absorbClosers(text string, j, e int, q []rune) (int, []rune) {
	for j < e {
		r, n := utf8.DecodeRuneInString(text[j:e])
		k := j + n
		switch {
		case len(q) > 0 && closes(q[len(q)-1], r):
			q = q[:len(q)-1]
		case r == '”' || r == '»' || r == '›' || r == ')' || r == ']' || r == '}' || r == '」' || r == '』':
		case r == '’' || r == '\'':
			if k < e {
				if nr, _ := utf8.DecodeRuneInString(text[k:e]); !unicode.IsSpace(nr) && !isCloser(nr) {
					return j, q
				}
			}
		case r == ' ' || r == '\u00A0' || r == '\u202F':
			// French spacing before a closing guillemet.
			if k < e {
				if nr, nn := utf8.DecodeRuneInString(text[k:e]); nr == '»' || nr == '›' {
					if len(q) > 0 && closes(q[len(q)-1], nr) {
						q = q[:len(q)-1]
					}
					j = k + nn
					continue
				}
			}
			return j, q
		default:
			return j, q
		}
		j = k
	}
	return j, q
}

func isCloser(r rune) bool {
	return unicode.In(r, unicode.Pe, unicode.Pf) || r == '"' || r == '\'' || r == '»'
}

// breaksAt decides whether the terminators text[i:termEnd] (closers up to j)
// end a sentence inside the unit text[s:e].
func (d *Detector) breaksAt(text string, s, i, termEnd, j, e int, lang string, quotes []rune) bool {
	if j >= e {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:e])
	last, _ := utf8.DecodeLastRuneInString(text[i:termEnd])
	if !unicode.IsSpace(r) {
		// "3.500", "almayadeen.net", "e.g.": no break without a space,
		// except after CJK stops and where the script changes.
		if isCJKTerminator(last) {
			return true
		}
		prev, _ := utf8.DecodeLastRuneInString(text[s:i])
		return unicode.IsLetter(r) && scriptOf(prev) != scriptNone && scriptOf(r) != scriptOf(prev)
	}
	k := j
	for k < e {
		r2, n2 := utf8.DecodeRuneInString(text[k:e])
		if !unicode.IsSpace(r2) {
			break
		}
		k += n2
	}
	if k >= e {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[k:e])
	if unicode.IsLower(next) || strings.ContainsRune(",;:،؛)]}", next) {
		return false
	}
	if termEnd-i == 1 && text[i] == '.' && d.noBreakAfterDot(text, s, i, k, e, lang) {
		return false
	}
	if len(quotes) > 0 && quoteContinues(text, k, e, quotes) {
		return false
	}
	return true
}

// noBreakAfterDot checks the word before a single full stop at i:
// abbreviations, initials, dotted acronyms and ordinals before a month.
func (d *Detector) noBreakAfterDot(text string, s, i, k, e int, lang string) bool {
	ts := strings.LastIndexFunc(text[s:i], unicode.IsSpace)
	if ts < 0 {
		ts = s
	} else {
		_, n := utf8.DecodeRuneInString(text[s+ts:])
		ts = s + ts + n
	}
	tok := strings.TrimLeftFunc(text[ts:i+1], func(r rune) bool { return isOpener(r) || r == '\'' })
	word := tok[:len(tok)-1]
	if word == "" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsLetter(r) {
		return true // an initial: "J. Smith", "د. أحمد"
	}
	if d.isAbbrev(tok, lang) || dottedLetters(tok) {
		return true
	}
	if isDigits(word) && len(word) <= 2 {
		// An ordinal before a month: "am 3. März", "3. stycznia".
		if m := d.months[lang]; m != nil {
			ws := k
			we := ws
			for we < e {
				r, n := utf8.DecodeRuneInString(text[we:e])
				if !unicode.IsLetter(r) {
					break
				}
				we += n
			}
			return we > ws && m[fold(text[ws:we])]
		}
	}
	return false
}

// isAbbrev looks tok up in the language's list and the English one, as
// written or with its first letter lower-cased (sentence-initial "Bijv.").
func (d *Detector) isAbbrev(tok, lang string) bool {
	low := tok
	if r, n := utf8.DecodeRuneInString(tok); unicode.IsUpper(r) {
		low = string(unicode.ToLower(r)) + tok[n:]
	}
	for _, l := range []string{lang, "en"} {
		if m := d.abbrevs[l]; m != nil && (m[tok] || m[low]) {
			return true
		}
	}
	return false
}

// dottedLetters reports tokens like "U.S.", "e.g.", "z.B.": two or more
// single letters each followed by a full stop.
func dottedLetters(tok string) bool {
	n := 0
	for tok != "" {
		r, size := utf8.DecodeRuneInString(tok)
		if !unicode.IsLetter(r) || len(tok) <= size || tok[size] != '.' {
			return false
		}
		tok = tok[size+1:]
		n++
	}
	return n >= 2
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// maxQuoteLookahead bounds the search for a closing quotation mark, so
// unbalanced quotes cost linear time, not quadratic.
const maxQuoteLookahead = 1500

// quoteContinues looks ahead, from k, for the mark that closes the open
// quotation; when the sentence goes on after it (“We came. We saw,” he said)
// the quotation is one sentence.
func quoteContinues(text string, k, e int, quotes []rune) bool {
	open := quotes[len(quotes)-1]
	depth := 0 // nested quotations of the same kind
	e = min(e, k+maxQuoteLookahead)
	for i := k; i < e; {
		r, n := utf8.DecodeRuneInString(text[i:e])
		i += n
		if r == '\n' {
			return false
		}
		if !closes(open, r) {
			if r == open {
				depth++
			}
			continue
		}
		if depth > 0 {
			depth--
			continue
		}
		for i < e {
			r2, n2 := utf8.DecodeRuneInString(text[i:e])
			if r2 == ',' || r2 == '،' || unicode.IsLower(r2) {
				return true
			}
			if !unicode.IsSpace(r2) {
				return false
			}
			i += n2
		}
		return false
	}
	return false
}

// lineEnds decides whether a single line break at nl ends a sentence: it
// does unless the line ends in a continuation mark or the next line starts
// lower-case (hard-wrapped text).
func lineEnds(text string, s, nl, e int) bool {
	prev := strings.TrimRightFunc(text[s:nl], unicode.IsSpace)
	if prev == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(",;:-–—/،؛", last) {
		return false
	}
	rest := strings.TrimLeftFunc(text[nl:e], unicode.IsSpace)
	if rest == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(rest)
	return !unicode.IsLower(first)
}

// fold lower-cases s and strips diacritics, the form of the lexicon's
// month lists ("März" → "marz").
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
