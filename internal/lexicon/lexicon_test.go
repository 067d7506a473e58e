package lexicon

import (
	"strconv"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Langs()) == 0 {
		t.Fatal("no languages loaded")
	}
}

func TestGeneratedMonths(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, word string
		want       string
	}{
		{"nl", "februari", "2"},
		{"nl", "januari", "1"},
		{"ar", "كانون الثاني", "1"},
		{"ar", "يناير", "1"},
		{"ar", "شباط", "2"},
		{"fr", "fevrier", "2"},
		{"ru", "января", "1"},
		{"tr", "ocak", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.word, func(t *testing.T) {
			var got []string
			for _, e := range l.List(tt.lang, "months") {
				if e.Text == tt.word {
					got = append(got, e.Value)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("months[%s][%q] = %v, want [%s]", tt.lang, tt.word, got, tt.want)
			}
		})
	}
}

func TestGeneratedRanges(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		list string
		max  int
	}{{"months", 12}, {"weekdays", 7}} {
		all := l.All(c.list)
		if len(all) == 0 {
			t.Fatalf("%s: empty", c.list)
		}
		seen := map[string]bool{}
		for _, e := range all {
			n, err := strconv.Atoi(e.Value)
			if err != nil || n < 1 || n > c.max {
				t.Errorf("%s/%s: %q has value %q, want 1..%d", e.Lang, c.list, e.Text, e.Value, c.max)
			}
			if e.Text != strings.ToLower(e.Text) {
				t.Errorf("%s/%s: %q is not lower-case", e.Lang, c.list, e.Text)
			}
			k := e.Lang + "\x00" + e.Text + "\x00" + e.Value
			if seen[k] {
				t.Errorf("%s/%s: duplicate %q", e.Lang, c.list, e.Text)
			}
			seen[k] = true
		}
	}
}
