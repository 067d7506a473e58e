package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// captionLabel is one compiled caption label ("Pic:" → base "Pic", colon).
type captionLabel struct {
	base  string
	colon bool
}

// captionTable holds the labels by their lower-cased first rune, so a line
// is compared only with the few labels that can match it.
type captionTable map[rune][]captionLabel

func compileCaptions(entries []lexicon.Entry) (captionTable, error) {
	out := captionTable{}
	for _, e := range entries {
		t := strings.TrimSpace(e.Text)
		base := strings.TrimRight(t, ":： ")
		if base == "" {
			return nil, fmt.Errorf("extract: lexicon %s/caption_labels: %q is only punctuation", e.Lang, e.Text)
		}
		r, _ := utf8.DecodeRuneInString(base)
		k := unicode.ToLower(r)
		out[k] = append(out[k], captionLabel{base: base, colon: base != t})
	}
	return out, nil
}

// captionRest returns what follows a caption label at the start of content
// ("Pic: The attack" → "The attack"). The label compares case-insensitively;
// a label listed with a colon needs one (before or after spaces, so the
// Arabic "صورة :" matches), a label without needs a word boundary.
func (c *Cleaner) captionRest(content string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(content)
	for _, lb := range c.captions[unicode.ToLower(r)] {
		if len(content) <= len(lb.base) || !strings.EqualFold(content[:len(lb.base)], lb.base) {
			continue
		}
		rest := strings.TrimLeftFunc(content[len(lb.base):], unicode.IsSpace)
		switch {
		case lb.colon:
			r, n := utf8.DecodeRuneInString(rest)
			if r != ':' && r != '：' {
				continue
			}
			rest = rest[n:]
		default:
			if r, _ := utf8.DecodeRuneInString(content[len(lb.base):]); isWordRune(r) {
				continue
			}
		}
		rest = strings.TrimSpace(rest)
		if rest != "" {
			return rest, true
		}
	}
	return "", false
}

// dupKey is the comparison key of a line: whitespace collapsed, a final full
// stop dropped (a caption repeats its sentence without it).
func dupKey(content string) string {
	k := collapseSpace(content)
	return strings.TrimRightFunc(k, func(r rune) bool { return r == '.' || r == '。' || r == '۔' || unicode.IsSpace(r) })
}

func (c *Cleaner) dupEligible(key string) bool {
	return len(key) >= c.cfg.MinDuplicateBytes || countWords(key, c.cfg.MinDuplicateWords) >= c.cfg.MinDuplicateWords
}

// duplicateEdits removes a line that repeats an earlier line, and a caption
// whose text after its label ("Pic: …", "Foto: …") repeats an earlier line
// such as the title. The first occurrence stays: it is the one in place.
func (c *Cleaner) duplicateEdits(s string) []textEdit {
	lines := splitTextLines(s)
	seen := make(map[string]struct{}, len(lines))
	var edits []textEdit
	scans := 0
	for li, l := range lines {
		if l.a == l.b {
			continue
		}
		content := s[l.a:l.b]
		key := dupKey(content)
		ok := c.dupEligible(key)
		if ok {
			if _, dup := seen[key]; dup {
				edits = append(edits, removeTextLine(l, doc.RemovedDuplicate, "repeats an earlier line"))
				continue
			}
		}
		if rest, isCap := c.captionRest(content); isCap {
			if rk := dupKey(rest); c.dupEligible(rk) {
				scans++
				if _, dup := seen[rk]; dup {
					edits = append(edits, removeTextLine(l, doc.RemovedDuplicate, "caption repeats an earlier line"))
					continue
				}
				if scans < maxSentenceScans && repeatsSentence(s, lines[:li], rk) {
					edits = append(edits, removeTextLine(l, doc.RemovedDuplicate, "caption repeats a sentence of an earlier paragraph"))
					continue
				}
			}
		}
		if ok {
			seen[key] = struct{}{}
		}
	}
	return edits
}

// maxSentenceScans bounds how many caption lines of one document are looked
// for inside earlier paragraphs; each look scans the text before it, and a
// page of a thousand captions should not cost a million scans.
const maxSentenceScans = 64

