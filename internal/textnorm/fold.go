package textnorm

import (
	"unicode"
	"unicode/utf8"
)

// Key returns the matching key of s: the folded form described in the
// package comment. Two strings match when their keys are equal, and
// Key(Key(s)) == Key(s).
func Key(s string) string {
	key, _ := fold(s, false, nil, nil)
	return string(key)
}

// AppendKey appends the key of s (as returned by [Key]) to dst and returns
// the extended slice. Callers that key many strings, such as an index
// builder, reuse one buffer instead of allocating a string per key.
func AppendKey(dst []byte, s string) []byte {
	key, _ := fold(s, false, dst[len(dst):], nil)
	return append(dst, key...) // in place when key is dst's spare capacity
}

// Folded is a key together with a map back to the source text, so that a
// match found in the key can be reported at its place in the source.
type Folded struct {
	// Key is the matching key, as returned by [Key].
	Key string
	// Orig has len(Key)+1 entries: Orig[i] is the byte offset in the source
	// of the character that produced key byte i; Orig[len(Key)] == len(source).
	// It never decreases. A separator maps to the first rune of the run of
	// separators it replaces.
	Orig []int

	src string // the source, for Span; empty in a Folded built by hand
}

// Fold computes the key of s with its offset map.
func Fold(s string) Folded {
	return FoldReuse(s, nil)
}

// FoldReuse is Fold, building the offset map in orig's storage when it
// is large enough (its contents are overwritten): a matcher that folds
// document after document keeps one map instead of allocating eight bytes
// per byte of text each time.
func FoldReuse(s string, orig []int) Folded {
	key, orig := fold(s, true, nil, orig)
	return Folded{Key: string(key), Orig: orig, src: s}
}

// Span maps the key byte range [start,end) back to the source byte range
// covering exactly the source characters that produced it: from the start
// of the character that produced key byte start to the end of the one that
// produced key byte end-1, including the dropped combining marks (accents,
// tashkeel) that follow it. Out-of-range arguments are clamped; an empty
// range maps to an empty range.
//
// For a Folded that was not made by [Fold] (so it does not know its source),
// the end is the offset of the next contributing character instead.
func (f Folded) Span(start, end int) (int, int) {
	n := len(f.Key)
	if len(f.Orig) != n+1 {
		return 0, 0
	}
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	s := f.Orig[start]
	if start == end {
		return s, s
	}
	last := f.Orig[end-1]
	if f.src == "" || last >= len(f.src) {
		return s, f.Orig[end]
	}
	_, size := utf8.DecodeRuneInString(f.src[last:])
	e := last + size
	for e < len(f.src) {
		r, size := utf8.DecodeRuneInString(f.src[e:])
		if !unicode.In(r, unicode.Mn, unicode.Me) {
			break
		}
		if _, k, _ := foldRune(r); k != kDrop {
			break // a mark that is part of a letter, so of the key
		}
		e += size
	}
	return s, e
}

// asciiSep and asciiDrop mark the ASCII bytes that are not copied to a key.
const (
	asciiSep  = 0
	asciiDrop = 1
)

// asciiFold maps an ASCII byte to its key byte, or to asciiSep/asciiDrop.
var asciiFold = func() (a [utf8.RuneSelf]byte) {
	for c := range a {
		out, k, _ := foldRune(rune(c))
		switch k {
		case kSame:
			a[c] = byte(c)
		case kMap:
			a[c] = out[0]
		case kDrop:
			a[c] = asciiDrop
		default:
			a[c] = asciiSep
		}
	}
	return a
}()

