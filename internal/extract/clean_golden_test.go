package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

var updateClean = flag.Bool("update", false, "rewrite testdata/clean/*.golden from the current output")

// TestCleanGolden runs Clean on every testdata/clean/*.txt and compares the
// cleaned text and the removals with the .golden file beside it. Regenerate
// with `go test ./internal/extract -run TestCleanGolden -update` and review
// the diff.
func TestCleanGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "clean", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no inputs under testdata/clean")
	}
	c := newTestCleaner(t)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			out, rms := c.Clean(string(b))
			checkCleanInvariants(t, string(b), out, rms)
			// The fixtures are cleaned in one go: a second run finds nothing.
			if out2, rms2 := c.Clean(out); out2 != out || len(rms2) != 0 {
				t.Errorf("second Clean is not a no-op: removed %+v", rms2)
			}
			got := formatCleanGolden(out, rms)
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *updateClean {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from Clean output; run with -update and review the diff.\ngot:\n%s", golden, got)
			}
		})
	}
}

// formatCleanGolden renders a result for review: the cleaned text, then one
// line per removal.
func formatCleanGolden(out string, rms []doc.Removal) string {
	var b strings.Builder
	b.WriteString("=== text\n")
	b.WriteString(out)
	if !strings.HasSuffix(out, "\n") {
		b.WriteString("\n=== (no final newline)\n")
	}
	b.WriteString("=== removed\n")
	for _, r := range rms {
		fmt.Fprintf(&b, "%s at=%d raw_at=%d %q\n    reason: %s\n", r.Kind, r.At, r.RawAt, r.Text, r.Reason)
	}
	return b.String()
}
