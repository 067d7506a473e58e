// Package corpusgen makes a deterministic synthetic news corpus for
// benchmarks: articles of about 5 KB in Dutch, English and Arabic, as plain
// text and as HTML pages with navigation, sidebars, share bars and comment
// forms, some with a credit header, a repeated caption, a caption spliced
// into a paragraph, or trailing comment-form boilerplate.
//
// The sentence templates in data/ were written for this purpose; no article
// text is copied. The same seed always gives the same corpus, so benchmark
// runs are comparable, and documents are produced one at a time so a
// corpus of any size costs constant memory.
package corpusgen

import (
	"bufio"
	"embed"
	"fmt"
	"html"
	"iter"
	"math/rand/v2"
	"strings"

	"github.com/claimtrace/claimtrace/internal/doc"
)

//go:embed data/*.txt
var data embed.FS

// Config says what to generate.
type Config struct {
	Docs      int      // number of documents
	Langs     []string // languages to mix (en, nl, ar)
	HTMLShare float64  // fraction of documents rendered as HTML pages (0..1)
	Bytes     int      // approximate size of an article's text in bytes
	Seed      uint64
}

// DefaultConfig is 10,000 mixed en/nl/ar documents of ~5 KB, half HTML.
func DefaultConfig() Config {
	return Config{Docs: 10000, Langs: []string{"en", "nl", "ar"}, HTMLShare: 0.5, Bytes: 5000, Seed: 1}
}

// Generator yields synthetic inputs.
type Generator struct {
	cfg       Config
	templates map[string][]string
	slots     map[string]map[string][]string // lang → slot → values
}

// New loads the templates for the configured languages.
func New(cfg Config) (*Generator, error) {
	g := &Generator{cfg: cfg, templates: map[string][]string{}, slots: map[string]map[string][]string{}}
	for _, l := range cfg.Langs {
		lines, err := readLines("data/" + l + ".txt")
		if err != nil {
			return nil, fmt.Errorf("corpusgen: no templates for %q: %w", l, err)
		}
		g.templates[l] = lines
	}
	lines, err := readLines("data/slots.txt")
	if err != nil {
		return nil, fmt.Errorf("corpusgen: %w", err)
	}
	for _, ln := range lines {
		f := strings.SplitN(ln, "\t", 3)
		if len(f) != 3 {
			return nil, fmt.Errorf("corpusgen: bad slot line %q", ln)
		}
		if g.slots[f[0]] == nil {
			g.slots[f[0]] = map[string][]string{}
		}
		g.slots[f[0]][f[1]] = append(g.slots[f[0]][f[1]], f[2])
	}
	return g, nil
}

