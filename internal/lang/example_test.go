package lang_test

import (
	"fmt"

	"github.com/claimtrace/claimtrace/internal/lang"
	"github.com/claimtrace/claimtrace/internal/lexicon"
)

func ExampleDetector_Segments() {
	lex, err := lexicon.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := lang.New(lang.DefaultConfig(), lex)
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Dr. Haddad told Reuters that the convoy was attacked near the border on Tuesday. Two soldiers were wounded.\n\n" +
		"قال د. حداد لرويترز إنّ القافلة تعرضت لهجوم قرب الحدود يوم الثلاثاء. وأصيب جنديان."
	segs := d.Segments(text)
	for _, s := range segs {
		fmt.Println(s.Lang, s.Script)
	}
	for _, s := range d.Sentences(text, segs) {
		fmt.Println(text[s.Start:s.End])
	}
	fmt.Println(lang.Majority(text, segs))
	// Output:
	// en Latn
	// ar Arab
	// Dr. Haddad told Reuters that the convoy was attacked near the border on Tuesday.
	// Two soldiers were wounded.
	// قال د. حداد لرويترز إنّ القافلة تعرضت لهجوم قرب الحدود يوم الثلاثاء.
	// وأصيب جنديان.
	// en
}
