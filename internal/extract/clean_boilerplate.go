package extract

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// matchMode says how a boilerplate phrase matches a line; it is the value
// after the tab in boilerplate.txt.
type matchMode uint8

const (
	// modeExact ("exact", the default): the folded line equals the phrase.
	// Such a line is removed anywhere in the text ("Share this:" between
	// two paragraphs is furniture wherever it stands).
	modeExact matchMode = iota
	// modeEnd ("end"): the folded line equals the phrase, but only inside the
	// trailing boilerplate block; for form labels like "Website" or "Name *"
	// that could be a heading mid-article.
	modeEnd
	// modePrefix ("prefix"): the folded line starts with the phrase at a word
	// boundary; trailing block only, never mid-article.
	modePrefix
	// modeContains ("contains"): the folded line contains the phrase at word
	// boundaries ("© 2024 X. All rights reserved."); trailing block only.
	modeContains
)

var modeNames = map[string]matchMode{
	"": modeExact, "exact": modeExact, "end": modeEnd, "prefix": modePrefix, "contains": modeContains,
}

func (m matchMode) String() string {
	for k, v := range modeNames {
		if v == m && k != "" {
			return k
		}
	}
	return "?"
}

// bpRule is one compiled boilerplate phrase.
type bpRule struct {
	phrase string // folded
	lang   string
	mode   matchMode
}

// bpTable is the compiled phrase table of every language.
type bpTable struct {
	whole    map[string]bpRule // exact and end phrases by folded text
	maxWhole int               // longest folded whole-line phrase, bytes
	partial  []bpRule          // prefix and contains phrases
}

func compileBoilerplate(entries []lexicon.Entry) (bpTable, error) {
	bp := bpTable{whole: map[string]bpRule{}}
	for _, e := range entries {
		mode, ok := modeNames[strings.ToLower(e.Value)]
		if !ok {
			return bp, fmt.Errorf("extract: lexicon %s/boilerplate: %q: unknown match mode %q (want exact, end, prefix or contains)", e.Lang, e.Text, e.Value)
		}
		phrase := string(foldPhrase(nil, e.Text))
		if phrase == "" {
			return bp, fmt.Errorf("extract: lexicon %s/boilerplate: %q has no letters after folding", e.Lang, e.Text)
		}
		r := bpRule{phrase: phrase, lang: e.Lang, mode: mode}
		switch mode {
		case modeExact, modeEnd:
			// The same phrase may be listed by two languages with different
			// modes; the one that matches anywhere wins.
			if old, ok := bp.whole[phrase]; !ok || old.mode == modeEnd && mode == modeExact {
				bp.whole[phrase] = r
			}
			bp.maxWhole = max(bp.maxWhole, len(phrase))
		default:
			bp.partial = append(bp.partial, r)
		}
	}
	return bp, nil
}

// match finds the rule a folded line matches; inTrailer allows the modes
// that are only trusted at the end of the text.
func (bp *bpTable) match(f string, inTrailer bool) (bpRule, bool) {
	if r, ok := bp.whole[f]; ok && (r.mode == modeExact || inTrailer) {
		return r, true
	}
	if !inTrailer {
		return bpRule{}, false
	}
	for _, r := range bp.partial {
		switch r.mode {
		case modePrefix:
			if strings.HasPrefix(f, r.phrase) && wordEnd(f, len(r.phrase)) {
				return r, true
			}
		case modeContains:
			for from := 0; from < len(f); {
				i := strings.Index(f[from:], r.phrase)
				if i < 0 {
					break
				}
				i += from
				if wordStart(f, i) && wordEnd(f, i+len(r.phrase)) {
					return r, true
				}
				_, n := utf8.DecodeRuneInString(f[i:])
				from = i + n
			}
		}
	}
	return bpRule{}, false
}

// wordEnd reports whether f[:i] ends at a word boundary.
func wordEnd(f string, i int) bool {
	if i >= len(f) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f[i:])
	return !isWordRune(r)
}

// wordStart reports whether f[i:] starts at a word boundary.
func wordStart(f string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(f[:i])
	return !isWordRune(r)
}

func (bp *bpTable) reason(r bpRule) string {
	return fmt.Sprintf("boilerplate %q (%s, %s)", r.phrase, r.lang, r.mode)
}

// boilerplateEdits removes boilerplate lines. From the end of the text it
// walks backwards over lines that are boilerplate, blank or separators and
// removes that trailing block when it holds at least one boilerplate line.
// Before the block, only exact-mode lines go: a prefix match mid-article
// ("Follow the money, he said…") is too likely to be prose.
func (c *Cleaner) boilerplateEdits(s string, r *cleanRun) []textEdit {
	lines := splitTextLines(s)
	var edits []textEdit
	// Trailing block.
	top := len(lines)
	found := false
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l.a == l.b {
			top = i
			continue
		}
		content := s[l.a:l.b]
		if c.isSeparator(content) {
			top = i
			continue
		}
		if l.b-l.a > c.cfg.MaxBoilerplateBytes {
			break
		}
		r.buf = foldPhrase(r.buf[:0], content)
		if _, ok := c.bp.match(string(r.buf), true); !ok {
			break
		}
		top = i
		found = true
	}
	if found {
		for _, l := range lines[top:] {
			if l.a == l.b {
				continue
			}
			if c.isSeparator(s[l.a:l.b]) {
				edits = append(edits, removeTextLine(l, doc.RemovedBoilerplate, "separator in trailing boilerplate"))
				continue
			}
			r.buf = foldPhrase(r.buf[:0], s[l.a:l.b])
			rule, _ := c.bp.match(string(r.buf), true)
			edits = append(edits, removeTextLine(l, doc.RemovedBoilerplate, c.bp.reason(rule)+" at the end"))
		}
	} else {
		top = len(lines)
	}
	// Exact lines anywhere before the block. Folding only drops marks,
	// hyphens, spaces and edge punctuation, so a line far longer than the
	// longest phrase cannot match; skip it without folding.
	limit := 3*c.bp.maxWhole + 16
	for _, l := range lines[:top] {
		if l.a == l.b || l.b-l.a > limit {
			continue
		}
		r.buf = foldPhrase(r.buf[:0], s[l.a:l.b])
		if rule, ok := c.bp.match(string(r.buf), false); ok {
			edits = append(edits, removeTextLine(l, doc.RemovedBoilerplate, c.bp.reason(rule)))
		}
	}
	return edits
}

// isSeparator reports a short line without letters or digits ("*", "—",
// "* * *", "~~~").
func (c *Cleaner) isSeparator(content string) bool {
	if utf8.RuneCountInString(content) > c.cfg.MaxSeparatorRunes {
		return false
	}
	for _, r := range content {
		if isWordRune(r) {
			return false
		}
	}
	return true
}
