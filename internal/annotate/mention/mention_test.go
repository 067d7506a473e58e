package mention

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/kb"
	"github.com/claimtrace/claimtrace/internal/lang"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

var update = flag.Bool("update", false, "rewrite golden files")

// env is the loaded KB, lexicon and language detector, shared by the tests
// of this package (loading the full KB once).
type env struct {
	stage *Stage
	det   *lang.Detector
}

var (
	envOnce sync.Once
	envVal  env
	envErr  error
)

func testEnv(tb testing.TB) env {
	tb.Helper()
	envOnce.Do(func() {
		lex, err := lexicon.Load()
		if err != nil {
			envErr = err
			return
		}
		k, err := kb.Load(context.Background(), kb.Options{})
		if err != nil {
			envErr = err
			return
		}
		det, err := lang.New(lang.DefaultConfig(), lex)
		if err != nil {
			envErr = err
			return
		}
		envVal = env{stage: New(k, lex, DefaultConfig()), det: det}
	})
	if envErr != nil {
		tb.Fatal(envErr)
	}
	return envVal
}

func (e env) analyze(tb testing.TB, text string) *doc.Document {
	tb.Helper()
	d := &doc.Document{Schema: doc.Schema, ID: doc.ID(text), Text: text}
	d.Segments = e.det.Segments(text)
	if err := e.stage.Apply(context.Background(), d); err != nil {
		tb.Fatal(err)
	}
	if err := doc.Check(d); err != nil {
		tb.Fatalf("Check: %v", err)
	}
	return d
}

// TestSpellings: other spellings of the same entities, in four languages,
// resolve to one id each.
func TestSpellings(t *testing.T) {
	e := testEnv(t)
	groups := []struct {
		name  string
		texts []string // each text must mention the entity in its first name
		want  []string // surfaces, parallel to texts
	}{
		{"isis", []string{
			"Fighters of Daesh attacked the prison.",
			"Strijders van Islamitische Staat vielen de gevangenis aan.",
			"هاجم مقاتلو داعش السجن.",
			"Les combattants de l'État islamique ont attaqué la prison.",
			"Kämpfer der Terrormiliz IS griffen an.",
		}, []string{"Daesh", "Islamitische Staat", "داعش", "État islamique", "Terrormiliz IS"}},
		{"sdf", []string{
			"The SDF said the attack failed.",
			"De Syrische Democratische Strijdkrachten meldden verliezen.",
			"وقالت قسد إن الهجوم فشل.",
			"Les Forces démocratiques syriennes ont riposté.",
		}, []string{"SDF", "Syrische Democratische Strijdkrachten", "قسد", "Forces démocratiques syriennes"}},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			ids := map[string]bool{}
			for i, text := range g.texts {
				d := e.analyze(t, text)
				found := false
				for _, m := range d.Mentions {
					if m.Text == g.want[i] && m.Entity != nil {
						ids[*m.Entity] = true
						found = true
					}
				}
				if !found {
					t.Errorf("%q: %q not resolved; got %s", text, g.want[i], dump(d.Mentions))
				}
			}
			if len(ids) > 1 {
				t.Errorf("resolved to several ids: %v", ids)
			}
		})
	}
}

func dump(ms []doc.Mention) string {
	var b strings.Builder
	for _, m := range ms {
		id := "null"
		if m.Entity != nil {
			id = *m.Entity
		}
		b.WriteString("[" + m.Text + "→" + id + "]")
	}
	return b.String()
}

