package claim

import (
	"strings"
	"unicode"

	"github.com/claimtrace/claimtrace/internal/annotate/attrib"
	"github.com/claimtrace/claimtrace/internal/doc"
)

// Feature names. A claim's Features map holds the ones that fired, each
// with the weight it added to the score, so every score can be explained.
//
//	feature           default  fires when the claim …
//	base               +0.25   always (every asserting sentence starts here)
//	has_number         +0.20   holds a quantity (or digits when no quantity layer exists)
//	has_date           +0.10   holds a time expression (or a year / month name)
//	named_actor        +0.15   names a person, organisation, place or outlet
//	accusation_verb    +0.15   uses an accusation verb or noun (accusation_verbs.txt)
//	anonymous_source   +0.10   rests on an anonymous source
//	attributed         +0.10   is attributed to someone other than the author
//	hedged             +0.05   carries a hedge (still worth checking: it is half-said)
//	causal_cue         +0.10   asserts a causal link (claim_cues.txt "causal")
//	opinion_marker     −0.20   holds an opinion marker (opinion_markers.txt)
//	question           −0.40   is a question
//	short              −0.25   has fewer than Config.ShortWords words
//	first_person       −0.10   is the unattributed writer speaking ("we", "ik")
//	promo              −0.40   asks to follow, share, subscribe, or holds a handle or URL
//	bio                −0.40   is an author biography
//	boilerplate        −0.50   is a credit line, byline or comment-form text
const (
	FeatBase        = "base"
	FeatNumber      = "has_number"
	FeatDate        = "has_date"
	FeatNamedActor  = "named_actor"
	FeatAccusation  = "accusation_verb"
	FeatAnonymous   = "anonymous_source"
	FeatAttributed  = "attributed"
	FeatHedged      = "hedged"
	FeatCausal      = "causal_cue"
	FeatOpinion     = "opinion_marker"
	FeatQuestion    = "question"
	FeatShort       = "short"
	FeatFirstPerson = "first_person"
	FeatPromo       = "promo"
	FeatBio         = "bio"
	FeatBoilerplate = "boilerplate"
)

// DefaultWeights returns the feature table above. The weights were set by
// hand and checked on the seed articles: a sentence with a number and a
// named actor lands near 0.6, an attributed accusation near 0.75, an
// unsourced opinion below the default MinScore.
func DefaultWeights() map[string]float64 {
	return map[string]float64{
		FeatBase:        0.25,
		FeatNumber:      0.20,
		FeatDate:        0.10,
		FeatNamedActor:  0.15,
		FeatAccusation:  0.15,
		FeatAnonymous:   0.10,
		FeatAttributed:  0.10,
		FeatHedged:      0.05,
		FeatCausal:      0.10,
		FeatOpinion:     -0.20,
		FeatQuestion:    -0.40,
		FeatShort:       -0.25,
		FeatFirstPerson: -0.10,
		FeatPromo:       -0.40,
		FeatBio:         -0.40,
		FeatBoilerplate: -0.50,
	}
}

// Claim kinds.
const (
	KindFact       = "fact"
	KindAccusation = "accusation"
	KindCausal     = "causal"
	KindNumber     = "number"
	KindPrediction = "prediction"
	KindOpinion    = "opinion"
	// KindQuestion marks a rhetorical question. It is not a claim: it is
	// emitted (when Config.EmitQuestions) only to carry Insinuation, and
	// consumers that count claims skip this kind.
	KindQuestion = "question"
)

// signals are what one claim span shows, before weighting.
type signals struct {
	fired   map[string]bool
	future  bool
	words   int
	ments   []int
	times   []int
	quants  []int
	insinua bool
}

