package textnorm_test

import (
	"fmt"

	"github.com/claimtrace/claimtrace/internal/textnorm"
)

func ExampleKey() {
	// Spellings of the same names in different transliterations and scripts.
	for _, s := range []string{
		"Dā‘iš", "Daish",
		"al-Ḥasaka", "Al Hasaka",
		"Ğayš", "Jaysh",
		"Erdoğan",
		"الحَسَكَة", "داعـــش", "مدرسة",
		"۳۵۰۰", "Ｉｓｌａｍ", "İstanbul", "Straße",
	} {
		fmt.Printf("%s → %s\n", s, textnorm.Key(s))
	}
	// Output:
	// Dā‘iš → daish
	// Daish → daish
	// al-Ḥasaka → al hasaka
	// Al Hasaka → al hasaka
	// Ğayš → jaysh
	// Jaysh → jaysh
	// Erdoğan → erdogan
	// الحَسَكَة → الحسكه
	// داعـــش → داعش
	// مدرسة → مدرسه
	// ۳۵۰۰ → 3500
	// Ｉｓｌａｍ → islam
	// İstanbul → istanbul
	// Straße → strasse
}

func ExampleFold() {
	src := "Fighters of Dā‘iš attacked al-Ḥasaka."
	f := textnorm.Fold(src)
	fmt.Println(f.Key)

	// Find a name in the key, then report it in the source.
	for _, w := range textnorm.Words(f.Key) {
		if w.Text == "daish" || w.Text == "hasaka" {
			start, end := f.Span(w.Start, w.End)
			fmt.Printf("%s at %d:%d is %q\n", w.Text, start, end, src[start:end])
		}
	}
	// Output:
	// fighters of daish attacked al hasaka.
	// daish at 12:21 is "Dā‘iš"
	// hasaka at 34:42 is "Ḥasaka"
}

func ExampleStripArticle() {
	for _, s := range []string{"al-Ḥasaka", "الحسكة", "ash-Shām", "Alabama"} {
		fmt.Println(textnorm.StripArticle(textnorm.Key(s)))
	}
	// Output:
	// hasaka
	// حسكه
	// sham
	// alabama
}

func ExampleDigits() {
	fmt.Println(textnorm.Digits("قُتل ٣٬٥٠٠ شخص، أي ٣٫٥ ألف"))
	// Output: قُتل 3,500 شخص، أي 3.5 ألف
}

func ExampleWords() {
	for _, w := range textnorm.Words(textnorm.Key("قال: الحسكة (Syria)")) {
		fmt.Printf("%d:%d %s\n", w.Start, w.End, w.Text)
	}
	// Output:
	// 0:6 قال
	// 8:20 الحسكه
	// 22:27 syria
}
