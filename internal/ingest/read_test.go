package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
	"golang.org/x/text/encoding/charmap"
)

// result is one pair yielded by Read.
type result struct {
	in  doc.Input
	err error
}

// collect drains a Read and checks the package's promises on every pair:
// a document has a valid UTF-8, non-blank Body; an error that is not a
// cancellation is an *Error naming a path.
func collect(t testing.TB, cfg Config, paths []string, stdin string) []result {
	t.Helper()
	var out []result
	for in, err := range Read(context.Background(), cfg, paths, strings.NewReader(stdin)) {
		checkPair(t, in, err)
		out = append(out, result{in, err})
	}
	return out
}

func checkPair(t testing.TB, in doc.Input, err error) {
	t.Helper()
	if err != nil {
		var ie *Error
		if !errors.As(err, &ie) {
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v (%T) is not an *ingest.Error", err, err)
			}
		} else if ie.Path == "" {
			t.Errorf("error %v names no path", err)
		}
		if in.Path != "" || in.Body != "" {
			t.Errorf("error %v came with a non-zero Input %+v", err, in)
		}
		return
	}
	if !utf8.ValidString(in.Body) {
		t.Errorf("%s: Body is not valid UTF-8", in.Origin())
	}
	if strings.TrimSpace(in.Body) == "" {
		t.Errorf("%s: blank Body", in.Origin())
	}
	if in.Path == "" {
		t.Errorf("Input without Path: %+v", in)
	}
}

// writeFile creates dir/name (and its parents) holding data.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encode1256(t testing.TB, s string) string {
	t.Helper()
	out, err := charmap.Windows1256.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReadFile covers one file per row: its format, body and warnings, or
