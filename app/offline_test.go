//go:build !js

package app

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app tells the status about updates and installability through these interfaces.
var (
	_ app.AppUpdater   = (*appStatus)(nil)
	_ app.AppInstaller = (*appStatus)(nil)
	_ app.Mounter      = (*appStatus)(nil)
	_ app.Dismounter   = (*appStatus)(nil)
)

// fakeBrowser stands in for the browser behind the app status.
type fakeBrowser struct {
	installable, editing bool
	apple                bool // Safari: no install prompt
	replaced             bool // a newer version replaced the page's in the cache
	prompts, reloads     int
}

func newFakeBrowser(t *testing.T) *fakeBrowser {
	t.Helper()
	b := &fakeBrowser{}
	oldInstallable, oldPrompt, oldReload, oldEditing, oldReplaced, oldApple := appInstallable, promptInstall, reloadApp, editingArticle, versionReplaced, appleBrowser
	appInstallable = func(app.Context) bool { return b.installable }
	appleBrowser = func(app.Context) bool { return b.apple }
	versionReplaced = func(ctx app.Context, done func(app.Context, bool)) { done(ctx, b.replaced) }
	promptInstall = func(app.Context) { b.prompts++ }
	reloadApp = func(app.Context) { b.reloads++ }
	editingArticle = func() bool { return b.editing }
	t.Cleanup(func() {
		appInstallable, promptInstall, reloadApp, editingArticle, versionReplaced, appleBrowser = oldInstallable, oldPrompt, oldReload, oldEditing, oldReplaced, oldApple
	})
	return b
}

// mountStatus mounts an app status as the page does and returns it with a context.
func mountStatus(t *testing.T) (*appStatus, app.Context) {
	t.Helper()
	s := &appStatus{}
	h, e := mount(t, nil, s)
	s.OnMount(h.ctx) // go-app calls OnPreRender outside the browser
	e.ConsumeAll()
	return s, h.ctx
}

// shown is the HTML of what the status shows now.
func shown(s *appStatus) string { return app.HTMLString(s.Render()) }

// The status region is there from the start, empty: screen readers announce what
// appears in it later.
func TestOfflineStatusQuiet(t *testing.T) {
	newFakeBrowser(t)
	s, _ := mountStatus(t)
	if err := app.Match(app.Div().ID("app-status").Class("app-status"), s, 0); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.Div().Class("app-note").Role("status"), s, 0, 0); err != nil {
		t.Error(err)
	}
	if html := shown(s); strings.Contains(html, "<p") || strings.Contains(html, "<button") {
		t.Errorf("a fresh status shows something:\n%s", html)
	}
}

func TestOfflineStatus(t *testing.T) {
	tests := []struct {
		name   string
		events func(s *appStatus, ctx app.Context, b *fakeBrowser)
		want   []string // ids and text shown
		absent []string
	}{
		{
			name: "update",
			events: func(s *appStatus, ctx app.Context, b *fakeBrowser) {
				b.replaced = true
				s.OnAppUpdate(ctx)
			},
			want:   []string{`id="app-updated"`, "A new version of Parallax is ready. Reload to use it", "nothing is lost", `id="app-update"`, ">Reload</button>"},
			absent: []string{"app-offline", "app-install", "app-unsaved"},
		},
		{
			// go-app reports the first service worker's takeover as an update.
			name:   "first installation",
			events: func(s *appStatus, ctx app.Context, b *fakeBrowser) { s.OnAppUpdate(ctx) },
			absent: []string{"app-update", "new version"},
		},
		{
			name: "installable",
			events: func(s *appStatus, ctx app.Context, b *fakeBrowser) {
				b.installable = true
				s.OnAppInstallChange(ctx)
			},
			want:   []string{`id="app-install"`, ">Install Parallax</button>"},
			absent: []string{"app-update", "app-offline"},
		},
		{
			name: "installed",
			events: func(s *appStatus, ctx app.Context, b *fakeBrowser) {
				b.installable = true
				s.OnAppInstallChange(ctx)
				b.installable = false
				s.OnAppInstallChange(ctx)
			},
			absent: []string{"app-install"},
		},
		{
			name:   "offline",
			events: func(s *appStatus, ctx app.Context, b *fakeBrowser) { s.setOnline(false) },
			want:   []string{`id="app-offline"`, ">Offline: everything still works; importing articles from a link needs the network.</p>"},
			absent: []string{"app-update", "app-install"},
		},
		{
			name:   "back online",
			events: func(s *appStatus, ctx app.Context, b *fakeBrowser) { s.setOnline(false); s.setOnline(true) },
			absent: []string{"app-offline", "Offline"},
		},
		{
			name: "offline with an update and an install button",
			events: func(s *appStatus, ctx app.Context, b *fakeBrowser) {
				s.setOnline(false)
				b.replaced = true
				s.OnAppUpdate(ctx)
				b.installable = true
				s.OnAppInstallChange(ctx)
			},
			want: []string{"app-offline", "app-update", "app-install"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newFakeBrowser(t)
			s, ctx := mountStatus(t)
			tt.events(s, ctx, b)
			html := shown(s)
			for _, want := range tt.want {
				if !strings.Contains(html, want) {
					t.Errorf("the status lacks %q:\n%s", want, html)
				}
			}
			for _, bad := range tt.absent {
				if strings.Contains(html, bad) {
					t.Errorf("the status shows %q:\n%s", bad, html)
				}
			}
			// Every note is in the live region (which holds no other element).
			i := strings.Index(html, `"app-note"`)
			j := strings.Index(html[i:], "</div>")
			if strings.Count(html[i:i+j], "<p") != strings.Count(html, "<p") {
				t.Errorf("a note outside the status region:\n%s", html)
			}
		})
	}
}

