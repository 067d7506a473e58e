package textnorm

import (
	"strings"
	"testing"
)

// paragraph is about 5 KB of mixed Dutch, English and Arabic news text.
var paragraph = func() string {
	const nl = "De Islamitische Staat (IS, ook Dā‘iš) viel op 20 januari de Ghwayrān-gevangenis in al-Ḥasaka aan. " +
		"Volgens het Syrische Observatorium kwamen er meer dan 3.500 gevangenen vrij; de Koerdische SDF spreekt van ‘enkele honderden’. "
	const en = "The Syrian Observatory for Human Rights said fighters of Jaysh al-Maġāwīr and the SDF clashed near Sina’a prison, " +
		"while İstanbul-based outlets reported 350 deaths — a figure the coalition did not confirm. "
	const ar = "قال المرصد السوري لحقوق الإنسان إن تنظيم داعـــش هاجم سجن الصناعة في الحَسَكَة، " +
		"وإن أكثر من ٣٥٠٠ سجين فرّوا، بينما قالت قوات سوريا الديمقراطية إن العدد لا يتجاوز ۳۵۰. "
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString(nl)
		b.WriteString(en)
		b.WriteString(ar)
	}
	return b.String()
}()

func BenchmarkKey(b *testing.B) {
	b.SetBytes(int64(len(paragraph)))
	for b.Loop() {
		Key(paragraph)
	}
}

func BenchmarkFold(b *testing.B) {
	b.SetBytes(int64(len(paragraph)))
	for b.Loop() {
		Fold(paragraph)
	}
}

func BenchmarkKeyName(b *testing.B) {
	const name = "al-Ḥasaka"
	b.SetBytes(int64(len(name)))
	for b.Loop() {
		Key(name)
	}
}

func BenchmarkWords(b *testing.B) {
	key := Key(paragraph)
	b.SetBytes(int64(len(key)))
	for b.Loop() {
		Words(key)
	}
}

func BenchmarkDigits(b *testing.B) {
	b.SetBytes(int64(len(paragraph)))
	for b.Loop() {
		Digits(paragraph)
	}
}
