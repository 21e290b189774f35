package compiler

import (
	"net/url"
	"path"
	"strings"

	"github.com/devrel-patterns/explorer/app/compiler/form/jbake"
	"github.com/devrel-patterns/explorer/app/corpus"
)

// defaultSiteName names a site whose content names none.
const defaultSiteName = "Pattern Explorer"

// publishedAt is where the corpus is published, before its documents are
// read: the Site option, with the origin (and prefix) of jbake.properties'
// site.host where the option gives none. A site.host that is not an http
// address, or that names this machine (JBake's default is a localhost
// address), is left out: the former with a warning.
func (c *compilation) publishedAt() corpus.Site {
	site := c.opts.Site
	if site.Origin != "" || c.props.SiteHost == "" {
		return site
	}
	host, err := corpus.ParseSite(c.props.SiteHost)
	if err != nil {
		c.report.Warnings = append(c.report.Warnings, Diagnostic{
			File: path.Join(c.opts.Dir, jbake.PropertiesFile), Line: c.props.SiteHostLine,
			Msg: "site.host is not used for share links: " + err.Error(),
		})
		return site
	}
	if u, err := url.Parse(host.Origin); err == nil && corpus.IsLoopbackHost(u.Hostname()) {
		return site // JBake's default: no public address
	}
	site.Origin = host.Origin
	if site.Prefix == "" {
		site.Prefix = host.Prefix
	}
	return site
}

// siteName is the name of the site of a corpus: the Site option's, else
// the title of its root index page, else that of its introduction when
// the title is more than the word "Introduction", else defaultSiteName.
func siteName(opt string, docs []corpus.Doc, lookup func(string) int) string {
	if opt = strings.TrimSpace(opt); opt != "" {
		return opt
	}
	if i := lookup("index"); i >= 0 && strings.TrimSpace(docs[i].Title) != "" {
		return strings.TrimSpace(docs[i].Title)
	}
	if i := lookup("introduction"); i >= 0 {
		if t := strings.TrimSpace(docs[i].Title); t != "" && !strings.EqualFold(t, "introduction") {
			return t
		}
	}
	return defaultSiteName
}
