package kb

// The compact format stores generated layers (hundreds of thousands of
// places) so that the whole built-in KB loads in well under a second:
// decoding JSON or YAML of that size costs several seconds and far more
// garbage. See the package comment for the layout.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Column positions of the compact format.
const (
	colID = iota
	colType
	colName
	colLat
	colLon
	colCountry
	colPopulation
	colFeature
	colPartOf
	colWikidata
	colAliases
	colAdjectives
	colAmbiguous
	colDescribedBy
	numCols

	minCols = colWikidata + 1
)

// maxCompactLine bounds one line so a corrupt file cannot make the reader
// buffer without limit.
const maxCompactLine = 16 << 20

// CompactHeader is the first line WriteCompact writes; readers skip it like
// any other comment line. It names the columns for people reading the file
// with zcat.
const CompactHeader = "# claimtrace-kb compact v1: id\ttype\tname\tlat\tlon\tcountry\tpopulation\tfeature\tpart_of\twikidata\taliases\tadjectives\tambiguous\tdescribed_by"

// ReadCompact calls fn for every entity in a compact layer; it reuses no
// memory across calls, so fn may keep the Entity and everything it points
// to. The input may be gzip-compressed (as the *.tsv.gz files are) or plain.
// Errors name the line; an error from fn stops reading and is returned
// wrapped.
//
// Decompression runs in a second goroutine while this one parses, and the
// text is taken in chunks of whole lines, each converted to one string that
// the entities' strings are cut from: a 200,000-place layer then costs a
// few hundred string allocations instead of one per line.
func ReadCompact(r io.Reader, fn func(Entity) error) error {
	chunks := make(chan compactChunk, 4)
	done := make(chan struct{})
	defer close(done)
	go readCompactChunks(r, chunks, done)
	var sl slabs
	lineNo := 0
	for c := range chunks {
		if c.err != nil {
			return fmt.Errorf("compact layer after line %d: %w", lineNo, c.err)
		}
		text := c.text
		for text != "" {
			lineNo++
			line := text
			if i := strings.IndexByte(text, '\n'); i >= 0 {
				line, text = text[:i], text[i+1:]
			} else {
				text = ""
			}
			if line != "" && line[len(line)-1] == '\r' {
				line = line[:len(line)-1]
			}
			if line == "" || line[0] == '#' {
				continue
			}
			e, err := sl.parseCompactLine(line)
			if err != nil {
				return fmt.Errorf("compact layer line %d: %w", lineNo, err)
			}
			if err := fn(e); err != nil {
				return fmt.Errorf("compact layer line %d (%s): %w", lineNo, e.ID, err)
			}
		}
	}
	return nil
}

// compactChunk is a run of whole lines, or the error that ended reading.
type compactChunk struct {
	text string
	err  error
}

// compactChunkSize is how much text one chunk string holds.
const compactChunkSize = 256 << 10

// readCompactChunks decompresses r if it is gzip and sends its text in
// chunks that end at a line end, closing out when done or on error. It
// stops early when done is closed.
func readCompactChunks(r io.Reader, out chan<- compactChunk, done <-chan struct{}) {
	defer close(out)
	send := func(c compactChunk) bool {
		select {
		case out <- c:
			return true
		case <-done:
			return false
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	var src io.Reader = br
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			send(compactChunk{err: err})
			return
		}
		defer zr.Close()
		src = zr
	}
	buf := make([]byte, 0, compactChunkSize)
	for {
		if len(buf) == cap(buf) {
			// A line longer than the buffer: grow, within the bound.
			if cap(buf) >= maxCompactLine {
				send(compactChunk{err: fmt.Errorf("line longer than %d bytes", maxCompactLine)})
				return
			}
			buf = append(buf, make([]byte, cap(buf))...)[:len(buf)]
		}
		n, err := src.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err != nil && err != io.EOF {
			send(compactChunk{err: err})
			return
		}
		if err == io.EOF {
			if len(buf) > 0 {
				send(compactChunk{text: string(buf)})
			}
			return
		}
		end := bytes.LastIndexByte(buf, '\n')
		if end < 0 || len(buf) < cap(buf)/2 {
			continue // fill the buffer more before cutting
		}
		if !send(compactChunk{text: string(buf[:end+1])}) {
			return
		}
		rest := copy(buf, buf[end+1:])
		buf = buf[:rest]
	}
}

