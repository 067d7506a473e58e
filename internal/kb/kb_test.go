package kb

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

func TestLoadUserDir(t *testing.T) {
	dir := t.TempDir()
	user := `- id: ct:isis
  type: ORG
  name: Islamic State
  aliases:
    nl: [IS-kalifaat]
- id: user:jan-testpersoon
  type: PERSON
  name: Jan Testpersoon
  aliases:
    nl: [J. Testpersoon]
`
	if err := os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte(user), 0o644); err != nil {
		t.Fatal(err)
	}
	k, err := Load(context.Background(), Options{Dirs: []string{dir}, NoPlaces: true})
	if err != nil {
		t.Fatal(err)
	}
	e, ok := k.Entity("ct:isis")
	if !ok || !slices.Contains(e.Aliases["nl"], "IS-kalifaat") || !slices.Contains(e.Aliases["nl"], "Islamitische Staat") {
		t.Fatalf("user alias not merged into the curated entity: %+v", e)
	}
	if k.LayerOf("ct:isis")&LayerUser == 0 || k.LayerOf("ct:isis")&LayerCurated == 0 {
		t.Errorf("layers = %b", k.LayerOf("ct:isis"))
	}
	if _, ok := k.Entity("user:jan-testpersoon"); !ok {
		t.Fatal("user entity missing")
	}
	m := NewMatcher(k, testLists(), DefaultConfig())
	ms := m.Mentions("Het IS-kalifaat en Jan Testpersoon.", seg("nl", 37))
	if len(ms) != 2 || ms[0].Entity == nil || *ms[0].Entity != "ct:isis" || ms[1].Entity == nil || *ms[1].Entity != "user:jan-testpersoon" {
		t.Errorf("mentions = %s", dump(ms))
	}
	n := 0
	for range k.ByType(Person) {
		n++
	}
	if n == 0 {
		t.Error("ByType(PERSON) is empty")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("- id: x:1\n  nmae: typo\n"), 0o644)
	if _, err := Load(context.Background(), Options{Dirs: []string{dir}, NoBuiltin: true}); err == nil {
		t.Error("unknown field accepted")
	}
	if _, err := Load(context.Background(), Options{Dirs: []string{filepath.Join(dir, "none")}, NoBuiltin: true}); err == nil {
		t.Error("missing dir accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, Options{NoPlaces: true}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled load: %v", err)
	}
}

func TestValidate(t *testing.T) {
	lat, bad := 36.5, 123.0
	es := []Entity{
		{ID: "ct:ok", Type: GPE, Name: "Ok", Lat: &lat, Lon: &lat, PartOf: "iso:SY"},
		{ID: "noprefix", Type: Org, Name: "X"},
		{ID: "ct:ok", Type: Org, Name: "Dup"},
		{ID: "ct:t", Type: "THING", Name: "T"},
		{ID: "ct:c", Type: GPE, Name: "C", Lat: &bad, Lon: &lat},
		{ID: "ct:p", Type: Org, Name: "P", PartOf: "ct:nowhere"},
		{ID: "ct:a", Type: Org, Name: "A", Ambiguous: []string{"B"}},
		{ID: "ct:h", Type: GPE, Name: "H", Lat: &lat},
	}
	k, err := FromEntities([]Entity{{ID: "iso:SY", Type: GPE, Name: "Syria"}}, LayerGenerated)
	if err != nil {
		t.Fatal(err)
	}
	errs := k.Validate(es)
	if len(errs) != 7 {
		for _, e := range errs {
			t.Log(e)
		}
		t.Fatalf("got %d problems, want 7", len(errs))
	}
	for _, e := range errs {
		if !errors.Is(e, ErrInvalid) {
			t.Errorf("%v does not wrap ErrInvalid", e)
		}
	}
	if errs := k.Validate(es[:1]); errs != nil {
		t.Errorf("valid entity rejected: %v", errs)
	}
}

func TestSearch(t *testing.T) {
	k := testKB(t)
	for _, c := range []struct{ q, first string }{
		{"hasaka", "gn:173811"},
		{"Al-Ḥasaka", "gn:173811"},
		{"داعش", "ct:isis"},
		{"ghwayr", "ct:ghuwayran-prison"},
		{"Tripoli", "gn:2210247"}, // the larger first
		{"iso:SY", "iso:SY"},
	} {
		r := k.Search(c.q, 3)
		if len(r) == 0 || r[0].ID != c.first {
			var ids []string
			for _, e := range r {
				ids = append(ids, e.ID)
			}
			t.Errorf("Search(%q) = %v, want %s first", c.q, ids, c.first)
		}
	}
	if r := k.Search("", 5); r != nil {
		t.Errorf("empty query: %v", r)
	}
}

func TestUnknownClusters(t *testing.T) {
	m := NewMatcher(testKB(t), testLists(), DefaultConfig())
	texts := []string{
		"Volgens woordvoerder Farhad Shami is het rustig.",
		"Woordvoerder Farhad Shamy zei dat.",
		"The general Farhad Shami said so.",
		"وقال العميد أيهم مرعي إن الهجوم فشل.",
	}
	var docs []*doc.Document
	for _, s := range texts {
		docs = append(docs, &doc.Document{Text: s, Mentions: m.Mentions(s, nil)})
	}
	u := Unknown(slices.Values(docs))
	if len(u) < 2 || u[0].Count != 3 || u[0].Name != "Farhad Shami" || len(u[0].Variants) != 2 || u[0].Type != Person {
		t.Fatalf("clusters = %+v", u)
	}
	if len(u[0].Examples) == 0 {
		t.Error("no examples")
	}
}

func TestSkeleton(t *testing.T) {
	same := [][]string{
		{"Ghweiran", "Ghwayran", "Ghuwayran", "Ghweran"},
		{"Hasakeh", "Hasakah", "Hasaka", "Hassaké"},
		{"Deir Ezzor", "Deir ez-Zor", "Dayr az-Zor"},
		{"Qamishli", "Kamishli", "Qamishly"},
		{"Jarablus", "Djarablus", "Garablus"},
	}
	for _, g := range same {
		for _, n := range g[1:] {
			if Skeleton(n) != Skeleton(g[0]) {
				t.Errorf("Skeleton(%q)=%q, Skeleton(%q)=%q", n, Skeleton(n), g[0], Skeleton(g[0]))
			}
			if s := Similarity(n, g[0]); s < 0.72 {
				t.Errorf("Similarity(%q, %q) = %.2f", n, g[0], s)
			}
		}
	}
	// Near misses: different places, other consonants.
	for _, p := range [][2]string{{"Homs", "Hama"}, {"Raqqa", "Rutba"}, {"Manbij", "Menagh"}, {"Idlib", "Dabiq"}} {
		if s := Similarity(p[0], p[1]); s > 0 {
			t.Errorf("Similarity(%q, %q) = %.2f, want 0", p[0], p[1], s)
		}
	}
}
