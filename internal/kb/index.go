package kb

import (
	"bytes"
	"maps"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/textnorm"
)

// The alias index stands in for a multi-pattern automaton. Aho–Corasick
// libraries cost seconds and hundreds of megabytes for a million patterns
// (notes/deps.md §6a), and a whole-word matcher must check word boundaries
// itself anyway. Instead, every alias key (textnorm.Key, words joined by one
// space) is hashed with 64-bit FNV-1a into a table of posting lists, and
// the matcher hashes the document's word n-grams incrementally: n-gram i..j
// costs one hash step per byte and one table probe. Proper prefixes of
// multi-word aliases are marked in the same table, so the matcher stops
// extending an n-gram as soon as no alias can start with it. The tables are
// sharded by the hash's top bits and built in parallel; a bit filter in
// front of them turns most words away without a probe.
//
// Loading is measured by BenchmarkLoad (internal/kb) and matching by
// BenchmarkMatch (internal/annotate/mention); the targets are a load under
// a second, a loaded KB under 300 MB and matching at 20 MB/s or more.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	// maxAliasWords caps the n-gram length; longer aliases are not indexed.
	maxAliasWords = 8
	shardBits     = 6
	nShards       = 1 << shardBits
)

func hashAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashKey(key string) uint64 { return hashAdd(fnvOffset, key) }

// Name kinds in a posting.
const (
	kindName      uint8 = iota // canonical name
	kindAlias                  // alias
	kindAdjective              // demonym or adjective
)

// Posting flags.
const (
	flagAmbiguous uint8 = 1 << iota // listed in Entity.Ambiguous
	flagStripped                    // indexed without its leading article
	flagUpper                       // written all in capitals (an acronym)
	flagGenerated                   // entity known only from a generated layer
	flagShort                       // at most two letters
)

// posting is one (entity, name) pair stored under a key hash.
type posting struct {
	ent   int32
	lang  uint8 // index into index.langs
	kind  uint8
	flags uint8
	words uint8
}

// A shard maps a hash to its postings, which lie next to each other in
// posts, so that a lookup returns a sub-slice without copying. The map is
// an open-addressing table probed linearly from a slot picked by the
// hash's middle bits: the key is already a hash, so a lookup costs one
// multiplication and usually one cache line, where a Go map would hash
// the hash again and probe a group. A slot's value is
// prefixBit | count<<32 | start; h == 0 marks an empty slot (a name whose
// hash is 0 is not indexed: one chance in 2^64).
type shard struct {
	slots []slot
	shift uint // 64 - log2(len(slots))
	posts []posting
}

type slot struct{ h, v uint64 }

// slotOf is where the probe for h starts.
func (s *shard) slotOf(h uint64) int { return int((h * 0x9E3779B97F4A7C15) >> s.shift) }

// get returns the value stored for h.
func (s *shard) get(h uint64) (uint64, bool) {
	mask := len(s.slots) - 1
	for i := s.slotOf(h); ; i = (i + 1) & mask {
		sl := &s.slots[i]
		if sl.h == h {
			return sl.v, true
		}
		if sl.h == 0 {
			return 0, false
		}
	}
}

const (
	prefixBit  = 1 << 63
	countShift = 32
	startMask  = 1<<countShift - 1
)

// filterBits sizes the bit filter in front of the maps: one bit per hash
// value modulo 2^23 (1 MB), set for every stored hash. Most words of a
// text are in no name, and the filter, small enough for the CPU cache,
// turns them away without probing the big maps.
const filterBits = 1 << 23

type index struct {
	filter []uint64
	shards [nShards]shard
	langs  []string
	// parent[i] is the index of entity i's PartOf, or -1.
	parent []int32
	// popScore[i] is what entity i's population adds to a candidate's
	// score: log10(population+1)/7, at most 1.
	popScore []float64
	// baseLangs[i] is baseLang(langs[i]) ("ar" for "ar-Latn").
	baseLangs []string
	maxWords  int
	// fuzzy is the consonant-skeleton index of curated and large names.
	fuzzy map[string][]fuzzyEntry
}

type pair struct {
	h uint64
	p posting
}

