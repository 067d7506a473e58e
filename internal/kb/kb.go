package kb

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// Layer says where an entity's names came from. The matcher trusts names
// from people (curated and user files) more than names generated from
// gazetteers, where every common word is a hamlet somewhere.
type Layer uint8

// Layers, in load order; an entity remembers every layer that touched it.
const (
	LayerGenerated Layer = 1 << iota
	LayerCurated
	LayerUser
)

// KB is a loaded knowledge base: every entity by ID, and the alias index the
// matcher uses. It is read-only after Load and safe for concurrent use; pass
// it to whatever needs it rather than keeping it in a global.
type KB struct {
	ents   []Entity
	layers []Layer
	byID   map[string]int32
	// vouched holds, for entities that people's layers (curated, user)
	// touched, the alias keys those layers supplied. When a curated entry
	// overrides a gazetteer place, only these names get curated trust; the
	// place's generated alternate names stay under the gazetteer rules
	// ("Salem" and "Zion" are alternate names of Jerusalem in GeoNames).
	vouched map[int32]map[string]bool

	idxOnce sync.Once
	idx     *index
}

// newKB returns an empty KB ready for merging.
func newKB() *KB { return &KB{byID: map[string]int32{}, vouched: map[int32]map[string]bool{}} }

// vouch records the names of e, from a layer written by people, as
// trusted names of entity i.
func (k *KB) vouch(i int32, e *Entity) {
	m := k.vouched[i]
	if m == nil {
		m = map[string]bool{}
		k.vouched[i] = m
	}
	add := func(n string) {
		if key := aliasKey(n); key != "" {
			m[key] = true
			if s := textnorm.StripArticle(key); s != key {
				m[s] = true
			}
		}
	}
	add(e.Name)
	for _, names := range e.Aliases {
		for _, n := range names {
			add(n)
		}
	}
	for _, names := range e.Adjectives {
		for _, n := range names {
			add(n)
		}
	}
}

// Len is the number of entities.
func (k *KB) Len() int { return len(k.ents) }

// Entity returns the entity with the given ID. The pointer is into the KB:
// callers must not modify it.
func (k *KB) Entity(id string) (*Entity, bool) {
	i, ok := k.byID[id]
	if !ok {
		return nil, false
	}
	return &k.ents[i], true
}

// LayerOf reports which layers an entity's data came from (0 if unknown).
func (k *KB) LayerOf(id string) Layer {
	i, ok := k.byID[id]
	if !ok {
		return 0
	}
	return k.layers[i]
}

// All yields every entity in load order; `claimtrace kb list` prints them.
func (k *KB) All() iter.Seq[*Entity] {
	return func(yield func(*Entity) bool) {
		for i := range k.ents {
			if !yield(&k.ents[i]) {
				return
			}
		}
	}
}

// ByType yields the entities of one type (PERSON, ORG, …), for `kb list
// --type` and for callers that want, say, every outlet.
func (k *KB) ByType(typ string) iter.Seq[*Entity] {
	return func(yield func(*Entity) bool) {
		for i := range k.ents {
			if k.ents[i].Type == typ && !yield(&k.ents[i]) {
				return
			}
		}
	}
}

// Names returns every name of e: the canonical name, the aliases and the
// adjectives, each once, in a stable order.
func (e *Entity) Names() []string {
	out := []string{e.Name}
	seen := map[string]bool{e.Name: true}
	add := func(m map[string][]string) {
		for _, lang := range slices.Sorted(maps.Keys(m)) {
			for _, n := range m[lang] {
				if !seen[n] {
					seen[n] = true
					out = append(out, n)
				}
			}
		}
	}
	add(e.Aliases)
	add(e.Adjectives)
	return out
}

// Search finds entities whose canonical name or an alias matches query after
// folding (textnorm.Key): exact matches first, then prefix matches, then
// substring matches; within a rank, curated before generated and larger
// places first. It scans the KB, which is fine for an interactive
// `claimtrace kb search` but not for matching text (use a Matcher).
func (k *KB) Search(query string, limit int) []*Entity {
	q := aliasKey(query)
	if q == "" || limit == 0 {
		return nil
	}
	qs := textnorm.StripArticle(q)
	type hit struct {
		i    int32
		rank int
	}
	var hits []hit
	for i := range k.ents {
		e := &k.ents[i]
		best := 4
		if strings.EqualFold(e.ID, query) {
			best = 0
		}
		for _, n := range e.Names() {
			if best == 0 {
				break
			}
			nk := aliasKey(n)
			switch {
			case nk == q || textnorm.StripArticle(nk) == qs:
				best = 0
			case strings.HasPrefix(nk, q) || strings.HasPrefix(textnorm.StripArticle(nk), qs):
				best = min(best, 1)
			case strings.Contains(nk, q):
				best = min(best, 2)
			}
		}
		if best < 4 {
			hits = append(hits, hit{int32(i), best})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		ga, gb := k.layers[a.i] == LayerGenerated, k.layers[b.i] == LayerGenerated
		if ga != gb {
			if gb {
				return -1
			}
			return 1
		}
		return cmp.Compare(k.ents[b.i].Population, k.ents[a.i].Population)
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]*Entity, len(hits))
	for j, h := range hits {
		out[j] = &k.ents[h.i]
	}
	return out
}

// aliasKey is the key the index stores for a name: textnorm.Key split into
// words and joined by single spaces, so that punctuation inside a name
// ("U.S.", "Sina'a-gevangenis") and in the text compare alike.
func aliasKey(s string) string {
	key := textnorm.Key(s)
	if plainKey(key) {
		return key
	}
	toks := textnorm.Words(key)
	if len(toks) == 1 && toks[0].Start == 0 && toks[0].End == len(key) {
		return key
	}
	var b strings.Builder
	b.Grow(len(key))
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// NameKey is the key under which the matcher compares names and word
// lists: textnorm.Key with its words joined by single spaces. Callers that
// build Lists key their entries with it.
func NameKey(s string) string { return aliasKey(s) }

// plainKey reports whether a key is already words joined by single
// spaces (the common case), so aliasKey need not split it.
func plainKey(key string) bool {
	for _, r := range key {
		if r != ' ' && !textnorm.IsWordChar(r) {
			return false
		}
	}
	return true
}
