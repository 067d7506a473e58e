package claim

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/annotate/attrib"
	"github.com/claimtrace/claimtrace/internal/doc"
)

// build makes a document of paragraphs in one language, one sentence per
// line, as the language stage would leave it.
func build(lang string, lines ...string) *doc.Document {
	text := strings.Join(lines, "\n\n")
	d := doc.New(text)
	d.Segments = []doc.Segment{{Start: 0, End: len(text), Lang: lang, Script: "Latn"}}
	pos := 0
	for _, l := range lines {
		d.Sentences = append(d.Sentences, doc.Span{Start: pos, End: pos + len(l)})
		pos += len(l) + 2
	}
	return d
}

func apply(t *testing.T, d *doc.Document) {
	t.Helper()
	st, _ := testStage(t)
	if err := st.Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := doc.Check(d); err != nil {
		t.Fatal(err)
	}
}

// find returns the claim whose text starts with prefix.
func find(d *doc.Document, prefix string) *doc.Claim {
	for i := range d.Claims {
		if strings.HasPrefix(d.Claims[i].Text, prefix) {
			return &d.Claims[i]
		}
	}
	return nil
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name   string
		lang   string
		lines  []string
		prefix string // claim to check
		typ    string
		chain  int
		hedge  string
		kind   string
		absent bool // no claim may start with prefix
	}{
		{name: "en/number", lang: "en", lines: []string{"On 3 March the Northern Brigade shelled the market in Dolna, killing 27 civilians."},
			prefix: "On 3 March", typ: attrib.Author, kind: KindAccusation},
		{name: "en/quote carried after colon", lang: "en", lines: []string{"Maria Okonkwo, the governor of the province, wrote:", "The dam was opened without warning and 4,000 people lost their homes."},
			prefix: "The dam", typ: attrib.NamedPerson},
		{name: "en/bare introduction is no claim", lang: "en", lines: []string{"Maria Okonkwo, the governor of the province, wrote:", "The dam was opened without warning and 4,000 people lost their homes."},
			prefix: "Maria", absent: true},
		{name: "en/continuation", lang: "en", lines: []string{"A local source told the paper that 40 trucks crossed the border on Friday.", "Adding that the convoy was escorted by two helicopters from the base."},
			prefix: "Adding", typ: attrib.Anonymous},
		{name: "en/promo dropped", lang: "en", lines: []string{"Follow her on Twitter @someone or read her blog."}, prefix: "Follow", absent: true},
		{name: "en/question", lang: "en", lines: []string{"How did a truck full of explosives pass three checkpoints of the army?"},
			prefix: "How did", typ: attrib.Author, kind: KindQuestion},
		{name: "nl/two clauses two sources", lang: "nl", lines: []string{"Meer dan 30 mensen raakten gewond bij de rellen, terwijl naar verluidt 12 agenten werden ontvoerd volgens Zorion, het persbureau van de opstandelingen."},
			prefix: "Meer dan 30", typ: attrib.Author},
		{name: "nl/second clause", lang: "nl", lines: []string{"Meer dan 30 mensen raakten gewond bij de rellen, terwijl naar verluidt 12 agenten werden ontvoerd volgens Zorion, het persbureau van de opstandelingen."},
			prefix: "terwijl", typ: attrib.MediaOutlet, hedge: "naar verluidt"},
		{name: "nl/chain via carried outlet", lang: "nl", lines: []string{"Het Deense Kroon-kanaal heeft gemeld:", "Een Zweedse bron onthult dat er sinds januari 5 geheime vluchten zijn uitgevoerd."},
			prefix: "Een Zweedse", typ: attrib.MediaOutlet, chain: 1},
		{name: "nl/zouden", lang: "nl", lines: []string{"De smokkelaars zouden tot 900 euro per persoon vragen aan de grens bij Ter Apel."},
			prefix: "De smokkelaars", typ: attrib.Author, hedge: "zouden", kind: KindNumber},
		{name: "ar/anonymous", lang: "ar", lines: []string{"وأكد مصدر ميداني أنّ الطائرات نقلت 200 عنصر من السجن باتجاه الحدود"},
			prefix: "وأكد", typ: attrib.Anonymous},
		{name: "ar/hedged author", lang: "ar", lines: []string{"يشير ربما إلى تلقي الجماعة دعماً مدفعياً من القاعدة العسكرية القريبة"},
			prefix: "يشير", typ: attrib.Author, hedge: "ربما"},
		{name: "fr/selon", lang: "fr", lines: []string{"Selon le ministère de l'Intérieur, 1 200 personnes ont été interpellées samedi soir."},
			prefix: "Selon", typ: attrib.OfficialBody},
		{name: "de/laut", lang: "de", lines: []string{"Laut einem Bericht der Zeitung wurden im Januar 300 Soldaten an die Grenze verlegt."},
			prefix: "Laut", typ: attrib.MediaOutlet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := build(tc.lang, tc.lines...)
			apply(t, d)
			c := find(d, tc.prefix)
			if tc.absent {
				if c != nil {
					t.Fatalf("unexpected claim %+v", c)
				}
				return
			}
			if c == nil {
				t.Fatalf("no claim starting %q in %+v", tc.prefix, d.Claims)
			}
			if c.Attribution == nil || c.Attribution.Type != tc.typ {
				t.Errorf("attribution = %+v, want %s", c.Attribution, tc.typ)
			}
			if len(c.Chain) != tc.chain {
				t.Errorf("chain = %+v, want %d", c.Chain, tc.chain)
			}
			h := ""
			if c.Hedge != nil {
				h = *c.Hedge
			}
			if h != tc.hedge {
				t.Errorf("hedge = %q, want %q", h, tc.hedge)
			}
			if tc.kind != "" && c.Kind != tc.kind {
				t.Errorf("kind = %q, want %q", c.Kind, tc.kind)
			}
			if tc.kind == KindQuestion && !c.Insinuation {
				t.Errorf("question without insinuation")
			}
			if len(c.Features) == 0 {
				t.Errorf("no features")
			}
		})
	}
}

