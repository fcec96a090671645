package app

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"parallax/compare"
	"parallax/compare/blind"
)

// Page titles: a blind comparison must not show an outlet even in the tab's title.
const (
	titleDefault = "Parallax: how outlets report the same story"
	titleBlind   = "Parallax: blind comparison"
)

// Actions of classroom mode.
const (
	actionBlind   = "/class/blind"   // value: "on", "off", "reveal", "hide" or "again"
	actionGuess   = "/class/guess"   // value: guess
	actionPresent = "/class/present" // value: bool, open or close the presenter view
	actionPrint   = "/class/print"   // no value: show the worksheet and print it
)

// classroom is the state of classroom mode, saved with the workspace.
type classroom struct {
	// Blind hides the outlets: the articles are compared as blind.Mask shows them.
	Blind bool `json:"blind,omitempty"`
	// Revealed shows the answers (and the real outlets) without leaving blind mode.
	Revealed bool `json:"revealed,omitempty"`
	// Key gives each outlet its letter.
	Key blind.Key `json:"key"`
	// Guesses are the class's guesses: pseudonym ("Outlet A") → outlet.
	Guesses map[string]string `json:"guesses,omitempty"`
}

// guess is the class's guess for one pseudonym.
type guess struct{ Name, Outlet string }

// masking reports whether the outlets are hidden now.
func (p *workspacePage) masking() bool { return p.class.Blind && !p.class.Revealed }

// shown returns the articles as the views show them: masked in blind mode. It keeps
// the masked articles in p.masked to map their IDs and offsets back.
func (p *workspacePage) shown() []compare.Article {
	p.masked = nil
	if !p.masking() {
		return p.articles
	}
	if !p.class.Key.Covers(p.articles) {
		p.class.Key = p.class.Key.Extend(p.articles)
	}
	p.masked = blind.Mask(p.articles, p.class.Key)
	return blind.Articles(p.masked)
}

// realID returns the ID of the reader's article behind a shown article's ID.
func (p *workspacePage) realID(id string) string {
	for _, m := range p.masked {
		if m.ID == id {
			return m.OriginalID
		}
	}
	return id
}

// shownID returns the ID under which the reader's article id is shown.
func (p *workspacePage) shownID(id string) string {
	for _, m := range p.masked {
		if m.OriginalID == id {
			return m.ID
		}
	}
	return id
}

// setClass changes classroom mode, keeping the reference and shown article across
// the change of IDs, then saves and compares again.
func (p *workspacePage) setClass(ctx app.Context, c classroom, msg string) {
	ref, doc := p.realID(p.ref), p.realID(p.doc)
	p.class = c
	p.shown()
	p.ref, p.doc = p.shownID(ref), p.shownID(doc)
	p.focus, p.sel = "", compare.Ref{Sentence: -1}
	p.msg = msg + p.save(ctx)
	p.res = nil // not even dimmed: the last result shows the other side of the mask
	p.compare(ctx)
}

func (p *workspacePage) handleBlind(ctx app.Context, a app.Action) {
	what, _ := a.Value.(string)
	c := p.class
	switch what {
	case "on", "again":
		c = classroom{Blind: true, Key: blind.NewKey(p.articles, rand.Uint64())}
		p.setClass(ctx, c, fmt.Sprintf("Blind mode is on: the outlets are hidden as %s.", letterRange(c.Key)))
		focusLater(ctx, "blind")
	case "reveal":
		c.Revealed = true
		p.setClass(ctx, c, "Revealed: the outlets are shown again, with the class's guesses.")
		focusLater(ctx, "answers")
	case "hide":
		c.Revealed = false
		p.setClass(ctx, c, "The outlets are hidden again.")
	case "off":
		p.setClass(ctx, classroom{}, "Blind mode is off: the outlets are shown.")
	}
}

func (p *workspacePage) handleGuess(ctx app.Context, a app.Action) {
	g, ok := a.Value.(guess)
	if !ok || !p.class.Blind {
		return
	}
	guesses := map[string]string{}
	for k, v := range p.class.Guesses {
		guesses[k] = v
	}
	if g.Outlet == "" {
		delete(guesses, g.Name)
	} else {
		guesses[g.Name] = g.Outlet
	}
	p.class.Guesses = guesses
	p.save(ctx)
}

// letterRange names the pseudonyms in use: "Outlet A to Outlet D".
func letterRange(k blind.Key) string {
	n := len(k.Outlets)
	switch n {
	case 0:
		return "letters"
	case 1:
		return blind.Name(0)
	}
	return blind.Name(0) + " to " + blind.Name(n-1)
}

// classOutlets are the outlets of the workspace in alphabetical order: the choices
// for a guess, which give nothing away.
func (p *workspacePage) classOutlets() []string {
	var out []string
	for i, o := range p.class.Key.Outlets {
		if slices.ContainsFunc(p.articles, func(a compare.Article) bool { return p.class.Key.NameOf(a.Outlet) == blind.Name(i) }) {
			out = append(out, o)
		}
	}
	slices.SortFunc(out, func(a, b string) int {
		return strings.Compare(strings.ToLower(strings.TrimPrefix(a, "The ")), strings.ToLower(strings.TrimPrefix(b, "The ")))
	})
	return out
}