// repeatsSentence reports whether sentence occurs inside one of the earlier
// lines at clean sentence or clause boundaries: a caption that repeats the
// lede's first sentence ("Bild: Die Stadt … ausgerufen"). Only caption lines
// are checked, so the scan stays cheap.
func repeatsSentence(s string, earlier []textLine, sentence string) bool {
	for _, l := range earlier {
		for from := l.a; from < l.b; {
			k := strings.Index(s[from:l.b], sentence)
			if k < 0 {
				break
			}
			i := from + k
			j := i + len(sentence)
			_, how := spliceCut(s, l, i, j, 0)
			if how == occPullQuote {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// spliceCand is a line short enough to be a caption or pull quote.
type spliceCand struct {
	text string
	idx  int // index of its line
}

// Rabin–Karp parameters for the splice search.
const (
	rkBase       = 16777619
	rkWindow     = 16 // bytes hashed per position; at most MinSpliceBytes
	rkFilterBits = 14
	// rkMaxBucket bounds the candidates sharing one window hash (lines that
	// all start with the same 16 bytes); more are not searched, which keeps
	// hostile input from turning each hash hit into thousands of compares.
	rkMaxBucket = 16
)

// spliceEdits finds a short line P (a caption) that also occurs inside a
// longer line Q. Glued to Q's letters or digits, P was pasted into Q by the
// scraper: it is cut out of Q and the halves joined ("ISIS-ge"+"vangenen" →
// "ISIS-gevangenen"), the standalone P stays. At clean boundaries, Q is the
// real text and the standalone P is a pull quote: it is removed as a
// duplicate, unless it is the first line (the title often repeats in the
// lede and stays).
//
// The search is one Rabin–Karp pass over the text with the first bytes of
// every candidate hashed, so it costs O(text) plus a verification per real
// hash hit, not O(lines² × length).
func (c *Cleaner) spliceEdits(s string) []textEdit {
	lines := splitTextLines(s)
	first := -1
	var cands []spliceCand
	minLen := len(s) + 1
	have := map[string]bool{}
	for i, l := range lines {
		if l.a == l.b {
			continue
		}
		if first < 0 {
			first = i
		}
		n := l.b - l.a
		if n < c.cfg.MinSpliceBytes || n > c.cfg.MaxSpliceBytes {
			continue
		}
		t := s[l.a:l.b]
		if have[t] || countWords(t, c.cfg.MinSpliceWords) < c.cfg.MinSpliceWords {
			continue
		}
		have[t] = true
		cands = append(cands, spliceCand{text: t, idx: i})
		minLen = min(minLen, n)
	}
	if len(cands) == 0 {
		return nil
	}
	w := min(rkWindow, c.cfg.MinSpliceBytes)
	var pow uint32 = 1
	for range w {
		pow *= rkBase
	}
	var filter [1 << rkFilterBits / 64]uint64
	index := make(map[uint32][]int32, len(cands))
	for i, cd := range cands {
		h := rkHash(cd.text[:w])
		filter[rkSlot(h)/64] |= 1 << (rkSlot(h) % 64)
		if len(index[h]) < rkMaxBucket {
			index[h] = append(index[h], int32(i))
		}
	}
	var edits []textEdit
	pulled := make(map[int]bool)
	for qi, q := range lines {
		if q.b-q.a <= minLen {
			continue
		}
		covered := q.a // hits before this offset overlap an earlier hit in q
		h := rkHash(s[q.a : q.a+w])
		for i := q.a; ; i++ {
			if slot := rkSlot(h); filter[slot/64]&(1<<(slot%64)) != 0 && i >= covered {
				for _, ci := range index[h] {
					p := cands[ci]
					j := i + len(p.text)
					if p.idx == qi || j > q.b || q.b-q.a <= len(p.text) || s[i:j] != p.text {
						continue
					}
					covered = j
					switch e, how := spliceCut(s, q, i, j, c.cfg.MinSpliceWords); how {
					case occSplice:
						e.reason = "caption spliced into a longer paragraph"
						edits = append(edits, e)
					case occPullQuote:
						if p.idx != first && !pulled[p.idx] {
							pulled[p.idx] = true
							edits = append(edits, removeTextLine(lines[p.idx], doc.RemovedDuplicate, "pull quote repeated inside a longer paragraph"))
						}
					}
					break
				}
			}
			if i+w >= q.b {
				break
			}
			h = h*rkBase + uint32(s[i+w]) - pow*uint32(s[i])
		}
	}
	return edits
}

func rkHash(s string) uint32 {
	var h uint32
	for i := 0; i < len(s); i++ {
		h = h*rkBase + uint32(s[i])
	}
	return h
}

func rkSlot(h uint32) uint32 { return (h * 0x9E3779B1) >> (32 - rkFilterBits) }

// occurrence says what an occurrence of a short line inside a longer one is.
type occurrence uint8

const (
	// occUnclear: spaces on both sides but mid-sentence. It may be a caption
	// pasted between two words or a quoted fragment; cutting real text is
	// worse than keeping a caption twice, so nothing is removed.
	occUnclear occurrence = iota
	// occSplice: glued to a letter or digit on at least one side.
	occSplice
	// occPullQuote: at clean sentence or clause boundaries on both sides.
	occPullQuote
)

// spliceCut classifies s[i:j], an occurrence of a short line inside line q;
// a splice must leave at least minRest words of q.
// For a splice it also returns the edit that cuts the occurrence out with
// the spaces around it and joins the halves: without a space when the
// caption split a word, with one space when it stood between words.
func spliceCut(s string, q textLine, i, j, minRest int) (textEdit, occurrence) {
	var lc, rc rune = -1, -1
	if i > q.start {
		lc, _ = utf8.DecodeLastRuneInString(s[q.start:i])
	}
	if j < q.end {
		rc, _ = utf8.DecodeRuneInString(s[j:q.end])
	}
	a, b := i, j
	for a > q.start {
		r, n := utf8.DecodeLastRuneInString(s[q.start:a])
		if !unicode.IsSpace(r) {
			break
		}
		a -= n
	}
	for b < q.end {
		r, n := utf8.DecodeRuneInString(s[b:q.end])
		if !unicode.IsSpace(r) {
			break
		}
		b += n
	}
	if !(lc >= 0 && isWordRune(lc)) && !(rc >= 0 && isWordRune(rc)) {
		if cleanBefore(s, q, a) && cleanAfter(s, q, i, j, b) {
			return textEdit{}, occPullQuote
		}
		return textEdit{}, occUnclear
	}
	// A number continued ("… on 1" inside "… on 10 March") or a line that
	// is the caption plus a scrap is not a caption pasted into prose.
	pf, _ := utf8.DecodeRuneInString(s[i:j])
	pl, _ := utf8.DecodeLastRuneInString(s[i:j])
	if unicode.IsDigit(lc) && unicode.IsDigit(pf) || unicode.IsDigit(rc) && unicode.IsDigit(pl) {
		return textEdit{}, occUnclear
	}
	if countWords(s[q.start:i], minRest)+countWords(s[j:q.end], minRest) < minRest {
		return textEdit{}, occUnclear
	}
	e := textEdit{start: a, end: b, kind: doc.RemovedSplice, textStart: i, textEnd: j}
	if a == q.start || b == q.end {
		return e, occSplice // at the line's edge nothing needs joining
	}
	spaced := a < i || b > j
	lc, _ = utf8.DecodeLastRuneInString(s[q.start:a])
	rc, _ = utf8.DecodeRuneInString(s[b:q.end])
	switch {
	case isClosingPunct(rc) || isOpeningPunct(lc):
	case !spaced && (isHyphen(lc) || isHyphen(rc)):
	case !spaced && isWordRune(lc) && isWordRune(rc) && !(unicode.IsLower(lc) && unicode.IsUpper(rc)):
		// Mid-word: "ISIS-ge" + "vangenen". A lower-case letter followed by a
		// capital is two words glued ("gevangenisDe") and gets a space.
	default:
		e.repl = " "
	}
	return e, occSplice
}

// cleanBefore reports whether the text before offset a (spaces already
// skipped) ends a sentence or clause or opens a quotation.
func cleanBefore(s string, q textLine, a int) bool {
	if a == q.start {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[q.start:a])
	return isSentencePunct(r) || isOpeningPunct(r) || isDash(r)
}

// cleanAfter reports whether the occurrence s[i:j] is followed, at b (after
// spaces), by the end of the line, closing punctuation, or, when the
// occurrence ends its own sentence, by the next sentence.
func cleanAfter(s string, q textLine, i, j, b int) bool {
	if b == q.end {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(s[b:q.end]); isClosingPunct(r) || r == '"' || r == '\'' || isDash(r) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s[i:j])
	return b > j && (last == '.' || last == '!' || last == '?' || last == '…' || last == '؟' || last == '۔')
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '/' }

func isClosingPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '”', '’', '»', '…', '،', '؛', '؟', '۔':
		return true
	}
	return false
}

func isOpeningPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '“', '‘', '«', '„':
		return true
	}
	return false
}
