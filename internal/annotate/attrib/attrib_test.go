package attrib

import (
	"strings"
	"sync"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

var (
	finderOnce sync.Once
	finderVal  *Finder
	finderErr  error
)

// testFinder builds one Finder over the embedded lexicon for all tests.
func testFinder(tb testing.TB) *Finder {
	tb.Helper()
	finderOnce.Do(func() {
		lex, err := lexicon.Load()
		if err != nil {
			finderErr = err
			return
		}
		finderVal, finderErr = New(lex, DefaultConfig())
	})
	if finderErr != nil {
		tb.Fatal(finderErr)
	}
	return finderVal
}

// mention marks surface (its first occurrence) as a mention of type typ.
type mention struct{ surface, typ, entity string }

func testDoc(lang, text string, ms ...mention) *doc.Document {
	d := doc.New(text)
	d.Segments = []doc.Segment{{Start: 0, End: len(text), Lang: lang, Script: "Latn"}}
	d.Sentences = []doc.Span{{Start: 0, End: len(text)}}
	for _, m := range ms {
		i := strings.Index(text, m.surface)
		if i < 0 {
			continue
		}
		d.Mentions = append(d.Mentions, doc.Mention{Start: i, End: i + len(m.surface), Text: m.surface,
			Type: m.typ, Entity: doc.Str(m.entity), Name: m.entity})
	}
	return d
}

func TestFind(t *testing.T) {
	f := testFinder(t)
	tests := []struct {
		name     string
		lang     string
		text     string
		mentions []mention
		typ      string
		source   string // substring the attribution text must contain
		chain    []string
		hedge    string
	}{
		// English
		{name: "en/author", lang: "en", text: "The bridge over the river collapsed on Monday morning.", typ: Author},
		{name: "en/named said", lang: "en", text: "Maria Lopez, the mayor of the town, said that 14 houses burned down.", typ: NamedPerson, source: "Maria Lopez"},
		{name: "en/inverted said", lang: "en", text: "Twelve soldiers were wounded in the blast, said the ministry of defence.", typ: OfficialBody, source: "ministry"},
		{name: "en/according to agency", lang: "en", text: "According to Reuters, the talks collapsed after two hours.", typ: MediaOutlet, source: "Reuters"},
		{name: "en/anonymous", lang: "en", text: "A source close to the negotiations told the paper that the deal was signed.", typ: Anonymous, source: "source"},
		{name: "en/anonymous marker", lang: "en", text: "Two officials, who asked not to be named, said the convoy was hit twice.", typ: Anonymous},
		{name: "en/leaked document", lang: "en", text: "A leaked document showed that the budget was cut by a third, according to the memo.", typ: Document},
		{name: "en/chain citing", lang: "en", text: "The Daily Herald reported, citing witnesses, that the market was shelled.", typ: MediaOutlet, source: "Daily Herald", chain: []string{"witnesses"}},
		{name: "en/hedge reportedly", lang: "en", text: "The commander was reportedly captured near the border.", typ: Author, hedge: "reportedly"},
		{name: "en/hedge most likely", lang: "en", text: "The source believed that the blast was most likely caused by a drone.", typ: Anonymous, hedge: "most likely"},
		{name: "en/passive hedge", lang: "en", text: "It is believed that the fire started in the kitchen.", typ: Author, hedge: "It is believed"},
		{name: "en/mention person", lang: "en", text: "Okafor told reporters the vote would be delayed.", mentions: []mention{{"Okafor", "PERSON", "Q1"}}, typ: NamedPerson, source: "Okafor"},
		{name: "en/May is a month", lang: "en", text: "The port reopened in May after the repairs.", typ: Author},
		// Dutch
		{name: "nl/volgens outlet apposition", lang: "nl", text: "Er vielen 40 doden, volgens Zorion, het persbureau van de rebellen.", typ: MediaOutlet, source: "Zorion"},
		{name: "nl/aldus ministerie", lang: "nl", text: "De oefeningen worden elk jaar herhaald, aldus het Belgische ministerie van Defensie.", typ: OfficialBody, source: "ministerie"},
		{name: "nl/inverted kondigde", lang: "nl", text: "Na drie dagen kondigde de politie een avondklok af in de hele stad.", typ: OfficialBody, source: "politie"},
		{name: "nl/een bron", lang: "nl", text: "Een Franse bron bevestigde dat de gijzelaars vrij zijn.", typ: Anonymous, source: "bron"},
		{name: "nl/artikel van outlet with chain", lang: "nl", text: "Bovendien meldde een artikel van Telegraaf, waarin ingewijden worden geciteerd, dat de minister aftreedt.", typ: MediaOutlet, source: "Telegraaf", chain: []string{"ingewijden"}},
		{name: "nl/zouden hedge", lang: "nl", text: "De smokkelaars zouden tot 500 euro per persoon vragen.", typ: Author, hedge: "zouden"},
		{name: "nl/zou conditional", lang: "nl", text: "Zo'n operatie zou niet mogelijk zijn zonder hulp van buitenaf.", typ: Author},
		{name: "nl/naar verluidt", lang: "nl", text: "Er zijn naar verluidt 300 mensen gearresteerd.", typ: Author, hedge: "naar verluidt"},
		{name: "nl/passive toegeschreven", lang: "nl", text: "De brand wordt toegeschreven aan een kortsluiting in de kelder.", typ: Author, hedge: "wordt toegeschreven"},
		{name: "nl/document waaruit bleek", lang: "nl", text: "Het ging om een gelekt document van de douane, waaruit bleek dat er 12 containers zoek waren.", typ: Document},
		{name: "nl/named inverted", lang: "nl", text: "Op de persconferentie zei Pieter de Groot dat de bouw in maart begint.", typ: NamedPerson, source: "Pieter de Groot"},
		// Arabic
		{name: "ar/field source", lang: "ar", text: "مصدر ميداني يقول للصحيفة إنّ القافلة تعرضت لهجوم بالقذائف", typ: Anonymous, source: "مصدر ميداني"},
		{name: "ar/verb first", lang: "ar", text: "وكشف المصدر أنّ الطائرات قصفت المخزن مرتين", typ: Anonymous, source: "المصدر"},
		{name: "ar/according to ministry", lang: "ar", text: "قتل خمسة أشخاص بحسب وزارة الصحة في المدينة", typ: OfficialBody, source: "وزارة"},
		{name: "ar/hedge al-arjah", lang: "ar", text: "الانفجار على الأرجح ناتج عن عبوة ناسفة", typ: Author, hedge: "على الأرجح"},
		{name: "ar/hedge rubbama", lang: "ar", text: "يشير ربما إلى وجود دعم خارجي للمجموعة", typ: Author, hedge: "ربما"},
		{name: "ar/qad present", lang: "ar", text: "قد يصل عدد النازحين إلى ألف شخص", typ: Author, hedge: "قد"},
		{name: "ar/qad past no hedge", lang: "ar", text: "قد وصل الوفد إلى العاصمة صباح اليوم", typ: Author},
		{name: "ar/tashkeel cue", lang: "ar", text: "وأكَّدَ مصدرٌ عسكريٌّ أنَّ الطريق مغلق", typ: Anonymous},
		{name: "ar/leaks", lang: "ar", text: "بعد تسريبات عن نقل مئات المعتقلين إلى الحدود", typ: Document},
		{name: "ar/outlet mention", lang: "ar", text: "ونقلت قناة الأخبار عن شهود عيان أن السوق احترق", typ: MediaOutlet, chain: []string{"شهود"}},
		// French
		{name: "fr/selon agency", lang: "fr", text: "Selon l'AFP, trois civils ont été tués dans la nuit.", typ: MediaOutlet},
		{name: "fr/a déclaré named", lang: "fr", text: "Jean Dupuis a déclaré que l'usine fermera en juin.", typ: NamedPerson, source: "Jean Dupuis"},
		{name: "fr/hedge", lang: "fr", text: "Le suspect aurait prétendument quitté le pays.", typ: Author, hedge: "aurait"},
		{name: "fr/sources", lang: "fr", text: "Des sources sécuritaires affirment que le chef a été arrêté.", typ: Anonymous},
		// German
		{name: "de/laut Zeitung", lang: "de", text: "Laut der Zeitung wurden 200 Menschen evakuiert.", typ: MediaOutlet},
		{name: "de/sagte named", lang: "de", text: "Anna Becker sagte, die Polizei habe 12 Personen festgenommen.", typ: NamedPerson},
		{name: "de/Regierung noun", lang: "de", text: "Die Bundesregierung bestätigte, dass die Lieferung gestoppt wurde.", typ: OfficialBody},
		{name: "de/angeblich", lang: "de", text: "Der Minister hat angeblich Geld angenommen.", typ: Author, hedge: "angeblich"},
		// Turkish, Spanish, Russian
		{name: "tr/göre", lang: "tr", text: "Bakanlığın açıklamasına göre 30 kişi yaralandı.", typ: OfficialBody},
		{name: "es/según fuentes", lang: "es", text: "Según fuentes policiales, el detenido confesó.", typ: Anonymous},
		{name: "ru/источник", lang: "ru", text: "Источник сообщил, что переговоры сорваны.", typ: Anonymous},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testDoc(tc.lang, tc.text, tc.mentions...)
			attr, chain, hedge, cue := f.Find(d, doc.Span{Start: 0, End: len(tc.text)})
			if attr == nil {
				t.Fatal("nil attribution")
			}
			if attr.Type != tc.typ {
				t.Errorf("type = %q (%q, cue %q), want %q", attr.Type, attr.Text, tc.text[cue.Start:cue.End], tc.typ)
			}
			if tc.source != "" && !strings.Contains(attr.Text, tc.source) {
				t.Errorf("source = %q, want it to contain %q", attr.Text, tc.source)
			}
			if len(chain) != len(tc.chain) {
				t.Errorf("chain = %+v, want %q", chain, tc.chain)
			} else {
				for i, c := range tc.chain {
					if !strings.Contains(chain[i].Text, c) {
						t.Errorf("chain[%d] = %q, want %q", i, chain[i].Text, c)
					}
				}
			}
			got := ""
			if hedge != nil {
				got = *hedge
			}
			if got != tc.hedge {
				t.Errorf("hedge = %q, want %q", got, tc.hedge)
			}
			if cue.Start < 0 || cue.End > len(tc.text) || cue.Start > cue.End {
				t.Errorf("cue span %v outside text", cue)
			}
		})
	}
}