// Reload loads the new version, unless an article is being edited.
func TestOfflineStatusReload(t *testing.T) {
	b := newFakeBrowser(t)
	b.replaced = true
	s, ctx := mountStatus(t)
	s.OnAppUpdate(ctx)

	b.editing = true
	s.onReload(ctx, app.Event{})
	if b.reloads != 0 {
		t.Error("Reload reloaded with an article form open: its text would be lost")
	}
	if html := shown(s); !strings.Contains(html, "Save or cancel the article you are editing first") {
		t.Errorf("Reload with an article form open says nothing:\n%s", html)
	}

	b.editing = false
	s.onReload(ctx, app.Event{})
	if b.reloads != 1 {
		t.Errorf("Reload reloaded %d times, want 1", b.reloads)
	}
}

// Install shows the browser's prompt once; the button goes until the browser offers
// to install again.
func TestOfflineStatusInstall(t *testing.T) {
	b := newFakeBrowser(t)
	b.installable = true
	s, ctx := mountStatus(t)
	if !strings.Contains(shown(s), `id="app-install"`) {
		t.Fatal("an installable app shows no Install button once mounted")
	}
	s.onInstall(ctx, app.Event{})
	if b.prompts != 1 {
		t.Errorf("Install showed the prompt %d times, want 1", b.prompts)
	}
	if strings.Contains(shown(s), `id="app-install"`) {
		t.Error("the Install button stays after the prompt was shown")
	}
	s.OnAppInstallChange(ctx)
	if !strings.Contains(shown(s), `id="app-install"`) {
		t.Error("the Install button does not come back when the browser offers to install again")
	}
}

// Safari has no install prompt: Install says how to install instead.
func TestOfflineStatusInstallSafari(t *testing.T) {
	b := newFakeBrowser(t)
	b.installable, b.apple = true, true
	s, ctx := mountStatus(t)
	s.onInstall(ctx, app.Event{})
	if b.prompts != 0 {
		t.Errorf("Install in Safari showed go-app's prompt %d times: it has none", b.prompts)
	}
	html := shown(s)
	for _, want := range []string{`id="app-install-how"`, "Add to Home Screen", `id="app-install"`} {
		if !strings.Contains(html, want) {
			t.Errorf("Install in Safari: the status lacks %q:\n%s", want, html)
		}
	}
}

// The page's header holds the status.
func TestOfflineStatusInPage(t *testing.T) {
	newFakeBrowser(t)
	h, _ := load(t, nil)
	if err := app.Match(&appStatus{}, h.page, 0, 1, 2); err != nil {
		t.Error(err)
	}
}

func TestOfflineNewerVersion(t *testing.T) {
	tests := []struct {
		name   string
		caches []string
		want   bool
	}{
		{"no service worker yet", nil, false},
		{"first visit: the page's version", []string{"app-v1"}, false},
		{"a new version replaced the page's", []string{"app-v2"}, true},
		{"a new version activating, the page's not deleted yet", []string{"app-v1", "app-v2"}, true},
		{"caches of others", []string{"app-v1", "fonts", "apple"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newerVersion(tt.caches, "v1"); got != tt.want {
				t.Errorf("newerVersion(%q, %q) = %v, want %v", tt.caches, "v1", got, tt.want)
			}
		})
	}
}
