package booth

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Kiosk mode settings.
const (
	// KioskStorageKey is the localStorage key kiosk mode is remembered
	// under until it is turned off.
	KioskStorageKey = "booth/kiosk"
	// DefaultIdleMinutes is how long a kiosk waits without a touch before
	// it returns to the home view.
	DefaultIdleMinutes = 3.0
	// minIdleMinutes and maxIdleMinutes bound ?idle= (0.01 minute is
	// 600ms, for tests).
	minIdleMinutes = 0.01
	maxIdleMinutes = 24 * 60
)

// KioskConfig is what kiosk mode remembers between visits.
type KioskConfig struct {
	// On turns kiosk mode on.
	On bool `json:"on"`
	// IdleMinutes is how long, in minutes, the kiosk waits without a
	// touch before it returns to the home view; fractions are allowed.
	IdleMinutes float64 `json:"idleMinutes"`
}

// Idle is IdleMinutes as a duration, DefaultIdleMinutes when unset.
func (c KioskConfig) Idle() time.Duration {
	m := c.IdleMinutes
	if m <= 0 || math.IsNaN(m) || math.IsInf(m, 0) {
		m = DefaultIdleMinutes
	}
	m = min(max(m, minIdleMinutes), maxIdleMinutes)
	return time.Duration(m * float64(time.Minute))
}

// ApplyQuery returns the configuration a URL's query asks for, starting
// from c: kiosk=1 (or true, on, yes) turns kiosk mode on with the idle time
// of idle=N minutes, or the default; kiosk=0 (or false, off, no) turns it
// off; idle=N alone changes the idle time. changed reports whether the
// query said anything about kiosk mode.
func (c KioskConfig) ApplyQuery(q url.Values) (next KioskConfig, changed bool) {
	next = c
	idle, idleOK := parseMinutes(q.Get("idle"))
	if q.Has("kiosk") {
		switch strings.ToLower(strings.TrimSpace(q.Get("kiosk"))) {
		case "1", "true", "on", "yes", "":
			next = KioskConfig{On: true, IdleMinutes: DefaultIdleMinutes}
			changed = true
		case "0", "false", "off", "no":
			return KioskConfig{}, true
		}
	}
	if idleOK && next.On {
		next.IdleMinutes = idle
		changed = true
	}
	return next, changed
}

// parseMinutes reads a positive number of minutes, bounded.
func parseMinutes(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	m, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || m <= 0 || math.IsNaN(m) || math.IsInf(m, 0) {
		return 0, false
	}
	return min(max(m, minIdleMinutes), maxIdleMinutes), true
}
