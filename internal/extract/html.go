package extract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoContent is returned when an HTML page has no main text to extract.
var ErrNoContent = errors.New("no main content found")

// HTMLResult is what the HTML extractor found on a page.
type HTMLResult struct {
	Text      string
	Title     string
	Author    string
	Site      string
	Published string // YYYY-MM-DD or ""
	Lang      string // declared page language, if any
	URL       string
	// Repeats are blocks the extractor's content tree held twice (its
	// fallback extractors can append a merged copy of paragraphs already
	// kept); they are left out of Text and reported as removals.
	Repeats []string
}

// extractHTML runs go-trafilatura on one page. The fallback extractors
// (readability, dom-distiller) are on: they cost ~1 ms a page and rescue
// pages whose markup trafilatura's own heuristics miss. A panic inside the
// library is turned into an error so one hostile page cannot stop a batch.
func extractHTML(body, pageURL string, cfg Config) (res HTMLResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("html extraction failed: %v", r)
		}
	}()
	opts := trafilatura.Options{
		EnableFallback:  cfg.HTMLFallback,
		ExcludeComments: true,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Default,
	}
	if pageURL != "" {
		if u, perr := url.Parse(pageURL); perr == nil && u.Host != "" {
			opts.OriginalURL = u
		}
	}
	// ingest has already decoded the page to UTF-8; parse it as such, so
	// no charset sniffing re-reads the bytes as windows-1252.
	root, err := html.Parse(strings.NewReader(body))
	if err != nil {
		return res, fmt.Errorf("html parse: %w", err)
	}
	r, err := trafilatura.ExtractDocument(root, opts)
	if err != nil {
		return res, fmt.Errorf("html extraction: %w", err)
	}
	if r == nil || strings.TrimSpace(r.ContentText) == "" {
		return res, ErrNoContent
	}
	text := r.ContentText
	var repeats []string
	if r.ContentNode != nil {
		if t, rep := nodeText(r.ContentNode); strings.TrimSpace(t) != "" {
			text, repeats = t, rep
		}
	}
	m := r.Metadata
	res = HTMLResult{
		Text:    text,
		Repeats: repeats,
		Title:   strings.TrimSpace(m.Title),
		Author:  strings.TrimSpace(m.Author),
		Site:    strings.TrimSpace(m.Sitename),
		Lang:    m.Language,
		URL:     m.URL,
	}
	if !m.Date.IsZero() && m.Date.Year() > 1900 {
		res.Published = m.Date.Format(time.DateOnly)
	}
	return res, nil
}

// blocks are the elements that start a new paragraph in the text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Figure: true, atom.Figcaption: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true, atom.Hr: true,
	atom.Address: true, atom.Caption: true, atom.Details: true, atom.Summary: true,
}

// nodeText renders the content tree trafilatura kept as paragraphs
// separated by blank lines, the shape the clean-up and the sentence splitter
// expect (trafilatura's own ContentText runs paragraphs together). White
// space inside a paragraph collapses to one space; <br> is a line break. A
// paragraph whose letters all repeat text already rendered is left out and
// returned in repeats.
func nodeText(root *html.Node) (string, []string) {
	var out strings.Builder
	var seen strings.Builder // everything rendered, without white space
	var repeats []string
	flush := func(b *strings.Builder) {
		p := strings.TrimSpace(b.String())
		b.Reset()
		if p == "" {
			return
		}
		squeezed := strings.Join(strings.Fields(p), "")
		if len(squeezed) >= 20 && strings.Contains(seen.String(), squeezed) {
			repeats = append(repeats, p)
			return
		}
		seen.WriteString(squeezed)
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(p)
	}
	var b strings.Builder
	pendingBreak := ""
	space := false
	var walk func(n *html.Node)
	emit := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 && pendingBreak != "" {
			b.WriteString(pendingBreak)
			space = false
		} else if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingBreak, space = "", false
		b.WriteString(s)
	}
	brk := func(s string) {
		if len(s) > len(pendingBreak) {
			pendingBreak = s
		}
	}
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			t := n.Data
			lead := t != "" && isHTMLSpace(t[0])
			trail := t != "" && isHTMLSpace(t[len(t)-1])
			words := strings.Fields(t)
			if len(words) == 0 {
				space = space || lead
				return
			}
			space = space || lead
			emit(strings.Join(words, " "))
			space = trail
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				brk("\n")
				return
			}
		}
		block := n.Type == html.ElementNode && (blocks[n.DataAtom] || n.Data == "head" || n.Data == "list" || n.Data == "item" || n.Data == "quote" || n.Data == "cell" || n.Data == "row")
		if block {
			brk("\n\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			brk("\n\n")
		}
	}
	walk(root)
	for _, para := range strings.Split(b.String(), "\n\n") {
		var pb strings.Builder
		pb.WriteString(para)
		flush(&pb)
	}
	return out.String(), repeats
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// Baseline runs go-trafilatura alone on a page, with its default options
// plus the fallbacks, as a reference point for speed comparisons
// (`claimtrace bench -modes trafilatura`): what a user would pay for
// extraction only, without claimtrace's clean-up and analysis.
func Baseline(body string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("trafilatura panicked: %v", r)
		}
	}()
	_, err = trafilatura.Extract(strings.NewReader(body), trafilatura.Options{EnableFallback: true})
	return err
}