// slabs hand out coordinates and name slices from shared backing arrays,
// so an entity costs a few allocations rather than one per language: the
// garbage collector's work while a 200,000-entity layer loads falls with
// the number of objects. Slabs are never reused: a handed-out slice keeps
// its part of the array, and its capacity is capped so that appending to
// it copies instead of overwriting a neighbour.
type slabs struct {
	floats  []float64
	strings []string
}

const (
	floatSlab  = 4096
	stringSlab = 16384
)

// coords returns pointers to lat and lon stored in the slab.
func (sl *slabs) coords(lat, lon float64) (*float64, *float64) {
	if len(sl.floats)+2 > cap(sl.floats) {
		sl.floats = make([]float64, 0, floatSlab)
	}
	i := len(sl.floats)
	sl.floats = append(sl.floats, lat, lon)
	return &sl.floats[i], &sl.floats[i+1]
}

// names returns an empty slice with room for n strings.
func (sl *slabs) names(n int) []string {
	if n > stringSlab/4 {
		return make([]string, 0, n)
	}
	if len(sl.strings)+n > cap(sl.strings) {
		sl.strings = make([]string, 0, stringSlab)
	}
	i := len(sl.strings)
	sl.strings = sl.strings[:i+n]
	return sl.strings[i : i : i+n]
}

// parseCompactLine decodes one non-comment line.
func (sl *slabs) parseCompactLine(line string) (Entity, error) {
	var f [numCols]string
	n := 0
	for {
		i := strings.IndexByte(line, '\t')
		if n == numCols {
			return Entity{}, fmt.Errorf("more than %d fields", numCols)
		}
		if i < 0 {
			f[n] = line
			n++
			break
		}
		f[n] = line[:i]
		n++
		line = line[i+1:]
	}
	if n < minCols {
		return Entity{}, fmt.Errorf("%d fields, want at least %d", n, minCols)
	}
	var e Entity
	var err error
	if e.ID, err = unescapeCompact(f[colID]); err != nil {
		return Entity{}, fmt.Errorf("id: %w", err)
	}
	if e.ID == "" {
		return Entity{}, errors.New("empty id")
	}
	if e.Type, err = unescapeCompact(f[colType]); err != nil {
		return Entity{}, fmt.Errorf("type: %w", err)
	}
	if e.Name, err = unescapeCompact(f[colName]); err != nil {
		return Entity{}, fmt.Errorf("name: %w", err)
	}
	if f[colLat] != "" || f[colLon] != "" {
		lat, err := parseCoord(f[colLat], 90)
		if err != nil {
			return Entity{}, fmt.Errorf("lat: %w", err)
		}
		lon, err := parseCoord(f[colLon], 180)
		if err != nil {
			return Entity{}, fmt.Errorf("lon: %w", err)
		}
		e.Lat, e.Lon = sl.coords(lat, lon)
	}
	if e.Country, err = unescapeCompact(f[colCountry]); err != nil {
		return Entity{}, fmt.Errorf("country: %w", err)
	}
	if p := f[colPopulation]; p != "" {
		if e.Population, err = strconv.Atoi(p); err != nil || e.Population < 0 {
			return Entity{}, fmt.Errorf("population %q: not a non-negative integer", p)
		}
	}
	if e.Feature, err = unescapeCompact(f[colFeature]); err != nil {
		return Entity{}, fmt.Errorf("feature: %w", err)
	}
	if e.PartOf, err = unescapeCompact(f[colPartOf]); err != nil {
		return Entity{}, fmt.Errorf("part_of: %w", err)
	}
	if e.Wikidata, err = unescapeCompact(f[colWikidata]); err != nil {
		return Entity{}, fmt.Errorf("wikidata: %w", err)
	}
	if e.Aliases, err = sl.parseGroups(f[colAliases]); err != nil {
		return Entity{}, fmt.Errorf("aliases: %w", err)
	}
	if e.Adjectives, err = sl.parseGroups(f[colAdjectives]); err != nil {
		return Entity{}, fmt.Errorf("adjectives: %w", err)
	}
	if e.Ambiguous, err = sl.parseList(f[colAmbiguous]); err != nil {
		return Entity{}, fmt.Errorf("ambiguous: %w", err)
	}
	if e.DescribedBy, err = sl.parseList(f[colDescribedBy]); err != nil {
		return Entity{}, fmt.Errorf("described_by: %w", err)
	}
	return e, nil
}

