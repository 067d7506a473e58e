package event

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// benchDoc builds a ~5 KB mixed-language article with every layer the stage
// reads filled: sentences, segments, a mention at every occurrence of the
// known names, dates, numbers and one claim per sentence.
func benchDoc(tb testing.TB) *doc.Document {
	sentences := []string{
		"On 3 March 2023, Islamic State fighters attacked an army checkpoint near Palmyra, killing 12 soldiers.",
		"Turkey carried out a drone strike on SDF positions in Qamishli, the monitor reported.",
		"Op 20 januari 2022 lanceerden IS-strijders een aanval op de gevangenis van Ghweran in Al-Hasaka.",
		"De Asayish kondigden een uitgaansverbod van een week af, en volgens Sputnik zouden honderden gevangenen zijn ontsnapt.",
		"واندلعت اشتباكات عنيفة بين الجيش السوري وتنظيم داعش قرب تدمر، ما أدى إلى مقتل 9 عناصر.",
		"وكشف مصدر ميداني عن قيام الولايات المتحدة بنقل عشرات المعتقلين من سجون الحسكة إلى البادية.",
		"Une frappe aérienne israélienne a visé un immeuble à Beyrouth, tuant trois personnes.",
		"Bei einem Luftangriff auf Idlib wurden mindestens acht Zivilisten getötet.",
		"The delegation met local leaders to discuss water supplies and the reopening of schools in the district.",
		"Residents said the market reopened after weeks of uncertainty, while prices of bread and fuel kept rising.",
	}
	names := map[string][2]string{
		"Islamic State": {"ct:isis", "ORG"}, "Palmyra": {"gn:170794", "GPE"}, "Turkey": {"iso:TR", "GPE"},
		"SDF": {"ct:sdf", "ORG"}, "Qamishli": {"gn:167357", "GPE"}, "gevangenis van Ghweran": {"ct:ghweran", "FACILITY"},
		"Al-Hasaka": {"gn:173811", "GPE"}, "Asayish": {"ct:asayish", "ORG"}, "الجيش السوري": {"ct:saa", "ORG"},
		"تنظيم داعش": {"ct:isis", "ORG"}, "تدمر": {"gn:170794", "GPE"}, "الولايات المتحدة": {"iso:US", "GPE"},
		"الحسكة": {"gn:173811", "GPE"}, "Beyrouth": {"gn:276781", "GPE"}, "Idlib": {"gn:169389", "GPE"},
	}
	var paras [][]string
	size := 0
	for i := 0; size < 5000; i++ {
		p := []string{sentences[i%len(sentences)], sentences[(i+1)%len(sentences)]}
		paras = append(paras, p)
		size += len(p[0]) + len(p[1]) + 3
	}
	f := newFixture(tb, "en", "2023-03-04", paras...)
	d := f.d
	lat, lon := 35.0, 38.0
	for name, v := range names {
		for from := 0; ; {
			i := strings.Index(d.Text[from:], name)
			if i < 0 {
				break
			}
			s := from + i
			m := doc.Mention{Start: s, End: s + len(name), Text: name, Entity: doc.Str(v[0]), Name: name, Type: v[1]}
			if v[1] != "ORG" {
				m.Lat, m.Lon = &lat, &lon
			}
			d.Mentions = append(d.Mentions, m)
			from = s + len(name)
		}
	}
	for _, w := range []string{"12", "9", "3 March 2023", "20 januari 2022"} {
		for from := 0; ; {
			i := strings.Index(d.Text[from:], w)
			if i < 0 {
				break
			}
			s := from + i
			if strings.Contains(w, " ") {
				d.Times = append(d.Times, doc.Time{Start: s, End: s + len(w), Text: w, Value: "2023-03-03"})
			} else {
				v := 12.0
				d.Quantities = append(d.Quantities, doc.Quantity{Start: s, End: s + len(w), Text: w, Value: &v, Class: doc.Str("killed")})
			}
			from = s + len(w)
		}
	}
	for _, sp := range d.Sentences {
		d.Claims = append(d.Claims, doc.Claim{Start: sp.Start, End: sp.End, Text: d.Text[sp.Start:sp.End],
			Attribution: &doc.Attribution{Type: "anonymous"}})
	}
	// Mixed languages in one segment list would need the lang stage; mark
	// the text undetermined so every sentence is matched against all lists,
	// the slowest path.
	d.Segments = []doc.Segment{{Start: 0, End: len(d.Text), Lang: "und"}}
	if err := doc.Check(d); err != nil {
		tb.Fatal(err)
	}
	return d
}

func BenchmarkApply(b *testing.B) {
	st := mustStage(b)
	d := benchDoc(b)
	ctx := context.Background()
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		if err := st.Apply(ctx, d); err != nil {
			b.Fatal(err)
		}
		n++
	}
	// On a loaded machine wall time measures the queue; CPU time per
	// document measures the stage.
	if cpu := cpuTime() - cpu0; cpu > 0 && n > 0 {
		b.ReportMetric(float64(len(d.Text))*float64(n)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
	b.ReportMetric(float64(len(d.Events)), "events/doc")
}
