package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var partialDate = regexp.MustCompile(`^--\d\d-\d\d(T\d\d:\d\d)?$`)

func FuzzParseHeader(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "header", "*.txt"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{
		"", "\n", "Source:", "By", "31 februari 2022", "٦ كانون الثاني ٢٠٢٢",
		"A – B  Source: C D  06 January 15:23",
		"Bron: Vanessa Beeley \nOff-Guardian 9 februari 2022 ~~~",
		"2022-02-29", "29.02.2024", "\xff\xfe 3 mars 2023", "By  |  |  | ",
	} {
		f.Add(s)
	}
	p := newTestHeaderParser(f)
	f.Fuzz(func(t *testing.T, text string) {
		h, ok := p.Parse(text)
		if !ok {
			if h != (Header{}) {
				t.Fatalf("ok false but header %+v", h)
			}
			return
		}
		if h.Start < 0 || h.Start > h.End || h.End > len(text) {
			t.Fatalf("span %d:%d out of 0:%d", h.Start, h.End, len(text))
		}
		if h.Published != "" {
			if _, err := time.Parse("2006-01-02", h.Published); err != nil {
				t.Fatalf("Published %q: %v", h.Published, err)
			}
			if h.PublishedPartial != "" {
				t.Fatalf("both Published %q and PublishedPartial %q", h.Published, h.PublishedPartial)
			}
		}
		if h.PublishedPartial != "" && !partialDate.MatchString(h.PublishedPartial) {
			t.Fatalf("PublishedPartial %q", h.PublishedPartial)
		}
		for _, v := range []string{h.Outlet, h.Author, h.Place} {
			if !strings.Contains(text[h.Start:h.End], v) {
				t.Fatalf("value %q not in the header %q", v, text[h.Start:h.End])
			}
		}
	})
}
