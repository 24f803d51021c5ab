package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"summit/domain/stakeholders"
)

type contactResponse struct {
	ID          string  `json:"id"`
	CustomerID  string  `json:"customer_id"`
	Name        string  `json:"name"`
	Title       string  `json:"title"`
	Department  string  `json:"department"`
	ReportsToID *string `json:"reports_to_id"`
	Phone       string  `json:"phone"`
	Email       string  `json:"email"`
	Version     int     `json:"version"`
}

func toResponseContact(c stakeholders.Contact) contactResponse {
	return contactResponse{ID: c.ID, CustomerID: c.CustomerID, Name: c.Name, Title: c.Title, Department: c.Department,
		ReportsToID: c.ReportsToID, Phone: c.Phone, Email: c.Email, Version: c.Version}
}

type createContactRequest struct {
	Name        string  `json:"name" validate:"required,max=200"`
	Title       string  `json:"title" validate:"max=200"`
	Department  string  `json:"department" validate:"max=200"`
	ReportsToID *string `json:"reports_to_id" validate:"omitempty,uuid"`
	Phone       string  `json:"phone" validate:"max=50"`
	Email       string  `json:"email" validate:"omitempty,max=254,email"`
}

type updateContactRequest struct {
	Name        *string    `json:"name" validate:"omitempty,min=1,max=200"`
	Title       *string    `json:"title" validate:"omitempty,max=200"`
	Department  *string    `json:"department" validate:"omitempty,max=200"`
	ReportsToID optionalID `json:"reports_to_id"`
	Phone       *string    `json:"phone" validate:"omitempty,max=50"`
	Email       *string    `json:"email" validate:"omitempty,max=254,email"`
}

var contactList = listOf(stakeholders.ContactSorts)

// listContacts answers GET /customers/{id}/contacts: the customer's people (org chart),
// a page at a time (?limit, ?cursor, ?sort, ?q over name, title and department).
func (s *server) listContacts(c echo.Context) error {
	p, err := contactList.parse(c)
	if err != nil {
		return err
	}
	page, err := s.deps.Stakeholders.ListContacts(c.Request().Context(), contactCustomerOf(c), p)
	if err != nil {
		return err
	}
	return writeList(c, p, page, toResponseContact)
}

// contactCustomerOf is the customer authorizeContacts resolved for the route.
func contactCustomerOf(c echo.Context) string {
	id, _ := c.Get(contactCustomerKey).(string)
	return id
}

// createContact answers POST /customers/{id}/contacts.
func (s *server) createContact(c echo.Context) error {
	id := contactCustomerOf(c)
	var req createContactRequest
	if err := bindJSON(c, &req); err != nil {
		return err
	}
	ct, err := s.deps.Stakeholders.CreateContact(c.Request().Context(), stakeholders.Contact{CustomerID: id, Name: req.Name, Title: req.Title,
		Department: req.Department, ReportsToID: req.ReportsToID, Phone: req.Phone, Email: req.Email})
	if err != nil {
		return err
	}
	return writeContact(c, http.StatusCreated, ct)
}

func (s *server) getContact(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ct, err := s.deps.Stakeholders.Contact(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return writeContact(c, http.StatusOK, ct)
}

// updateContact answers PATCH /contacts/{id} (reports_to_id null: reports to no one).
func (s *server) updateContact(c echo.Context) error {
	id, version, req, err := targetWithBody[updateContactRequest](c)
	if err != nil {
		return err
	}
	p := stakeholders.ContactPatch{Name: req.Name, Title: req.Title, Department: req.Department, Phone: req.Phone, Email: req.Email,
		ReportsToID: req.ReportsToID.Value, ClearReportsTo: req.ReportsToID.Set && req.ReportsToID.Value == nil}
	ct, err := s.deps.Stakeholders.UpdateContact(c.Request().Context(), id, version, p)
	if err != nil {
		return err
	}
	return writeContact(c, http.StatusOK, ct)
}

func (s *server) deleteContact(c echo.Context) error {
	id, version, err := target(c)
	if err != nil {
		return err
	}
	if err := s.deps.Stakeholders.DeleteContact(c.Request().Context(), id, version); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func writeContact(c echo.Context, status int, ct stakeholders.Contact) error {
	setETag(c, ct.Version)
	return c.JSON(status, toResponseContact(ct))
}
