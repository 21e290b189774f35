package compiler

import (
	"fmt"
	"path"
	"strings"
	"unicode"
)

// contentExts are the extensions of content files, matched without regard
// to case ("X.MD" is one).
var contentExts = []string{".md", ".markdown"}

// contentExt returns the content extension of a file's name as written,
// or "" for a file that is not content.
func contentExt(name string) string {
	ext := path.Ext(name)
	for _, e := range contentExts {
		if strings.EqualFold(ext, e) {
			return ext
		}
	}
	return ""
}

// slugOf maps a content file's path under the folder to its slug: the path
// without its extension, an index file standing for its folder
// ("behavioral/Strategy/index.md" → "behavioral/Strategy"). The folder's
// own index.md keeps the slug "index".
func slugOf(p string) string {
	s := strings.TrimSuffix(p, contentExt(p))
	if dir, base := path.Split(s); dir != "" && strings.EqualFold(base, "index") {
		return strings.TrimSuffix(dir, "/")
	}
	return s
}

// isIndex reports whether a content file is its folder's index.
func isIndex(p string) bool {
	return strings.EqualFold(strings.TrimSuffix(path.Base(p), contentExt(p)), "index")
}

// categoryOf is the folder a document belongs to: that of its file, or
// for an index file the folder above its own ("behavioral/Strategy/index.md"
// → "behavioral").
func categoryOf(p string) string {
	dir := path.Dir(p)
	if isIndex(p) && dir != "." {
		dir = path.Dir(dir)
	}
	if dir == "." {
		return ""
	}
	return dir
}

// unsafeName returns why a content file's path cannot become a URL path
// that round-trips, or "": every segment must be a name of its own (not
// "." or ".."), start with no dot, and hold no '#', '?', '%', '"', '\' or
// control character.
func unsafeName(p string) string {
	for seg := range strings.SplitSeq(p, "/") {
		switch {
		case seg == "." || seg == "..":
			return fmt.Sprintf("path segment %q cannot be part of a URL path", seg)
		case strings.HasPrefix(seg, "."):
			return fmt.Sprintf("name %q starts with a dot, which a URL path or a web host would hide", seg)
		}
		for _, r := range seg {
			switch {
			case r == '#' || r == '?' || r == '%' || r == '"' || r == '\\':
				return fmt.Sprintf("name %q has %q, which cannot be part of a URL path: rename the file", seg, r)
			case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
				return fmt.Sprintf("name %q has the control character %U: rename the file", seg, r)
			}
		}
	}
	return ""
}
