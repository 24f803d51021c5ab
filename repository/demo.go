package repository

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"summit/domain"
	"summit/domain/identity"
)

// DemoPassword is the password of every demo user (documented in README).
const DemoPassword = "summit-demo-2026"

// DemoUser is one demo sign-in.
type DemoUser struct {
	Email  string
	Name   string
	Role   identity.Role
	Locale identity.Locale
	Teams  []string // team paths, "Parent/Child"
}

// demoTeams is the demo organisation's team tree, parents before children.
var demoTeams = []string{
	"Government Business",
	"Government Business/North China",
	"Government Business/East China",
	"Key Accounts",
	"Key Accounts/Energy",
	"Key Accounts/Finance",
}

// demoTeamNamesZh are the demo teams' names in Chinese, by their English name.
var demoTeamNamesZh = map[string]string{
	"Government Business": "政府业务部",
	"North China":         "华北区",
	"East China":          "华东区",
	"Key Accounts":        "大客户部",
	"Energy":              "能源行业部",
	"Finance":             "金融行业部",
}

// DemoUsers are the demo organisation's people: one of every global role and members
// who will hold each deal role.
var DemoUsers = []DemoUser{
	{"admin@summit.example", "Ada Admin", identity.RoleAdmin, identity.LocaleEnglish, nil},
	{"exec@summit.example", "Zhou Min 周敏", identity.RoleExecutive, identity.LocaleChinese, nil},
	{"pmo@summit.example", "Li Wei 李伟", identity.RoleMember, identity.LocaleChinese, []string{"Government Business/North China"}},
	{"am@summit.example", "Wang Fang 王芳", identity.RoleMember, identity.LocaleChinese, []string{"Government Business/North China"}},
	{"solution@summit.example", "Chen Jie 陈杰", identity.RoleMember, identity.LocaleEnglish, []string{"Government Business/North China", "Key Accounts/Energy"}},
	{"east.pmo@summit.example", "Zhang Lei 张磊", identity.RoleMember, identity.LocaleChinese, []string{"Government Business/East China"}},
	{"ka.pmo@summit.example", "Grace Liu", identity.RoleMember, identity.LocaleEnglish, []string{"Key Accounts/Energy"}},
	{"ka.am@summit.example", "Sun Tao 孙涛", identity.RoleMember, identity.LocaleChinese, []string{"Key Accounts/Finance"}},
}

// DemoReport says what a demo seed added; a second run adds nothing.
type DemoReport struct {
	UsersCreated int
	TeamsCreated int
	DealsCreated int
}

// SeedDemo loads the demo organisation (teams, users, customers, 32 deals with plans) in
// one transaction. It is idempotent: what exists
// (matched by email, and by team name under its parent) is left as it is.
func SeedDemo(ctx context.Context, db *gorm.DB) (DemoReport, error) {
	var report DemoReport
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		teams, users := NewTeams(tx), NewUsers(tx)
		teamIDs := map[string]string{}
		for _, path := range demoTeams {
			id, created, err := ensureTeam(ctx, teams, teamIDs, path)
			if err != nil {
				return err
			}
			teamIDs[path] = id
			if created {
				report.TeamsCreated++
			}
		}
		hash, err := identity.HashPassword(DemoPassword)
		if err != nil {
			return err
		}
		for _, du := range DemoUsers {
			u, err := users.UserByEmail(ctx, du.Email)
			if errors.Is(err, domain.ErrNotFound) {
				if u, err = identity.NewUser(du.Email, du.Name, du.Role, du.Locale); err != nil {
					return err
				}
				u.PasswordHash = hash
				seeded := identity.AuditEvent{Action: identity.AuditUserCreated, SubjectType: "user", Details: map[string]any{"source": "demo seed"}}
				if u, err = users.CreateUser(ctx, u, seeded); err != nil {
					return err
				}
				report.UsersCreated++
			} else if err != nil {
				return err
			}
			for _, path := range du.Teams {
				if err := teams.AddMembers(ctx, teamIDs[path], u.ID); err != nil {
					return err
				}
			}
		}
		report.DealsCreated, err = seedDemoDeals(ctx, tx, teamIDs, time.Now().UTC())
		return err
	})
	if err != nil {
		return DemoReport{}, fmt.Errorf("seed demo: %w", err)
	}
	return report, nil
}

func ensureTeam(ctx context.Context, teams *Teams, known map[string]string, path string) (id string, created bool, err error) {
	var parentID *string
	name := path
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			parent := known[path[:i]]
			parentID, name = &parent, path[i+1:]
			break
		}
	}
	t, err := teams.ByName(ctx, parentID, name)
	if err == nil {
		if t.NameZh == "" && demoTeamNamesZh[name] != "" { // seeded before teams had Chinese names
			err = conn(ctx, teams.db).Model(&teamRow{}).Where("id = ? AND name_zh = ''", t.ID).
				Updates(map[string]any{"name_zh": demoTeamNamesZh[name], "version": gorm.Expr("version + 1")}).Error
		}
		return t.ID, false, translate(err, "demo team "+name)
	}
	if !errors.Is(err, domain.ErrNotFound) {
		return "", false, err
	}
	if t, err = identity.NewTeam(name, parentID); err != nil {
		return "", false, err
	}
	t.NameZh = demoTeamNamesZh[name]
	seeded := identity.AuditEvent{Action: identity.AuditTeamCreated, SubjectType: "team", Details: map[string]any{"source": "demo seed"}}
	if t, err = teams.CreateTeam(ctx, t, seeded); err != nil {
		return "", false, err
	}
	return t.ID, true, nil
}
