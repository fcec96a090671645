package framing

import "testing"

// council is written in the style of The New York Times, which gives every person an
// honorific after the first mention: "Mr." and "Ms." say who "he" and "she" are.
const council = `Council votes to close the shelter

Mayor Eric Adams defended the decision on Tuesday. “We cannot keep a building open that is falling apart,” he said.

Ms. Rivera, who runs the shelter, was not persuaded. “They have said that for ten years,” she said.

Mr. Adams did not answer. “The money is there,” she added.
`

// TestPronounAgrees checks that "she said" is never given to a man and "he said" never
// to a woman the article titles as one: a pronoun takes the most recent speaker who
// can be its antecedent, and no speaker where none can.
func TestPronounAgrees(t *testing.T) {
	tests := []struct {
		name, text, quote, want string
	}{
		{"he: the last speaker", council, "We cannot keep", "Eric Adams"},
		{"she: not the man quoted before", council, "They have said", "Rivera"},
		{"she: past a man named since", council, "The money is there", "Rivera"},
		{"she: no woman to be", "Budget\n\nMr. Lee presented the budget. “It is balanced,” she said.\n", "It is balanced", ""},
		{"he: unknown gender still", "Budget\n\nSenator Kim Lee presented the budget. “It is balanced,” he said.\n", "It is balanced", "Kim Lee"},
		{"mr and mrs: either", "Budget\n\nMr. Lee and Mrs. Lee came. Lee spoke first. “It is balanced,” she said.\n", "It is balanced", "Lee"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quoteOf(t, analyzeText(t, tt.text), tt.quote)
			if q.Name != tt.want {
				t.Errorf("quote %q: speaker %q (key %q, via %q), want %q", tt.quote, q.Name, q.Key, q.Via, tt.want)
			}
		})
	}
}

// TestQuoteAcrossParagraphs checks a quotation of several paragraphs as news style
// writes it: each paragraph opens with a quotation mark, only the last closes, and the
// speaker is named there; the open paragraphs are the same speaker's.
func TestQuoteAcrossParagraphs(t *testing.T) {
	const flood = "Flood\n\n“We lost everything in the water. Our house, our car, our photographs.\n\n“The insurance will not pay for any of it.\n\n“Nobody came to help us for three days,” said Maria Lopez, a resident.\n\n“It was a giveaway.\n\nThe mayor toured the damage on Monday. “We will rebuild,” Mayor Jane Alvarez said.\n"
	tests := []struct {
		name, quote, want, via string
	}{
		{"the paragraph before the named one", "The insurance will not pay", "Maria Lopez", "paragraph"},
		{"two paragraphs before", "We lost everything", "Maria Lopez", "paragraph"},
		{"the named paragraph itself", "Nobody came", "Maria Lopez", "after"},
		{"an open paragraph after the named one goes on", "It was a giveaway", "Maria Lopez", "continued"},
		{"narration opens the next paragraph", "Get out now", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := flood
			if tt.quote == "Get out now" {
				text = "Rain\n\nThe river rose overnight.\n\n“Get out now.\n\nThe mayor toured the damage on Monday. “We will rebuild,” Mayor Jane Alvarez said.\n"
			}
			q := quoteOf(t, analyzeText(t, text), tt.quote)
			if q.Name != tt.want || q.Via != tt.via {
				t.Errorf("quote %q: speaker %q via %q, want %q via %q", tt.quote, q.Name, q.Via, tt.want, tt.via)
			}
		})
	}
}
