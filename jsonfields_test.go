package zhnorm

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestJSONFieldsRewrite(t *testing.T) {
	upper := func(s string) string { return "<" + strings.ToUpper(s) + ">" }
	tests := []struct {
		fields []string
		in     string
		want   string
	}{
		{[]string{"t"}, `{"id": 7, "t": "abc", "x": "keep\u00e9"}`, `{"id": 7, "t": "<ABC>", "x": "keep\u00e9"}`},
		// Key order, spacing and the escaping of other fields stay.
		{[]string{"body"}, `{ "z":1.50e+3 ,"body":"a\"b\nc","a":[1,{"body":"nested"}] }`, `{ "z":1.50e+3 ,"body":"<A\"B\nC>","a":[1,{"body":"nested"}] }`},
		{[]string{"a.b", "c"}, `{"a":{"x":"no","b":"yes"},"c":"also"}`, `{"a":{"x":"no","b":"<YES>"},"c":"<ALSO>"}`},
		// A repeated key is rewritten wherever it stands.
		{[]string{"t"}, `{"t":"one","t":"two"}`, `{"t":"<ONE>","t":"<TWO>"}`},
		// Escaped input, raw UTF-8 output.
		{[]string{"t"}, `{"t":"\u9ed1\u9f99\u6c5f"}`, `{"t":"<黑龙江>"}`},
		{[]string{"t"}, `{"\u0074":"x"}`, `{"\u0074":"<X>"}`},
	}
	for _, tt := range tests {
		j, err := NewJSONFields(tt.fields...)
		if err != nil {
			t.Fatal(err)
		}
		got, err := j.Rewrite(nil, []byte(tt.in), upper)
		if err != nil || string(got) != tt.want {
			t.Errorf("Rewrite(%s) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

func TestJSONFieldsErrors(t *testing.T) {
	j, _ := NewJSONFields("a.b")
	for in, want := range map[string]string{
		`{"a":{"b":1}}`:   "field a.b: not a string",
		`{"a":{"c":"x"}}`: "field a.b: missing",
		`{"a":"b"}`:       "field a.b: missing",
		`{"a":{"b":"x"}`:  "not valid JSON",
		`["a"]`:           "not a JSON object",
		``:                "not valid JSON",
	} {
		dst := []byte("keep")
		got, err := j.Rewrite(dst, []byte(in), strings.ToUpper)
		var fe *JSONFieldError
		if !errors.As(err, &fe) || err.Error() != want || string(got) != "keep" {
			t.Errorf("Rewrite(%q) = %q, %v; want error %q", in, got, err, want)
		}
	}
	if _, err := NewJSONFields("a..b"); err == nil {
		t.Error("NewJSONFields(a..b) succeeded")
	}
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", "引号\"和\\反斜杠", "\x00\x01\x1f\t\n\r", "\u2028\u2029", "bad\xffutf8", "黑龍江"} {
		var back string
		enc := appendJSONString(nil, s)
		if err := json.Unmarshal(enc, &back); err != nil {
			t.Fatalf("%q encodes to invalid JSON %s: %v", s, enc, err)
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if back != want {
			t.Errorf("%q round-trips to %q", s, back)
		}
	}
}

// FuzzJSONFields: Rewrite never panics, and what it writes decodes to the
// record with the field's value replaced.
func FuzzJSONFields(f *testing.F) {
	f.Add(`{"t":"黑龙江","n":1}`)
	f.Add(`{"a":{"t":"x"},"t":"\u0041\n"}`)
	f.Fuzz(func(t *testing.T, in string) {
		j, _ := NewJSONFields("t")
		got, err := j.Rewrite(nil, []byte(in), func(s string) string { return s + "!" })
		if err != nil {
			return
		}
		var before, after map[string]any
		if err := json.Unmarshal([]byte(in), &before); err != nil {
			t.Fatalf("accepted %q, which does not decode: %v", in, err)
		}
		if err := json.Unmarshal(got, &after); err != nil {
			t.Fatalf("wrote invalid JSON %q: %v", got, err)
		}
		before["t"] = strings.ToValidUTF8(before["t"].(string), "\uFFFD") + "!"
		if !reflect.DeepEqual(before, after) {
			t.Fatalf("%q became %q", in, got)
		}
	})
}

// FuzzJSONUnquote holds jsonUnquote to encoding/json on valid strings.
func FuzzJSONUnquote(f *testing.F) {
	for _, s := range []string{`"a"`, `"\u9ed1\ud83d\ude00\ud83d"`, `"\n\t\/\\\""`, "\"\xff\xe4\"", `"\udc00x"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want string
		if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' || json.Unmarshal([]byte(s), &want) != nil {
			return
		}
		if got := jsonUnquote([]byte(s)); got != want {
			t.Fatalf("jsonUnquote(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestJSONFieldsZero: the zero value names no field and is an identity on
// valid objects.
func TestJSONFieldsZero(t *testing.T) {
	var j JSONFields
	out, err := j.Rewrite(nil, []byte(`{"a": "汉"}`), func(string) string { return "x" })
	if err != nil || string(out) != `{"a": "汉"}` {
		t.Errorf("Rewrite: %q, %v", out, err)
	}
	if _, err := j.Rewrite(nil, []byte(`[1]`), nil); err == nil {
		t.Error("Rewrite took a record that is not an object")
	}
	if vals, err := j.Values([]byte(`{"a":"b"}`)); err != nil || len(vals) != 0 {
		t.Errorf("Values: %v, %v", vals, err)
	}
}
