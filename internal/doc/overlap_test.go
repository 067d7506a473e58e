package doc

import (
	"math/rand/v2"
	"testing"
)

// naive is the reference: every element overlapping [lo,hi).
func naive(ms []Mention, lo, hi int) map[int]bool {
	out := map[int]bool{}
	for i, m := range ms {
		if m.Start < hi && m.End > lo {
			out[i] = true
		}
	}
	return out
}

func TestMentionRange(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		d := New("")
		start := 0
		for range r.IntN(40) {
			start += r.IntN(5)
			d.Mentions = append(d.Mentions, Mention{Start: start, End: start + 1 + r.IntN(12)}) // nested and overlapping spans allowed
		}
		if round%10 == 9 && len(d.Mentions) > 2 { // an unsorted layer still answers correctly
			d.Mentions[0], d.Mentions[len(d.Mentions)-1] = d.Mentions[len(d.Mentions)-1], d.Mentions[0]
		}
		for range 20 {
			lo := r.IntN(start + 10)
			hi := lo + r.IntN(15)
			want := naive(d.Mentions, lo, hi)
			from, to := d.MentionRange(lo, hi)
			for i := range want {
				if i < from || i >= to {
					t.Fatalf("round %d: mention %d %+v overlaps [%d,%d) but range is [%d,%d)", round, i, d.Mentions[i], lo, hi, from, to)
				}
			}
		}
		// The index follows changes to the layer.
		d.Mentions = append(d.Mentions, Mention{Start: start + 100, End: start + 105})
		if from, to := d.MentionRange(start+101, start+102); to-from < 1 || to > len(d.Mentions) {
			t.Fatalf("round %d: appended mention not found: [%d,%d)", round, from, to)
		}
	}
	if from, to := New("").MentionRange(0, 10); from != 0 || to != 0 {
		t.Errorf("empty layer: [%d,%d)", from, to)
	}
}
