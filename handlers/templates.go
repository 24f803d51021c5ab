package handlers

import (
	"errors"
	"net/http"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"summit/domain"
	"summit/domain/confidence"
	"summit/domain/deals"
)

type templateMilestoneDTO struct {
	Key            string `json:"key,omitempty" validate:"max=64"`
	Name           string `json:"name" validate:"required,max=300"`
	NameZh         string `json:"name_zh" validate:"max=300"`
	OwnerRole      string `json:"owner_role" validate:"required,oneof=pmo business solution"`
	Weight         int    `json:"weight" validate:"gte=0,lte=1000"`
	Gate           bool   `json:"gate"`
	DurationDays   int    `json:"duration_days" validate:"gte=1,lte=3650"`
	DependsOn      []int  `json:"depends_on" validate:"dive,gte=0,lt=200"` // indexes of earlier steps (domain.MaxTemplateSteps)
	ExitCriteria   string `json:"exit_criteria,omitempty" validate:"max=4000"`
	ExitCriteriaZh string `json:"exit_criteria_zh,omitempty" validate:"max=4000"`
}

type templateResponse struct {
	ID         string                 `json:"id"`
	Key        *string                `json:"key"`
	Builtin    bool                   `json:"builtin"`
	Name       string                 `json:"name"`
	NameZh     string                 `json:"name_zh"`
	Segment    string                 `json:"segment"`
	Milestones []templateMilestoneDTO `json:"milestones"`
	// ConfidenceParams are the overrides of the confidence model ({} when none).
	ConfidenceParams map[string]float64 `json:"confidence_params"`
	Version          int                `json:"version"`
}

type templateRequest struct {
	Name       string                 `json:"name" validate:"required,max=200"`
	NameZh     string                 `json:"name_zh" validate:"required,max=200"`
	Segment    string                 `json:"segment" validate:"required,oneof=g2b key_account"`
	Milestones []templateMilestoneDTO `json:"milestones" validate:"required,min=1,max=200,dive"`
	// ConfidenceParams replaces the overrides when sent ({} clears them; omitted keeps
	// them on PUT). At most one entry per parameter (len(confidence.Parameters()), a test
	// keeps the tag in step); names and values are the domain's to check.
	ConfidenceParams map[string]float64 `json:"confidence_params" validate:"omitempty,max=34"`
}

func toResponseTemplate(t deals.Template) templateResponse {
	params := t.ConfidenceParams
	if params == nil {
		params = map[string]float64{}
	}
	out := templateResponse{ID: t.ID, Builtin: t.Key != "", Name: t.Name, NameZh: t.NameZh, Segment: string(t.Segment), Version: t.Version,
		Milestones: make([]templateMilestoneDTO, 0, len(t.Milestones)), ConfidenceParams: params}
	if t.Key != "" {
		out.Key = &t.Key
	}
	for _, m := range t.Milestones {
		deps := m.DependsOn
		if deps == nil {
			deps = []int{}
		}
		out.Milestones = append(out.Milestones, templateMilestoneDTO{Key: m.Key, Name: m.Name, NameZh: m.NameZh, OwnerRole: string(m.OwnerRole),
			Weight: m.Weight, Gate: m.Gate, DurationDays: m.DurationDays, DependsOn: deps, ExitCriteria: m.ExitCriteria, ExitCriteriaZh: m.ExitCriteriaZh})
	}
	return out
}

func (r templateRequest) toDomain() deals.Template {
	t := deals.Template{Name: r.Name, NameZh: r.NameZh, Segment: deals.Segment(r.Segment), ConfidenceParams: r.ConfidenceParams}
	for _, m := range r.Milestones {
		t.Milestones = append(t.Milestones, deals.TemplateMilestone{Key: m.Key, Name: m.Name, NameZh: m.NameZh, OwnerRole: deals.OwnerRole(m.OwnerRole),
			Weight: m.Weight, Gate: m.Gate, DurationDays: m.DurationDays, DependsOn: m.DependsOn, ExitCriteria: m.ExitCriteria, ExitCriteriaZh: m.ExitCriteriaZh})
	}
	return t
}

var templateList = listOf(deals.TemplateSorts)

// listTemplates answers GET /templates a page at a time (?limit, ?cursor, ?sort, ?q over
// both names); each says whether it is built-in.
func (s *server) listTemplates(c echo.Context) error {
	p, err := templateList.parse(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Deals.TemplatePage(c.Request().Context(), p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseTemplate)
}

func (s *server) getTemplate(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	t, err := s.deps.Deals.Template(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeTemplate(c, http.StatusOK, t)
}

func (s *server) createTemplate(c echo.Context) error {
	var req templateRequest
	if err := withParamsCheck(bindJSON(c, &req), req.ConfidenceParams); err != nil {
		return err
	}
	t, err := s.deps.Deals.CreateTemplate(c.Request().Context(), templateActor(c), req.toDomain())
	if err != nil {
		return err
	}
	return writeTemplate(c, http.StatusCreated, t)
}

// withParamsCheck adds to bindErr (a body that decoded, or failed its tags) the
// overrides the model does not take: an unknown name, a value out of its range or not a
// whole number of days, stances out of order — each a 422 on confidence_params.<name>
// (confidence.Params.WithOverrides), reported with the body's other bad fields. A body
// that did not decode (400) is returned as it is.
func withParamsCheck(bindErr error, overrides map[string]float64) error {
	var fes validator.ValidationErrors
	if bindErr != nil && !errors.As(bindErr, &fes) {
		return bindErr
	}
	_, err := confidence.DefaultParams().WithOverrides(overrides)
	var perr *domain.ValidationError
	if !errors.As(err, &perr) {
		if err != nil {
			return err
		}
		return bindErr
	}
	out := &domain.ValidationError{}
	for _, fe := range fes {
		path := fe.Namespace()
		if i := strings.IndexByte(path, '.'); i >= 0 {
			path = path[i+1:] // drop the Go struct name, as validatorFields does
		}
		out.Add(path, fe.Tag(), fe.Param())
	}
	out.Violations = append(out.Violations, perr.Violations...)
	return out
}

// templateActor is the caller as the template use cases see it (for the audit trail).
func templateActor(c echo.Context) deals.Actor { return deals.Actor{UserID: callerOf(c).User.ID} }

// updateTemplate answers PUT /templates/{id}: the whole template is replaced.
func (s *server) updateTemplate(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	var req templateRequest
	if err := withParamsCheck(bindJSON(c, &req), req.ConfidenceParams); err != nil {
		return err
	}
	t, err := s.deps.Deals.UpdateTemplate(c.Request().Context(), templateActor(c), id, version, req.toDomain())
	if err != nil {
		return err
	}
	return writeTemplate(c, http.StatusOK, t)
}

func (s *server) deleteTemplate(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Deals.DeleteTemplate(c.Request().Context(), id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func writeTemplate(c echo.Context, status int, t deals.Template) error {
	setETag(c, t.Version)
	return c.JSON(status, toResponseTemplate(t))
}
