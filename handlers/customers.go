package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain/deals"
)

type customerResponse struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Region   string `json:"region"`
	Industry string `json:"industry"`
	Version  int    `json:"version"`
}

func toResponseCustomer(c deals.Customer) customerResponse {
	return customerResponse{ID: c.ID, Name: c.Name, Kind: string(c.Kind), Region: c.Region, Industry: c.Industry, Version: c.Version}
}

type createCustomerRequest struct {
	Name     string `json:"name" validate:"required,max=200"`
	Kind     string `json:"kind" validate:"required,oneof=government state_owned enterprise"`
	Region   string `json:"region" validate:"max=100"`
	Industry string `json:"industry" validate:"max=100"`
}

type updateCustomerRequest struct {
	Name     *string `json:"name" validate:"omitempty,min=1,max=200"`
	Kind     *string `json:"kind" validate:"omitempty,oneof=government state_owned enterprise"`
	Region   *string `json:"region" validate:"omitempty,max=100"`
	Industry *string `json:"industry" validate:"omitempty,max=100"`
}

var customerList = listOf(deals.CustomerSorts)

// listCustomers answers GET /customers (?q= over names, ?kind=).
func (s *server) listCustomers(c echo.Context) error {
	p, err := customerList.parse(c)
	if err != nil {
		return err
	}
	var kind *deals.CustomerKind
	if raw := c.QueryParam("kind"); raw != "" {
		k := deals.CustomerKind(raw)
		if !k.Valid() {
			return badQuery("kind", "oneof", "government state_owned enterprise")
		}
		kind = &k
	}
	page, err := s.deps.Deals.ListCustomers(c.Request().Context(), kind, p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseCustomer)
}

func (s *server) getCustomer(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	cu, err := s.deps.Deals.Customer(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeCustomer(c, http.StatusOK, cu)
}

func (s *server) createCustomer(c echo.Context) error {
	var req createCustomerRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	cu, err := s.deps.Deals.CreateCustomer(c.Request().Context(), deals.Customer{Name: req.Name, Kind: deals.CustomerKind(req.Kind), Region: req.Region, Industry: req.Industry})
	if err != nil {
		return err
	}
	return writeCustomer(c, http.StatusCreated, cu)
}

func (s *server) updateCustomer(c echo.Context) error {
	id, version, req, err := targetWithBody[updateCustomerRequest](c)
	if err != nil {
		return err
	}
	patch := deals.CustomerPatch{Name: req.Name, Region: req.Region, Industry: req.Industry}
	if req.Kind != nil {
		k := deals.CustomerKind(*req.Kind)
		patch.Kind = &k
	}
	cu, err := s.deps.Deals.UpdateCustomer(c.Request().Context(), id, version, patch)
	if err != nil {
		return err
	}
	return writeCustomer(c, http.StatusOK, cu)
}

func (s *server) deleteCustomer(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Deals.DeleteCustomer(c.Request().Context(), id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func writeCustomer(c echo.Context, status int, cu deals.Customer) error {
	setETag(c, cu.Version)
	return c.JSON(status, toResponseCustomer(cu))
}
