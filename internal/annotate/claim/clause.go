package claim

import (
	"strings"

	"github.com/claimtrace/claimtrace/internal/annotate/attrib"
	"github.com/claimtrace/claimtrace/internal/doc"
)

// group is a run of clauses of one sentence said on the same word.
type group struct {
	start, end int
	res        attrib.Result
}

// groups cuts the sentence [s,e) into clauses and joins them into groups
// that share an attribution. A sentence becomes several claims only when its
// clauses have different sources: "200 were killed, while 800 escaped
// according to Amaq" is two claims (the author's, then Amaq's). A clause
// with no cue of its own after an attributed one stays in its group: it is
// still inside the reported speech.
func (st *Stage) groups(d *doc.Document, s, e int) []group {
	cuts := st.clauses(d, s, e)
	var out []group
	for k := 0; k+1 < len(cuts); k++ {
		cs, ce := cuts[k], cuts[k+1]
		cs, ce = trimSpan(d.Text, doc.Span{Start: cs, End: ce})
		if cs >= ce {
			continue
		}
		r := st.finder.Analyze(d, doc.Span{Start: cs, End: ce})
		if n := len(out); n > 0 {
			prev := &out[n-1]
			joins := !r.Attributed() && !r.Continues && !r.Pronoun
			if prev.res.Attributed() && (r.Continues || r.Pronoun) {
				joins = true // "…, adding that …"
			}
			if !prev.res.Attributed() && !r.Attributed() {
				joins = true
			}
			if joins {
				prev.end = ce
				if prev.res.Hedge == nil && r.Hedge != nil {
					prev.res.Hedge, prev.res.HedgeSpan = r.Hedge, r.HedgeSpan
				}
				if r.Introduces {
					prev.res.Introduces = true
				}
				continue
			}
		}
		out = append(out, group{start: cs, end: ce, res: r})
	}
	return out
}

// clauses returns the cut points of [s,e): s, the start of each clause
// that opens with a clause conjunction after a comma ("…, terwijl …",
// "…، بعد …") or with a quotation after a colon, and e.
func (st *Stage) clauses(d *doc.Document, s, e int) []int {
	cuts := []int{s}
	toks := attrib.Tokenize(d.Text, doc.Span{Start: s, End: e})
	t := st.tablesFor(attrib.LangAt(d, s))
	for i := 1; i < len(toks); i++ {
		gap := d.Text[toks[i-1].End:toks[i].Start]
		switch {
		case strings.ContainsAny(gap, ",،;") && t.cues.Has(toks, i, "clause"):
			cuts = append(cuts, toks[i].Start)
		case strings.Contains(gap, ":") && strings.ContainsAny(gap, "“\"«„"):
			cuts = append(cuts, toks[i-1].End+strings.Index(gap, ":")+1)
		}
	}
	return append(cuts, e)
}
