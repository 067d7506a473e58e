package textnorm

//go:generate go run gen_confusables.go -src $CONFUSABLES_JSON

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lookalike is one row of the generated confusables table: a letter and its
// look-alike in each of Latin, Cyrillic and Greek (0: none).
type lookalike struct {
	r              rune
	latn, cyrl, gr rune
}

// The three scripts whose letters are confusable with each other, as indexes
// into a script count. noScript is anything else.
const (
	latn = iota
	cyrl
	grek
	noScript
)

// lcgScript returns whether r is a letter of Latin, Cyrillic or Greek, and
// which.
func lcgScript(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		if c := r | 0x20; 'a' <= c && c <= 'z' {
			return latn
		}
		return noScript
	case r < 0x0250:
		if r != 0xB5 && unicode.IsLetter(r) { // µ is Common, and folds to Greek μ
			return latn // Latin-1 Supplement, Latin Extended-A and -B
		}
		return noScript
	case r >= 0x0370 && r < 0x0400:
		if unicode.IsLetter(r) && unicode.Is(unicode.Greek, r) {
			return grek
		}
		return noScript
	case r >= 0x0400 && r < 0x0530:
		if r < 0x0482 || r > 0x0489 { // all letters but ҂ and the combining marks
			return cyrl
		}
		return noScript
	case r < 0x0530, r >= 0x1D00 && r < 0x2D00, r >= 0xA640 && r < 0xAB70:
		if !unicode.IsLetter(r) {
			return noScript
		}
		switch {
		case unicode.Is(unicode.Latin, r):
			return latn
		case unicode.Is(unicode.Cyrillic, r):
			return cyrl
		case unicode.Is(unicode.Greek, r):
			return grek
		}
	case r >= 0xFF21 && r <= 0xFF5A: // fullwidth Latin
		if unicode.IsLetter(r) {
			return latn
		}
	}
	return noScript
}

// lookalikeIn returns the letter of script to that r looks like, or 0.
func lookalikeIn(r rune, to int) rune {
	i := sort.Search(len(lookalikes), func(i int) bool { return lookalikes[i].r >= r })
	if i == len(lookalikes) || lookalikes[i].r != r {
		return 0
	}
	switch to {
	case latn:
		return lookalikes[i].latn
	case cyrl:
		return lookalikes[i].cyrl
	case grek:
		return lookalikes[i].gr
	}
	return 0
}

// majority returns the script that a word mixing Latin, Cyrillic and Greek
// letters is taken to be written in: the one with most letters; on a tie
// Latin, then Cyrillic. ok is false unless at least two of the three scripts
// have letters.
func majority(n [3]int) (script int, ok bool) {
	mixed := 0
	for _, c := range n {
		if c > 0 {
			mixed++
		}
	}
	if mixed < 2 {
		return noScript, false
	}
	script = latn
	for s := cyrl; s <= grek; s++ {
		if n[s] > n[script] {
			script = s
		}
	}
	return script, true
}

// Skeleton returns word with its look-alike letters in the word's majority
// script, and whether that changed anything. A word is only rewritten when
// its letters mix Latin, Cyrillic and Greek: then every letter of a minority
// script that has a look-alike in the majority script (most letters; Latin,
// then Cyrillic, on a tie) is replaced by it, so "Dаesh" with a Cyrillic а
// gives "Daesh" and "ΙSIS" with a Greek Iota gives "ISIS". Single-script
// words, including all-Cyrillic and all-Greek ones, are returned as they
// are: folding them to Latin would wreck Russian and Greek text. Case is
// kept; digits, marks and other scripts are never touched.
//
// This is the display form of the rewrite that [Key] applies to its words;
// callers pass one word, but any text works (it is treated as one word).
func Skeleton(word string) (string, bool) {
	var n [3]int
	for _, r := range word {
		if s := lcgScript(r); s != noScript {
			n[s]++
		}
	}
	m, ok := majority(n)
	if !ok {
		return word, false
	}
	var b strings.Builder
	changed := false
	for i, r := range word {
		if s := lcgScript(r); s != noScript && s != m {
			if t := lookalikeIn(r, m); t != 0 {
				if !changed {
					b.Grow(len(word))
					b.WriteString(word[:i])
					changed = true
				}
				b.WriteRune(t)
				continue
			}
		}
		if changed {
			b.WriteRune(r)
		}
	}
	if !changed {
		return word, false
	}
	return b.String(), true
}

