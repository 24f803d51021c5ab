package handlers

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestHandlersDoNotImportTheRepository keeps the layers as drawn (docs/architecture.md):
// cmd → handlers → domain ← repository. The HTTP layer talks to the domain's services
// only; SQL, GORM and the repository stay behind them. Tests may wire the real
// repository, so only non-test files are checked.
func TestHandlersDoNotImportTheRepository(t *testing.T) {
	forbidden := []string{"summit/repository", "gorm.io", "github.com/jackc/"}
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
