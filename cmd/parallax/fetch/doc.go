// Package fetch imports a news article from a link: it fetches a public web page safely
// and extracts the article's text, title, byline, outlet and date.
//
// A server that fetches whatever link a user sends it can be made to reach places the
// user cannot: the machine itself, the local network, a cloud provider's metadata
// service. Fetcher refuses all of them by design. Only http and https links on the
// usual ports are fetched; the host is resolved and every address is checked, and the
// address actually dialled is checked again by the dialer (so a name that resolves to a
// public address first and a private one later gains nothing); every redirect is checked
// the same way, at most five of them; proxies from the environment are ignored; pages
// are capped in size and time and must be HTML.
//
// Handler serves the import as JSON for the app, with a per-client rate limit. Off is
// the endpoint of a server started with importing turned off.
//
// Extract needs no network and builds for js/wasm too; Fetcher and Handler are native
// only.
package fetch
