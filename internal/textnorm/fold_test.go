package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ascii lower-cased", "Hello World", "hello world"},
		{"transliteration Daish", "Dā‘iš", "daish"},
		{"underdot and hyphen", "al-Ḥasaka", "al hasaka"},
		{"breve g at word start", "Ğayš", "jaysh"},
		{"dot g and macrons", "al-Maġāwīr", "al maghawir"},
		{"Turkish breve g", "Erdoğan", "erdogan"},
		{"breve g in marked word", "Nağāf", "najaf"},
		{"caron g", "Naǧaf", "najaf"},
		{"kh th dh", "ḫāṯim ḏī", "khathim dhi"},
		{"ayn and hamza signs", "Marʿī ʾAḥmad", "mari ahmad"},
		{"apostrophes", "Sina’a Sina'a Sina`a", "sinaa sinaa sinaa"},
		{"whitespace collapsed and trimmed", " \tAl\u00A0\u202F Hasaka\n", "al hasaka"},
		{"dashes and underscore", "a–b—c‐d_e", "a b c d e"},
		{"separators then drops", "a - \u200B - b", "a b"},
		{"Turkish dotted capital I", "İstanbul", "istanbul"},
		{"Turkish dotless i", "Diyarbakır", "diyarbakir"},
		{"sharp s", "Straße", "strasse"},
		{"Nordic letters", "Ærø Łódź Þór", "aero lodz thor"},
		{"fullwidth", "Ｉｓｌａｍ", "islam"},
		{"ligature", "ﬁnance", "finance"},
		{"Cyrillic", "Москва", "москва"},
		{"Cyrillic short i kept", "Йемен", "йемен"},
		{"Cyrillic yo", "Ёлка", "елка"},
		{"Greek accents and final sigma", "Ελλάδας", "ελλαδασ"},
		{"zero-width space", "Da\u200Besh", "daesh"},
		{"soft hyphen", "Da\u00ADesh", "daesh"},
		{"bidi controls", "\u202Bداعش\u202C", "داعش"},
		{"Arabic tashkeel", "الحَسَكَةُ", "الحسكه"},
		{"Arabic hamza on alef", "أميركي إسلامية آذار", "اميركي اسلاميه اذار"},
		{"Arabic hamza seats and bare hamza", "مؤتمر رئيس سماء", "موتمر رييس سما"},
		{"Arabic tatweel", "داعـــش", "داعش"},
		{"alef maqsura", "مستشفى", "مستشفي"},
		{"Persian letters", "کرکوک یک", "كركوك يك"},
		{"Kurdish heh goal", "کوردستانە", "كوردستانه"},
		{"Urdu heh and yeh barree", "پاکستان ہے", "پاكستان هي"},
		{"lam-alef ligature", "ﻻ", "لا"},
		{"Arabic-Indic digits", "٣٥٠٠", "3500"},
		{"Persian digits", "۳۵۰۰", "3500"},
		{"Arabic separators", "٣٫٥ ٣٬٥٠٠ ٥٪", "3.5 3,500 5%"},
		{"Devanagari digits", "१२३", "123"},
		{"ZWNJ removed", "می\u200Cگوید", "ميگويد"},
		{"decomposed caron", "Bas\u030Car", "bashar"},
		{"decomposed acute", "Jose\u0301", "jose"},
		{"Hangul kept", "한국", "한국"},
		{"Devanagari virama kept", "क्षेत्र", "क्षेत्र"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"control characters separate", "a\x00b", "a b"},
		{"punctuation kept", "U.S. (2024)", "u.s. (2024)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Key(tt.in); got != tt.want {
				t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKeyEquivalent(t *testing.T) {
	tests := []struct {
		name string
		a, b []string // every string in a and b has the same key
	}{
		{"Daish", []string{"Dā‘iš"}, []string{"Daish", "DAISH", "Dāʿish"}},
		{"Hasaka", []string{"al-Ḥasaka"}, []string{"al-Hasaka", "Al Hasaka", "AL–HASAKA", "al_Hasaka"}},
		{"Jaysh", []string{"Ğayš"}, []string{"Jaysh", "Ǧayš", "Jayš"}},
		{"Maghawir", []string{"al-Maġāwīr"}, []string{"al-Maghawir", "Al Maghawir"}},
		{"Sinaa", []string{"Sina’a"}, []string{"Sina'a", "Sinaa", "Sinaʾa"}},
		{"Erdogan", []string{"Erdoğan"}, []string{"Erdogan", "ERDOĞAN"}},
		{"Mari", []string{"Mar‘ī"}, []string{"Mari"}},
		{"Arabic Hasaka", []string{"الحسكة"}, []string{"الحَسَكَة", "الحسكه", "الـحـسـكـة"}},
		{"American", []string{"أميركي"}, []string{"اميركي", "إميركي"}},
		{"Daesh Arabic", []string{"داعـــش"}, []string{"داعش", "دَاعِش"}},
		{"school", []string{"مدرسة"}, []string{"مدرسه"}},
		{"3500", []string{"٣٥٠٠"}, []string{"3500", "۳۵۰۰", "３５００"}},
		{"Islam", []string{"Ｉｓｌａｍ"}, []string{"islam", "ISLAM"}},
		{"Istanbul", []string{"İstanbul"}, []string{"istanbul", "ISTANBUL"}},
		{"Strasse", []string{"Straße"}, []string{"strasse", "STRASSE"}},
		{"Persian ZWNJ", []string{"می‌گوید"}, []string{"میگوید", "مي\u200Dگويد"}},
		{"Moskva", []string{"Москва"}, []string{"москва", "МОСКВА"}},
		{"Athina", []string{"Αθήνα"}, []string{"αθηνα", "ΑΘΗΝΑ"}},
		{"Daesh", []string{"Da\u200Besh"}, []string{"Daesh", "DA\u2060ESH", "\uFEFFDaesh"}},
		{"precomposed and decomposed", []string{"Bašār"}, []string{"Bas\u030Ca\u0304r", "Bashar"}},
		{"Persian yeh and kaf", []string{"کرکوک"}, []string{"كركوك"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := Key(tt.a[0])
			for _, s := range append(tt.a[1:], tt.b...) {
				if got := Key(s); got != want {
					t.Errorf("Key(%q) = %q, want Key(%q) = %q", s, got, tt.a[0], want)
				}
			}
		})
	}
}

func TestKeyDistinct(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"Daesh is not Daish", "Daesh", "Daish"},
		{"separator kept", "al Hasaka", "alHasaka"},
		{"Cyrillic short i", "мой", "мои"},
		{"Arabic letters not merged", "داعش", "دعش"},
		{"kana voicing kept", "が", "か"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if Key(tt.a) == Key(tt.b) {
				t.Errorf("Key(%q) == Key(%q) == %q, want different", tt.a, tt.b, Key(tt.a))
			}
		})
	}
}

