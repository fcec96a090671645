package compare

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

func TestClean(t *testing.T) {
	type found struct {
		kind DebrisKind
		text string
	}
	tests := []struct {
		name     string
		text     string
		headline string
		subhead  string
		debris   []found
		roles    map[string]Role // sentence text → role
	}{
		{
			name: "cnn page",
			text: "Middle East\n\nBlinken set for crucial meetings in Israel\n\nBy Jennifer Hansler, CNN\n\nCNN\u00a0 —\u00a0\n\n" +
				"Blinken is in Israel Wednesday.\n\nTalks not expected to be easy\n\nThe talks began.\n\nRelated Articles\n\nBack to top button",
			headline: "Blinken set for crucial meetings in Israel",
			debris: []found{{DebrisSection, "Middle East"}, {DebrisByline, "By Jennifer Hansler, CNN"},
				{DebrisDateline, "CNN\u00a0 —"}, {DebrisNavigation, "Related Articles"}, {DebrisNavigation, "Back to top button"}},
			roles: map[string]Role{"Blinken set for crucial meetings in Israel": RoleHeadline,
				"Blinken is in Israel Wednesday.": RoleBody, "Talks not expected to be easy": RoleSubhead},
		},
		{
			name: "captions, credits and a repeated caption",
			text: "Blinken meets war leadership\n\nBiden dispatches secretary of state to verify a reduction in fighting\n\n" +
				"Lazar Berman is The Times of Israel's diplomatic reporter\n\n" +
				"Netanyahu meets Blinken in Tel Aviv, January 9, 2024. (Kobi Gideon/GPO)\n" +
				"Netanyahu meets Blinken in Tel Aviv, January 9, 2024. (Kobi Gideon/GPO)\n\n" +
				"Senior Israeli leaders met Blinken on Tuesday.\n\nA man in Rafah, on December 13, 2023. (MAHMUD HAMS / AFP)\n\n" +
				"Emanuel Fabian and Jacob Magid contributed to this report.\n\nMost Popular\nread more:",
			headline: "Blinken meets war leadership",
			subhead:  "Biden dispatches secretary of state to verify a reduction in fighting",
			debris: []found{{DebrisByline, "Lazar Berman is The Times of Israel's diplomatic reporter"},
				{DebrisCredit, "(Kobi Gideon/GPO)"},
				{DebrisDuplicate, "Netanyahu meets Blinken in Tel Aviv, January 9, 2024. (Kobi Gideon/GPO)"},
				{DebrisCredit, "(MAHMUD HAMS / AFP)"},
				{DebrisContributors, "Emanuel Fabian and Jacob Magid contributed to this report."},
				{DebrisNavigation, "Most Popular"}, {DebrisNavigation, "read more:"}},
			roles: map[string]Role{"Netanyahu meets Blinken in Tel Aviv, January 9, 2024.": RoleCaption,
				"A man in Rafah, on December 13, 2023.": RoleCaption, "Senior Israeli leaders met Blinken on Tuesday.": RoleBody,
				"Biden dispatches secretary of state to verify a reduction in fighting": RoleSubhead},
		},
		{
			name:   "wire dateline opening the first paragraph",
			text:   "WASHINGTON (AP) — Blinken left the Middle East on Thursday. He flew home.",
			debris: []found{{DebrisDateline, "WASHINGTON (AP) —"}},
			roles:  map[string]Role{"Blinken left the Middle East on Thursday.": RoleBody},
		},
		{
			name: "other stories listed after a marker are navigation",
			text: "The ceasefire held on Monday.\n\nMost Popular\nIsrael strikes Gaza again\nWhat we know about the hostages",
			debris: []found{{DebrisNavigation, "Most Popular"}, {DebrisNavigation, "Israel strikes Gaza again"},
				{DebrisNavigation, "What we know about the hostages"}},
		},
		{
			name: "reuters page",
			text: "Israel strikes southern Gaza as truce talks stall\n\nBy Nidal al-Mughrabi and Maayan Lubell\n\n4 minute read\nUpdated 2 hours ago\n\n" +
				"CAIRO/JERUSALEM, Feb 7 (Reuters) - Israeli forces pounded Rafah on Wednesday.\n\n" +
				"Reporting by Nidal al-Mughrabi in Cairo; Editing by Angus MacSwan\n\nOur Standards: The Thomson Reuters Trust Principles.",
			headline: "Israel strikes southern Gaza as truce talks stall",
			debris: []found{{DebrisByline, "By Nidal al-Mughrabi and Maayan Lubell"}, {DebrisNavigation, "4 minute read"},
				{DebrisTimestamp, "Updated 2 hours ago"}, {DebrisDateline, "CAIRO/JERUSALEM, Feb 7 (Reuters) -"},
				{DebrisContributors, "Reporting by Nidal al-Mughrabi in Cairo; Editing by Angus MacSwan"},
				{DebrisNavigation, "Our Standards: The Thomson Reuters Trust Principles."}},
			roles: map[string]Role{"Israeli forces pounded Rafah on Wednesday.": RoleBody},
		},
		{
			name: "bbc page",
			text: "Blinken in Israel as Netanyahu rejects Hamas truce terms\n\n7 February 2024\n\nShare\nSave\n\nDavid Gritten\nBBC News\n\n" +
				"Image source, Getty Images\nImage caption, Mr Blinken met Mr Netanyahu in Jerusalem on Wednesday\n\n" +
				"Israel's prime minister has rejected Hamas's terms.\n\nRelated Topics\nIsrael-Gaza war\nHamas",
			headline: "Blinken in Israel as Netanyahu rejects Hamas truce terms",
			debris: []found{{DebrisTimestamp, "7 February 2024"}, {DebrisNavigation, "Share"}, {DebrisNavigation, "Save"},
				{DebrisByline, "David Gritten"}, {DebrisByline, "BBC News"}, {DebrisCredit, "Image source, Getty Images"},
				{DebrisCredit, "Image caption,"}, {DebrisNavigation, "Related Topics"}, {DebrisNavigation, "Israel-Gaza war"},
				{DebrisNavigation, "Hamas"}},
			roles: map[string]Role{"Mr Blinken met Mr Netanyahu in Jerusalem on Wednesday": RoleCaption,
				"Israel's prime minister has rejected Hamas's terms.": RoleBody},
		},
		{
			name:     "a byline's role on the next line",
			text:     "Blinken in Israel\n\nLyse Doucet\nChief international correspondent\nReporting from Jerusalem\n\nThe war began on 7 October.",
			headline: "Blinken in Israel",
			debris: []found{{DebrisByline, "Lyse Doucet"}, {DebrisByline, "Chief international correspondent"},
				{DebrisByline, "Reporting from Jerusalem"}},
			roles: map[string]Role{"The war began on 7 October.": RoleBody},
		},
		{
			name: "guardian page",
			text: "Israel-Gaza war\nBlinken says Hamas response leaves ‘space’ for deal\nUS secretary of state says there is room for agreement\n\n" +
				"Julian Borger in Jerusalem\nWed 7 Feb 2024 18.45 CET\n\nAntony Blinken has said there is still space for an agreement.\n\n" +
				"Antony Blinken in Tel Aviv on Wednesday. Photograph: Mark Schiefelbein/AP\n\nExplore more on these topics\nAntony Blinken\nReuse this content",
			headline: "Blinken says Hamas response leaves ‘space’ for deal",
			subhead:  "US secretary of state says there is room for agreement",
			debris: []found{{DebrisSection, "Israel-Gaza war"}, {DebrisByline, "Julian Borger in Jerusalem"},
				{DebrisTimestamp, "Wed 7 Feb 2024 18.45 CET"}, {DebrisCredit, "Photograph: Mark Schiefelbein/AP"},
				{DebrisNavigation, "Explore more on these topics"}, {DebrisNavigation, "Antony Blinken"}, {DebrisNavigation, "Reuse this content"}},
			roles: map[string]Role{"Antony Blinken in Tel Aviv on Wednesday.": RoleCaption},
		},
		{
			name: "al jazeera page",
			text: "News|Israel War on Gaza\nBlinken meets Netanyahu as Israel rejects Hamas truce offer\n\nBy Al Jazeera Staff\nPublished On 7 Feb 2024\n\n" +
				"Save articles to read later and create your own reading list.\n\nBlinken has met Netanyahu in Jerusalem.\n\nSource: Al Jazeera and news agencies",
			headline: "Blinken meets Netanyahu as Israel rejects Hamas truce offer",
			debris: []found{{DebrisSection, "News|Israel War on Gaza"}, {DebrisByline, "By Al Jazeera Staff"},
				{DebrisTimestamp, "Published On 7 Feb 2024"}, {DebrisNavigation, "Save articles to read later and create your own reading list."},
				{DebrisByline, "Source: Al Jazeera and news agencies"}},
			roles: map[string]Role{"Blinken has met Netanyahu in Jerusalem.": RoleBody},
		},
		{
			name: "new york times page",
			text: "Blinken Says Hamas Response Leaves Room for a Deal\n\nShare full article\n\nBy Michael Crowley\nReporting from Tel Aviv\n\n" +
				"Feb. 7, 2024\nUpdated 5:12 p.m. ET\n\nMr. Blinken said there was still room for a deal.\n\nAdvertisement\nSKIP ADVERTISEMENT",
			headline: "Blinken Says Hamas Response Leaves Room for a Deal",
			debris: []found{{DebrisNavigation, "Share full article"}, {DebrisByline, "By Michael Crowley"}, {DebrisByline, "Reporting from Tel Aviv"},
				{DebrisTimestamp, "Feb. 7, 2024"}, {DebrisTimestamp, "Updated 5:12 p.m. ET"}, {DebrisNavigation, "Advertisement"},
				{DebrisNavigation, "SKIP ADVERTISEMENT"}},
		},
		{
			name: "washington post and cnn furniture",
			text: "Democracy Dies in Darkness\n\nNetanyahu rejects Hamas terms\n\nBy Karen DeYoung and Shira Rubin\nFebruary 7, 2024 at 5:34 p.m. EST\n\n" +
				"Gift Article\nComment\n\nUpdated 4:12 PM EST, Wed February 7, 2024\nLink Copied!\n\nNetanyahu rejected the terms.\n\nSee all topics\nFacebook\nTweet",
			headline: "Netanyahu rejects Hamas terms",
			debris: []found{{DebrisNavigation, "Democracy Dies in Darkness"}, {DebrisByline, "By Karen DeYoung and Shira Rubin"},
				{DebrisTimestamp, "February 7, 2024 at 5:34 p.m. EST"}, {DebrisNavigation, "Gift Article"}, {DebrisNavigation, "Comment"},
				{DebrisTimestamp, "Updated 4:12 PM EST, Wed February 7, 2024"}, {DebrisNavigation, "Link Copied!"},
				{DebrisNavigation, "See all topics"}, {DebrisNavigation, "Facebook"}, {DebrisNavigation, "Tweet"}},
		},
		{
			name: "associated press foot",
			text: "JERUSALEM (AP) — Netanyahu rejected the offer.\n\n___\n\nAssociated Press writers Matthew Lee in Jerusalem and Wafaa Shurafa in Rafah contributed.\n\n" +
				"___\n\nFind more of AP's coverage at https://apnews.com/hub/israel-hamas-war",
			debris: []found{{DebrisDateline, "JERUSALEM (AP) —"}, {DebrisNavigation, "___"},
				{DebrisContributors, "Associated Press writers Matthew Lee in Jerusalem and Wafaa Shurafa in Rafah contributed."},
				{DebrisNavigation, "___"}, {DebrisNavigation, "Find more of AP's coverage at https://apnews.com/hub/israel-hamas-war"}},
			roles: map[string]Role{"Netanyahu rejected the offer.": RoleBody},
		},
		{
			name: "more furniture: advertising, newsletters, lists",
			text: "Blinken meets Netanyahu in Jerusalem today\n\nStory continues below advertisement\n\nBlinken met Netanyahu.\n\n" +
				"Privacy Notice: Newsletters may contain info about charities.\nafter newsletter promotion\n\nKeep reading\nlist of 4 items\n" +
				"Israel strikes Rafah overnight\nend of list\n\nAd Feedback",
			headline: "Blinken meets Netanyahu in Jerusalem today",
			debris: []found{{DebrisNavigation, "Story continues below advertisement"},
				{DebrisNavigation, "Privacy Notice: Newsletters may contain info about charities."}, {DebrisNavigation, "after newsletter promotion"},
				{DebrisNavigation, "Keep reading"}, {DebrisNavigation, "list of 4 items"}, {DebrisNavigation, "Israel strikes Rafah overnight"},
				{DebrisNavigation, "end of list"}, {DebrisNavigation, "Ad Feedback"}},
			roles: map[string]Role{"Blinken met Netanyahu.": RoleBody},
		},
		{
			name:     "names, dates and agencies in the body are kept",
			text:     "Blinken in Israel\n\nThe talks began.\n\nOctober 7\n\nHamas attacked.\n\nAntony Blinken\n\nReuters reported the talks had stalled.",
			headline: "Blinken in Israel",
			roles: map[string]Role{"October 7": RoleSubhead, "Antony Blinken": RoleSubhead,
				"Reuters reported the talks had stalled.": RoleBody},
		},
		{
			name:  "body text that looks like debris is kept",
			text:  "By Tuesday, officials expect a deal.\n\nBy the way, the envoy said no.\n\nJohn Smith is a reporter who was detained in Gaza.",
			roles: map[string]Role{"By Tuesday, officials expect a deal.": RoleBody, "By the way, the envoy said no.": RoleBody},
		},
		{
			name:   "dateline with a country",
			text:   "MALATYA, Turkey (AP) — A powerful magnitude 6.6 earthquake shook eastern Turkey early Tuesday. Officials said 95 died.",
			debris: []found{{DebrisDateline, "MALATYA, Turkey (AP) —"}},
			roles:  map[string]Role{"A powerful magnitude 6.6 earthquake shook eastern Turkey early Tuesday.": RoleBody},
		},
		{
			name:     "dateline with a country under the headline",
			text:     "Israeli strikes hit Beirut suburbs\n\nBEIRUT, Lebanon (AP) — Israeli strikes hit Beirut's southern suburbs overnight.",
			headline: "Israeli strikes hit Beirut suburbs",
			debris:   []found{{DebrisDateline, "BEIRUT, Lebanon (AP) —"}},
			roles:    map[string]Role{"Israeli strikes hit Beirut's southern suburbs overnight.": RoleBody},
		},
		{
			name:   "dateline in mixed case with a date and an agency",
			text:   "Gaza City, Oct. 7 (AFP) - Palestinians fled south on Saturday as strikes went on.",
			debris: []found{{DebrisDateline, "Gaza City, Oct. 7 (AFP) -"}},
			roles:  map[string]Role{"Palestinians fled south on Saturday as strikes went on.": RoleBody},
		},
		{
			name:   "dateline in mixed case on a line of its own",
			text:   "Gaza City, Oct. 7 (AFP) -\n\nPalestinians fled south on Saturday.",
			debris: []found{{DebrisDateline, "Gaza City, Oct. 7 (AFP) -"}},
			roles:  map[string]Role{"Palestinians fled south on Saturday.": RoleBody},
		},
		{
			name: "first paragraphs that open with a place are kept",
			text: "Gaza City — home to more than half a million people — was hit again on Tuesday.\n\n" +
				"Beirut, Lebanon — a city still scarred by the 2020 port blast — woke to more strikes.\n\n" +
				"The World Health Organization (WHO) — the UN's health agency — said hospitals were full.\n\n" +
				"Hamas (the militant group) - which runs Gaza - rejected the offer.",
			roles: map[string]Role{
				"Gaza City — home to more than half a million people — was hit again on Tuesday.":          RoleBody,
				"Beirut, Lebanon — a city still scarred by the 2020 port blast — woke to more strikes.":    RoleBody,
				"The World Health Organization (WHO) — the UN's health agency — said hospitals were full.": RoleBody,
				"Hamas (the militant group) - which runs Gaza - rejected the offer.":                       RoleBody},
		},
		{
			name: "copyright footer, editor's note and the author's bio at the foot",
			text: "Storm batters coast, leaving 3 dead\n\nA powerful storm battered the coast on Tuesday, killing three people, officials said.\n\n" +
				"Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.\n\n" +
				"Editor's note: This story has been updated.\n\nSarah Lee is a Reuters correspondent based in Miami.",
			headline: "Storm batters coast, leaving 3 dead",
			debris: []found{
				{DebrisFooter, "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed."},
				{DebrisNote, "Editor's note: This story has been updated."},
				{DebrisByline, "Sarah Lee is a Reuters correspondent based in Miami."}},
			roles: map[string]Role{"A powerful storm battered the coast on Tuesday, killing three people, officials said.": RoleBody},
		},
		{
			name: "bio, contact, more from the outlet and notes at the foot",
			text: "Storm kills three on coast\n\nForecasters expect the storm to weaken by Thursday.\n\n" +
				"John Smith covers weather for the Miami Herald.\n\nContact the reporter at jsmith@example.com.\n\nMore from Reuters\n\n" +
				"This article was originally published on Oct. 8, 2024.\n\nCorrection: An earlier version of this story misstated the number of dead.",
			headline: "Storm kills three on coast",
			debris: []found{{DebrisByline, "John Smith covers weather for the Miami Herald."},
				{DebrisFooter, "Contact the reporter at jsmith@example.com."}, {DebrisNavigation, "More from Reuters"},
				{DebrisFooter, "This article was originally published on Oct. 8, 2024."},
				{DebrisNote, "Correction: An earlier version of this story misstated the number of dead."}},
			roles: map[string]Role{"Forecasters expect the storm to weaken by Thursday.": RoleBody},
		},
		{
			name: "bios of other shapes at the foot",
			text: "The talks began.\n\nJane Doe is the Washington bureau chief for Politico, where she covers the White House.\n\n" +
				"Ali Kaya writes about energy for The Wall Street Journal from Istanbul.\n\n© 2024 Reuters",
			debris: []found{{DebrisByline, "Jane Doe is the Washington bureau chief for Politico, where she covers the White House."},
				{DebrisByline, "Ali Kaya writes about energy for The Wall Street Journal from Istanbul."}, {DebrisFooter, "© 2024 Reuters"}},
			roles: map[string]Role{"The talks began.": RoleBody},
		},
		{
			name: "sentences shaped like bios, notes or footers in the story are kept",
			text: "Jason Smith is a Reuters correspondent who was detained in Iran in 2022.\n\n" +
				"Sarah Lee is a Reuters correspondent based in Miami.\n\nShe said the storm was the worst she had seen.\n\n" +
				"Copyright lawsuits rose sharply in 2024.\n\nThe editor's note was added on Monday.\n\n" +
				"Contact the embassy at once, officials urged.\n\nThe story was first published in the Herald on Monday.\n\n" +
				"More from the hearing\n\nJohn Smith covers the cost for the family.\n\n" +
				"Evan Gershkovich is a Wall Street Journal reporter who was detained in Russia.",
			roles: map[string]Role{
				"Jason Smith is a Reuters correspondent who was detained in Iran in 2022.":       RoleBody,
				"Sarah Lee is a Reuters correspondent based in Miami.":                           RoleBody,
				"Copyright lawsuits rose sharply in 2024.":                                       RoleBody,
				"The editor's note was added on Monday.":                                         RoleBody,
				"Contact the embassy at once, officials urged.":                                  RoleBody,
				"The story was first published in the Herald on Monday.":                         RoleBody,
				"More from the hearing":                                                          RoleSubhead,
				"John Smith covers the cost for the family.":                                     RoleBody,
				"Evan Gershkovich is a Wall Street Journal reporter who was detained in Russia.": RoleBody},
		},
		{
			name:  "soft-wrapped lines are one paragraph",
			text:  "Secretary of State Antony J. Blinken is returning to the\nMiddle East this week with the goals of getting Israel to\ncurtail attacks.",
			roles: map[string]Role{"Secretary of State Antony J. Blinken is returning to the\nMiddle East this week with the goals of getting Israel to\ncurtail attacks.": RoleBody},
		},
		{
			name:     "one sentence per line (ECB+ style) stays intact",
			text:     "Lindsay Lohan checks into rehab\nLohan entered the Betty Ford clinic on Thursday.\nHer lawyer confirmed it.",
			headline: "Lindsay Lohan checks into rehab",
			roles:    map[string]Role{"Lohan entered the Betty Ford clinic on Thursday.": RoleBody, "Her lawyer confirmed it.": RoleBody},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Parse(Article{ID: "t", Text: tt.text})
			checkSpans(t, tt.text, d)
			if d.Headline != tt.headline || d.Subhead != tt.subhead {
				t.Errorf("headline, subhead = %q, %q; want %q, %q", d.Headline, d.Subhead, tt.headline, tt.subhead)
			}
			var got []found
			for _, db := range d.Debris {
				got = append(got, found{db.Kind, db.Text})
			}
			if len(got) != len(tt.debris) {
				t.Errorf("debris = %q\nwant %q", got, tt.debris)
			} else {
				for i := range got {
					if got[i] != tt.debris[i] {
						t.Errorf("debris %d = %q, want %q", i, got[i], tt.debris[i])
					}
				}
			}
			roles := map[string]Role{}
			for _, s := range d.Sentences {
				roles[s.Text] = s.Role
			}
			for text, role := range tt.roles {
				if roles[text] != role {
					t.Errorf("sentence %q: role %q, want %q (sentences: %q)", text, roles[text], role, roles)
				}
			}
		})
	}
}