// fold computes the key of s and, if withOrig, its offset map. The key and
// the map are built in buf's and origBuf's storage when they have room for
// len(s) bytes (len(s)+1 offsets).
func fold(s string, withOrig bool, buf []byte, origBuf []int) (key []byte, orig []int) {
	t := loadTable()
	if cap(buf) >= len(s) {
		key = buf[:0]
	} else {
		key = make([]byte, 0, len(s))
	}
	if withOrig {
		if cap(origBuf) > len(s) {
			orig = origBuf[:0]
		} else {
			orig = make([]int, 0, len(s)+1)
		}
	}
	pend := -1     // source offset of a separator not yet written
	mixed := false // the key may have a word mixing Latin, Cyrillic, Greek
	lcgEnd := -1   // key offset after the last Greek or Cyrillic output
	var gsBuf, marksBuf [16]int
	gs, marks := gsBuf[:0], marksBuf[:0] // key offsets of ğ and of transliteration markers
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if b := asciiFold[c]; b > asciiDrop {
				if pend >= 0 {
					key = append(key, ' ')
					if withOrig {
						orig = append(orig, pend)
					}
					pend = -1
				}
				key = append(key, b)
				if withOrig {
					orig = append(orig, i)
				}
			} else if b == asciiSep && pend < 0 && len(key) > 0 {
				pend = i
			}
			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		at := i
		var e entry
		var out string
		switch {
		case r == utf8.RuneError && size == 1:
			e, out = entry{kind: kMap}, "\uFFFD"
		case r >= 0x0300 && r <= 0x036F && i > 0 && isASCIILetter(s[i-1]):
			// A combining mark after an ASCII letter: fold the pair like
			// the precomposed letter if that folds specially (s+ˇ → š).
			if rc, ok := t.compose[[2]rune{rune(s[i-1] | 0x20), r}]; ok {
				key = key[:len(key)-1]
				if withOrig {
					orig = orig[:len(orig)-1]
				}
				r, at = rc, i-1
			}
			e, out = t.lookup(r)
		default:
			e, out = t.lookup(r)
		}
		if e.kind == kSame {
			out = s[i : i+size]
			if at != i {
				out = string(r)
			}
		}
		lcgOut := len(out) > 0 && (isLCGLead(out[0]) || e.kind != kSame && len(out) > 2 && hasLCG(out))
		if lcgOut && !mixed {
			// Fast path: a two-byte letter right after one of its own
			// script, as in every Russian or Greek word.
			n := len(key)
			if !(lcgEnd == n && n > 1 && len(out) == 2 && key[n-1] >= utf8.RuneSelf &&
				isLCGLead(key[n-2]) && isGreekLead(key[n-2]) == isGreekLead(out[0])) {
				mixed = mixesScripts(key, out, lcgEnd)
			}
		}

		switch e.kind {
		case kDrop:
		case kSep:
			if pend < 0 && len(key) > 0 {
				pend = at
			}
		default:
			if e.kind == kGBreve {
				out = "g" // resolveBreveG may make it 'j'
			}
			if pend >= 0 && out != "" && out[0] != ' ' {
				key = append(key, ' ')
				if withOrig {
					orig = append(orig, pend)
				}
				pend = -1
			}
			if e.marker {
				marks = append(marks, len(key))
			}
			if e.kind == kGBreve {
				gs = append(gs, len(key))
			}
			if e.kind != kMapSep {
				key = append(key, out...)
				if withOrig {
					for range len(out) {
						orig = append(orig, at)
					}
				}
				break
			}
			for j := 0; j < len(out); j++ {
				if out[j] == ' ' {
					if pend < 0 && len(key) > 0 {
						pend = at
					}
					continue
				}
				if pend >= 0 {
					key = append(key, ' ')
					if withOrig {
						orig = append(orig, pend)
					}
					pend = -1
				}
				key = append(key, out[j])
				if withOrig {
					orig = append(orig, at)
				}
			}
		}
		if lcgOut {
			lcgEnd = len(key)
		}
		i += size
	}
	if len(gs) > 0 {
		resolveBreveG(key, gs, marks)
	}
	if withOrig {
		orig = append(orig, len(s))
	}
	if !mixed && lcgEnd >= 0 && lcgEnd < len(key) && isASCIILetter(key[lcgEnd]) {
		mixed = true // a Latin letter right after the last Greek or Cyrillic one
	}
	if mixed {
		// Words mixing Latin, Cyrillic and Greek letters are rare; Key
		// folds again with offsets to tell the source's letter case.
		var again bool
		if key, orig, again = unmix(t, s, key, orig); again && !withOrig {
			key, _ = fold(s, true, nil, nil)
		}
	}
	return key, orig
}

// resolveBreveG turns each 'g' written for a ğ into 'j' when its word looks
// like romanised Arabic or Persian: the word starts with ğ or holds a
// transliteration marker. gs and marks are ascending key offsets; the work
// is linear in the length of the key.
func resolveBreveG(key []byte, gs, marks []int) {
	mi := 0
	for k := 0; k < len(gs); {
		ws, we := wordBounds(key, gs[k])
		translit := gs[k] == ws
		for mi < len(marks) && marks[mi] < ws {
			mi++
		}
		if mi < len(marks) && marks[mi] < we {
			translit = true
		}
		next := k + 1
		for next < len(gs) && gs[next] < we {
			next++
		}
		if translit {
			for _, p := range gs[k:next] {
				key[p] = 'j'
			}
		}
		k = next
	}
}

// wordBounds returns the word of key that contains offset p.
func wordBounds(key []byte, p int) (ws, we int) {
	ws, we = p, p
	for ws > 0 {
		r, n := utf8.DecodeLastRune(key[:ws])
		if !IsWordChar(r) {
			break
		}
		ws -= n
	}
	for we < len(key) {
		r, n := utf8.DecodeRune(key[we:])
		if !IsWordChar(r) {
			break
		}
		we += n
	}
	return ws, we
}

func isASCIILetter(c byte) bool {
	c |= 0x20
	return 'a' <= c && c <= 'z'
}
