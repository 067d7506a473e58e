package textnorm

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// kind says what a rune contributes to a key.
type kind uint8

const (
	kSame   kind = iota // the rune itself, unchanged
	kDrop               // nothing
	kSep                // a separator (collapsed to one space)
	kMap                // the replacement text, which has no spaces
	kMapSep             // the replacement text, in which ' ' is a separator
	kGBreve             // Turkish ğ: 'g' or 'j' depending on the word
)

// entry is the folded form of one rune. Replacement text lives in
// table.data[off:off+n].
type entry struct {
	off    uint32
	n      uint8
	kind   kind
	marker bool // the rune marks its word as a transliteration (see ğ)
}

// Ranges covered by the dense tables; other runes are folded on the fly.
const (
	denseEnd = 0x2500 // Latin … Arabic … General Punctuation … Enclosed Alphanumerics
	hiStart  = 0xFB00 // Alphabetic and Arabic Presentation Forms, Halfwidth and Fullwidth Forms
	hiEnd    = 0x10000
)

// table is the read-only per-rune fold table.
type table struct {
	dense []entry // runes [0, denseEnd)
	hi    []entry // runes [hiStart, hiEnd)
	data  string
	word  []uint64 // bit r is set if rune r < denseEnd is a word character
	// compose maps a lower-case ASCII base letter and a combining mark to
	// the precomposed letter that folds specially (š, ā, ḥ, …), so that
	// decomposed input folds like precomposed input.
	compose map[[2]rune]rune
}

// loadTable builds the table once, on first use.
var loadTable = sync.OnceValue(buildTable)

func buildTable() *table {
	t := &table{
		dense:   make([]entry, denseEnd),
		hi:      make([]entry, hiEnd-hiStart),
		compose: make(map[[2]rune]rune),
	}
	var data strings.Builder
	seen := make(map[string]uint32)
	add := func(r rune) entry {
		out, k, m := foldRune(r)
		e := entry{kind: k, marker: m}
		if k == kMap || k == kMapSep {
			if len(out) > 255 {
				// No rune decomposes this far; keep the table honest anyway.
				out = out[:255]
			}
			off, ok := seen[out]
			if !ok {
				off = uint32(data.Len())
				seen[out] = off
				data.WriteString(out)
			}
			e.off = off
			e.n = uint8(len(out))
		}
		return e
	}
	for r := rune(0); r < denseEnd; r++ {
		t.dense[r] = add(r)
	}
	for r := rune(hiStart); r < hiEnd; r++ {
		t.hi[r-hiStart] = add(r)
	}
	t.data = data.String()
	t.word = make([]uint64, denseEnd/64)
	for r := rune(0); r < denseEnd; r++ {
		if isWordChar(r) {
			t.word[r/64] |= 1 << (r % 64)
		}
	}
	for r := range specials {
		addCompose(t.compose, r)
	}
	for r := range markers {
		addCompose(t.compose, r)
	}
	addCompose(t.compose, 'ğ')
	addCompose(t.compose, 'Ğ')
	return t
}

// addCompose records r's canonical decomposition if it is an ASCII letter
// followed by a single combining mark.
func addCompose(m map[[2]rune]rune, r rune) {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) == 2 && d[0] < utf8.RuneSelf && unicode.IsLetter(d[0]) {
		m[[2]rune{unicode.ToLower(d[0]), d[1]}] = unicode.ToLower(r)
	}
}

// lookup returns the entry for r and the replacement text, folding runes
// outside the dense tables on the fly.
func (t *table) lookup(r rune) (entry, string) {
	var e entry
	switch {
	case r < denseEnd:
		e = t.dense[r]
	case r >= hiStart && r < hiEnd:
		e = t.hi[r-hiStart]
	default:
		out, k, m := foldRune(r)
		return entry{kind: k, marker: m}, out
	}
	return e, t.data[e.off : e.off+uint32(e.n)]
}

// specials are folded before anything else: transliteration digraphs,
// letters NFKD leaves alone, and the Arabic-script letter variants.
// "" means the rune is dropped.
var specials = map[rune]string{
	// Transliteration digraphs (lower and upper case).
	'š': "sh", 'Š': "sh", 'č': "ch", 'Č': "ch", 'ž': "zh", 'Ž': "zh",
	'ǧ': "j", 'Ǧ': "j", 'ĝ': "j", 'Ĝ': "j", 'ġ': "gh", 'Ġ': "gh",
	'ḫ': "kh", 'Ḫ': "kh", 'ẖ': "kh", 'ṯ': "th", 'Ṯ': "th", 'ḏ': "dh", 'Ḏ': "dh",
	// Letters without a decomposition.
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th", 'ħ': "h", 'Ħ': "h", 'ı': "i",
	'ς': "σ", 'й': "й", 'Й': "й",
	// Apostrophes and ayn/hamza signs.
	'\'': "", '`': "", '´': "", '‘': "", '’': "", '‛': "",
	'ʹ': "", 'ʻ': "", 'ʼ': "", 'ʽ': "", 'ʾ': "", 'ʿ': "",
	// Arabic script.
	'أ': "ا", 'إ': "ا", 'آ': "ا", 'ٱ': "ا", 'ٲ': "ا", 'ٳ': "ا", 'ٵ': "ا",
	'ؤ': "و", 'ئ': "ي", 'ء': "", 'ٴ': "", 'ـ': "",
	'ى': "ي", 'ی': "ي", 'ې': "ي", 'ۍ': "ي", 'ے': "ي", 'ۓ': "ي",
	'ک': "ك", 'ڪ': "ك",
	'ة': "ه", 'ە': "ه", 'ہ': "ه", 'ھ': "ه", 'ۃ': "ه", 'ۀ': "ه",
	'٫': ".", '٬': ",", '٪': "%",
}

