package ingest

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// FuzzDecodeLine: any line either decodes to an Input with a valid UTF-8,
// non-blank Body and its origin, or fails with an *Error naming that origin.
func FuzzDecodeLine(f *testing.F) {
	for _, s := range []string{
		`{"text":"a"}`, `{"html":"<p>x</p>","url":"u"}`, `{"text":null}`, `{}`, `[]`, ``, `{`,
		`{"text":"\u0000"}`, "{\"text\":\"\xff\"}", `{"source":{"outlet":"o"},"text":"t"}`,
		`{"published":3,"text":"t"}`, `{"text":"\ud800"}`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		in, err := DecodeLine("f.jsonl", 7, line)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) || ie.Path != "f.jsonl" || ie.Line != 7 || !strings.HasPrefix(err.Error(), "f.jsonl:7: ") {
				t.Fatalf("error %v does not name f.jsonl:7", err)
			}
			return
		}
		if in.Path != "f.jsonl" || in.Line != 7 {
			t.Fatalf("origin %s", in.Origin())
		}
		if !utf8.ValidString(in.Body) || strings.TrimSpace(in.Body) == "" || strings.Contains(in.Body, "\x00") {
			t.Fatalf("bad body %q", in.Body)
		}
	})
}

// FuzzRead runs arbitrary bytes through the whole reader, as stdin and as
// a file with a JSONL name, under a small limit so long lines are met too.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"text", "<html><p>x</p>", "{\"text\":\"a\"}\nbad\n\n{\"html\":\"b\"}", "\xFF\xFEh\x00i\x00",
		"\x1F\x8B\x08\x00", "caf\xe9", "<meta charset=windows-1256>\xe3", "{\n\"text\":\"x\"\n}", "\x00\x00\x00",
	} {
		f.Add([]byte(s))
	}
	cfg := DefaultConfig()
	cfg.MaxBytes = 256
	f.Fuzz(func(t *testing.T, data []byte) {
		name := filepath.Join(t.TempDir(), "in.jsonl")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		check := func(origin string, in doc.Input, err error) {
			if err != nil {
				var ie *Error
				if !errors.As(err, &ie) || ie.Path != origin {
					t.Fatalf("error %v does not name %s", err, origin)
				}
				return
			}
			if in.Path != origin || !utf8.ValidString(in.Body) || strings.TrimSpace(in.Body) == "" {
				t.Fatalf("bad input %+v", in)
			}
		}
		for in, err := range Read(context.Background(), cfg, []string{"-", name}, bytes.NewReader(data)) {
			origin := "-"
			if in.Path == name || (err != nil && strings.HasPrefix(err.Error(), name)) {
				origin = name
			}
			check(origin, in, err)
		}
	})
}
