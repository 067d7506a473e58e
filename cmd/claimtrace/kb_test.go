package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		pos  []string
		n    int
	}{
		{[]string{"Hasaka", "-limit", "5"}, []string{"Hasaka"}, 5},
		{[]string{"-limit", "5", "Hasaka", "Deir"}, []string{"Hasaka", "Deir"}, 5},
		{[]string{"a", "--", "-limit"}, []string{"a", "-limit"}, 1},
		{nil, nil, 1},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		n := fs.Int("limit", 1, "")
		pos, err := parseArgs(fs, tt.args)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if !slices.Equal(pos, tt.pos) || *n != tt.n {
			t.Errorf("%v: got %v limit %d, want %v limit %d", tt.args, pos, *n, tt.pos, tt.n)
		}
	}
}

func TestKBCommands(t *testing.T) {
	code, out, errs := run(t, "", "kb", "search", "Hasaka", "-limit", "3", "-no-places")
	if code != exitOK {
		t.Fatalf("kb search: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"id":`) {
		t.Errorf("kb search printed no entity: %q", out)
	}
	code, out, errs = run(t, "", "kb", "show", "ct:isis", "-no-places")
	if code != exitOK {
		t.Fatalf("kb show: exit %d: %s", code, errs)
	}
	var e struct{ ID, Type, Name string }
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.ID != "ct:isis" || e.Type != "ORG" {
		t.Errorf("kb show ct:isis = %+v (%v)", e, err)
	}
	if code, _, _ := run(t, "", "kb", "show", "ct:no-such-entity", "-no-places"); code != exitPartial {
		t.Errorf("kb show of a missing id: exit %d", code)
	}
	if code, _, _ := run(t, "", "kb"); code != exitUsage {
		t.Errorf("kb without subcommand: exit %d", code)
	}
}

func TestKBValidate(t *testing.T) {
	dir := t.TempDir()
	good := "- id: my:harbour-council\n  type: ORG\n  name: Harbour Council\n  aliases:\n    nl: [Havenraad]\n    ar: [مجلس الميناء]\n  part_of: iso:NL\n"
	bad := "- id: my:thing\n  type: SPACESHIP\n  name: Thing\n  lat: 123\n"
	if err := os.WriteFile(filepath.Join(dir, "good.yaml"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "kb", "validate", "-no-places", filepath.Join(dir, "good.yaml"))
	if code != exitOK {
		t.Fatalf("valid file: exit %d\n%s%s", code, out, errs)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "", "kb", "validate", "-no-places", dir)
	if code != exitPartial || !strings.Contains(out, "bad.yaml") {
		t.Errorf("invalid file: exit %d, output %q", code, out)
	}
	// The user's entity is found by analyze with --kb.
	text := "De Havenraad van Rotterdam besloot dinsdag de kade te sluiten, meldde de gemeente."
	if code, _, errs := run(t, text, "analyze", "-q", "-no-places", "-kb", filepath.Join(dir, "missing"), "-"); code != exitFatal || !strings.Contains(errs, "missing") {
		t.Errorf("a missing --kb dir: exit %d, stderr %q", code, errs)
	}
	if err := os.MkdirAll(filepath.Join(dir, "only-good"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "only-good", "k.yaml"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(t, text, "analyze", "-q", "-no-places", "-kb", filepath.Join(dir, "only-good"), "-")
	if code != exitOK {
		t.Fatalf("analyze --kb: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"entity":"my:harbour-council"`) {
		t.Errorf("user KB entity not found in %s", out)
	}
}

func TestEntitiesUnknown(t *testing.T) {
	dir := t.TempDir()
	body := "Commander Zorvan Teleki of the Northern Rivers Brigade said on Monday that the bridge was closed.\n\nZorvan Teleki added that 40 families had left."
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "entities", "--unknown", "-json", "-no-places", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Teleki") {
		t.Errorf("unknown names lack Zorvan Teleki:\n%s", out)
	}
}

func TestKBImportGeoNames(t *testing.T) {
	dir := t.TempDir()
	// Two invented places in the GeoNames "geoname" layout (19 tab-separated columns).
	row := func(id, name, alt, cc, pop string) string {
		cols := []string{id, name, name, alt, "35.1", "40.2", "P", "PPL", cc, "", "", "", "", "", pop, "", "300", "Asia/Damascus", "2024-01-01"}
		return strings.Join(cols, "\t") + "\n"
	}
	dump := row("99000001", "Tall Zorvan", "Tell Zorvan,تل زورفان", "SY", "12000") + row("99000002", "Nowhere", "", "NL", "5")
	if err := os.WriteFile(filepath.Join(dir, "SY.txt"), []byte(dump), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "kb", "sy.tsv.gz")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "", "kb", "import-geonames", filepath.Join(dir, "SY.txt"), "-countries", "sy", "-o", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, stdout, errs := run(t, "", "kb", "show", "gn:99000001", "-no-places", "-kb", filepath.Dir(out))
	if code != exitOK || !strings.Contains(stdout, "Tall Zorvan") {
		t.Fatalf("imported place not in KB: exit %d %s %s", code, stdout, errs)
	}
	if code, _, _ := run(t, "", "kb", "show", "gn:99000002", "-no-places", "-kb", filepath.Dir(out)); code != exitPartial {
		t.Error("the -countries filter did not drop the NL place")
	}
}
