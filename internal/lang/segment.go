package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// run is a stretch of one script inside a paragraph: the words of that script
// and whatever neutral characters lie between them.
// The same type serves as a group of runs while a paragraph is cut, and as
// the resulting piece (a span with one script) while languages are chosen.
type run struct {
	sc          script
	start, end  int // bytes: first letter of the first word, end of the last word
	words, lets int // words and letters of the run's own script
	hasKana     bool
	first, last int    // for groups: the indexes of the runs they hold
	lang        string // chosen language, "" while undecided
	detected    bool   // lang came from the detector, not from context
	// neutralPiece marks a paragraph without letters, which takes the
	// language and script of its neighbour.
	neutralPiece bool
}

// Segments splits text into language/script segments: contiguous, sorted,
// non-overlapping, each trimmed of surrounding whitespace, together covering
// all non-whitespace text. A segment may span many paragraphs. Text without
// letters gives one segment with lang "und" and script Zyyy.
func (d *Detector) Segments(text string) []doc.Segment {
	var pieces []run
	for _, p := range paragraphs(text) {
		pieces = append(pieces, d.splitParagraph(text, p)...)
	}
	if len(pieces) == 0 {
		return nil
	}
	// Only runs long enough to be trusted are detected up front; the
	// detector's cost is mostly per call, so short runs are detected later,
	// and only when their context leaves the choice open.
	for i := range pieces {
		if pieces[i].words >= d.cfg.SwitchWords {
			d.detect(text, &pieces[i])
		}
	}
	d.smooth(text, pieces)
	return mergePieces(pieces)
}

// paragraphs returns the trimmed spans of blank-line separated paragraphs.
func paragraphs(text string) []doc.Span {
	var out []doc.Span
	start := -1 // start of the current paragraph's first non-blank line
	end := 0    // end of its last non-blank line
	for pos := 0; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		next := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
			next = lineEnd + 1
		}
		if strings.TrimSpace(text[pos:lineEnd]) == "" {
			if start >= 0 {
				out = append(out, trimSpan(text, start, end))
				start = -1
			}
		} else {
			if start < 0 {
				start = pos
			}
			end = lineEnd
		}
		pos = next
	}
	if start >= 0 {
		out = append(out, trimSpan(text, start, end))
	}
	return out
}

// trimSpan trims Unicode whitespace from both ends of text[start:end].
func trimSpan(text string, start, end int) doc.Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return doc.Span{Start: start, End: end}
}

// scriptRuns finds the words of p and groups consecutive words of the same
// script into runs.
func scriptRuns(text string, p doc.Span) []run {
	var runs []run
	var cur script // script of the open word, scriptNone if none
	for i := p.Start; i < p.End; {
		r, n := utf8.DecodeRuneInString(text[i:p.End])
		s := scriptOf(r)
		switch {
		case s != scriptNone:
			if s != cur {
				// A new word starts.
				if len(runs) == 0 || runs[len(runs)-1].sc != s {
					runs = append(runs, run{sc: s, start: i})
				}
				runs[len(runs)-1].words++
				cur = s
			}
			last := &runs[len(runs)-1]
			last.end = i + n
			last.lets++
			if s == "Hani" && isKana(r) {
				last.hasKana = true
			}
		case cur != scriptNone && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
			runs[len(runs)-1].end = i + n // a mark continues its word
		case cur != scriptNone && isJoiner(r, cur) && i+n < p.End:
			nr, _ := utf8.DecodeRuneInString(text[i+n : p.End])
			if scriptOf(nr) != cur {
				cur = scriptNone
			}
		default:
			cur = scriptNone
		}
		i += n
	}
	return runs
}

