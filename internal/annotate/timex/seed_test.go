package timex

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedGold is the part of a seeds-gold file this package is scored on.
type seedGold struct {
	File      string `json:"file"`
	Lang      string `json:"lang"`
	Published struct {
		Value *string `json:"value"`
	} `json:"published"`
	Dates []struct {
		Surface string  `json:"surface"`
		Value   *string `json:"value"`
	} `json:"dates"`
}

// TestSeedScore scores Find on the raw seed texts against the gold dates
// the way the project's seed scorer does: a gold date with a value is
// found when a time overlaps an occurrence of its surface and its value
// starts with the gold value; a gold date with a null value is passed when
// no overlapping time is a full date with inferred_year false.
func TestSeedScore(t *testing.T) {
	const shared = "../../../../shared"
	golds, _ := filepath.Glob(filepath.Join(shared, "seeds-gold", "*.json"))
	if len(golds) == 0 {
		t.Skip("no ../shared/seeds-gold: seed score not measured")
	}
	s := newStage(t, DefaultConfig())
	total, ok := 0, 0
	for _, gp := range golds {
		b, err := os.ReadFile(gp)
		if err != nil {
			t.Fatal(err)
		}
		var g seedGold
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", gp, err)
		}
		raw, err := os.ReadFile(filepath.Join(shared, "seeds", g.File))
		if err != nil {
			t.Skipf("seed %s: %v", g.File, err)
		}
		text := string(raw)
		var pub *time.Time
		if g.Published.Value != nil {
			p, err := time.Parse("2006-01-02", *g.Published.Value)
			if err != nil {
				t.Fatalf("%s: published %q: %v", gp, *g.Published.Value, err)
			}
			pub = &p
		}
		times := s.Find(text, "", pub)
		checkTimes(t, text, times)
		for _, gd := range g.Dates {
			total++
			hit := gd.Value == nil
			for _, occ := range occurrences(text, gd.Surface) {
				for _, tm := range times {
					if tm.Start >= occ+len(gd.Surface) || tm.End <= occ {
						continue
					}
					if gd.Value == nil {
						full := len(tm.Value) >= 10 && !strings.HasPrefix(tm.Value, "--")
						if full && !tm.InferredYear {
							hit = false
						}
					} else if strings.HasPrefix(tm.Value, *gd.Value) {
						hit = true
					}
				}
			}
			if hit {
				ok++
			} else {
				want := "null"
				if gd.Value != nil {
					want = *gd.Value
				}
				t.Logf("%s: missed %q (want %s)", g.File, gd.Surface, want)
			}
		}
	}
	score := float64(ok) / float64(total)
	t.Logf("seed dates: %d/%d = %.3f", ok, total, score)
	if score < 0.9 {
		t.Errorf("seed date score %.3f < 0.9", score)
	}
}

// occurrences returns the byte offsets of every occurrence of sub in s.
func occurrences(s, sub string) []int {
	var out []int
	for off := 0; sub != ""; {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			break
		}
		out = append(out, off+i)
		off += i + len(sub)
	}
	return out
}
