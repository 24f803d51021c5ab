package repository

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestRepositoryImportsNeitherHTTPNorPolicies keeps the layers as drawn
// (docs/architecture.md): cmd → handlers → domain ← repository. The repository turns
// rows into domain values; it knows nothing of HTTP, of the handlers or of who may do
// what (policies/).
func TestRepositoryImportsNeitherHTTPNorPolicies(t *testing.T) {
	forbidden := []string{"summit/handlers", "summit/policies", "summit/cmd", "github.com/labstack", "github.com/casbin", "net/http"}
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden {
				if strings.HasPrefix(p, bad) {
					t.Errorf("%s imports %s", path, p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d files checked", checked)
	}
}
