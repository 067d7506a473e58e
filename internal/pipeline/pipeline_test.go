package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/ingest"
	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

var update = flag.Bool("update", false, "rewrite testdata/cases/*/want.json from the current output")

var (
	kbOnce sync.Once
	kbVal  *kb.KB
	kbErr  error
)

// testKB loads the built-in knowledge base once for all tests.
func testKB(tb testing.TB) *kb.KB {
	tb.Helper()
	kbOnce.Do(func() { kbVal, kbErr = kb.Load(context.Background(), kb.Options{}) })
	if kbErr != nil {
		tb.Fatal(kbErr)
	}
	return kbVal
}

func newPipeline(tb testing.TB) *Pipeline {
	tb.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		tb.Fatal(err)
	}
	p, err := New(lex, testKB(tb), DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// analyzeFile runs the whole pipeline on one file through ingest, as the CLI does.
func analyzeFile(tb testing.TB, p *Pipeline, path string) []*doc.Document {
	tb.Helper()
	var out []*doc.Document
	for r := range p.Run(context.Background(), ingest.Read(context.Background(), ingest.DefaultConfig(), []string{path}, nil)) {
		if r.Err != nil {
			tb.Fatalf("%s: %v", path, r.Err)
		}
		out = append(out, r.Doc)
	}
	return out
}

// expectation is what a reader of each case must be able to rely on,
// beyond the golden file (which pins everything else).
type expectation struct {
	docs        int
	title       string
	outlet      string
	author      string
	published   string
	partial     string
	contains    []string
	lacks       []string
	once        []string
	removed     []string // kinds, in any order, each at least once
	langs       []string // segment languages in order
	firstScript string
}

var cases = map[string]expectation{
	"nl_splice": {
		docs: 1, title: "Gemeente sluit drie scholen na brand in opslagloods",
		outlet: "De Nieuwe Courant", author: "Pieter de Wit", published: "2023-03-14",
		contains: []string{"Naar schatting 40 omwonende gezinnen moesten hun huis verlaten", "De burgemeester zei"},
		lacks:    []string{"Geef een reactie", "e-mailadres", "gezinBrand"},
		once:     []string{"Brandweerlieden bestrijden het vuur bij de loods"},
		removed:  []string{"splice", "boilerplate"}, langs: []string{"nl"},
	},
	"en_page": {
		docs: 1, title: "Flooding cuts road links to northern valley", author: "Amira Hassan",
		outlet: "The Valley Herald", published: "2024-04-11",
		contains: []string{"Around 3,500 residents", "Schools in the valley will stay closed"},
		lacks:    []string{"Most read", "cookies", "Leave a Reply", "All rights reserved"},
		langs:    []string{"en"},
	},
	"ar_byline": {
		docs: 1, title: "ارتفاع أسعار الخبز في ثلاث محافظات", author: "سامر الخطيب", outlet: "وكالة الأنباء المحلية",
		published: "2023-03-12",
		contains:  []string{"ارتفع بنسبة 25 بالمئة", "ينتظرون ساعات طويلة"},
		lacks:     []string{"اترك تعليق", "لن يتم نشر"},
		once:      []string{"طوابير أمام أحد الأفران في حمص"},
		removed:   []string{"duplicate", "boilerplate"}, langs: []string{"ar"}, firstScript: "Arab",
	},
	"fr_comments": {
		docs: 1, author: "Claire Martin", outlet: "Le Courrier du Sud", published: "2023-03-03",
		title:    "La mairie annonce la fermeture du pont pour travaux",
		contains: []string{"environ 12 000 véhicules"},
		lacks:    []string{"Laisser un commentaire", "ne sera pas publiée"},
		removed:  []string{"boilerplate"}, langs: []string{"fr"},
	},
	"de_quelle": {
		docs: 1, title: "Stadtrat beschließt neues Radwegenetz", author: "Max Berger", outlet: "Der Stadtbote", published: "2021-05-05",
		lacks: []string{"Schreibe einen Kommentar", "nicht veröffentlicht"}, removed: []string{"boilerplate"}, langs: []string{"de"},
	},
	"en_ar_translation": {
		docs: 1, title: "Water shortages hit villages east of the river.", author: "Layla Nasser", outlet: "The River Post",
		partial:  "--06-14T10:05",
		contains: []string{"villages east of the river.\n", "نقص المياه يضرب القرى شرق النهر"},
		lacks:    []string{"نقص-المياه"},
		removed:  []string{"boilerplate"}, langs: []string{"en", "ar"},
	},
	"ru_plain": {
		docs: 1, title: "В городе открылся новый мост через реку", outlet: "Городские новости", published: "2022-03-12",
		langs: []string{"ru"}, firstScript: "Cyrl",
	},
	"tr_jsonl": {
		docs: 3, title: "Belediye yeni park projesini açıkladı", outlet: "Şehir Gazetesi", published: "2023-05-02",
		langs: []string{"tr"},
	},
}

func TestCases(t *testing.T) {
	p := newPipeline(t)
	dirs, err := filepath.Glob("testdata/cases/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) != len(cases) {
		t.Errorf("%d case directories, %d expectations", len(dirs), len(cases))
	}
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
			if len(inputs) != 1 {
				t.Fatalf("want one input.* in %s", dir)
			}
			docs := analyzeFile(t, p, inputs[0])
			checkExpectation(t, docs, cases[name])
			var buf bytes.Buffer
			enc := doc.NewEncoder(&buf, true)
			for _, d := range docs {
				if err := enc.Encode(d); err != nil {
					t.Fatal(err)
				}
			}
			golden := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/pipeline -update to create it)", err)
			}
			if !bytes.Equal(want, buf.Bytes()) {
				t.Errorf("output differs from %s; review with -update and git diff.\ngot:\n%s", golden, buf.String())
			}
		})
	}
}

