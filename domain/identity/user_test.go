package identity

import (
	"errors"
	"testing"

	"summit/domain"
)

func TestNewUser(t *testing.T) {
	tests := []struct {
		name       string
		email      string
		userName   string
		role       Role
		locale     Locale
		wantFields []string
		wantEmail  string
		wantLocale Locale
	}{
		{"valid, email normalised", "  Li.Wei@Example.COM ", "Li Wei", RoleMember, "", nil, "li.wei@example.com", LocaleEnglish},
		{"chinese locale kept", "a@b.cn", "张三", RoleExecutive, LocaleChinese, nil, "a@b.cn", LocaleChinese},
		{"bad email", "not-an-email", "X", RoleAdmin, "en", []string{"email"}, "", ""},
		{"missing name", "a@b.cn", "  ", RoleAdmin, "en", []string{"name"}, "", ""},
		{"unknown role and locale", "a@b.cn", "X", Role("owner"), Locale("fr"), []string{"role", "locale"}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := NewUser(tc.email, tc.userName, tc.role, tc.locale)
			if tc.wantFields == nil {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if u.Email != tc.wantEmail || u.Locale != tc.wantLocale || !u.Active {
					t.Fatalf("got %+v", u)
				}
				return
			}
			var verr *domain.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("want ValidationError, got %v", err)
			}
			got := map[string]bool{}
			for _, v := range verr.Violations {
				got[v.Field] = true
			}
			for _, f := range tc.wantFields {
				if !got[f] {
					t.Errorf("field %q not reported; got %v", f, verr.Violations)
				}
			}
			if len(got) != len(tc.wantFields) {
				t.Errorf("reported %v, want exactly %v", verr.Violations, tc.wantFields)
			}
		})
	}
}

func TestPasswordPolicyAndHash(t *testing.T) {
	tests := []struct {
		password string
		ok       bool
	}{
		{"short", false},
		{"elevenchars", false},
		{"twelve chars", true},
		{"十二个汉字的密码也可以的吧", true},
	}
	for _, tc := range tests {
		hash, err := HashPassword(tc.password)
		if (err == nil) != tc.ok {
			t.Fatalf("HashPassword(%q) err=%v, want ok=%v", tc.password, err, tc.ok)
		}
		if !tc.ok {
			continue
		}
		if !PasswordMatches(tc.password, hash) {
			t.Errorf("%q does not match its own hash", tc.password)
		}
		if PasswordMatches(tc.password+"x", hash) {
			t.Errorf("a different password matched the hash of %q", tc.password)
		}
	}
	if PasswordMatches("anything at all", "not-a-hash") {
		t.Error("a malformed hash matched")
	}
}
