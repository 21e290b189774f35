// Package search is the client-side search of the pattern explorer. It runs in
// the WASM app on every keystroke.
//
// It has two halves. At build time the compiler calls [Vocabulary] (which uses
// [Tokens], the one tokenizer) to fill corpus.Corpus.Words. At run time the app
// calls [New] once to build an [Index] (folded keys for titles, aliases,
// variant names, building blocks and tags, a word-start index for one- and
// two-letter queries, the text vocabulary and the typo vocabulary), then opens
// a [Session] per user and calls [Session.Query] on every keystroke. A session
// remembers the matches of the words it has seen, so a query that extends the
// previous one only re-checks the previous matches.
//
// Matching is case- and accent-insensitive: keys and queries are lower-cased
// and Latin letters lose their diacritics ("Über" is found by "uber"), while
// hits show the original string with highlight ranges given as byte offsets
// into it, always on UTF-8 boundaries.
package search
