package kb

import (
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// TestCuratedOverrideTrustsOnlyItsOwnNames: a curated entry that renames a
// gazetteer place lends curated trust to the names it lists, not to the
// place's generated alternate names ("Salem" is a GeoNames alternate name
// of Jerusalem and must still pass the gazetteer's plausibility rules).
func TestCuratedOverrideTrustsOnlyItsOwnNames(t *testing.T) {
	k := newKB()
	gen := Entity{ID: "gn:281184", Type: GPE, Name: "Yerushalayim", Country: "IL", Population: 800000,
		Aliases: map[string][]string{"und": {"Salem", "Hierosolyma"}}}
	cur := Entity{ID: "gn:281184", Type: GPE, Name: "Jerusalem", Aliases: map[string][]string{"ar": {"القدس"}}}
	if err := k.add(&gen, LayerGenerated); err != nil {
		t.Fatal(err)
	}
	if err := k.add(&cur, LayerCurated); err != nil {
		t.Fatal(err)
	}
	m := NewMatcher(k, testLists(), DefaultConfig())
	find := func(text string) []doc.Mention {
		return m.Mentions(text, []doc.Segment{{Start: 0, End: len(text), Lang: "en", Script: "Latn"}})
	}
	if ms := find("Officials in Jerusalem said so."); len(ms) != 1 || ms[0].Entity == nil || *ms[0].Entity != "gn:281184" {
		t.Errorf("the curated name did not resolve: %s", dump(ms))
	}
	for _, ms := range find("Mayor Bill Salem said so.") {
		if ms.Entity != nil && *ms.Entity == "gn:281184" {
			t.Errorf("a generated alternate name got curated trust: %+v", ms)
		}
	}
	if !k.vouched[0]["jerusalem"] || k.vouched[0]["salem"] {
		t.Errorf("vouched names = %v", k.vouched[0])
	}
}
