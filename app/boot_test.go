//go:build !js

package app

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestBootScriptStorageKey ties web/boot.js to storageKey: the start-up script
// guesses from the saved workspace whether the page will show the demo, and warms
// the demo only then. If the key changed in one place only, every visit would warm
// the demo (or none would).
func TestBootScriptStorageKey(t *testing.T) {
	b, err := os.ReadFile("../web/boot.js")
	if err != nil {
		t.Fatal(err)
	}
	want := "localStorage.getItem(" + strconv.Quote(storageKey) + ")"
	if !strings.Contains(string(b), want) {
		t.Errorf("web/boot.js does not read the workspace key: want %s (app/model.go's storageKey)", want)
	}
}
