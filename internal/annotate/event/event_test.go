package event

import (
	"context"
	"slices"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

type want struct {
	typ, sub, trigger string
	actors, targets   []string
	location          string
	time              string
	inferred          bool
	fatalities        int // -1: none
	claim             int // -1: none
	alleged           bool
}

// applyCase is one hand-built document and the events it must give.
type applyCase struct {
	name  string
	build func(t *testing.T) *fixture
	want  []want
}

// runApplyCases runs the stage on each case and checks the contract before
// and after, and every wanted event.
func runApplyCases(t *testing.T, st *Stage, cases []applyCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.build(t)
			if err := doc.Check(f.d); err != nil {
				t.Fatalf("fixture breaks the contract: %v", err)
			}
			if err := st.Apply(context.Background(), f.d); err != nil {
				t.Fatal(err)
			}
			if err := doc.Check(f.d); err != nil {
				t.Fatalf("output breaks the contract: %v", err)
			}
			got := f.d.Events
			if len(got) != len(tc.want) {
				t.Fatalf("got %d events, want %d:\n%s", len(got), len(tc.want), dump(got))
			}
			for i, w := range tc.want {
				checkEvent(t, i, got[i], w)
			}
		})
	}
}

func TestApply(t *testing.T) {
	st := mustStage(t)
	cases := []applyCase{
		{
			name: "en attack with kills and place",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "en", "2023-03-04", []string{
					"On 3 March 2023, Islamic State fighters attacked an army checkpoint near Palmyra, killing 12 soldiers.",
				}).mention("Islamic State", "ct:isis", "ORG").
					mention("Palmyra", "gn:170794", "GPE", 34.56, 38.28).
					time("3 March 2023", "2023-03-03").
					quantity("12 soldiers", 12, "", "killed")
			},
			want: []want{{typ: Battles, sub: "armed_clash", trigger: "attacked", actors: []string{"ct:isis"},
				location: "gn:170794", time: "2023-03-03", fatalities: 12, claim: -1}},
		},
		{
			name: "en drone strike, target after on, attributed",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "en", "2023-06-15", []string{
					"Turkey carried out a drone strike on SDF positions in Qamishli on 14 June, the Syrian Observatory for Human Rights reported.",
				}).mention("Turkey", "iso:TR", "GPE").
					mention("SDF", "ct:sdf", "ORG").
					mention("Qamishli", "gn:167357", "GPE", 37.05, 41.23).
					mention("Syrian Observatory for Human Rights", "ct:sohr", "ORG").
					time("14 June", "2023-06-14").
					claim("Turkey", "official_body", "ct:sohr", "")
			},
			want: []want{{typ: ExplosionsRemote, sub: "air_drone_strike", trigger: "drone strike",
				actors: []string{"iso:TR"}, targets: []string{"ct:sdf"}, location: "gn:167357",
				time: "2023-06-14", fatalities: -1, claim: 0, alleged: true}},
		},
		{
			name: "en passive abduction with by",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "en", "", []string{
					"Two aid workers were kidnapped by Hezbollah in Beirut.",
				}).mention("Hezbollah", "ct:hezbollah", "ORG").
					mention("Beirut", "gn:276781", "GPE").
					quantity("Two aid workers", 2, "", "")
			},
			want: []want{{typ: ViolenceAgainstCivilian, sub: "abduction_forced_disappearance", trigger: "kidnapped",
				actors: []string{"ct:hezbollah"}, location: "gn:276781", fatalities: -1, claim: -1}},
		},
		{
			name: "en killing of civilians alone",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "en", "2024-01-10", []string{
					"The Syrian Army killed 7 civilians in Idlib.",
				}).mention("Syrian Army", "ct:saa", "ORG").
					mention("Idlib", "gn:169389", "GPE").
					quantity("7 civilians", 7, "", "")
			},
			want: []want{{typ: ViolenceAgainstCivilian, sub: "attack", trigger: "killed", actors: []string{"ct:saa"},
				location: "gn:169389", time: "2024-01-10", inferred: true, fatalities: 7, claim: -1}},
		},
		{
			name: "en killing between armed groups is a battle",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "en", "", []string{
					"The SDF killed 5 ISIS militants near Hasakah.",
				}).mention("SDF", "ct:sdf", "ORG").
					mention("ISIS", "ct:isis", "ORG").
					mention("Hasakah", "gn:173811", "GPE").
					quantity("5 ISIS militants", 5, "", "killed")
			},
			want: []want{{typ: Battles, sub: "armed_clash", trigger: "killed", actors: []string{"ct:sdf"},
				targets: []string{"ct:isis"}, location: "gn:173811", fatalities: 5, claim: -1}},
		},
		{
			name: "en negation, question and threat make no event",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "en", "2023-01-01", []string{
					"There was no attack on the prison on Monday.",
					"Who planted the car bomb at the gate?",
					"The rebels threatened to shell the airport if talks fail.",
					"The army did not arrest anyone.",
				})
			},
		},
		{
			name: "en same type merges in a sentence",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "en", "", []string{
					"Clashes broke out again, and the clashes went on all night.",
				})
			},
			want: []want{{typ: Battles, sub: "armed_clash", trigger: "Clashes", fatalities: -1, claim: -1}},
		},
		{
			name: "nl attack on a prison, paragraph date, hedged kill claim",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "nl", "2022-02-09", []string{
					"Op 20 januari 2022 lanceerden IS-strijders een aanval op de gevangenis van Ghweran in Al-Hasaka.",
					"Daarbij zouden meer dan 200 mensen zijn gedood, meldt Sputnik.",
				}).mention("IS", "ct:isis", "ORG").
					mention("gevangenis van Ghweran", "ct:ghweran-prison", "FACILITY", 36.49, 40.73).
					mention("Al-Hasaka", "gn:173811", "GPE").
					mention("Sputnik", "ct:sputnik", "OUTLET").
					time("20 januari 2022", "2022-01-20").
					quantity("meer dan 200", 200, "min", "killed").
					claim("Daarbij", "media_outlet", "ct:sputnik", "zouden")
			},
			want: []want{
				{typ: Battles, sub: "armed_clash", trigger: "aanval", actors: []string{"ct:isis"},
					location: "ct:ghweran-prison", time: "2022-01-20", fatalities: -1, claim: -1},
				{typ: ViolenceAgainstCivilian, sub: "attack", trigger: "gedood",
					location: "ct:ghweran-prison", time: "2022-01-20", fatalities: 200, claim: 0, alleged: true},
			},
		},
		{
			name: "nl curfew dated by publication",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "nl", "2022-01-22", []string{
					"De Asayish kondigden een uitgaansverbod van een week af in de stad Al-Hasaka.",
				}).mention("Asayish", "ct:asayish", "ORG").
					mention("Al-Hasaka", "gn:173811", "GPE", 36.5, 40.75).
					claim("De Asayish", "author", "", "")
			},
			want: []want{{typ: StrategicDevelopments, sub: "curfew", trigger: "uitgaansverbod",
				actors: []string{"ct:asayish"}, location: "gn:173811", time: "2022-01-22", inferred: true,
				fatalities: -1, claim: 0}},
		},
		{
			name: "nl negation, rhetorical question and attacker noun",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "nl", "", []string{
					"Er vond geen aanval plaats op het konvooi.",
					"Hoe kon een bomauto zomaar de poort bereiken?",
					"De aanvallers droegen uniformen.",
				})
			},
		},
		{
			name: "nl transfer and escape",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "nl", "2022-02-09", []string{
					"In september werden 60 gevangenen overgebracht naar een gevangenis in Al-Hasaka.",
					"Naar verluidt wisten 800 gevangenen te ontsnappen.",
				}).mention("Al-Hasaka", "gn:173811", "GPE").
					time("september", "2021-09").
					claim("Naar verluidt", "author", "", "Naar verluidt")
			},
			want: []want{
				{typ: StrategicDevelopments, sub: "prisoner_transfer", trigger: "overgebracht",
					location: "gn:173811", time: "2021-09", fatalities: -1, claim: -1},
				{typ: StrategicDevelopments, sub: "prison_break", trigger: "ontsnappen",
					location: "gn:173811", time: "2021-09", fatalities: -1, claim: 0, alleged: true},
			},
		},
		{
			name: "ar clashes between two armed parties with proclitics",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "ar", "2023-03-06", []string{
					"واندلعت اشتباكات عنيفة بين الجيش السوري وتنظيم داعش قرب تدمر يوم 5 آذار، ما أدى إلى مقتل 9 عناصر.",
				}).mention("الجيش السوري", "ct:saa", "ORG").
					mention("تنظيم داعش", "ct:isis", "ORG").
					mention("تدمر", "gn:170794", "GPE", 34.56, 38.28).
					time("5 آذار", "2023-03-05").
					quantity("9 عناصر", 9, "", "killed")
			},
			want: []want{{typ: Battles, sub: "armed_clash", trigger: "اشتباكات",
				actors: []string{"ct:saa", "ct:isis"}, location: "gn:170794", time: "2023-03-05", fatalities: 9, claim: -1}},
		},
		{
			name: "ar genitive actor and target after على",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "ar", "", []string{
					"وأسفر الهجوم الأخير لخلايا تنظيم داعش على حافلة للجيش السوري في البادية عن سقوط جرحى.",
				}).mention("تنظيم داعش", "ct:isis", "ORG").
					mention("للجيش السوري", "ct:saa", "ORG").
					mention("البادية", "ct:syrian-desert", "LOC")
			},
			want: []want{{typ: Battles, sub: "armed_clash", trigger: "الهجوم",
				actors: []string{"ct:isis"}, targets: []string{"ct:saa"}, location: "ct:syrian-desert", fatalities: -1, claim: -1}},
		},
		{
			name: "ar alleged transfer behind a proclitic, negation",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "ar", "", []string{
					"وكشف مصدر ميداني عن قيام الولايات المتحدة بنقل عشرات المعتقلين من سجون الحسكة إلى البادية.",
					"ولم يقع أي هجوم على القاعدة.",
					"وفرضت قوى الأمن حظر التجوال في المدينة.",
				}).mention("الولايات المتحدة", "iso:US", "GPE").
					mention("الحسكة", "gn:173811", "GPE", 36.5, 40.75).
					mention("البادية", "ct:syrian-desert", "LOC").
					claim("وكشف", "anonymous", "", "")
			},
			want: []want{
				{typ: StrategicDevelopments, sub: "prisoner_transfer", trigger: "بنقل", actors: []string{"iso:US"},
					location: "gn:173811", fatalities: -1, claim: 0, alleged: true},
				{typ: StrategicDevelopments, sub: "curfew", trigger: "حظر التجوال", location: "gn:173811", fatalities: -1, claim: -1},
			},
		},
		{
			name: "fr air strike with adjective actor, alleged",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "fr", "2024-05-05", []string{
					"Samedi 4 mai 2024, une frappe aérienne israélienne a visé un immeuble à Beyrouth, tuant trois personnes, selon le ministère libanais de la Santé.",
				}).mention("israélienne", "iso:IL", "GPE").
					mention("Beyrouth", "gn:276781", "GPE", 33.89, 35.5).
					time("Samedi 4 mai 2024", "2024-05-04").
					quantity("trois personnes", 3, "", "").
					claim("Samedi", "official_body", "", "")
			},
			want: []want{{typ: ExplosionsRemote, sub: "air_drone_strike", trigger: "frappe aérienne",
				actors: []string{"iso:IL"}, location: "gn:276781", time: "2024-05-04", fatalities: 3, claim: 0, alleged: true}},
		},
		{
			name: "fr arrests beat weak protest word; elision; negation",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "fr", "", []string{
					"La police a arrêté 12 manifestants à Paris le 1er mai.",
					"L'armée n'a pas attaqué le village.",
					"Des combats ont éclaté près de l’aéroport après l’attaque.",
				}).mention("Paris", "gn:2988507", "GPE").
					time("1er mai", "2024-05-01")
			},
			want: []want{
				{typ: StrategicDevelopments, sub: "arrests", trigger: "arrêté", location: "gn:2988507",
					time: "2024-05-01", fatalities: -1, claim: -1},
				{typ: Battles, sub: "armed_clash", trigger: "combats", location: "gn:2988507", time: "2024-05-01", fatalities: -1, claim: -1},
			},
		},
		{
			name: "de air strike on a town with civilians killed",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "de", "", []string{
					"Bei einem Luftangriff auf Idlib wurden am 2. Februar 2024 mindestens acht Zivilisten getötet.",
				}).mention("Idlib", "gn:169389", "GPE", 35.93, 36.63).
					time("2. Februar 2024", "2024-02-02").
					quantity("mindestens acht", 8, "min", "killed")
			},
			want: []want{{typ: ExplosionsRemote, sub: "air_drone_strike", trigger: "Luftangriff",
				targets: []string{"gn:169389"}, location: "gn:169389", time: "2024-02-02", fatalities: 8, claim: -1}},
		},
		{
			name: "de arrests by adjective actor, negation",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "de", "", []string{
					"Die türkische Polizei hat in Istanbul zwei Journalisten festgenommen.",
					"Es gab keinen Angriff auf den Konvoi.",
				}).mention("türkische", "iso:TR", "GPE").
					mention("Istanbul", "gn:745044", "GPE")
			},
			want: []want{{typ: StrategicDevelopments, sub: "arrests", trigger: "festgenommen",
				actors: []string{"iso:TR"}, location: "gn:745044", fatalities: -1, claim: -1}},
		},
		{
			name: "es car bomb, negation",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "es", "", []string{
					"Un coche bomba explotó frente a la comisaría de Mogadiscio.",
					"No hubo ningún ataque contra la base.",
				}).mention("Mogadiscio", "gn:53654", "GPE")
			},
			want: []want{{typ: ExplosionsRemote, sub: "suicide_bomb", trigger: "coche bomba",
				location: "gn:53654", fatalities: -1, claim: -1}},
		},
	}
	runApplyCases(t, st, cases)
}

