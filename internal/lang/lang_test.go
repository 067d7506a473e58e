package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

// newDetector builds a Detector with the default config and the embedded
// lexicon, failing the test on error.
func newDetector(tb testing.TB) *Detector {
	tb.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		tb.Fatalf("lexicon.Load: %v", err)
	}
	d, err := New(DefaultConfig(), lex)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return d
}

// readFixture reads testdata/name.
func readFixture(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return string(b)
}

// readSeed reads a seed article, skipping the test when the shared seeds are
// not checked out next to the repository.
func readSeed(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "seeds", name))
	if err != nil {
		tb.Skipf("seed %s not available: %v", name, err)
	}
	return string(b)
}

// checkSpans verifies the contract shared by segments and sentences: inside
// text, on UTF-8 boundaries, non-empty, trimmed, sorted, non-overlapping.
func checkSpans(tb testing.TB, text string, spans []doc.Span) {
	tb.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			tb.Fatalf("span %d [%d,%d) out of order or bounds (prev end %d, len %d)", i, s.Start, s.End, prev, len(text))
		}
		if !utf8.RuneStart(text[s.Start]) || (s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			tb.Fatalf("span %d [%d,%d) splits a UTF-8 sequence", i, s.Start, s.End)
		}
		r, _ := utf8.DecodeRuneInString(text[s.Start:])
		l, _ := utf8.DecodeLastRuneInString(text[:s.End])
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			tb.Fatalf("span %d %q is not trimmed", i, text[s.Start:s.End])
		}
		prev = s.End
	}
}

// checkSegments adds coverage to checkSpans: every non-space byte of text
// lies in some segment.
func checkSegments(tb testing.TB, text string, segs []doc.Segment) {
	tb.Helper()
	spans := make([]doc.Span, len(segs))
	for i, s := range segs {
		spans[i] = doc.Span{Start: s.Start, End: s.End}
		if s.Lang == "" || s.Script == "" {
			tb.Fatalf("segment %d has empty lang or script: %+v", i, s)
		}
	}
	checkSpans(tb, text, spans)
	pos := 0
	for _, s := range spans {
		if strings.TrimSpace(text[pos:s.Start]) != "" {
			tb.Fatalf("text %q before [%d,%d) is in no segment", text[pos:s.Start], s.Start, s.End)
		}
		pos = s.End
	}
	if strings.TrimSpace(text[pos:]) != "" {
		tb.Fatalf("trailing text %q is in no segment", text[pos:])
	}
}

// langs renders segments as "lang/Script" strings.
func langs(segs []doc.Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Lang + "/" + s.Script
	}
	return out
}