// markers are letters that occur in romanised Arabic and Persian but not in
// Turkish; one of them in a word makes that word's ğ fold to j.
var markers = map[rune]bool{
	'ā': true, 'Ā': true, 'ī': true, 'Ī': true, 'ū': true, 'Ū': true,
	'ē': true, 'Ē': true, 'ō': true, 'Ō': true,
	'ḥ': true, 'Ḥ': true, 'ṣ': true, 'Ṣ': true, 'ḍ': true, 'Ḍ': true,
	'ṭ': true, 'Ṭ': true, 'ẓ': true, 'Ẓ': true,
	'š': true, 'Š': true, 'č': true, 'Č': true, 'ž': true, 'Ž': true,
	'ǧ': true, 'Ǧ': true, 'ġ': true, 'Ġ': true, 'ḫ': true, 'Ḫ': true, 'ẖ': true,
	'ṯ': true, 'Ṯ': true, 'ḏ': true, 'Ḏ': true,
}

// foldRune computes the folded form of one rune, in the order documented in
// the package comment. It is the single place where folding rules live; the
// tables only cache its results.
func foldRune(r rune) (out string, k kind, marker bool) {
	marker = markers[r]
	// Step 1: confusables. Per rune, only the IPA letters that stand in for
	// ASCII ones (ɑ ɡ ɩ ɪ ʏ; generated from UTS #39 data). Look-alikes across
	// Latin, Cyrillic and Greek depend on the word and are mapped after
	// folding (see unmix). Targets fold to themselves, so keys stay fixed
	// points.
	if s, ok := ipaLookalikes[r]; ok {
		return s, kMap, false
	}
	if r == 'ğ' || r == 'Ğ' {
		return "g", kGBreve, false
	}
	if s, ok := specials[r]; ok {
		if s == "" {
			return "", kDrop, marker
		}
		if s == string(r) {
			return "", kSame, marker
		}
		return s, kMap, marker
	}
	switch {
	case r == utf8.RuneError:
		return "", kSame, false
	case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
		return string(r + 'a' - 'A'), kMap, false
	case r < utf8.RuneSelf && r != 0x7F && r >= 0x20 && r != '-' && r != '_' && r != ' ':
		return "", kSame, false
	case unicode.Is(unicode.White_Space, r), unicode.In(r, unicode.Pd, unicode.Pc, unicode.Cc):
		return "", kSep, false
	case unicode.Is(unicode.Cf, r), isDroppedMark(r):
		return "", kDrop, marker
	case unicode.IsDigit(r):
		return string(rune('0' + digitValue(r))), kMap, false
	case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables: keep them composed
		return "", kSame, false
	}
	var buf [utf8.UTFMax]byte
	if d := norm.NFKD.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition(); d != nil {
		var b strings.Builder
		for _, c := range string(d) {
			o, ck, _ := foldRune(c)
			switch ck {
			case kSame:
				b.WriteRune(c)
			case kSep:
				b.WriteByte(' ')
			case kMap, kMapSep:
				b.WriteString(o)
			case kGBreve:
				b.WriteString(o)
			}
		}
		s := b.String()
		switch {
		case s == "":
			return "", kDrop, marker
		case strings.Trim(s, " ") == "":
			return "", kSep, marker
		case s == string(r):
			return "", kSame, marker
		case strings.Contains(s, " "):
			return s, kMapSep, marker
		}
		return s, kMap, marker
	}
	l := unicode.ToLower(r)
	if l == r {
		l = unicode.ToLower(unicode.ToUpper(r))
	}
	if l != r {
		o, lk, _ := foldRune(l)
		if lk == kSame {
			o = string(l)
		}
		return o, kMap, marker
	}
	return "", kSame, marker
}

// isDroppedMark reports whether r is a combining mark of a diacritic block,
// or one of the Arabic marks that are dropped whatever their category.
func isDroppedMark(r rune) bool {
	if r >= 0x06D6 && r <= 0x06ED {
		return true
	}
	if !unicode.In(r, unicode.Mn, unicode.Me) {
		return false
	}
	for _, rg := range droppedMarkRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// droppedMarkRanges are the blocks whose combining marks are diacritics
// rather than parts of letters.
var droppedMarkRanges = [][2]rune{
	{0x0300, 0x036F}, // Combining Diacritical Marks
	{0x0483, 0x0489}, // Cyrillic
	{0x0591, 0x05C7}, // Hebrew points and accents
	{0x0610, 0x061A}, // Arabic honorifics and small letters
	{0x064B, 0x065F}, // Arabic tashkeel
	{0x0670, 0x0670}, // Arabic superscript alef
	{0x0730, 0x074A}, // Syriac vowels
	{0x0898, 0x08FF}, // Arabic Extended-A/B marks
	{0x1AB0, 0x1AFF}, // Combining Diacritical Marks Extended
	{0x1DC0, 0x1DFF}, // Combining Diacritical Marks Supplement
	{0x20D0, 0x20FF}, // Combining Marks for Symbols
	{0xFE00, 0xFE0F}, // Variation Selectors
	{0xFE20, 0xFE2F}, // Combining Half Marks
	{0xE0100, 0xE01EF},
}

// digitValue returns the value of the decimal digit r. Unicode encodes the
// digits of every decimal system as one run from zero to nine, so the value
// is the distance from the start of r's run of digits, modulo ten.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	}
	z := r
	for unicode.IsDigit(z - 1) {
		z--
	}
	return int(r-z) % 10
}
