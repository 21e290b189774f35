//go:build !wasm

package server

import (
	"slices"
	"strconv"
	"strings"
)

// negotiate picks the content coding to send from offers (codings that have
// a twin, among "br" and "gzip") according to the Accept-Encoding header,
// and returns "" for identity. The highest q-value wins; at equal q, br is
// preferred over gzip and both over identity. q=0 excludes a coding; "*"
// gives its q-value to every coding not named; "x-gzip" counts as gzip.
// Identity is acceptable unless excluded by "identity;q=0" or by "*;q=0"
// without an identity entry, and ranks below every coding the client named
// unless it is named itself; when nothing is acceptable, identity is sent
// anyway rather than a 406. A missing or empty header means identity.
// minQ is the smallest non-zero qvalue.
const minQ = 0.001

func negotiate(header string, offers []string) string {
	if header == "" || len(offers) == 0 {
		return ""
	}
	q := parseAcceptEncoding(header)
	weight := func(c string) float64 {
		if v, ok := q[c]; ok {
			return v
		}
		if c == "gzip" {
			if v, ok := q["x-gzip"]; ok {
				return v
			}
		}
		if v, ok := q["*"]; ok {
			return v
		}
		if c == "identity" {
			// Implicitly acceptable, but after any coding the client named.
			return minQ
		}
		return 0
	}
	best, bestQ := "", weight("identity")
	// Walk from the least preferred so that ties go to the more preferred.
	for i := len(codings) - 1; i >= 0; i-- {
		c := codings[i].name
		if !slices.Contains(offers, c) {
			continue
		}
		if w := weight(c); w > 0 && w >= bestQ {
			best, bestQ = c, w
		}
	}
	return best
}

// parseAcceptEncoding maps each coding named in an Accept-Encoding header
// (lower case) to its q-value. Elements with an invalid q-value are
// ignored; a coding listed twice keeps its highest q-value.
func parseAcceptEncoding(header string) map[string]float64 {
	q := map[string]float64{}
	for elem := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(elem, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		v, ok := 1.0, true
		for p := range strings.SplitSeq(params, ";") {
			k, val, found := strings.Cut(p, "=")
			if !found || !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			v, ok = parseQ(strings.TrimSpace(val))
		}
		if !ok {
			continue
		}
		if old, seen := q[name]; !seen || v > old {
			q[name] = v
		}
	}
	return q
}

// parseQ parses an RFC 9110 qvalue: 0 to 1 with at most three decimals.
func parseQ(s string) (float64, bool) {
	if s == "" || len(s) > 5 || (s[0] != '0' && s[0] != '1') {
		return 0, false
	}
	if len(s) > 1 && s[1] != '.' {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v > 1 {
		return 0, false
	}
	return v, true
}
