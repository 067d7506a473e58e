package kb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// testKB loads the fixtures: generated.jsonl as the generated layer,
// curated.yaml as the curated one.
func testKB(tb testing.TB) *KB {
	tb.Helper()
	k := newKB()
	for _, f := range []struct {
		name  string
		layer Layer
	}{{"generated.jsonl", LayerGenerated}, {"curated.yaml", LayerCurated}} {
		fh, err := os.Open(filepath.Join("testdata", f.name))
		if err != nil {
			tb.Fatal(err)
		}
		es, err := decodeFile(f.name, fh)
		fh.Close()
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range es {
			if err := k.add(&e, f.layer); err != nil {
				tb.Fatal(err)
			}
		}
	}
	return k
}

// testLists is a tiny stand-in for the lexicon's lists.
func testLists() *Lists {
	stop := func(ws ...string) map[string]bool {
		m := map[string]bool{}
		for _, w := range ws {
			m[w] = true
		}
		return m
	}
	return &Lists{
		Stop: map[string]map[string]bool{
			"en": stop("is", "the", "will", "door", "van", "in", "of", "a", "crisis", "us"),
			"nl": stop("is", "de", "van", "door", "op", "kan", "het", "een", "in"),
			"fr": stop("de", "la", "le", "est"),
		},
		Cues:     map[string][]string{"kanaal": {Outlet}, "militants": {Org}, "strijders": {Org}},
		Titles:   map[string]string{"woordvoerder": Person, "العميد": Person, "general": Person},
		OrgWords: map[string]bool{"forces": true, "army": true, "council": true},
	}
}

type want struct {
	text, id string
	fuzzy    bool
}

func seg(lang string, n int) []doc.Segment {
	return []doc.Segment{{Start: 0, End: n, Lang: lang, Script: "Latn"}}
}

func runCase(t *testing.T, m *Matcher, text, lang string, wants []want, absent []string) {
	t.Helper()
	ms := m.Mentions(text, seg(lang, len(text)))
	d := &doc.Document{Schema: doc.Schema, ID: doc.ID(text), Text: text, Mentions: ms}
	if err := doc.Check(d); err != nil {
		t.Fatalf("Check: %v", err)
	}
	got := map[string]doc.Mention{}
	for _, mn := range ms {
		got[mn.Text] = mn
	}
	for _, w := range wants {
		mn, ok := got[w.text]
		switch {
		case !ok:
			t.Errorf("%q: no mention %q; got %s", text, w.text, dump(ms))
		case w.id == "" && mn.Entity != nil:
			t.Errorf("%q: %q resolved to %s, want unknown", text, w.text, *mn.Entity)
		case w.id != "" && (mn.Entity == nil || *mn.Entity != w.id):
			t.Errorf("%q: %q → %v, want %s", text, w.text, idOf(mn), w.id)
		case mn.Fuzzy != w.fuzzy:
			t.Errorf("%q: %q fuzzy=%v, want %v", text, w.text, mn.Fuzzy, w.fuzzy)
		}
	}
	for _, a := range absent {
		for _, mn := range ms {
			if strings.Contains(mn.Text, a) || strings.Contains(a, mn.Text) && mn.Entity != nil {
				t.Errorf("%q: unexpected mention %q → %v", text, mn.Text, idOf(mn))
			}
		}
	}
}

func idOf(m doc.Mention) string {
	if m.Entity == nil {
		return "<unknown " + m.Type + ">"
	}
	return *m.Entity
}

func dump(ms []doc.Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("[" + m.Text + "→" + idOf(m) + "]")
	}
	return b.String()
}