// examine computes the signals of the claim span [s,e) with attribution res.
func (st *Stage) examine(d *doc.Document, s, e int, res attrib.Result, lang string) signals {
	sg := signals{fired: map[string]bool{FeatBase: true}}
	toks := attrib.Tokenize(d.Text, doc.Span{Start: s, End: e})
	sg.words = len(toks)
	t := st.tablesFor(lang)
	mf, mt := d.MentionRange(s, e)
	for i := mf; i < mt; i++ {
		m := d.Mentions[i]
		if m.Start < e && m.End > s {
			sg.ments = append(sg.ments, i)
			switch m.Type {
			case "PERSON", "ORG", "GPE", "OUTLET":
				sg.fired[FeatNamedActor] = true
			}
		}
	}
	tf, tt := d.TimeRange(s, e)
	for i := tf; i < tt; i++ {
		m := d.Times[i]
		if m.Start < e && m.End > s {
			sg.times = append(sg.times, i)
			sg.fired[FeatDate] = true
		}
	}
	qf, qt := d.QuantityRange(s, e)
	for i := qf; i < qt; i++ {
		m := d.Quantities[i]
		if m.Start < e && m.End > s {
			sg.quants = append(sg.quants, i)
			sg.fired[FeatNumber] = true
		}
	}
	for i, tk := range toks {
		if len(d.Quantities) == 0 && hasDigit(tk.Key) && !isYear(tk.Key) {
			sg.fired[FeatNumber] = true
		}
		if len(d.Times) == 0 && (isYear(tk.Key) || t.months[tk.Key]) {
			sg.fired[FeatDate] = true
		}
		if len(d.Mentions) == 0 && !tk.Arabic && (tk.Acronym || tk.Cap && !tk.Initial) {
			sg.fired[FeatNamedActor] = true
		}
		if n, _ := t.accusation.Match(toks, i); n > 0 {
			sg.fired[FeatAccusation] = true
		}
		if n, _ := t.opinion.Match(toks, i); n > 0 && !framesClause(t, toks, i+n) {
			sg.fired[FeatOpinion] = true
		}
		if n, v := t.cues.Match(toks, i); n > 0 {
			switch v {
			case "causal":
				sg.fired[FeatCausal] = true
			case "future":
				sg.future = true
			case "first_person":
				if !res.Attributed() {
					sg.fired[FeatFirstPerson] = true
				}
			case "promo":
				if i < 2 {
					sg.fired[FeatPromo] = true
				}
			case "bio":
				sg.fired[FeatBio] = true
			case "question":
				if i == 0 {
					sg.insinua = true
				}
			}
		}
	}
	txt := d.Text[s:e]
	if strings.Contains(txt, "@") || strings.Contains(txt, "http://") || strings.Contains(txt, "https://") {
		sg.fired[FeatPromo] = true
	}
	if a := d.Source.Author; a != nil && *a != "" && strings.HasPrefix(strings.TrimSpace(txt), *a) {
		sg.fired[FeatBio] = true
	}
	if st.boilerplate(txt, lang) {
		sg.fired[FeatBoilerplate] = true
	}
	trim := strings.TrimRightFunc(txt, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("\"”’»)", r) })
	if strings.HasSuffix(trim, "?") || strings.HasSuffix(trim, "؟") {
		sg.fired[FeatQuestion] = true
	}
	if sg.words < st.cfg.ShortWords {
		sg.fired[FeatShort] = true
	}
	if res.Attributed() {
		sg.fired[FeatAttributed] = true
		if res.Attribution.Type == attrib.Anonymous {
			sg.fired[FeatAnonymous] = true
		}
	}
	if res.Hedge != nil {
		sg.fired[FeatHedged] = true
	}
	return sg
}

// score weighs the fired features, clamps to [0,1] and returns the
// features with their weights.
func (st *Stage) score(sg signals) (float64, map[string]float64) {
	feats := make(map[string]float64, len(sg.fired))
	sum := 0.0
	for f := range sg.fired {
		w := st.cfg.Weights[f]
		feats[f] = w
		sum += w
	}
	return min(max(sum, 0), 1), feats
}

// kind names what sort of claim the signals describe.
func kind(sg signals) string {
	f := sg.fired
	switch {
	case f[FeatQuestion]:
		return KindQuestion
	case f[FeatOpinion] && !f[FeatNumber] && !f[FeatAccusation]:
		return KindOpinion
	case f[FeatAccusation]:
		return KindAccusation
	case f[FeatCausal]:
		return KindCausal
	case sg.future:
		return KindPrediction
	case f[FeatNumber]:
		return KindNumber
	}
	return KindFact
}

// framesClause reports whether a complementiser follows within two words:
// "we can clearly see that X" asserts X, it does not merely opine.
func framesClause(t *tables, toks []attrib.Token, j int) bool {
	for k := j; k < min(j+2, len(toks)); k++ {
		if t.report.Has(toks, k, "comp") {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func isYear(s string) bool {
	return len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) && hasOnlyDigits(s)
}

func hasOnlyDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
