package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/lexicon"
)

func newTestHeaderParser(tb testing.TB) *HeaderParser {
	tb.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		tb.Fatal(err)
	}
	p, err := NewHeaderParser(lex)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

const nbsp4 = "\u00a0\u00a0\u00a0\u00a0"

func TestParseHeader(t *testing.T) {
	p := newTestHeaderParser(t)
	tests := []struct {
		name string
		text string
		want Header // Start/End are checked against span
		span string // the header lines, "" for the first line
	}{
		{
			name: "en pipes",
			text: "By Jane Doe | Reuters | March 3, 2024\n\nThe central bank raised rates on Sunday.",
			want: Header{Author: "Jane Doe", Outlet: "Reuters", Published: "2024-03-03"},
		},
		{
			name: "en date only after title",
			text: "Floods hit the valley\n\nMonday, 4 November 2019\n\nHeavy rain fell for the third day.",
			want: Header{Published: "2019-11-04"},
			span: "Monday, 4 November 2019",
		},
		{
			name: "fr middle dots",
			text: "Par Marie Dupont · Le Monde · 12 mars 2023\nLe gouvernement a annoncé hier une réforme.",
			want: Header{Author: "Marie Dupont", Outlet: "Le Monde", Published: "2023-03-12"},
		},
		{
			name: "fr spaced colon, ordinal day, accented month",
			text: "Source : France Info  1er février 2020\n\nLe texte commence ici, long et sans rapport.",
			want: Header{Outlet: "France Info", Published: "2020-02-01"},
		},
		{
			name: "de dash and comma",
			text: "Von Max Mustermann – Quelle: Der Spiegel, 5. Mai 2021\n\nDie Regierung hat beschlossen.",
			want: Header{Author: "Max Mustermann", Outlet: "Der Spiegel", Published: "2021-05-05"},
		},
		{
			name: "es filler words",
			text: "Por Ana García  |  Fuente: El País  |  3 de marzo de 2024\n\nEl Gobierno anunció ayer.",
			want: Header{Author: "Ana García", Outlet: "El País", Published: "2024-03-03"},
		},
		{
			name: "tr labels",
			text: "Yazar: Ayşe Yılmaz  Kaynak: Anadolu Ajansı  14 Şubat 2023 09:45\n\nDeprem bölgesinde çalışmalar sürüyor.",
			want: Header{Author: "Ayşe Yılmaz", Outlet: "Anadolu Ajansı", Published: "2023-02-14"},
		},
		{
			name: "ru genitive month",
			text: "Автор: Иван Петров\nИсточник: ТАСС, 5 мая 2021 г.\n\nВ Москве прошло совещание.",
			want: Header{Author: "Иван Петров", Outlet: "ТАСС", Published: "2021-05-05"},
			span: "Автор: Иван Петров\nИсточник: ТАСС, 5 мая 2021 г.",
		},
		{
			name: "nl credit person then outlet on next line",
			text: "Bron: Pieter de Vries\nNieuwsblad-Online 3 maart 2021 ~~~\n\nDe gemeente heeft besloten.",
			want: Header{Author: "Pieter de Vries", Outlet: "Nieuwsblad-Online", Published: "2021-03-03"},
			span: "Bron: Pieter de Vries\nNieuwsblad-Online 3 maart 2021 ~~~",
		},
		{
			name: "en credit with slash",
			text: "Source: John Smith / Example News  2 June 2022\n\nBody text follows here.",
			want: Header{Author: "John Smith", Outlet: "Example News", Published: "2022-06-02"},
		},
		{
			name: "ar Levantine month no year",
			text: "سلمى حداد – دمشق" + nbsp4 + "المصدر: وكالة الأنباء" + nbsp4 + "12 شباط 09:10\n\nقال مصدر ميداني إن الهجوم وقع فجرا.",
			want: Header{Author: "سلمى حداد", Place: "دمشق", Outlet: "وكالة الأنباء", PublishedPartial: "--02-12T09:10"},
		},
		{
			name: "ar Arabic-Indic digits",
			text: "بقلم سلمى حداد  |  ٦ كانون الثاني ٢٠٢٢\n\nنص المقال.",
			want: Header{Author: "سلمى حداد", Published: "2022-01-06"},
		},
		{
			name: "ar hamza month",
			text: "المصدر: صحيفة الوطن  ٣ أيار ٢٠٢١\n\nنص المقال.",
			want: Header{Outlet: "صحيفة الوطن", Published: "2021-05-03"},
		},
		{
			name: "numeric ymd",
			text: "Door Jan Jansen  2021-11-30\n\nHet stuk begint hier.",
			want: Header{Author: "Jan Jansen", Published: "2021-11-30"},
		},
		{
			name: "numeric dmy",
			text: "Sumber: Kompas  09-02-2022\n\nPemerintah mengumumkan.",
			want: Header{Outlet: "Kompas", Published: "2022-02-09"},
		},
		{
			name: "no year partial day",
			text: "Oleh Budi Santoso  |  Sumber: Antara  |  17 Agustus\n\nPemerintah mengumumkan.",
			want: Header{Author: "Budi Santoso", Outlet: "Antara", PublishedPartial: "--08-17"},
		},
		{
			name: "invalid date is not a date",
			text: "Bron: De Krant  31 februari 2022\n\nTekst.",
			want: Header{Outlet: "De Krant"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, ok := p.Parse(tt.text)
			if !ok {
				t.Fatalf("Parse(%q): no header", tt.text)
			}
			span := tt.span
			if span == "" {
				span, _, _ = strings.Cut(tt.text, "\n")
			}
			if got := tt.text[h.Start:h.End]; got != span {
				t.Errorf("span = %q, want %q", got, span)
			}
			h.Start, h.End = 0, 0
			if h != tt.want {
				t.Errorf("Parse() =\n%+v\nwant\n%+v", h, tt.want)
			}
		})
	}
}

