package lang

import (
	"unicode"
	"unicode/utf8"
)

// script is a writing system as an ISO 15924 code. The empty script marks
// script-neutral characters (digits, punctuation, symbols, spaces), which
// join whatever run surrounds them.
type script string

// Script codes used in segments. Zyyy (Common) is reported only for text that
// has no letters at all.
const (
	scriptNone   script = ""
	scriptLatin  script = "Latn"
	scriptArabic script = "Arab"
	scriptCommon script = "Zyyy"
)

// scriptTables maps Unicode script tables to ISO 15924 codes. This is
// Unicode knowledge, not language knowledge, so it lives in code. Han, Hiragana
// and Katakana share one class (Japanese mixes them inside words); scriptOf
// reports it as Hani and the segmenter upgrades a run holding kana to Jpan.
var scriptTables = []struct {
	table *unicode.RangeTable
	code  script
}{
	{unicode.Latin, scriptLatin},
	{unicode.Arabic, scriptArabic},
	{unicode.Cyrillic, "Cyrl"},
	{unicode.Greek, "Grek"},
	{unicode.Hebrew, "Hebr"},
	{unicode.Devanagari, "Deva"},
	{unicode.Han, "Hani"},
	{unicode.Hiragana, "Hani"},
	{unicode.Katakana, "Hani"},
	{unicode.Hangul, "Hang"},
	{unicode.Thai, "Thai"},
	{unicode.Armenian, "Armn"},
	{unicode.Georgian, "Geor"},
	{unicode.Ethiopic, "Ethi"},
	{unicode.Bengali, "Beng"},
	{unicode.Gurmukhi, "Guru"},
	{unicode.Gujarati, "Gujr"},
	{unicode.Tamil, "Taml"},
	{unicode.Telugu, "Telu"},
	{unicode.Kannada, "Knda"},
	{unicode.Malayalam, "Mlym"},
	{unicode.Sinhala, "Sinh"},
	{unicode.Khmer, "Khmr"},
	{unicode.Lao, "Laoo"},
	{unicode.Myanmar, "Mymr"},
	{unicode.Tibetan, "Tibt"},
	{unicode.Syriac, "Syrc"},
	{unicode.Thaana, "Thaa"},
}

// scriptOf returns the script of a letter, or scriptNone for anything that is
// not a letter (marks are handled by the caller: they continue a word).
func scriptOf(r rune) script {
	if r < utf8.RuneSelf {
		if ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') {
			return scriptLatin
		}
		return scriptNone
	}
	if !unicode.IsLetter(r) {
		return scriptNone
	}
	for _, s := range scriptTables {
		if unicode.Is(s.table, r) {
			return s.code
		}
	}
	return "Zzzz" // a letter of a script we do not name
}

// isKana reports Hiragana or Katakana, which make a Han run Japanese.
func isKana(r rune) bool {
	return unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// isJoiner reports characters that continue a word between two letters of
// the same script: apostrophes (al-Mar‘ī, aujourd’hui), ZWNJ/ZWJ (Persian
// می‌خواهم), tatweel. Hyphens join words in every script but Arabic, where a
// hyphen-joined chain of words is a URL slug, not one word.
func isJoiner(r rune, s script) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02BC', '\u02BB', '\u200C', '\u200D', '\u0640', '\u00B7':
		return true
	case '-', '\u2010', '\u2011':
		return s != scriptArabic
	}
	return false
}
