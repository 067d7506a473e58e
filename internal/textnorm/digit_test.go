package textnorm

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/runenames"
)

// TestDigitValue checks digitValue against the Unicode character names for
// every decimal digit: "ARABIC-INDIC DIGIT THREE" has value 3.
func TestDigitValue(t *testing.T) {
	names := []string{"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"}
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsDigit(r) {
			continue
		}
		n++
		name := runenames.Name(r)
		if !strings.HasSuffix(name, " "+names[digitValue(r)]) {
			t.Errorf("digitValue(U+%04X %s) = %d", r, name, digitValue(r))
		}
	}
	if n < 600 {
		t.Errorf("only %d decimal digits checked", n)
	}
}
