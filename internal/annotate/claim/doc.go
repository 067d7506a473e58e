// Package claim is the pipeline stage that fills a document's claims: every
// sentence, or clause when a sentence has clauses said on different
// words, that asserts something checkable — who did what, numbers, dates,
// accusations, causal links — with its attribution (from attrib; "author"
// when none), hedge, the mentions, times and quantities inside it, a kind
// (fact, accusation, causal, number, prediction, opinion) and a
// check-worthiness score from 0 to 1.
//
// The score is a sum of named features (see the table in features.go and
// DefaultWeights), clamped to [0,1]; the features that fired are written
// into Claim.Features so that a reader can see why. Sentences scoring below
// Config.MinScore are left out.
//
// Rhetorical questions are not claims. With Config.EmitQuestions they are
// emitted with Kind "question" and Insinuation true, whatever their score,
// because the insinuation is what a fact-checker wants to see; consumers
// that count claims filter that kind out.
//
// Speakers carry across sentences in three cases: a speech cue ending in a
// colon ("Richard Spencer wrote:") gives the next paragraph to the speaker;
// an opened quotation stays the speaker's until it closes; a continuation
// ("adding that", "werd benadrukt") or a pronoun subject ("he said") takes
// the previous speaker. A speaker carried over a sentence that names its own
// source becomes the nearest speaker and the named source joins the chain
// ("Kan reported: an Israeli source reveals …" → Kan, chain [source]).
package claim
