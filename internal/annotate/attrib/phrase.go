package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Token is one word of a span with what the finders need to know about it:
// its matching key (textnorm), its byte range in the document text, and how
// it was written. Matching on keys makes cue lists robust to case,
// diacritics, Arabic letter forms and tashkeel, while the flags keep the
// casing evidence that keys throw away.
type Token struct {
	Key        string // textnorm key of the word
	Start, End int    // byte offsets in Document.Text
	Cap        bool   // first letter upper case
	Acronym    bool   // two or more letters, all upper case ("SDF", "ISIS")
	Initial    bool   // first word of the span, or after an opening quote or colon
	Arabic     bool   // written in Arabic script (no case: names come from lists and mentions)
}

// Tokenize splits text[span] into word tokens with document offsets. It
// never fails: an out-of-range span is clamped and may yield no tokens.
func Tokenize(text string, span doc.Span) []Token {
	s, e := clampSpan(text, span)
	if s >= e {
		return nil
	}
	src := text[s:e]
	f := textnorm.Fold(src)
	words := textnorm.Words(f.Key)
	toks := make([]Token, 0, len(words))
	prevEnd := 0
	for i, w := range words {
		a, b := f.Span(w.Start, w.End)
		if a >= b {
			continue
		}
		t := Token{Key: w.Text, Start: s + a, End: s + b}
		if k := elision(src[a:b]); k > 0 {
			// French/Italian elision: "l'AFP" is the name "AFP".
			if key := textnorm.Key(src[a+k : b]); key != "" && !strings.ContainsRune(key, ' ') {
				t.Key, t.Start, a = key, s+a+k, a+k
			}
		}
		r, _ := utf8.DecodeRuneInString(src[a:])
		t.Cap = unicode.IsUpper(r)
		t.Arabic = unicode.Is(unicode.Arabic, r)
		t.Acronym = acronym(src[a:b])
		// One source character can fold to several words (a ligature, a
		// compatibility form), so word spans may share source bytes.
		gap := ""
		if a > prevEnd {
			gap = src[prevEnd:a]
		}
		t.Initial = i == 0 || strings.ContainsAny(gap, "“\"«„:(") || strings.Contains(gap, ". ")
		toks = append(toks, t)
		prevEnd = b
	}
	return toks
}

// elision returns the byte length of an elided article or pronoun with its
// apostrophe at the start of word ("l'", "d’", "qu'"), 0 if there is none.
func elision(word string) int {
	for i, r := range word {
		if r == '\'' || r == '’' {
			if i == 0 || i > 2 {
				return 0
			}
			k := i + utf8.RuneLen(r)
			if k >= len(word) {
				return 0
			}
			return k
		}
		if !unicode.IsLetter(r) || r >= utf8.RuneSelf || i > 2 {
			return 0
		}
	}
	return 0
}

func acronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

func clampSpan(text string, span doc.Span) (int, int) {
	s, e := span.Start, span.End
	s = min(max(s, 0), len(text))
	e = min(max(e, s), len(text))
	for s < e && !utf8.RuneStart(text[s]) {
		s++
	}
	for e > s && e < len(text) && !utf8.RuneStart(text[e]) {
		e--
	}
	return s, e
}

// phrase is one compiled list entry: its words as keys and its value.
type phrase struct {
	words  []string
	gap    int // index in words after which up to maxGap other words may stand; 0 for none
	value  string
	suffix bool // "*word": matches any word that ends in word
}

// Phrases is a compiled word list, indexed by first word, that matches
// entries against a token stream. Build it with CompilePhrases; it is
// read-only afterwards and safe for concurrent use.
type Phrases struct {
	first    map[string][]phrase
	suffixes []phrase
}

// CompilePhrases compiles lexicon entries. Each entry's text is folded with
// textnorm and split into words; a leading "*" makes a one-word suffix entry.
func CompilePhrases(entries ...[]lexicon.Entry) *Phrases {
	p := &Phrases{first: map[string][]phrase{}}
	for _, es := range entries {
		for _, e := range es {
			p.add(e.Text, e.Value)
		}
	}
	return p
}

func (p *Phrases) add(text, value string) {
	suffix := strings.HasPrefix(text, "*")
	text = strings.TrimPrefix(text, "*")
	ph := phrase{value: value, suffix: suffix}
	for k, part := range strings.SplitN(strings.ReplaceAll(text, "...", "…"), "…", 2) {
		if k == 1 {
			ph.gap = len(ph.words)
		}
		for _, w := range textnorm.Words(textnorm.Key(part)) {
			ph.words = append(ph.words, w.Text)
		}
	}
	if len(ph.words) == 0 || ph.gap >= len(ph.words) {
		return
	}
	if suffix {
		ph.words = ph.words[len(ph.words)-1:]
		p.suffixes = append(p.suffixes, ph)
		return
	}
	p.first[ph.words[0]] = append(p.first[ph.words[0]], ph)
}

// Match finds the longest entry that starts at toks[i] and returns the
// number of tokens it covers and its value; n is 0 when nothing matches.
// A word written with an Arabic proclitic و or ف also matches ("وقال"
// matches "قال").
func (p *Phrases) Match(toks []Token, i int) (n int, value string) {
	if p == nil || i < 0 || i >= len(toks) {
		return 0, ""
	}
	try := func(first string) {
		for _, ph := range p.first[first] {
			if m := ph.match(toks, i); m > n {
				n, value = m, ph.value
			}
		}
	}
	k := toks[i].Key
	try(k)
	if toks[i].Arabic && n == 0 {
		if rest, ok := stripProclitic(k); ok {
			try(rest)
		}
	}
	if n == 0 {
		for _, ph := range p.suffixes {
			w := ph.words[0]
			if len(k) > len(w)+2 && strings.HasSuffix(k, w) {
				return 1, ph.value
			}
		}
	}
	return n, value
}

// maxGap is how many words a discontinuous entry ("waaruit … bleek") may
// leave between its parts.
const maxGap = 8

// match returns how many tokens ph covers at toks[i] (the first word is
// already known to match), 0 if it does not match.
func (ph phrase) match(toks []Token, i int) int {
	head := ph.words
	if ph.gap > 0 {
		head = ph.words[:ph.gap]
	}
	if i+len(head) > len(toks) {
		return 0
	}
	for k := 1; k < len(head); k++ {
		if toks[i+k].Key != head[k] {
			return 0
		}
	}
	if ph.gap == 0 {
		return len(head)
	}
	tail := ph.words[ph.gap:]
	for j := i + len(head); j <= min(i+len(head)+maxGap, len(toks)-len(tail)); j++ {
		ok := true
		for k, w := range tail {
			if toks[j+k].Key != w {
				ok = false
				break
			}
		}
		if ok {
			return j + len(tail) - i
		}
	}
	return 0
}

// Has reports whether the entry list holds a one-or-more-word entry at i
// with the given value.
func (p *Phrases) Has(toks []Token, i int, value string) bool {
	n, v := p.Match(toks, i)
	return n > 0 && v == value
}

// stripProclitic removes a leading Arabic conjunction و or ف from a key.
func stripProclitic(k string) (string, bool) {
	for _, pre := range []string{"و", "ف"} {
		if strings.HasPrefix(k, pre) && utf8.RuneCountInString(k) > 3 {
			return k[len(pre):], true
		}
	}
	return "", false
}
