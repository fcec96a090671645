package compare

// Split cuts text into sentences. Offsets are byte offsets into text; Index is the
// position in the returned slice and Role is RoleBody.
// TEMPORARY STUB: splits after ". ".
func Split(text string) []Sentence {
	var out []Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '.' && (i+1 == len(text) || text[i+1] == ' ') {
			out = append(out, Sentence{Index: len(out), Text: text[start : i+1], Start: start, End: i + 1, Role: RoleBody})
			start = i + 2
		}
	}
	if start < len(text) {
		out = append(out, Sentence{Index: len(out), Text: text[start:], Start: start, End: len(text), Role: RoleBody})
	}
	return out
}