func TestTimestamp(t *testing.T) {
	tests := []struct {
		line string
		is   bool
		date string // what Parse takes as the publication date, if any
	}{
		{"7 February 2024", true, "2024-02-07"},
		{"Wed 7 Feb 2024 18.45 CET", true, "2024-02-07"},
		{"Published On 7 Feb 2024", true, "2024-02-07"},
		{"February 7, 2024 at 5:34 p.m. EST", true, "2024-02-07"},
		{"Updated 4:12 PM EST, Wed February 7, 2024", true, "2024-02-07"},
		{"Feb. 7, 2024", true, "2024-02-07"},
		{"2024-02-07", true, "2024-02-07"},
		{"Updated 5:12 p.m. ET", true, ""},
		{"Updated 2 hours ago", true, ""},
		{"31 February 2024", true, ""},
		{"October 7", false, ""},      // a crosshead
		{"2024", false, ""},           // a number
		{"The 7 hostages", false, ""}, // words
		{"In 2024 the war went on", false, ""},
		{"Sunday 7 October", false, ""}, // no year, time or "Published"
		{"10:32 GMT", true, ""},         // a live blog's entry
		{"Updated at 10.45 GMT", true, ""},
		{"9:11", false, ""},
	}
	for _, tt := range tests {
		if got := isTimestamp(tt.line, wordCount(tt.line)); got != tt.is {
			t.Errorf("isTimestamp(%q) = %v, want %v", tt.line, got, tt.is)
		}
		if date, _ := timestampDate(tt.line); tt.is && date != tt.date {
			t.Errorf("timestampDate(%q) = %q, want %q", tt.line, date, tt.date)
		}
	}
}