func TestFindMentionEntity(t *testing.T) {
	f := testFinder(t)
	text := "According to Kestrel News, the dam was breached at night."
	d := testDoc("en", text, mention{"Kestrel News", "OUTLET", "kestrel"})
	attr, _, _, _ := f.Find(d, doc.Span{Start: 0, End: len(text)})
	if attr.Type != MediaOutlet || attr.Entity == nil || *attr.Entity != "kestrel" {
		t.Errorf("got %+v, want media_outlet linked to kestrel", attr)
	}
}

func TestAnalyzeIntroducesAndContinues(t *testing.T) {
	f := testFinder(t)
	text := "Richard Hale, a reporter for the Morning Post, wrote:"
	r := f.Analyze(testDoc("en", text), doc.Span{Start: 0, End: len(text)})
	if !r.Introduces || r.Attribution.Type != NamedPerson {
		t.Errorf("introduction: got %+v", r)
	}
	text = "Ook werd benadrukt dat de operaties doorgaan."
	r = f.Analyze(testDoc("nl", text), doc.Span{Start: 0, End: len(text)})
	if !r.Continues || r.Attributed() {
		t.Errorf("continuation: got %+v", r)
	}
	text = "He said the road was closed."
	r = f.Analyze(testDoc("en", text), doc.Span{Start: 0, End: len(text)})
	if !r.Pronoun {
		t.Errorf("pronoun: got %+v", r)
	}
}

func TestFindBadSpans(t *testing.T) {
	f := testFinder(t)
	text := "Según fuentes, «llegó»."
	d := testDoc("es", text)
	for _, sp := range []doc.Span{{Start: -5, End: 3}, {Start: 4, End: 2}, {Start: 0, End: 1000}, {Start: 1, End: 9}} {
		attr, _, _, cue := f.Find(d, sp)
		if attr == nil || cue.Start < 0 || cue.End > len(text) {
			t.Errorf("span %v: attr %v cue %v", sp, attr, cue)
		}
	}
	if a, _, _, _ := f.Find(nil, doc.Span{}); a == nil || a.Type != Author {
		t.Errorf("nil doc: %v", a)
	}
}
