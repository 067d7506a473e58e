package lang

import (
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

func TestTranslations(t *testing.T) {
	d := newDetector(t)
	en := "The council met on 14 June and approved 3 new wells for the villages east of the river.\n\n" +
		"About 4000 families depend on water trucks that come twice a week, the mayor said.\n\n" +
		"Work on the pumping station should finish by the end of 2024, officials added."
	ar := "اجتمع المجلس في 14 حزيران ووافق على حفر 3 آبار جديدة للقرى الواقعة شرق النهر.\n\n" +
		"وقال رئيس البلدية إن نحو ٤٠٠٠ عائلة تعتمد على صهاريج المياه التي تصل مرتين في الأسبوع.\n\n" +
		"وأضاف المسؤولون أن العمل في محطة الضخ يجب أن ينتهي بحلول نهاية عام 2024."
	fr := "Le conseil municipal a discuté du budget de la bibliothèque et des horaires d'ouverture pendant l'été, sans prendre de décision définitive sur les travaux."
	tests := []struct {
		name string
		text string
		want int
	}{
		{"english then arabic original", en + "\n\n" + ar, 1},
		{"unrelated short french paragraph", en + "\n\n" + fr, 0},
		{"one language only", en, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs := d.Segments(tt.text)
			got := Translations(tt.text, segs)
			if len(got) != tt.want {
				t.Fatalf("got %d translation pairs %+v for segments %+v", len(got), got, segs)
			}
			for _, tr := range got {
				if tr.Score < MinTranslationScore || tr.Score > 1 {
					t.Errorf("score %v out of range", tr.Score)
				}
				if segs[tr.A].Lang == segs[tr.B].Lang {
					t.Errorf("pair of one language: %+v", tr)
				}
			}
		})
	}
}

func TestTranslationsEmpty(t *testing.T) {
	if got := Translations("", nil); len(got) != 0 {
		t.Errorf("got %v", got)
	}
	segs := []doc.Segment{{Start: 0, End: 3, Lang: "en"}, {Start: 3, End: 6, Lang: "ar"}}
	if got := Translations(strings.Repeat("x", 6), segs); len(got) != 0 {
		t.Errorf("tiny segments paired: %v", got)
	}
}
