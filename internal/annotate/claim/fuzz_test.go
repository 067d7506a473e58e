package claim

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// benchLines are fixture sentences in several languages (written for these
// tests), repeated to make a document of about 5 KB.
var benchLines = []string{
	"The Eastern Command said its units destroyed 14 tanks near Marinka on 2 May.",
	"According to Reuters, the talks collapsed after two hours, while witnesses reportedly saw 30 trucks leave.",
	"Maria Okonkwo, the governor of the province, wrote:",
	"The dam was opened without warning and 4,000 people lost their homes.",
	"Volgens Zorion, het persbureau van de rebellen, zouden er 40 doden zijn gevallen.",
	"Een Franse bron bevestigde dat de gijzelaars vrij zijn, waardoor de onderhandelingen stoppen.",
	"وكشف المصدر أنّ الطائرات قصفت المخزن مرتين على الأرجح بدعم من التحالف",
	"Selon l'AFP, trois civils ont été tués dans la nuit près de la frontière.",
	"Laut der Zeitung wurden 200 Menschen evakuiert, sagte Anna Becker.",
	"How did a truck full of explosives pass three checkpoints of the army?",
}

func benchDoc() *doc.Document {
	var lines []string
	for n := 0; n < 5000; {
		for _, l := range benchLines {
			lines = append(lines, l)
			n += len(l) + 2
		}
	}
	return build("", lines...)
}

func BenchmarkApply(b *testing.B) {
	st, _ := testStage(b)
	d := benchDoc()
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for b.Loop() {
		if err := st.Apply(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzApply checks that any text, cut into sentences anywhere and with
// mentions on arbitrary spans, yields claims that keep the contract.
func FuzzApply(f *testing.F) {
	for _, l := range benchLines {
		f.Add(l, 3, 7)
	}
	f.Add("“Quoted: «never closed", 0, 1)
	f.Add("X said:\n\n", 1, 2)
	f.Fuzz(func(t *testing.T, text string, cut, m int) {
		if !utf8Valid(text) {
			return
		}
		st, _ := testStage(t)
		d := doc.New(text)
		n := len(text)
		d.Segments = []doc.Segment{{Start: 0, End: n, Lang: "nl", Script: "Latn"}}
		c := boundary(text, abs(cut)%(n+1))
		d.Sentences = []doc.Span{{Start: 0, End: c}, {Start: c, End: n}}
		ms := boundary(text, abs(m)%(n+1))
		d.Mentions = []doc.Mention{{Start: 0, End: ms, Text: text[:ms], Type: "PERSON"}}
		if err := st.Apply(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if err := doc.Check(d); err != nil {
			t.Fatalf("%v: %+v", err, d.Claims)
		}
		for _, cl := range d.Claims {
			if cl.Attribution == nil || cl.Score < 0 || cl.Score > 1 {
				t.Fatalf("bad claim %+v", cl)
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		if x == -x {
			return 0
		}
		return -x
	}
	return x
}

func boundary(s string, i int) int {
	for i > 0 && i < len(s) && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
