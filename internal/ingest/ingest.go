// Package ingest turns what a user points claimtrace at — files, directory
// trees, standard input, JSON Lines — into raw documents (doc.Input) for the
// pipeline.
//
// It exists so that every later stage can rely on two promises: a Body is
// always valid UTF-8, and every input that could not be read is reported with
// its origin (path, and line for JSONL) instead of being dropped. To keep
// those promises on untrusted input it tells formats by content rather than
// by file name (Sniff), decodes UTF-16 and declared HTML charsets, repairs
// invalid UTF-8 and stray NUL bytes with a doc.Warning, refuses binary files,
// and enforces size limits without reading oversized files into memory.
//
// Decisions a caller may want to know:
//
//   - UTF-16 with a byte-order mark is decoded; UTF-16 without one, and
//     UTF-32, are refused as binary.
//   - A few NUL bytes in a text file are removed with a warning; more than
//     1% of the bytes make it binary.
//   - Invalid UTF-8 becomes U+FFFD, one per bad byte, with a warning; an
//     HTML <meta charset> (or Config.Charset) is honoured only when the bytes
//     are not valid UTF-8 already.
//   - Line ends and white space are left as they are; clean-up belongs to
//     extract, which records what it removes.
//   - In a JSONL record a non-blank "html" wins over "text". A .jsonl or
//     .ndjson name makes a file JSONL whatever its first line; a text file
//     that is exactly one JSON object (claimtrace's indented output) is read
//     as one record.
//   - gzip files are decompressed on the fly (Config.Gunzip).
//
// It deliberately does not parse HTML (package extract does) nor fetch URLs.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"strings"

	"github.com/claimtrace/claimtrace/internal/doc"
	"golang.org/x/text/encoding/htmlindex"
)

// Sentinel errors, wrapped in *Error, so that callers can branch with
// errors.Is (for instance to count skipped binaries separately from real
// failures, or to map them to exit codes).
var (
	// ErrBinary: the content is not text (an image, archive, executable…).
	// The message names what was detected.
	ErrBinary = errors.New("binary content")
	// ErrTooLarge: a text/HTML file or a JSONL line exceeds MaxBytes, or a
	// JSONL file exceeds MaxFileBytes. The message states the limit.
	ErrTooLarge = errors.New("too large")
	// ErrEmpty: the input is empty or holds only white space.
	ErrEmpty = errors.New("empty input")
	// ErrMalformedJSON: a JSONL line is not a JSON object of the expected
	// shape; the json error is wrapped as well.
	ErrMalformedJSON = errors.New("malformed JSON")
	// ErrNoText: a JSONL record has neither a non-blank "text" nor "html".
	ErrNoText = errors.New(`no "text" or "html" field`)
	// ErrNotRegular: a directory walk met a device, socket or named pipe.
	// (Such files named explicitly on the command line are read as streams.)
	ErrNotRegular = errors.New("not a regular file")
	// ErrSymlinkLoop: a symbolic link leads back to a directory that
	// contains it, so following it would never end.
	ErrSymlinkLoop = errors.New("symbolic link loop")
	// ErrCharset: Config.Charset names no known encoding.
	ErrCharset = errors.New("unknown charset")
)

// Config holds the limits and choices of a Read. The zero value is usable:
// zero limits mean the DefaultConfig values (MaxFileBytes zero is unlimited).
type Config struct {
	// MaxBytes caps a text or HTML file and each JSONL line (in bytes).
	// Such inputs are held in memory whole, so this bounds memory use per
	// document. Default 32 MiB.
	MaxBytes int64
	// MaxFileBytes caps a whole JSONL file. JSONL is streamed line by line,
	// so files far larger than memory are fine; 0 means unlimited.
	MaxFileBytes int64
	// Charset is the encoding assumed for text that is not valid UTF-8 and
	// declares nothing else (a WHATWG label such as "windows-1256" or
	// "iso-8859-1"). Empty means: keep UTF-8 and replace invalid bytes with
	// U+FFFD, with a warning. An HTML <meta charset> always takes precedence.
	Charset string
	// Gunzip makes gzip-compressed inputs (e.g. corpus.jsonl.gz) readable:
	// they are decompressed on the fly and their content sniffed. When false
	// they are refused as binary. Default true.
	Gunzip bool
}

// DefaultMaxBytes is the default per-document limit (MaxBytes): generous
// for any article, small enough that a stray disk image is refused.
const DefaultMaxBytes = 32 << 20

