package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// slugEdits finds URL slugs: tokens of at least MinSlugParts word parts
// joined by single ASCII hyphens that scrapers leave behind when they glue a
// page's URL path to its title. A hyphenated chain is only a slug by
// context, because "state-of-the-art" or "one-in-a-million" inside a sentence
// looks the same:
//   - glued without a space to sentence punctuation ("…organization.هجوم-داعش-…"),
//   - alone on its line, or
//   - first or last token of a line written in another script.
//
// Only slugs at a line's start or end are cut, so what stays of the line is
// contiguous input text. Tokens that look like URLs or e-mail addresses are
// left alone: a link is content, not a scraping accident.
func (c *Cleaner) slugEdits(s string) []textEdit {
	var edits []textEdit
	for _, l := range splitTextLines(s) {
		if l.b-l.a < 7 || strings.IndexByte(s[l.a:l.b], '-') < 0 {
			continue
		}
		content := s[l.a:l.b]
		// Last token.
		ts := l.a
		if i := strings.LastIndexFunc(content, unicode.IsSpace); i >= 0 {
			_, n := utf8.DecodeRuneInString(content[i:])
			ts = l.a + i + n
		}
		tok := s[ts:l.b]
		if e, ok := c.slugAtEnd(s, l, ts, tok); ok {
			edits = append(edits, e)
			continue
		}
		// First token, only when the line has more than one.
		if ts == l.a {
			continue
		}
		te := l.a + strings.IndexFunc(content, unicode.IsSpace)
		tok = s[l.a:te]
		if c.isSlug(tok) && looksForeign(tok, s[te:l.b]) {
			rest := strings.TrimLeftFunc(s[te:l.b], unicode.IsSpace)
			edits = append(edits, textEdit{
				start: l.a, end: l.b - len(rest),
				kind: doc.RemovedBoilerplate, reason: "URL slug in another script at the start of the line",
				textStart: l.a, textEnd: te,
			})
		}
	}
	return edits
}

// slugAtEnd checks the last token of a line, tok = s[ts:l.b].
func (c *Cleaner) slugAtEnd(s string, l textLine, ts int, tok string) (textEdit, bool) {
	if looksLikeURL(tok) {
		return textEdit{}, false
	}
	cut, ok := c.slugSuffix(tok)
	if !ok {
		return textEdit{}, false
	}
	slug := tok[cut:]
	if cut > 0 {
		prev, _ := utf8.DecodeLastRuneInString(tok[:cut])
		if !isSentencePunct(prev) || !strings.ContainsFunc(tok[:cut], unicode.IsLetter) {
			return textEdit{}, false
		}
		return textEdit{
			start: ts + cut, end: l.b,
			kind: doc.RemovedBoilerplate, reason: "URL slug glued to the end of a sentence",
			textStart: ts + cut, textEnd: l.b,
		}, true
	}
	if ts == l.a {
		return removeTextLine(l, doc.RemovedBoilerplate, "URL slug alone on its line"), true
	}
	if !looksForeign(slug, s[l.a:ts]) {
		return textEdit{}, false
	}
	// Cut the slug and the whitespace before it.
	start := l.a + len(strings.TrimRightFunc(s[l.a:ts], unicode.IsSpace))
	return textEdit{
		start: start, end: l.b,
		kind: doc.RemovedBoilerplate, reason: "URL slug in another script at the end of the line",
		textStart: ts, textEnd: l.b,
	}, true
}

// isSlug reports whether the whole token is a slug.
func (c *Cleaner) isSlug(tok string) bool {
	if looksLikeURL(tok) {
		return false
	}
	cut, ok := c.slugSuffix(tok)
	return ok && cut == 0
}

// slugSuffix finds the longest suffix of tok made of word parts joined by
// single ASCII hyphens and returns where it starts. It needs MinSlugParts
// parts, two of them with letters (so ISBNs and dates are not slugs), and no
// capital letters: URL paths are lower-case, hyphenated names are not.
func (c *Cleaner) slugSuffix(tok string) (int, bool) {
	parts, letterParts := 0, 0
	cur, letters := 0, false
	i := len(tok)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(tok[:i])
		if isWordRune(r) {
			if unicode.IsUpper(r) {
				break // slugs are lower-case; "Al-Dayr-az-Zur-Road" is a name
			}
			cur++
			letters = letters || unicode.IsLetter(r)
			i -= n
			continue
		}
		if r != '-' || cur == 0 {
			break
		}
		parts++
		if letters {
			letterParts++
		}
		cur, letters = 0, false
		i -= n
	}
	if cur == 0 {
		return 0, false // ends in a hyphen, or starts right after one: not a clean chain
	}
	parts++
	if letters {
		letterParts++
	}
	return i, parts >= c.cfg.MinSlugParts && letterParts >= 2
}

// looksForeign reports whether slug is written in a script other than the
// dominant script of rest (which must have letters).
func looksForeign(slug, rest string) bool {
	rs := dominantScript(rest)
	ss := dominantScript(slug)
	return rs != "" && ss != "" && rs != ss
}

func looksLikeURL(tok string) bool {
	return strings.Contains(tok, "://") || strings.Contains(tok, "www.") || strings.ContainsRune(tok, '@') || strings.ContainsRune(tok, '/')
}

// isSentencePunct reports punctuation that ends a sentence or a quotation,
// after which a glued token cannot belong to the sentence.
func isSentencePunct(r rune) bool {
	switch r {
	case '.', '!', '?', ';', ':', ',', '…', '"', '\'', '”', '’', '»', ')', ']', '؟', '،', '؛', '۔', '。':
		return true
	}
	return false
}
