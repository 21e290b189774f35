// Package booth holds what Pattern Explorer needs at a conference booth: a
// QR code that hands the current pattern to a visitor's phone, a share
// button, a print handout, a kiosk mode for an unattended screen and a mark
// that says when the app runs offline.
//
// Each component lives in its own file and is built with a NewX
// constructor and chainable setters; exported fields are the properties a
// parent sets on every render, unexported fields the component's own state.
// Everything that touches the browser is guarded by app.IsClient, so the
// same components prerender on the server.
package booth
