package corpusgen

import (
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

func collect(t *testing.T, cfg Config) []doc.Input {
	t.Helper()
	g, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []doc.Input
	for in, err := range g.All() {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, in)
	}
	return out
}

func TestGenerate(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Docs = 60
	a := collect(t, cfg)
	b := collect(t, cfg)
	if len(a) != 60 {
		t.Fatalf("%d documents", len(a))
	}
	html, langs := 0, map[string]int{}
	for i := range a {
		if a[i].Body != b[i].Body || a[i].Path != b[i].Path {
			t.Fatalf("document %d differs between runs: the corpus must be deterministic", i)
		}
		if a[i].Format == doc.FormatHTML {
			html++
			if !strings.Contains(a[i].Body, "<article>") {
				t.Errorf("%s: HTML page without an article", a[i].Path)
			}
		} else if n := len(a[i].Body); n < cfg.Bytes/2 || n > cfg.Bytes*3 {
			t.Errorf("%s: %d bytes, want about %d", a[i].Path, n, cfg.Bytes)
		}
		langs[strings.Split(a[i].Path, ".")[1]]++
		if strings.Contains(a[i].Body, "{") && a[i].Format == doc.FormatText {
			t.Errorf("%s: unfilled template slot", a[i].Path)
		}
	}
	if html < 15 || html > 45 {
		t.Errorf("%d of 60 are HTML, want about half", html)
	}
	for _, l := range cfg.Langs {
		if langs[l] != 20 {
			t.Errorf("%d documents in %s, want 20", langs[l], l)
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Langs = []string{"xx"}
	if _, err := New(cfg); err == nil {
		t.Error("a language without templates must be an error")
	}
}