// parseCoord parses a finite coordinate within ±limit.
func parseCoord(s string, limit float64) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q: not a number", s)
	}
	if math.IsNaN(v) || v < -limit || v > limit {
		return 0, fmt.Errorf("%q: out of range ±%g", s, limit)
	}
	return v, nil
}

// parseGroups decodes "lang=a|b;lang2=c" into a map. A language appearing
// twice has its names appended.
func (sl *slabs) parseGroups(s string) (map[string][]string, error) {
	if s == "" {
		return nil, nil
	}
	m := make(map[string][]string, countUnescaped(s, ';')+1)
	for s != "" {
		end := indexUnescaped(s, ';')
		group := s
		if end < 0 {
			s = ""
		} else {
			group, s = s[:end], s[end+1:]
			if s == "" {
				return nil, errors.New("trailing ';'")
			}
		}
		eq := strings.IndexByte(group, '=')
		if eq < 0 {
			return nil, fmt.Errorf("group %q: no '='", group)
		}
		lang := group[:eq]
		if !validLang(lang) {
			return nil, fmt.Errorf("group %q: bad language tag %q", group, lang)
		}
		names, err := sl.parseList(group[eq+1:])
		if err != nil {
			return nil, fmt.Errorf("group %q: %w", lang, err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("group %q: no names", lang)
		}
		if old, ok := m[lang]; ok {
			names = append(old, names...)
		}
		m[lang] = names
	}
	return m, nil
}

// parseList decodes "a|b|c"; names must be non-empty.
func (sl *slabs) parseList(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	out := sl.names(countUnescaped(s, '|') + 1)
	for {
		end := indexUnescaped(s, '|')
		item := s
		if end >= 0 {
			item = s[:end]
		}
		v, err := unescapeCompact(item)
		if err != nil {
			return nil, err
		}
		if v == "" {
			return nil, errors.New("empty name")
		}
		out = append(out, v)
		if end < 0 {
			return out, nil
		}
		s = s[end+1:]
	}
}

// validLang accepts BCP 47-like tags: letters, digits, '-' and '_'.
func validLang(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// indexUnescaped returns the index of the first sep in s not preceded by an
// escaping backslash, or -1.
func indexUnescaped(s string, sep byte) int {
	i := strings.IndexByte(s, sep)
	if i < 0 || strings.IndexByte(s[:i], '\\') < 0 {
		return i // fast path: no escapes before the separator
	}
	for j := 0; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case sep:
			return j
		}
	}
	return -1
}

// countUnescaped counts the separators indexUnescaped would find; it may
// over-count escaped ones, which only costs capacity.
func countUnescaped(s string, sep byte) int {
	return strings.Count(s, string(sep))
}

// unescapeCompact undoes escapeCompact. Without a backslash it returns s
// itself (a substring of the line) and allocates nothing.
func unescapeCompact(s string) (string, error) {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(s) {
			return "", errors.New("trailing backslash")
		}
		switch s[i] {
		case '\\', '|', ';':
			b.WriteByte(s[i])
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		default:
			return "", fmt.Errorf("unknown escape \\%c", s[i])
		}
	}
	return b.String(), nil
}

// compactEscaper escapes the bytes the format uses as separators.
var compactEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, ";", `\;`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func escapeCompact(s string) string {
	if !strings.ContainsAny(s, "\\|;\t\n\r") {
		return s
	}
	return compactEscaper.Replace(s)
}

// WriteCompact writes entities in the compact format, gzip-compressed (the
// generator and the GeoNames importer use it). The output is deterministic:
// languages are sorted, names keep their order, and the gzip header carries
// no time stamp, so regenerating unchanged data gives identical files.
func WriteCompact(w io.Writer, es []Entity) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("compact layer: %w", err)
	}
	cw := NewCompactWriter(zw)
	for i := range es {
		if err := cw.Write(&es[i]); err != nil {
			return err
		}
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compact layer: %w", err)
	}
	return nil
}

// CompactWriter streams entities in the uncompressed compact format, for
// writers (like the GeoNames importer) that do not hold all entities in
// memory. Callers wrap the destination in gzip themselves if they want it.
type CompactWriter struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	header bool
}