func checkExpectation(t *testing.T, docs []*doc.Document, e expectation) {
	t.Helper()
	if len(docs) != e.docs {
		t.Fatalf("got %d documents, want %d", len(docs), e.docs)
	}
	d := docs[0]
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	if e.title != "" && d.Title != e.title {
		t.Errorf("title = %q, want %q", d.Title, e.title)
	}
	if e.outlet != "" && str(d.Source.Outlet) != e.outlet {
		t.Errorf("outlet = %q, want %q", str(d.Source.Outlet), e.outlet)
	}
	if e.author != "" && str(d.Source.Author) != e.author {
		t.Errorf("author = %q, want %q", str(d.Source.Author), e.author)
	}
	if str(d.Published) != e.published {
		t.Errorf("published = %q, want %q", str(d.Published), e.published)
	}
	if str(d.PublishedPartial) != e.partial {
		t.Errorf("published_partial = %q, want %q", str(d.PublishedPartial), e.partial)
	}
	for _, s := range e.contains {
		if !strings.Contains(d.Text, s) {
			t.Errorf("text lacks %q", s)
		}
	}
	for _, s := range e.lacks {
		if strings.Contains(d.Text, s) {
			t.Errorf("text still has %q", s)
		}
	}
	for _, s := range e.once {
		if n := strings.Count(d.Text, s); n != 1 {
			t.Errorf("text has %q %d times, want once", s, n)
		}
	}
	var kinds []string
	for _, r := range d.Removed {
		kinds = append(kinds, r.Kind)
	}
	for _, k := range e.removed {
		if !slices.Contains(kinds, k) {
			t.Errorf("no %s removal recorded (got %v)", k, kinds)
		}
	}
	var langs []string
	for _, s := range d.Segments {
		langs = append(langs, s.Lang)
	}
	if !slices.Equal(langs, e.langs) {
		t.Errorf("segment languages = %v, want %v", langs, e.langs)
	}
	if e.firstScript != "" && len(d.Segments) > 0 && d.Segments[0].Script != e.firstScript {
		t.Errorf("first segment script = %s, want %s", d.Segments[0].Script, e.firstScript)
	}
	for _, d := range docs {
		if err := doc.Check(d); err != nil {
			t.Error(err)
		}
	}
}

