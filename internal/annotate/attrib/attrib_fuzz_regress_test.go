package attrib

import (
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
)

// TestTokenizeOverlappingFold: characters that fold to more than one word
// ("ﷺ", "⑴") give word spans that share source bytes; Tokenize must not
// slice backwards.
func TestTokenizeOverlappingFold(t *testing.T) {
	for _, text := range []string{"قال النبي ﷺ إن", "Ein Artikel Ã¼ber den Hafen, der nie geschlossen wird", "⑴ ⑵ said the ﷺ source"} {
		toks := Tokenize(text, doc.Span{Start: 0, End: len(text)})
		for _, tk := range toks {
			if tk.Start < 0 || tk.End > len(text) || tk.Start > tk.End {
				t.Fatalf("%q: bad token %+v", text, tk)
			}
		}
	}
}