// NewCompactWriter returns a writer that emits CompactHeader before the
// first entity.
func NewCompactWriter(w io.Writer) *CompactWriter {
	return &CompactWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

// Write appends one entity line. It rejects entities the format cannot
// represent (empty ID, empty names, bad language tags, only one coordinate).
func (cw *CompactWriter) Write(e *Entity) error {
	if !cw.header {
		cw.header = true
		if _, err := cw.w.WriteString(CompactHeader + "\n"); err != nil {
			return fmt.Errorf("compact layer: %w", err)
		}
	}
	b := &cw.buf
	b.Reset()
	if e.ID == "" {
		return errors.New("compact layer: entity without id")
	}
	if (e.Lat == nil) != (e.Lon == nil) {
		return fmt.Errorf("compact layer: %s: lat and lon must both be set or both be absent", e.ID)
	}
	b.WriteString(escapeCompact(e.ID))
	b.WriteByte('\t')
	b.WriteString(escapeCompact(e.Type))
	b.WriteByte('\t')
	b.WriteString(escapeCompact(e.Name))
	b.WriteByte('\t')
	if e.Lat != nil {
		if err := checkCoord(*e.Lat, 90); err != nil {
			return fmt.Errorf("compact layer: %s: lat: %w", e.ID, err)
		}
		if err := checkCoord(*e.Lon, 180); err != nil {
			return fmt.Errorf("compact layer: %s: lon: %w", e.ID, err)
		}
		b.WriteString(strconv.FormatFloat(*e.Lat, 'f', -1, 64))
		b.WriteByte('\t')
		b.WriteString(strconv.FormatFloat(*e.Lon, 'f', -1, 64))
	} else {
		b.WriteByte('\t')
	}
	b.WriteByte('\t')
	b.WriteString(escapeCompact(e.Country))
	b.WriteByte('\t')
	if e.Population < 0 {
		return fmt.Errorf("compact layer: %s: negative population", e.ID)
	}
	if e.Population > 0 {
		b.WriteString(strconv.Itoa(e.Population))
	}
	for _, s := range []string{e.Feature, e.PartOf, e.Wikidata} {
		b.WriteByte('\t')
		b.WriteString(escapeCompact(s))
	}
	// Optional trailing columns: written only up to the last non-empty one.
	tail := [4]string{}
	var err error
	if tail[0], err = formatGroups(e.Aliases); err != nil {
		return fmt.Errorf("compact layer: %s: aliases: %w", e.ID, err)
	}
	if tail[1], err = formatGroups(e.Adjectives); err != nil {
		return fmt.Errorf("compact layer: %s: adjectives: %w", e.ID, err)
	}
	if tail[2], err = formatList(e.Ambiguous); err != nil {
		return fmt.Errorf("compact layer: %s: ambiguous: %w", e.ID, err)
	}
	if tail[3], err = formatList(e.DescribedBy); err != nil {
		return fmt.Errorf("compact layer: %s: described_by: %w", e.ID, err)
	}
	last := len(tail) - 1
	for last >= 0 && tail[last] == "" {
		last--
	}
	for _, s := range tail[:last+1] {
		b.WriteByte('\t')
		b.WriteString(s)
	}
	b.WriteByte('\n')
	if _, err := cw.w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("compact layer: %w", err)
	}
	return nil
}

// Flush writes buffered lines to the underlying writer.
func (cw *CompactWriter) Flush() error {
	if err := cw.w.Flush(); err != nil {
		return fmt.Errorf("compact layer: %w", err)
	}
	return nil
}

func checkCoord(v, limit float64) error {
	if math.IsNaN(v) || v < -limit || v > limit {
		return fmt.Errorf("%v out of range ±%g", v, limit)
	}
	return nil
}

// formatGroups encodes a per-language map with sorted languages; languages
// with no names are left out.
func formatGroups(m map[string][]string) (string, error) {
	if len(m) == 0 {
		return "", nil
	}
	langs := make([]string, 0, len(m))
	for l, names := range m {
		if len(names) > 0 {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs)
	var b strings.Builder
	for i, l := range langs {
		if !validLang(l) {
			return "", fmt.Errorf("bad language tag %q", l)
		}
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(l)
		b.WriteByte('=')
		s, err := formatList(m[l])
		if err != nil {
			return "", fmt.Errorf("%s: %w", l, err)
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// formatList encodes "a|b|c"; empty names are rejected because the reader
// could not tell them from a missing list.
func formatList(names []string) (string, error) {
	var b strings.Builder
	for i, n := range names {
		if n == "" {
			return "", errors.New("empty name")
		}
		if i > 0 {
			b.WriteByte('|')
		}
		b.WriteString(escapeCompact(n))
	}
	return b.String(), nil
}
