package hostile

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Stage is the "unicode" warnings stage. It has no configuration and no
// state, so one Stage serves every worker.
type Stage struct{}

// New returns the stage. It runs after language detection, which it reads
// only to judge whole-word look-alikes (an all-Cyrillic "ІЅІЅ" is suspect
// in a Latin-script segment, and ordinary in a Russian one).
func New() *Stage { return &Stage{} }

// Name identifies the stage in pipeline errors and timings.
func (*Stage) Name() string { return "unicode" }

// Apply adds the warnings of [Scan] to d.Warnings. Warnings of its four
// kinds from an earlier run are replaced, so running it twice is harmless;
// other warnings (ingest's invalid_utf8, nul) are kept. The text is never
// changed.
func (*Stage) Apply(ctx context.Context, d *doc.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	kept := make([]doc.Warning, 0, len(d.Warnings))
	for _, w := range d.Warnings {
		if !isOwnKind(w.Kind) {
			kept = append(kept, w)
		}
	}
	d.Warnings = append(kept, Scan(d.Text, d.Segments)...)
	return nil
}

func isOwnKind(k string) bool {
	return k == doc.WarnBidi || k == doc.WarnInvisible || k == doc.WarnMixedScript || k == doc.WarnConfusable
}

// HasBidi reports whether the document's text holds a bidi control
// character, for callers that refuse such input (claimtrace analyze
// --strict-unicode). It reads the text itself, so it does not depend on
// the stage having run.
func HasBidi(d *doc.Document) bool {
	return d != nil && strings.ContainsFunc(d.Text, IsBidi)
}

// IsBidi reports whether r is a bidi control: an embedding, override or
// isolate (U+202A–U+202E, U+2066–U+2069) or an implicit mark (LRM U+200E,
// RLM U+200F, ALM U+061C).
func IsBidi(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200E || r == 0x200F || r == 0x061C
}

// Scan returns the warnings for text, ordered by start offset. segs are the
// language stage's segments (nil is fine: whole-word look-alikes are then
// not judged). It never changes or panics on its input; invalid UTF-8 is
// skipped.
func Scan(text string, segs []doc.Segment) []doc.Warning {
	if isASCII(text) {
		return nil // no controls, no invisible characters, only Latin letters
	}
	ws := scanBidi(text, nil)
	ws = scanWords(text, segs, ws)
	slices.SortStableFunc(ws, func(a, b doc.Warning) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return kindRank(a.Kind) - kindRank(b.Kind)
	})
	return ws
}

func kindRank(k string) int {
	switch k {
	case doc.WarnBidi:
		return 0
	case doc.WarnInvisible:
		return 1
	case doc.WarnMixedScript:
		return 2
	}
	return 3
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cp writes a code point the way warnings list them: "U+202E".
func cp(r rune) string { return fmt.Sprintf("U+%04X", r) }

// bidiNames are the Unicode abbreviations of the bidi controls.
var bidiNames = map[rune]string{
	0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
	0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM",
}

// isParagraphEnd reports whether r ends a bidi paragraph (or, for the
// Trojan Source check, a line): embeddings and isolates end there.
func isParagraphEnd(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x1C || r == 0x1D || r == 0x1E || r == 0x85 || r == 0x2029 || r == 0x2028
}

// scanBidi appends one bidi_control warning per run of adjacent controls.
// An embedding, override or isolate still open at the end of its line is
// noted in the Detail of the warning that opened it: that is how Trojan
// Source reorders what follows.
func scanBidi(text string, ws []doc.Warning) []doc.Warning {
	type open struct {
		w       int  // index in ws of the run that opened it
		isolate bool // LRI RLI FSI, closed by PDI; else closed by PDF
	}
	var stack []open
	unclosed := map[int]bool{}
	endLine := func() {
		for _, o := range stack {
			unclosed[o.w] = true
		}
		stack = stack[:0]
	}
	run := -1 // index in ws of the current run, -1 outside one
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			run = -1
			if c == '\n' || c == '\r' || c == 0x1C || c == 0x1D || c == 0x1E {
				endLine()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !IsBidi(r) {
			run = -1
			if isParagraphEnd(r) {
				endLine()
			}
			i += size
			continue
		}
		if run < 0 {
			ws = append(ws, doc.Warning{Kind: doc.WarnBidi, Start: i})
			run = len(ws) - 1
		}
		w := &ws[run]
		w.End = i + size
		w.Codepoints = append(w.Codepoints, cp(r))
		if w.Detail != "" {
			w.Detail += " "
		}
		w.Detail += bidiNames[r]
		switch {
		case r >= 0x202A && r <= 0x202E && r != 0x202C:
			stack = append(stack, open{w: run})
		case r >= 0x2066 && r <= 0x2068:
			stack = append(stack, open{w: run, isolate: true})
		case r == 0x202C: // PDF closes the innermost embedding, not past an isolate
			if n := len(stack); n > 0 && !stack[n-1].isolate {
				stack = stack[:n-1]
			}
		case r == 0x2069: // PDI closes the innermost isolate and what it holds
			for n := len(stack); n > 0; n-- {
				if stack[n-1].isolate {
					stack = stack[:n-1]
					break
				}
				stack = stack[:n-1]
			}
		}
		i += size
	}
	endLine()
	for k := range unclosed {
		ws[k].Detail += "; left open at end of line"
	}
	return ws
}

// wordish reports whether r continues a word for this stage: a word
// character of any script (textnorm.IsWordChar: letters, digits, marks,
// ZWNJ, ZWJ) or an invisible format character, so that "Da\u200Beѕh" is
// one word.
func wordish(r rune) bool {
	return textnorm.IsWordChar(r) || unicode.Is(unicode.Cf, r)
}

// mixable are the scripts whose mixing inside one word is never
// orthography; a word with letters of two of them is mixed_script.
var mixable = []string{"Latn", "Cyrl", "Grek", "Arab", "Hebr", "Armn", "Geor"}

// scanWords appends the invisible, mixed_script and confusable warnings of
// every word of text.
func scanWords(text string, segs []doc.Segment, ws []doc.Warning) []doc.Warning {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError || !wordish(r) {
			i += size
			continue
		}
		start := i
		nonASCII := false
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError || !wordish(r) {
				break
			}
			if r >= utf8.RuneSelf {
				nonASCII = true
			}
			i += size
		}
		if nonASCII {
			ws = checkWord(text, start, i, segs, ws)
		}
	}
	return ws
}

