package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinArticles are romanisations of the Arabic article. For the sun-letter
// forms the next word must start with the assimilated consonant (ash-Sham,
// an-Nasr), which keeps "as" and "at" from being taken for articles in
// names such as "as well".
var latinArticles = []struct {
	prefix string
	sun    bool
}{
	{"al", false}, {"el", false}, {"ul", false},
	{"adh", true}, {"ash", true}, {"ath", true},
	{"ad", true}, {"an", true}, {"ar", true}, {"as", true}, {"at", true}, {"az", true},
}

// StripArticle removes a leading definite article from an already-keyed word
// or name: the Arabic-script "ال", or a romanised one (al, el, ul and the
// sun-letter assimilations an ad adh ar as ash at ath az), which the key has
// already separated with a space ("al-Hasaka" keys as "al hasaka"). A hyphen
// is accepted too, for callers that strip before keying.
//
// It is purely lexical: names in which "ال" or "al" is not an article
// ("الله", "Albania" keyed as "البانيا") lose it too, so matchers should
// try both forms. The result is never empty: an article alone, or one
// followed by fewer than two letters, is kept.
func StripArticle(key string) string {
	if rest, ok := strings.CutPrefix(key, "ال"); ok {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
		return key
	}
	for _, a := range latinArticles {
		rest, ok := strings.CutPrefix(key, a.prefix)
		if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '-') {
			continue
		}
		rest = rest[1:]
		if utf8.RuneCountInString(rest) < 2 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsLetter(r) {
			continue
		}
		if a.sun && !strings.HasPrefix(rest, a.prefix[1:]) {
			continue
		}
		return rest
	}
	return key
}