// the error it must give.
func TestReadFile(t *testing.T) {
	arabic := "قالت مصادر محلية"
	tests := []struct {
		name     string
		file     string
		data     []byte
		cfg      func(*Config)
		format   doc.Format
		body     string
		warnings []string // "kind: detail"
		err      error    // sentinel wanted instead of a document
		errText  string   // substring of the error message
	}{
		{name: "plain text", file: "a.txt", data: []byte("Hello world.\n"), format: doc.FormatText, body: "Hello world.\n"},
		{name: "html", file: "a.html", data: []byte("<!doctype html><p>x</p>"), format: doc.FormatHTML, body: "<!doctype html><p>x</p>"},
		{name: "html extension, text content", file: "a.htm", data: []byte("just words"), format: doc.FormatText, body: "just words"},
		{name: "txt extension, html content", file: "a.txt", data: []byte("<html><body>x</body></html>"), format: doc.FormatHTML, body: "<html><body>x</body></html>"},
		{name: "no extension", file: "README", data: []byte("words"), format: doc.FormatText, body: "words"},
		{name: "utf-8 BOM stripped", file: "a.txt", data: []byte("\xEF\xBB\xBFwords"), format: doc.FormatText, body: "words"},
		{name: "utf-16le BOM decoded", file: "a.txt", data: utf16LE("Hello " + arabic), format: doc.FormatText, body: "Hello " + arabic},
		{name: "utf-16be BOM html", file: "a.html", data: utf16BE("<html>" + arabic + "</html>"), format: doc.FormatHTML, body: "<html>" + arabic + "</html>"},
		{
			name: "invalid utf-8 repaired", file: "a.txt", data: []byte("caf\xe9 and na\xefve"),
			format: doc.FormatText, body: "caf\uFFFD and na\uFFFDve",
			warnings: []string{"invalid_utf8: 2 invalid byte sequences replaced with U+FFFD"},
		},
		{
			name: "truncated utf-8 sequence", file: "a.txt", data: []byte("euro \xe2\x82"),
			format: doc.FormatText, body: "euro \uFFFD\uFFFD",
			warnings: []string{"invalid_utf8: 2 invalid byte sequences replaced with U+FFFD"},
		},
		{
			name: "config charset for legacy text", file: "a.txt", data: []byte(encode1256(t, arabic)),
			cfg: func(c *Config) { c.Charset = "windows-1256" }, format: doc.FormatText, body: arabic,
		},
		{
			name: "stray NUL removed", file: "a.txt", data: append(bytes.Repeat([]byte("a long line of text. "), 20), "\x00end"...),
			format: doc.FormatText, body: strings.Repeat("a long line of text. ", 20) + "end",
			warnings: []string{"nul: 1 NUL bytes removed"},
		},
		{
			name: "html windows-1256", file: "a.html",
			data:   []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>` + encode1256(t, arabic) + `</body></html>`),
			format: doc.FormatHTML,
			body:   `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>` + arabic + `</body></html>`,
		},
		{
			name: "html iso-8859-1", file: "a.html", data: []byte("<html><meta charset=\"ISO-8859-1\"><p>caf\xe9</p>"),
			format: doc.FormatHTML, body: "<html><meta charset=\"ISO-8859-1\"><p>café</p>",
		},
		{
			name: "html declares latin-1 but is utf-8", file: "a.html", data: []byte("<html><meta charset=iso-8859-1><p>café</p>"),
			format: doc.FormatHTML, body: "<html><meta charset=iso-8859-1><p>café</p>",
		},
		{
			name: "html declares utf-8 but has latin-1", file: "a.html", data: []byte("<html><meta charset=utf-8><p>caf\xe9</p>"),
			format: doc.FormatHTML, body: "<html><meta charset=utf-8><p>caf\uFFFD</p>",
			warnings: []string{"invalid_utf8: 1 invalid byte sequences replaced with U+FFFD"},
		},
		{
			name: "pretty JSON document", file: "doc.json", data: []byte("{\n  \"schema\": \"claimtrace/v1\",\n  \"text\": \"fed back\",\n  \"source\": {\"path\": \"x\", \"outlet\": \"AP\"}\n}\n"),
			format: doc.FormatText, body: "fed back",
		},
		{
			name: "gzip text", file: "a.txt.gz", data: gzipped(t, []byte("compressed words")),
			format: doc.FormatText, body: "compressed words",
		},
		{name: "gzip refused without Gunzip", file: "a.txt.gz", data: gzipped(t, []byte("x")), cfg: func(c *Config) { c.Gunzip = false }, err: ErrBinary, errText: "gzip"},
		{name: "gzip of png", file: "a.png.gz", data: gzipped(t, []byte("\x89PNG\r\n\x1a\n....")), err: ErrBinary, errText: "gzip-compressed PNG image"},
		{name: "empty", file: "a.txt", data: nil, err: ErrEmpty},
		{name: "white space only", file: "a.txt", data: []byte(" \n\t\r\n\u00a0 \n"), err: ErrEmpty},
		{name: "BOM only", file: "a.txt", data: []byte("\xEF\xBB\xBF\n"), err: ErrEmpty},
		{name: "png", file: "a.png", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), err: ErrBinary, errText: "binary content: PNG image"},
		{name: "png named txt", file: "a.txt", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), err: ErrBinary, errText: "PNG image"},
		{name: "elf", file: "prog", data: []byte("\x7FELF\x02\x01\x01\x00\x00\x00"), err: ErrBinary, errText: "ELF executable"},
		{name: "random bytes", file: "blob.txt", data: randomBytes(10000), err: ErrBinary},
		{name: "NULs after the head", file: "a.txt", data: append(bytes.Repeat([]byte("text "), 20000), make([]byte, 5000)...), err: ErrBinary, errText: "NUL bytes"},
		{name: "pretty JSON without text", file: "config.json", data: []byte("{\n \"a\": 1\n}\n"), err: ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeFile(t, dir, tt.file, tt.data)
			cfg := DefaultConfig()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			got := collect(t, cfg, []string{p}, "")
			if len(got) != 1 {
				t.Fatalf("got %d results, want 1: %+v", len(got), got)
			}
			in, err := got[0].in, got[0].err
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				if !strings.HasPrefix(err.Error(), p+": ") || !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("error %q should start with the path and contain %q", err, tt.errText)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if in.Path != p || in.Line != 0 || in.Format != tt.format || in.Body != tt.body {
				t.Errorf("got {Path:%q Line:%d Format:%q Body:%q}\nwant {Path:%q Line:0 Format:%q Body:%q}", in.Path, in.Line, in.Format, in.Body, p, tt.format, tt.body)
			}
			var warns []string
			for _, w := range in.Warnings {
				warns = append(warns, w.Kind+": "+w.Detail)
			}
			if strings.Join(warns, "|") != strings.Join(tt.warnings, "|") {
				t.Errorf("warnings = %q, want %q", warns, tt.warnings)
			}
		})
	}
}

// TestTooLarge refuses a 200 MB file with a 1 MiB limit from its size alone:
// the file is sparse, so reading it would be slow and would meet NUL bytes.
func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "big.txt", bytes.Repeat([]byte("news text "), 10000))
	if err := os.Truncate(p, 200<<20); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.MaxBytes = 1 << 20
	got := collect(t, cfg, []string{p}, "")
	if len(got) != 1 || !errors.Is(got[0].err, ErrTooLarge) {
		t.Fatalf("got %+v, want one ErrTooLarge", got)
	}
	if msg := got[0].err.Error(); !strings.Contains(msg, "200 MiB") || !strings.Contains(msg, "1 MiB limit") || !strings.HasPrefix(msg, p) {
		t.Errorf("message %q should name the file, its size and the limit", msg)
	}

	// The same on stdin, whose size is unknown: refused after MaxBytes+1.
	got = collect(t, cfg, []string{"-"}, strings.Repeat("stdin text ", 200000))
	if len(got) != 1 || !errors.Is(got[0].err, ErrTooLarge) || !strings.HasPrefix(got[0].err.Error(), "-: ") {
		t.Fatalf("stdin: got %+v, want one ErrTooLarge for -", got)
	}
}

// TestLargeJSONL streams a JSONL file much larger than MaxBytes.
func TestLargeJSONL(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	const lines = 20000
	for i := range lines {
		b.WriteString(`{"text":"line ` + strings.Repeat("x", i%500) + `","outlet":"o"}` + "\n")
	}
	p := writeFile(t, dir, "big.jsonl", b.Bytes())
	cfg := DefaultConfig()
	cfg.MaxBytes = 1 << 10
	n := 0
	for in, err := range Read(context.Background(), cfg, []string{p}, nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if in.Line != n {
			t.Fatalf("line %d, want %d", in.Line, n)
		}
	}
	if n != lines {
		t.Fatalf("read %d documents, want %d", n, lines)
	}

	cfg.MaxFileBytes = 100 << 10
	got := collect(t, cfg, []string{p}, "")
	last := got[len(got)-1]
	if !errors.Is(last.err, ErrTooLarge) || !strings.Contains(last.err.Error(), "MaxFileBytes") || len(got) != 1 {
		t.Errorf("with MaxFileBytes: got %d results, last %v; want a single up-front ErrTooLarge", len(got), last.err)
	}
	got = collect(t, cfg, []string{"-"}, b.String())
	last = got[len(got)-1]
	if !errors.Is(last.err, ErrTooLarge) || len(got) < 2 {
		t.Errorf("stdin with MaxFileBytes: got %d results, last %v; want documents then ErrTooLarge", len(got), last.err)
	}
}

func TestJSONL(t *testing.T) {
	fedBack := doc.New("a document fed back in")
	fedBack.Source = doc.Source{Path: "old.txt", URL: doc.Str("https://example.org/a"), Outlet: doc.Str("al-Mayadeen"), Author: doc.Str("A. Writer")}
	fedBack.Title = "Fed back"
	var enc bytes.Buffer
	if err := doc.NewEncoder(&enc, false).Encode(fedBack); err != nil {
		t.Fatal(err)
	}
	lines := strings.Join([]string{
		`{"text":"first","url":"https://a.example/1","title":"T","published":"2022-02-09","outlet":"NOS","author":"Jan","extra":{"x":[1,2]}}`,
		``,
		`{"text": "broken`,
		`   `,
		`{"html":"<p>second</p>","text":"ignored"}`,
		`{"title":"no body"}`,
		`{"text":"  ","html":""}`,
		`[1,2,3]`,
		`{"text":"` + strings.Repeat("long ", 400) + `"}`,
		`{"text":"crlf"}` + "\r",
		`{"text":"nul\u0000inside","published":null}`,
		"{\"text\":\"bad \xff byte\"}",
		strings.TrimSuffix(enc.String(), "\n"),
		`{"text":"last, no newline"}`,
	}, "\n")
	p := writeFile(t, t.TempDir(), "in.ndjson", []byte(lines))
	cfg := DefaultConfig()
	cfg.MaxBytes = 1000
	got := collect(t, cfg, []string{p}, "")

	type want struct {
		line   int
		err    error
		format doc.Format
		body   string
	}
	wants := []want{
		{1, nil, doc.FormatText, "first"},
		{3, ErrMalformedJSON, "", ""},
		{5, nil, doc.FormatHTML, "<p>second</p>"},
		{6, ErrNoText, "", ""},
		{7, ErrNoText, "", ""},
		{8, ErrMalformedJSON, "", ""},
		{9, ErrTooLarge, "", ""},
		{10, nil, doc.FormatText, "crlf"},
		{11, nil, doc.FormatText, "nulinside"},
		{12, nil, doc.FormatText, "bad \uFFFD byte"},
		{13, nil, doc.FormatText, "a document fed back in"},
		{14, nil, doc.FormatText, "last, no newline"},
	}
	if len(got) != len(wants) {
		for _, g := range got {
			t.Logf("%+v %v", g.in, g.err)
		}
		t.Fatalf("got %d results, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		g := got[i]
		if w.err != nil {
			var ie *Error
			if !errors.Is(g.err, w.err) || !errors.As(g.err, &ie) || ie.Line != w.line || ie.Path != p {
				t.Errorf("result %d: err %v, want %v at %s:%d", i, g.err, w.err, p, w.line)
			}
			continue
		}
		if g.err != nil || g.in.Line != w.line || g.in.Format != w.format || g.in.Body != w.body {
			t.Errorf("result %d: got line %d %s %q (err %v), want line %d %s %q", i, g.in.Line, g.in.Format, g.in.Body, g.err, w.line, w.format, w.body)
		}
	}
	if in := got[0].in; in.URL != "https://a.example/1" || in.Title != "T" || in.Published != "2022-02-09" || in.Outlet != "NOS" || in.Author != "Jan" {
		t.Errorf("metadata not copied: %+v", in)
	}
	if msg := got[1].err.Error(); !strings.HasPrefix(msg, p+":3: malformed JSON") {
		t.Errorf("malformed message %q", msg)
	}
	if msg := got[6].err.Error(); !strings.Contains(msg, "1000 bytes limit") {
		t.Errorf("too-long message %q should state the limit", msg)
	}
	if w := got[8].in.Warnings; len(w) != 1 || w[0].Kind != doc.WarnNUL {
		t.Errorf("NUL warning missing: %+v", w)
	}
	if w := got[9].in.Warnings; len(w) != 1 || w[0].Kind != doc.WarnInvalidUTF8 || w[0].Detail != "1 invalid byte sequences replaced with U+FFFD" {
		t.Errorf("UTF-8 warning missing: %+v", w)
	}
	if in := got[10].in; in.URL != "https://example.org/a" || in.Outlet != "al-Mayadeen" || in.Author != "A. Writer" || in.Title != "Fed back" {
		t.Errorf("claimtrace/v1 source not read back: %+v", in)
	}
}

// TestJSONLExtensionWins: a .jsonl file whose first line is not JSON is an
// error on that line, not a text document.
func TestJSONLExtensionWins(t *testing.T) {
	p := writeFile(t, t.TempDir(), "x.jsonl", []byte("title: not json\n{\"text\":\"ok\"}\n"))
	got := collect(t, DefaultConfig(), []string{p}, "")
	if len(got) != 2 || !errors.Is(got[0].err, ErrMalformedJSON) || got[1].in.Body != "ok" || got[1].in.Line != 2 {
		t.Fatalf("got %+v", got)
	}
	var ie *Error
	if !errors.As(got[0].err, &ie) || ie.Line != 1 {
		t.Errorf("error %v should be on line 1", got[0].err)
	}

	for name, data := range map[string][]byte{"empty.jsonl": nil, "blank.jsonl": []byte("\n  \n\n")} {
		p := writeFile(t, t.TempDir(), name, data)
		got := collect(t, DefaultConfig(), []string{p}, "")
		if len(got) != 1 || !errors.Is(got[0].err, ErrEmpty) {
			t.Errorf("%s: got %+v, want ErrEmpty", name, got)
		}
	}

	gz := writeFile(t, t.TempDir(), "x.jsonl.gz", gzipped(t, []byte("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")))
	got = collect(t, DefaultConfig(), []string{gz}, "")
	if len(got) != 2 || got[1].in.Body != "b" || got[1].in.Line != 2 {
		t.Errorf("jsonl.gz: got %+v", got)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.txt", "a.txt", "c/z.txt", "c/a.html", "c/d/deep.txt", "B.txt",
		".hidden.txt", ".git/HEAD", "c/.cache/x.txt",
	} {
		writeFile(t, dir, name, []byte("content of "+name))
	}
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..", filepath.Join(dir, "c", "loop")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	got := collect(t, DefaultConfig(), []string{dir}, "")
	var seq []string
	for _, g := range got {
		rel := func(p string) string { r, _ := filepath.Rel(dir, p); return r }
		if g.err != nil {
			var ie *Error
			errors.As(g.err, &ie)
			seq = append(seq, "ERR "+rel(ie.Path))
			continue
		}
		seq = append(seq, rel(g.in.Path))
	}
	want := []string{
		"B.txt", "a.txt", "b.txt", "c/a.html", "c/d/deep.txt", "ERR c/loop", "c/z.txt",
		"ERR dangling.txt", "link.txt",
	}
	if strings.Join(seq, " ") != strings.Join(want, " ") {
		t.Errorf("walk order\n got %q\nwant %q", seq, want)
	}
	if !errors.Is(got[5].err, ErrSymlinkLoop) || !errors.Is(got[7].err, fs.ErrNotExist) {
		t.Errorf("errors: %v, %v", got[5].err, got[7].err)
	}

	// An empty directory is reported, not silently ignored.
	got = collect(t, DefaultConfig(), []string{filepath.Join(dir, "empty")}, "")
	if len(got) != 1 || !errors.Is(got[0].err, ErrEmpty) {
		t.Errorf("empty dir: got %+v", got)
	}
	// A hidden file named explicitly is read.
	got = collect(t, DefaultConfig(), []string{filepath.Join(dir, ".hidden.txt")}, "")
	if len(got) != 1 || got[0].err != nil {
		t.Errorf("explicit hidden file: got %+v", got)
	}
}

func TestMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	ok := writeFile(t, dir, "ok.txt", []byte("fine"))
	missing := filepath.Join(dir, "missing.txt")
	got := collect(t, DefaultConfig(), []string{missing, ok}, "")
	if len(got) != 2 || !errors.Is(got[0].err, fs.ErrNotExist) || got[1].in.Body != "fine" {
		t.Fatalf("got %+v", got)
	}
	if msg := got[0].err.Error(); !strings.HasPrefix(msg, missing+": ") || strings.Count(msg, missing) != 1 {
		t.Errorf("message %q should name the path once", msg)
	}

	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced")
	}
	locked := writeFile(t, dir, "locked.txt", []byte("secret"))
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	got = collect(t, DefaultConfig(), []string{locked, ok}, "")
	if len(got) != 2 || !errors.Is(got[0].err, fs.ErrPermission) || got[1].err != nil {
		t.Fatalf("got %+v", got)
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, stdin string
		bodies      []string
		err         error
	}{
		{"text", "words from a pipe\n", []string{"words from a pipe\n"}, nil},
		{"html", "<!DOCTYPE html><p>x</p>", []string{"<!DOCTYPE html><p>x</p>"}, nil},
		{"jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", []string{"a", "b"}, nil},
		{"gzip jsonl", string(gzipped(t, []byte("{\"text\":\"z\"}\n"))), []string{"z"}, nil},
		{"empty", "", nil, ErrEmpty},
		{"binary", "%PDF-1.4\n", nil, ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, DefaultConfig(), []string{"-"}, tt.stdin)
			if tt.err != nil {
				if len(got) != 1 || !errors.Is(got[0].err, tt.err) || !strings.HasPrefix(got[0].err.Error(), "-: ") {
					t.Fatalf("got %+v, want %v for -", got, tt.err)
				}
				return
			}
			var bodies []string
			for _, g := range got {
				if g.err != nil || g.in.Path != "-" {
					t.Fatalf("got %+v", g)
				}
				bodies = append(bodies, g.in.Body)
			}
			if strings.Join(bodies, "|") != strings.Join(tt.bodies, "|") {
				t.Errorf("bodies %q, want %q", bodies, tt.bodies)
			}
		})
	}

	var n int
	for _, err := range Read(context.Background(), DefaultConfig(), []string{"-"}, nil) {
		if err == nil || !strings.Contains(err.Error(), "no standard input") {
			t.Errorf("nil stdin: %v", err)
		}
		n++
	}
	if n != 1 {
		t.Errorf("nil stdin gave %d results", n)
	}
}

