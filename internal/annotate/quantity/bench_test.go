package quantity

import (
	"strings"
	"testing"
)

// benchText is about 5 KB of mixed Dutch, English and Arabic news prose
// with numbers in every form the stage reads.
func benchText() string {
	parts := []string{
		"Bij de aanval op de gevangenis kwamen meer dan 200 mensen om het leven, terwijl naar schatting 3.500 gedetineerden werden vastgehouden. ",
		"Op 20 januari 2022 om 15:23 vielen twee F-16's aan; tussen 300 en 400 strijders vluchtten naar het zuiden, tot 8000 dollar per persoon. ",
		"Officials said about 2.5 million people lost power and at least a dozen were wounded, 40 km from the border, in 2019. ",
		"Dozens of civilians were reported missing, and some 3,500 fighters were transferred by bus over several days. ",
		"قتل أكثر من 200 مقاتل، وفر نحو ٣٬٥٠٠ معتقل من السجن على بعد 55 كم، وبلغت الخسائر 8 مليون دولار في العام 2017. ",
		"ونقل ما بين 200 و300 محتجز إلى الحسكة خلال عدة أيام، وأصيب ثلاثة جنود بجروح. ",
	}
	var b strings.Builder
	for b.Len() < 5000 {
		for _, p := range parts {
			b.WriteString(p)
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	s := newStage(b)
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Find(text, "")
	}
}

func BenchmarkFindDutch(b *testing.B) {
	s := newStage(b)
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Find(text, "nl")
	}
}
