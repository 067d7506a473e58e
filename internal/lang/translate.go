package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// MinTranslationScore is the score at which two segments of a document are
// reported as translations of each other.
const MinTranslationScore = 0.6

// Translations pairs the segments of one document that look like the same
// text in two languages — the common repost shape "English translation,
// then the Arabic original". It compares what survives translation: the
// paragraph structure, the length in letters (scaled by the usual expansion
// between scripts), and the numbers written in digits of any script. It does
// not read meaning; cross-document translation links are the link stage's.
func Translations(text string, segs []doc.Segment) []doc.Translation {
	var out []doc.Translation
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			a, b := segs[i], segs[j]
			if a.Lang == b.Lang || a.Lang == "und" || b.Lang == "und" {
				continue
			}
			s := translationScore(text[a.Start:a.End], text[b.Start:b.End])
			if s >= MinTranslationScore {
				out = append(out, doc.Translation{A: i, B: j, Score: s})
			}
		}
	}
	return out
}

func translationScore(a, b string) float64 {
	la, lb := letters(a), letters(b)
	if la < 100 || lb < 100 {
		return 0
	}
	ratio := func(x, y float64) float64 {
		if x > y {
			x, y = y, x
		}
		if y == 0 {
			return 0
		}
		return x / y
	}
	// Letters: translations differ in length, but rarely by more than half.
	lenScore := min(1, ratio(float64(la), float64(lb))/0.7)
	paraScore := ratio(float64(countParagraphs(a)), float64(countParagraphs(b)))
	na, nb := numbers(a), numbers(b)
	numScore := 0.5 // no evidence either way
	if len(na)+len(nb) >= 2 {
		inter := 0
		for n := range na {
			if nb[n] {
				inter++
			}
		}
		union := len(na) + len(nb) - inter
		numScore = float64(inter) / float64(union)
	}
	return round2(0.35*lenScore + 0.35*paraScore + 0.3*numScore)
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func countParagraphs(s string) int {
	n := 0
	for _, p := range strings.Split(s, "\n\n") {
		if strings.TrimSpace(p) != "" {
			n++
		}
	}
	return n
}

// numbers returns the set of digit strings (any script, folded to ASCII).
func numbers(s string) map[string]bool {
	out := map[string]bool{}
	s = textnorm.Digits(s)
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		out[strings.TrimLeft(s[i:j], "0")] = true
		i = j
	}
	return out
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