// DefaultConfig returns the recommended configuration.
func DefaultConfig() Config {
	return Config{MaxBytes: DefaultMaxBytes, Gunzip: true}
}

// Validate reports a configuration Read cannot work with.
func (c Config) Validate() error {
	if c.MaxBytes < 0 || c.MaxFileBytes < 0 {
		return fmt.Errorf("ingest: negative size limit (MaxBytes %d, MaxFileBytes %d)", c.MaxBytes, c.MaxFileBytes)
	}
	if c.Charset != "" {
		if _, err := htmlindex.Get(c.Charset); err != nil {
			return fmt.Errorf("ingest: %w %q", ErrCharset, c.Charset)
		}
	}
	return nil
}

func (c Config) maxBytes() int64 {
	if c.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return c.MaxBytes
}

// Error says which input failed and why. Line is the 1-based line of a JSONL
// record, 0 for a whole file.
type Error struct {
	Path string // as given or found by the walk; "-" for stdin
	Line int
	Err  error
}

// Error returns "path:line: reason" or "path: reason".
func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

// Unwrap returns the reason, so errors.Is(err, ErrBinary) and
// errors.Is(err, fs.ErrNotExist) work.
func (e *Error) Unwrap() error { return e.Err }

// Read yields every document of every path, in order: files as given,
// directories walked recursively in lexical order (hidden entries, whose
// names start with ".", are skipped; symbolic links are followed, loops are
// reported), and "-" for stdin.
//
// A failed input yields (zero Input, *Error) and reading goes on with the
// next input or JSONL line, so nothing is dropped silently. When ctx is
// cancelled Read yields ctx.Err() once and stops. A Config that does not
// Validate yields that error once and nothing else.
func Read(ctx context.Context, cfg Config, paths []string, stdin io.Reader) iter.Seq2[doc.Input, error] {
	return func(yield func(doc.Input, error) bool) {
		if err := cfg.Validate(); err != nil {
			yield(doc.Input{}, err)
			return
		}
		r := &reader{ctx: ctx, cfg: cfg, yield: yield, stdin: stdin}
		for _, p := range paths {
			if r.cancelled() || !r.path(p) {
				return
			}
		}
	}
}

// ReadStream is Read for one already open stream, such as an HTTP request
// body; name stands in for the path in every Input and error.
func ReadStream(ctx context.Context, cfg Config, name string, rd io.Reader) iter.Seq2[doc.Input, error] {
	return func(yield func(doc.Input, error) bool) {
		if err := cfg.Validate(); err != nil {
			yield(doc.Input{}, err)
			return
		}
		r := &reader{ctx: ctx, cfg: cfg, yield: yield}
		if r.cancelled() {
			return
		}
		r.stream(name, rd, -1, false)
	}
}

// reader carries one Read's state. Every method that yields returns false
// once the consumer or a cancellation has stopped the iteration; callers
// must then return at once without yielding again.
type reader struct {
	ctx   context.Context
	cfg   Config
	yield func(doc.Input, error) bool
	stdin io.Reader
}

// cancelled yields ctx.Err() and reports true if the context is done.
func (r *reader) cancelled() bool {
	if err := r.ctx.Err(); err != nil {
		r.yield(doc.Input{}, err)
		return true
	}
	return false
}

// fail yields an *Error for path (and line) unless the failure is really a
// cancellation, which is reported once as ctx.Err() and stops reading.
func (r *reader) fail(path string, line int, err error) bool {
	if cerr := r.ctx.Err(); cerr != nil && errors.Is(err, cerr) {
		r.yield(doc.Input{}, cerr)
		return false
	}
	return r.yield(doc.Input{}, &Error{Path: path, Line: line, Err: err})
}

// osErr drops the path from an *fs.PathError, because *Error names the path
// already; the reason keeps its identity for errors.Is.
func osErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// ctxReader makes long reads stop soon after ctx is cancelled. It cannot
// interrupt a Read already blocked (on a terminal, say).
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// human formats a byte count for messages: "32 MiB", "1.5 GiB", "700 bytes".
func human(n int64) string {
	const (
		kib = 1 << 10
		mib = 1 << 20
		gib = 1 << 30
	)
	switch {
	case n >= gib:
		return trimZero(float64(n)/gib) + " GiB"
	case n >= mib:
		return trimZero(float64(n)/mib) + " MiB"
	case n >= kib:
		return trimZero(float64(n)/kib) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// trimZero prints f with one decimal, dropping a trailing ".0".
func trimZero(f float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(f, 'f', 1, 64), ".0")
}
