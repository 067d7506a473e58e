package mention

import (
	"testing"
)

// nameCase is one sentence with the mentions it must have (surface → entity
// id, "" for a mention without an entity) and surfaces that must not be a
// mention at all.
type nameCase struct {
	name   string
	text   string
	want   map[string]string
	absent []string
}

func runNameCases(t *testing.T, cases []nameCase) {
	t.Helper()
	e := testEnv(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := e.analyze(t, c.text)
			got := map[string]string{}
			for _, m := range d.Mentions {
				id := ""
				if m.Entity != nil {
					id = *m.Entity
				}
				got[m.Text] = id
			}
			for surf, id := range c.want {
				if g, ok := got[surf]; !ok || g != id {
					t.Errorf("%q: want %q → %q; got %s", c.text, surf, id, dump(d.Mentions))
				}
			}
			for _, surf := range c.absent {
				if _, ok := got[surf]; ok {
					t.Errorf("%q: %q must not be a mention; got %s", c.text, surf, dump(d.Mentions))
				}
			}
		})
	}
}

// TestFuzzyWholeName: a fuzzy guess is a whole capitalised name, never the
// given name of a longer one.
func TestFuzzyWholeName(t *testing.T) {
	runNameCases(t, []nameCase{
		{"fr byline", "Par Julien Moreau · Le Courrier · 14 mars 2023\n\nLes combattants ont fui.",
			nil, []string{"Julien"}},
		{"en byline", "By Julien Moreau, Le Courrier\n\nThe fighters fled.",
			nil, []string{"Julien"}},
		{"de text", "Der Reporter Julien Moreau berichtete aus der Stadt.",
			nil, []string{"Julien"}},
		{"fr fuzzy place", "Des détenus se sont évadés de la prison de Ghweiran, près de Hasakeh en Syrie.",
			map[string]string{"Ghweiran": "ct:ghuwayran"}, nil},
		{"en fuzzy places", "Fighters escaped from Ghweiran towards Deir Ezzor in Syria.",
			map[string]string{"Ghweiran": "ct:ghuwayran", "Deir Ezzor": "gn:170794"}, nil},
	})
}

// TestUnknownTightGaps: the words of an unknown name are separated by one
// space or a hyphen, never by layout.
func TestUnknownTightGaps(t *testing.T) {
	nb := "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
	runNameCases(t, []nameCase{
		{"en byline nbsp", "Ayham Mar‘ī – al-Ḥasaka" + nb + " Source: al-Mayadeen net\n\nThe attack killed five people.",
			map[string]string{"al-Ḥasaka": "gn:173811"}, []string{"Ḥasaka" + nb + " Source", "Source"}},
		{"en tab", "Reporter Kemal Dogan\tAnkara Bureau\n\nThe talks failed.",
			nil, []string{"Dogan\tAnkara Bureau", "Kemal Dogan\tAnkara Bureau"}},
		{"fr spaces", "Jean Dupont      Rédaction Paris\n\nLes négociations ont échoué.",
			nil, []string{"Jean Dupont      Rédaction Paris", "Dupont      Rédaction"}},
		{"nl line break", "Door Pieter Jansen\nRedactie Buitenland\n\nDe gesprekken mislukten.",
			nil, []string{"Pieter Jansen\nRedactie Buitenland", "Jansen\nRedactie"}},
		{"single space still a name", "The commander Karim Haddouri said the attack failed.",
			map[string]string{"Karim Haddouri": ""}, nil},
	})
}

// TestUnknownNounCapitalisation: German capitalises every noun; runs of
// common nouns are not unknown names, real names still are.
func TestUnknownNounCapitalisation(t *testing.T) {
	runNameCases(t, []nameCase{
		{"de nouns", "Die US-geführte Koalition flog nach eigenen Angaben Luftangriffe auf Stellungen der Dschihadisten.",
			map[string]string{"US-geführte Koalition": "ct:global-coalition"},
			[]string{"Angaben Luftangriffe", "Stellungen der Dschihadisten", "Luftangriffe", "Dschihadisten"}},
		{"de genitive", "Die Regierung kündigte eine Untersuchung der Vorwürfe an, sagte ein Sprecher der Behörden.",
			nil, []string{"Untersuchung der Vorwürfe", "Sprecher der Behörden"}},
		{"de title keeps name", "Der Kommandeur Karim Haddouri bestätigte den Angriff.",
			map[string]string{"Karim Haddouri": ""}, nil},
		{"de plain name", "Nach dem Treffen reiste Karim Haddouri nach Bagdad.",
			map[string]string{"Karim Haddouri": ""}, nil},
		{"en unaffected", "Reporters met Karim Haddouri in the city.",
			map[string]string{"Karim Haddouri": ""}, nil},
		{"nl unaffected", "Verslaggevers spraken met Karim Haddouri in de stad.",
			map[string]string{"Karim Haddouri": ""}, nil},
	})
}

// TestCaseEndings: inflected names match through case_suffixes.txt, only
// for trusted entities and big places.
func TestCaseEndings(t *testing.T) {
	runNameCases(t, []nameCase{
		{"ru genitive", "Боевики атаковали позиции сирийской армии под Пальмирой.",
			map[string]string{"сирийской армии": "ct:saa", "Пальмирой": "gn:163808"}, []string{"сирийской"}},
		{"ru nominative unchanged", "Сирийская армия вошла в Пальмиру.",
			map[string]string{"Сирийская армия": "ct:saa"}, nil},
		{"tr apostrophe", "Suriye ordusu Halep'te ve Haseke'de saldırı düzenledi, Şam'dan açıklama yapıldı.",
			map[string]string{"Halep'te": "gn:170063", "Haseke'de": "gn:173811", "Şam'dan": "gn:170654"}, nil},
		{"ru common word", "Солдаты получили новые приказы и отступили.",
			nil, []string{"приказы", "Солдаты"}},
	})
}
