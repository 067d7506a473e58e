package extract

import (
	"github.com/claimtrace/claimtrace/internal/textnorm"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rune classes shared by the clean-up passes.

// isWordRune reports letters, digits and combining marks: the characters a
// word is made of in any script (Arabic tashkeel and Devanagari vowel signs
// are marks).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// countWords counts whitespace-separated tokens holding a letter or digit, so
// "* * *" has no words and "Foto: AFP" has two. It stops counting at limit,
// which is all the thresholds need.
func countWords(s string, limit int) int {
	n := 0
	inWord, hasLetter := false, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isSpaceRune(r) {
			if inWord && hasLetter {
				if n++; n >= limit {
					return n
				}
			}
			inWord, hasLetter = false, false
			continue
		}
		inWord = true
		if !hasLetter && (r < utf8.RuneSelf && ('a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			hasLetter = true
		}
	}
	if inWord && hasLetter {
		n++
	}
	return n
}

// isSpaceRune is unicode.IsSpace with an ASCII fast path.
func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// collapseSpace returns s with every whitespace run turned into one space.
// It allocates only when s has something to collapse, which is rare in
// extracted text.
func collapseSpace(s string) string {
	clean := true
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false // could be NBSP or another Unicode space: take the slow path
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		if sp && (c != ' ' || prevSpace) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevSpace = false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		b.WriteRune(r)
	}
	if b.Len() == len(s) && b.String() == s {
		return s
	}
	return b.String()
}

// fold appends to dst the matching key of s for boilerplate phrases: lower
// case, typographic quotes and dashes unified, hyphens and invisible
// characters dropped (so "e-mail" = "email"), Arabic diacritics and tatweel
// dropped and letter variants unified (so تعليقاً = تعليقا, أ = ا, ی = ي),
// whitespace collapsed, and punctuation or symbols trimmed at both ends (so
// "Share this:" = "share this" and "Required fields are marked *" matches
// without its star). Lines and lexicon phrases go through the same fold,
// which is why the lists need no variant spellings.
func foldPhrase(dst []byte, s string) []byte {
	start := len(dst)
	space := true // suppress leading spaces
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		r = foldRune(r)
		switch r {
		case -1:
			continue
		case ' ':
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		dst = utf8.AppendRune(dst, r)
		space = false
	}
	// Trim punctuation, symbols and spaces at both ends.
	key := dst[start:]
	for len(key) > 0 {
		r, n := utf8.DecodeLastRune(key)
		if !trimmable(r) {
			break
		}
		key = key[:len(key)-n]
	}
	lead := 0
	for lead < len(key) {
		r, n := utf8.DecodeRune(key[lead:])
		if !trimmable(r) {
			break
		}
		lead += n
	}
	n := copy(dst[start:], key[lead:])
	return dst[:start+n]
}

func trimmable(r rune) bool {
	return r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// foldRune maps one rune to its folded form; -1 drops it, ' ' makes a word
// break.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case r == '-':
			return -1
		case r == '`':
			return '\''
		}
		return r
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x0610 && r <= 0x061A, r >= 0x06D6 && r <= 0x06ED:
		return -1 // Arabic tashkeel, tanween, Quranic marks
	}
	switch r {
	case 0x0640, 0x00AD, 0x061C, 0xFEFF, 0x2010, 0x2011,
		0x200B, 0x200D, 0x200E, 0x200F,
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
		0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069:
		return -1 // tatweel, soft hyphen, hyphens, zero-width and bidi controls
	case 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x200C:
		return ' ' // figure, en, em dash, minus, ZWNJ (Persian writes it or a space): word breaks
	case '‘', '’', 'ʼ', '´', '′', 'ʹ':
		return '\''
	case '“', '”', '„', '‟', '«', '»', '″':
		return '"'
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی', 'ئ':
		return 'ي'
	case 'ک':
		return 'ك'
	case 'ة':
		return 'ه'
	case 'ؤ':
		return 'و'
	case '：':
		return ':'
	}
	if r >= 0x0660 && r <= 0x0669 {
		return '0' + r - 0x0660
	}
	if r >= 0x06F0 && r <= 0x06F9 {
		return '0' + r - 0x06F0
	}
	return unicode.ToLower(r)
}

// dominantScript is the ISO 15924 script of most letters in s ("" without
// letters), by textnorm's classification, which the rest of claimtrace
// shares.
func dominantScript(s string) string {
	n := map[string]int{}
	best := ""
	for _, r := range s {
		sc := textnorm.Script(r)
		if sc == "" {
			continue
		}
		n[sc]++
		if best == "" || n[sc] > n[best] {
			best = sc
		}
	}
	return best
}
