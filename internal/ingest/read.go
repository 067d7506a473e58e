package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimtrace/claimtrace/internal/doc"
	"golang.org/x/text/transform"
)

// path reads one command-line argument: "-", a file or a directory.
func (r *reader) path(p string) bool {
	if p == "-" {
		if r.stdin == nil {
			return r.fail(p, 0, errors.New("no standard input to read"))
		}
		return r.stream(p, r.stdin, -1, false)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return r.fail(p, 0, osErr(err))
	}
	if fi.IsDir() {
		files := 0
		if !r.dir(p, []os.FileInfo{fi}, &files) {
			return false
		}
		if files == 0 {
			return r.fail(p, 0, fmt.Errorf("%w: no files in directory (hidden entries are skipped)", ErrEmpty))
		}
		return true
	}
	return r.file(p, fi)
}

// dir walks a directory in lexical order, depth first. Entries whose names
// start with "." are skipped. Symbolic links are followed, but never into a
// directory that is already on the current path (ErrSymlinkLoop), so the
// walk ends; a directory reachable by two links is read twice. files counts
// the files met, readable or not.
func (r *reader) dir(p string, ancestors []os.FileInfo, files *int) bool {
	entries, err := os.ReadDir(p)
	if err != nil {
		// ReadDir returns the entries it could read before failing.
		if !r.fail(p, 0, fmt.Errorf("read directory: %w", osErr(err))) {
			return false
		}
	}
	for _, e := range entries {
		if r.cancelled() {
			return false
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(p, name)
		fi, err := os.Stat(full) // follows links
		if err != nil {
			*files++
			if !r.fail(full, 0, osErr(err)) {
				return false
			}
			continue
		}
		switch {
		case fi.IsDir():
			if loops(ancestors, fi) {
				if !r.fail(full, 0, ErrSymlinkLoop) {
					return false
				}
				continue
			}
			if !r.dir(full, append(ancestors[:len(ancestors):len(ancestors)], fi), files) {
				return false
			}
		case !fi.Mode().IsRegular():
			*files++
			if !r.fail(full, 0, fmt.Errorf("%w (%s)", ErrNotRegular, fi.Mode().Type())) {
				return false
			}
		default:
			*files++
			if !r.file(full, fi) {
				return false
			}
		}
	}
	return true
}

func loops(ancestors []os.FileInfo, fi os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, fi) {
			return true
		}
	}
	return false
}

// file opens one file; a non-regular file named on the command line (a
// named pipe, /dev/stdin) is read as a stream of unknown size.
func (r *reader) file(p string, fi os.FileInfo) bool {
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, 0, osErr(err))
	}
	defer f.Close()
	size := int64(-1)
	if fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return r.stream(p, f, size, false)
}

// stream sniffs one input and hands it to the JSONL or the text/HTML
// reader. size is the byte size when known (a regular file), else -1;
// gunzipped says rd is the content of a gzip file named name.
func (r *reader) stream(name string, rd io.Reader, size int64, gunzipped bool) bool {
	bufSize := HeadSize
	if size >= 0 && size < HeadSize {
		bufSize = int(size) + 1 // a small file needs no 64 KiB buffer
	}
	br := bufio.NewReaderSize(ctxReader{r.ctx, rd}, bufSize)
	head, err := br.Peek(br.Size())
	if err != nil && err != io.EOF {
		return r.fail(name, 0, fmt.Errorf("read: %w", osErr(err)))
	}
	kind, what := sniff(head)
	if kind == KindBinary {
		if gunzipped {
			return r.fail(name, 0, fmt.Errorf("%w: gzip-compressed %s", ErrBinary, what))
		}
		if r.cfg.Gunzip && bytes.HasPrefix(head, []byte{0x1F, 0x8B}) {
			zr, err := gzip.NewReader(br)
			if err != nil {
				return r.fail(name, 0, fmt.Errorf("read: %w", err))
			}
			defer zr.Close()
			return r.stream(name, zr, -1, true)
		}
		return r.fail(name, 0, fmt.Errorf("%w: %s", ErrBinary, what))
	}
	if isJSONLName(name, gunzipped) {
		kind = KindJSONL // content that is not JSON is then an error per line
	}
	var src io.Reader = br
	if order, ok := utf16BOM(head); ok {
		src = transform.NewReader(br, utf16Decoder(order))
	}
	if kind == KindJSONL {
		if fmax := r.cfg.MaxFileBytes; fmax > 0 && size > fmax {
			return r.fail(name, 0, fmt.Errorf("%w: %s is over the %s limit for a JSONL file (MaxFileBytes)", ErrTooLarge, human(size), human(fmax)))
		}
		return r.jsonl(name, src)
	}
	return r.text(name, src, size, kind)
}

// text reads a whole text or HTML input, refusing it before reading when
// its size is known to exceed MaxBytes and holding at most MaxBytes+1
// bytes otherwise.
func (r *reader) text(name string, src io.Reader, size int64, kind Kind) bool {
	limit := r.cfg.maxBytes()
	if size > limit {
		return r.fail(name, 0, fmt.Errorf("%w: %s is over the %s limit for a %s file (MaxBytes)", ErrTooLarge, human(size), human(limit), kind))
	}
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + 1)
	}
	if _, err := buf.ReadFrom(io.LimitReader(src, limit+1)); err != nil {
		return r.fail(name, 0, fmt.Errorf("read: %w", osErr(err)))
	}
	if int64(buf.Len()) > limit {
		return r.fail(name, 0, fmt.Errorf("%w: more than the %s limit for a %s input (MaxBytes)", ErrTooLarge, human(limit), kind))
	}
	body, warns, err := r.body(buf.Bytes(), kind)
	if err != nil {
		return r.fail(name, 0, err)
	}
	if kind == KindText && isJSONObject(body) {
		// A single, possibly indented, JSON document such as claimtrace's
		// pretty output: read it as one record.
		in, err := DecodeLine(name, 0, []byte(body))
		if err == nil {
			in.Warnings = append(warns, in.Warnings...)
		}
		return r.yield(in, err)
	}
	format := doc.FormatText
	if kind == KindHTML {
		format = doc.FormatHTML
	}
	return r.yield(doc.Input{Path: name, Format: format, Body: body, Warnings: warns}, nil)
}

// isJSONObject reports a text that is exactly one JSON object.
func isJSONObject(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && json.Valid([]byte(s))
}

// isJSONLName reports a JSON Lines file name: .jsonl, .ndjson, .jsonlines,
// also under a .gz that was decompressed.
func isJSONLName(name string, gunzipped bool) bool {
	name = strings.ToLower(name)
	if gunzipped {
		name = strings.TrimSuffix(name, ".gz")
	}
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson", ".jsonlines":
		return true
	}
	return false
}
