package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedsDir holds the project's seed articles and their gold annotation; it
// lives outside the repository, so the test skips when it is absent.
const seedsDir = "../../../shared"

// seedGold is the part of a seed gold file that concerns the clean-up.
type seedGold struct {
	File    string `json:"file"`
	Removed []struct {
		Kind   string `json:"kind"`
		Text   string `json:"text"`
		Strict bool   `json:"strict"`
	} `json:"removed"`
	Optional []struct {
		Kind string `json:"kind"`
		Text string `json:"text"`
	} `json:"optional_removals"`
	CleanChecks struct {
		MustContain      []string `json:"must_contain"`
		MustNotContain   []string `json:"must_not_contain"`
		ExactlyOnce      []string `json:"exactly_once"`
		ShouldContain    []string `json:"should_contain"`
		ShouldNotContain []string `json:"should_not_contain"`
	} `json:"clean_checks"`
}

func TestCleanSeeds(t *testing.T) {
	golds, _ := filepath.Glob(filepath.Join(seedsDir, "seeds-gold", "*.json"))
	if len(golds) == 0 {
		t.Skipf("no seed gold under %s", seedsDir)
	}
	c := newTestCleaner(t)
	for _, gp := range golds {
		t.Run(filepath.Base(gp), func(t *testing.T) {
			b, err := os.ReadFile(gp)
			if err != nil {
				t.Fatal(err)
			}
			var g seedGold
			if err := json.Unmarshal(b, &g); err != nil {
				t.Fatalf("%s: %v", gp, err)
			}
			raw, err := os.ReadFile(filepath.Join(seedsDir, "seeds", g.File))
			if err != nil {
				t.Skipf("seed %s: %v", g.File, err)
			}
			in := string(raw)
			out, rms := c.Clean(in)
			checkCleanInvariants(t, in, out, rms)
			cc := g.CleanChecks
			for _, s := range append(cc.MustContain, cc.ShouldContain...) {
				if !strings.Contains(out, s) {
					t.Errorf("cleaned text lacks %q", s)
				}
			}
			for _, s := range append(cc.MustNotContain, cc.ShouldNotContain...) {
				if strings.Contains(out, s) {
					t.Errorf("cleaned text still holds %q", s)
				}
			}
			for _, s := range cc.ExactlyOnce {
				if n := strings.Count(out, s); n != 1 {
					t.Errorf("cleaned text holds %q %d times, want once", s, n)
				}
			}
			// Every gold removal, strict or not, is covered by one of ours
			// of the same kind.
			for _, gr := range g.Removed {
				found := false
				for _, r := range rms {
					if r.Kind == gr.Kind && strings.Contains(r.Text, gr.Text) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("gold removal %s %q (strict %v) not made", gr.Kind, gr.Text, gr.Strict)
				}
			}
			// And every removal of ours is one the gold expects or allows:
			// anything else is over-cleaning.
			allowed := []string{}
			for _, gr := range g.Removed {
				allowed = append(allowed, gr.Text)
			}
			for _, gr := range g.Optional {
				allowed = append(allowed, gr.Text)
			}
			for _, r := range rms {
				ok := false
				for _, a := range allowed {
					if strings.Contains(r.Text, a) || strings.Contains(a, r.Text) {
						ok = true
						break
					}
				}
				if !ok {
					t.Errorf("removal %s %q is in neither removed nor optional_removals", r.Kind, r.Text)
				}
			}
		})
	}
}