// TestGolden runs the stage over testdata/*.txt and compares the mentions
// with *.golden (go test ./internal/annotate/mention -run Golden -update).
func TestGolden(t *testing.T) {
	e := testEnv(t)
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Skip("no golden inputs")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := e.analyze(t, string(b))
			type row struct {
				Text   string `json:"text"`
				Entity string `json:"entity"`
				Type   string `json:"type"`
				Fuzzy  bool   `json:"fuzzy,omitempty"`
			}
			var rows []row
			for _, m := range d.Mentions {
				r := row{Text: m.Text, Type: m.Type, Fuzzy: m.Fuzzy}
				if m.Entity != nil {
					r.Entity = *m.Entity
				}
				rows = append(rows, r)
			}
			got, _ := json.MarshalIndent(rows, "", " ")
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if string(want) != string(got) {
				t.Errorf("mentions differ from %s (run with -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

// TestSeeds scores the matcher on the seeds against seeds-gold, following
// the rules of seeds-gold/README.md (by text; every occurrence of a gold
// surface at a word boundary; the longest gold surface wins where they
// nest; any mention overlapping no kept surface is a false positive).
func TestSeeds(t *testing.T) {
	gold, _ := filepath.Glob("../../../../shared/seeds-gold/*.json")
	if len(gold) == 0 {
		t.Skip("shared/seeds-gold not present")
	}
	e := testEnv(t)
	var tp, total, good, all int
	for _, g := range gold {
		raw, err := os.ReadFile(strings.Replace(strings.TrimSuffix(g, ".json")+".txt", "seeds-gold", "seeds", 1))
		if err != nil {
			t.Skipf("seed text missing: %v", err)
		}
		var gd struct {
			Entities []struct {
				Canonical string   `json:"canonical"`
				Surfaces  []string `json:"surfaces"`
			} `json:"entities"`
		}
		b, _ := os.ReadFile(g)
		if err := json.Unmarshal(b, &gd); err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		d := e.analyze(t, text)
		type occ struct {
			a, b  int
			canon string
		}
		var occs []occ
		for _, en := range gd.Entities {
			for _, s := range en.Surfaces {
				for _, o := range occurrences(text, s) {
					occs = append(occs, occ{o[0], o[1], en.Canonical})
				}
			}
		}
		var kept []occ
		for _, x := range occs {
			inside := false
			for _, y := range occs {
				if y.a <= x.a && x.b <= y.b && y.b-y.a > x.b-x.a && y.canon != x.canon {
					inside = true
					break
				}
			}
			if !inside {
				kept = append(kept, x)
			}
		}
		ids := map[string]map[string]bool{}
		for _, x := range kept {
			total++
			hit := false
			for _, m := range d.Mentions {
				if m.Entity != nil && m.Start < x.b && m.End > x.a {
					hit = true
					if ids[x.canon] == nil {
						ids[x.canon] = map[string]bool{}
					}
					ids[x.canon][*m.Entity] = true
					break
				}
			}
			if hit {
				tp++
			} else {
				t.Logf("miss %s: %q (%s)", filepath.Base(g)[:3], text[x.a:x.b], x.canon)
			}
		}
		for canon, s := range ids {
			if len(s) > 1 {
				t.Logf("split %s: %s → %v", filepath.Base(g)[:3], canon, s)
			}
		}
		for _, m := range d.Mentions {
			all++
			ok := false
			for _, x := range kept {
				if x.a < m.End && x.b > m.Start {
					ok = true
					break
				}
			}
			if ok {
				good++
			} else {
				id := "null " + m.Type
				if m.Entity != nil {
					id = *m.Entity
				}
				t.Logf("extra %s: %q → %s", filepath.Base(g)[:3], m.Text, id)
			}
		}
	}
	rec, prec := float64(tp)/float64(max(total, 1)), float64(good)/float64(max(all, 1))
	t.Logf("seed mentions: recall %.3f (%d/%d), precision %.3f (%d/%d)", rec, tp, total, prec, good, all)
}

// occurrences finds s in text at word edges (exact, else case-insensitive),
// as the seed scorer does.
func occurrences(text, s string) [][2]int {
	hay, needle := text, s
	if !strings.Contains(text, s) {
		hay, needle = strings.ToLower(text), strings.ToLower(s)
		if len(hay) != len(text) {
			return nil
		}
	}
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) }
	var out [][2]int
	for i := 0; ; {
		j := strings.Index(hay[i:], needle)
		if j < 0 {
			break
		}
		a, b := i+j, i+j+len(needle)
		before, _ := utf8.DecodeLastRuneInString(text[:a])
		first, _ := utf8.DecodeRuneInString(text[a:])
		after, _ := utf8.DecodeRuneInString(text[b:])
		last, _ := utf8.DecodeLastRuneInString(text[:b])
		if (a == 0 || !word(before) || !word(first)) && (b == len(text) || !word(after) || !word(last)) {
			out = append(out, [2]int{a, b})
		}
		i = a + 1
	}
	return out
}

func FuzzApply(f *testing.F) {
	for _, s := range []string{
		"ISIS-strijders vielen de gevangenis van Ghweran aan.",
		"وداعش بالحسكة للميادين",
		"l'État islamique à Hassakeh",
		"Dā‘iš in al-Ḥasaka",
		"",
		"\u200fو\u064e\u0627\u0644\u200dحسكة",
	} {
		f.Add(s)
	}
	e := testEnv(f)
	f.Fuzz(func(t *testing.T, s string) {
		d := &doc.Document{Schema: doc.Schema, ID: doc.ID(s), Text: s}
		d.Segments = e.det.Segments(s)
		if err := e.stage.Apply(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(s) {
			return // the pipeline only hands on valid UTF-8; here: no panic
		}
		if err := doc.Check(d); err != nil {
			t.Fatalf("Check: %v", err)
		}
		for i := 1; i < len(d.Mentions); i++ {
			if d.Mentions[i].Start < d.Mentions[i-1].End {
				t.Fatalf("overlap: %v %v", d.Mentions[i-1], d.Mentions[i])
			}
		}
	})
}

// seedCorpus returns the seed texts (or a fallback) repeated to about n bytes.
func seedCorpus(n int) []string {
	var texts []string
	seeds, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			texts = append(texts, string(b))
		}
	}
	if len(texts) == 0 {
		texts = []string{strings.Repeat("ISIS-strijders vielen de gevangenis van Ghweran in Al-Hasakah aan. هاجم داعش سجن الصناعة في الحسكة. ", 50)}
	}
	var out []string
	size := 0
	for size < n {
		for _, t := range texts {
			out = append(out, t)
			size += len(t)
		}
	}
	return out
}

func BenchmarkApply(b *testing.B) {
	e := testEnv(b)
	texts := seedCorpus(1 << 20)
	docs := make([]*doc.Document, len(texts))
	size := 0
	for i, t := range texts {
		docs[i] = &doc.Document{Text: t, Segments: e.det.Segments(t)}
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if err := e.stage.Apply(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestLoadFootprint reports the load time and heap of the built-in KB
// (run with -v; numbers go into the closing note, no assertion on time).
func TestLoadFootprint(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	k, err := kb.Load(context.Background(), kb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("built-in KB: %d entities, loaded with index in %v, heap in use %.1f MB (sys %.1f MB, peak RSS %s)",
		k.Len(), took, float64(after.HeapInuse)/(1<<20), float64(after.Sys)/(1<<20), peakRSS())
	runtime.KeepAlive(k)
}

// peakRSS returns the process's peak resident set (VmHWM) where /proc has
// it, for TestLoadFootprint's log line.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