// TestKeyFixedPoint checks Key(Key(s)) == Key(s) for every rune on its own
// and between letters, and that keys are tidy.
func TestKeyFixedPoint(t *testing.T) {
	limit := rune(utf8.MaxRune)
	if testing.Short() {
		limit = 0x30000
	}
	for r := rune(0); r <= limit; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r) + "b"} {
			k := Key(s)
			if kk := Key(k); kk != k {
				t.Errorf("U+%04X: Key(%q) = %q, but Key(%q) = %q", r, s, k, k, kk)
			}
			checkTidy(t, s, k)
		}
	}
}

func checkTidy(t *testing.T, s, k string) {
	t.Helper()
	if !utf8.ValidString(k) {
		t.Errorf("Key(%q) = %q is not valid UTF-8", s, k)
	}
	if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
		t.Errorf("Key(%q) = %q has stray spaces", s, k)
	}
}

// multilingual are mixed strings for the offset-map properties.
var multilingual = []string{
	"",
	"Dā‘iš seized al-Ḥasaka on 3 March.",
	"De Islamitische Staat (IS, Dā‘iš) viel de gevangenis in Ghwayrān aan — 3.500 gevangenen.",
	"قال المرصد السوري إن تنظيم داعـــش هاجم سجن الصناعة في الحَسَكَة، وقُتل ٣٥٠٠ شخص.",
	"Ğayš al-Maġāwīr\u00A0and  Erdoğan's   ZWNJ: می‌گوید",
	"Bas\u030Car al-Asad, Jose\u0301 and Ｉｓｌａｍ in İstanbul, Straße",
	"\u202Bداعش\u202C Da\u200Besh ﻻ ﷲ Москва Ελλάδας",
	"  leading and trailing  ",
	"a\xffb\xfe",
	"١٢٫٥ ٪ — ۳۵۰۰ — ⑴ ½",
}