func (k *KB) index() *index {
	k.idxOnce.Do(func() { k.idx = k.buildIndex() })
	return k.idx
}

// lookup returns the postings under h (a sub-slice of the index, which the
// caller must not modify) and whether h is also a proper prefix of a
// longer alias.
func (ix *index) lookup(h uint64) ([]posting, bool) {
	if f := h & (filterBits - 1); ix.filter[f>>6]&(1<<(f&63)) == 0 {
		return nil, false
	}
	s := &ix.shards[h>>(64-shardBits)]
	v, ok := s.get(h)
	if !ok || h == 0 {
		return nil, false
	}
	start := v & startMask
	n := v &^ prefixBit >> countShift
	return s.posts[start : start+n : start+n], v&prefixBit != 0
}

func (k *KB) buildIndex() *index {
	ix := &index{}
	langID := map[string]uint8{}
	// Language tags are few; number them up front so workers only read.
	seenLang := map[string]bool{}
	for i := range k.ents {
		for _, m := range []map[string][]string{k.ents[i].Aliases, k.ents[i].Adjectives} {
			for l := range m {
				seenLang[l] = true
			}
		}
	}
	for _, l := range slices.Sorted(maps.Keys(seenLang)) {
		if len(ix.langs) < 255 {
			langID[l] = uint8(len(ix.langs))
			ix.langs = append(ix.langs, l)
		}
	}
	if _, ok := langID["und"]; !ok {
		langID["und"] = uint8(len(ix.langs))
		ix.langs = append(ix.langs, "und")
	}

	for _, l := range ix.langs {
		ix.baseLangs = append(ix.baseLangs, baseLang(l))
	}

	workers := max(1, min(runtime.GOMAXPROCS(0), 16))
	ix.parent = make([]int32, len(k.ents))
	ix.popScore = make([]float64, len(k.ents))
	chunk := (len(k.ents) + workers - 1) / max(workers, 1)
	perWorker := make([][nShards][]pair, workers)
	maxW := make([]int, workers)
	fz := make([]map[string][]fuzzyEntry, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, len(k.ents))
		wg.Go(func() {
			out := &perWorker[w]
			for s := range out {
				out[s] = make([]pair, 0, (hi-lo)*5/nShards+16)
			}
			fz[w] = map[string][]fuzzyEntry{}
			var kbuf []byte    // the key being indexed
			var langs []string // an entity's language tags, sorted
			for i := lo; i < hi; i++ {
				e := &k.ents[i]
				ix.parent[i] = -1
				if e.Population > 0 {
					ix.popScore[i] = min(math.Log10(float64(e.Population)+1)/7, 1)
				}
				if j, ok := k.byID[e.PartOf]; ok && e.PartOf != "" {
					ix.parent[i] = j
				}
				// Names are generated (gazetteer trust) unless the entity
				// is a country or a person's layer vouched for the name.
				gen := k.layers[i]&LayerGenerated != 0 && !strings.HasPrefix(e.ID, "iso:")
				vouched := k.vouched[int32(i)]
				var amb map[string]bool
				if len(e.Ambiguous) > 0 {
					amb = make(map[string]bool, len(e.Ambiguous))
					for _, a := range e.Ambiguous {
						amb[aliasKey(a)] = true
					}
				}
				emit := func(name, lang string, kind uint8) {
					// The key is built in the worker's buffer: most names
					// cost no allocation, and strings are made only for
					// the few keys that keep one (fuzzy skeletons) or may
					// lose an article.
					kbuf = appendAliasKey(kbuf[:0], name)
					key := kbuf
					if len(key) == 0 {
						return
					}
					var flags uint8
					genName := gen && !vouched[string(key)]
					if genName {
						flags |= flagGenerated
					}
					if amb[string(key)] {
						flags |= flagAmbiguous
					}
					if isAcronym(name) {
						flags |= flagUpper
					}
					if letterCountBytes(key) <= 2 {
						flags |= flagShort
					}
					n := addKey(out, key, posting{ent: int32(i), lang: langID[lang], kind: kind, flags: flags})
					maxW[w] = max(maxW[w], n)
					var skey string
					if mayStartWithArticle(key) {
						skey = string(key)
						if s := textnorm.StripArticle(skey); s != skey {
							if amb[s] {
								flags |= flagAmbiguous
							}
							if letterCount(s) <= 2 {
								flags |= flagShort
							}
							n := addKey(out, []byte(s), posting{ent: int32(i), lang: langID[lang], kind: kind, flags: flags | flagStripped})
							maxW[w] = max(maxW[w], n)
						}
					}
					if kind != kindAdjective && (!genName || e.Population >= fuzzyMinPopulation) {
						if skey == "" {
							skey = string(key)
						}
						addFuzzy(fz[w], skey, int32(i))
					}
				}
				emit(e.Name, "und", kindName)
				// Sorted languages keep the posting order, and so the
				// resolution of ties, the same from run to run.
				langs = sortedLangs(langs[:0], e.Aliases)
				for _, lang := range langs {
					for _, n := range e.Aliases[lang] {
						emit(n, lang, kindAlias)
					}
				}
				langs = sortedLangs(langs[:0], e.Adjectives)
				for _, lang := range langs {
					for _, n := range e.Adjectives[lang] {
						emit(n, lang, kindAdjective)
					}
				}
			}
		})
	}
	wg.Wait()
	for _, m := range maxW {
		ix.maxWords = max(ix.maxWords, m)
	}
	ix.fuzzy = fz[0]
	for _, m := range fz[1:] {
		for s, l := range m {
			ix.fuzzy[s] = append(ix.fuzzy[s], l...)
		}
	}
	// Each worker builds every workers-th shard with scratch space it
	// reuses, so that the transient memory of the build is a few shards'
	// worth, not all 64 at once.
	for w := range workers {
		wg.Go(func() {
			var sc shardScratch
			for s := w; s < nShards; s += workers {
				parts := make([][]pair, len(perWorker))
				for v := range perWorker {
					parts[v] = perWorker[v][s]
				}
				ix.shards[s] = buildShard(parts, &sc)
				for v := range perWorker {
					perWorker[v][s] = nil
				}
			}
		})
	}
	wg.Wait()
	ix.filter = make([]uint64, filterBits/64)
	for s := range ix.shards {
		for _, sl := range ix.shards[s].slots {
			if sl.h == 0 {
				continue
			}
			f := sl.h & (filterBits - 1)
			ix.filter[f>>6] |= 1 << (f & 63)
		}
	}
	return ix
}

