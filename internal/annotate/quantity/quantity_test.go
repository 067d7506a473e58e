package quantity

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in, lang string
		want     float64
		ok       bool
	}{
		{"3.500", "nl", 3500, true},
		{"3.500", "de", 3500, true},
		{"3.500", "tr", 3500, true},
		{"3.500", "id", 3500, true},
		{"3.500", "en", 3.5, true},
		{"3,500", "en", 3500, true},
		{"3,5", "nl", 3.5, true},
		{"3,5", "en", 3.5, true},
		{"2.5", "en", 2.5, true},
		{"2.5", "nl", 2.5, true},
		{"1.234.567", "nl", 1234567, true},
		{"1,234,567", "en", 1234567, true},
		{"1,234.5", "en", 1234.5, true},
		{"1.234,5", "de", 1234.5, true},
		{"12 000", "fr", 12000, true},
		{"12\u00a0000", "fr", 12000, true},
		{"12\u202f000", "ru", 12000, true},
		{"1 234 567,8", "pl", 1234567.8, true},
		{"٣٬٥٠٠", "ar", 3500, true},
		{"٣٫٥", "ar", 3.5, true},
		{"۱۲۵", "fa", 125, true},
		{"۱۲٫۵", "fa", 12.5, true},
		{"0.500", "en", 0.5, true},
		{"1.2.3", "nl", 0, false},
		{"12 00", "fr", 0, false},
		{"3..5", "en", 0, false},
		{".5", "en", 0, false},
		{"abc", "en", 0, false},
		{"", "en", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in, tt.lang)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("ParseNumber(%q, %s) = %v, %v; want %v, %v", tt.in, tt.lang, got, ok, tt.want, tt.ok)
		}
	}
}

