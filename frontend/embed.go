// Package frontend embeds the built single-page app so the summit binary serves it itself.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Files returns the built SPA (index.html and assets) rooted at the build output folder.
// Before `npm run build` has run it is empty, and the server says so instead of serving a page.
func Files() fs.FS {
	sub, err := fs.Sub(dist, "dist/spa")
	if err != nil {
		panic(err) // fs.Sub only fails on an invalid path literal
	}
	return sub
}