func TestFoldOrig(t *testing.T) {
	for _, s := range multilingual {
		f := Fold(s)
		checkFolded(t, s, f)
		if k := Key(s); k != f.Key {
			t.Errorf("Key(%q) = %q, Fold gives %q", s, k, f.Key)
		}
	}
}

// TestSpanWords checks that every word of a key maps back to a source
// substring with that word as its key.
func TestSpanWords(t *testing.T) {
	for _, s := range multilingual {
		checkSpanWords(t, s)
	}
}

func checkFolded(t *testing.T, s string, f Folded) {
	t.Helper()
	if len(f.Orig) != len(f.Key)+1 {
		t.Fatalf("Fold(%q): len(Orig) = %d, want %d", s, len(f.Orig), len(f.Key)+1)
	}
	if f.Orig[len(f.Key)] != len(s) {
		t.Errorf("Fold(%q): Orig[end] = %d, want %d", s, f.Orig[len(f.Key)], len(s))
	}
	for i, o := range f.Orig[:len(f.Key)] {
		if o < 0 || o >= len(s) {
			t.Fatalf("Fold(%q): Orig[%d] = %d out of range", s, i, o)
		}
		if i > 0 && o < f.Orig[i-1] {
			t.Fatalf("Fold(%q): Orig not monotone at %d: %v", s, i, f.Orig)
		}
		if utf8.ValidString(s) && !utf8.RuneStart(s[o]) {
			t.Errorf("Fold(%q): Orig[%d] = %d is inside a rune", s, i, o)
		}
	}
}

// checkSpanWords: Span of each word gives a source substring whose key is
// that word. A single compatibility character can expand to several words
// (ﷺ) or to punctuation around a word (⑴ → "(1)"); when the substring's
// key has such non-word characters, the word need only be one of its words.
func checkSpanWords(t *testing.T, s string) {
	t.Helper()
	f := Fold(s)
	for _, w := range Words(f.Key) {
		a, b := f.Span(w.Start, w.End)
		if a < 0 || b > len(s) || a > b {
			t.Fatalf("Fold(%q).Span(%d, %d) = %d, %d out of range", s, w.Start, w.End, a, b)
		}
		sub := s[a:b]
		k := Key(sub)
		if k == w.Text {
			continue
		}
		if ws := Words(k); (len(ws) != 1 || ws[0].Text != k) && hasWord(k, w.Text) {
			continue // a compatibility character expanded to several words
		}
		t.Errorf("Fold(%q): word %q maps to %q whose key is %q", s, w.Text, sub, k)
	}
}

func hasWord(key, w string) bool {
	for _, tok := range Words(key) {
		if tok.Text == w {
			return true
		}
	}
	return false
}

func TestSpan(t *testing.T) {
	tests := []struct {
		name       string
		src        string
		start, end int // key range
		want       string
	}{
		{"whole ascii", "Hello", 0, 5, "Hello"},
		{"skips dropped char at end", "a\u200Bb", 0, 1, "a"},
		{"keeps dropped char inside", "a\u200Bb", 0, 2, "a\u200Bb"},
		{"includes trailing accent", "Jose\u0301 x", 0, 4, "Jose\u0301"},
		{"includes trailing tashkeel", "الحَسَكَةُ قال", 0, len("الحسكه"), "الحَسَكَةُ"},
		{"expansion byte covers the rune", "Straße", 4, 5, "ß"},
		{"separator maps to first of run", "a - b", 1, 2, " "},
		{"empty range", "abc", 1, 1, ""},
		{"clamped", "abc", -3, 99, "abc"},
		{"reversed is empty", "abc", 2, 1, ""},
		{"empty source", "", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Fold(tt.src)
			a, b := f.Span(tt.start, tt.end)
			if got := tt.src[a:b]; got != tt.want {
				t.Errorf("Fold(%q).Span(%d, %d) = %q, want %q", tt.src, tt.start, tt.end, got, tt.want)
			}
		})
	}
}

