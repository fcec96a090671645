package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What the header says about the installed, offline app.
const (
	updateNote  = "A new version of Parallax is ready. Reload to use it: your articles are saved in this browser, nothing is lost."
	unsavedNote = "Save or cancel the article you are editing first, then reload."
	offlineNote = "Offline: everything still works; importing articles from a link needs the network."
	appleNote   = "To install Parallax in Safari: Share, then “Add to Home Screen” (on a Mac: File, then “Add to Dock”)."
)

// appStatus tells the reader about the installed, offline-capable app: a new version
// ready to use, an install button when the browser offers one, and a note while the
// network is off. The service worker (see parallax serve) keeps the whole app cached,
// so after the first visit everything but importing from a link works offline.
type appStatus struct {
	app.Compo

	updated     bool // a newer version is cached and active: reloading uses it
	installable bool // the browser can install the app (go-app's install prompt)
	offline     bool // the browser says it has no network
	unsaved     bool // Reload was pressed while an article form was open
	appleHow    bool // Install was pressed in Safari, which has no install prompt

	stop func() // removes the browser event listeners
}

// The browser behind the status, replaced by tests.
var (
	appInstallable = func(ctx app.Context) bool { return ctx.IsAppInstallable() }
	promptInstall  = func(ctx app.Context) { ctx.ShowAppInstallPrompt() }
	appleBrowser   = func(ctx app.Context) bool { return ctx.IsAppleBrowser() }
	reloadApp      = func(ctx app.Context) { ctx.Reload() }
	// versionReplaced calls done on the UI goroutine with whether the service
	// worker's caches hold a version other than this page's (see newerVersion).
	versionReplaced = func(ctx app.Context, done func(ctx app.Context, replaced bool)) {
		caches := app.Window().Get("caches")
		if !app.IsClient || !caches.Truthy() {
			return
		}
		var then app.Func
		then = app.FuncOf(func(this app.Value, args []app.Value) any {
			then.Release()
			var names []string
			if len(args) > 0 && app.Window().Get("Array").Call("isArray", args[0]).Bool() {
				for i := range args[0].Length() {
					names = append(names, args[0].Index(i).String())
				}
			}
			replaced := newerVersion(names, app.Getenv("GOAPP_VERSION"))
			ctx.Dispatch(func(ctx app.Context) { done(ctx, replaced) })
			return nil
		})
		caches.Call("keys").Call("then", then, then)
	}
	// editingArticle reports whether the article form holds text a reload would lose.
	editingArticle = func() bool {
		el := app.Window().GetElementByID("f-text")
		return el.Truthy() && strings.TrimSpace(el.Get("value").String()) != ""
	}
)

func (s *appStatus) OnMount(ctx app.Context) {
	if ctx.AppUpdateAvailable() {
		s.OnAppUpdate(ctx)
	}
	s.installable = appInstallable(ctx)
	if !app.IsClient {
		return
	}
	s.offline = !app.Window().Get("navigator").Get("onLine").Bool()
	s.stop = s.listen(ctx)
}

func (s *appStatus) OnDismount() {
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
}

// OnAppUpdate is called by go-app when a new service worker has cached its version
// of the app and taken over the page. go-app calls it on the first visit too, when
// the first service worker takes over: there is a new version only if the cache
// holds another version than the page's.
func (s *appStatus) OnAppUpdate(ctx app.Context) {
	versionReplaced(ctx, func(ctx app.Context, replaced bool) { s.updated = s.updated || replaced })
}

// newerVersion reports whether the service worker's caches (their names) hold a
// version of the app other than the page's. The service worker of parallax serve
// (appWorkerJS) caches each version as "app-" + the version, deletes the others
// once the new one is active and leaves no cache of a failed installation, so
// when a new worker takes over, another version's cache is the new version.
func newerVersion(caches []string, version string) bool {
	for _, name := range caches {
		if strings.HasPrefix(name, "app-") && name != "app-"+version {
			return true
		}
	}
	return false
}

// OnAppInstallChange is called by go-app when the browser starts or stops offering
// to install the app.
func (s *appStatus) OnAppInstallChange(ctx app.Context) { s.installable = appInstallable(ctx) }

// setOnline follows the browser's online and offline events.
func (s *appStatus) setOnline(online bool) { s.offline = !online }

// listen follows the browser's online and offline events and returns a function
// that stops listening. Back online, it asks the service worker to look for a new
// version. It also looks for an update when a new service worker takes over the
// page: go-app misses the worker's update event when it comes before its script
// has the worker's registration, as when the page was loaded offline.
func (s *appStatus) listen(ctx app.Context) func() {
	win := app.Window()
	network := app.FuncOf(func(this app.Value, args []app.Value) any {
		online := args[0].Get("type").String() == "online"
		ctx.Dispatch(func(ctx app.Context) { s.setOnline(online) })
		if online {
			app.TryUpdate()
		}
		return nil
	})
	took := app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) { s.OnAppUpdate(ctx) })
		return nil
	})
	win.Call("addEventListener", "online", network)
	win.Call("addEventListener", "offline", network)
	sw := win.Get("navigator").Get("serviceWorker")
	watchSW := sw.Truthy()
	if watchSW {
		sw.Call("addEventListener", "controllerchange", took)
	}
	return func() {
		win.Call("removeEventListener", "online", network)
		win.Call("removeEventListener", "offline", network)
		if watchSW {
			sw.Call("removeEventListener", "controllerchange", took)
		}
		network.Release()
		took.Release()
	}
}

// onReload loads the new version, unless an article form holds text the reload
// would lose. The reader's articles are saved in localStorage at every change.
func (s *appStatus) onReload(ctx app.Context, e app.Event) {
	if s.unsaved = editingArticle(); s.unsaved {
		return
	}
	reloadApp(ctx)
}

// onInstall shows the browser's install prompt. The browser offers a prompt once:
// the button goes, and comes back if the browser offers to install again. Safari
// has no prompt (go-app counts it installable all the same): it says how instead.
func (s *appStatus) onInstall(ctx app.Context, e app.Event) {
	if appleBrowser(ctx) {
		s.appleHow = true
		return
	}
	s.installable = false
	promptInstall(ctx)
}

func (s *appStatus) Render() app.UI {
	return app.Div().ID("app-status").Class("app-status").Body(
		// A live region, present from the start so that screen readers announce
		// what appears in it.
		app.Div().Class("app-note").Role("status").Body(
			app.If(s.updated, func() app.UI {
				return app.P().ID("app-updated").Class("app-update").Body(
					app.Text(updateNote+" "),
					app.Button().ID("app-update").Type("button").OnClick(s.onReload).Text("Reload"),
				)
			}),
			app.If(s.updated && s.unsaved, func() app.UI {
				return app.P().ID("app-unsaved").Class("app-update").Text(unsavedNote)
			}),
			app.If(s.offline, func() app.UI {
				return app.P().ID("app-offline").Class("app-offline").Text(offlineNote)
			}),
			app.If(s.installable && s.appleHow, func() app.UI {
				return app.P().ID("app-install-how").Class("app-update").Text(appleNote)
			}),
		),
		app.If(s.installable, func() app.UI {
			return app.Button().ID("app-install").Type("button").
				Title("Install Parallax as an app: it opens in its own window and works without the network").
				OnClick(s.onInstall).Text("Install Parallax")
		}),
	)
}
