package extract

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// CleanConfig tunes the clean-up. Every threshold trades recall of furniture
// (captions, comment forms, slugs) against the risk of deleting article text;
// DefaultCleanConfig gives values that keep headings and short labels safe.
// A zero field means "use the default", so callers may set only what they
// change; a negative field is an error.
type CleanConfig struct {
	// MinSpliceBytes and MinSpliceWords: a line must be at least this long to
	// be looked for inside other lines. Short lines ("Foto: AFP", a heading)
	// recur inside paragraphs by chance, a 5-word caption of 30 bytes does not.
	MinSpliceBytes int
	MinSpliceWords int
	// MaxSpliceBytes bounds the lines that can be spliced captions. Captions
	// and pull quotes are short; bounding them keeps the search linear in
	// practice and stops a whole paragraph quoted inside a longer one (a real
	// quotation) from being cut.
	MaxSpliceBytes int
	// MinDuplicateBytes and MinDuplicateWords: a repeated line is removed only
	// when it has at least this many bytes or this many words, so repeated
	// section headings ("Conclusies") and separators ("***") stay.
	MinDuplicateBytes int
	MinDuplicateWords int
	// MinSlugParts is the fewest hyphen-joined parts a token needs to be taken
	// for a URL slug. Four keeps "state-of-the-art" safe only by context
	// (a slug must be glued, alone or foreign-script), so do not lower it.
	MinSlugParts int
	// MaxBoilerplateBytes is the longest line that is tested against prefix
	// and contains phrases in the trailing block; a longer line is article
	// text even when it starts with "Share".
	MaxBoilerplateBytes int
	// MaxSeparatorRunes is the longest line without letters or digits ("*",
	// "—", "* * *") that counts as a separator inside trailing boilerplate.
	MaxSeparatorRunes int
}

// DefaultCleanConfig returns the thresholds tuned on the seed articles and the
// fixtures under testdata/clean.
func DefaultCleanConfig() CleanConfig {
	return CleanConfig{
		MinSpliceBytes:      30,
		MinSpliceWords:      5,
		MaxSpliceBytes:      600,
		MinDuplicateBytes:   20,
		MinDuplicateWords:   3,
		MinSlugParts:        4,
		MaxBoilerplateBytes: 500,
		MaxSeparatorRunes:   8,
	}
}

// withDefaults fills zero fields and rejects negative ones.
func (cfg CleanConfig) withDefaults() (CleanConfig, error) {
	def := DefaultCleanConfig()
	fields := []struct {
		name string
		v    *int
		def  int
	}{
		{"MinSpliceBytes", &cfg.MinSpliceBytes, def.MinSpliceBytes},
		{"MinSpliceWords", &cfg.MinSpliceWords, def.MinSpliceWords},
		{"MaxSpliceBytes", &cfg.MaxSpliceBytes, def.MaxSpliceBytes},
		{"MinDuplicateBytes", &cfg.MinDuplicateBytes, def.MinDuplicateBytes},
		{"MinDuplicateWords", &cfg.MinDuplicateWords, def.MinDuplicateWords},
		{"MinSlugParts", &cfg.MinSlugParts, def.MinSlugParts},
		{"MaxBoilerplateBytes", &cfg.MaxBoilerplateBytes, def.MaxBoilerplateBytes},
		{"MaxSeparatorRunes", &cfg.MaxSeparatorRunes, def.MaxSeparatorRunes},
	}
	for _, f := range fields {
		switch {
		case *f.v < 0:
			return cfg, fmt.Errorf("extract: clean config: %s is %d, must not be negative", f.name, *f.v)
		case *f.v == 0:
			*f.v = f.def
		}
	}
	if cfg.MaxSpliceBytes < cfg.MinSpliceBytes {
		return cfg, fmt.Errorf("extract: clean config: MaxSpliceBytes %d below MinSpliceBytes %d", cfg.MaxSpliceBytes, cfg.MinSpliceBytes)
	}
	return cfg, nil
}

// ErrNoLexicon is returned by NewCleaner without a lexicon: the clean-up's
// phrase tables come from it, and cleaning without them would silently keep
// every comment form.
var ErrNoLexicon = errors.New("extract: no lexicon")

// Cleaner removes furniture from extracted article text: URL slugs,
// boilerplate lines, duplicated lines and captions, and captions spliced into
// sentences. It is built once, because compiling the phrase tables of every
// language is the costly part, and it is read-only afterwards, so one Cleaner
// is safe for concurrent use by many goroutines.
type Cleaner struct {
	cfg      CleanConfig
	bp       bpTable
	captions captionTable
}