// post returns a click handler that posts an action with a value: an event's
// context belongs to its element, which may be gone once the page re-renders.
func post(action string, value any) app.EventHandler {
	return func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(action, value) }
}

// renderClassroom is the classroom bar: blind mode with its guesses and answers,
// the presenter view and the worksheet.
func (p *workspacePage) renderClassroom() app.UI {
	c := &p.class
	return app.Section().ID("classroom").Class("classroom").Aria("label", "Classroom").Body(
		app.Div().Class("classbtns").Body(
			app.Button().ID("blind").Aria("pressed", fmt.Sprint(c.Blind)).OnClick(p.onBlind).
				Text(map[bool]string{false: "Blind mode", true: "Leave blind mode"}[c.Blind]),
			app.Button().ID("present").Disabled(p.res == nil).OnClick(post(actionPresent, true)).Text("Presenter view"),
			app.Button().ID("worksheet").Disabled(p.res == nil).OnClick(post(actionPrint, nil)).Text("Print worksheet"),
		),
		app.If(p.masking(), func() app.UI { return p.renderGuesses() }),
		app.If(c.Blind && c.Revealed, func() app.UI { return p.renderAnswers() }),
	)
}

// renderGuesses asks which outlet is behind each letter.
func (p *workspacePage) renderGuesses() app.UI {
	k := p.class.Key
	choices := p.classOutlets()
	return app.Div().ID("guesses").Class("guesses").Body(
		app.P().Textf("The outlets are hidden as %s, everywhere: in every view, the exports and the page's title. Which outlet wrote what? The outlets in this comparison are %s.", letterRange(k), strings.Join(choices, ", ")),
		app.Div().Class("guessgrid").Body(
			app.Range(k.Outlets).Slice(func(i int) app.UI {
				name := blind.Name(i)
				id := "guess-" + strings.ToLower(strings.TrimPrefix(name, "Outlet "))
				return app.Label().For(id).Body(
					app.Span().Text(name+" is "),
					app.Select().ID(id).OnChange(p.onGuess(name)).Body(
						app.Option().Value("").Selected(p.class.Guesses[name] == "").Text("— the class's guess —"),
						app.Range(choices).Slice(func(j int) app.UI {
							return app.Option().Value(choices[j]).Selected(p.class.Guesses[name] == choices[j]).Text(choices[j])
						}),
					),
				)
			}),
		),
		app.Button().ID("reveal").Class("primary").OnClick(post(actionBlind, "reveal")).Text("Reveal the outlets"),
	)
}

// onBlind turns blind mode on or off. It reads the mode when clicked: go-app may
// keep a button's first click handler across renders, so a handler must not carry
// state from the render that made it.
func (p *workspacePage) onBlind(ctx app.Context, e app.Event) {
	ctx.NewActionWithValue(actionBlind, map[bool]string{false: "on", true: "off"}[p.class.Blind])
}

func (p *workspacePage) onGuess(name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionGuess, guess{Name: name, Outlet: ctx.JSSrc().Get("value").String()})
	}
}

// renderAnswers shows who wrote what, next to the class's guesses.
func (p *workspacePage) renderAnswers() app.UI {
	k := p.class.Key
	right, guessed := 0, 0
	for i, o := range k.Outlets {
		if g := p.class.Guesses[blind.Name(i)]; g != "" {
			guessed++
			if g == o {
				right++
			}
		}
	}
	summary := "The class entered no guesses."
	if guessed > 0 {
		summary = fmt.Sprintf("The class named %d of %d outlets correctly.", right, len(k.Outlets))
	}
	return app.Div().ID("answers").Class("answers").TabIndex(-1).Body(
		app.Table().Body(
			app.Caption().Text("Who wrote what"),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Hidden as"),
				app.Th().Scope("col").Text("Outlet"),
				app.Th().Scope("col").Text("The class guessed"),
			)),
			app.TBody().Body(app.Range(k.Outlets).Slice(func(i int) app.UI {
				name, o := blind.Name(i), k.Outlets[i]
				g := p.class.Guesses[name]
				verdict, cls := "no guess", "noguess"
				switch {
				case g == o:
					verdict, cls = "✓ "+g, "right"
				case g != "":
					verdict, cls = "✗ "+g, "wrong"
				}
				return app.Tr().Body(
					app.Th().Scope("row").Text(name),
					app.Td().Text(o),
					app.Td().Class(cls).Text(verdict),
				)
			})),
		),
		app.P().ID("score").Text(summary),
		app.Div().Class("classbtns").Body(
			app.Button().ID("hide").OnClick(post(actionBlind, "hide")).Text("Hide the outlets again"),
			app.Button().ID("again").OnClick(post(actionBlind, "again")).Text("New round: new letters, no guesses"),
		),
	)
}
