package kb

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func fp(v float64) *float64 { return &v }

// compactSample covers every field, escapes and the optional columns.
func compactSample() []Entity {
	return []Entity{
		{
			ID: "gn:173811", Type: GPE, Name: "Al Ḩasakah",
			Lat: fp(36.50237), Lon: fp(40.74772), Country: "SY", Population: 188160,
			Feature: "PPLA", PartOf: "iso:SY", Wikidata: "Q1990",
			Aliases: map[string][]string{
				"und": {"Al Hasakah", "Hasaka", "El Haseke"},
				"ar":  {"الحسكة"},
				"nl":  {"Al-Hasakah"},
			},
		},
		{
			ID: "iso:SY", Type: GPE, Name: "Syria", Country: "SY", Wikidata: "Q858",
			Lat: fp(33.5102), Lon: fp(36.29128),
			Aliases:    map[string][]string{"ar": {"سوريا", "سورية"}, "en": {"Syrian Arab Republic"}},
			Adjectives: map[string][]string{"en": {"Syrian"}, "ar": {"سوري", "السوري"}},
		},
		{
			// Separators and escapes inside names.
			ID: "ct:odd", Type: Org, Name: `A|B; C\D = E`,
			Aliases:     map[string][]string{"en": {"x|y", "p;q", `back\slash`, "tab\there", "a=b"}},
			Ambiguous:   []string{"IS", "VS"},
			DescribedBy: []string{"US-backed", "Kurdish-led"},
		},
		{ID: "ct:bare"},
		{ID: "gn:1", Type: Loc, Name: "Zero", Lat: fp(0), Lon: fp(-180), Population: 0, DescribedBy: []string{"only last column"}},
	}
}

func readAll(t testing.TB, data []byte) []Entity {
	t.Helper()
	var got []Entity
	if err := ReadCompact(bytes.NewReader(data), func(e Entity) error {
		got = append(got, e)
		return nil
	}); err != nil {
		t.Fatalf("ReadCompact: %v", err)
	}
	return got
}

func TestCompactRoundTrip(t *testing.T) {
	want := compactSample()
	var buf bytes.Buffer
	if err := WriteCompact(&buf, want); err != nil {
		t.Fatal(err)
	}
	if b := buf.Bytes(); len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		t.Fatalf("WriteCompact output is not gzip")
	}
	got := readAll(t, buf.Bytes())
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip:\n got %#v\nwant %#v", got, want)
	}
	// Deterministic output.
	var again bytes.Buffer
	if err := WriteCompact(&again, want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("WriteCompact is not deterministic")
	}
}

func TestReadCompactPlainText(t *testing.T) {
	in := "# comment\n\n" +
		"gn:170654\tGPE\tDamascus\t33.5102\t36.29128\tSY\t1569394\tPPLC\tiso:SY\t\tar=دمشق;nl=Damascus\r\n" +
		"ct:x\tORG\tX\t\t\t\t\t\t\t\n"
	got := readAll(t, []byte(in))
	if len(got) != 2 {
		t.Fatalf("got %d entities, want 2", len(got))
	}
	d := got[0]
	if d.Name != "Damascus" || *d.Lat != 33.5102 || *d.Lon != 36.29128 || d.Population != 1569394 ||
		d.Feature != "PPLC" || d.PartOf != "iso:SY" || d.Aliases["ar"][0] != "دمشق" || d.Aliases["nl"][0] != "Damascus" {
		t.Errorf("Damascus decoded as %+v", d)
	}
	if got[1].Lat != nil || got[1].Aliases != nil {
		t.Errorf("bare entity decoded as %+v", got[1])
	}
}

func TestReadCompactErrors(t *testing.T) {
	const ok = "a\tGPE\tA\t1\t2\tSY\t3\tPPL\tiso:SY\tQ1"
	tests := []struct{ name, line, want string }{
		{"few fields", "a\tGPE\tA", "3 fields"},
		{"too many fields", ok + strings.Repeat("\tx", 10), "more than 14 fields"},
		{"empty id", "\tGPE\tA\t\t\t\t\t\t\t", "empty id"},
		{"bad lat", "a\tGPE\tA\tx\t2\t\t\t\t\t", "lat"},
		{"lat range", "a\tGPE\tA\t91\t2\t\t\t\t\t", "out of range"},
		{"nan", "a\tGPE\tA\tNaN\t2\t\t\t\t\t", "out of range"},
		{"lon only", "a\tGPE\tA\t\t2\t\t\t\t\t", "lat"},
		{"population", "a\tGPE\tA\t\t\t\t-5\t\t\t", "population"},
		{"no equals", ok + "\tenfoo", "no '='"},
		{"bad lang", ok + "\te n=x", "bad language tag"},
		{"empty name", ok + "\ten=a||b", "empty name"},
		{"no names", ok + "\ten=", "no names"},
		{"trailing semicolon", ok + "\ten=a;", "trailing ';'"},
		{"bad escape", ok + "\ten=a\\x", "unknown escape"},
		{"trailing backslash", ok + "\ten=a\\", "trailing backslash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok + "\n# c\n" + tt.line + "\n"
			err := ReadCompact(strings.NewReader(in), func(Entity) error { return nil })
			if err == nil {
				t.Fatalf("no error for %q", tt.line)
			}
			if !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name line 3 and %q", err, tt.want)
			}
		})
	}
}

