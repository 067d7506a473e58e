package doc

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	text := "Op 20 januari 2022 viel ISIS de gevangenis van Ghweran aan. الحسكة"
	good := func() *Document {
		d := New(text)
		i := strings.Index(text, "ISIS")
		d.Mentions = append(d.Mentions, Mention{Start: i, End: i + 4, Text: "ISIS"})
		j := strings.Index(text, "الحسكة")
		d.Mentions = append(d.Mentions, Mention{Start: j, End: j + len("الحسكة"), Text: "الحسكة"})
		d.Segments = append(d.Segments, Segment{Start: 0, End: j - 1, Lang: "nl", Script: "Latn"})
		return d
	}
	tests := []struct {
		name   string
		mutate func(d *Document)
		ok     bool
	}{
		{"valid document", func(d *Document) {}, true},
		{"span text differs", func(d *Document) { d.Mentions[0].Text = "IS" }, false},
		{"span past end", func(d *Document) { d.Mentions[0].End = len(text) + 1 }, false},
		{"negative start", func(d *Document) { d.Mentions[0].Start = -1 }, false},
		{"end before start", func(d *Document) { d.Segments[0].End = -5 }, false},
		{"splits a UTF-8 character", func(d *Document) {
			d.Mentions[1].Start++
			d.Mentions[1].Text = d.Text[d.Mentions[1].Start:d.Mentions[1].End]
		}, false},
		{"id is not the hash", func(d *Document) { d.ID = "abc" }, false},
		{"translation names missing segment", func(d *Document) { d.Translations = []Translation{{A: 0, B: 3}} }, false},
		{"removal point outside", func(d *Document) { d.Removed = []Removal{{Kind: RemovedDuplicate, Text: "x", At: len(text) + 2}} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good()
			tt.mutate(d)
			err := Check(d)
			if tt.ok && err != nil {
				t.Fatalf("Check: %v", err)
			}
			if !tt.ok && err == nil {
				t.Fatal("Check accepted a broken document")
			}
		})
	}
}

func TestCheckSpanSentinel(t *testing.T) {
	d := New("abc")
	d.Times = []Time{{Start: 0, End: 2, Text: "xx"}}
	if err := Check(d); !errors.Is(err, ErrSpan) {
		t.Fatalf("want ErrSpan, got %v", err)
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	d := New("Dā‘iš <b>&</b> داعش")
	d.Published = Str("2022-02-09")
	d.Source = Source{Path: "a.txt", Outlet: Str("al-Mayadeen")}
	var buf bytes.Buffer
	if err := NewEncoder(&buf, false).Encode(d); err != nil {
		t.Fatal(err)
	}
	line := buf.Bytes()
	if bytes.Count(line, []byte("\n")) != 1 {
		t.Fatalf("want one line, got %q", line)
	}
	if !bytes.Contains(line, []byte("<b>&</b>")) {
		t.Errorf("HTML characters were escaped: %s", line)
	}
	for _, field := range []string{`"schema":"claimtrace/v1"`, `"mentions":[]`, `"url":null`, `"author":null`, `"events":[]`} {
		if !bytes.Contains(line, []byte(field)) {
			t.Errorf("output lacks %s: %s", field, line)
		}
	}
	got, err := Decode(line)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != d.Text || got.ID != d.ID || *got.Published != "2022-02-09" || *got.Source.Outlet != "al-Mayadeen" {
		t.Errorf("round trip changed the document: %+v", got)
	}
	if err := Check(got); err != nil {
		t.Errorf("decoded document fails Check: %v", err)
	}
}

func TestStrAndOrigin(t *testing.T) {
	if Str("") != nil {
		t.Error("Str(\"\") should be nil")
	}
	if got := (Input{Path: "a.jsonl", Line: 7}).Origin(); got != "a.jsonl:7" {
		t.Errorf("Origin = %q", got)
	}
	if got := (Input{Path: "a.txt"}).Origin(); got != "a.txt" {
		t.Errorf("Origin = %q", got)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"schema":"claimtrace/v1","text":"abc","mentions":[{"start":0,"end":1,"text":"a"}]}`))
	f.Add([]byte(`{"text":`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Decode(b)
		if err != nil {
			return
		}
		_ = Check(d) // must not panic on any decoded document
	})
}
