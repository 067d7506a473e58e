package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/textnorm"
)

type tokKind uint8

const (
	tokWord tokKind = iota // a run of letters and marks
	tokNum                 // digits with their separators ("3.500", "12 000", "٣٫٥")
	tokSym                 // one other non-space character
)

// Gaps between a token and the one before it.
const (
	gapNone  = 0 // touching ("T4", "55km", "$8")
	gapSpace = 1 // spaces or invisible format characters
	gapLine  = 2 // a line break
)

// token is a word, number or symbol with its byte offsets in the text.
type token struct {
	start, end int
	kind       tokKind
	gap        uint8  // what separates it from the token before
	joiner     bool   // a symbol that joins words: hyphen or apostrophe
	dash       bool   // a symbol that joins a range: "200-300", "200–300"
	k          string // the matching key of a word or symbol
}

func (t token) key(string) string { return t.k }

// tokenize splits text[lo:hi] into tokens with offsets into text. With
// spaceGroup a plain space may join groups of three digits ("12 000");
// no-break and thin spaces always may.
func tokenize(text string, lo, hi int, d *langData) []token {
	spaceGroup := d != nil && d.spaceGroup
	toks := make([]token, 0, (hi-lo)/5+1)
	gap := uint8(gapSpace)
	for i := lo; i < hi; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:hi])
		}
		switch {
		case isDigit(r):
			end := scanNumber(text, i, hi, spaceGroup)
			toks = append(toks, token{start: i, end: end, kind: tokNum, gap: gap})
			i, gap = end, gapNone
		case textnorm.IsWordChar(r):
			end := i + size
			for end < hi {
				r2, s2 := rune(text[end]), 1
				if r2 >= utf8.RuneSelf {
					r2, s2 = utf8.DecodeRuneInString(text[end:hi])
				}
				if !isDigit(r2) && !textnorm.IsWordChar(r2) {
					// An invisible character inside a word ("janu\u00ADari")
					// does not end it; the key drops it.
					if j := skipCf(text, end, hi); j > end && j < hi {
						if r3, _ := utf8.DecodeRuneInString(text[j:hi]); !isDigit(r3) && textnorm.IsWordChar(r3) {
							end = j
							continue
						}
					}
				}
				if isDigit(r2) || !textnorm.IsWordChar(r2) {
					break
				}
				end += s2
			}
			toks = append(toks, token{start: i, end: end, kind: tokWord, gap: gap, k: wordKey(text[i:end])})
			i, gap = end, gapNone
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			gap = gapLine
			i += size
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
			if gap == gapNone {
				gap = gapSpace
			}
			i += size
		default:
			k := text[i : i+size]
			if r >= utf8.RuneSelf {
				k = textnorm.Key(k)
				if k == "" {
					k = text[i : i+size]
				}
			}
			toks = append(toks, token{start: i, end: i + size, kind: tokSym, gap: gap, k: k,
				joiner: isJoiner(r), dash: isDash(r)})
			i, gap = i+size, gapNone
		}
	}
	return toks
}

// wordKey folds a word like textnorm.Key, with a fast path for ASCII.
func wordKey(w string) string {
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return textnorm.Key(w)
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return w
	}
	return strings.ToLower(w)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isJoiner(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\'', '\u2019', '\u02bc', '`', '\u00b4', '\u2018':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

// isDigitSep reports the separators that may stand inside a written number.
func isDigitSep(r rune) bool { return r == '.' || r == ',' || r == '٫' || r == '٬' }

// isGroupSpace reports the spaces that only ever separate digit groups.
func isGroupSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// scanNumber returns the end of the number that starts at i: digits, with
// '.', ',', '٫' or '٬' between digits, and spaces between groups of three
// ("12 000") while no other separator has been seen.
func scanNumber(text string, i, hi int, spaceGroup bool) int {
	end, n := digitRun(text, i, hi)
	firstRun := n
	sepSeen := false
	for end < hi {
		at := skipCf(text, end, hi) // "3.\u200B500", "3\u2060500": invisible inside a number
		r, size := utf8.DecodeRuneInString(text[at:hi])
		switch {
		case isDigitSep(r):
			e2, n2 := digitRun(text, at+size, hi)
			if n2 == 0 {
				return end
			}
			end, sepSeen = e2, true
		case !sepSeen && firstRun <= 3 && (isGroupSpace(r) || spaceGroup && r == ' '):
			e2, n2 := digitRun(text, at+size, hi)
			if n2 != 3 {
				return end
			}
			end = e2
		default:
			return end
		}
	}
	return end
}

// digitRun returns the end of the run of digits at i and its length in
// digits. Invisible format characters (ZWSP, word joiner, soft hyphen, bidi
// marks) between digits belong to the run, so "3\u200B500" is one number;
// at the end of the run they do not.
func digitRun(text string, i, hi int) (int, int) {
	n := 0
	for i < hi {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:hi])
		}
		if !isDigit(r) {
			if j := skipCf(text, i, hi); j > i && j < hi {
				if r2, s2 := utf8.DecodeRuneInString(text[j:hi]); isDigit(r2) {
					i, n = j+s2, n+1
					continue
				}
			}
			break
		}
		i += size
		n++
	}
	return i, n
}

// skipCf returns the end of the run of format characters (category Cf) at
// text[i:hi], or i if there is none.
func skipCf(text string, i, hi int) int {
	for i < hi && text[i] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(text[i:hi])
		if !unicode.Is(unicode.Cf, r) {
			break
		}
		i += size
	}
	return i
}
