package textnorm

import (
	"testing"
	"unicode/utf8"
)

// FuzzFold checks, for any input: no panic; Orig has one entry per key byte
// plus one, never decreases and stays within the source; Key and Fold agree;
// keys are fixed points, valid UTF-8 and tidy; every word of the key maps
// back through Span to source text with that key; Span, Digits, Words and
// StripArticle accept anything.
func FuzzFold(f *testing.F) {
	for _, s := range multilingual {
		f.Add(s, 0, 3)
	}
	f.Add("Ğayš Erdoğan Nağāf", 2, 9)
	f.Add("g\u0306a s\u030C \u0301x", 1, 1)
	f.Add("xﷺy ⑴z", 0, 100)
	f.Add("\xed\xa0\x80 \xf4\x90\x80\x80", -1, 2)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		fd := Fold(s)
		checkFolded(t, s, fd)
		if k := Key(s); k != fd.Key {
			t.Fatalf("Key(%q) = %q, Fold gives %q", s, k, fd.Key)
		}
		if kk := Key(fd.Key); kk != fd.Key {
			t.Errorf("Key(%q) = %q, but Key of that is %q", s, fd.Key, kk)
		}
		checkTidy(t, s, fd.Key)
		checkSpanWords(t, s)

		a, b := fd.Span(start, end)
		if a < 0 || a > b || b > len(s) {
			t.Errorf("Fold(%q).Span(%d, %d) = %d, %d out of range", s, start, end, a, b)
		}
		if d := Digits(s); utf8.ValidString(s) && utf8.RuneCountInString(d) != utf8.RuneCountInString(s) {
			t.Errorf("Digits(%q) = %q changed the rune count", s, d)
		}
		StripArticle(fd.Key)
	})
}