// Paragraphs written for these tests, one per language.
var paragraphFixtures = []struct {
	lang, script, text string
}{
	{"en", "Latn", "The ministry said on Tuesday that the convoy had been attacked near the border, and that several soldiers were wounded in the exchange of fire."},
	{"nl", "Latn", "Het ministerie liet dinsdag weten dat het konvooi bij de grens is aangevallen en dat meerdere soldaten bij het vuurgevecht gewond zijn geraakt."},
	{"fr", "Latn", "Le ministère a indiqué mardi que le convoi avait été attaqué près de la frontière et que plusieurs soldats avaient été blessés lors de l’échange de tirs."},
	{"de", "Latn", "Das Ministerium teilte am Dienstag mit, dass der Konvoi in der Nähe der Grenze angegriffen wurde und dass mehrere Soldaten bei dem Schusswechsel verletzt wurden."},
	{"es", "Latn", "El ministerio informó el martes que el convoy había sido atacado cerca de la frontera y que varios soldados resultaron heridos en el intercambio de disparos."},
	{"it", "Latn", "Il ministero ha dichiarato martedì che il convoglio è stato attaccato vicino al confine e che diversi soldati sono rimasti feriti nello scontro a fuoco."},
	{"pt", "Latn", "O ministério informou na terça-feira que o comboio foi atacado perto da fronteira e que vários soldados ficaram feridos na troca de tiros."},
	{"pl", "Latn", "Ministerstwo poinformowało we wtorek, że konwój został zaatakowany w pobliżu granicy, a kilku żołnierzy zostało rannych podczas wymiany ognia."},
	{"tr", "Latn", "Bakanlık salı günü yaptığı açıklamada konvoyun sınır yakınında saldırıya uğradığını ve çatışmada birkaç askerin yaralandığını bildirdi."},
	{"id", "Latn", "Kementerian mengatakan pada hari Selasa bahwa konvoi itu diserang di dekat perbatasan dan beberapa tentara terluka dalam baku tembak tersebut."},
	{"ku", "Latn", "Wezaretê roja Sêşemê ragihand ku karwan li nêzîkî sînor hatiye êrîşkirin û di şerê de çend leşker birîndar bûne. Ew dibêjin ku rewş hîn jî ne baş e."},
	{"ru", "Cyrl", "Министерство сообщило во вторник, что колонна была атакована недалеко от границы и что несколько военнослужащих получили ранения в перестрелке."},
	{"ar", "Arab", "أعلنت الوزارة يوم الثلاثاء أنّ القافلة تعرضت لهجوم قرب الحدود، وأنّ عدداً من الجنود أصيبوا خلال تبادل إطلاق النار."},
	{"fa", "Arab", "وزارت روز سه‌شنبه اعلام کرد که کاروان در نزدیکی مرز مورد حمله قرار گرفت و چند سرباز در جریان تیراندازی زخمی شدند."},
	{"ur", "Arab", "وزارت نے منگل کے روز بتایا کہ قافلے پر سرحد کے قریب حملہ کیا گیا اور فائرنگ کے تبادلے میں کئی فوجی زخمی ہو گئے۔"},
	{"ckb", "Arab", "وەزارەت ڕۆژی سێشەممە ڕایگەیاند کە کاروانەکە لە نزیک سنوور هێرشی کرایە سەر و چەند سەربازێک لە تەقەکردنەکەدا بریندار بوون."},
}

func TestSegmentsParagraphLanguages(t *testing.T) {
	d := newDetector(t)
	for _, tc := range paragraphFixtures {
		t.Run(tc.lang, func(t *testing.T) {
			segs := d.Segments(tc.text)
			checkSegments(t, tc.text, segs)
			want := tc.lang + "/" + tc.script
			if got := langs(segs); len(got) != 1 || got[0] != want {
				t.Errorf("Segments = %v, want [%s]", got, want)
			}
		})
	}
}

// All fixture paragraphs in one document: each keeps its own language, in
// order, one segment per paragraph.
func TestSegmentsMultilingualDocument(t *testing.T) {
	d := newDetector(t)
	var b strings.Builder
	var want []string
	for _, tc := range paragraphFixtures {
		b.WriteString(tc.text + "\n\n")
		want = append(want, tc.lang+"/"+tc.script)
	}
	text := b.String()
	segs := d.Segments(text)
	checkSegments(t, text, segs)
	if got := langs(segs); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Segments =\n%v\nwant\n%v", got, want)
	}
}

