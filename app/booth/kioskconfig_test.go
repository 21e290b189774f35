package booth

import (
	"net/url"
	"testing"
	"time"
)

func TestKioskConfigApplyQuery(t *testing.T) {
	on := KioskConfig{On: true, IdleMinutes: 5}
	tests := []struct {
		name    string
		from    KioskConfig
		query   string
		want    KioskConfig
		changed bool
	}{
		{"nothing", KioskConfig{}, "q=booth", KioskConfig{}, false},
		{"remembered", on, "", on, false},
		{"on", KioskConfig{}, "kiosk=1", KioskConfig{On: true, IdleMinutes: DefaultIdleMinutes}, true},
		{"on with idle", KioskConfig{}, "kiosk=1&idle=3", KioskConfig{On: true, IdleMinutes: 3}, true},
		{"fractional idle", KioskConfig{}, "kiosk=true&idle=0.05", KioskConfig{On: true, IdleMinutes: 0.05}, true},
		{"on again resets idle", on, "kiosk=on", KioskConfig{On: true, IdleMinutes: DefaultIdleMinutes}, true},
		{"idle alone", on, "idle=2", KioskConfig{On: true, IdleMinutes: 2}, true},
		{"idle alone while off", KioskConfig{}, "idle=2", KioskConfig{}, false},
		{"off", on, "kiosk=0", KioskConfig{}, true},
		{"off with idle", on, "kiosk=off&idle=2", KioskConfig{}, true},
		{"bad idle", KioskConfig{}, "kiosk=1&idle=-1", KioskConfig{On: true, IdleMinutes: DefaultIdleMinutes}, true},
		{"idle not a number", on, "idle=soon", on, false},
		{"tiny idle bounded", KioskConfig{}, "kiosk=1&idle=0.0001", KioskConfig{On: true, IdleMinutes: minIdleMinutes}, true},
		{"unknown kiosk value", on, "kiosk=maybe", on, false},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got, changed := tt.from.ApplyQuery(q)
		if got != tt.want || changed != tt.changed {
			t.Errorf("%s: ApplyQuery(%q) = %+v, %v; want %+v, %v", tt.name, tt.query, got, changed, tt.want, tt.changed)
		}
	}
}

func TestKioskConfigIdle(t *testing.T) {
	for _, tt := range []struct {
		minutes float64
		want    time.Duration
	}{
		{0, 3 * time.Minute},
		{0.05, 3 * time.Second},
		{2.5, 150 * time.Second},
		{-4, 3 * time.Minute},
		{1e9, 24 * time.Hour},
	} {
		if got := (KioskConfig{On: true, IdleMinutes: tt.minutes}).Idle(); got != tt.want {
			t.Errorf("Idle of %v minutes = %v, want %v", tt.minutes, got, tt.want)
		}
	}
}

func TestIdleDue(t *testing.T) {
	last := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	if idleDue(last.Add(2*time.Second), last, 3*time.Second) {
		t.Error("due before the idle time")
	}
	if !idleDue(last.Add(3*time.Second), last, 3*time.Second) {
		t.Error("not due at the idle time")
	}
	if idleDue(last.Add(time.Hour), last, 0) {
		t.Error("due with no idle time")
	}
}