// TestParseDate checks that a pasted page's publication time gives the article its date
// (which decides occasions), and that a date the reader gave wins.
func TestParseDate(t *testing.T) {
	page := "Blinken meets Netanyahu as Israel rejects Hamas offer\n\nPublished On 7 Feb 2024\n\nBlinken met Netanyahu."
	if d := Parse(Article{ID: "a", Text: page}); d.Date != "2024-02-07" {
		t.Errorf("date = %q, want 2024-02-07 from the timestamp", d.Date)
	}
	if d := Parse(Article{ID: "a", Text: page, Date: "2024-02-08"}); d.Date != "2024-02-08" {
		t.Errorf("date = %q, want the reader's 2024-02-08", d.Date)
	}
	if d := Parse(Article{ID: "a", Text: "Blinken met Netanyahu.\n\nUpdated 2 hours ago"}); d.Date != "" {
		t.Errorf("date = %q, want none", d.Date)
	}
	if got := PageDate(page); got != "2024-02-07" {
		t.Errorf("PageDate = %q, want 2024-02-07", got)
	}
}

// TestParseHardWrapped checks text hard-wrapped at 72 characters, as e-mail and copies
// from PDFs are: each seed, wrapped, gives the sentences (with their roles) and the debris
// the seed gives as published. Before wrapped lines were joined, "…after Israeli" and
// "Prime Minister Benjamin Netanyahu…" were two sentences, and "…the United" a heading.
func TestParseHardWrapped(t *testing.T) {
	squash := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, a := range seedArticles(t) {
		var lines []string
		for _, l := range strings.Split(a.Text, "\n") {
			lines = append(lines, wrap(l, 72)...)
		}
		wrapped := a
		wrapped.Text = strings.Join(lines, "\n")
		if width := wrapWidth(wrapped.Text); width != 72 {
			t.Errorf("%s wrapped at 72: wrapWidth = %d", a.ID, width)
		}
		want, got := Parse(a), Parse(wrapped)
		checkSpans(t, wrapped.Text, got)
		if len(got.Sentences) != len(want.Sentences) {
			t.Errorf("%s wrapped: %d sentences, want %d", a.ID, len(got.Sentences), len(want.Sentences))
			continue
		}
		for i, s := range got.Sentences {
			if squash(s.Text) != squash(want.Sentences[i].Text) || s.Role != want.Sentences[i].Role {
				t.Errorf("%s wrapped, sentence %d: %s %q\nwant %s %q", a.ID, i, s.Role, s.Text, want.Sentences[i].Role, want.Sentences[i].Text)
			}
		}
		if len(got.Debris) != len(want.Debris) {
			t.Errorf("%s wrapped: %d pieces of debris, want %d", a.ID, len(got.Debris), len(want.Debris))
		}
		if wrapWidth(a.Text) != 0 {
			t.Errorf("%s as published reads as hard-wrapped", a.ID)
		}
	}
}