func TestSegmentsCases(t *testing.T) {
	d := newDetector(t)
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"spaces only", " \n\t\n ", nil},
		{"no letters", "12:30 — 45% (3.500)", []string{"und/Zyyy"}},
		{"latin name inside arabic", "قال المتحدث باسم Human Rights Watch إنّ التقرير سيصدر الأسبوع المقبل بعد مراجعة الأدلة.", []string{"ar/Arab"}},
		{"arabic words inside english", "The group, known in Arabic as داعش, claimed the attack on the prison in the north-east of the country.", []string{"en/Latn"}},
		{"latin digits in arabic byline", "أيمن سعيد – دمشق      المصدر: وكالة الأنباء      06 كانون الثاني 15:23", []string{"ar/Arab"}},
		{"slug glued to title", "Army convoy hit near Palmyra by heavy artillery fire.هجوم-على-قافلة-للجيش-قرب-تدمر\n\nA military source said the convoy was attacked with heavy weapons while moving along the highway near the station.",
			[]string{"en/Latn", "ar/Arab", "en/Latn"}},
		{"two scripts in one paragraph", "The statement read as follows: الجيش السوري يعلن السيطرة الكاملة على المنطقة بعد معارك عنيفة", []string{"en/Latn", "ar/Arab"}},
		{"neutral paragraph joins", "Het konvooi werd aangevallen bij de grens volgens de woordvoerder van het leger.\n\n***\n\nDe schade aan de weg was volgens de lokale autoriteiten groot en de weg is dicht.", []string{"nl/Latn"}},
		{"greek", "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.", []string{"el/Grek"}},
		{"japanese", "政府は火曜日に新しい経済対策を発表しました。", []string{"ja/Jpan"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs := d.Segments(tc.text)
			checkSegments(t, tc.text, segs)
			if got := langs(segs); strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("Segments = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSegmentsDutchWithEnglishNames(t *testing.T) {
	d := newDetector(t)
	text := readFixture(t, "nl_mixed.txt")
	segs := d.Segments(text)
	checkSegments(t, text, segs)
	if got := langs(segs); len(got) != 1 || got[0] != "nl/Latn" {
		t.Fatalf("Segments = %v, want one nl/Latn segment", got)
	}
}

func TestSegmentsEnglishThenArabic(t *testing.T) {
	d := newDetector(t)
	text := readFixture(t, "en_ar.txt")
	segs := d.Segments(text)
	checkSegments(t, text, segs)
	if got := langs(segs); strings.Join(got, " ") != "en/Latn ar/Arab" {
		t.Fatalf("Segments = %v, want [en/Latn ar/Arab]", got)
	}
	boundary := strings.Index(text, "هجوم على قافلة")
	if segs[0].End > boundary || segs[1].Start != boundary {
		t.Errorf("boundary: en ends %d, ar starts %d, Arabic title at %d", segs[0].End, segs[1].Start, boundary)
	}
}

func TestMajority(t *testing.T) {
	text := "one two three\n\nواحد اثنان ثلاثة أربعة خمسة"
	segs := []doc.Segment{
		{Start: 0, End: 13, Lang: "en", Script: "Latn"},
		{Start: 15, End: len(text), Lang: "ar", Script: "Arab"},
	}
	tests := []struct {
		name string
		segs []doc.Segment
		want string
	}{
		{"more arabic letters", segs, "ar"},
		{"english only", segs[:1], "en"},
		{"none", nil, ""},
		{"und ignored", []doc.Segment{{Start: 0, End: 3, Lang: "und", Script: "Zyyy"}}, ""},
		{"out of range ignored", []doc.Segment{{Start: 0, End: len(text) + 5, Lang: "en"}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Majority(text, tc.segs); got != tc.want {
				t.Errorf("Majority = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  func(*Config)
	}{
		{"unknown code", func(c *Config) { c.Langs = []string{"en", "xx"} }},
		{"no languages", func(c *Config) { c.Langs = nil }},
		{"min words", func(c *Config) { c.MinWords = 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tc.cfg(&cfg)
			if _, err := New(cfg, nil); err == nil {
				t.Error("New succeeded, want error")
			}
		})
	}
}

// A restricted whitelist: Sorani falls back to "ku", unknown scripts to und.
func TestNewRestricted(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Langs = []string{"en", "ku"}
	d, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range paragraphFixtures {
		want := "und"
		switch tc.lang {
		case "en", "ku":
			want = tc.lang
		case "ckb":
			want = "ku"
		}
		if tc.script == "Latn" && tc.lang != "en" && tc.lang != "ku" {
			continue // another Latin language is forced onto en or ku
		}
		segs := d.Segments(tc.text)
		if len(segs) != 1 || segs[0].Lang != want {
			t.Errorf("%s: Segments = %v, want %s", tc.lang, langs(segs), want)
		}
	}
}

// One Detector serves many goroutines (run with -race).
func TestConcurrentUse(t *testing.T) {
	d := newDetector(t)
	text := readFixture(t, "en_ar.txt")
	want := langs(d.Segments(text))
	done := make(chan []string)
	for range 4 {
		go func() {
			segs := d.Segments(text)
			d.Sentences(text, segs)
			done <- langs(segs)
		}()
	}
	for range 4 {
		if got := <-done; strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("concurrent Segments = %v, want %v", got, want)
		}
	}
}
