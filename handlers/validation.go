package handlers

import (
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/locales/en"
	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	entrans "github.com/go-playground/validator/v10/translations/en"
	zhtrans "github.com/go-playground/validator/v10/translations/zh"
)

// requestValidator checks request DTOs by their `validate` tags; it is Echo's Validator.
type requestValidator struct {
	v *validator.Validate
}

var translators = func() *ut.UniversalTranslator {
	return ut.New(en.New(), en.New(), zh.New())
}()

// requestValidatorInstance is built once: translations register into the shared
// translators, and validator caches struct metadata across requests.
var requestValidatorInstance = sync.OnceValue(func() *requestValidator {
	v := validator.New(validator.WithRequiredStructEnabled())
	// Report fields by their JSON names, as the caller sent them.
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name := strings.SplitN(f.Tag.Get("json"), ",", 2)[0]
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	enT, _ := translators.GetTranslator("en")
	zhT, _ := translators.GetTranslator("zh")
	if err := entrans.RegisterDefaultTranslations(v, enT); err != nil {
		panic(err)
	}
	if err := zhtrans.RegisterDefaultTranslations(v, zhT); err != nil {
		panic(err)
	}
	return &requestValidator{v: v}
})

// Validate implements echo.Validator.
func (rv *requestValidator) Validate(i any) error { return rv.v.Struct(i) }

// validatorFields turns validator errors into the `fields` map: JSON path → message in l.
func validatorFields(errs validator.ValidationErrors, l Locale) map[string]string {
	lang := "en"
	if l == LocaleZH {
		lang = "zh"
	}
	trans, _ := translators.GetTranslator(lang)
	fields := make(map[string]string, len(errs))
	for _, fe := range errs {
		// Namespace is "Struct.json.path"; drop the Go struct name.
		path := fe.Namespace()
		if i := strings.IndexByte(path, '.'); i >= 0 {
			path = path[i+1:]
		}
		fields[path] = fe.Translate(trans)
	}
	return fields
}
