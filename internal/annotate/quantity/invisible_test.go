package quantity

import "testing"

// TestInvisibleInNumbers: format characters inside numbers and words
// (pasted ZWSP, soft hyphens, word joiners, bidi marks) do not split them;
// spans still cover the original bytes.
func TestInvisibleInNumbers(t *testing.T) {
	s := newStage(t)
	tests := []struct {
		text, lang string
		want       float64
	}{
		{"ongeveer 3\u200B500 strijders", "nl", 3500},
		{"ongeveer 3.\u200B500 strijders", "nl", 3500},
		{"about 3,5\u200D00 fighters", "en", 3500},
		{"about 3\u2060500 fighters", "en", 3500},
		{"فرّ \u2066٣٬٥٠٠\u2069 سجين", "ar", 3500},
		{"около 3\uFEFF500 боевиков", "ru", 3500},
	}
	for _, tc := range tests {
		qs := s.Find(tc.text, tc.lang)
		if err := checkSpans(tc.text, qs); err != nil {
			t.Errorf("%q: %v", tc.text, err)
		}
		if len(qs) != 1 || qs[0].Value == nil || *qs[0].Value != tc.want {
			t.Errorf("Find(%q) = %v, want one quantity %v", tc.text, qs, tc.want)
		}
	}
	// A trailing invisible character is not part of the number.
	if qs := s.Find("3500\u200B.", "en"); len(qs) != 1 || qs[0].Text != "3500" {
		t.Errorf("Find(3500+ZWSP) = %+v", qs)
	}
	// Nor does a soft hyphen split a month name from its day.
	if qs := s.Find("20 янв\u00ADаря 2022 года", "ru"); len(qs) != 0 {
		t.Errorf("date with a soft hyphen read as quantities: %+v", qs)
	}
}
