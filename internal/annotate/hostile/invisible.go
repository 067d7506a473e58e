package hostile

import (
	"unicode"
	"unicode/utf8"
)

// invisible reports whether the rune r at text[i:i+size] is an invisible
// character that the stage flags (see the package comment for the rules
// and their exceptions). Bidi controls have their own warning kind and are
// not reported here.
func invisible(text string, i int, r rune, size int) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0xAD: // soft hyphen
		return true
	case IsBidi(r):
		return false
	case r == 0x200C || r == 0x200D: // ZWNJ, ZWJ
		prev, next := prevBase(text, i), nextBase(text, i+size)
		if joining(prev) || joining(next) {
			return false
		}
		return !(r == 0x200D && isEmoji(prevEmojiBase(text, i)) && isEmoji(next))
	case r == 0xFEFF:
		return i != 0
	case isVariationSelector(r):
		prev := prevEmojiBase(text, i) // a second selector or a modifier goes with the base
		return !(isEmoji(prev) || unicode.In(prev, unicode.Han, unicode.S) ||
			nextRune(text, i+size) == 0x20E3 || isKeycapBase(prev))
	case r >= 0xE0020 && r <= 0xE007F: // tags: fine in an emoji flag sequence
		return !inTagSequence(text, i)
	case r == 0x034F, r == 0x3164, r == 0xFFA0: // CGJ, Hangul fillers
		return true
	case isPrependedMark(r):
		return false
	}
	return unicode.Is(unicode.Cf, r)
}

// joining reports whether r is a letter or mark of a script in which ZWNJ
// and ZWJ are spelling: Arabic (Persian, Kurdish, Urdu), Syriac, N'Ko,
// Mongolian and the Indic scripts.
func joining(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Syriac, unicode.Nko, unicode.Mongolian,
		unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati,
		unicode.Oriya, unicode.Tamil, unicode.Telugu, unicode.Kannada,
		unicode.Malayalam, unicode.Sinhala, unicode.Myanmar, unicode.Khmer, unicode.Tibetan)
}

// isEmoji reports whether r is a pictograph or symbol that takes part in
// emoji sequences.
func isEmoji(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || unicode.Is(unicode.So, r)
}

func isSkinTone(r rune) bool { return r >= 0x1F3FB && r <= 0x1F3FF }

func isVariationSelector(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF
}

func isKeycapBase(r rune) bool { return r >= '0' && r <= '9' || r == '#' || r == '*' }

// isPrependedMark reports the Cf characters that are visible signs (they
// stand before a number and span it), not invisible ones.
func isPrependedMark(r rune) bool {
	return r >= 0x0600 && r <= 0x0605 || r == 0x06DD || r == 0x070F ||
		r == 0x0890 || r == 0x0891 || r == 0x08E2 || r == 0x110BD || r == 0x110CD
}

// prevRune returns the rune ending at text[i], or 0.
func prevRune(text string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// nextRune returns the rune starting at text[i], or 0.
func nextRune(text string, i int) rune {
	if i >= len(text) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// prevBase returns the rune before text[i], skipping combining marks and
// other format characters (an Arabic letter with tashkeel, or with a stray
// ZWSP, before a ZWNJ still joins). It looks back a few runes only, so that
// a long run of marks stays linear.
func prevBase(text string, i int) rune {
	for n := 0; i > 0 && n < 8; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.In(r, unicode.Mn, unicode.Cf) {
			return r
		}
		i -= size
	}
	return 0
}

// nextBase is prevBase looking forward.
func nextBase(text string, i int) rune {
	for n := 0; i < len(text) && n < 8; n++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.In(r, unicode.Mn, unicode.Cf) {
			return r
		}
		i += size
	}
	return 0
}

// prevEmojiBase returns the rune before text[i], skipping variation
// selectors and skin-tone modifiers (👍🏽‍…, 🏳️‍🌈). It looks back a few
// runes only, so that a long run of selectors stays linear.
func prevEmojiBase(text string, i int) rune {
	for n := 0; i > 0 && n < 8; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !isVariationSelector(r) && !isSkinTone(r) {
			return r
		}
		i -= size
	}
	return 0
}

// inTagSequence reports whether the tag character at text[i] belongs to an
// emoji tag sequence: a run of tags right after a black flag (U+1F3F4),
// ended by CANCEL TAG (U+E007F). Real sequences hold a few tags, so it
// looks at most maxTags tags either way, which keeps a long run of tags
// linear.
func inTagSequence(text string, i int) bool {
	const maxTags = 32
	j := i
	for n := 0; j > 0; n++ {
		if n > maxTags {
			return false
		}
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if r < 0xE0020 || r > 0xE007E {
			if r != 0x1F3F4 {
				return false
			}
			break
		}
		j -= size
	}
	if j == 0 {
		return false
	}
	for k, n := i, 0; k < len(text) && n <= maxTags; n++ {
		r, size := utf8.DecodeRuneInString(text[k:])
		if r == 0xE007F {
			return true
		}
		if r < 0xE0020 || r > 0xE007E {
			return false
		}
		k += size
	}
	return false
}

// invisibleNames are short names for Detail.
var invisibleNames = map[rune]string{
	0x00AD: "SHY", 0x034F: "CGJ", 0x180E: "MVS", 0x200B: "ZWSP", 0x200C: "ZWNJ",
	0x200D: "ZWJ", 0x2060: "WJ", 0x2061: "function application", 0x2062: "invisible times",
	0x2063: "invisible separator", 0x2064: "invisible plus", 0x3164: "Hangul filler",
	0xFEFF: "BOM", 0xFFA0: "halfwidth Hangul filler",
}

func invisibleName(r rune) string {
	switch n, ok := invisibleNames[r]; {
	case ok:
		return n
	case isVariationSelector(r):
		return "variation selector"
	case r >= 0xE0000 && r <= 0xE007F:
		return "tag"
	}
	return "format character"
}