func TestParseHeaderNone(t *testing.T) {
	p := newTestHeaderParser(t)
	for _, text := range []string{
		"",
		"\n\n\n",
		"On 20 January 2022 militants launched an attack on the prison in the north-east of the country.\n",
		"Op 20 januari 2022 lanceerden de militanten een aanval op de gevangenis.\n\nMeer tekst.",
		"On 20 January 2022 ISIS attacked.\n",
		"Door de aanval op 20 januari 2022 vielen veel doden.\n",
		"Par ailleurs, le 12 mars 2023, le gouvernement a annoncé une réforme.\n",
		"في 20 يناير 2022 شن مسلحون هجوما على السجن في شمال شرق البلاد.\n",
		"A title\n\nA first paragraph with no date and no byline at all.\n",
		"Source\n",
	} {
		if h, ok := p.Parse(text); ok {
			t.Errorf("Parse(%q) = %+v, want no header", text, h)
		}
	}
}

// TestParseHeaderDeep checks that a header-like line below the first lines
// is not taken.
func TestParseHeaderDeep(t *testing.T) {
	p := newTestHeaderParser(t)
	text := strings.Repeat("A plain line of ordinary prose that goes on.\n", 9) + "By Jane Doe | Reuters | March 3, 2024\n"
	if h, ok := p.Parse(text); ok {
		t.Errorf("Parse() = %+v, want no header", h)
	}
}

func TestHeaderSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	tests := []struct {
		glob string
		want Header
	}{
		{"000_*.txt", Header{Author: "Vanessa Beeley", Outlet: "Off-Guardian", Published: "2022-02-09"}},
		{"001_*.txt", Header{Author: "Ayham Mar‘ī", Place: "al-Ḥasaka", Outlet: "al-Mayadeen net", PublishedPartial: "--01-06T15:23"}},
	}
	p := newTestHeaderParser(t)
	for _, tt := range tests {
		files, _ := filepath.Glob(filepath.Join(dir, tt.glob))
		if len(files) == 0 {
			t.Skipf("seed %s not found in %s", tt.glob, dir)
		}
		b, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		h, ok := p.Parse(string(b))
		if !ok {
			t.Fatalf("%s: no header", files[0])
		}
		h.Start, h.End = 0, 0
		if h != tt.want {
			t.Errorf("%s: Parse() =\n%+v\nwant\n%+v", filepath.Base(files[0]), h, tt.want)
		}
	}
}

// TestHeaderSeedArabicByline parses the Arabic half's byline of seed 001 as
// if it were the top of a document.
func TestHeaderSeedArabicByline(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "001_*.txt"))
	if len(files) == 0 {
		t.Skip("seed 001 not found")
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var line string
	for l := range strings.Lines(string(b)) {
		if strings.Contains(l, "المصدر:") {
			line = l
			break
		}
	}
	if line == "" {
		t.Skip("no Arabic byline in seed 001")
	}
	h, ok := newTestHeaderParser(t).Parse(line)
	h.Start, h.End = 0, 0
	want := Header{Author: "أيهم مرعي", Place: "الحسكة", Outlet: "الميادين نت", PublishedPartial: "--01-06T15:23"}
	if !ok || h != want {
		t.Errorf("Parse(%q) = %+v, %v\nwant %+v", line, h, ok, want)
	}
}

func TestHdrDigit(t *testing.T) {
	for in, want := range map[rune]int{'0': 0, '7': 7, '٠': 0, '٦': 6, '۹': 9, '𝟗': 9, '𝟘': 0} {
		if got := hdrDigit(in); got != want {
			t.Errorf("hdrDigit(%q) = %d, want %d", in, got, want)
		}
	}
}