func TestReadCompactCallbackError(t *testing.T) {
	stop := errors.New("stop")
	err := ReadCompact(strings.NewReader("a\tGPE\tA\t\t\t\t\t\t\t\n"), func(Entity) error { return stop })
	if !errors.Is(err, stop) {
		t.Fatalf("got %v, want wrapped stop", err)
	}
}

func TestWriteCompactRejects(t *testing.T) {
	for name, e := range map[string]Entity{
		"no id":      {Name: "x"},
		"lat only":   {ID: "a", Lat: fp(1)},
		"empty name": {ID: "a", Aliases: map[string][]string{"en": {""}}},
		"bad lang":   {ID: "a", Aliases: map[string][]string{"e=n": {"x"}}},
		"range":      {ID: "a", Lat: fp(100), Lon: fp(0)},
	} {
		if err := WriteCompact(&bytes.Buffer{}, []Entity{e}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzReadCompact checks that no input panics and that whatever ReadCompact
// accepts survives a write/read round trip unchanged.
func FuzzReadCompact(f *testing.F) {
	var buf bytes.Buffer
	cw := NewCompactWriter(&buf)
	for _, e := range compactSample() {
		if err := cw.Write(&e); err != nil {
			f.Fatal(err)
		}
	}
	if err := cw.Flush(); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("a\tGPE\tA\t1\t2\tSY\t3\tPPL\tiso:SY\tQ1\ten=a\\|b;ar=c\tx=y\tIS|VS\td\n"))
	f.Add([]byte("a\t\t\t\t\t\t\t\t\t\n#x\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var first []Entity
		if err := ReadCompact(bytes.NewReader(data), func(e Entity) error {
			first = append(first, e)
			return nil
		}); err != nil {
			if !strings.Contains(err.Error(), "line") {
				t.Fatalf("error does not name a line: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := WriteCompact(&out, first); err != nil {
			t.Fatalf("WriteCompact of accepted input: %v", err)
		}
		second := readAll(t, out.Bytes())
		if len(first) != len(second) {
			t.Fatalf("round trip: %d entities became %d", len(first), len(second))
		}
		for i := range first {
			if !reflect.DeepEqual(first[i], second[i]) {
				t.Fatalf("round trip changed entity %d:\n%#v\n%#v", i, first[i], second[i])
			}
		}
	})
}

const placesFile = "data/generated/places.tsv.gz"

// BenchmarkReadCompactPlaces reads the real generated places layer and
// reports entities/s and the live heap of the decoded entities.
func BenchmarkReadCompactPlaces(b *testing.B) {
	data, err := os.ReadFile(placesFile)
	if err != nil {
		b.Skipf("no %s: %v", placesFile, err)
	}
	b.SetBytes(int64(len(data)))
	n := 0
	var keep []Entity
	for b.Loop() {
		keep = keep[:0]
		n = 0
		if err := ReadCompact(bytes.NewReader(data), func(e Entity) error {
			keep = append(keep, e)
			n++
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entities/s")
	keep = nil
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	keep = make([]Entity, 0, n)
	if err := ReadCompact(bytes.NewReader(data), func(e Entity) error {
		keep = append(keep, e)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heapMB")
	runtime.KeepAlive(keep)
}

// TestReadCompactChunks crosses chunk boundaries and reads a line longer
// than a chunk.
func TestReadCompactChunks(t *testing.T) {
	var want []Entity
	for i := range 3000 {
		e := Entity{ID: "gn:" + strings.Repeat("x", i%7) + string(rune('a'+i%26)), Type: GPE, Name: "N", Population: i}
		if i == 1234 {
			e.Aliases = map[string][]string{"und": {strings.Repeat("long name ", 40000)}}
		}
		want = append(want, e)
	}
	var buf bytes.Buffer
	if err := WriteCompact(&buf, want); err != nil {
		t.Fatal(err)
	}
	got := readAll(t, buf.Bytes())
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read %d entities, differing from the %d written", len(got), len(want))
	}
	// Line numbers stay right across chunks.
	bad := bytes.Repeat([]byte("a\tGPE\tA\t\t\t\t\t\t\t\n"), 50000)
	bad = append(bad, "oops\n"...)
	err := ReadCompact(bytes.NewReader(bad), func(Entity) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "line 50001") {
		t.Fatalf("got %v, want an error naming line 50001", err)
	}
}
