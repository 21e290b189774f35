//go:build !wasm

package site

import (
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/devrel-patterns/explorer/app/corpus"
)

// screenshotsDir holds the screenshots the manifest offers an install
// dialog, under web/.
const screenshotsDir = "screenshots"

// manifest is the web app manifest of a site. go-app v10 writes its own
// with scope "/" whatever the prefix, and without id, lang, screenshots
// or shortcuts; the site answers with this one instead.
type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	Lang            string         `json:"lang"`
	Scope           string         `json:"scope"`
	StartURL        string         `json:"start_url"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
	Screenshots     []manifestIcon `json:"screenshots,omitempty"`
	Shortcuts       []shortcut     `json:"shortcuts"`
}

// manifestIcon is an image of the manifest: an icon or a screenshot.
type manifestIcon struct {
	Src     string `json:"src"`
	Type    string `json:"type"`
	Sizes   string `json:"sizes"`
	Purpose string `json:"purpose,omitempty"`
}

// shortcut is an entry of the installed app's menu.
type shortcut struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// makeManifest writes the manifest of a corpus's site for the handler's
// settings, with the screenshots found under root/web.
func makeManifest(c *corpus.Corpus, h *app.Handler, root string) ([]byte, error) {
	at := c.Site.Path
	home := at(corpus.HomePath)
	m := manifest{
		ID: home, Name: c.Site.Name, ShortName: h.ShortName, Description: h.Description, Lang: h.Lang,
		Scope: home, StartURL: home, Display: "standalone",
		BackgroundColor: h.BackgroundColor, ThemeColor: h.ThemeColor,
		Icons: []manifestIcon{
			{Src: at(h.Icon.Maskable), Type: "image/png", Sizes: "512x512", Purpose: "maskable"},
			{Src: at(h.Icon.SVG), Type: "image/svg+xml", Sizes: "any"},
			{Src: at(h.Icon.Large), Type: "image/png", Sizes: "512x512"},
			{Src: at(h.Icon.Default), Type: "image/png", Sizes: "192x192"},
		},
		Shortcuts: []shortcut{
			{Name: "Graph", URL: at(corpus.GraphPath)},
			{Name: "Search", URL: at(corpus.SearchPath)},
		},
	}
	shots, err := filepath.Glob(filepath.Join(root, "web", screenshotsDir, "*.png"))
	if err != nil {
		return nil, fmt.Errorf("manifest: %w", err)
	}
	sort.Strings(shots)
	for _, f := range shots {
		w, hgt, err := pngSize(f)
		if err != nil {
			return nil, fmt.Errorf("manifest: %w", err)
		}
		m.Screenshots = append(m.Screenshots, manifestIcon{
			Src: at(path.Join("/web", screenshotsDir, filepath.Base(f))), Type: "image/png", Sizes: fmt.Sprintf("%dx%d", w, hgt),
		})
	}
	return json.Marshal(m)
}

// pngSize reads the size of a PNG file.
func pngSize(name string) (int, int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		return 0, 0, fmt.Errorf("%s: %w", name, err)
	}
	return cfg.Width, cfg.Height, nil
}

// withManifest answers the manifest's two names with body, and anything
// else with h.
func withManifest(h http.Handler, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/manifest.webmanifest", "/manifest.json":
			w.Header().Set("Content-Type", "application/manifest+json")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(body)
			return
		}
		h.ServeHTTP(w, r)
	})
}