// checkWord appends the warnings for the word text[start:end].
func checkWord(text string, start, end int, segs []doc.Segment, ws []doc.Warning) []doc.Warning {
	var inv []rune
	var counts [7]int // letters per mixable script
	letters := 0
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if invisible(text, i, r, size) {
			inv = append(inv, r)
		}
		if unicode.IsLetter(r) {
			letters++
			if k := slices.Index(mixable, textnorm.Script(r)); k >= 0 {
				counts[k]++
			}
		}
		i += size
	}
	if len(inv) > 0 {
		w := doc.Warning{Kind: doc.WarnInvisible, Start: start, End: end}
		names := make([]string, 0, len(inv))
		for _, r := range inv {
			w.Codepoints = append(w.Codepoints, cp(r))
			if n := invisibleName(r); !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
		w.Detail = strings.Join(names, ", ")
		ws = append(ws, w)
	}

	// The word without invisible characters at its edges, for the
	// mixed-script and look-alike warnings.
	ts, te := start, end
	for ts < te {
		r, size := utf8.DecodeRuneInString(text[ts:te])
		if !unicode.Is(unicode.Cf, r) {
			break
		}
		ts += size
	}
	for te > ts {
		r, size := utf8.DecodeLastRuneInString(text[ts:te])
		if !unicode.Is(unicode.Cf, r) {
			break
		}
		te -= size
	}
	word := text[ts:te]

	nScripts, major := 0, -1
	for k, n := range counts {
		if n > 0 {
			nScripts++
			if major < 0 || n > counts[major] {
				major = k
			}
		}
	}
	if nScripts >= 2 {
		w := doc.Warning{Kind: doc.WarnMixedScript, Start: ts, End: te}
		var names []string
		for k, n := range counts {
			if n > 0 {
				names = append(names, mixable[k])
			}
		}
		for _, r := range word {
			if unicode.IsLetter(r) {
				if k := slices.Index(mixable, textnorm.Script(r)); k >= 0 && k != major {
					w.Codepoints = append(w.Codepoints, cp(r))
				}
			}
		}
		w.Detail = "scripts: " + strings.Join(names, " ")
		ws = append(ws, w)
		if sk, ok := textnorm.Skeleton(word); ok {
			ws = append(ws, confusable(word, sk, ts, te, ""))
		}
		return ws
	}
	// A whole word of Cyrillic or Greek look-alikes in Latin-script text.
	if nScripts == 1 && letters >= 2 && (counts[1] == letters || counts[2] == letters) &&
		hasUpper(word) && segmentScript(segs, ts) == "Latn" {
		if sk, ok := textnorm.SkeletonIn(word, "Latn"); ok {
			ws = append(ws, confusable(word, sk, ts, te, "; every letter is a look-alike in Latin-script text"))
		}
	}
	return ws
}

// confusable builds the confusable warning for word (at [start,end)) and
// its skeleton sk: the code points that differ, and the skeleton without
// invisible characters in Detail.
func confusable(word, sk string, start, end int, note string) doc.Warning {
	w := doc.Warning{Kind: doc.WarnConfusable, Start: start, End: end}
	a, b := []rune(word), []rune(sk)
	for k := range min(len(a), len(b)) {
		if a[k] != b[k] {
			w.Codepoints = append(w.Codepoints, cp(a[k]))
		}
	}
	clean := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, sk)
	w.Detail = "skeleton: " + clean + note
	return w
}

func hasUpper(s string) bool {
	return strings.ContainsFunc(s, unicode.IsUpper)
}

// segmentScript returns the script of the segment holding offset at, or "".
func segmentScript(segs []doc.Segment, at int) string {
	for _, s := range segs {
		if s.Start <= at && at < s.End {
			return s.Script
		}
	}
	return ""
}