// addKey adds a posting for key and prefix marks for its proper word
// prefixes; it returns the key's word count (0 if too long to index).
func addKey(out *[nShards][]pair, key []byte, p posting) int {
	n := bytes.Count(key, []byte{' '}) + 1
	if n > maxAliasWords {
		return 0
	}
	p.words = uint8(n)
	h := uint64(fnvOffset)
	for _, c := range key {
		if c == ' ' {
			// key[:i] is a proper prefix of the name.
			out[h>>(64-shardBits)] = append(out[h>>(64-shardBits)], pair{h, posting{ent: -1}})
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	out[h>>(64-shardBits)] = append(out[h>>(64-shardBits)], pair{h, p})
	return n
}

// appendAliasKey appends aliasKey(name) to dst without allocating in the
// common case of a key that is already words joined by single spaces.
func appendAliasKey(dst []byte, name string) []byte {
	n := len(dst)
	dst = textnorm.AppendKey(dst, name)
	if plainKeyBytes(dst[n:]) {
		return dst
	}
	return append(dst[:n], aliasKey(name)...)
}

// plainKeyBytes is plainKey for a key being built.
func plainKeyBytes(key []byte) bool {
	for i := 0; i < len(key); {
		c := key[i]
		if c < utf8.RuneSelf {
			if c != ' ' && !('a' <= c && c <= 'z' || '0' <= c && c <= '9') && !textnorm.IsWordChar(rune(c)) {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(key[i:])
		if !textnorm.IsWordChar(r) {
			return false
		}
		i += size
	}
	return true
}

// mayStartWithArticle reports whether textnorm.StripArticle might change
// key: it starts with "ال" or with a, e or u (al, el, ul, an, ash, …).
func mayStartWithArticle(key []byte) bool {
	return bytes.HasPrefix(key, []byte("ال")) || len(key) > 2 && (key[0] == 'a' || key[0] == 'e' || key[0] == 'u')
}

// sortedLangs appends m's language tags to dst in order. Most entities have
// names in one language, which needs no sorting.
func sortedLangs(dst []string, m map[string][]string) []string {
	for l := range m {
		dst = append(dst, l)
	}
	if len(dst) > 1 {
		slices.Sort(dst)
	}
	return dst
}

func letterCountBytes(b []byte) int {
	n := 0
	for _, r := range string(b) { // no copy: the compiler ranges over b
		if r < utf8.RuneSelf {
			c := byte(r) | 0x20
			if 'a' <= c && c <= 'z' || '0' <= r && r <= '9' {
				n++
			}
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// shardScratch is the working space of buildShard, reused from shard to
// shard.
type shardScratch struct {
	slots []slot // h → prefixBit | count<<32 | index+1 of the newest node
	nodes []shardNode
}

// shardNode chains the postings of one hash while a shard is built.
type shardNode struct {
	p    posting
	next uint32 // index+1 of the next (older) node under the same hash, or 0
}

// tableSize is the number of slots for n keys: a power of two at most 3/4
// full, which keeps probes short.
func tableSize(n int) int {
	size := 1
	for size*3 < n*4+4 {
		size *= 2
	}
	return size
}

// buildShard groups each hash's postings in posts, dropping duplicates (the
// same entity under the same name from two aliases that fold alike). The
// pairs come in parts, in order. It chains them in a scratch table sized
// for the worst case (every pair a new hash), newest first, and then lays
// every chain out contiguously in that order, which is the order matching
// has always seen them in, in a table sized for the hashes there are.
func buildShard(parts [][]pair, sc *shardScratch) shard {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	size := tableSize(n)
	if cap(sc.slots) < size {
		sc.slots = make([]slot, size)
	}
	tmp := shard{slots: sc.slots[:size], shift: uint(64 - bits.TrailingZeros(uint(size)))}
	clear(tmp.slots)
	mask := size - 1
	nodes := sc.nodes[:0]
	distinct := 0
	for _, part := range parts {
		for _, pr := range part {
			if pr.h == 0 {
				continue // reserved for empty slots
			}
			i := tmp.slotOf(pr.h)
			for tmp.slots[i].h != 0 && tmp.slots[i].h != pr.h {
				i = (i + 1) & mask
			}
			sl := &tmp.slots[i]
			if sl.h == 0 {
				sl.h = pr.h
				distinct++
			}
			v := sl.v
			if pr.p.ent < 0 {
				sl.v = v | prefixBit
				continue
			}
			head := uint32(v & startMask)
			dup := false
			for j := head; j != 0; j = nodes[j-1].next {
				if nodes[j-1].p == pr.p {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			nodes = append(nodes, shardNode{p: pr.p, next: head})
			sl.v = v&prefixBit | (v&^prefixBit>>countShift+1)<<countShift | uint64(len(nodes))
		}
	}
	sc.nodes = nodes

	size = tableSize(distinct)
	sh := shard{slots: make([]slot, size), shift: uint(64 - bits.TrailingZeros(uint(size))), posts: make([]posting, 0, len(nodes))}
	mask = size - 1
	for _, t := range tmp.slots {
		if t.h == 0 {
			continue
		}
		start := uint64(len(sh.posts))
		for j := uint32(t.v & startMask); j != 0; j = nodes[j-1].next {
			sh.posts = append(sh.posts, nodes[j-1].p)
		}
		i := sh.slotOf(t.h)
		for sh.slots[i].h != 0 {
			i = (i + 1) & mask
		}
		sh.slots[i] = slot{t.h, t.v&^startMask | start}
	}
	return sh
}

// isAcronym reports whether a name is written in capitals (at least two
// letters, none lower case): "ISIS", "SDF", "VS", "T4".
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 1 && utf8.RuneCountInString(s) <= 6
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}
