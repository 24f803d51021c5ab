package handlers

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/labstack/echo/v4"
)

//go:embed openapi.yaml
var openAPIYAML []byte

// loadOpenAPI parses and validates the embedded OpenAPI document once, at start-up.
func loadOpenAPI() (*openapi3.T, []byte, error) {
	doc, err := openapi3.NewLoader().LoadFromData(openAPIYAML)
	if err != nil {
		return nil, nil, fmt.Errorf("openapi.yaml: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, nil, fmt.Errorf("openapi.yaml: %w", err)
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, err
	}
	return doc, body, nil
}

// openAPIHandler serves the document as JSON (GET /api/v1/openapi.json).
func openAPIHandler(body []byte) echo.HandlerFunc {
	return func(c echo.Context) error {
		return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, body)
	}
}
