package ingest

import (
	"bytes"
	"encoding/json"
	"strconv"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Kind is an input format as told by content.
type Kind int

// The kinds Sniff tells apart.
const (
	KindText   Kind = iota // plain text (also the answer for empty input)
	KindHTML               // an HTML document or fragment
	KindJSONL              // JSON Lines: one JSON object per line
	KindBinary             // not text: refused
)

// String returns "text", "html", "jsonl" or "binary".
func (k Kind) String() string {
	switch k {
	case KindText:
		return "text"
	case KindHTML:
		return "html"
	case KindJSONL:
		return "jsonl"
	case KindBinary:
		return "binary"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// HeadSize is how many leading bytes Read gives Sniff. A longer head lets
// Sniff check a whole first JSONL line; the binary and HTML heuristics look
// at the first few KiB only.
const HeadSize = 64 << 10

// Sniff tells the format of an input from its first bytes (pass up to
// HeadSize of them):
//
//   - binary: a known magic number (PDF, PNG, JPEG, GIF, ZIP and Office,
//     gzip, bzip2, xz, zstd, 7z, ELF, Mach-O, PE, WebAssembly, SQLite, RIFF,
//     Ogg, MP3, MP4), more than 1% NUL bytes, or more than 5% other control
//     bytes (tab, newline, carriage return, form feed, vertical tab and
//     escape are text). UTF-16 with a byte-order mark is decoded first and
//     is therefore never binary; UTF-16 without one is.
//   - html: after a byte-order mark and white space it starts with
//     <!doctype html, <html, <head, <body, <!-- or an XML declaration of an
//     XHTML page, or at least three common HTML tags occur in the first 4 KiB.
//   - jsonl: the first non-space byte is '{' and the first line is a JSON
//     object. When the head holds no newline and is at least 4 KiB long (a
//     first line longer than the head), opening like an object, `{"`, is
//     enough: each line is judged again when read.
//   - text: everything else, including empty input.
func Sniff(head []byte) Kind {
	k, _ := sniff(head)
	return k
}

// sniff is Sniff that also says, for binary content, what was detected.
func sniff(head []byte) (Kind, string) {
	if what := magic(head); what != "" {
		return KindBinary, what
	}
	if order, ok := utf16BOM(head); ok {
		// A code unit cut at the end of the head decodes to U+FFFD; the
		// heuristics below do not mind.
		if dec, err := utf16Decoder(order).Bytes(head); err == nil {
			head = dec
		}
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	if what := binaryBytes(head); what != "" {
		return KindBinary, what
	}
	if isHTML(head) {
		return KindHTML, ""
	}
	if isJSONL(head) {
		return KindJSONL, ""
	}
	return KindText, ""
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// utf16BOM reports the byte order of a head that starts with a UTF-16 BOM.
func utf16BOM(head []byte) (unicode.Endianness, bool) {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}):
		return unicode.BigEndian, false // UTF-32LE: not supported, sniffed as binary
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return unicode.LittleEndian, true
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// utf16Decoder decodes UTF-16 in the given order to UTF-8, dropping the BOM;
// unpaired surrogates become U+FFFD.
func utf16Decoder(order unicode.Endianness) *encoding.Decoder {
	return unicode.UTF16(order, unicode.ExpectBOM).NewDecoder()
}

// magics lists signatures of common binary formats at offset 0.
var magics = []struct {
	sig, what string
}{
	{"%PDF-", "PDF document"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xFF\xD8\xFF", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"PK\x03\x04", "ZIP archive (or Office/EPUB document)"},
	{"PK\x05\x06", "ZIP archive"},
	{"\x1F\x8B", "gzip-compressed data"},
	{"BZh", "bzip2-compressed data"},
	{"\xFD7zXZ\x00", "xz-compressed data"},
	{"\x28\xB5\x2F\xFD", "zstd-compressed data"},
	{"7z\xBC\xAF\x27\x1C", "7-Zip archive"},
	{"\x7FELF", "ELF executable"},
	{"\xCF\xFA\xED\xFE", "Mach-O executable"},
	{"\xCE\xFA\xED\xFE", "Mach-O executable"},
	{"MZ", "Windows executable"},
	{"\x00asm", "WebAssembly module"},
	{"SQLite format 3\x00", "SQLite database"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "legacy Office document"},
	{"RIFF", "RIFF media (WAV, AVI, WebP)"},
	{"OggS", "Ogg media"},
	{"ID3", "MP3 audio"},
	{"\x00\x00\x00\x18ftyp", "MP4 media"},
	{"\x00\x00\x00\x20ftyp", "MP4 media"},
	{"\x00\x00\x00\x1Cftyp", "MP4 media"},
	{"\xFF\xFE\x00\x00", "UTF-32 text (unsupported)"},
	{"\x00\x00\xFE\xFF", "UTF-32 text (unsupported)"},
}

// magic names the binary format whose signature head starts with, or "".
func magic(head []byte) string {
	for _, m := range magics {
		if !bytes.HasPrefix(head, []byte(m.sig)) {
			continue
		}
		// Text may start with "MZ"; a real Windows executable has a PE
		// header within its first KiB.
		if m.sig == "MZ" && !bytes.Contains(head[:min(len(head), 1024)], []byte("PE\x00\x00")) {
			continue
		}
		return m.what
	}
	return ""
}

// binaryBytes applies the byte-statistics rules of Sniff to the first 8 KiB.
func binaryBytes(head []byte) string {
	head = head[:min(len(head), 8<<10)]
	var nul, ctl int
	for _, c := range head {
		switch {
		case c == 0:
			nul++
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B, c == 0x7F:
			ctl++
		}
	}
	n := len(head)
	switch {
	case nul > 0 && nul*100 > n:
		return "NUL bytes (" + strconv.Itoa(nul) + " in the first " + strconv.Itoa(n) + ")"
	case ctl > 0 && ctl*20 > n:
		return "control bytes (" + strconv.Itoa(ctl) + " in the first " + strconv.Itoa(n) + ")"
	}
	return ""
}

// htmlStarts are document openings that make a file HTML at once.
var htmlStarts = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<!--"),
}

// htmlTags are tags counted when the file does not open like a document.
var htmlTags = [][]byte{
	[]byte("<p>"), []byte("<p "), []byte("</p>"), []byte("<div"), []byte("<article"), []byte("<section"),
	[]byte("<span"), []byte("<br"), []byte("<a href"), []byte("<h1"), []byte("<h2"), []byte("<h3"),
	[]byte("<li>"), []byte("<ul"), []byte("<table"), []byte("<img"), []byte("<meta"), []byte("<title"),
	[]byte("<script"), []byte("<link "), []byte("<strong"), []byte("<em>"), []byte("<figure"),
}

func isHTML(head []byte) bool {
	head = head[:min(len(head), 4<<10)]
	lower := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\f\v"))
	for _, s := range htmlStarts {
		if bytes.HasPrefix(lower, s) {
			return true
		}
	}
	if bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("<html")) {
		return true
	}
	found := 0
	for _, t := range htmlTags {
		found += bytes.Count(lower, t)
		if found >= 3 {
			return true
		}
	}
	return false
}

func isJSONL(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		return json.Valid(head[:i])
	}
	if json.Valid(head) {
		return true
	}
	// A long head without a newline ends inside the first line (Read
	// passes HeadSize bytes): judge by its opening; each line is checked
	// again when it is read.
	rest := bytes.TrimLeft(head[1:], " \t\r")
	return len(head) >= 4<<10 && len(rest) > 0 && rest[0] == '"'
}