// NewCleaner compiles the boilerplate phrases (list "boilerplate") and
// caption labels (list "caption_labels") of every language in lex.
func NewCleaner(lex *lexicon.Lexicon, cfg CleanConfig) (*Cleaner, error) {
	if lex == nil {
		return nil, ErrNoLexicon
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	bp, err := compileBoilerplate(lex.All("boilerplate"))
	if err != nil {
		return nil, err
	}
	caps, err := compileCaptions(lex.All("caption_labels"))
	if err != nil {
		return nil, err
	}
	return &Cleaner{cfg: cfg, bp: bp, captions: caps}, nil
}

// Clean returns the cleaned text and every removal, in order of position.
// Removal.RawAt is the byte offset in the input text, Removal.At the byte
// offset in the cleaned output where the removed piece stood.
//
// The passes run in this order, each on the previous one's output:
//  1. line endings to "\n", invalid UTF-8 to U+FFFD (ingest normally did
//     that already);
//  2. URL slugs glued to a title or alone on a line (boilerplate);
//  3. boilerplate: the trailing block of comment-form, share, related,
//     newsletter, cookie and copyright lines, and exact-match lines anywhere;
//  4. lines repeating an earlier line, and captions ("Pic: …") repeating the
//     title or an earlier sentence (duplicate);
//  5. captions spliced into a longer paragraph, cut out and the halves
//     joined (splice), or pull quotes whose standalone copy goes (duplicate);
//  6. runs of blank lines collapsed to one, blank lines at both ends dropped.
//
// Steps 1 and 6 and the spaces around a cut are whitespace-level and not
// recorded. Everything else that disappears is a Removal whose Text is
// exactly what was cut; when the input is valid UTF-8,
// text[RawAt:RawAt+len(Text)] == Text. Text that is neither in the output nor
// in a Removal is whitespace only.
func (c *Cleaner) Clean(text string) (string, []doc.Removal) {
	r := &cleanRun{c: c}
	s := r.normalize(text)
	endNL := strings.HasSuffix(s, "\n")
	s = r.apply(s, c.slugEdits(s))
	s = r.apply(s, c.boilerplateEdits(s, r))
	s = r.apply(s, c.duplicateEdits(s))
	s = r.apply(s, c.spliceEdits(s))
	s = r.apply(s, tidyEdits(s, endNL))
	return s, r.removals()
}

// textEdit replaces s[start:end] of one pass's input by repl. When kind is set,
// the edit records a removal of s[textStart:textEnd]; whitespace-only edits
// (the tidy pass, spaces around a cut) leave kind empty.
type textEdit struct {
	start, end         int
	repl               string
	kind, reason       string
	textStart, textEnd int
}

// editSpan is one changed region of a pass: in[inStart:inEnd] became
// out[outStart:outEnd].
type editSpan struct{ inStart, inEnd, outStart, outEnd int }

// offsetMap is the sorted list of a pass's changed regions, enough to map a
// byte offset forwards (input → output) and backwards (output → input).
type offsetMap []editSpan

func (m offsetMap) forward(p int) int {
	i, _ := slices.BinarySearchFunc(m, p, func(sp editSpan, p int) int {
		if sp.inStart <= p {
			return -1
		}
		return 1
	})
	if i == 0 {
		return p
	}
	sp := m[i-1]
	if p < sp.inEnd {
		return sp.outStart
	}
	return sp.outEnd + p - sp.inEnd
}

func (m offsetMap) backward(q int) int {
	i, _ := slices.BinarySearchFunc(m, q, func(sp editSpan, q int) int {
		if sp.outStart <= q {
			return -1
		}
		return 1
	})
	if i == 0 {
		return q
	}
	sp := m[i-1]
	if q < sp.outEnd {
		return min(sp.inStart+q-sp.outStart, sp.inEnd)
	}
	return sp.inEnd + q - sp.outEnd
}

// pending is a removal found in pass `pass`: in is the offset of its text in
// that pass's input, out the offset in that pass's output (after the space
// that replaced the whitespace before it, if any).
type pending struct {
	kind, text, reason string
	pass, in, out      int
}

// cleanRun is the state of one Clean call; keeping it off the Cleaner is what
// makes the Cleaner safe for concurrent use.
type cleanRun struct {
	c    *Cleaner
	maps []offsetMap
	rm   []pending
	buf  []byte // scratch for folding
}

// normalize is pass 0: line endings to "\n", invalid UTF-8 to U+FFFD.
func (r *cleanRun) normalize(text string) string {
	if !strings.ContainsRune(text, '\r') && utf8.ValidString(text) {
		r.maps = append(r.maps, nil)
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	var m offsetMap
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\r':
			n := 1
			if i+1 < len(text) && text[i+1] == '\n' {
				n = 2
				m = append(m, editSpan{i, i + 2, b.Len(), b.Len() + 1})
			}
			b.WriteByte('\n')
			i += n
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		default:
			rn, size := utf8.DecodeRuneInString(text[i:])
			if rn != utf8.RuneError || size > 1 {
				b.WriteString(text[i : i+size])
				i += size
				continue
			}
			j := i + 1
			for j < len(text) {
				rn, size := utf8.DecodeRuneInString(text[j:])
				if rn != utf8.RuneError || size > 1 {
					break
				}
				j++
			}
			m = append(m, editSpan{i, j, b.Len(), b.Len() + len("\uFFFD")})
			b.WriteString("\uFFFD")
			i = j
		}
	}
	r.maps = append(r.maps, m)
	return b.String()
}

