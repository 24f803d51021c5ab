package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// shape checks an answer's body.
type shape func(body []byte) error

// listOf wants {"items": [...], "next_cursor": …} with at least min items, each with key.
func listOf(min int, key string) shape {
	return func(body []byte) error {
		var page struct {
			Items      []map[string]json.RawMessage `json:"items"`
			NextCursor *string                      `json:"next_cursor"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return fmt.Errorf("not a list page: %w", err)
		}
		if page.Items == nil {
			return errors.New(`no "items" list`)
		}
		if len(page.Items) < min {
			return fmt.Errorf("%d items, want at least %d", len(page.Items), min)
		}
		for _, it := range page.Items {
			if _, ok := it[key]; !ok {
				return fmt.Errorf("an item has no %q", key)
			}
		}
		return nil
	}
}

// objectWith wants a JSON object holding every key; "id" is matched against wantID when set.
func objectWith(wantID string, keys ...string) shape {
	return func(body []byte) error {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(body, &obj); err != nil {
			return fmt.Errorf("not an object: %w", err)
		}
		for _, k := range keys {
			if _, ok := obj[k]; !ok {
				return fmt.Errorf("no %q", k)
			}
		}
		if wantID != "" {
			var id string
			_ = json.Unmarshal(obj["id"], &id)
			if id != wantID {
				return fmt.Errorf("id %q, want %q", id, wantID)
			}
		}
		return nil
	}
}

// getStep reads paths in turn (worker w starts at its own offset), all with one shape
// check (or one per path).
type getStep struct {
	base, token string
	paths       []string
	shapes      []shape // len 1 or len(paths)
	next        int
	last        int
}

func (s *getStep) request(ctx context.Context) (*http.Request, error) {
	s.last = s.next % len(s.paths)
	s.next++
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+s.paths[s.last], nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	return req, nil
}

func (s *getStep) handle(_ http.Header, body []byte, check bool) error {
	if !check {
		return nil
	}
	if len(s.shapes) == 1 {
		return s.shapes[0](body)
	}
	return s.shapes[s.last](body)
}

// gets makes an endpoint's worker read paths, worker w starting at path w.
func gets(base, token string, paths []string, shapes ...shape) func(w int) step {
	return func(w int) step {
		return &getStep{base: base, token: token, paths: paths, shapes: shapes, next: w}
	}
}

// patchStep is one user updating one milestone over and over, sending If-Match with the
// version the last answer's ETag gave (the first from reading the milestone): it flips
// the status between planned and in_progress (an input of the confidence engine, so the
// deal's figures are recomputed), or with text set, the exit criteria between two texts
// (no engine input).
type patchStep struct {
	base, token, id string
	etag            string
	status          string
	text            bool
	criteria        string
}

func (s *patchStep) body() []byte {
	if s.text {
		if s.criteria == "Signed off by the customer (bench A)" {
			s.criteria = "Signed off by the customer (bench B)"
		} else {
			s.criteria = "Signed off by the customer (bench A)"
		}
		b, _ := json.Marshal(map[string]string{"exit_criteria": s.criteria})
		return b
	}
	if s.status == "in_progress" {
		s.status = "planned"
	} else {
		s.status = "in_progress"
	}
	b, _ := json.Marshal(map[string]string{"status": s.status})
	return b
}

func (s *patchStep) request(ctx context.Context) (*http.Request, error) {
	if s.etag == "" {
		if err := s.readETag(ctx); err != nil {
			return nil, err
		}
	}
	body := s.body()
	req, err := http.NewRequestWithContext(ctx, http.MethodPatch, s.base+"/api/v1/milestones/"+s.id, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("If-Match", s.etag)
	return req, nil
}

// readETag reads the milestone (not measured): its ETag and status.
func (s *patchStep) readETag(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/api/v1/milestones/"+s.id, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET /milestones/%s: %s", s.id, resp.Status)
	}
	var m struct {
		Status       string `json:"status"`
		ExitCriteria string `json:"exit_criteria"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		return err
	}
	s.etag, s.status, s.criteria = resp.Header.Get("ETag"), m.Status, m.ExitCriteria
	if s.etag == "" {
		return fmt.Errorf("GET /milestones/%s: no ETag", s.id)
	}
	return nil
}

// reset makes the next update read the milestone again (after a refused one).
func (s *patchStep) reset() { s.etag = "" }

func (s *patchStep) handle(h http.Header, body []byte, check bool) error {
	etag := h.Get("ETag")
	if etag == "" {
		s.etag = "" // read it again before the next update
		return errors.New("no ETag in the answer")
	}
	if v, err := strconv.Atoi(strings.Trim(etag, `W/"`)); err != nil || v < 1 {
		s.etag = ""
		return fmt.Errorf("ETag %q is not a version", etag)
	}
	s.etag = etag
	if !check {
		return nil
	}
	var m struct {
		ID           string `json:"id"`
		Status       string `json:"status"`
		ExitCriteria string `json:"exit_criteria"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return fmt.Errorf("not a milestone: %w", err)
	}
	if m.ID != s.id || m.Status != s.status || s.text && m.ExitCriteria != s.criteria {
		return fmt.Errorf("answered milestone %s in %q (%q), want %s in %q", m.ID, m.Status, m.ExitCriteria, s.id, s.status)
	}
	return nil
}

// patches makes an endpoint's worker w update milestones[w % len]: the status, or with
// text the exit criteria.
func patches(base, token string, milestones []string, text bool) func(w int) step {
	return func(w int) step {
		return &patchStep{base: base, token: token, id: milestones[w%len(milestones)], text: text}
	}
}
