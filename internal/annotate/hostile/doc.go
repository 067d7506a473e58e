// Package hostile is the "unicode" stage: it reports what a text hides or
// fakes with Unicode, without changing it. Scraped and pasted news carries
// zero-width spaces, soft hyphens and BOMs inside words; people who want to
// slip past a keyword filter write "Dаesh" with a Cyrillic а or "ΙSIS" with
// a Greek Iota; bidi controls make a number or a name display differently
// from its bytes (CVE-2021-42574, "Trojan Source"). textnorm keys already
// see through all of this for matching; this stage says that it happened,
// which is a signal for a fact-checker in itself.
//
// # What is flagged
//
// Warnings go to Document.Warnings with byte offsets into Text and the
// offending code points written "U+202E":
//
//   - bidi_control: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C.
//     Adjacent controls form one warning; Detail names them ("RLO PDF") and
//     says when embeddings or isolates are left open at the end of a line,
//     the Trojan Source pattern.
//   - invisible: format characters (category Cf) and other invisible
//     characters inside text: ZWSP, word joiner, BOM after the start, soft
//     hyphen, combining grapheme joiner, tag characters, Hangul fillers,
//     invisible operators, ZWNJ and ZWJ outside the places they are
//     spelling, and variation selectors that do not follow an emoji, a
//     symbol or a Han ideograph. One warning per word holding them; its span
//     is the word (or the run of invisible characters between words).
//   - mixed_script: a word with letters of two or more of Latin, Cyrillic,
//     Greek, Arabic, Hebrew, Armenian and Georgian. Codepoints are the
//     letters of the minority scripts. Digits have no script: "T4",
//     "COVID-19" and an Arabic word with a Latin digit are not mixed.
//   - confusable: a mixed-script word whose textnorm.Skeleton differs from
//     it ("Dаesh" → "Daesh"), on the same span, with "skeleton: Daesh" in
//     Detail; and a whole word of Cyrillic or Greek look-alikes ("ІЅІЅ")
//     inside a segment that the language stage found to be Latin script.
//
// # What is deliberately not flagged
//
//   - ZWNJ and ZWJ next to a letter of Arabic script (Persian "می‌گوید",
//     Sorani and Urdu words) or of an Indic script, where they are spelling.
//   - ZWJ between emoji (👩‍👩‍👧), variation selectors after emoji and
//     symbols (❤️) or in keycaps (1️⃣), tag characters in an emoji flag
//     sequence (🏴 + tags + cancel tag).
//   - A BOM at offset 0; the prepended concatenation marks U+0600–U+0605,
//     U+06DD, U+070F, U+0890, U+0891, U+08E2, U+110BD, U+110CD, which are
//     visible signs.
//   - Arabic tashkeel and tatweel (داعـــش, دَاعِش): they are visible, and
//     quotations keep them on purpose; keys fold them.
//   - Japanese, Korean and Chinese mixing of Han, kana, Hangul and Latin,
//     and any mix with a script outside the list above.
//   - Spaces of other widths (NBSP, thin space): visible as space.
package hostile
