package workspace

import (
	"bufio"
	"fmt"
	"sort"
	"strings"

	"parallax/compare"
	"parallax/compare/framing"
)

// claimNotes returns the framing lines shown under a claim: where each outlet puts it,
// the labels outlets give the same actor, and the numbers side by side.
func claimNotes(docs map[string]*compare.Document, cf *framing.ClaimFraming) []string {
	if cf == nil {
		return nil
	}
	var notes []string
	notes = append(notes, "where: "+where(docs, cf.Coverage))
	for _, al := range cf.Labels {
		if !al.Differ {
			continue
		}
		notes = append(notes, fmt.Sprintf("%s is called: %s", al.Actor, labelUses(docs, al.Uses)))
	}
	for _, g := range cf.Numbers {
		if len(g.Values) < 2 && g.Values[0].Suspect == "" {
			continue
		}
		var vals []string
		for _, v := range g.Values {
			vals = append(vals, numberUse(docs, v))
		}
		head := "numbers"
		if g.Counts != "" {
			head = "numbers (" + g.Counts + ")"
		}
		if g.Differ {
			head += ", differ"
		}
		notes = append(notes, head+": "+strings.Join(vals, " · "))
	}
	return notes
}

// where groups the outlets by where they place the claim, most prominent first:
// "lead: AP, CNN; last third: The Times of Israel; not reported: The New York Times".
func where(docs map[string]*compare.Document, coverage []framing.Cell) string {
	var parts []string
	for _, p := range framing.Positions {
		var outlets []string
		for _, c := range coverage {
			if c.Position == p {
				outlets = append(outlets, Label(docs[c.Doc]))
			}
		}
		if len(outlets) > 0 {
			parts = append(parts, p.Words()+": "+strings.Join(outlets, ", "))
		}
	}
	return strings.Join(parts, "; ")
}

// labelUses lists the terms per article: “militant group”, “attack” (AP); …
func labelUses(docs map[string]*compare.Document, uses []framing.LabelUse) string {
	var order []string
	terms := map[string][]string{}
	for _, u := range uses {
		term := quoteText(u.Term)
		if u.Quoted == u.Count {
			term += " in a quotation"
		}
		if terms[u.Doc] == nil {
			order = append(order, u.Doc)
		}
		terms[u.Doc] = append(terms[u.Doc], term)
	}
	var parts []string
	for _, d := range order {
		parts = append(parts, fmt.Sprintf("%s (%s)", strings.Join(terms[d], ", "), Label(docs[d])))
	}
	return strings.Join(parts, "; ")
}

func numberUse(docs map[string]*compare.Document, v framing.NumberUse) string {
	s := v.Text
	if v.Qualifier != "" {
		s = v.Qualifier + " " + s
	}
	s = quoteText(s) + " " + Label(docs[v.Doc])
	if v.Source != "" {
		s += ", " + sourceWords(v.Source, v.Kind)
	}
	if len(v.Caveats) > 0 {
		s += ", with the caveat " + quoteText(strings.Join(v.Caveats, "; "))
	}
	if v.Suspect != "" {
		s += " [check: " + v.Suspect + "]"
	}
	return s
}

func sourceWords(src string, k framing.Kind) string {
	if k == framing.Anonymous {
		return "unnamed source: " + src
	}
	return "source: " + src
}

func quoteText(s string) string { return "“" + oneLine(s) + "”" }

// writeFramingText writes the per-article framing, labels by actor and voices.
func writeFramingText(b *bufio.Writer, docs map[string]*compare.Document, fr *framing.Comparison) {
	b.WriteString("Framing by article\n\n")
	for i, a := range fr.Articles {
		d := docs[a.Doc]
		cv := fr.Coverage[i]
		fmt.Fprintf(b, "%s\n", Label(d))
		s := a.Sourcing
		fmt.Fprintf(b, "  sourcing: %d of %s attributed (%.0f%%); %d named and %s; %s, %s\n",
			s.Attributed, Count(a.Sentences, "sentence", "sentences"), 100*s.Share, s.Named, Count(s.Anonymous, "unnamed source", "unnamed sources"),
			Count(s.Hedges, "hedge", "hedges"), Count(s.Caveats, "caveat", "caveats"))
		if v := voicesLine(a.Voices, 5); v != "" {
			fmt.Fprintf(b, "  quoted: %s\n", v)
		}
		if len(cv.Speakers) > 0 {
			fmt.Fprintf(b, "  quoted by this outlet only: %s\n", strings.Join(VoiceNames(fr, cv.Speakers), ", "))
		}
		if l := labelsLine(a.Labels, 8); l != "" {
			fmt.Fprintf(b, "  labels: %s\n", l)
		}
		for _, n := range a.Numbers {
			if n.Suspect != "" {
				fmt.Fprintf(b, "  check number: %s\n", n.Suspect)
			}
		}
		fmt.Fprintf(b, "  shared claims: %d (lead %d, first third %d, middle %d, last third %d); %s only here; misses %s others report\n\n",
			cv.Claims, cv.Lead, cv.FirstThird, cv.Middle, cv.Buried, Count(len(cv.Only), "sentence", "sentences"), Count(len(cv.Missing), "claim", "claims"))
	}
	if len(fr.Actors) > 0 {
		b.WriteString("Labels by actor\n")
		for _, al := range fr.Actors {
			fmt.Fprintf(b, "  %s: %s\n", al.Actor, labelUses(docs, al.Uses))
		}
		b.WriteString("\n")
	}
	if len(fr.Voices) > 0 {
		b.WriteString("Voices across articles\n")
		for _, v := range fr.Voices {
			fmt.Fprintf(b, "  %s: %s, %s%s\n", v.Name, Count(v.Quotes, "quotation", "quotations"), Count(v.Words, "word", "words"), byLine(docs, v))
		}
		b.WriteString("\n")
	}
}

