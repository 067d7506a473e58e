package quantity

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// ParseNumber reads a written number ("3.500", "3,5", "12 000", "٣٬٥٠٠",
// "۱۲٫۵") with the separator conventions of lang, as listed in the embedded
// lexicon (@decimal in number_words.txt; languages without one write "." for
// decimals, like English). It is the parser behind the quantity stage,
// exported for tests and fuzzing; number words are not read here.
//
// A single separator followed by exactly three digits is ambiguous between
// a decimal and a thousands separator. ParseNumber follows the language:
// "3.500" is 3500 in Dutch and 3.5 in English, "3,500" is 3500 in English
// and 3.5 in Dutch. A separator that cannot group (not followed by exactly
// three digits) is a decimal separator in any language, so "2.5" is 2.5 in
// Dutch too. The stage goes further and reads an ambiguous number as
// grouped when a counted noun follows ("3.500 fighters" in an English
// text): nobody counts three and a half fighters.
func ParseNumber(s, lang string) (float64, bool) {
	v, _, _, ok := parseNumber(s, decimalFor(lang))
	return v, ok
}

// defaultDecimals maps each language of the embedded lexicon to its decimal
// separator. It is built once, on first use, and never written afterwards.
var defaultDecimals = sync.OnceValue(func() map[string]byte {
	m := map[string]byte{}
	lex, err := lexicon.Load()
	if err != nil {
		return m
	}
	for _, lang := range lex.Langs() {
		for _, e := range lex.List(lang, listNumbers) {
			if e.Text == "@decimal" && e.Value == "," {
				m[lang] = ','
			}
		}
	}
	return m
})

func decimalFor(lang string) byte {
	if c, ok := defaultDecimals()[lang]; ok {
		return c
	}
	return '.'
}

// maxDigits bounds the numbers read; longer digit strings are identifiers.
const maxDigits = 40

// parseNumber reads s with decimal as the decimal separator. When s has one
// separator followed by three digits, amb is true and alt is the other
// reading.
func parseNumber(s string, decimal byte) (v, alt float64, amb, ok bool) {
	s = textnorm.Digits(s)
	var b strings.Builder
	b.Grow(len(s))
	// Drop the spaces between digit groups; every group after one must have
	// three digits.
	run, spaced := 0, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9' || r == '.' || r == ',':
			if r == '.' || r == ',' {
				if spaced && run != 3 {
					return 0, 0, false, false
				}
				run = -1000
			} else {
				run++
			}
			b.WriteRune(r)
		case r == ' ' || isGroupSpace(r):
			if spaced && run != 3 {
				return 0, 0, false, false
			}
			if run <= 0 || run > 3 {
				return 0, 0, false, false
			}
			spaced, run = true, 0
		case unicode.Is(unicode.Cf, r):
			// Invisible inside a number (scanNumber let it in): not there.
		default:
			return 0, 0, false, false
		}
	}
	if spaced && run != 3 && run >= 0 {
		return 0, 0, false, false
	}
	n := b.String()
	if n == "" || !isASCIIDigit(n[0]) || !isASCIIDigit(n[len(n)-1]) {
		return 0, 0, false, false
	}
	digits := 0
	for i := 0; i < len(n); i++ {
		if isASCIIDigit(n[i]) {
			digits++
		} else if !isASCIIDigit(n[i-1]) {
			return 0, 0, false, false // two separators in a row
		}
	}
	if digits > maxDigits {
		return 0, 0, false, false
	}
	dots, commas := strings.Count(n, "."), strings.Count(n, ",")
	switch {
	case dots == 0 && commas == 0:
		v, ok = toFloat(n)
		return v, v, false, ok
	case dots > 0 && commas > 0:
		// The last separator is the decimal one; the other kind groups.
		dec := n[strings.LastIndexAny(n, ".,")]
		group := byte(',')
		if dec == ',' {
			group = '.'
		}
		if strings.Count(n, string(dec)) != 1 {
			return 0, 0, false, false
		}
		ip, fp, _ := strings.Cut(n, string(dec))
		if !grouped(ip, group) {
			return 0, 0, false, false
		}
		v, ok = toFloat(strings.ReplaceAll(ip, string(group), "") + "." + fp)
		return v, v, false, ok
	}
	sep := byte('.')
	count := dots
	if commas > 0 {
		sep, count = ',', commas
	}
	if count > 1 {
		if !grouped(n, sep) {
			return 0, 0, false, false // "1.2.3": a section number, not a quantity
		}
		v, ok = toFloat(strings.ReplaceAll(n, string(sep), ""))
		return v, v, false, ok
	}
	ip, fp, _ := strings.Cut(n, string(sep))
	asGroup, okG := toFloat(ip + fp)
	asDec, okD := toFloat(ip + "." + fp)
	if !okG || !okD {
		return 0, 0, false, false
	}
	canGroup := len(fp) == 3 && len(ip) <= 3 && !(len(ip) > 1 && ip[0] == '0')
	switch {
	case !canGroup:
		return asDec, asDec, false, true
	case sep == decimal:
		return asDec, asGroup, true, true
	default:
		return asGroup, asGroup, false, true
	}
}

// grouped reports whether s is digits in groups of three after a first
// group of one to three, separated by sep.
func grouped(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	if len(parts[0]) < 1 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

func toFloat(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
