package domain_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLayersImportOnlyWhatTheyMay keeps the layers as drawn (docs/architecture.md):
// cmd → handlers → domain ← repository. Business rules reach for neither HTTP nor SQL;
// the HTTP layer talks to the domain's services, never to the repository, GORM or the
// driver (tests may wire the real repository); the repository turns rows into domain
// values and knows nothing of HTTP or of who may do what (policies/).
func TestLayersImportOnlyWhatTheyMay(t *testing.T) {
	tests := []struct {
		layer      string // folder, from domain/
		forbidden  []string
		withTests  bool // check _test.go files too
		atLeastGos int  // a walk that finds fewer files is looking in the wrong place
	}{
		{".", []string{"github.com/labstack", "gorm.io", "database/sql", "net/http", "github.com/jackc/", "summit/handlers", "summit/repository"}, true, 3},
		{"../handlers", []string{"summit/repository", "gorm.io", "github.com/jackc/"}, false, 20},
		{"../repository", []string{"summit/handlers", "summit/policies", "summit/cmd", "github.com/labstack", "github.com/casbin", "net/http"}, false, 20},
	}
	for _, tc := range tests {
		t.Run(tc.layer, func(t *testing.T) {
			checked := 0
			err := filepath.WalkDir(tc.layer, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || (!tc.withTests && strings.HasSuffix(path, "_test.go")) {
					return err
				}
				f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
				if err != nil {
					return err
				}
				checked++
				for _, imp := range f.Imports {
					p, _ := strconv.Unquote(imp.Path.Value)
					for _, bad := range tc.forbidden {
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
			if checked < tc.atLeastGos {
				t.Fatalf("only %d files checked", checked)
			}
		})
	}
}