// scriptCodes names the scripts that Scripts reports by their ISO 15924
// code; letters of other scripts are reported by their Unicode script name.
var scriptCodes = []struct {
	code  string
	table *unicode.RangeTable
}{
	{"Latn", unicode.Latin}, {"Cyrl", unicode.Cyrillic}, {"Grek", unicode.Greek},
	{"Arab", unicode.Arabic}, {"Hebr", unicode.Hebrew}, {"Armn", unicode.Armenian},
	{"Geor", unicode.Georgian}, {"Syrc", unicode.Syriac}, {"Thaa", unicode.Thaana},
	{"Deva", unicode.Devanagari}, {"Beng", unicode.Bengali}, {"Guru", unicode.Gurmukhi},
	{"Gujr", unicode.Gujarati}, {"Taml", unicode.Tamil}, {"Telu", unicode.Telugu},
	{"Knda", unicode.Kannada}, {"Mlym", unicode.Malayalam}, {"Sinh", unicode.Sinhala},
	{"Thai", unicode.Thai}, {"Ethi", unicode.Ethiopic}, {"Hani", unicode.Han},
	{"Hira", unicode.Hiragana}, {"Kana", unicode.Katakana}, {"Hang", unicode.Hangul},
	{"Tfng", unicode.Tifinagh},
}

// Script returns the script of the letter r: an ISO 15924 code for the
// common scripts ("Latn", "Cyrl", "Arab", …), the Unicode script name for
// others, and "" for a rune that is not a letter or is a letter of no
// script in particular (µ, the kana length mark ー). Fullwidth and other
// compatibility forms belong to the script of their letter.
func Script(r rune) string {
	if !unicode.IsLetter(r) {
		return ""
	}
	switch lcgScript(r) {
	case latn:
		return "Latn"
	case cyrl:
		return "Cyrl"
	case grek:
		return "Grek"
	}
	for _, s := range scriptCodes[3:] {
		if unicode.Is(s.table, r) {
			return s.code
		}
	}
	for name, t := range unicode.Scripts {
		if name != "Common" && name != "Inherited" && unicode.Is(t, r) {
			return name // a rune belongs to one script, so this is deterministic
		}
	}
	return "" // Common or Inherited: µ, the kana length mark ー
}

