package handlers

import (
	"net/http/httptest"
	"strings"
	"testing"

	"summit/domain/identity"
)

// TestChooseLocale is the one language rule: what the request asks for (q-values
// honoured), else the profile, else English.
func TestChooseLocale(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		acceptLanguage string
		profile        Locale
		want           Locale
	}{
		{"no header, no profile", "", "", LocaleEN},
		{"no header, Chinese profile (API token)", "", LocaleZH, LocaleZH},
		{"no header, English profile", "", LocaleEN, LocaleEN},
		{"English browser beats a Chinese profile", "en-US,en;q=0.9", LocaleZH, LocaleEN},
		{"Chinese browser beats an English profile", "zh-CN,zh;q=0.9", LocaleEN, LocaleZH},
		{"plain zh", "zh", "", LocaleZH},
		{"Traditional Chinese reads Simplified rather than English", "zh-TW", "", LocaleZH},
		{"British English", "en-GB", LocaleZH, LocaleEN},
		{"q-values, Chinese preferred though listed last", "en;q=0.1, zh-CN;q=0.9", LocaleEN, LocaleZH},
		{"q-values, English preferred", "zh-CN;q=0.5, en-US;q=0.8", LocaleZH, LocaleEN},
		{"q=0 refuses a language", "zh-CN;q=0, en", LocaleZH, LocaleEN},
		{"an unsupported first choice falls to a supported second", "fr, zh;q=0.5", LocaleEN, LocaleZH},
		{"only unsupported languages: the profile", "de-DE,de;q=0.9,fr", LocaleZH, LocaleZH},
		{"only unsupported languages, no profile: English", "ja", "", LocaleEN},
		{"a wildcard names no language: the profile", "*", LocaleZH, LocaleZH},
		{"a malformed header: the profile", "garbage;;;", LocaleZH, LocaleZH},
		{"an unknown profile value: English", "", Locale("fr"), LocaleEN},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := chooseLocale(tc.acceptLanguage, tc.profile); got != tc.want {
				t.Fatalf("chooseLocale(%q, %q) = %q, want %q", tc.acceptLanguage, tc.profile, got, tc.want)
			}
		})
	}
}

// TestServerAnswersInTheRequestedLanguage drives the real server: a browser's
// Accept-Language wins over the profile, and a token without the header gets the profile's.
func TestServerAnswersInTheRequestedLanguage(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t)
	for _, u := range []struct {
		email  string
		locale identity.Locale
	}{{"zhang@example.com", identity.LocaleChinese}, {"smith@example.com", identity.LocaleEnglish}} {
		created := ts.user(u.email, identity.RoleMember)
		if _, err := ts.id.UpdateProfile(t.Context(), identity.Actor{UserID: created.ID}, created.Version, nil, &u.locale); err != nil {
			t.Fatal(err)
		}
	}
	zhang, smith := ts.signIn("zhang@example.com"), ts.signIn("smith@example.com")
	var tok createdTokenResponse
	decode(t, zhang.do("POST", "/api/v1/me/tokens", `{"name":"script"}`), &tok)
	token := func(method, target, body string, headers ...string) *httptest.ResponseRecorder {
		return ts.do(method, target, body, append([]string{"Authorization", "Bearer " + tok.Token}, headers...)...)
	}

	type sender func(method, target, body string, headers ...string) *httptest.ResponseRecorder
	tests := []struct {
		name     string
		send     sender
		header   string // Accept-Language; "" sends none
		wantCode string
		want     Locale
	}{
		{"Chinese profile, English browser", zhang.do, "en-US,en;q=0.9", "precondition_required", LocaleEN},
		{"Chinese profile, browser asks for Chinese", zhang.do, "zh-CN", "precondition_required", LocaleZH},
		{"Chinese profile, browser names only French", zhang.do, "fr-FR", "precondition_required", LocaleZH},
		{"English profile, Chinese browser", smith.do, "zh-CN,zh;q=0.9,en;q=0.8", "precondition_required", LocaleZH},
		{"English profile, no header", smith.do, "", "precondition_required", LocaleEN},
		{"Chinese profile's token, no header", token, "", "precondition_required", LocaleZH},
		{"Chinese profile's token, the script asks for English", token, "en", "precondition_required", LocaleEN},
		{"Chinese profile, cookie without the CSRF token", func(method, target, body string, headers ...string) *httptest.ResponseRecorder {
			return ts.do(method, target, body, append([]string{"Cookie", sessionCookie + "=" + zhang.cookie}, headers...)...)
		}, "", "csrf_failed", LocaleZH},
		{"signed out, Chinese browser", ts.do, "zh-CN", "unauthenticated", LocaleZH},
		{"signed out, no header", ts.do, "", "unauthenticated", LocaleEN},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var headers []string
			if tc.header != "" {
				headers = []string{"Accept-Language", tc.header}
			}
			// A change without If-Match: refused, with a message in the chosen language.
			rec := tc.send("PATCH", "/api/v1/me", `{"name":"New name"}`, headers...)
			var body errorBody
			decode(t, rec, &body)
			want := errorMessages[tc.wantCode].in(tc.want)
			if body.Error.Code != tc.wantCode || body.Error.Message != want {
				t.Fatalf("%d %s %q, want %s with the %s message %q", rec.Code, body.Error.Code, body.Error.Message, tc.wantCode, tc.want, want)
			}
		})
	}
}

// TestMessagesSpeakToUsers keeps developer wording out of the messages a person may read:
// headers, wire formats and body field names belong in docs/api.md, not in the UI.
func TestMessagesSpeakToUsers(t *testing.T) {
	t.Parallel()
	jargon := []string{"see fields", "查看 fields", "JSON", "X-CSRF", "CSRF", "If-Match", "Content-Type", "application/json",
		"request body", "请求体", "endpoint", "接口", "NUL"}
	catalogues := map[string]map[string]message{"errorMessages": errorMessages, "ruleMessages": ruleMessages}
	for name, catalogue := range catalogues {
		for key, m := range catalogue {
			for _, l := range []Locale{LocaleEN, LocaleZH} {
				t.Run(name+"/"+key+"/"+string(l), func(t *testing.T) {
					text := m.in(l)
					for _, word := range jargon {
						if strings.Contains(text, word) {
							t.Errorf("%q says %q; word it as a user would understand it", text, word)
						}
					}
				})
			}
		}
	}
}
