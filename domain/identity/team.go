package identity

import (
	"strings"

	"summit/domain"
)

// Team is a node of the organisation's team tree; a deal belongs to one team.
type Team struct {
	ID   string
	Name string
	// NameZh is the team's name in Chinese, shown to zh-CN readers ("" shows Name).
	NameZh    string
	ParentID  *string
	MemberIDs []string
	Version   int
}

// NewTeam checks a team to be created.
func NewTeam(name string, parentID *string) (Team, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Team{}, domain.Invalid("name", "required", "")
	}
	if err := domain.TooLong("name", name, domain.MaxNameLen); err != nil {
		return Team{}, err
	}
	return Team{Name: name, ParentID: parentID}, nil
}
