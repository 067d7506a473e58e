package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzClean checks the clean-up's invariants on arbitrary text: no panic,
// valid UTF-8 out, every removal non-empty with At inside the output and its
// text at RawAt in the input, and nothing but whitespace lost (see
// checkCleanInvariants). The corpus starts from the golden inputs and a few
// edge cases; it runs in every plain `go test`.
func FuzzClean(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "clean", "*.txt"))
	for _, p := range inputs {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{
		"",
		"\r",
		"\r\n\r\n",
		"a.b-c-d-e",
		"x-y-z-w",
		"Share this:\n",
		"Pic: \n",
		"Foto:",
		"\xff\xfe\r\n\xc3",
		"Title\n\nabcde fghij klmno pqrst uvwxy z\n\nxxabcde fghij klmno pqrst uvwxy zyy\n",
		"abcde fghij klmno pqrst uvwxy z\nabcde fghij klmno pqrst uvwxy z abcde fghij klmno pqrst uvwxy z\n",
		"تعليقاً-تعليقاً-تعليقاً-تعليقاً\n\nاترك تعليقاً",
		"A b c d e f g h i j k l m n o p\n\nQA b c d e f g h i j k l m n o pQ\n\nA b c d e f g h i j k l m n o p",
		"Ceasefire talks stall in Doha as both sides trade blameWe are closer than we have ever been\nWe are closer than we have ever been\n0Ceasefire talks stall in Doha as both sides trade blame",
	} {
		f.Add(s)
	}
	c := newTestCleaner(f)
	f.Fuzz(func(t *testing.T, in string) {
		out, rms := c.Clean(in)
		checkCleanInvariants(t, in, out, rms)
	})
}
