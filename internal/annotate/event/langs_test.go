package event

import (
	"strings"
	"testing"
)

// TestTriggersMoreLangs checks the trigger lists of it, pt, pl, id, fa and ur:
// inflected forms, stems, stop words and multi-word phrases.
func TestTriggersMoreLangs(t *testing.T) {
	st := mustStage(t)
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"it", "Un attacco aereo su Aleppo", []string{"attacco aereo=explosions_remote_violence/air_drone_strike"}},
		{"it", "gli attaccanti e un'autobomba", []string{"un'autobomba=explosions_remote_violence/suicide_bomb"}},
		{"it", "imposto il coprifuoco", []string{"coprifuoco=strategic_developments/curfew"}},
		{"pt", "Um carro-bomba e o toque de recolher", []string{"carro-bomba=explosions_remote_violence/suicide_bomb", "toque de recolher=strategic_developments/curfew"}},
		{"pt", "os atacantes e a missão", nil},
		{"pl", "Naloty na Aleppo i ostrzał artyleryjski", []string{"Naloty=explosions_remote_violence/air_drone_strike", "ostrzał=explosions_remote_violence/shelling_artillery_missile_attack"}},
		{"pl", "napastnicy wprowadzili godzinę policyjną", []string{"godzinę policyjną=strategic_developments/curfew"}},
		{"id", "serangan udara dan jam malam", []string{"serangan udara=explosions_remote_violence/air_drone_strike", "jam malam=strategic_developments/curfew"}},
		{"id", "para penyerang bentrokan", []string{"bentrokan=battles/armed_clash"}},
		{"fa", "حمله‌های هوایی و منع آمد و شد", []string{"حمله‌های هوایی=explosions_remote_violence/air_drone_strike", "منع آمد و شد=strategic_developments/curfew"}},
		{"fa", "مهاجمان با خودروی بمب‌گذاری‌شده", []string{"خودروی بمب‌گذاری‌شده=explosions_remote_violence/suicide_bomb"}},
		{"fa", "وحمله", []string{"وحمله=battles/armed_clash"}},
		{"ur", "ڈرون حملے اور کرفیو", []string{"ڈرون حملے=explosions_remote_violence/air_drone_strike", "کرفیو=strategic_developments/curfew"}},
		{"ur", "حملہ آوروں نے بارودی سرنگ", []string{"بارودی سرنگ=explosions_remote_violence/remote_explosive_landmine_ied"}},
	}
	for _, tc := range cases {
		t.Run(tc.lang+"/"+tc.text, func(t *testing.T) {
			got := matchTriggers(st, tc.lang, tc.text)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestApplyMoreLangs runs whole sentences of the new languages through the
// stage, with parties, places, fatalities and context words. The party
// rules are prepositional (a cue before the name, a bare name before the
// trigger is the actor), so the fa and ur sentences put the names after the
// trigger: "X میں" or "به X حمله کرد" would make X an actor.
func TestApplyMoreLangs(t *testing.T) {
	st := mustStage(t)
	cases := []applyCase{
		{
			name: "it air strike on a city, civilians killed; negation",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "it", "", []string{
					"Un attacco aereo russo su Idlib ha ucciso 6 civili il 3 marzo 2024.",
					"Non c'è stato nessun attacco contro la base.",
				}).mention("russo", "iso:RU", "GPE").
					mention("Idlib", "gn:169389", "GPE", 35.93, 36.63).
					time("3 marzo 2024", "2024-03-03").
					quantity("6 civili", 6, "", "killed")
			},
			want: []want{{typ: ExplosionsRemote, sub: "air_drone_strike", trigger: "attacco aereo",
				actors: []string{"iso:RU"}, targets: []string{"gn:169389"}, location: "gn:169389",
				time: "2024-03-03", fatalities: 6, claim: -1}},
		},
		{
			name: "pt arrests by the police; threat is hypothetical",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "pt", "", []string{
					"A polícia prendeu 20 manifestantes em Luanda.",
					"O grupo ameaçou atacar a cidade se o acordo falhar.",
				}).mention("Luanda", "gn:2240449", "GPE")
			},
			want: []want{{typ: StrategicDevelopments, sub: "arrests", trigger: "prendeu",
				location: "gn:2240449", fatalities: -1, claim: -1}},
		},
		{
			name: "pl clashes between two parties",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "pl", "", []string{
					"Doszło do starć między armią syryjską a Państwem Islamskim w pobliżu Palmyry.",
				}).mention("armią syryjską", "ct:saa", "ORG").
					mention("Państwem Islamskim", "ct:isis", "ORG").
					mention("Palmyry", "gn:170794", "GPE")
			},
			want: []want{{typ: Battles, sub: "armed_clash", trigger: "starć",
				actors: []string{"ct:saa", "ct:isis"}, location: "gn:170794", fatalities: -1, claim: -1}},
		},
		{
			name: "id abduction by a group, negated attack",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "id", "", []string{
					"Dua wartawan diculik oleh Abu Sayyaf di Jolo.",
					"Tidak ada serangan terhadap pos militer.",
				}).mention("Abu Sayyaf", "ct:abu-sayyaf", "ORG").
					mention("Jolo", "gn:1710519", "GPE")
			},
			want: []want{{typ: ViolenceAgainstCivilian, sub: "abduction_forced_disappearance", trigger: "diculik",
				actors: []string{"ct:abu-sayyaf"}, location: "gn:1710519", fatalities: -1, claim: -1}},
		},
		{
			name: "fa attack noun with actor and target after به, negation",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "fa", "", []string{
					"در حمله داعش به پاسگاه ارتش عراق در نزدیکی کرکوک ۵ سرباز کشته شدند.",
					"هیچ حمله‌ای علیه زندان انجام نشد.",
				}).mention("داعش", "ct:isis", "ORG").
					mention("ارتش عراق", "ct:iraqi-army", "ORG").
					mention("کرکوک", "gn:94787", "GPE").
					quantity("۵ سرباز", 5, "", "killed")
			},
			want: []want{{typ: Battles, sub: "armed_clash", trigger: "حمله", actors: []string{"ct:isis"},
				targets: []string{"ct:iraqi-army"}, location: "gn:94787", fatalities: 5, claim: -1}},
		},
		{
			name: "ur suicide bombing in a city; curfew",
			build: func(t *testing.T) *fixture {
				return newFixture(t, "ur", "", []string{
					"جمعہ کو ہونے والے خودکش دھماکے میں، جو پشاور کے ایک بازار میں ہوا، 12 افراد جاں بحق ہو گئے۔",
					"انتظامیہ نے کرفیو نافذ کر دیا، جو کوئٹہ کے تمام علاقوں میں لاگو ہوگا۔",
				}).mention("پشاور", "gn:1168197", "GPE").
					mention("کوئٹہ", "gn:1167528", "GPE").
					quantity("12 افراد", 12, "", "killed")
			},
			want: []want{
				{typ: ExplosionsRemote, sub: "suicide_bomb", trigger: "خودکش دھماکے",
					location: "gn:1168197", fatalities: 12, claim: -1},
				{typ: StrategicDevelopments, sub: "curfew", trigger: "کرفیو",
					location: "gn:1167528", fatalities: -1, claim: -1},
			},
		},
	}
	runApplyCases(t, st, cases)
}
