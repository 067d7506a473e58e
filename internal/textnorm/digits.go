package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Digits maps Arabic-Indic (٠-٩), Extended Arabic-Indic/Persian (۰-۹) and
// every other Unicode decimal digit to ASCII, and the Arabic decimal and
// thousands separators ٫ ٬ to '.' and ','. Everything else, including
// length in runes, is kept, so number finders can parse "٣٫٥" as "3.5"
// without the rest of the key folding. Strings without such runes are
// returned as they are.
func Digits(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '٫' || r == '٬' || unicode.IsDigit(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case r == '٫':
			b.WriteByte('.')
		case r == '٬':
			b.WriteByte(',')
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + digitValue(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
