// Package doc is claimtrace's shared vocabulary: the claimtrace/v1 document
// contract that every pipeline stage reads and extends, the raw Input that
// ingest hands to the pipeline, and the helpers that keep the contract honest
// (ID, Check, the JSONL codec).
//
// It is a leaf: it imports only the standard library, so every stage, the
// store and the exporters can share it without import cycles. Offsets are
// byte offsets into Document.Text (UTF-8), so text[start:end] == span text
// always holds; Check verifies exactly that.
package doc

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Schema names the contract version written into every document. Bump it only
// when a field changes meaning; new fields are additive and keep the version.
const Schema = "claimtrace/v1"

// Format says how an Input's body is to be read.
type Format string

// The input formats ingest can recognise.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
)

// Input is one raw document as ingest found it, before extraction. It keeps
// where it came from (path and, for JSONL, line) so that every error and
// every output document can name its origin.
type Input struct {
	Path      string // file path, "-" for stdin
	Line      int    // 1-based line for JSONL input, 0 otherwise
	Format    Format // text or html
	Body      string // valid UTF-8 (ingest repairs or rejects invalid bytes)
	URL       string // optional, from JSONL
	Title     string // optional, from JSONL
	Published string // optional, from JSONL (ISO date or free text)
	Outlet    string // optional, from JSONL
	Author    string // optional, from JSONL
	// Warnings raised while reading (invalid UTF-8 repaired, NUL removed…).
	// Their offsets are not meaningful (the text does not exist yet), so
	// they use Start = End = 0 and say what was done in Detail.
	Warnings []Warning
}

// Origin names the input for messages: "path" or "path:line".
func (in Input) Origin() string {
	if in.Line > 0 {
		return in.Path + ":" + strconv.Itoa(in.Line)
	}
	return in.Path
}

// Document is one analysed document, the claimtrace/v1 contract. Fields are
// only ever added; readers must ignore fields they do not know.
type Document struct {
	Schema string `json:"schema"`
	// ID is the hex sha256 of Text: the same cleaned content is the same document.
	ID     string `json:"id"`
	Source Source `json:"source"`
	// Published is an ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all
	// that is known), or null. A year is never invented: a dateline without a
	// year leaves Published null and fills PublishedPartial.
	Published *string `json:"published"`
	// PublishedPartial holds a year-less dateline in ISO 8601 truncated form
	// ("--01-06"), with the time when given ("--01-06T15:23").
	PublishedPartial *string `json:"published_partial,omitempty"`
	Title            string  `json:"title"`
	// Header spans the scraped credit header or byline the source fields
	// were read from, when the text has one; it stays in the text but is
	// furniture, not content (no claims are taken from it).
	Header *Span `json:"header,omitempty"`
	// Lang is the language of the largest segment (ISO 639-1), "" if unknown.
	Lang         string        `json:"lang"`
	Text         string        `json:"text"`
	Removed      []Removal     `json:"removed"`
	Segments     []Segment     `json:"segments"`
	Sentences    []Span        `json:"sentences"`
	Translations []Translation `json:"translations"`
	Mentions     []Mention     `json:"mentions"`
	Times        []Time        `json:"times"`
	Quantities   []Quantity    `json:"quantities"`
	Claims       []Claim       `json:"claims"`
	Events       []Event       `json:"events"`
	Warnings     []Warning     `json:"warnings"`

	overlaps *overlapCache // lookup indexes over the layers; not serialised
}

// Source says where a document came from and who is credited for it.
type Source struct {
	Path   string  `json:"path"`
	Line   int     `json:"line,omitempty"`
	URL    *string `json:"url"`
	Outlet *string `json:"outlet"`
	Author *string `json:"author"`
	// Site is the site name from HTML metadata when it differs from the
	// credited outlet (a repost site), else omitted.
	Site *string `json:"site,omitempty"`
	// Format is the input format that was detected: text or html.
	Format Format `json:"format,omitempty"`
}

// Span is a half-open byte range into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Removal kinds: what the clean-up took out and why.
const (
	RemovedBoilerplate = "boilerplate" // comment forms, share/follow lines, URL slugs
	RemovedDuplicate   = "duplicate"   // a caption or line repeated verbatim
	RemovedSplice      = "splice"      // a paragraph pasted into another paragraph or word
	RemovedHeader      = "header"      // reserved: a header line moved into metadata
)

// Removal records one piece of text that the clean-up took out, so that
// nothing disappears silently. At is the byte offset in the cleaned Text
// where the removed piece used to stand; RawAt is its offset in the input
// body (or in the extracted HTML text) before clean-up.
type Removal struct {
	Kind   string `json:"kind"`
	Text   string `json:"text"`
	At     int    `json:"at"`
	RawAt  int    `json:"raw_at"`
	Reason string `json:"reason,omitempty"`
}

// Segment is a run of text in one language and script.
type Segment struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Lang   string `json:"lang"`   // ISO 639-1 ("und" when undetermined)
	Script string `json:"script"` // ISO 15924 (Latn, Arab, Cyrl, …)
}

// Translation links two segments that say the same thing in two languages;
// A and B index Document.Segments.
type Translation struct {
	A     int     `json:"a"`
	B     int     `json:"b"`
	Score float64 `json:"score"`
}

// Mention is a name in the text, resolved to a knowledge-base entity when
// possible (Entity nil otherwise).
type Mention struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Entity *string `json:"entity"`
	Name   string  `json:"name"`
	Type   string  `json:"type"`
	Fuzzy  bool    `json:"fuzzy"`
	Score  float64 `json:"score,omitempty"`
	// Lat and Lon are the entity's coordinates, for places.
	Lat *float64 `json:"lat,omitempty"`
	Lon *float64 `json:"lon,omitempty"`
	// Skeleton is true when the name only matched after look-alike letters
	// or invisible characters were folded away: a signal in itself.
	Skeleton bool `json:"skeleton,omitempty"`
}