func readLines(name string) ([]string, error) {
	f, err := data.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s != "" && !strings.HasPrefix(s, "#") {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

// All yields cfg.Docs inputs, each generated on demand.
func (g *Generator) All() iter.Seq2[doc.Input, error] {
	return func(yield func(doc.Input, error) bool) {
		r := rand.New(rand.NewPCG(g.cfg.Seed, 0x5eed))
		for i := range g.cfg.Docs {
			if !yield(g.doc(r, i), nil) {
				return
			}
		}
	}
}

// boilerplate tails and header labels per language, as a scraped page has them.
var tails = map[string][]string{
	"en": {"Leave a Reply", "Your email address will not be published. Required fields are marked *"},
	"nl": {"Geef een reactie", "Het e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *"},
	"ar": {"اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *"},
}

var headers = map[string]string{
	"en": "Source: %s        %s",
	"nl": "Bron: %s \n%s ~~~",
	"ar": "المصدر: %s        %s",
}

func (g *Generator) doc(r *rand.Rand, i int) doc.Input {
	l := g.cfg.Langs[i%len(g.cfg.Langs)]
	fill := func(t string) string {
		for _, slot := range []string{"actor", "place", "date", "source", "outlet"} {
			for strings.Contains(t, "{"+slot+"}") {
				vs := g.slots[l][slot]
				t = strings.Replace(t, "{"+slot+"}", vs[r.IntN(len(vs))], 1)
			}
		}
		for strings.Contains(t, "{n}") {
			t = strings.Replace(t, "{n}", fmt.Sprint(2+r.IntN(3000)), 1)
		}
		return t
	}
	ts := g.templates[l]
	title := strings.TrimSuffix(fill(ts[r.IntN(len(ts))]), ".")
	var paras []string
	size := 0
	for size < g.cfg.Bytes {
		n := 2 + r.IntN(4)
		var sb strings.Builder
		for j := range n {
			if j > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(fill(ts[r.IntN(len(ts))]))
		}
		paras = append(paras, sb.String())
		size += sb.Len()
	}
	caption := fill(ts[r.IntN(len(ts))])
	switch r.IntN(4) {
	case 0: // caption repeated on the next line
		k := r.IntN(len(paras))
		paras = append(paras[:k], append([]string{caption + "\n" + caption}, paras[k:]...)...)
	case 1: // caption spliced into a word of another paragraph
		k := r.IntN(len(paras))
		p := paras[k]
		if cut := strings.IndexByte(p[len(p)/2:], ' '); cut > 3 {
			at := len(p)/2 + cut - 2
			for at > 0 && p[at]&0xC0 == 0x80 {
				at--
			}
			paras[k] = p[:at] + caption + p[at:]
			paras = append(paras[:k], append([]string{caption}, paras[k:]...)...)
		}
	}
	outlet := g.slots[l]["outlet"][r.IntN(len(g.slots[l]["outlet"]))]
	date := g.slots[l]["date"][r.IntN(2)]
	in := doc.Input{Path: fmt.Sprintf("gen/%05d.%s", i, l)}
	if r.Float64() < g.cfg.HTMLShare {
		in.Format = doc.FormatHTML
		in.Path += ".html"
		in.Body = page(l, title, outlet, paras, tails[l])
		return in
	}
	in.Format = doc.FormatText
	in.Path += ".txt"
	var sb strings.Builder
	if r.IntN(2) == 0 {
		fmt.Fprintf(&sb, headers[l]+"\n\n", outlet, date)
	}
	sb.WriteString(title + "\n\n")
	sb.WriteString(strings.Join(paras, "\n\n"))
	if r.IntN(2) == 0 {
		sb.WriteString("\n\n" + strings.Join(tails[l], "\n\n"))
	}
	in.Body = sb.String()
	return in
}

// page renders an article as a typical news page: metadata, navigation,
// share bar, sidebar, the article, a comment form and a footer.
func page(lang, title, outlet string, paras, tail []string) string {
	e := html.EscapeString
	dir := "ltr"
	if lang == "ar" {
		dir = "rtl"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="%s" dir="%s"><head><meta charset="utf-8"><title>%s</title>`, lang, dir, e(title))
	fmt.Fprintf(&b, `<meta property="og:site_name" content="%s"><meta property="og:title" content="%s">`, e(outlet), e(title))
	b.WriteString(`<meta property="article:published_time" content="2022-02-09T10:12:00+01:00"><meta name="author" content="Jan de Vries"></head><body>`)
	b.WriteString(`<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/about">About</a></li></ul></nav></header>`)
	b.WriteString(`<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div><main><article>`)
	fmt.Fprintf(&b, `<h1>%s</h1><div class="byline">Jan de Vries · %s</div>`, e(title), e(outlet))
	for i, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", e(p))
		if i == 1 {
			b.WriteString(`<figure><img src="/img/1.jpg" alt=""><figcaption>Photo: archive</figcaption></figure>`)
		}
	}
	b.WriteString(`</article><div class="share">Share: <a href="#">Twitter</a> <a href="#">Facebook</a></div>`)
	b.WriteString(`<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another story</a></li></ul></aside>`)
	fmt.Fprintf(&b, `<section id="comments"><h3>%s</h3><p>%s</p><form><textarea></textarea><button>Post</button></form></section>`, e(tail[0]), e(tail[1]))
	b.WriteString(`</main><footer><p>© 2022 All rights reserved.</p></footer></body></html>`)
	return b.String()
}