// TestFind holds fixtures written for this package, one group per language.
// Each want line is describe() of one quantity, in order.
func TestFind(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"nl bounds", "nl",
			"Bij de rellen vielen meer dan 40 doden en raakten ongeveer 1.200 betogers gewond.",
			[]string{`"meer dan 40" v=40 min=40 of="doden" class=killed`, `"ongeveer 1.200" v=1200 ~ of="betogers" class=wounded`}},
		{"nl words and money", "nl",
			"Drie agenten kregen tot 5.000 euro boete, twee anderen minstens 2,5 miljoen.",
			[]string{`"Drie" v=3 of="agenten"`, `"tot 5.000 euro" v=5000 max=5000 unit=EUR`, `"twee" v=2 of="anderen"`, `"minstens 2,5 miljoen" v=2.5e+06 min=2.5e+06`}},
		{"nl range and vague", "nl",
			"Tussen 300 en 400 gedetineerden zaten vast; honderden families sloegen op de vlucht.",
			[]string{`"Tussen 300 en 400" v=- min=300 max=400 of="gedetineerden" class=held`, `"honderden" v=- of="families"`}},
		{"nl dates and codes", "nl",
			"Op 20 januari 2022 om 15:23 stegen twee F-16's op van vliegbasis T4, in 2019 nog gesloten.",
			[]string{`"twee" v=2 of="F"`}},
		{"en separators", "en",
			"Officials said 3,500 people fled and about 2.5 million lost power; up to $8,000 was paid.",
			[]string{`"3,500" v=3500 of="people" class=displaced`, `"about 2.5 million" v=2.5e+06 ~ of="lost"`, `"up to $8,000" v=8000 max=8000 unit=USD`}},
		{"en words", "en",
			"Twenty-five soldiers were killed and at least a dozen wounded in the 15th Battalion's area, 40 km from the border.",
			[]string{`"Twenty-five" v=25 of="soldiers" class=killed`, `"at least a dozen" v=12 min=12 of="wounded" class=wounded`, `"40 km" v=40 unit=km`}},
		{"en ambiguous dot", "en",
			"The convoy carried 2.500 fighters over 3.5 km.",
			[]string{`"2.500" v=2500 of="fighters"`, `"over 3.5 km" v=3.5 min=3.5 unit=km`}},
		{"en vague", "en",
			"Dozens of civilians were reported missing, a number of them children; since 2015 the MiG-29 and Covid-19 era.",
			[]string{`"Dozens of" v=- of="civilians" class=missing`, `"a number of" v=-`}},
		{"ar", "ar",
			"قُتل أكثر من 200 مقاتل، وفرّ نحو ٣٬٥٠٠ معتقل من السجن على بعد 55 كم، وبلغت الخسائر 8 مليون دولار.",
			[]string{`"أكثر من 200" v=200 min=200 of="مقاتل" class=killed`, `"نحو ٣٬٥٠٠" v=3500 ~ of="معتقل" class=escaped`, `"55 كم" v=55 unit=km`, `"8 مليون دولار" v=8e+06 unit=USD`}},
		{"ar words and range", "ar",
			"أصيب ثلاثة جنود، ونقل ما بين 200 و300 محتجز في العام 2017 إلى الحسكة.",
			[]string{`"ثلاثة" v=3 of="جنود" class=wounded`, `"بين 200 و300" v=- min=200 max=300 of="محتجز" class=transferred`}},
		{"fr", "fr",
			"Environ 12 000 personnes ont été déplacées et plus de 30 blessés selon l'ONU, soit 4,5 %.",
			[]string{`"Environ 12 000" v=12000 ~ of="personnes"`, `"plus de 30" v=30 min=30 of="blessés" class=wounded`, `"4,5 %" v=4.5 unit=percent`}},
		{"de", "de",
			"Mehr als 1.500 Häftlinge wurden verlegt, etwa drei Dutzend Angreifer getötet.",
			[]string{`"Mehr als 1.500" v=1500 min=1500 of="Häftlinge" class=transferred`, `"etwa drei Dutzend" v=36 ~ of="Angreifer" class=killed`}},
		{"ru", "ru",
			"Около 40 тысяч человек бежали, более 1,5 млн долларов потрачено.",
			[]string{`"Около 40 тысяч" v=40000 ~ of="человек" class=escaped`, `"более 1,5 млн долларов" v=1.5e+06 min=1.5e+06 unit=USD`}},
		{"tr", "tr",
			"Yaklaşık 12 milyon kişi etkilendi, 200'den fazla asker öldü ve üç köy boşaltıldı.",
			[]string{`"Yaklaşık 12 milyon" v=1.2e+07 ~ of="kişi"`, `"200'den fazla" v=200 min=200 of="asker" class=killed`, `"üç" v=3 of="köy"`}},
		{"es", "es",
			"Más de 3.000 desplazados y unos 15 muertos, con pérdidas de 2,5 millones de euros.",
			[]string{`"Más de 3.000" v=3000 min=3000 of="desplazados" class=displaced`, `"unos 15" v=15 ~ of="muertos" class=killed`, `"2,5 millones" v=2.5e+06`}},
		{"fa", "fa",
			"حدود ۱۲۰ نفر کشته شدند.",
			[]string{`"حدود ۱۲۰" v=120 ~ of="نفر" class=killed`}},
	}
	s := newStage(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := s.Find(tt.text, tt.lang)
			if err := checkSpans(tt.text, qs); err != nil {
				t.Fatal(err)
			}
			var got []string
			for i := range qs {
				got = append(got, describe(&qs[i]))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Find(%q)\ngot:\n  %s\nwant:\n  %s", tt.text, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestApplySegments(t *testing.T) {
	s := newStage(t)
	en := "Some 3,500 fighters were held. "
	nl := "Ongeveer 3.500 strijders zaten vast. "
	ar := "نحو 3500 مقاتل."
	text := en + nl + ar
	d := doc.New(text)
	d.Segments = []doc.Segment{
		{Start: 0, End: len(en), Lang: "en", Script: "Latn"},
		{Start: len(en), End: len(en + nl), Lang: "nl", Script: "Latn"},
		{Start: len(en + nl), End: len(text), Lang: "ar", Script: "Arab"},
	}
	if err := s.Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := checkSpans(text, d.Quantities); err != nil {
		t.Fatal(err)
	}
	if len(d.Quantities) != 3 {
		t.Fatalf("got %d quantities, want 3", len(d.Quantities))
	}
	for _, q := range d.Quantities {
		if q.Value == nil || *q.Value != 3500 || !q.Approx {
			t.Errorf("%s: want approx 3500", describe(&q))
		}
	}
	if err := doc.Check(d); err != nil {
		t.Error(err)
	}
}

func TestApplyTimes(t *testing.T) {
	s := newStage(t)
	text := "Op 3 maart vluchtten 3 mensen, 2 dagen later."
	at := strings.Index(text, "3 maart")
	later := strings.Index(text, "2 dagen later")
	d := &doc.Document{Text: text,
		Segments: []doc.Segment{{Start: 0, End: len(text), Lang: "nl"}},
		Times: []doc.Time{
			{Start: at, End: at + len("3 maart"), Text: "3 maart"},
			{Start: later, End: later + len("2 dagen later"), Text: "2 dagen later"},
		}}
	if err := s.Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range d.Quantities {
		got = append(got, q.Text)
	}
	if strings.Join(got, "|") != "3|2 dagen" {
		t.Errorf("got %q, want [3, 2 dagen]: numbers in times skipped, durations kept", got)
	}
}

func TestApplyCancelled(t *testing.T) {
	s := newStage(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Apply(ctx, &doc.Document{Text: "3 mensen"}); err == nil {
		t.Error("Apply on a cancelled context: want an error")
	}
}
