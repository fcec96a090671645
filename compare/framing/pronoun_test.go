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