// wrap breaks a line at spaces into lines of at most width characters.
func wrap(line string, width int) []string {
	var out []string
	cur := ""
	for _, w := range strings.Fields(line) {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			out = append(out, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return append(out, cur)
}

// TestParseRestore checks that debris the reader restores comes back as body text.
func TestParseRestore(t *testing.T) {
	text := "Blinken left.\n\nMost Popular\n\nHe flew home."
	d := Parse(Article{ID: "t", Text: text})
	if len(d.Debris) != 1 {
		t.Fatalf("debris = %+v, want Most Popular", d.Debris)
	}
	r := Parse(Article{ID: "t", Text: text, Keep: []int{d.Debris[0].Start}})
	if len(r.Debris) != 0 || len(r.Sentences) != 3 || r.Sentences[1].Text != "Most Popular" || r.Sentences[1].Index != 1 {
		t.Fatalf("after restoring, sentences = %+v, debris = %+v", r.Sentences, r.Debris)
	}
}

// TestParseSeeds compares the cleaned and split seeds with golden files: every sentence
// with its role and offsets, every piece of debris. Run `make golden` after a deliberate
// change and review the diff.
func TestParseSeeds(t *testing.T) {
	for _, a := range seedArticles(t) {
		t.Run(a.ID, func(t *testing.T) {
			d := Parse(a)
			checkSpans(t, a.Text, d)
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(struct {
				Headline  string     `json:"headline"`
				Subhead   string     `json:"subhead"`
				Sentences []Sentence `json:"sentences"`
				Debris    []Debris   `json:"debris"`
			}{d.Headline, d.Subhead, d.Sentences, d.Debris}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "parse", a.ID+".golden.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run `make golden` to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("Parse(%s) differs from %s; run `make golden` and review the diff if the change is intended", a.ID, path)
			}
		})
	}
}

// TestSeedDebris checks the debris the issue names, found in the seeds.
func TestSeedDebris(t *testing.T) {
	want := map[string][]string{
		"002": {"navigation:Most Popular", "navigation:read more:", "credit:(Kobi Gideon/GPO)",
			"byline:Lazar Berman is The Times of Israel's diplomatic reporter", "contributors:Emanuel Fabian and Jacob Magid contributed to this report."},
		"003": {"contributors:Reporting was contributed by"},
		"004": {"section:Middle East", "byline:By Jennifer Hansler, CNN", "dateline:CNN", "navigation:Related Articles", "navigation:Back to top button"},
	}
	for _, a := range seedArticles(t) {
		d := Parse(a)
		var got []string
		dup := 0
		for _, db := range d.Debris {
			got = append(got, string(db.Kind)+":"+db.Text)
			if db.Kind == DebrisDuplicate {
				dup++
			}
		}
		all := strings.Join(got, "\n")
		for _, w := range want[a.ID[:3]] {
			if !strings.Contains(all, w) {
				t.Errorf("%s: debris lacks %q; found:\n%s", a.ID, w, all)
			}
		}
		if a.ID[:3] == "002" && dup != 1 {
			t.Errorf("002: %d duplicates set aside, want the repeated Kirya caption once", dup)
		}
		if (a.ID[:3] == "000" || a.ID[:3] == "001") && len(d.Debris) != 0 {
			t.Errorf("%s is clean body text, but Clean set aside %q", a.ID, all)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"Middle East\n\nHeadline\n\nBy A B, CNN\n\nCNN —\n\nBody. Text.\n\nMost Popular\nread more:",
		"(A/B)\n(A/B)\nx", "By \n\n—", "\n\n\n", "A caption. (AP Photo/X)", "WASHINGTON (AP) — Text.",
		"Head line of a page\n\nDavid Gritten\nBBC News\n7 February 2024\n\nImage caption, A. Photograph: X/AP\n\n___"} {
		f.Add(s)
	}
	for _, a := range seedArticles(f) {
		f.Add(a.Text[:min(len(a.Text), 3000)])
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, Parse(Article{ID: "f", Text: text}))
	})
}

// TestBio checks the shape of an author's biography (set aside at the article's foot, or
// at its top) against sentences of the story that look like one.
func TestBio(t *testing.T) {
	tests := []struct {
		line string
		is   bool
	}{
		{"Sarah Lee is a Reuters correspondent based in Miami.", true},
		{"John Smith covers weather for the Miami Herald.", true},
		{"Lazar Berman is The Times of Israel's diplomatic reporter.", true},
		{"Jane Doe is the Washington bureau chief for Politico, where she covers the White House.", true},
		{"Ali Kaya writes about energy for The Wall Street Journal from Istanbul.", true},
		{"Maria Garcia reports for Bloomberg from Madrid.", true},
		{"Tom Brown is a senior editor at Vox who has covered climate since 2015.", true},
		{"Smith is a correspondent who was detained in Iran.", false}, // one name word
		{"Jason Smith is a Reuters correspondent who was detained in Iran in 2022.", false},
		{"Evan Gershkovich is a Wall Street Journal reporter who has been held in Russia since March.", false},
		{"John Smith is a reporter, his family said.", false},
		{"Jane Doe is the daughter of a reporter.", false},
		{"John Kerry is the author of the deal.", false},
		{"John Smith covers the cost for the family.", false},
		{"Jane Doe writes for a living.", false},
		{"Prime Minister Benjamin Netanyahu is the author of three books.", false},
		{"Mr. Smith is a correspondent for Reuters.", false},
		{"The Associated Press is a news agency.", false},
		{"Sarah Lee is a Reuters correspondent based in Miami", false}, // not a sentence: isAuthorNote's case
	}
	for _, tt := range tests {
		if got := isBio(tt.line, wordCount(tt.line)); got != tt.is {
			t.Errorf("isBio(%q) = %v, want %v", tt.line, got, tt.is)
		}
	}
}

// TestDateline checks the datelines that open a first paragraph against first paragraphs
// that open with a place.
func TestDateline(t *testing.T) {
	tests := []struct {
		line, dateline string // "" if there is none
	}{
		{"WASHINGTON (AP) — Blinken left.", "WASHINGTON (AP) — "},
		{"LONDON, Oct 7 (Reuters) - Prices rose.", "LONDON, Oct 7 (Reuters) - "},
		{"JERUSALEM — Talks began.", "JERUSALEM — "},
		{"MALATYA, Turkey (AP) — A quake struck.", "MALATYA, Turkey (AP) — "},
		{"BEIRUT, Lebanon (AP) — Strikes hit.", "BEIRUT, Lebanon (AP) — "},
		{"Gaza City, Oct. 7 (AFP) - People fled.", "Gaza City, Oct. 7 (AFP) - "},
		{"RALEIGH, N.C. (AP) — Voters lined up.", "RALEIGH, N.C. (AP) — "},
		{"Washington (CNN) — The Senate voted.", "Washington (CNN) — "},
		{"Ramallah, West Bank, 7 October (Reuters) - Troops raided.", "Ramallah, West Bank, 7 October (Reuters) - "},
		{"Gaza City — home to half a million people — was hit.", ""},
		{"Beirut, Lebanon — a city scarred by the blast — woke up.", ""},
		{"The World Health Organization (WHO) — the UN agency — said so.", ""},
		{"Hamas (the militant group) - which runs Gaza - said no.", ""},
		{"Turkey said on Tuesday - officials confirmed - that 95 died.", ""},
	}
	for _, tt := range tests {
		got := ""
		if m := datelineIndex(tt.line); m != nil {
			got = tt.line[:m[1]]
		}
		if got != tt.dateline {
			t.Errorf("dateline of %q = %q, want %q", tt.line, got, tt.dateline)
		}
	}
}