// Scripts returns the scripts of the letters of word (see [Script]), each
// once, in the order they first occur. Digits, marks, punctuation and
// invisible characters have no script, so "T4" and "COVID-19" are ["Latn"]
// and an Arabic word with a Latin digit is ["Arab"]. The warnings stage
// uses it to find words that mix scripts.
func Scripts(word string) []string {
	var out []string
	for _, r := range word {
		s := Script(r)
		if s != "" && !containsString(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isLCGLead reports whether c is the first byte of the UTF-8 encoding of a
// rune in U+0340–U+053F (Greek, Coptic, Cyrillic and some marks), the only
// place where the letters that Key folds by word live in a key. Folded keys
// contain Greek and Cyrillic only in these blocks, since Greek Extended and
// compatibility forms decompose into them.
func isLCGLead(c byte) bool { return c >= 0xCD && c <= 0xD4 }

// mixesScripts is the cheap test that decides whether a key needs the
// word-level pass, made in fold as Greek or Cyrillic output out is about to
// be appended to key: is a letter of another of Latin, Cyrillic and Greek
// right before it, inside it, or right after the previous such output
// (which ended at key offset lcgEnd, -1 if none)? A word that mixes scripts
// only across digits or marks ("а1b") is not worth rewriting. The test
// reads only key bytes, so it gives the same answer on a key as on its
// source, which keeps keys fixed points.
func mixesScripts(key []byte, out string, lcgEnd int) bool {
	n := len(key)
	switch {
	case lcgEnd >= 0 && lcgEnd < n && isASCIILetter(key[lcgEnd]):
		return true
	case n == 0:
	case key[n-1] < utf8.RuneSelf:
		if isASCIILetter(key[n-1]) {
			return true
		}
	case n > 1 && isLCGLead(key[n-2]) && isGreekLead(key[n-2]) != isGreekLead(out[0]):
		return true
	}
	return len(out) > 2 && mixedInside(out)
}

// mixedInside reports whether a compatibility expansion (㎂ → μa) holds
// letters of two of Latin, Greek and Cyrillic.
func mixedInside(out string) bool {
	var seen [3]bool
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case isASCIILetter(c):
			seen[latn] = true
		case isLCGLead(c) && isGreekLead(c):
			seen[grek] = true
		case isLCGLead(c):
			seen[cyrl] = true
		}
	}
	return seen[latn] && (seen[grek] || seen[cyrl]) || seen[grek] && seen[cyrl]
}

// hasLCG reports whether s holds a Greek or Cyrillic lead byte.
func hasLCG(s string) bool {
	for i := 0; i < len(s); i++ {
		if isLCGLead(s[i]) {
			return true
		}
	}
	return false
}

// isGreekLead tells the Greek (U+0340–U+03FF) from the Cyrillic
// (U+0400–U+053F) lead bytes of isLCGLead.
func isGreekLead(c byte) bool { return c <= 0xCF }

// unmix rewrites, in a key, each word that mixes Latin, Cyrillic and Greek
// letters to its majority script (see [Skeleton]), if two letters of
// different scripts stand side by side in it (the spoofing pattern; "а1b"
// is left alone). src and orig are the
// source and the offset map; the source letter behind a key letter decides
// the look-alike where it folds to exactly that key letter, so an upper-case
// Greek Eta (Η, like H) and a lower-case η (like n) are told apart. It
// returns the key and map unchanged when no word changes, and reports
// true, without changing anything, when orig is nil and a word mixes
// scripts (the caller then folds again with offsets).
func unmix(t *table, src string, key []byte, orig []int) ([]byte, []int, bool) {
	var out []byte
	var outOrig []int
	done := 0 // key[:done] has been copied to out
	for i := 0; i < len(key); {
		// Scan the next word, counting its Latin, Cyrillic and Greek
		// letters. Keys are valid UTF-8, and most runes here take two
		// bytes, so those are decoded inline.
		ws := i
		var n [3]int
		// adj: two letters of different scripts side by side, by the same
		// byte classes as mixesScripts (ASCII, Greek and Cyrillic blocks),
		// so that whether a word is rewritten depends on the word alone.
		adj, prev := false, noScript
		for i < len(key) {
			c := key[i]
			if c < utf8.RuneSelf {
				if !isASCIIWord(c) {
					break
				}
				cls := noScript
				if c >= 'a' {
					n[latn]++
					cls = latn
				}
				adj = adj || cls != noScript && prev != noScript && prev != cls
				prev = cls
				i++
				continue
			}
			if (c >= 0xD0 && c <= 0xD3 || c == 0xD4 && key[i+1] < 0xB0) && (c != 0xD2 || key[i+1] != 0x82) {
				// U+0400–U+052F but ҂: in a key, always a Cyrillic letter
				// (the combining marks are dropped).
				n[cyrl]++
				adj = adj || prev != noScript && prev != cyrl
				prev = cyrl
				i += 2
				continue
			}
			var r rune
			size := 2
			if c&0xE0 == 0xC0 && i+1 < len(key) {
				r = rune(c&0x1F)<<6 | rune(key[i+1]&0x3F)
			} else {
				r, size = utf8.DecodeRune(key[i:])
			}
			if !IsWordChar(r) {
				break
			}
			s := lcgScript(r)
			if s != noScript {
				n[s]++
			}
			cls := noScript
			if s == grek && isLCGLead(c) {
				cls = grek
			}
			adj = adj || cls != noScript && prev != noScript && prev != cls
			prev = cls
			i += size
		}
		we := i
		if we == ws {
			_, size := utf8.DecodeRune(key[i:])
			i += size
			continue
		}
		m, ok := majority(n)
		if !ok || !adj {
			continue
		}
		if orig == nil {
			return key, nil, true
		}
		for p := ws; p < we; {
			r, size := utf8.DecodeRune(key[p:])
			s := lcgScript(r)
			if s == noScript || s == m {
				p += size
				continue
			}
			tk := keyLookalike(t, src, key[p:p+size], orig, p, r, m)
			if tk == "" {
				p += size
				continue
			}
			if out == nil {
				out = make([]byte, 0, len(key))
				outOrig = make([]int, 0, len(orig))
			}
			out = append(out, key[done:p]...)
			outOrig = append(outOrig, orig[done:p]...)
			out = append(out, tk...)
			for range len(tk) {
				outOrig = append(outOrig, orig[p])
			}
			p += size
			done = p
		}
	}
	if out == nil {
		return key, orig, false
	}
	out = append(out, key[done:]...)
	outOrig = append(outOrig, orig[done:]...)
	return out, outOrig, true
}

// keyLookalike returns the key form of the look-alike in script m of the key
// letter r (bytes kr at key offset p), or "" if there is none.
func keyLookalike(t *table, src string, kr []byte, orig []int, p int, r rune, m int) string {
	la := rune(0)
	if orig[p] < len(src) {
		c, _ := utf8.DecodeRuneInString(src[orig[p]:])
		if c != r {
			if e, out := t.lookup(c); (e.kind == kMap && out == string(kr)) || e.kind == kSame && string(c) == string(kr) {
				la = lookalikeIn(c, m)
			}
		}
	}
	if la == 0 {
		la = lookalikeIn(r, m)
	}
	if la == 0 {
		return ""
	}
	e, out := t.lookup(la)
	if e.kind == kSame {
		out = string(la)
	} else if e.kind != kMap {
		return ""
	}
	if lr, size := utf8.DecodeRuneInString(out); size != len(out) || lcgScript(lr) != m {
		return ""
	}
	return out
}

func isASCIIWord(c byte) bool {
	return isASCIILetter(c) || '0' <= c && c <= '9'
}

// SkeletonIn returns word with every Latin, Cyrillic and Greek letter
// replaced by its look-alike in script ("Latn", "Cyrl" or "Grek"), and
// whether that succeeded and changed something: ok is false when a letter
// has no look-alike there or belongs to another script. It detects
// whole-script confusables such as an all-Cyrillic "ІЅІЅ" in English text,
// which [Key] deliberately leaves alone (it cannot tell them from a Russian
// word); the caller decides from context whether to believe it.
func SkeletonIn(word, script string) (string, bool) {
	to := noScript
	switch script {
	case "Latn":
		to = latn
	case "Cyrl":
		to = cyrl
	case "Grek":
		to = grek
	}
	if to == noScript {
		return word, false
	}
	var b strings.Builder
	changed := false
	for _, r := range word {
		s := lcgScript(r)
		switch {
		case s == to:
		case s != noScript:
			t := lookalikeIn(r, to)
			if t == 0 {
				return word, false
			}
			r, changed = t, true
		case unicode.IsLetter(r):
			return word, false
		}
		b.WriteRune(r)
	}
	if !changed {
		return word, false
	}
	return b.String(), true
}
