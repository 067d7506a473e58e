// Package lexicon holds claimtrace's language knowledge as data: per-language
// word lists (months, header labels, boilerplate phrases, caption labels,
// abbreviations, later hedges and cue verbs) kept as plain text files under
// data/<lang>/<list>.txt and embedded in the binary.
//
// Adding a language is mostly adding files here. Each file has one entry a
// line; '#' starts a comment line; an entry may carry a value after a tab
// ("januari\t1"). Lists that are generated from a data package say so in
// their first comment line and are rebuilt by gen.go, never edited by hand.
//
// The package is a leaf (standard library only) and has no global state:
// Load returns a value that callers pass down.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed data
var files embed.FS

// Entry is one line of a list: the phrase and its optional value.
type Entry struct {
	Lang  string
	Text  string
	Value string
}

// Lexicon is a loaded set of lists, read-only after Load and safe for
// concurrent use.
type Lexicon struct {
	lists map[string]map[string][]Entry // list name → lang → entries
	langs []string
}

// Load reads the embedded lists.
func Load() (*Lexicon, error) {
	return LoadFS(files, "data")
}

// LoadFS reads lists from fsys under root (root/<lang>/<list>.txt), for tests
// and for users who keep their own lists.
func LoadFS(fsys fs.FS, root string) (*Lexicon, error) {
	l := &Lexicon{lists: map[string]map[string][]Entry{}}
	dirs, err := fs.ReadDir(fsys, root)
	if err != nil {
		return nil, fmt.Errorf("lexicon: read %s: %w", root, err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		lang := d.Name()
		l.langs = append(l.langs, lang)
		names, err := fs.ReadDir(fsys, path.Join(root, lang))
		if err != nil {
			return nil, fmt.Errorf("lexicon: read %s: %w", lang, err)
		}
		for _, n := range names {
			if n.IsDir() || !strings.HasSuffix(n.Name(), ".txt") {
				continue
			}
			p := path.Join(root, lang, n.Name())
			es, err := parse(fsys, p, lang)
			if err != nil {
				return nil, err
			}
			list := strings.TrimSuffix(n.Name(), ".txt")
			if l.lists[list] == nil {
				l.lists[list] = map[string][]Entry{}
			}
			l.lists[list][lang] = es
		}
	}
	sort.Strings(l.langs)
	return l, nil
}

func parse(fsys fs.FS, p, lang string) ([]Entry, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("lexicon: open %s: %w", p, err)
	}
	defer f.Close()
	var out []Entry
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		text, value, _ := strings.Cut(s, "\t")
		text = strings.TrimSpace(text)
		if text == "" {
			return nil, fmt.Errorf("lexicon: %s:%d: empty entry before tab", p, line)
		}
		out = append(out, Entry{Lang: lang, Text: text, Value: strings.TrimSpace(value)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: read %s: %w", p, err)
	}
	return out, nil
}

// Langs lists the languages that have at least one list.
func (l *Lexicon) Langs() []string { return append([]string(nil), l.langs...) }

// List returns the entries of one list in one language (nil if absent).
func (l *Lexicon) List(lang, name string) []Entry { return l.lists[name][lang] }

// All returns the entries of one list across every language, languages in
// sorted order, so callers that match in any language get a stable order.
func (l *Lexicon) All(name string) []Entry {
	var out []Entry
	for _, lang := range l.langs {
		out = append(out, l.lists[name][lang]...)
	}
	return out
}

// Texts returns just the phrases of All(name).
func (l *Lexicon) Texts(name string) []string {
	var out []string
	for _, e := range l.All(name) {
		out = append(out, e.Text)
	}
	return out
}
