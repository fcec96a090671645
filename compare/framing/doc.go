// Package framing names how outlets word the same events differently: the labels
// they use for actors and events, how they source claims, whom they quote and at what
// length, which numbers they give, and where in the article a claim appears.
//
// It shows evidence, not verdicts: every finding carries a byte span into the article
// text so a reader can see the words. The word lists live in a JSON lexicon embedded
// in the package (see Default) and can be extended by the user (see Load).
//
// Analyze reads one article. Compare takes a compare.Result (and the articles, for
// their texts) and sets the reports side by side: per shared claim (members, where each
// outlet places it, labels per actor, numbers with dates), per actor, per speaker and
// per article (what only it reports). All results are plain types with JSON tags.
package framing
