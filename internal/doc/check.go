package doc

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrSpan is returned (wrapped) by Check when a span does not fit the text.
var ErrSpan = errors.New("span does not match text")

// Check verifies the contract's offset invariant: every span lies inside
// Text on UTF-8 boundaries, and every span that carries its own text equals
// text[start:end]. Stages call it in tests; the pipeline calls it on every
// document before it leaves, so a broken offset is a bug report, not bad
// output.
func Check(d *Document) error {
	t := d.Text
	if !utf8.ValidString(t) {
		return fmt.Errorf("document %s: text is not valid UTF-8", short(d.ID))
	}
	if d.ID != ID(t) {
		return fmt.Errorf("document %s: id is not sha256 of text", short(d.ID))
	}
	span := func(layer string, i, start, end int, want *string) error {
		if start < 0 || end < start || end > len(t) {
			return fmt.Errorf("%s[%d] [%d,%d) outside text of %d bytes: %w", layer, i, start, end, len(t), ErrSpan)
		}
		if !boundary(t, start) || !boundary(t, end) {
			return fmt.Errorf("%s[%d] [%d,%d) splits a UTF-8 character: %w", layer, i, start, end, ErrSpan)
		}
		if want != nil && t[start:end] != *want {
			return fmt.Errorf("%s[%d] [%d,%d) is %q, span says %q: %w", layer, i, start, end, t[start:end], *want, ErrSpan)
		}
		return nil
	}
	for i, s := range d.Segments {
		if err := span("segments", i, s.Start, s.End, nil); err != nil {
			return err
		}
	}
	if h := d.Header; h != nil {
		if err := span("header", 0, h.Start, h.End, nil); err != nil {
			return err
		}
	}
	for i, s := range d.Sentences {
		if err := span("sentences", i, s.Start, s.End, nil); err != nil {
			return err
		}
	}
	for i, r := range d.Removed {
		if err := span("removed", i, r.At, r.At, nil); err != nil {
			return err
		}
	}
	for i, m := range d.Mentions {
		if err := span("mentions", i, m.Start, m.End, &m.Text); err != nil {
			return err
		}
	}
	for i, m := range d.Times {
		if err := span("times", i, m.Start, m.End, &m.Text); err != nil {
			return err
		}
	}
	for i, m := range d.Quantities {
		if err := span("quantities", i, m.Start, m.End, &m.Text); err != nil {
			return err
		}
	}
	for i, m := range d.Claims {
		if err := span("claims", i, m.Start, m.End, &m.Text); err != nil {
			return err
		}
	}
	for i, m := range d.Events {
		var trig *string
		if m.Trigger != "" {
			trig = &m.Trigger
		}
		if err := span("events", i, m.Start, m.End, trig); err != nil {
			return err
		}
	}
	for i, w := range d.Warnings {
		if err := span("warnings", i, w.Start, w.End, nil); err != nil {
			return err
		}
	}
	for i, c := range d.Claims {
		for _, idx := range [][]int{c.Mentions, c.Times, c.Quantities} {
			for _, j := range idx {
				if j < 0 {
					return fmt.Errorf("claims[%d] has a negative layer index: %w", i, ErrSpan)
				}
			}
		}
		for _, j := range c.Mentions {
			if j >= len(d.Mentions) {
				return fmt.Errorf("claims[%d] names mention %d of %d: %w", i, j, len(d.Mentions), ErrSpan)
			}
		}
		for _, j := range c.Times {
			if j >= len(d.Times) {
				return fmt.Errorf("claims[%d] names time %d of %d: %w", i, j, len(d.Times), ErrSpan)
			}
		}
		for _, j := range c.Quantities {
			if j >= len(d.Quantities) {
				return fmt.Errorf("claims[%d] names quantity %d of %d: %w", i, j, len(d.Quantities), ErrSpan)
			}
		}
	}
	for i, e := range d.Events {
		if e.Claim != nil && (*e.Claim < 0 || *e.Claim >= len(d.Claims)) {
			return fmt.Errorf("events[%d] names claim %d of %d: %w", i, *e.Claim, len(d.Claims), ErrSpan)
		}
	}
	for i, tr := range d.Translations {
		if tr.A < 0 || tr.A >= len(d.Segments) || tr.B < 0 || tr.B >= len(d.Segments) {
			return fmt.Errorf("translations[%d] names a segment that does not exist: %w", i, ErrSpan)
		}
	}
	return nil
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || utf8.RuneStart(s[i])
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
