package framing_test

import (
	"fmt"

	"parallax/compare"
	"parallax/compare/framing"
)

func ExampleAnalyze() {
	text := "“Nothing will stop us,” Mr. Netanyahu said. " +
		"The Israeli military has killed more than 22,0000 Palestinians, according to the Gaza health ministry."
	a := compare.Article{ID: "nyt", Outlet: "The New York Times", Text: text}
	r := framing.Analyze(compare.Parse(a), text, nil)
	for _, q := range r.Quotes {
		fmt.Printf("%s: %q (%d words)\n", q.Name, q.Text, q.Words)
	}
	for _, n := range r.Numbers {
		fmt.Printf("%s %s %s, %s: %s\n", n.Qualifier, n.Text, n.Counts, n.Source, n.Suspect)
	}
	// Output:
	// Netanyahu: "Nothing will stop us," (4 words)
	// more than 22,0000 Palestinians, the Gaza health ministry: "22,0000" has a group of 4 digits after a comma, not 3: a typo for 22,000 or 220,000?
}