func TestScoreOrdering(t *testing.T) {
	d := build("en",
		"The Eastern Command said its units destroyed 14 tanks near Marinka on 2 May.",
		"Obviously this whole affair is shameful and sad.",
		"Nice.")
	apply(t, d)
	hi := find(d, "The Eastern Command")
	if hi == nil {
		t.Fatalf("number+actor claim missing: %+v", d.Claims)
	}
	if lo := find(d, "Obviously"); lo != nil && lo.Score >= hi.Score {
		t.Errorf("opinion %.2f scored ≥ number+actor %.2f", lo.Score, hi.Score)
	}
	if find(d, "Nice") != nil {
		t.Errorf("a one-word sentence became a claim")
	}
	if hi.Features[FeatNumber] == 0 || hi.Features[FeatNamedActor] == 0 || hi.Features[FeatAttributed] == 0 {
		t.Errorf("features = %v", hi.Features)
	}
}

func TestLayerIndices(t *testing.T) {
	d := build("en", "The Eastern Command said its units destroyed 14 tanks near Marinka on 2 May.")
	txt := d.Text
	add := func(s string) (int, int) { i := strings.Index(txt, s); return i, i + len(s) }
	s, e := add("Eastern Command")
	d.Mentions = []doc.Mention{{Start: s, End: e, Text: txt[s:e], Type: "ORG", Entity: doc.Str("ec")}}
	s, e = add("2 May")
	d.Times = []doc.Time{{Start: s, End: e, Text: txt[s:e], Value: "2022-05-02", Precision: "day"}}
	s, e = add("14")
	v := 14.0
	d.Quantities = []doc.Quantity{{Start: s, End: e, Text: txt[s:e], Value: &v}}
	apply(t, d)
	if len(d.Claims) != 1 {
		t.Fatalf("claims = %+v", d.Claims)
	}
	c := d.Claims[0]
	if len(c.Mentions) != 1 || len(c.Times) != 1 || len(c.Quantities) != 1 {
		t.Errorf("layers = %v %v %v", c.Mentions, c.Times, c.Quantities)
	}
	if c.Attribution.Entity == nil || *c.Attribution.Entity != "ec" {
		t.Errorf("attribution not linked: %+v", c.Attribution)
	}
}

func TestApplyEdgeCases(t *testing.T) {
	st, _ := testStage(t)
	if err := st.Apply(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	d := doc.New("no sentences here, said nobody 12 times\nsecond line by the ministry")
	if err := st.Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := doc.Check(d); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Apply(ctx, build("en", "One sentence with 3 numbers.")); err == nil {
		t.Error("cancelled context: no error")
	}
	if st.Name() != "claim" {
		t.Error(st.Name())
	}
}
