// Package attrib finds on whose word a sentence or clause is said: the
// reporting cue ("said", "volgens", "بحسب", "selon", "laut"), the source
// phrase on either side of it, typed as named_person, official_body,
// media_outlet, anonymous, document or author (no cue: the author's own
// assertion), the chain of sources the nearest speaker relays ("Sputnik,
// citing SDF insiders"), and the hedge cue as written ("reportedly", "naar
// verluidt", "على الأرجح").
//
// Everything it knows about languages is data in internal/lexicon:
// report_verbs.txt (cue words and their role), source_nouns.txt and
// anonymous_sources.txt (nouns that type a source), hedges.txt and the
// existing outlet_words.txt. Lists are matched on textnorm keys, so case,
// diacritics, Arabic letter forms and tashkeel do not matter; casing is kept
// separately as evidence for names.
//
// Typing uses, in order: entity mentions of the document (PERSON, OUTLET,
// ORG/GPE) when an earlier stage has filled them; list nouns ("the
// ministry", "een bron", "وكالة"); then the shape of capitalised names (two
// or more capitalised words are a person unless they hold an outlet or body
// word; an acronym is a body; "Name (ACR)" is a body; a lone capitalised word
// is weak evidence of a person, overridden by an apposition). Without
// mentions it still types most sources; with them it also links the entity.
//
// The package does not decide scope across sentences (a colon that
// introduces a quotation, "he added"): Result reports Introduces, Continues
// and Pronoun so that the claim stage can carry a speaker forward. It never
// rules on truth.
package attrib
