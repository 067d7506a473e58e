package timex

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

func newStage(tb testing.TB, cfg Config) *Stage {
	tb.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		tb.Fatal(err)
	}
	s, err := New(lex, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func day(s string) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &t
}

// show renders times compactly: text=value/precision plus flags.
func show(ts []doc.Time) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s=%s/%s", t.Text, t.Value, t.Precision)
		if t.InferredYear {
			b.WriteString(" inf")
		}
		if t.Relative {
			b.WriteString(" rel")
		}
	}
	return b.String()
}

func TestFind(t *testing.T) {
	s := newStage(t, DefaultConfig())
	tests := []struct {
		name, lang, text, pub, want string
	}{
		// Dutch
		{"nl/dmy", "nl", "Op 20 januari 2022 vielen zij aan.", "2022-02-09", "20 januari 2022=2022-01-20/day"},
		{"nl/no year", "nl", "De brief van 3 februari bleef onbeantwoord.", "2022-02-09", "3 februari=2022-02-03/day inf"},
		{"nl/no year previous year", "nl", "Hij vertrok op 14 december naar Brussel.", "2022-02-09", "14 december=2021-12-14/day inf"},
		{"nl/no pub", "nl", "Hij vertrok op 14 december naar Brussel.", "", "14 december=--12-14/day"},
		{"nl/weekday", "nl", "De minister zei donderdag dat het klopt.", "2022-02-09", "donderdag=2022-02-03/day inf rel"},
		{"nl/weekday same day", "nl", "De minister zei woensdag dat het klopt.", "2022-02-09", "woensdag=2022-02-09/day inf rel"},
		{"nl/weekday no pub", "nl", "De minister zei donderdag dat het klopt.", "", ""},
		{"nl/relative", "nl", "Gisteren en vorige week gebeurde het, en ook 3 dagen geleden.", "2022-02-09",
			"Gisteren=2022-02-08/day inf rel; vorige week=2022-W05/week inf rel; 3 dagen geleden=2022-02-06/day inf rel"},
		{"nl/month last", "nl", "Sinds september jongstleden zitten er 60 man vast.", "2022-02-09", "september jongstleden=2021-09/month inf rel"},
		{"nl/year cue", "nl", "Sinds 2015 werkt zij in Jemen, sinds het begin van 2022 ook in Irak.", "2022-02-09",
			"2015=2015/year; 2022=2022/year"},
		{"nl/quantities", "nl", "Ongeveer 3.500 strijders en 2019 burgers, 55 km verderop, 12 PKK-leden.", "2022-02-09", ""},
		{"nl/impossible", "nl", "Op 31 februari 2022 niet, op 30.02.2021 ook niet.", "2022-02-09", ""},
		{"nl/numeric", "nl", "Geboren 20.01.1990, gemeld op 2022-01-20 en op 5/3/2021.", "", "20.01.1990=1990-01-20/day; 2022-01-20=2022-01-20/day; 5/3/2021=2021-03-05/day"},
		{"nl/range", "nl", "Van 20 tot 30 januari 2022 en 3–5 maart.", "2022-02-09", "20 tot 30 januari 2022=2022-01-20/2022-01-30/day; 3–5 maart=2022-03-03/2022-03-05/day inf"},
		{"nl/ordinal month cue", "nl", "Het gebeurde in maart en op de 1e mei.", "2022-02-09", "maart=2022-03/month inf; 1e mei=2021-05-01/day inf"},
		// English
		{"en/mdy", "en", "On January 20, 2022, and on March 3rd the prison was hit.", "2022-02-09", "January 20, 2022=2022-01-20/day; March 3rd=2022-03-03/day inf"},
		{"en/of", "en", "It began on the 20th of January 2022.", "", "20th of January 2022=2022-01-20/day"},
		{"en/month year", "en", "In September 2021 and at the end of 2017 they met.", "", "September 2021=2021-09/month; 2017=2017/year"},
		{"en/relative", "en", "Yesterday, a month ago and earlier this month.", "2022-02-09",
			"Yesterday=2022-02-08/day inf rel; a month ago=2022-01/month inf rel; earlier this month=2022-02/month inf rel"},
		{"en/last weekday", "en", "Last Tuesday he said he may return by May 5.", "2022-02-09", "Last Tuesday=2022-02-08/day inf rel; May 5=2021-05-05/day inf"},
		{"en/may modal", "en", "They may 3 times refuse, on 3 may.", "2022-02-09", ""},
		{"en/weekday date time", "en", "Published Monday, 24 January 2022, 15:23.", "", "Monday, 24 January 2022, 15:23=2022-01-24T15:23/day"},
		{"en/time alone", "en", "The bus left at 15:23 and 7 people died.", "2022-02-09", ""},
		{"en/us numeric", "en", "Filed 01/20/2022, served 03/04/2022.", "", "01/20/2022=2022-01-20/day; 03/04/2022=2022-04-03/day"},
		{"en/phone and version", "en", "Call 020-123-4567 or use v1.2.2022 and 10.0.0.1.", "", ""},
		// Arabic
		{"ar/levantine", "ar", "الحسكة 06 كانون الثاني 15:23", "", "06 كانون الثاني 15:23=--01-06T15:23/day"},
		{"ar/indic digits", "ar", "في ٦ كانون الثاني ٢٠٢٢ هاجم التنظيم السجن", "", "٦ كانون الثاني ٢٠٢٢=2022-01-06/day"},
		{"ar/proclitic", "ar", "بتاريخ 20 يناير 2022 وفي 3 شباط و20 كانون الثاني", "2022-02-09",
			"20 يناير 2022=2022-01-20/day; 3 شباط=2022-02-03/day inf; 20 كانون الثاني=2022-01-20/day inf"},
		{"ar/double month", "ar", "في 15 أيار/مايو 2021 انتهت المعارك", "", "15 أيار/مايو 2021=2021-05-15/day"},
		{"ar/year cue", "ar", "في نهاية العام 2017 وعام 2019 قتل 3500 عنصر", "", "2017=2017/year; 2019=2019/year"},
		{"ar/weekday", "ar", "قال يوم الثلاثاء إن الهجوم وقع الخميس الماضي", "2022-02-09", "يوم الثلاثاء=2022-02-08/day inf rel; الخميس الماضي=2022-02-03/day inf rel"},
		{"ar/relative", "ar", "وقع الهجوم منذ 3 أيام وأمس والشهر الماضي", "2022-02-09", "منذ 3 أيام=2022-02-06/day inf rel; أمس=2022-02-08/day inf rel; الشهر الماضي=2022-01/month inf rel"},
		{"ar/month year", "ar", "في أيلول 2021 وأيلول الماضي", "2022-02-09", "أيلول 2021=2021-09/month"},
		{"ar/units", "ar", "على بعد 55 كم من 12 موقعا", "2022-02-09", ""},
		// French
		{"fr/dmy", "fr", "Le 3 mars 2023, puis le 1er avril et mardi dernier.", "2023-04-20",
			"3 mars 2023=2023-03-03/day; 1er avril=2023-04-01/day inf; mardi dernier=2023-04-18/day inf rel"},
		{"fr/relative", "fr", "Il y a 3 jours, hier et l'année dernière, depuis 2019.", "2023-04-20",
			"Il y a 3 jours=2023-04-17/day inf rel; hier=2023-04-19/day inf rel; l'année dernière=2022/year inf rel; 2019=2019/year"},
		// German
		{"de/dot", "de", "Am 5. Mai 2021 und seit 2015, vor 2 Wochen.", "2022-02-09", "5. Mai 2021=2021-05-05/day; 2015=2015/year; vor 2 Wochen=2022-W04/week inf rel"},
		{"de/letzten", "de", "Am letzten Freitag und im März 2020.", "2022-02-09", "letzten Freitag=2022-02-04/day inf rel; März 2020=2020-03/month"},
		// Spanish
		{"es/de", "es", "El 3 de marzo de 2023 y hace 2 meses, desde 2010.", "2023-05-10", "3 de marzo de 2023=2023-03-03/day; hace 2 meses=2023-03/month inf rel; 2010=2010/year"},
		// Russian
		{"ru/genitive", "ru", "12 марта 2022 года и вчера, в 2019 году.", "2022-03-20", "12 марта 2022 года=2022-03-12/day; вчера=2022-03-19/day inf rel; 2019 году=2019/year"},
		// Turkish
		{"tr/mart", "tr", "3 Mart 2023 tarihinde, 2019'da ve geçen salı.", "2023-03-10", "3 Mart 2023=2023-03-03/day; 2019'da=2019/year; geçen salı=2023-03-07/day inf rel"},
		// Unknown language: short abbreviations need a year or a capital.
		{"und/abbreviations", "", "Sun 20 Jan 2022; 5 sie 2020; 3 set; in jan; 20 ene.", "2022-02-09", "Sun 20 Jan 2022=2022-01-20/day; 5 sie 2020=2020-08-05/day"},
		// Italian, Portuguese, Indonesian
		{"it/pt/id", "", "Il 2 giugno 2021; em 7 de setembro de 2022; pada 17 Agustus 2020.", "", "2 giugno 2021=2021-06-02/day; 7 de setembro de 2022=2022-09-07/day; 17 Agustus 2020=2020-08-17/day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := s.Find(tt.text, tt.lang, day(tt.pub))
			if g := show(got); g != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, g, tt.want)
			}
			checkTimes(t, tt.text, got)
		})
	}
}