func TestMentions(t *testing.T) {
	m := NewMatcher(testKB(t), testLists(), DefaultConfig())
	cases := []struct {
		name, lang, text string
		wants            []want
		absent           []string
	}{
		{"ar proclitics", "ar", "هاجم مسلحو داعش سجن الصناعة في الحسكة، وداعش يتبنى. وصلت التعزيزات بالحسكة وللحسكة والحسكة.",
			[]want{{"داعش", "ct:isis", false}, {"سجن الصناعة", "ct:ghuwayran-prison", false}, {"الحسكة", "gn:173811", false}, {"لحسكة", "gn:173811", false}}, nil},
		{"ar peeled outlet and army", "ar", "قال مراسل للميادين إن قسد هاجمت مواقع للجيش السوري.",
			[]want{{"لميادين", "ct:mayadeen", false}, {"قسد", "ct:sdf", false}, {"لجيش السوري", "ct:saa", false}}, nil},
		{"en spellings", "en", "Dā‘iš fighters attacked Ghwayran prison in al-Ḥasaka; the Syrian Army and the SDF responded near Hasaka.",
			[]want{{"Dā‘iš", "ct:isis", false}, {"Ghwayran prison", "ct:ghuwayran-prison", false}, {"al-Ḥasaka", "gn:173811", false}, {"Syrian Army", "ct:saa", false}, {"SDF", "ct:sdf", false}, {"Hasaka", "gn:173811", false}}, nil},
		{"en IS pronoun", "en", "It is clear that the report is late. The crisis will pass.",
			nil, []string{"is", "crisis", "will"}},
		{"en IS group with context", "en", "ISIS claimed the attack. IS militants fled.",
			[]want{{"ISIS", "ct:isis", false}, {"IS", "ct:isis", false}}, nil},
		{"nl spellings", "nl", "ISIS-strijders vielen de gevangenis van Ghweran in Al-Hasakah aan. De VS en de Syrische Democratische Strijdkrachten reageerden; de Iraakse inlichtingendienst waarschuwde.",
			[]want{{"ISIS", "ct:isis", false}, {"gevangenis van Ghweran", "ct:ghuwayran-prison", false}, {"Al-Hasakah", "gn:173811", false}, {"VS", "iso:US", false}, {"Syrische Democratische Strijdkrachten", "ct:sdf", false}, {"Iraakse inlichtingendienst", "ct:iraq-nis", false}}, nil},
		{"nl demonym", "nl", "Het Syrische leger en Amerikaanse troepen in Irak.",
			[]want{{"Syrische leger", "ct:saa", false}, {"Amerikaanse", "iso:US", false}, {"Irak", "iso:IQ", false}}, nil},
		{"nl common words", "nl", "Door de oorlog is het land van de kaart. Wie kan dat zeggen?",
			nil, []string{"Door", "van", "kan", "is"}},
		{"nl VS only capitals", "nl", "De vs is een afkorting.", nil, []string{"vs"}},
		{"en VS not Dutch", "en", "Ali VS Frazier was a fight.", nil, []string{"VS"}},
		{"fr spellings", "fr", "Les Forces démocratiques syriennes ont repris la prison de Ghwayran à Hassakeh, selon l'État islamique.",
			[]want{{"Forces démocratiques syriennes", "ct:sdf", false}, {"État islamique", "ct:isis", false}, {"Hassakeh", "gn:173811", true}}, nil},
		{"fuzzy transliterations", "en", "Fighters escaped from Ghweiran towards Deir Ezzor and Hasakeh in Syria, far from Homs.",
			[]want{{"Ghweiran", "ct:ghuwayran-prison", true}, {"Deir Ezzor", "gn:170063", true}, {"Hasakeh", "gn:173811", true}}, nil},
		{"tripoli by context", "en", "Clashes in Tripoli, Lebanon left two dead.",
			[]want{{"Tripoli", "gn:266826", false}, {"Lebanon", "iso:LB", false}}, nil},
		{"tripoli alone", "en", "Clashes in Tripoli left two dead.",
			[]want{{"Tripoli", "gn:2210247", false}}, nil},
		{"far homonym dropped", "en", "The army shelled Kessab near the Syrian coast, Homs said.",
			[]want{{"Kessab", "gn:7", false}, {"Homs", "gn:5", false}}, nil},
		{"kan needs a cue", "nl", "Dat Kan ook anders. Volgens het Kan-kanaal was het stil.",
			[]want{{"Kan", "ct:kan", false}}, nil},
		{"not inside words", "en", "The Iranian crisis and the isisrael typo.", nil, []string{"isis", "Iran"}},
		{"unknown names", "nl", "Volgens woordvoerder Farhad Shami en de Nationale Verdedigingsraad Forces zijn er doden.",
			[]want{{"Farhad Shami", "", false}}, nil},
		{"ar unknown after title", "ar", "وقال العميد أيهم مرعي إن الهجوم فشل.",
			[]want{{"أيهم مرعي", "", false}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runCase(t, m, c.text, c.lang, c.wants, c.absent) })
	}
}
