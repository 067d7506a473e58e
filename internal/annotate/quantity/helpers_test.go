package quantity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/claimtrace/claimtrace/internal/doc"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

func newStage(tb testing.TB) *Stage {
	tb.Helper()
	lex, err := lexicon.Load()
	if err != nil {
		tb.Fatal(err)
	}
	s, err := New(lex, DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// checkSpans verifies the stage's promises about spans: inside the text,
// equal to their Text, sorted, not overlapping, Min ≤ Max.
func checkSpans(text string, qs []doc.Quantity) error {
	end := 0
	for _, q := range qs {
		if q.Start < end || q.Start > q.End || q.End > len(text) {
			return fmt.Errorf("bad span [%d,%d) after %d", q.Start, q.End, end)
		}
		if text[q.Start:q.End] != q.Text {
			return fmt.Errorf("span [%d,%d) is %q, Text %q", q.Start, q.End, text[q.Start:q.End], q.Text)
		}
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			return fmt.Errorf("%q: min %v > max %v", q.Text, *q.Min, *q.Max)
		}
		end = q.End
	}
	return nil
}

func str(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// describe renders a quantity compactly for test tables and logs:
// "text" value min max approx unit of class.
func describe(q *doc.Quantity) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q v=%s", q.Text, num(q.Value))
	if q.Min != nil {
		fmt.Fprintf(&b, " min=%s", num(q.Min))
	}
	if q.Max != nil {
		fmt.Fprintf(&b, " max=%s", num(q.Max))
	}
	if q.Approx {
		b.WriteString(" ~")
	}
	if q.Unit != nil {
		fmt.Fprintf(&b, " unit=%s", *q.Unit)
	}
	if q.Of != nil {
		fmt.Fprintf(&b, " of=%q", *q.Of)
	}
	if q.Class != nil {
		fmt.Fprintf(&b, " class=%s", *q.Class)
	}
	return b.String()
}
