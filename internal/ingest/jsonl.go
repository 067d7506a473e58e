package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// record is one JSONL line. The flat fields are the input convention; the
// nested Source is how claimtrace/v1 output carries them, so analysed
// documents can be fed back in. Unknown fields are ignored.
type record struct {
	Text      string `json:"text"`
	HTML      string `json:"html"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Source    struct {
		URL    string `json:"url"`
		Outlet string `json:"outlet"`
		Author string `json:"author"`
	} `json:"source"`
}

// DecodeLine decodes one JSONL record into an Input whose Path and Line are
// path and line. A non-blank "html" wins over "text" and gives FormatHTML.
// Metadata comes from the top-level fields, else from a claimtrace/v1
// "source" object; JSON null counts as absent. Invalid UTF-8 in the line is
// replaced with U+FFFD and NUL characters in the body are removed, each
// with a warning. Failures are *Error values wrapping ErrMalformedJSON (and
// the json error) or ErrNoText.
func DecodeLine(path string, line int, b []byte) (doc.Input, error) {
	in := doc.Input{Path: path, Line: line}
	if !utf8.Valid(b) {
		fixed, w := repairUTF8(b)
		b = []byte(fixed)
		in.Warnings = append(in.Warnings, *w)
	}
	trimmed := bytes.TrimLeft(b, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return doc.Input{}, &Error{Path: path, Line: line, Err: fmt.Errorf("%w: not a JSON object", ErrMalformedJSON)}
	}
	var rec record
	if err := json.Unmarshal(trimmed, &rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			err = fmt.Errorf("%w (at byte %d)", err, se.Offset)
		}
		return doc.Input{}, &Error{Path: path, Line: line, Err: fmt.Errorf("%w: %w", ErrMalformedJSON, err)}
	}
	in.Format, in.Body = doc.FormatHTML, rec.HTML
	if strings.TrimSpace(rec.HTML) == "" {
		in.Format, in.Body = doc.FormatText, rec.Text
	}
	if strings.Contains(in.Body, "\x00") {
		n := strings.Count(in.Body, "\x00")
		in.Body = strings.ReplaceAll(in.Body, "\x00", "")
		in.Warnings = append(in.Warnings, doc.Warning{Kind: doc.WarnNUL, Detail: fmt.Sprintf("%d NUL bytes removed", n)})
	}
	if strings.TrimSpace(in.Body) == "" {
		return doc.Input{}, &Error{Path: path, Line: line, Err: ErrNoText}
	}
	in.URL = first(rec.URL, rec.Source.URL)
	in.Title = rec.Title
	in.Published = rec.Published
	in.Outlet = first(rec.Outlet, rec.Source.Outlet)
	in.Author = first(rec.Author, rec.Source.Author)
	return in, nil
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// jsonl streams the records of one JSONL input. Lines longer than MaxBytes
// are skipped (read through, never held) and reported; blank lines are
// skipped silently; reading stops with ErrTooLarge once more than
// MaxFileBytes were read.
func (r *reader) jsonl(path string, rd io.Reader) bool {
	br, ok := rd.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(rd, 64<<10)
	}
	lr := lineReader{br: br, max: r.cfg.maxBytes()}
	n, seen := 0, false
	for {
		if r.cancelled() {
			return false
		}
		line, long, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return r.fail(path, n+1, fmt.Errorf("read: %w", err))
		}
		n++
		if fmax := r.cfg.MaxFileBytes; fmax > 0 && lr.total > fmax {
			return r.fail(path, n, fmt.Errorf("%w: file exceeds the %s limit (MaxFileBytes); stopped reading", ErrTooLarge, human(fmax)))
		}
		if long {
			seen = true
			if !r.fail(path, n, fmt.Errorf("%w: line exceeds the %s limit (MaxBytes)", ErrTooLarge, human(lr.max))) {
				return false
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		seen = true
		in, err := DecodeLine(path, n, line)
		if !r.yield(in, err) {
			return false
		}
	}
	if !seen {
		return r.fail(path, 0, ErrEmpty)
	}
	return true
}

// lineReader splits a stream into lines of at most max bytes (not counting
// the line end) while keeping memory bounded by max, whatever the input.
type lineReader struct {
	br    *bufio.Reader
	max   int64
	buf   []byte
	total int64 // bytes consumed so far
}

// next returns the next line without its "\n" or "\r\n". long reports a
// line over the limit, whose bytes are consumed but not returned. The
// returned slice is valid until the following call. At the end it returns
// io.EOF (a last line without "\n" is returned first).
func (lr *lineReader) next() (line []byte, long bool, err error) {
	lr.buf = lr.buf[:0]
	read := int64(0)
	for {
		chunk, err := lr.br.ReadSlice('\n')
		read += int64(len(chunk))
		lr.total += int64(len(chunk))
		if !long {
			// +2 leaves room for the "\r\n" that is not part of the line.
			if int64(len(lr.buf))+int64(len(chunk)) > lr.max+2 {
				long = true
				lr.buf = lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			if read == 0 {
				return nil, false, io.EOF
			}
		case err != nil:
			return nil, false, err
		}
		break
	}
	if long {
		return nil, true, nil
	}
	line = bytes.TrimSuffix(lr.buf, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if int64(len(line)) > lr.max {
		return nil, true, nil
	}
	return line, false, nil
}
