package extract

import (
	"strings"
	"testing"
)

// benchText generates a deterministic article of about 2.5 KB per unit of
// size: a title with a glued URL slug, paragraphs of pseudo-random words, a
// caption standing alone and spliced into a word, a repeated caption line, a
// "Pic:" caption repeating the title and a comment-form trailer.
func benchText(size int) string {
	words := strings.Fields("the army said on Monday that fighters attacked a convoy near " +
		"border crossing after weeks of reports about prisoners moved by helicopter from camps " +
		"in the north while officials denied any role in the operation and local sources " +
		"described heavy shelling of villages along the river road")
	const caption = "Soldiers guard the northern gate of the prison on 20 January"
	const title = "Attack on the convoy. Questions about support for the group"
	var b strings.Builder
	b.WriteString(title + ".attack-on-the-convoy-questions-about-support\n\n")
	b.WriteString("Source: Example News 9 February 2022\n\n")
	seed := uint32(7)
	next := func() int {
		seed = seed*1664525 + 1013904223
		return int(seed >> 8)
	}
	for u := range size {
		for p := range 5 {
			n := 55 + next()%20
			for i := range n {
				if i > 0 {
					b.WriteByte(' ')
				}
				w := words[next()%len(words)]
				if p == 2 && i == n/2 && u == 0 {
					w = "pris" + caption + "oners"
				}
				b.WriteString(w)
			}
			b.WriteString(".\n\n")
			if p == 1 && u == 0 {
				b.WriteString(caption + "\n\n")
			}
			if p == 3 && u == 0 {
				b.WriteString("Guards at the gate of the prison on 21 January\nGuards at the gate of the prison on 21 January\n\n")
			}
		}
	}
	b.WriteString("Pic: " + title + "\n\n")
	b.WriteString("The author is a journalist based in Beirut.\n\nLeave a Reply\n\n")
	b.WriteString("Your email address will not be published. Required fields are marked *\n")
	return b.String()
}

func BenchmarkClean(b *testing.B) {
	c := newTestCleaner(b)
	in := benchText(2)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		c.Clean(in)
	}
}

func BenchmarkCleanLarge(b *testing.B) {
	c := newTestCleaner(b)
	in := benchText(40)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		c.Clean(in)
	}
}

func TestBenchTextCleans(t *testing.T) {
	c := newTestCleaner(t)
	in := benchText(2)
	out, rms := c.Clean(in)
	checkCleanInvariants(t, in, out, rms)
	kinds := map[string]int{}
	for _, r := range rms {
		kinds[r.Kind]++
	}
	if kinds["splice"] != 1 || kinds["duplicate"] != 2 || kinds["boilerplate"] != 3 {
		t.Errorf("removals by kind = %v, want 1 splice, 2 duplicates, 3 boilerplate: %+v", kinds, rms)
	}
	if !strings.Contains(out, " prisoners") {
		t.Errorf("splice not repaired")
	}
}