// writeFramingMarkdown is writeFramingText as Markdown.
func writeFramingMarkdown(b *bufio.Writer, docs map[string]*compare.Document, fr *framing.Comparison) {
	b.WriteString("## Framing\n\n| Article | Attributed | Named / unnamed sources | Hedges / caveats | Most quoted | Claims in lead / last third | Only here |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for i, a := range fr.Articles {
		cv := fr.Coverage[i]
		s := a.Sourcing
		fmt.Fprintf(b, "| %s | %d of %d (%.0f%%) | %d / %d | %d / %d | %s | %d / %d | %s |\n",
			mdCell(Label(docs[a.Doc])), s.Attributed, a.Sentences, 100*s.Share, s.Named, s.Anonymous, s.Hedges, s.Caveats,
			mdCell(voicesLine(a.Voices, 2)), cv.Lead, cv.Buried, Count(len(cv.Only), "sentence", "sentences"))
	}
	b.WriteString("\n")
	var checks []string
	for _, a := range fr.Articles {
		for _, n := range a.Numbers {
			if n.Suspect != "" {
				checks = append(checks, fmt.Sprintf("- **%s**: %s", mdText(Label(docs[a.Doc])), mdText(n.Suspect)))
			}
		}
	}
	if len(checks) > 0 {
		b.WriteString("### Numbers to check\n\n" + strings.Join(checks, "\n") + "\n\n")
	}
	if len(fr.Actors) > 0 {
		b.WriteString("### Labels by actor\n\n")
		for _, al := range fr.Actors {
			fmt.Fprintf(b, "- **%s**: %s\n", mdText(al.Actor), mdText(labelUses(docs, al.Uses)))
		}
		b.WriteString("\n")
	}
	if len(fr.Voices) > 0 {
		b.WriteString("### Voices\n\n| Speaker | Quotations | Words | Quoted by |\n| --- | --- | --- | --- |\n")
		for _, v := range fr.Voices {
			fmt.Fprintf(b, "| %s | %d | %d | %s |\n", mdCell(v.Name), v.Quotes, v.Words, mdCell(strings.TrimPrefix(byLine(docs, v), "; ")))
		}
		b.WriteString("\n")
	}
	if len(fr.Glossary) > 0 {
		b.WriteString("### Why these words matter\n\n")
		for _, e := range fr.Glossary {
			if e.Term == "" {
				fmt.Fprintf(b, "- **%s**: %s\n", mdText(e.Name), mdText(e.Note))
			} else {
				fmt.Fprintf(b, "  - “%s”: %s\n", mdText(e.Term), mdText(e.Note))
			}
		}
		b.WriteString("\n")
	}
}

func voicesLine(vs []framing.Voice, n int) string {
	var parts []string
	for i, v := range vs {
		if i == n {
			parts = append(parts, fmt.Sprintf("%d more", len(vs)-n))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", v.Name, Count(v.Words, "word", "words")))
	}
	return strings.Join(parts, ", ")
}

// labelsLine lists the terms an article uses, most used first, own voice only.
func labelsLine(ls []framing.Label, n int) string {
	count := map[string]int{}
	var order []string
	for _, l := range ls {
		if l.Quoted || l.Category == "hedge" || l.Category == "caveat" {
			continue
		}
		if count[l.Term] == 0 {
			order = append(order, l.Term)
		}
		count[l.Term]++
	}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	var parts []string
	for i, t := range order {
		if i == n {
			parts = append(parts, "…")
			break
		}
		if count[t] > 1 {
			parts = append(parts, fmt.Sprintf("%s ×%d", t, count[t]))
		} else {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, ", ")
}

// VoiceNames names the speakers with the keys, as Voices does, an unnamed source marked
// so: "senior State Department official (unnamed)".
func VoiceNames(fr *framing.Comparison, keys []string) []string {
	var out []string
	for _, k := range keys {
		for _, v := range fr.Voices {
			switch {
			case v.Key != k:
			case v.Anonymous:
				out = append(out, v.Name+" (unnamed)")
			default:
				out = append(out, v.Name)
			}
		}
	}
	return out
}

func byLine(docs map[string]*compare.Document, v framing.Speaker) string {
	var parts []string
	for _, u := range v.By {
		parts = append(parts, fmt.Sprintf("%s %d", Label(docs[u.Doc]), u.Words))
	}
	s := "; " + strings.Join(parts, ", ")
	if v.Only != "" {
		s += " (only this outlet)"
	}
	return s
}