func TestReadStream(t *testing.T) {
	var got []doc.Input
	for in, err := range ReadStream(context.Background(), DefaultConfig(), "upload", strings.NewReader("{\"text\":\"a\"}\nnope\n")) {
		checkPair(t, in, err)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "upload:2: ") {
				t.Errorf("error %v should name upload:2", err)
			}
			continue
		}
		got = append(got, in)
	}
	if len(got) != 1 || got[0].Origin() != "upload:1" {
		t.Errorf("got %+v", got)
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, dir, n, []byte("text "+n))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errs []error
	for in, err := range Read(ctx, DefaultConfig(), []string{dir, dir}, nil) {
		if in.Path != "" {
			t.Errorf("document after cancellation: %+v", in)
		}
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("cancelled before start: got %v, want one context.Canceled", errs)
	}

	// Cancelled after the first document: ctx.Err() once, then nothing.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	var seq []string
	for in, err := range Read(ctx, DefaultConfig(), []string{dir}, nil) {
		if err != nil {
			seq = append(seq, err.Error())
			continue
		}
		seq = append(seq, filepath.Base(in.Path))
		cancel()
	}
	if strings.Join(seq, ",") != "a.txt,"+context.Canceled.Error() {
		t.Errorf("got %q", seq)
	}

	// Mid-JSONL.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	seq = nil
	for in, err := range Read(ctx, DefaultConfig(), []string{"-"}, strings.NewReader(strings.Repeat("{\"text\":\"x\"}\n", 100))) {
		if err != nil {
			seq = append(seq, err.Error())
			continue
		}
		seq = append(seq, in.Origin())
		if in.Line == 2 {
			cancel()
		}
	}
	if strings.Join(seq, ",") != "-:1,-:2,"+context.Canceled.Error() {
		t.Errorf("got %q", seq)
	}
}

