package hostile

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// want is an expected warning: kind, the text it covers, and its code points.
type want struct {
	kind, text string
	cps        []string
	detail     string // a substring of Detail, if set
}

func latn(text string) []doc.Segment {
	return []doc.Segment{{Start: 0, End: len(text), Lang: "en", Script: "Latn"}}
}

// segsOf is one segment in the script of the text's first letter.
func segsOf(text string) []doc.Segment {
	sc := "Zyyy"
	if ss := textnorm.Scripts(text); len(ss) > 0 {
		sc = ss[0]
	}
	return []doc.Segment{{Start: 0, End: len(text), Lang: "und", Script: sc}}
}

func TestScan(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []want
	}{
		{"en", "D\u0430esh fighters attacked the prison.", []want{
			{doc.WarnMixedScript, "D\u0430esh", []string{"U+0430"}, "Latn Cyrl"},
			{doc.WarnConfusable, "D\u0430esh", []string{"U+0430"}, "skeleton: Daesh"},
		}},
		{"en", "\u0399SIS claimed it.", []want{
			{doc.WarnMixedScript, "\u0399SIS", []string{"U+0399"}, ""},
			{doc.WarnConfusable, "\u0399SIS", []string{"U+0399"}, "skeleton: ISIS"},
		}},
		{"nl", "De gevangenis in Ghw\u0435ran werd aangevallen.", []want{
			{doc.WarnMixedScript, "Ghw\u0435ran", []string{"U+0435"}, ""},
			{doc.WarnConfusable, "Ghw\u0435ran", []string{"U+0435"}, "skeleton: Ghweran"},
		}},
		{"nl", "Strijders van Da\u200Besh vielen aan.", []want{
			{doc.WarnInvisible, "Da\u200Besh", []string{"U+200B"}, "ZWSP"},
		}},
		{"fr", "L'État isl\u0430mique a revendiqu\u00E9\u00AD l'attaque.", []want{
			{doc.WarnMixedScript, "isl\u0430mique", []string{"U+0430"}, ""},
			{doc.WarnConfusable, "isl\u0430mique", []string{"U+0430"}, "skeleton: islamique"},
			{doc.WarnInvisible, "revendiqué\u00AD", []string{"U+00AD"}, "SHY"},
		}},
		{"de", "Der Isl\u03B1mische Staat griff an.", []want{
			{doc.WarnMixedScript, "Isl\u03B1mische", []string{"U+03B1"}, "Latn Grek"},
			{doc.WarnConfusable, "Isl\u03B1mische", []string{"U+03B1"}, "skeleton: Islamische"},
		}},
		{"ru", "Боевики напали на тюрьму в Xасаке.", []want{ // Latin X
			{doc.WarnMixedScript, "Xасаке", []string{"U+0058"}, ""},
			{doc.WarnConfusable, "Xасаке", []string{"U+0058"}, "skeleton: Хасаке"},
		}},
		{"ar", "قال المرصد إن \u202Eداعش\u202C هاجم السجن.", []want{
			{doc.WarnBidi, "\u202E", []string{"U+202E"}, "RLO"},
			{doc.WarnBidi, "\u202C", []string{"U+202C"}, "PDF"},
		}},
		{"ar", "فرّ \u2066٣٬٥٠٠\u2069 سجين.", []want{
			{doc.WarnBidi, "\u2066", []string{"U+2066"}, "LRI"},
			{doc.WarnBidi, "\u2069", []string{"U+2069"}, "PDI"},
		}},
		{"en", "access = \"user\u202E \u2066// admin\u2069\u2066\"", []want{
			{doc.WarnBidi, "\u202E", []string{"U+202E"}, "left open"},
			{doc.WarnBidi, "\u2066", []string{"U+2066"}, ""},
			{doc.WarnBidi, "\u2069\u2066", []string{"U+2069", "U+2066"}, "PDI LRI; left open"},
		}},
		{"en", "Attack on ISISداعش positions", []want{
			{doc.WarnMixedScript, "ISISداعش", []string{"U+062F", "U+0627", "U+0639", "U+0634"}, "Latn Arab"},
		}},
		{"en", "The \u0406\u0405\u0406\u0405 attack", []want{
			{doc.WarnConfusable, "\u0406\u0405\u0406\u0405", []string{"U+0406", "U+0405", "U+0406", "U+0405"}, "skeleton: ISIS"},
		}},
		{"en", "Da\u200B\u0435sh and \uFEFFword\u2060join", []want{
			{doc.WarnInvisible, "Da\u200B\u0435sh", []string{"U+200B"}, ""},
			{doc.WarnMixedScript, "Da\u200B\u0435sh", []string{"U+0435"}, ""},
			{doc.WarnConfusable, "Da\u200B\u0435sh", []string{"U+0435"}, "skeleton: Daesh"},
			{doc.WarnInvisible, "\uFEFFword\u2060join", []string{"U+FEFF", "U+2060"}, "BOM, WJ"},
		}},
		{"en", "Da\u200Cesh and ok\u200D", []want{ // ZWNJ and ZWJ in Latin words
			{doc.WarnInvisible, "Da\u200Cesh", []string{"U+200C"}, "ZWNJ"},
			{doc.WarnInvisible, "ok\u200D", []string{"U+200D"}, "ZWJ"},
		}},
		{"en", "tag\U000E0041\U000E0042 and var\uFE0Fsel", []want{
			{doc.WarnInvisible, "tag\U000E0041\U000E0042", []string{"U+E0041", "U+E0042"}, "tag"},
			{doc.WarnInvisible, "var\uFE0Fsel", []string{"U+FE0F"}, "variation selector"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.text, func(t *testing.T) {
			got := Scan(tc.text, latn(tc.text))
			checkWarnings(t, tc.text, got)
			if len(got) != len(tc.want) {
				t.Fatalf("Scan(%q) = %s, want %d warnings", tc.text, show(tc.text, got), len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Kind != w.kind || tc.text[g.Start:g.End] != w.text || !slices.Equal(g.Codepoints, w.cps) ||
					!strings.Contains(g.Detail, w.detail) {
					t.Errorf("warning %d = %s, want %s %q %v %q", i, show(tc.text, got[i:i+1]), w.kind, w.text, w.cps, w.detail)
				}
			}
		})
	}
}

// TestNoWarnings: orthographic ZWNJ and ZWJ, tashkeel, tatweel, emoji
// sequences and ordinary text in several languages give no warnings.
func TestNoWarnings(t *testing.T) {
	for _, text := range []string{
		"سخنگوی وزارت خارجه می‌گوید که حمله‌ها ادامه دارد.",                  // fa, ZWNJ
		"وتەبێژی هێزەکان دەڵێت کە هێرشەکان بەردەوام دەبن؛ کۆبانێ‌ و هەولێر.", // ckb, ZWNJ
		"ترجمان نے کہا کہ حملے جاری ہیں۔",                                    // ur
		"هاجم تنظيم داعـــش سجن الصناعة في الحَسَكَة.",                       // ar, tatweel, tashkeel
		"قال: «دَاعِش هاجم السجن»",                                           //
		"Family 👩‍👩‍👧 and 🏳️‍🌈 and 👍🏽 and ❤️ and 1️⃣ and 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
		"हिन्दी क्‍ष और क्‌ष",                                            // Devanagari ZWJ/ZWNJ
		"Боевики напали на тюрьму в Хасаке, сообщает СОХР.",              // ru
		"Ελλάδα και Συρία.",                                              // el
		"COVID-19, T4, F-16, B52 und Straße in İstanbul; 3.500 Kämpfer.", //
		"٣٬٥٠٠ سجين و۳۵۰۰ زندانی، ٢٠٢٢م",                                 //
		"\uFEFFA BOM at the very start is fine.",                         //
		"東京タワーとソウル、서울특별시",                                                //
		"٣٬٥٠٠\u0600", // prepended mark
		"5µg and Ω",   //
	} {
		if got := Scan(text, segsOf(text)); len(got) != 0 {
			t.Errorf("Scan(%q) = %s, want none", text, show(text, got))
		}
	}
}

func TestApply(t *testing.T) {
	text := "D\u0430esh \u202Etxt.exe"
	d := doc.New(text)
	d.Warnings = append(d.Warnings, doc.Warning{Kind: doc.WarnInvalidUTF8, Detail: "repaired 1 byte"})
	s := New()
	if s.Name() != "unicode" {
		t.Errorf("Name() = %q", s.Name())
	}
	for range 2 { // twice: idempotent
		if err := s.Apply(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if err := doc.Check(d); err != nil {
		t.Fatal(err)
	}
	if d.Text != text {
		t.Fatal("text changed")
	}
	kinds := map[string]int{}
	for _, w := range d.Warnings {
		kinds[w.Kind]++
	}
	if kinds[doc.WarnInvalidUTF8] != 1 || kinds[doc.WarnBidi] != 1 || kinds[doc.WarnMixedScript] != 1 || kinds[doc.WarnConfusable] != 1 {
		t.Errorf("warnings %s", show(text, d.Warnings))
	}
	if !HasBidi(d) || HasBidi(doc.New("plain")) || HasBidi(nil) {
		t.Error("HasBidi wrong")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Apply(ctx, d); err == nil {
		t.Error("Apply on a cancelled context succeeded")
	}
}

// FuzzScan: any text, and valid text with format characters and
// look-alikes inserted, never panics, keeps doc.Check true, and the
// insertions do not change the key.
func FuzzScan(f *testing.F) {
	for _, s := range seedTexts {
		f.Add(s, uint64(len(s)))
	}
	f.Add("a\u202E\u202E\u2069\u2066\n\u202Bb", uint64(3))
	f.Add("\U0001F3F4\U000E0067\U000E007F\uFE0F\u200D", uint64(5))
	f.Add("\xff\u200B\xfe", uint64(1))
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		for _, text := range []string{s, insertHostile(s, seed)} {
			d := doc.New(text)
			d.Segments = latn(text)
			if err := New().Apply(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if d.Text != text {
				t.Fatal("text changed")
			}
			checkWarnings(t, text, d.Warnings)
		}
	})
}

// checkWarnings: doc.Check holds (when the text is valid), warnings are
// sorted, non-empty where they point at text, and list code points.
func checkWarnings(t *testing.T, text string, ws []doc.Warning) {
	t.Helper()
	d := doc.New(text)
	d.Warnings = ws
	if err := doc.Check(d); err != nil && strings.ToValidUTF8(text, "") == text {
		t.Fatalf("Check(%q): %v", text, err)
	}
	for i, w := range ws {
		if w.Start < 0 || w.End > len(text) || w.Start >= w.End {
			t.Fatalf("%q: warning %d has span [%d,%d)", text, i, w.Start, w.End)
		}
		if i > 0 && w.Start < ws[i-1].Start {
			t.Fatalf("%q: warnings not sorted: %s", text, show(text, ws))
		}
		if len(w.Codepoints) == 0 && w.Kind != doc.WarnMixedScript {
			t.Fatalf("%q: warning %d lists no code points", text, i)
		}
	}
}

func show(text string, ws []doc.Warning) string {
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&b, "[%s %q %v %q]", w.Kind, text[w.Start:w.End], w.Codepoints, w.Detail)
	}
	return b.String()
}

// seedTexts are clean news sentences in several languages and scripts.
var seedTexts = []string{
	"Fighters of Daesh attacked Ghweran prison in Hasakah on 20 January 2022; about 3,500 prisoners escaped, the SDF said.",
	"Strijders van Islamitische Staat vielen op 20 januari 2022 de gevangenis in Hasaka aan; ongeveer 3.500 gevangenen ontsnapten.",
	"Les combattants de l'État islamique ont attaqué la prison de Hassaké le 20 janvier 2022.",
	"Kämpfer der Terrormiliz IS griffen am 20. Januar 2022 das Gefängnis in Hasaka an.",
	"Боевики ИГИЛ атаковали тюрьму в Хасаке 20 января 2022 года.",
	"هاجم مقاتلو داعش سجن غويران في الحسكة في ٢٠ كانون الثاني ٢٠٢٢، وفرّ ٣٬٥٠٠ سجين.",
	"سخنگوی نیروهای دموکراتیک سوریه می‌گوید که داعش به زندان حمله کرد.",
	"وتەبێژی هێزەکانی سووریای دیموکرات دەڵێت داعش هێرشی کردە سەر زیندانی حەسەکە.",
}

// insertHostile inserts format characters, and swaps ASCII letters of Latin
// words for Cyrillic or Greek look-alikes, driven by seed.
func insertHostile(s string, seed uint64) string {
	cf := []rune{0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F, 0x202E, 0x2066, 0x2069, 0xE0041, 0xFE0F}
	swap := map[rune]rune{'a': 'а', 'e': 'е', 'o': 'о', 'p': 'р', 'c': 'с', 'x': 'х', 'I': 'Ι', 'A': 'Α', 'S': 'Ѕ', 'H': 'Η', 'i': 'і'}
	x := seed | 1
	next := func() uint64 { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x }
	var b strings.Builder
	for _, r := range s {
		if next()%5 == 0 {
			b.WriteRune(cf[next()%uint64(len(cf))])
		}
		if l, ok := swap[r]; ok && next()%6 == 0 {
			r = l
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestHostileSeeds: on seed texts with insertions, every invisible, bidi
// and confusable warning names only code points that were inserted or
// swapped in, never the clean text's own (ZWNJ in Persian and Sorani).
func TestHostileSeeds(t *testing.T) {
	for i, s := range seedTexts {
		for seed := uint64(1); seed < 20; seed++ {
			h := insertHostile(s, seed*uint64(i+7))
			for _, w := range Scan(h, segsOf(h)) {
				for _, c := range w.Codepoints {
					var r rune
					fmt.Sscanf(c, "U+%X", &r)
					if strings.ContainsRune(s, r) && w.Kind != doc.WarnMixedScript {
						t.Errorf("%q: warning %s names %s, which the clean text has", h, show(h, []doc.Warning{w}), c)
					}
				}
			}
		}
	}
}