// TestSeeds runs the two seed articles and checks the strict points of
// ../shared/seeds-gold/README.md that this stage owns. It skips when the
// shared folder is not beside the repository.
func TestSeeds(t *testing.T) {
	seeds := filepath.Join("..", "..", "..", "shared", "seeds")
	goldDir := filepath.Join("..", "..", "..", "shared", "seeds-gold")
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) == 0 {
		t.Skip("../shared/seeds not present; skipping seed checks")
	}
	p := newPipeline(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(goldDir, name+".json"))
			if err != nil {
				t.Skipf("no gold for %s: %v", name, err)
			}
			var g struct {
				Source struct {
					Outlet        string
					OutletSurface string `json:"outlet_surface"`
					Author        string
				}
				Published struct {
					Value *string
				}
				Title       string
				CleanChecks struct {
					MustContain    []string `json:"must_contain"`
					MustNotContain []string `json:"must_not_contain"`
					ExactlyOnce    []string `json:"exactly_once"`
				} `json:"clean_checks"`
				Segments []struct{ Lang, Script string }
				Removed  []struct {
					Kind   string
					Strict bool
				}
			}
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatal(err)
			}
			docs := analyzeFile(t, p, f)
			if len(docs) != 1 {
				t.Fatalf("%d documents", len(docs))
			}
			d := docs[0]
			for _, s := range g.CleanChecks.MustContain {
				if !strings.Contains(d.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range g.CleanChecks.MustNotContain {
				if strings.Contains(d.Text, s) {
					t.Errorf("text still has %q", s)
				}
			}
			for _, s := range g.CleanChecks.ExactlyOnce {
				if n := strings.Count(d.Text, s); n != 1 {
					t.Errorf("%q occurs %d times", s, n)
				}
			}
			trim := func(s string) string { return strings.TrimSuffix(strings.TrimSpace(s), ".") }
			if trim(d.Title) != trim(g.Title) {
				t.Errorf("title = %q, want %q", d.Title, g.Title)
			}
			fold := func(s string) string {
				return strings.ToLower(strings.NewReplacer("-", "", " ", "").Replace(s))
			}
			if d.Source.Outlet == nil || (fold(*d.Source.Outlet) != fold(g.Source.Outlet) && fold(*d.Source.Outlet) != fold(g.Source.OutletSurface)) {
				t.Errorf("outlet = %v, want %q", d.Source.Outlet, g.Source.Outlet)
			}
			if d.Source.Author == nil || *d.Source.Author != g.Source.Author {
				t.Errorf("author = %v, want %q", d.Source.Author, g.Source.Author)
			}
			switch {
			case g.Published.Value != nil && (d.Published == nil || *d.Published != *g.Published.Value):
				t.Errorf("published = %v, want %s", d.Published, *g.Published.Value)
			case g.Published.Value == nil && d.Published != nil:
				t.Errorf("published = %s, but the text gives no year", *d.Published)
			}
			var got []string
			for _, s := range d.Segments {
				got = append(got, s.Lang+"/"+s.Script)
			}
			var want []string
			for _, s := range g.Segments {
				want = append(want, s.Lang+"/"+s.Script)
			}
			if !slices.Equal(got, want) {
				t.Errorf("segments = %v, want %v", got, want)
			}
			strict := 0
			for _, r := range g.Removed {
				if r.Strict {
					strict++
				}
			}
			if len(d.Removed) < strict {
				t.Errorf("%d removals recorded, gold has %d strict ones", len(d.Removed), strict)
			}
		})
	}
}

func TestRunKeepsOrderAndReportsFailures(t *testing.T) {
	p := newPipeline(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	paths := []string{
		write("a.txt", "Eerste bericht over de gemeenteraad van Utrecht en de nieuwe begroting."),
		write("b.bin", "\x00\x01\x02\x03\x89PNG\x00\x00\x00"),
		write("c.txt", ""),
		write("d.jsonl", "{\"text\": \"Second story about the harbour in Rotterdam and its new quay.\"}\n{broken\n{\"text\": \"Third story, about the dunes near Haarlem and the spring storms.\"}\n"),
	}
	var got []string
	for r := range p.Run(context.Background(), ingest.Read(context.Background(), ingest.DefaultConfig(), paths, nil)) {
		if r.Err != nil {
			got = append(got, "error")
			continue
		}
		got = append(got, strings.Fields(r.Doc.Text)[0])
	}
	want := []string{"Eerste", "error", "error", "Second", "error", "Third"}
	if !slices.Equal(got, want) {
		t.Errorf("results = %v, want %v", got, want)
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Bron: Jan\nKrant 1 mei 2020\n\nTitel\n\nTekst met een zin. En nog een.", false)
	f.Add("<html><body><p>Hello world, this is a page.</p></body></html>", true)
	f.Add("عنوان.عنوان-بلا-مسافة-هنا-الان\n\nنص", false)
	p := newPipeline(f)
	f.Fuzz(func(t *testing.T, body string, html bool) {
		in := doc.Input{Path: "fuzz", Format: doc.FormatText, Body: strings.ToValidUTF8(body, "\uFFFD")}
		if html {
			in.Format = doc.FormatHTML
		}
		d, err := p.Analyze(context.Background(), in)
		if err != nil {
			return
		}
		if err := doc.Check(d); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	for _, tc := range []struct {
		name  string
		share float64
	}{{"text", 0}, {"html", 1}} {
		b.Run(tc.name, func(b *testing.B) { benchAnalyze(b, tc.share) })
	}
}