// splitParagraph cuts one paragraph into script runs. Runs of fewer than
// MinWords words join their neighbours, so Latin digits in an Arabic byline or
// a Latin name at the end of an Arabic sentence never split it; a run with the
// other script on both sides needs more than MinWords words, so a name of up
// to MinWords words inside a sentence does not split it either.
func (d *Detector) splitParagraph(text string, p doc.Span) []run {
	runs := scriptRuns(text, p)
	if len(runs) == 0 {
		return []run{{sc: scriptNone, start: p.Start, end: p.End, neutralPiece: true}}
	}
	var groups []run
	for i, r := range runs {
		need := d.cfg.MinWords
		if i > 0 && i+1 < len(runs) && runs[i-1].sc == runs[i+1].sc {
			// Embedded in a sentence of another script, up to MinWords
			// words are a name ("Human Rights Watch"), not a language run.
			need++
		}
		if r.words < need {
			continue
		}
		if n := len(groups); n > 0 && groups[n-1].sc == r.sc {
			groups[n-1].last = i
			continue
		}
		first := i
		lo := 0
		if n := len(groups); n > 0 {
			lo = groups[n-1].last + 1
		}
		for first > lo && runs[first-1].sc == r.sc {
			first--
		}
		groups = append(groups, run{sc: r.sc, first: first, last: i})
	}
	if len(groups) == 0 {
		// Only short runs: the paragraph takes the script with most letters.
		lets := map[script]int{}
		best := runs[0].sc
		for _, r := range runs {
			lets[r.sc] += r.lets
			if lets[r.sc] > lets[best] {
				best = r.sc
			}
		}
		groups = []run{{sc: best, first: 0, last: len(runs) - 1}}
	}
	groups[0].first = 0
	for g := range groups {
		if g+1 < len(groups) {
			groups[g].last = groups[g+1].first - 1
		} else {
			groups[g].last = len(runs) - 1
		}
	}
	// Cut between groups inside the neutral gap that separates them.
	out := make([]run, len(groups))
	start := p.Start
	for g, gr := range groups {
		end := p.End
		if g+1 < len(groups) {
			end = cutGap(text, runs[gr.last].end, runs[groups[g+1].first].start)
		}
		sp := trimSpan(text, start, end)
		pc := run{sc: gr.sc, start: sp.Start, end: sp.End}
		for _, r := range runs[gr.first : gr.last+1] {
			if r.sc == gr.sc {
				pc.words += r.words
				pc.lets += r.lets
				pc.hasKana = pc.hasKana || r.hasKana
			}
		}
		if pc.sc == "Hani" && pc.hasKana {
			pc.sc = "Jpan"
		}
		out[g] = pc
		start = end
	}
	return out
}

// cutGap chooses where text[a:b], the neutral characters between two runs,
// is cut: after its last whitespace, or else before the opening quotes and
// brackets that lead into the second run ("organization.هجوم" cuts after the
// full stop).
func cutGap(text string, a, b int) int {
	if i := strings.LastIndexFunc(text[a:b], unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(text[a+i:])
		return a + i + n
	}
	cut := b
	for cut > a {
		r, n := utf8.DecodeLastRuneInString(text[a:cut])
		if !isOpener(r) {
			break
		}
		cut -= n
	}
	return cut
}

// isOpener reports opening quotes and brackets.
func isOpener(r rune) bool {
	return unicode.In(r, unicode.Ps, unicode.Pi) || r == '"' || r == '\'' || r == '„' || r == '“'
}

