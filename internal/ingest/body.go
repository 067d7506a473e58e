package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// body turns the raw bytes of a text or HTML file into a valid UTF-8 Body:
//
//  1. a UTF-8 byte-order mark is dropped (UTF-16 was decoded earlier);
//  2. bytes that are not valid UTF-8 are decoded with the charset an HTML
//     page declares in <meta>, else with Config.Charset when set; a page
//     that is valid UTF-8 keeps UTF-8 whatever it declares, because pages
//     re-saved as UTF-8 with a stale declaration are common and valid UTF-8
//     by accident is not;
//  3. NUL bytes are removed with a doc.WarnNUL warning — or, when they are
//     more than 1% of the bytes, the input is refused as binary;
//  4. remaining invalid bytes become U+FFFD, one per byte, with a
//     doc.WarnInvalidUTF8 warning;
//  5. nothing but white space left is ErrEmpty.
func (r *reader) body(raw []byte, kind Kind) (string, []doc.Warning, error) {
	raw = bytes.TrimPrefix(raw, utf8BOM)
	if !utf8.Valid(raw) {
		enc := r.cfg.charset()
		if kind == KindHTML {
			if e := declaredCharset(raw); e != nil {
				enc = e
			}
		}
		if enc != nil {
			if dec, err := enc.NewDecoder().Bytes(raw); err == nil {
				raw = dec
			}
		}
	}
	var warns []doc.Warning
	if nul := bytes.Count(raw, []byte{0}); nul > 0 {
		if nul*100 > len(raw) {
			return "", nil, fmt.Errorf("%w: NUL bytes (%d of %d)", ErrBinary, nul, len(raw))
		}
		raw = bytes.ReplaceAll(raw, []byte{0}, nil)
		warns = append(warns, doc.Warning{Kind: doc.WarnNUL, Detail: strconv.Itoa(nul) + " NUL bytes removed"})
	}
	s, w := repairUTF8(raw)
	if w != nil {
		warns = append(warns, *w)
	}
	if len(bytes.TrimSpace([]byte(s))) == 0 {
		return "", nil, ErrEmpty
	}
	return s, warns, nil
}

// repairUTF8 returns b as a string with every invalid byte replaced by
// U+FFFD, and a warning counting them (nil when b was valid).
func repairUTF8(b []byte) (string, *doc.Warning) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	out := make([]byte, 0, len(b)+len(b)/4)
	bad := 0
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && size == 1 {
			bad++
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return string(out), &doc.Warning{
		Kind:   doc.WarnInvalidUTF8,
		Detail: strconv.Itoa(bad) + " invalid byte sequences replaced with U+FFFD",
	}
}

// metaCharset finds <meta charset="…"> or <meta http-equiv … content="…;
// charset=…"> in the first KiBs of a page.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)`)

// declaredCharset returns the decoder for the charset a page declares, or
// nil when it declares none, an unknown one, or a Unicode one (UTF-8 needs
// no decoding; a UTF-16 declaration in a byte-oriented file is wrong by
// definition, as the HTML standard says).
func declaredCharset(page []byte) encoding.Encoding {
	m := metaCharset.FindSubmatch(page[:min(len(page), 8<<10)])
	if m == nil {
		return nil
	}
	e, err := htmlindex.Get(string(m[1]))
	if err != nil {
		return nil
	}
	if name, _ := htmlindex.Name(e); name == "utf-8" || name == "utf-16le" || name == "utf-16be" || name == "replacement" {
		return nil
	}
	return e
}

// charset returns the Config.Charset decoder, or nil.
func (c Config) charset() encoding.Encoding {
	if c.Charset == "" {
		return nil
	}
	e, err := htmlindex.Get(c.Charset)
	if err != nil {
		return nil
	}
	return e
}
