package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// run runs the program in-process and returns exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	code := m.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

func decodeLines(t *testing.T, s string) []*doc.Document {
	t.Helper()
	var docs []*doc.Document
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		d, err := doc.Decode(sc.Bytes())
		if err != nil {
			t.Fatalf("output line is not a document: %v", err)
		}
		if d.Schema != doc.Schema {
			t.Errorf("schema = %q", d.Schema)
		}
		if err := doc.Check(d); err != nil {
			t.Error(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestAnalyzeBadInputsKeepGoodOnes(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"01-good.txt":    []byte("De gemeente Utrecht opent volgende week een nieuw fietspad langs het kanaal."),
		"02-binary.dat":  {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0},
		"03-empty.txt":   {},
		"04-latin1.txt":  []byte("Caf\xe9 in M\xfcnchen: de eigenaar zegt dat de zaak open blijft."),
		"05-docs.jsonl":  []byte("{\"text\": \"First line story about the port of Antwerp.\"}\n{\"text\": oops}\n{\"title\": \"no text here\"}\n{\"html\": \"<p>Een korte HTML-tekst over de haven van Rotterdam en de kaden.</p>\"}\n"),
		"06-broken.html": []byte("<html><body><div><p>Ein Artikel über den Hafen von Hamburg, der <b>nie geschlossen wird<p>und weiter geht"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run(t, "", "analyze", "-q", dir)
	if code != exitPartial {
		t.Errorf("exit = %d, want %d; stderr:\n%s", code, exitPartial, errs)
	}
	docs := decodeLines(t, out)
	if len(docs) != 5 {
		t.Errorf("got %d documents, want 5 (good txt, repaired latin1, 2 JSONL lines, broken HTML); stderr:\n%s", len(docs), errs)
	}
	for _, want := range []string{"02-binary.dat", "03-empty.txt", "05-docs.jsonl:2", "05-docs.jsonl:3"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errs)
		}
	}
	var repaired bool
	for _, d := range docs {
		for _, w := range d.Warnings {
			if w.Kind == doc.WarnInvalidUTF8 {
				repaired = true
			}
		}
	}
	if !repaired {
		t.Error("no invalid_utf8 warning on the Latin-1 file")
	}
}

func TestAnalyzeStdinAndPretty(t *testing.T) {
	code, out, errs := run(t, "The council of Leeds approved the budget on Monday after a long debate.", "analyze", "--pretty", "-q", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d doc.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("pretty output is not one JSON document: %v\n%s", err, out)
	}
	if !strings.Contains(out, "\n  \"schema\"") {
		t.Error("--pretty did not indent")
	}
	if d.Lang != "en" {
		t.Errorf("lang = %q", d.Lang)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nonsense"}, {"analyze", "--no-such-flag"}} {
		code, _, errs := run(t, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if errs == "" {
			t.Errorf("%v: nothing on stderr", args)
		}
	}
}

func TestAnalyzeMissingFile(t *testing.T) {
	code, out, errs := run(t, "", "analyze", "-q", filepath.Join(t.TempDir(), "nope.txt"))
	if code != exitPartial || out != "" || !strings.Contains(errs, "nope.txt") {
		t.Errorf("exit %d, out %q, stderr %q", code, out, errs)
	}
}

func TestBenchSmall(t *testing.T) {
	code, out, errs := run(t, "", "bench", "-n", "30", "-modes", "text,html")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 report lines, got %q", out)
	}
	for _, l := range lines {
		var r benchReport
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		if r.Docs != 30 || r.Failed != 0 || r.DocsPerSec <= 0 {
			t.Errorf("report %+v", r)
		}
	}
}

func TestStrictUnicode(t *testing.T) {
	clean := "The council of Leeds approved a budget of 3,500 pounds on Monday."
	hostileText := "The council of Leeds approved a budget of \u2067\u202e3,500\u202c\u2069 pounds on Monday."
	if code, _, errs := run(t, clean, "analyze", "-q", "--no-kb", "--strict-unicode", "-"); code != exitOK {
		t.Errorf("clean text: exit %d: %s", code, errs)
	}
	code, out, errs := run(t, hostileText, "analyze", "-q", "--no-kb", "--strict-unicode", "-")
	if code != exitRefused {
		t.Errorf("bidi text: exit %d, want %d: %s", code, exitRefused, errs)
	}
	docs := decodeLines(t, out)
	if len(docs) != 1 {
		t.Fatalf("the document must still be written, got %d", len(docs))
	}
	var bidi bool
	for _, w := range docs[0].Warnings {
		bidi = bidi || w.Kind == doc.WarnBidi
	}
	if !bidi {
		t.Errorf("no bidi_control warning: %+v", docs[0].Warnings)
	}
	if code, _, _ := run(t, hostileText, "analyze", "-q", "--no-kb", "-"); code != exitOK {
		t.Errorf("without --strict-unicode bidi text is analysed normally, exit %d", code)
	}
}
