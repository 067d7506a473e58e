package claim

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lang"
)

const sharedDir = "../../../../shared"

type goldClaim struct {
	ID         string  `json:"id"`
	Text       string  `json:"text"`
	RawPrefix  string  `json:"raw_prefix"`
	SourceType string  `json:"source_type"`
	Hedge      *string `json:"hedge"`
	Core       bool    `json:"core"`
}

type goldFile struct {
	Claims    []goldClaim `json:"claims"`
	NotClaims []struct {
		Text string `json:"text"`
	} `json:"not_claims"`
	Questions []struct {
		Text string `json:"text"`
	} `json:"questions"`
}

// TestSeeds scores the stage against the seed gold on the raw seed text,
// with sentences and segments from package lang and no mention layer: the
// attribution must be typed from nouns and capitalisation alone.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedDir, "seeds-gold", "*.json"))
	if len(files) == 0 {
		t.Skip("no seed gold in ../shared/seeds-gold")
	}
	st, lex := testStage(t)
	det, err := lang.New(lang.DefaultConfig(), lex)
	if err != nil {
		t.Fatal(err)
	}
	var core, found, typeOK, hedgeOK, progClaims, fp int
	for _, gf := range files {
		raw, err := os.ReadFile(filepath.Join(sharedDir, "seeds", strings.TrimSuffix(filepath.Base(gf), ".json")+".txt"))
		if err != nil {
			t.Skipf("seed text missing: %v", err)
		}
		var g goldFile
		b, err := os.ReadFile(gf)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		d := doc.New(string(raw))
		d.Segments = det.Segments(d.Text)
		d.Sentences = det.Sentences(d.Text, d.Segments)
		if err := st.Apply(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if err := doc.Check(d); err != nil {
			t.Fatal(err)
		}
		var goldSpans [][2]int
		for _, gc := range g.Claims {
			p := gc.RawPrefix
			if p == "" {
				p = prefixRunes(gc.Text, 60)
			}
			i := strings.Index(d.Text, p)
			if i < 0 {
				t.Errorf("%s: gold prefix %q not in text", gc.ID, p)
				continue
			}
			goldSpans = append(goldSpans, [2]int{i, i + len(p)})
			best, bestOv := -1, 0
			for ci, c := range d.Claims {
				if c.Kind == KindQuestion {
					continue
				}
				if ov := min(c.End, i+len(p)) - max(c.Start, i); ov > bestOv {
					best, bestOv = ci, ov
				}
			}
			if !gc.Core {
				continue
			}
			core++
			if best < 0 {
				t.Logf("MISS %s %q", gc.ID, p)
				continue
			}
			found++
			c := d.Claims[best]
			if c.Attribution.Type == gc.SourceType {
				typeOK++
			} else {
				t.Logf("TYPE %s: got %s (%q), want %s", gc.ID, c.Attribution.Type, c.Attribution.Text, gc.SourceType)
			}
			got, want := "", ""
			if c.Hedge != nil {
				got = strings.ToLower(*c.Hedge)
			}
			if gc.Hedge != nil {
				want = strings.ToLower(*gc.Hedge)
			}
			if got == want {
				hedgeOK++
			} else {
				t.Logf("HEDGE %s: got %q, want %q", gc.ID, got, want)
			}
		}
		for _, nc := range g.NotClaims {
			if i := strings.Index(d.Text, nc.Text); i >= 0 {
				goldSpans = append(goldSpans, [2]int{i, i + len(nc.Text)})
			}
		}
		for _, c := range d.Claims {
			if c.Kind == KindQuestion {
				continue
			}
			progClaims++
			hit := false
			for _, gs := range goldSpans {
				if c.Start < gs[1] && c.End > gs[0] {
					hit = true
					break
				}
			}
			if !hit {
				fp++
				t.Logf("FP %.2f %q", c.Score, prefixRunes(c.Text, 70))
			}
		}
	}
	if core == 0 {
		t.Skip("no core claims in gold")
	}
	recall := float64(found) / float64(core)
	typeAcc := float64(typeOK) / float64(max(found, 1))
	hedgeAcc := float64(hedgeOK) / float64(max(found, 1))
	prec := 1 - float64(fp)/float64(max(progClaims, 1))
	t.Logf("core recall %.3f (%d/%d), attribution type %.3f, hedge %.3f, precision %.3f (%d claims, %d unmatched)",
		recall, found, core, typeAcc, hedgeAcc, prec, progClaims, fp)
	if recall < 0.7 {
		t.Errorf("core recall %.3f < 0.7", recall)
	}
	if typeAcc < 0.7 {
		t.Errorf("attribution type accuracy %.3f < 0.7", typeAcc)
	}
}

func prefixRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
