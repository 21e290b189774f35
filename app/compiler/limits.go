package compiler

import (
	"bytes"
	"fmt"
	"io/fs"
)

// Limits on what one content file may be, so that a hostile or broken file
// is an error within a second rather than minutes of parsing: goldmark's
// time grows faster than linearly with the nesting of lists and quotes.
const (
	// MaxFileSize is the most bytes a content file may hold.
	MaxFileSize = 1 << 20
	// MaxNesting is the deepest a line may nest lists, block quotes and
	// indentation (two columns a level, a tab four columns).
	MaxNesting = 32
)

// checkSize reports a file larger than MaxFileSize, before it is read.
func checkSize(fsys fs.FS, p, name string) []Diagnostic {
	st, err := fs.Stat(fsys, p)
	if err != nil || st.Size() <= MaxFileSize {
		return nil // reading reports any error
	}
	return []Diagnostic{{File: name, Line: 1, Msg: fmt.Sprintf("file is %d bytes, more than the limit of %d", st.Size(), MaxFileSize)}}
}

// checkNesting reports the first line of the body (text[body:]) that
// nests deeper than MaxNesting, counting each list marker or '>' in the
// line's prefix as a level, and each two columns of indentation outside
// fenced code.
func checkNesting(name string, text []byte, body int) []Diagnostic {
	line := 1 + bytes.Count(text[:body], []byte("\n"))
	fenced := false // inside a fenced code block, indentation is code
	for rest := text[body:]; len(rest) > 0; line++ {
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			end = len(rest)
		}
		l := rest[:end]
		if t := bytes.TrimLeft(l, " \t>-*+"); bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			fenced = !fenced
		}
		if d := nesting(l); d > MaxNesting && (!fenced || d-indent(l)/2 > MaxNesting) {
			return []Diagnostic{{File: name, Line: line, Msg: fmt.Sprintf("lists or quotes nest %d deep, more than the limit of %d", d, MaxNesting)}}
		}
		rest = rest[min(end+1, len(rest)):]
	}
	return nil
}

// indent is the columns of leading white space of a line.
func indent(l []byte) int {
	cols := 0
	for _, b := range l {
		switch b {
		case ' ':
			cols++
		case '\t':
			cols += 4
		default:
			return cols
		}
	}
	return cols
}

// nesting is how deep a line's prefix of indentation, list markers and
// block quote markers nests.
func nesting(l []byte) int {
	cols, markers := 0, 0
	for i := 0; i < len(l); i++ {
		switch b := l[i]; {
		case b == ' ':
			cols++
		case b == '\t':
			cols += 4
		case b == '>':
			markers++
		case (b == '-' || b == '*' || b == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			markers++
			i++ // the space after a marker is part of it
		case '0' <= b && b <= '9':
			j := i
			for j < len(l) && j-i < 9 && '0' <= l[j] && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				markers++
				i = j + 1 // past the '.' and its space
				continue
			}
			return cols/2 + markers
		default:
			return cols/2 + markers
		}
	}
	return cols/2 + markers
}