// Time is a date or time expression normalised to ISO 8601.
type Time struct {
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Text         string `json:"text"`
	Value        string `json:"value"`
	Precision    string `json:"precision"` // day, month, year
	InferredYear bool   `json:"inferred_year"`
	// Relative is true for expressions resolved against the publication
	// date ("yesterday", "donderdag", "منذ 3 أيام").
	Relative bool `json:"relative,omitempty"`
}

// Quantity is a number with its meaning.
type Quantity struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   string   `json:"text"`
	Value  *float64 `json:"value"`
	Min    *float64 `json:"min"`
	Max    *float64 `json:"max"`
	Approx bool     `json:"approx"`
	Unit   *string  `json:"unit"`
	Of     *string  `json:"of"`
	// Class says what the number counts when a cue tells: killed, wounded,
	// captured, escaped, surrendered, displaced, held, transferred,
	// attackers, missing.
	Class *string `json:"class,omitempty"`
}

// Attribution says on whose word a claim is made.
type Attribution struct {
	Text   string  `json:"text"`
	Type   string  `json:"type"` // named_person, official_body, media_outlet, anonymous, document, author
	Entity *string `json:"entity"`
}

// Claim is a check-worthy statement with its source and hedging.
type Claim struct {
	Start       int          `json:"start"`
	End         int          `json:"end"`
	Text        string       `json:"text"`
	Attribution *Attribution `json:"attribution"`
	Hedge       *string      `json:"hedge"`
	Score       float64      `json:"score"`
	// Chain lists the further sources a claim is relayed through, nearest
	// speaker first after Attribution ("Sputnik, citing SDF insiders").
	Chain []Attribution `json:"chain,omitempty"`
	// Kind is fact, accusation, causal, number, prediction or opinion.
	Kind string `json:"kind,omitempty"`
	// Mentions, Times and Quantities index the document's layers of those
	// names inside the claim.
	Mentions   []int `json:"mentions,omitempty"`
	Times      []int `json:"times,omitempty"`
	Quantities []int `json:"quantities,omitempty"`
	// Features are the named check-worthiness features and their weights,
	// so a score can be explained.
	Features map[string]float64 `json:"features,omitempty"`
	// Insinuation marks a rhetorical question that suggests a claim.
	Insinuation bool `json:"insinuation,omitempty"`
}

// Event is an ACLED-like event record.
type Event struct {
	// Type is ACLED's event type in snake case (battles,
	// explosions_remote_violence, violence_against_civilians, protests,
	// riots, strategic_developments); SubType its sub-event type.
	Type    string `json:"type"`
	SubType string `json:"sub_type,omitempty"`
	// EventType and SubEventType are ACLED's own labels for Type and
	// SubType ("Explosions/Remote violence", "Suicide bomb"), so records
	// can be compared with ACLED data as they are.
	EventType    string `json:"event_type,omitempty"`
	SubEventType string `json:"sub_event_type,omitempty"`
	// Start and End span the trigger (the word that names the event).
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Trigger    string   `json:"trigger,omitempty"`
	Actors     []string `json:"actors"`
	Targets    []string `json:"targets"`
	Location   *string  `json:"location"`
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
	Time       *string  `json:"time"`
	Fatalities *int     `json:"fatalities"`
	// TimeInferred is true when the date came from the publication date,
	// not from the sentence or paragraph.
	TimeInferred bool `json:"time_inferred,omitempty"`
	// Claim indexes Document.Claims: the statement the event comes from,
	// whose attribution and hedge it carries (an alleged event stays alleged).
	Claim       *int         `json:"claim,omitempty"`
	Attribution *Attribution `json:"attribution,omitempty"`
	Hedge       *string      `json:"hedge,omitempty"`
	Alleged     bool         `json:"alleged,omitempty"`
}

// Warning kinds: what the input hides, fakes or had repaired.
const (
	WarnBidi        = "bidi_control"
	WarnInvisible   = "invisible"
	WarnMixedScript = "mixed_script"
	WarnConfusable  = "confusable"
	WarnInvalidUTF8 = "invalid_utf8" // bytes that were not UTF-8, replaced by U+FFFD
	WarnNUL         = "nul"          // NUL bytes removed from a text file
	WarnTruncated   = "truncated"    // reserved
)

// Warning reports something in the input a reader should know about. Where
// it points into Text, Start/End are byte offsets; warnings raised before
// the text existed (ingest repairs) have Start = End = 0 and a Detail.
type Warning struct {
	Kind       string   `json:"kind"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Codepoints []string `json:"codepoints,omitempty"`
	Detail     string   `json:"detail,omitempty"`
}

// ID returns the document identity for a cleaned text: hex sha256.
func ID(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// Str returns a pointer to s, or nil for the empty string, for the
// contract's nullable string fields.
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// New returns an empty document for text with every layer present as an
// empty array (never null), so consumers can iterate without checks.
func New(text string) *Document {
	return &Document{
		Schema:       Schema,
		ID:           ID(text),
		Text:         text,
		Removed:      []Removal{},
		Segments:     []Segment{},
		Sentences:    []Span{},
		Translations: []Translation{},
		Mentions:     []Mention{},
		Times:        []Time{},
		Quantities:   []Quantity{},
		Claims:       []Claim{},
		Events:       []Event{},
		Warnings:     []Warning{},
	}
}
