// Package extract turns a raw input (plain text or HTML) into the cleaned
// text of a claimtrace document and its source metadata: title, outlet,
// author, publication date, and a record of everything the clean-up took out.
//
// HTML goes through go-trafilatura (main content and metadata from meta
// tags, JSON-LD and visible dates), never a hand-written tag stripper. Both
// HTML-derived and plain text then pass the same clean-up (Cleaner): URL
// slugs and trailing comment-form or share boilerplate, captions and lines
// repeated verbatim, and paragraphs spliced into other paragraphs or words.
// Nothing is removed silently: every cut is a doc.Removal with its kind,
// text and position. Scraped credit headers and bylines ("Bron: …",
// "Source: …", "المصدر: …") fill the source fields (HeaderParser) but stay
// in the text, since they carry names a reader may want to check.
//
// The package knows nothing of language detection or annotation; it only
// prepares the text later stages read.
package extract