func TestMonthFirst(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MonthFirst = true
	s := newStage(t, cfg)
	got := show(s.Find("Filed 03/04/2022 and 20/01/2022.", "en", nil))
	if want := "03/04/2022=2022-03-04/day; 20/01/2022=2022-01-20/day"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestApply(t *testing.T) {
	s := newStage(t, DefaultConfig())
	text := "Zij zei donderdag: op 20 januari 2022. الخميس الماضي في 20 يناير"
	d := doc.New(text)
	pub := "2022-02-09"
	d.Published = &pub
	cut := strings.Index(text, "الخميس")
	d.Segments = []doc.Segment{{Start: 0, End: cut, Lang: "nl", Script: "Latn"}, {Start: cut, End: len(text), Lang: "ar", Script: "Arab"}}
	if err := s.Apply(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := "donderdag=2022-02-03/day inf rel; 20 januari 2022=2022-01-20/day; الخميس الماضي=2022-02-03/day inf rel; 20 يناير=2022-01-20/day inf"
	if got := show(d.Times); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if err := doc.Check(d); err != nil {
		t.Error(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Apply(ctx, d); err == nil {
		t.Error("Apply with a cancelled context: want error")
	}
}

func TestPublishedPrecision(t *testing.T) {
	s := newStage(t, DefaultConfig())
	for _, tt := range []struct{ pub, want string }{
		{"2022", "14 december=2022-12-14/day inf"},
		{"2022-01", "14 december=2021-12-14/day inf"},
		{"2022-02-09T10:00:00Z", "gisteren=2022-02-08/day inf rel; 14 december=2021-12-14/day inf"},
		{"nonsense", "14 december=--12-14/day"},
	} {
		d := doc.New("Hij zei gisteren dat 14 december de datum was.")
		d.Published = &tt.pub
		d.Segments = []doc.Segment{{Start: 0, End: len(d.Text), Lang: "nl"}}
		if err := s.Apply(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if got := show(d.Times); got != tt.want {
			t.Errorf("published %s: got %s, want %s", tt.pub, got, tt.want)
		}
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(nil, DefaultConfig()); err == nil {
		t.Error("nil lexicon: want error")
	}
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(lex, Config{}); err == nil {
		t.Error("zero config: want error")
	}
}

// checkTimes asserts the contract: sorted, non-overlapping spans on UTF-8
// boundaries whose text is text[start:end], with valid values.
func checkTimes(tb testing.TB, text string, ts []doc.Time) {
	tb.Helper()
	last := 0
	for _, tm := range ts {
		if tm.Start < last || tm.End <= tm.Start || tm.End > len(text) {
			tb.Fatalf("bad span %d..%d after %d in %q", tm.Start, tm.End, last, text)
		}
		if text[tm.Start:tm.End] != tm.Text {
			tb.Fatalf("text[%d:%d] = %q, Text %q", tm.Start, tm.End, text[tm.Start:tm.End], tm.Text)
		}
		if !validValue(tm.Value, tm.Precision) {
			tb.Fatalf("invalid value %q (%s) for %q", tm.Value, tm.Precision, tm.Text)
		}
		last = tm.End
	}
}

// validValue accepts the forms Find emits: YYYY, YYYY-MM, YYYY-MM-DD,
// --MM, --MM-DD, a day range A/B, an optional THH:MM, and YYYY-Www.
func validValue(v, prec string) bool {
	if a, b, ok := strings.Cut(v, "/"); ok {
		return prec == "day" && validValue(a, prec) && validValue(b, prec)
	}
	v, clock, hasClock := strings.Cut(v, "T")
	if hasClock {
		if _, err := time.Parse("15:04", clock); err != nil || prec != "day" {
			return false
		}
	}
	layouts := map[string][]string{
		"year":  {"2006"},
		"month": {"2006-01", "--01"},
		"day":   {"2006-01-02", "--01-02"},
	}
	if prec == "week" {
		var y, w int
		n, err := fmt.Sscanf(v, "%04d-W%02d", &y, &w)
		return err == nil && n == 2 && len(v) == 8 && w >= 1 && w <= 53
	}
	for _, l := range layouts[prec] {
		p := v
		if strings.HasPrefix(l, "--") {
			if !strings.HasPrefix(v, "--") {
				continue
			}
			l, p = "2006"+l[1:], "2000"+v[1:] // 2000 is a leap year
		}
		if _, err := time.Parse(l, p); err == nil && len(p) == len(l) {
			return true
		}
	}
	return false
}
