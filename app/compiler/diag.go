package compiler

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Diagnostic is one message about a content file, located by file and line.
type Diagnostic struct {
	// File is the file's path as shown to the user, e.g. "content/booth.md".
	File string `json:"file"`
	// Line is the 1-based line the message is about.
	Line int `json:"line"`
	// Msg says what is wrong, in lower case.
	Msg string `json:"message"`
}

// String formats d as "file:line: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d: %s", d.File, d.Line, d.Msg)
}

// ErrorList is every error found in a content folder, sorted by file and
// line, like go/scanner.ErrorList. It is returned as the error of Compile.
type ErrorList []Diagnostic

// Error lists every diagnostic, one per line.
func (l ErrorList) Error() string {
	s := make([]string, len(l))
	for i, d := range l {
		s[i] = d.String()
	}
	return strings.Join(s, "\n")
}

func sortDiagnostics(l []Diagnostic) {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Msg, b.Msg))
	})
}
