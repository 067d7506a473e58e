package event

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/claimtrace/claimtrace/internal/lexicon"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// matchTriggers runs the matcher of lang over text and returns the trigger
// hits as "surface=type/sub".
func matchTriggers(st *Stage, lang, text string) []string {
	ix := st.byLang[lang]
	if ix == nil {
		ix = st.all
	}
	toks := tokenize(text, textnorm.Fold(text))
	var m matcher
	var out []string
	for _, h := range m.match(ix, toks, 0, len(toks), nil) {
		if h.pat.trigger() {
			out = append(out, text[h.start:h.end]+"="+h.pat.typ+"/"+h.pat.sub)
		}
	}
	return out
}

func TestTriggers(t *testing.T) {
	st := mustStage(t)
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"en", "The AIR STRIKES hit the town", []string{"AIR STRIKES=explosions_remote_violence/air_drone_strike"}},
		{"en", "a suicide car bomb", []string{"car bomb=explosions_remote_violence/suicide_bomb"}},
		{"en", "The attackers fled", nil},
		{"en", "a sit-in outside parliament", []string{"sit-in=protests/peaceful_protest"}},
		{"nl", "een boobytrap-auto bij de poort", []string{"boobytrap-auto=explosions_remote_violence/suicide_bomb"}},
		{"nl", "De aanvallers en de aanval", []string{"aanval=battles/armed_clash"}},
		{"nl", "Luchtaanvallen op Idlib", []string{"Luchtaanvallen=explosions_remote_violence/air_drone_strike"}},
		{"nl", "een uitgaansverbod van een week", []string{"uitgaansverbod=strategic_developments/curfew"}},
		{"ar", "والهجوم على القاعدة", []string{"والهجوم=battles/armed_clash"}},
		{"ar", "بالهجوم", []string{"بالهجوم=battles/armed_clash"}},
		{"ar", "فرضت حظر التجوال", []string{"حظر التجوال=strategic_developments/curfew"}},
		{"ar", "انفجرت سيارةٌ مفخخةٌ", []string{"سيارةٌ مفخخةٌ=explosions_remote_violence/suicide_bomb"}},
		{"ar", "أعلنت الهدنة ووقف إطلاق النار", []string{"الهدنة=strategic_developments/agreement", "ووقف إطلاق النار=strategic_developments/agreement"}},
		{"ar", "وتسيير دوريات مشتركة", []string{"دوريات=strategic_developments/patrol"}},
		{"ar", "وصول المهاجمين", nil},
		{"fr", "l’attaque de Daech", []string{"l’attaque=battles/armed_clash"}},
		{"fr", "Un couvre-feu a été décrété", []string{"couvre-feu=strategic_developments/curfew"}},
		{"fr", "les attaquants", nil},
		{"de", "nach Luftangriffen und Beschuss", []string{"Luftangriffen=explosions_remote_violence/air_drone_strike", "Beschuss=explosions_remote_violence/shelling_artillery_missile_attack"}},
		{"de", "die Angreifer und der Angriff", []string{"Angriff=battles/armed_clash"}},
		{"de", "eine Ausgangssperre", []string{"Ausgangssperre=strategic_developments/curfew"}},
		{"es", "un coche bomba y un toque de queda", []string{"coche bomba=explosions_remote_violence/suicide_bomb", "toque de queda=strategic_developments/curfew"}},
		{"ru", "после авиаудара по городу", []string{"авиаудара=explosions_remote_violence/air_drone_strike"}},
		{"tr", "Halep'te hava saldırısı", []string{"hava saldırısı=explosions_remote_violence/air_drone_strike"}},
		{"und", "luchtaanval and air strike", []string{"luchtaanval=explosions_remote_violence/air_drone_strike", "air strike=explosions_remote_violence/air_drone_strike"}},
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

func TestLexiconErrors(t *testing.T) {
	cases := map[string]string{
		"unknown type":   "aanval\tbattles/skirmish\n",
		"unknown flag":   "aanval\tbattles/armed_clash strong\n",
		"unknown cue":    "geen\t!nope\n",
		"short stem":     "aa*\tbattles/armed_clash\n",
		"no value":       "aanval\n",
		"no letters":     "***\tbattles/armed_clash\n",
		"no sub-type":    "aanval\tbattles\n",
		"mixed cue/type": "geen\t!neg battles/armed_clash\n",
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{"data/nl/event_triggers.txt": {Data: []byte(body)}}
			lex, err := lexicon.LoadFS(fsys, "data")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := New(lex, DefaultConfig()); err == nil {
				t.Errorf("New accepted %q", body)
			}
		})
	}
	if _, err := New(nil, DefaultConfig()); err == nil {
		t.Error("New accepted a nil lexicon")
	}
	cfg := DefaultConfig()
	cfg.CueWindow = -1
	lex, _ := lexicon.Load()
	if _, err := New(lex, cfg); err == nil {
		t.Error("New accepted a negative window")
	}
}

func TestLabels(t *testing.T) {
	for _, row := range scheme() {
		typ, sub, ok := Labels(row.typ, row.sub)
		if !ok || typ == "" || sub == "" {
			t.Errorf("Labels(%s, %s) = %q %q %v", row.typ, row.sub, typ, sub, ok)
		}
	}
	if typ, sub, _ := Labels(StrategicDevelopments, "patrol"); typ != "Strategic developments" || sub != "Other" {
		t.Errorf("patrol exports as %q/%q", typ, sub)
	}
	if Valid(Battles, "patrol") {
		t.Error("battles/patrol is valid")
	}
}
