package handlers

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/labstack/echo/v4"
)

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestTheAppIsSentPrecompressed: a browser that accepts brotli or gzip gets the build's
// precompressed copy with the original file's type; one that accepts neither (or refuses
// them with q=0) gets the file as it is; caches are told the answer varies.
func TestTheAppIsSentPrecompressed(t *testing.T) {
	t.Parallel()
	const js = "console.log('summit, summit, summit')"
	brBytes := []byte("pretend-brotli-bytes")
	files := fstest.MapFS{
		"index.html":         {Data: []byte("<!doctype html><title>Summit</title>")},
		"index.html.gz":      {Data: gzipped(t, "<!doctype html><title>Summit</title>")},
		"assets/app-1.js":    {Data: []byte(js)},
		"assets/app-1.js.br": {Data: brBytes},
		"assets/app-1.js.gz": {Data: gzipped(t, js)},
		"assets/plain-2.js":  {Data: []byte("small")},
	}
	e := echo.New()
	e.GET("/*", spaHandler(files))

	tests := []struct {
		name, target, accept string
		wantEncoding         string
		wantType             string
		wantBody             string // after decoding
	}{
		{"brotli first", "/assets/app-1.js", "gzip, deflate, br", "br", "text/javascript", ""},
		{"gzip when brotli is refused", "/assets/app-1.js", "gzip, br;q=0", "gzip", "text/javascript", js},
		{"gzip only", "/assets/app-1.js", "gzip", "gzip", "text/javascript", js},
		{"neither", "/assets/app-1.js", "", "", "text/javascript", js},
		{"both refused", "/assets/app-1.js", "br;q=0, gzip;q=0", "", "text/javascript", js},
		{"a wildcard allows the best", "/assets/app-1.js", "*", "br", "text/javascript", ""},
		{"a file kept uncompressed", "/assets/plain-2.js", "br, gzip", "", "text/javascript", "small"},
		{"a client route gets index.html compressed", "/deals/42", "gzip", "gzip", "text/html", "<title>Summit</title>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.target, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d", rec.Code)
			}
			h := rec.Header()
			if got := h.Get("Content-Encoding"); got != tc.wantEncoding {
				t.Errorf("Content-Encoding %q, want %q", got, tc.wantEncoding)
			}
			if !strings.HasPrefix(h.Get("Content-Type"), tc.wantType) {
				t.Errorf("Content-Type %q, want %s", h.Get("Content-Type"), tc.wantType)
			}
			if !strings.Contains(h.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary %q lacks Accept-Encoding", h.Get("Vary"))
			}
			body := rec.Body.String()
			switch tc.wantEncoding {
			case "br":
				if !bytes.Equal(rec.Body.Bytes(), brBytes) {
					t.Errorf("body %q is not the .br file", body)
				}
				return
			case "gzip":
				body = gunzip(t, rec.Body.Bytes())
			}
			if !strings.Contains(body, tc.wantBody) {
				t.Errorf("body %q, want %q", body, tc.wantBody)
			}
		})
	}
}

// TestAPIAnswersAreGzipped: a large JSON answer is gzipped for a client that accepts it
// and decodes to the same JSON; small answers and clients that do not ask stay plain.
func TestAPIAnswersAreGzipped(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	plain := ts.do("GET", "/api/v1/openapi.json", "")
	if plain.Code != http.StatusOK || plain.Header().Get("Content-Encoding") != "" || plain.Body.Len() < 10_000 {
		t.Fatalf("plain: %d %q, %d bytes", plain.Code, plain.Header().Get("Content-Encoding"), plain.Body.Len())
	}
	zipped := ts.do("GET", "/api/v1/openapi.json", "", "Accept-Encoding", "gzip")
	if zipped.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", zipped.Header().Get("Content-Encoding"))
	}
	if zipped.Body.Len()*3 > plain.Body.Len() {
		t.Errorf("gzipped %d bytes of %d: less than a third saved", zipped.Body.Len(), plain.Body.Len())
	}
	var a, b any
	if err := json.Unmarshal(plain.Body.Bytes(), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(gunzip(t, zipped.Body.Bytes())), &b); err != nil {
		t.Fatal(err)
	}
	if ja, jb := mustJSON(t, a), mustJSON(t, b); ja != jb {
		t.Error("the gzipped answer decodes to other JSON")
	}
	small := ts.do("GET", "/api/v1/meta", "", "Accept-Encoding", "gzip")
	if small.Header().Get("Content-Encoding") != "" || !strings.Contains(small.Body.String(), "Summit") {
		t.Errorf("a small answer: Content-Encoding %q, body %s", small.Header().Get("Content-Encoding"), small.Body)
	}
	notFound := ts.do("GET", "/api/v1/nope", "", "Accept-Encoding", "gzip")
	if notFound.Code != http.StatusNotFound || errorCode(t, notFound) != "not_found" {
		t.Errorf("an error answer: %d %s", notFound.Code, notFound.Body)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAcceptsEncoding(t *testing.T) {
	t.Parallel()
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br", "br", true},
		{"gzip, deflate", "br", false},
		{"GZIP", "gzip", true},
		{"br;q=0", "br", false},
		{"br; q=0.5", "br", true},
		{"*", "br", true},
		{"*;q=0", "gzip", false},
		{"", "gzip", false},
		{"identity", "gzip", false},
	}
	for _, tc := range tests {
		if got := acceptsEncoding(tc.header, tc.coding); got != tc.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tc.header, tc.coding, got, tc.want)
		}
	}
}

// BenchmarkGzipDealsPage compresses a deals page as the API sends it (50 deals at 10,041
// deals, seeded by `summit seed --demo --scale 10000`) at the level the API uses and at
// the level it used before: the bytes and the time per page.
func BenchmarkGzipDealsPage(b *testing.B) {
	page, err := os.ReadFile("testdata/deals-page-10k.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, level := range []int{gzip.BestSpeed, 5} {
		b.Run(fmt.Sprintf("level %d", level), func(b *testing.B) {
			var out bytes.Buffer
			w, _ := gzip.NewWriterLevel(&out, level)
			for b.Loop() {
				out.Reset()
				w.Reset(&out)
				if _, err := w.Write(page); err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len()), "bytes")
		})
	}
}