// detect sets the language of a run long enough to be judged.
func (d *Detector) detect(text string, pc *run) {
	if pc.neutralPiece || pc.words < d.cfg.MinWords {
		return
	}
	sample := text[pc.start:pc.end]
	if len(sample) > d.cfg.MaxSample {
		cut := d.cfg.MaxSample
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	pc.lang = d.detectSample(pc.sc, sample)
	pc.detected = pc.lang != ""
}

// detectSample names the language of sample, written in script sc, or ""
// when none of the configured languages fits.
func (d *Detector) detectSample(sc script, sample string) string {
	switch sc {
	case "Jpan":
		return d.ifAllowed("ja")
	case "Hani":
		return d.ifAllowed("zh")
	case scriptArabic:
		if l := d.arabicLetters(sample); l != "" {
			return l
		}
	}
	info := whatlanggo.DetectWithOptions(sample, d.wl)
	if info.Lang < 0 {
		return ""
	}
	return d.ifAllowed(info.Lang.Iso6391())
}

func (d *Detector) ifAllowed(l string) string {
	if d.allowed[l] {
		return l
	}
	return ""
}

// arabicLetters scores the Arabic-script languages by their telling letters
// and returns the best one, or "" when the evidence is too thin (fewer than
// two points) or tied.
func (d *Detector) arabicLetters(sample string) string {
	score := map[string]int{}
	for _, r := range sample {
		for _, lw := range d.letters[r] {
			score[lw.lang] += lw.weight
		}
	}
	best, second := "", 0
	for _, l := range append(arabicScriptLangs, "ku") {
		switch s := score[l]; {
		case best == "" || s > score[best]:
			if best != "" {
				second = score[best]
			}
			best = l
		case s > second:
			second = s
		}
	}
	if score[best] < 2 || score[best] == second {
		return ""
	}
	return best
}

// smooth gives every run a language: short or doubtful runs take the
// language of the long runs of the same script around them; neutral
// paragraphs join their neighbour.
func (d *Detector) smooth(text string, pcs []run) {
	anchor := func(p *run) bool { return p.detected && p.words >= d.cfg.SwitchWords }
	prev := make([]string, len(pcs))
	next := make([]string, len(pcs))
	last := map[script]string{}
	for i := range pcs {
		prev[i] = last[pcs[i].sc]
		if anchor(&pcs[i]) {
			last[pcs[i].sc] = pcs[i].lang
		}
	}
	clear(last)
	for i := len(pcs) - 1; i >= 0; i-- {
		next[i] = last[pcs[i].sc]
		if anchor(&pcs[i]) {
			last[pcs[i].sc] = pcs[i].lang
		}
	}
	orphans := map[script][]int{} // runs of a script with no long run at all
	for i := range pcs {
		p := &pcs[i]
		if p.neutralPiece || anchor(p) {
			continue
		}
		a, b := prev[i], next[i]
		switch {
		case a == "" && b == "":
			orphans[p.sc] = append(orphans[p.sc], i)
		case a == "":
			p.lang = b
		case b == "" || a == b:
			p.lang = a
		default:
			// The long runs around it disagree: a run long enough to judge
			// picks between them, anything else follows the one before.
			d.detect(text, p)
			if p.lang != b {
				p.lang = a
			}
		}
	}
	for sc, idx := range orphans {
		// No run of this script is long enough to trust alone: judge them
		// together.
		var sb strings.Builder
		for _, i := range idx {
			if sb.Len() >= d.cfg.MaxSample {
				break
			}
			sb.WriteString(text[pcs[i].start:pcs[i].end])
			sb.WriteByte('\n')
		}
		l := d.detectSample(sc, sb.String())
		for _, i := range idx {
			pcs[i].lang = l
		}
	}
	for i := range pcs {
		if pcs[i].lang == "" && !pcs[i].neutralPiece {
			pcs[i].lang = "und"
		}
	}
	// Neutral paragraphs (numbers, dashes) join the run before them, or the
	// first run after them.
	for i := range pcs {
		if !pcs[i].neutralPiece {
			continue
		}
		if i > 0 && !pcs[i-1].neutralPiece {
			pcs[i].sc, pcs[i].lang = pcs[i-1].sc, pcs[i-1].lang
			pcs[i].neutralPiece = false
		}
	}
	for i := len(pcs) - 1; i >= 0; i-- {
		if !pcs[i].neutralPiece {
			continue
		}
		if i+1 < len(pcs) && !pcs[i+1].neutralPiece {
			pcs[i].sc, pcs[i].lang = pcs[i+1].sc, pcs[i+1].lang
		} else {
			pcs[i].sc, pcs[i].lang = scriptCommon, "und"
		}
		pcs[i].neutralPiece = false
	}
}

// mergePieces joins neighbouring runs with the same language and script.
func mergePieces(pcs []run) []doc.Segment {
	var out []doc.Segment
	for _, p := range pcs {
		if p.start >= p.end {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Lang == p.lang && out[n-1].Script == string(p.sc) {
			out[n-1].End = p.end
			continue
		}
		out = append(out, doc.Segment{Start: p.start, End: p.end, Lang: p.lang, Script: string(p.sc)})
	}
	return out
}