func checkEvent(t *testing.T, i int, e doc.Event, w want) {
	t.Helper()
	if e.Type != w.typ || e.SubType != w.sub || e.Trigger != w.trigger {
		t.Errorf("event %d: %s/%s %q, want %s/%s %q", i, e.Type, e.SubType, e.Trigger, w.typ, w.sub, w.trigger)
	}
	if !sameSet(e.Actors, w.actors) {
		t.Errorf("event %d: actors %v, want %v", i, e.Actors, w.actors)
	}
	if !sameSet(e.Targets, w.targets) {
		t.Errorf("event %d: targets %v, want %v", i, e.Targets, w.targets)
	}
	if got := deref(e.Location); got != w.location {
		t.Errorf("event %d: location %q, want %q", i, got, w.location)
	}
	if got := deref(e.Time); got != w.time || e.TimeInferred != w.inferred {
		t.Errorf("event %d: time %q inferred %v, want %q inferred %v", i, got, e.TimeInferred, w.time, w.inferred)
	}
	gotF := -1
	if e.Fatalities != nil {
		gotF = *e.Fatalities
	}
	if gotF != w.fatalities {
		t.Errorf("event %d: fatalities %d, want %d", i, gotF, w.fatalities)
	}
	gotC := -1
	if e.Claim != nil {
		gotC = *e.Claim
	}
	if gotC != w.claim || e.Alleged != w.alleged {
		t.Errorf("event %d: claim %d alleged %v, want claim %d alleged %v", i, gotC, e.Alleged, w.claim, w.alleged)
	}
	if e.Actors == nil || e.Targets == nil {
		t.Errorf("event %d: nil actors or targets (want empty arrays)", i)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func dump(es []doc.Event) string {
	var s string
	for _, e := range es {
		s += "  " + e.Type + "/" + e.SubType + " " + e.Trigger + "\n"
	}
	return s
}

// TestConcurrent runs one Stage on many documents at once, as the pipeline's
// workers do; run with -race.
func TestConcurrent(t *testing.T) {
	st := mustStage(t)
	done := make(chan []doc.Event)
	for range 8 {
		d := benchDoc(t) // built here: t.Fatal belongs to the test goroutine
		go func() {
			if err := st.Apply(context.Background(), d); err != nil {
				t.Error(err)
			}
			done <- d.Events
		}()
	}
	first := <-done
	for range 7 {
		if got := <-done; len(got) != len(first) {
			t.Errorf("concurrent runs disagree: %d vs %d events", len(got), len(first))
		}
	}
}

// TestCancelled stops on a cancelled context instead of running on.
func TestCancelled(t *testing.T) {
	st := mustStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.Apply(ctx, benchDoc(t)); err == nil {
		t.Error("Apply ignored a cancelled context")
	}
	if err := st.Apply(context.Background(), nil); err == nil {
		t.Error("Apply accepted a nil document")
	}
}
