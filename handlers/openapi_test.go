package handlers

import (
	"regexp"
	"strings"
	"testing"
)

var echoParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// TestOpenAPIDescribesEveryRoute fails when an API route is registered without being in
// openapi.yaml, or the document names an operation no route serves.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	t.Parallel()
	e := newTestServer(t).e
	doc, _, err := loadOpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	for _, r := range e.Routes() {
		if !strings.HasPrefix(r.Path, apiBase+"/") || strings.HasSuffix(r.Path, "*") {
			continue
		}
		path := echoParam.ReplaceAllString(strings.TrimPrefix(r.Path, apiBase), "{$1}")
		key := r.Method + " " + path
		registered[key] = true
		item := doc.Paths.Find(path)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("route %s is not in handlers/openapi.yaml", key)
		}
	}
	if len(registered) == 0 {
		t.Fatal("no API routes found; the test would pass vacuously")
	}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if !registered[method+" "+path] {
				t.Errorf("openapi.yaml describes %s %s, which no route serves", method, path)
			}
		}
	}
}
