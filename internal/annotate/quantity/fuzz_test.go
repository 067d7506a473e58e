package quantity

import (
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"3.500", "3,500", "12 000", "12\u00a0000", "٣٬٥٠٠", "٣٫٥", "۱۲٫۵", "1.2.3", "0.500", "1,234.5",
	"meer dan 200 strijders", "tussen 200 en 300", "tot 8000 dollar", "$8,000", "200-300", "55-km",
	"أكثر من 200 مقاتل", "بين 200 و300", "MiG-29", "15:23", "20 januari 2022", "200'den fazla",
	"twenty-five", "drie honderd duizend", "a dozen", "1.5 million", "40 тысяч", "-", "%", "$",
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "nl")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		v, ok := ParseNumber(s, lang)
		if !ok && v != 0 {
			t.Errorf("ParseNumber(%q) = %v, false", s, v)
		}
		if ok && (v < 0 || v != v) {
			t.Errorf("ParseNumber(%q) = %v", s, v)
		}
	})
}

func FuzzFind(f *testing.F) {
	s := newStage(f)
	for _, x := range fuzzSeeds {
		f.Add(x, "nl")
		f.Add(x, "ar")
		f.Add(x, "")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		qs := s.Find(text, lang)
		if err := checkSpans(text, qs); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(text) {
			for _, q := range qs {
				if !utf8.ValidString(q.Text) {
					t.Errorf("%q cuts a character", q.Text)
				}
			}
		}
	})
}
