package devmode

import "testing"

func TestProblemString(t *testing.T) {
	tests := []struct {
		name string
		p    Problem
		want string
	}{
		{"file and line", Problem{File: "content/x.md", Line: 3, Message: "bad date"}, "content/x.md:3: bad date"},
		{"file only", Problem{File: "content/x.md", Message: "unreadable"}, "content/x.md: unreadable"},
		{"no file", Problem{Message: "rebuilding the app failed"}, "rebuilding the app failed"},
		{"markup stays as written", Problem{File: "content/<b>.md", Line: 1, Message: `bad date "<i>"`}, `content/<b>.md:1: bad date "<i>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCorpusURL(t *testing.T) {
	tests := []struct {
		name    string
		version string
		want    string
	}{
		{"version", "6000d341ec91db2e", "/dev/corpus?v=6000d341ec91db2e"},
		{"none", "", "/dev/corpus?v="},
		{"escaped", "a&b=c", "/dev/corpus?v=a%26b%3Dc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CorpusURL(tt.version); got != tt.want {
				t.Errorf("CorpusURL(%q) = %q, want %q", tt.version, got, tt.want)
			}
		})
	}
}
