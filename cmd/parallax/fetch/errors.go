package fetch

import (
	"errors"
	"fmt"
	"net/http"
)

// The reasons an import fails. Their text is plain words for the reader; Message turns
// any error from this package into one of them.
var (
	ErrNoLink      = errors.New("give a link to import")
	ErrBadURL      = errors.New("that link is not valid")
	ErrScheme      = errors.New("only http and https links can be imported")
	ErrForbidden   = errors.New("that address is not allowed")
	ErrUnreachable = errors.New("the site could not be reached")
	ErrTimeout     = errors.New("the site did not answer in time")
	ErrRedirects   = errors.New("the link redirects too many times")
	ErrNotHTML     = errors.New("that link is not a web page")
	ErrTooLarge    = errors.New("the page is too large")
	ErrNotArticle  = errors.New("that page is not an article")
	ErrCanceled    = errors.New("the import was cancelled")
	ErrRateLimited = errors.New("too many imports from here: wait a minute and try again")
	ErrBusy        = errors.New("the server is busy: try again in a moment")
	ErrOff         = errors.New("importing from links is turned off on this server")
	ErrCrossSite   = errors.New("imports must come from this app, not from another site")
)

// StatusError is the reason an import fails when the site answers with an HTTP error.
type StatusError struct {
	Code int // HTTP status code, e.g. 404
}

func (e *StatusError) Error() string {
	switch e.Code {
	case http.StatusNotFound, http.StatusGone:
		return "the site says that page does not exist"
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusPaymentRequired:
		return "the site does not let the page be fetched (it may need a login or a subscription)"
	}
	return fmt.Sprintf("the site answered with an error (%d %s)", e.Code, http.StatusText(e.Code))
}

// Error is the error Fetcher.Fetch returns: the link, the reason in plain words (one of
// the Err… values or a *StatusError) and, when there is one, the underlying cause, for
// logs. Its text names the link and the reason, never the cause.
type Error struct {
	URL    string
	Reason error
	Cause  error
}

func (e *Error) Error() string { return "importing " + e.URL + ": " + e.Reason.Error() }

// Unwrap makes errors.Is and errors.As see both the reason and the cause.
func (e *Error) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Reason}
	}
	return []error{e.Reason, e.Cause}
}

// Message returns the reason an import failed, in plain words fit to show a reader: the
// reason of an *Error, or "the page could not be imported" for anything else. It never
// includes the link or the underlying cause.
func Message(err error) string {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Reason.Error()
	}
	for _, r := range reasons {
		if errors.Is(err, r) {
			return r.Error()
		}
	}
	var se *StatusError
	if errors.As(err, &se) {
		return se.Error()
	}
	return "the page could not be imported"
}

var reasons = []error{
	ErrNoLink, ErrBadURL, ErrScheme, ErrForbidden, ErrUnreachable, ErrTimeout, ErrRedirects, ErrNotHTML,
	ErrTooLarge, ErrNotArticle, ErrCanceled, ErrRateLimited, ErrBusy, ErrOff, ErrCrossSite,
}

// status is the HTTP status the endpoint answers with for a failed import.
func status(err error) int {
	var se *StatusError
	switch {
	case errors.Is(err, ErrNoLink), errors.Is(err, ErrBadURL), errors.Is(err, ErrScheme):
		return http.StatusBadRequest
	case errors.Is(err, ErrForbidden), errors.Is(err, ErrCrossSite):
		return http.StatusForbidden
	case errors.Is(err, ErrNotArticle):
		return http.StatusUnprocessableEntity
	case errors.Is(err, ErrTimeout):
		return http.StatusGatewayTimeout
	case errors.Is(err, ErrRateLimited):
		return http.StatusTooManyRequests
	case errors.Is(err, ErrBusy):
		return http.StatusServiceUnavailable
	case errors.Is(err, ErrOff):
		return http.StatusNotFound
	case errors.Is(err, ErrCanceled):
		return 499 // client closed the request; nobody reads it
	case errors.As(err, &se), errors.Is(err, ErrUnreachable), errors.Is(err, ErrRedirects),
		errors.Is(err, ErrNotHTML), errors.Is(err, ErrTooLarge):
		return http.StatusBadGateway
	}
	return http.StatusInternalServerError
}