func TestSpanWithoutSource(t *testing.T) {
	f := Fold("a\u200Bb c")
	g := Folded{Key: f.Key, Orig: f.Orig}
	if a, b := g.Span(0, 1); a != 0 || b != 4 {
		t.Errorf("Span(0, 1) = %d, %d, want 0, 4 (start of next character)", a, b)
	}
	if a, b := (Folded{Key: "ab"}).Span(0, 2); a != 0 || b != 0 {
		t.Errorf("Span on a Folded without Orig = %d, %d, want 0, 0", a, b)
	}
}

func TestStripArticle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"al", "al hasaka", "hasaka"},
		{"Arabic", "الحسكة", "حسكة"},
		{"Arabic keyed", Key("الحسكة"), "حسكه"},
		{"el", "el baba", "baba"},
		{"ul", "ul haq", "haq"},
		{"hyphen before keying", "al-hasaka", "hasaka"},
		{"no article inside word", "alabama", "alabama"},
		{"sun letter sh", "ash sham", "sham"},
		{"sun letter n", "an nusra", "nusra"},
		{"sun letter d", "ad dawla", "dawla"},
		{"sun letter dh", "adh dhahab", "dhahab"},
		{"sun letter th", "ath thawra", "thawra"},
		{"sun letter needs matching consonant", "as well", "as well"},
		{"at needs t", "at home", "at home"},
		{"article alone", "al", "al"},
		{"article and one letter", "al x", "al x"},
		{"Arabic article alone", "ال", "ال"},
		{"not an article", "hasaka", "hasaka"},
		{"only the first article", "al hasaka al sharqiya", "hasaka al sharqiya"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StripArticle(tt.in); got != tt.want {
				t.Errorf("StripArticle(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDigits(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii unchanged", "3,500.5 km", "3,500.5 km"},
		{"Arabic-Indic", "٣٥٠٠", "3500"},
		{"Persian", "۱۴۰۲", "1402"},
		{"Arabic separators", "٣٬٥٠٠٫٧٥", "3,500.75"},
		{"letters kept", "قُتل ٣ أشخاص", "قُتل 3 أشخاص"},
		{"Devanagari", "२०२४", "2024"},
		{"Bengali", "১৯৭১", "1971"},
		{"fullwidth", "２０２４", "2024"},
		{"mathematical", "𝟏𝟗", "19"},
		{"not a decimal digit", "½ ²", "½ ²"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Digits(tt.in); got != tt.want {
				t.Errorf("Digits(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Token
	}{
		{"empty", "", nil},
		{"spaces", "al hasaka", []Token{{0, 2, "al"}, {3, 9, "hasaka"}}},
		{"punctuation", "u.s. (2024)", []Token{{0, 1, "u"}, {2, 3, "s"}, {6, 10, "2024"}}},
		{"Arabic", "قال داعش،", []Token{{0, 6, "قال"}, {7, 15, "داعش"}}},
		{"marks inside word", "क्षेत्र", []Token{{0, 21, "क्षेत्र"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Words(%q) = %v, want %v", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Words(%q)[%d] = %v, want %v", tt.in, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestIsWordChar(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want bool
	}{
		{"ascii letter", 'a', true},
		{"ascii digit", '7', true},
		{"space", ' ', false},
		{"hyphen", '-', false},
		{"Arabic letter", 'ع', true},
		{"Arabic-Indic digit", '٣', true},
		{"tashkeel", '\u064E', true},
		{"Devanagari vowel sign", '\u093E', true},
		{"ZWNJ", '\u200C', true},
		{"ZWJ", '\u200D', true},
		{"Arabic comma", '،', false},
		{"ZWSP", '\u200B', false},
		{"CJK", '中', true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsWordChar(tt.r); got != tt.want {
				t.Errorf("IsWordChar(%q) = %v, want %v", tt.r, got, tt.want)
			}
		})
	}
}
