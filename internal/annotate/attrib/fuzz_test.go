package attrib

import (
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

var fixture = []string{
	"Maria Lopez, the mayor of the town, said that 14 houses burned down.",
	"Er vielen 40 doden, volgens Zorion, het persbureau van de rebellen.",
	"Bovendien meldde een artikel van Telegraaf, waarin ingewijden worden geciteerd, dat de minister aftreedt.",
	"ونقلت قناة الأخبار عن شهود عيان أن السوق احترق على الأرجح",
	"Selon l'AFP, trois civils auraient été tués dans la nuit.",
	"Laut der Zeitung wurden 200 Menschen evakuiert, sagte Anna Becker.",
	"Источник сообщил, что переговоры сорваны.",
}

// FuzzFind checks that Find never panics and returns spans inside the text
// for any text, span and mention layout.
func FuzzFind(f *testing.F) {
	for _, s := range fixture {
		f.Add(s, 0, len(s), 2, 9)
	}
	f.Add("l'", -3, 99, 0, 1)
	f.Add("d’’ — «", 1, 4, 2, 3)
	f.Fuzz(func(t *testing.T, text string, s, e, ms, me int) {
		if strings.ToValidUTF8(text, "\uFFFD") != text {
			return
		}
		fd := testFinder(t)
		d := doc.New(text)
		d.Segments = []doc.Segment{{Start: 0, End: len(text), Lang: "en"}}
		d.Mentions = []doc.Mention{{Start: ms, End: me, Type: "OUTLET"}}
		attr, chain, hedge, cue := fd.Find(d, doc.Span{Start: s, End: e})
		if attr == nil {
			t.Fatal("nil attribution")
		}
		if cue.Start < 0 || cue.End < cue.Start || cue.End > len(text) {
			t.Fatalf("cue %v outside %d bytes", cue, len(text))
		}
		if hedge != nil && !strings.Contains(text, *hedge) {
			t.Fatalf("hedge %q not in text", *hedge)
		}
		for _, a := range append(chain, *attr) {
			if !strings.Contains(text, a.Text) {
				t.Fatalf("source %q not in text", a.Text)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	fd := testFinder(b)
	var sb strings.Builder
	for sb.Len() < 5000 {
		for _, s := range fixture {
			sb.WriteString(s)
			sb.WriteString("\n")
		}
	}
	text := sb.String()
	d := doc.New(text)
	d.Segments = []doc.Segment{{Start: 0, End: len(text), Lang: "en"}}
	var spans []doc.Span
	pos := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		spans = append(spans, doc.Span{Start: pos, End: pos + len(l)})
		pos += len(l)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		for _, sp := range spans {
			fd.Find(d, sp)
		}
	}
}