// TestBreak: a consumer that stops early is not yielded to again (the
// range-over-func runtime would panic).
func TestBreak(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", []byte("{\"text\":\"a\"}\nbad\n{\"text\":\"b\"}\n"))
	writeFile(t, dir, "b.txt", []byte("b"))
	for stop := 1; stop <= 4; stop++ {
		n := 0
		for range Read(context.Background(), DefaultConfig(), []string{dir, "/nonexistent", dir}, nil) {
			n++
			if n == stop {
				break
			}
		}
	}
}

func TestConfig(t *testing.T) {
	bad := []Config{{MaxBytes: -1}, {Charset: "klingon-8"}}
	for _, c := range bad {
		var errs []error
		for _, err := range Read(context.Background(), c, []string{"-"}, strings.NewReader("x")) {
			errs = append(errs, err)
		}
		if len(errs) != 1 || errs[0] == nil {
			t.Errorf("%+v: got %v, want one configuration error", c, errs)
		}
	}
	if !errors.Is(Config{Charset: "klingon-8"}.Validate(), ErrCharset) {
		t.Error("unknown charset not ErrCharset")
	}
	if err := DefaultConfig().Validate(); err != nil {
		t.Error(err)
	}
	// The zero Config works, with the default limit.
	got := collect(t, Config{}, []string{"-"}, "zero config")
	if len(got) != 1 || got[0].err != nil {
		t.Errorf("zero Config: %+v", got)
	}
}

func TestHuman(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1000: "1000 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 32 << 20: "32 MiB", 200 << 20: "200 MiB", 3 << 30: "3 GiB"} {
		if got := human(n); got != want {
			t.Errorf("human(%d) = %q, want %q", n, got, want)
		}
	}
}
