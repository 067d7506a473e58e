package timex

import (
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Op 20 januari 2022 en donderdag, 3 dagen geleden.",
		"January 20th, 2022 at 15:23; last Tuesday; 01/20/2022",
		"في ٦ كانون الثاني ٢٠٢٢ و20 يناير، يوم الثلاثاء، منذ 3 أيام",
		"Le 1er avril, il y a 2 ans; 5. Mai 2021; 12 марта 2022 года; 2019'da",
		"3.500 strijders, 55 كم, 020-123-4567, 31 februari 2022, 20–30 januari",
		"الثلاثاء\u0654 \xff\xfe 2022-13-45 9999/99/99",
		"",
	} {
		f.Add(s, "nl", true)
		f.Add(s, "", false)
	}
	s := newStage(f, DefaultConfig())
	pub := time.Date(2022, 2, 9, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text, lang string, withPub bool) {
		var p *time.Time
		if withPub {
			p = &pub
		}
		times := s.Find(text, lang, p)
		checkTimes(t, text, times)
		if utf8.ValidString(text) {
			for _, tm := range times {
				if !utf8.RuneStart(text[tm.Start]) || tm.End < len(text) && !utf8.RuneStart(text[tm.End]) {
					t.Fatalf("span %d..%d of %q not on rune boundaries", tm.Start, tm.End, text)
				}
			}
		}
	})
}
