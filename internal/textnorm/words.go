package textnorm

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word of a key, with its byte offsets in the key.
type Token struct {
	Start, End int    // key[Start:End] == Text
	Text       string // the word
}

// Words splits a key into word tokens with their byte offsets in the key.
// Letters, digits and combining marks are word characters in every script;
// everything else (spaces, punctuation, symbols) separates words. Matchers
// use it to check that a match starts and ends on a word boundary, which a
// byte-based check gets wrong for non-Latin scripts.
func Words(key string) []Token {
	var toks []Token
	if len(key) > 0 {
		toks = make([]Token, 0, len(key)/6+1)
	}
	return AppendWords(toks, key)
}

// AppendWords appends the word tokens of key (see [Words]) to dst, for
// callers that reuse one token slice across keys.
func AppendWords(dst []Token, key string) []Token {
	toks := dst
	start := -1
	for i := 0; i < len(key); {
		r, size := rune(key[i]), 1
		if r >= utf8.RuneSelf {
			if c := key[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(key) && key[i+1]&0xC0 == 0x80 {
				// A two-byte rune (Latin accents, Greek, Cyrillic, Arabic),
				// decoded inline: most non-ASCII text is made of them.
				r, size = rune(c&0x1F)<<6|rune(key[i+1]&0x3F), 2
			} else {
				r, size = utf8.DecodeRuneInString(key[i:])
			}
		}
		if IsWordChar(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			toks = append(toks, Token{Start: start, End: i, Text: key[start:i]})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		toks = append(toks, Token{Start: start, End: len(key), Text: key[start:]})
	}
	return toks
}

// IsWordChar reports whether r belongs inside a word in any script: letters,
// decimal digits, combining marks (Mn, Mc) and the zero-width joiners ZWNJ
// and ZWJ, which Persian, Kurdish and Urdu spelling puts inside words.
func IsWordChar(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r) | 0x20
		return 'a' <= c && c <= 'z' || '0' <= r && r <= '9'
	}
	if r < denseEnd {
		w := loadTable().word
		return w[r/64]&(1<<(r%64)) != 0
	}
	return isWordChar(r)
}

// isWordChar is IsWordChar without the table.
func isWordChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) ||
		unicode.In(r, unicode.Mn, unicode.Mc) || r == 0x200C || r == 0x200D
}
