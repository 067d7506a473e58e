package lang

import (
	"strings"
	"testing"
)

// sentenceTexts returns the sentences of text as strings.
func sentenceTexts(tb testing.TB, d *Detector, text string) []string {
	tb.Helper()
	segs := d.Segments(text)
	spans := d.Sentences(text, segs)
	checkSpans(tb, text, spans)
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestSentences(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"simple en", "The army moved in. Residents fled the town! Who ordered it?",
			[]string{"The army moved in.", "Residents fled the town!", "Who ordered it?"}},
		{"en abbreviations", "Mr. Smith met Dr. Jones in the U.S. last week, e.g. in Washington. They talked.",
			[]string{"Mr. Smith met Dr. Jones in the U.S. last week, e.g. in Washington.", "They talked."}},
		{"month abbreviation", "The vote was held on Jan. 5 in the capital. Turnout was low.",
			[]string{"The vote was held on Jan. 5 in the capital.", "Turnout was low."}},
		{"initials", "The report by J. R. Smith and A. Khan was published today. It is long.",
			[]string{"The report by J. R. Smith and A. Khan was published today.", "It is long."}},
		{"numbers", "About 3.500 fighters and 2.5 million people were counted. Later more came.",
			[]string{"About 3.500 fighters and 2.5 million people were counted.", "Later more came."}},
		{"domain", "The report appeared on almayadeen.net on Monday. It was removed later.",
			[]string{"The report appeared on almayadeen.net on Monday.", "It was removed later."}},
		{"ellipsis lowercase", "He hesitated… and then he signed the deal. Nobody expected it.",
			[]string{"He hesitated… and then he signed the deal.", "Nobody expected it."}},
		{"ellipsis uppercase", "He waited... Then the door opened.",
			[]string{"He waited...", "Then the door opened."}},
		{"closing quote kept", "She said: “We will stay.” The others left.",
			[]string{"She said: “We will stay.”", "The others left."}},
		{"quote continues", "“We came. We saw,” the commander said. Then he left.",
			[]string{"“We came. We saw,” the commander said.", "Then he left."}},
		{"quote lowercase after", "“It is over!” he shouted at the crowd. They cheered.",
			[]string{"“It is over!” he shouted at the crowd.", "They cheered."}},
		{"bracket kept", "The SDF controls the area (according to local sources.) Fighting continues.",
			[]string{"The SDF controls the area (according to local sources.)", "Fighting continues."}},
		{"paragraph break", "A heading without a stop\n\nThe body starts here. It ends here.",
			[]string{"A heading without a stop", "The body starts here.", "It ends here."}},
		{"line break heading", "Bron: Redactie\nAmsterdam, 12 maart 2023\nDe tekst begint hier.",
			[]string{"Bron: Redactie", "Amsterdam, 12 maart 2023", "De tekst begint hier."}},
		{"hard wrapped", "The convoy was attacked near the\nborder on Tuesday. Two died.",
			[]string{"The convoy was attacked near the\nborder on Tuesday.", "Two died."}},
		{"nl abbreviations", "Er waren o.a. drie ministers aanwezig, bijv. Dhr. Jansen en mevr. De Vries. Zij spraken lang.",
			[]string{"Er waren o.a. drie ministers aanwezig, bijv. Dhr. Jansen en mevr. De Vries.", "Zij spraken lang."}},
		{"nl m.b.t.", "De vragen m.b.t. De Telegraaf bleven open. Niemand reageerde.",
			[]string{"De vragen m.b.t. De Telegraaf bleven open.", "Niemand reageerde."}},
		{"de abbreviations", "Es gab z.B. Proteste in Berlin, u.a. vor dem Kanzleramt, bzw. vor dem Bundestag. Dr. Müller sprach.",
			[]string{"Es gab z.B. Proteste in Berlin, u.a. vor dem Kanzleramt, bzw. vor dem Bundestag.", "Dr. Müller sprach."}},
		{"de ordinal month", "Der Angriff fand am 3. März 2022 statt. Niemand wurde verletzt.",
			[]string{"Der Angriff fand am 3. März 2022 statt.", "Niemand wurde verletzt."}},
		{"fr guillemets", "Il a déclaré : « Nous resterons ici. » Puis il est parti. M. Dupont a confirmé.",
			[]string{"Il a déclaré : « Nous resterons ici. »", "Puis il est parti.", "M. Dupont a confirmé."}},
		{"es abbreviations", "El Sr. García llegó a EE.UU. el lunes. La Dra. López no vino.",
			[]string{"El Sr. García llegó a EE.UU. el lunes.", "La Dra. López no vino."}},
		{"ru abbreviations", "Это случилось в 2021 г. в Москве, т.е. в столице. Никто не пострадал.",
			[]string{"Это случилось в 2021 г. в Москве, т.е. в столице.", "Никто не пострадал."}},
		{"pl abbreviations", "Spotkanie odbyło się m.in. w Warszawie, tzw. stolicy. Prof. Nowak był obecny.",
			[]string{"Spotkanie odbyło się m.in. w Warszawie, tzw. stolicy.", "Prof. Nowak był obecny."}},
		{"tr abbreviations", "Toplantıya Prof. Yılmaz ve Dr. Demir katıldı. Sonra ayrıldılar.",
			[]string{"Toplantıya Prof. Yılmaz ve Dr. Demir katıldı.", "Sonra ayrıldılar."}},
		{"id abbreviations", "Mereka membeli beras, gula, dll. di pasar. Harga naik.",
			[]string{"Mereka membeli beras, gula, dll. di pasar.", "Harga naik."}},
		{"arabic", "قال المصدر إنّ الهجوم وقع صباحاً، وإنّ القافلة تضررت. هل كان الهجوم مخططاً؟ نعم!",
			[]string{"قال المصدر إنّ الهجوم وقع صباحاً، وإنّ القافلة تضررت.", "هل كان الهجوم مخططاً؟", "نعم!"}},
		{"arabic semicolon does not end", "انسحب المهاجمون؛ وأُرسلت تعزيزات إلى المنطقة.",
			[]string{"انسحب المهاجمون؛ وأُرسلت تعزيزات إلى المنطقة."}},
		{"arabic quote", "وأوضح المصدر أنّ “التعاون موجود لكنه غير معلن”. وأضاف أنّ الهجوم رسالة.",
			[]string{"وأوضح المصدر أنّ “التعاون موجود لكنه غير معلن”.", "وأضاف أنّ الهجوم رسالة."}},
		{"arabic title abbreviation", "التقى د. أحمد بالوزير أمس. ثم غادر.",
			[]string{"التقى د. أحمد بالوزير أمس.", "ثم غادر."}},
		{"urdu full stop", "وزارت نے بیان جاری کیا۔ فوجی زخمی ہو گئے۔",
			[]string{"وزارت نے بیان جاری کیا۔", "فوجی زخمی ہو گئے۔"}},
		{"cjk", "政府は発表した。経済は回復している。",
			[]string{"政府は発表した。", "経済は回復している。"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentenceTexts(t, d, tc.text)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Sentences =\n  %q\nwant\n  %q", got, tc.want)
			}
		})
	}
}

// Sentences never cross a segment boundary, even without punctuation.
func TestSentencesSegmentBoundary(t *testing.T) {
	d := newDetector(t)
	text := "The statement was read on television by the spokesman الجيش السوري يعلن السيطرة الكاملة على المنطقة"
	got := sentenceTexts(t, d, text)
	want := []string{"The statement was read on television by the spokesman", "الجيش السوري يعلن السيطرة الكاملة على المنطقة"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}

// Without segments the splitter still works, with English abbreviations.
func TestSentencesNilSegments(t *testing.T) {
	d := newDetector(t)
	text := "Mr. Brown arrived. He left."
	spans := d.Sentences(text, nil)
	checkSpans(t, text, spans)
	if len(spans) != 2 {
		t.Errorf("got %d sentences, want 2", len(spans))
	}
}