// apply runs one pass's edits over s. Edits are sorted by start; an edit
// overlapping an earlier one is dropped with its removal, so the earlier
// (outer) cut wins and nothing is recorded twice.
func (r *cleanRun) apply(s string, edits []textEdit) string {
	pass := len(r.maps)
	if len(edits) == 0 {
		r.maps = append(r.maps, nil)
		return s
	}
	slices.SortStableFunc(edits, func(a, b textEdit) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	var b strings.Builder
	b.Grow(len(s))
	m := make(offsetMap, 0, len(edits))
	pos := 0
	for _, e := range edits {
		if e.start < pos || e.end < e.start || e.end > len(s) {
			continue
		}
		b.WriteString(s[pos:e.start])
		out := b.Len()
		b.WriteString(e.repl)
		m = append(m, editSpan{e.start, e.end, out, b.Len()})
		if e.kind != "" && e.textEnd > e.textStart {
			r.rm = append(r.rm, pending{
				kind: e.kind, text: s[e.textStart:e.textEnd], reason: e.reason,
				pass: pass, in: e.textStart, out: out + min(len(e.repl), e.textStart-e.start),
			})
		}
		pos = e.end
	}
	b.WriteString(s[pos:])
	r.maps = append(r.maps, m)
	return b.String()
}

// removals maps every pending removal to raw and final offsets.
func (r *cleanRun) removals() []doc.Removal {
	if len(r.rm) == 0 {
		return nil
	}
	out := make([]doc.Removal, 0, len(r.rm))
	for _, p := range r.rm {
		raw := p.in
		for k := p.pass - 1; k >= 0; k-- {
			raw = r.maps[k].backward(raw)
		}
		pos := p.out
		for k := p.pass + 1; k < len(r.maps); k++ {
			pos = r.maps[k].forward(pos)
		}
		out = append(out, doc.Removal{Kind: p.kind, Text: p.text, At: pos, RawAt: raw, Reason: p.reason})
	}
	slices.SortStableFunc(out, func(a, b doc.Removal) int {
		return cmp.Or(cmp.Compare(a.RawAt, b.RawAt), cmp.Compare(a.At, b.At))
	})
	return out
}

// textLine is one line of a pass's input: s[start:end] without its "\n", and
// s[a:b] the same with surrounding whitespace trimmed (a == b when blank).
type textLine struct{ start, end, a, b int }

func splitTextLines(s string) []textLine {
	out := make([]textLine, 0, strings.Count(s, "\n")+1)
	for start := 0; start <= len(s); {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		a, b := trimBounds(s, start, end)
		out = append(out, textLine{start, end, a, b})
		start = end + 1
	}
	return out
}

// trimBounds returns the bounds of s[start:end] without surrounding
// whitespace.
func trimBounds(s string, start, end int) (int, int) {
	t := s[start:end]
	lt := strings.TrimLeftFunc(t, unicode.IsSpace)
	a := start + len(t) - len(lt)
	b := a + len(strings.TrimRightFunc(lt, unicode.IsSpace))
	return a, b
}

// removeTextLine is the edit that deletes a whole line's content; the empty line
// it leaves is collapsed by the tidy pass without being recorded.
func removeTextLine(l textLine, kind, reason string) textEdit {
	return textEdit{start: l.start, end: l.end, kind: kind, reason: reason, textStart: l.a, textEnd: l.b}
}

// tidyEdits collapses runs of blank lines to one blank line, drops blank
// lines at the start and end, and ends the text with "\n" exactly when the
// input did.
func tidyEdits(s string, endNL bool) []textEdit {
	var edits []textEdit
	prev := -1 // end of the previous non-blank line
	for _, l := range splitTextLines(s) {
		if l.a == l.b {
			continue
		}
		switch {
		case prev < 0:
			if l.start > 0 {
				edits = append(edits, textEdit{start: 0, end: l.start})
			}
		default:
			gap := s[prev:l.start]
			if strings.Count(gap, "\n") >= 2 && gap != "\n\n" {
				edits = append(edits, textEdit{start: prev, end: l.start, repl: "\n\n"})
			}
		}
		prev = l.end
	}
	if prev < 0 {
		if len(s) > 0 {
			edits = append(edits, textEdit{start: 0, end: len(s)})
		}
		return edits
	}
	want := ""
	if endNL {
		want = "\n"
	}
	if s[prev:] != want {
		edits = append(edits, textEdit{start: prev, end: len(s), repl: want})
	}
	return edits
}
