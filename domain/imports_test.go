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

// TestDomainImportsNeitherHTTPNorSQL keeps the dependency rule: handlers → domain ←
// repository. Business rules must not reach for Echo, GORM or a database driver.
func TestDomainImportsNeitherHTTPNorSQL(t *testing.T) {
	forbidden := []string{"github.com/labstack", "gorm.io", "database/sql", "net/http", "github.com/jackc/", "summit/handlers", "summit/repository"}
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
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
	if checked < 3 {
		t.Fatalf("only %d files checked", checked)
	}
}
