package compare

// Block is a stretch of an article's text with one role, as found by Clean.
// Start and End are byte offsets into the text given to Clean.
type Block struct {
	Role  Role
	Start int
	End   int
}

// Cleaned is what Clean finds in an article: the blocks of text to split into
// sentences, the headline and subhead if the text carries them, and the debris set aside.
type Cleaned struct {
	Headline string
	Subhead  string
	Blocks   []Block
	Debris   []Debris
}

// Clean finds the article body in text and sets page debris aside.
// TEMPORARY STUB: every non-empty line is a body block.
func Clean(text string) Cleaned {
	var c Cleaned
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if i > start {
				c.Blocks = append(c.Blocks, Block{Role: RoleBody, Start: start, End: i})
			}
			start = i + 1
		}
	}
	return c
}
