package zhnorm

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzParsePage: ParsePage never panics and loses nothing: every non-blank
// line of the input is in an article or in Dropped (checkAccounted). Text,
// Map and encoding/json work on whatever it returns.
func FuzzParsePage(f *testing.F) {
	for _, s := range pageSamples {
		f.Add(readTestdata(f, s.input))
	}
	for _, s := range []string{
		"", "\n\n", "\r", "第01版", "第01版\n頭版", "(據(jù)", "（", "2022年02月30日 星期八",
		"标题\n" + p1 + "\n" + p1 + "\n" + p2, "汉\xff字\n" + p1 + "\xfe", "一、\n" + p1,
		"2022-6-7 周", "来源：", "作者：作者：", "第版", "第1", "(ā)", "漢(ā", "本报记者", "（记者）",
		"【字号 大 中 小】", "〔記者", "〔記者〕", "（中央社記者台北7日電）", "新华社北京6月7日电（记者", "本报讯（",
		"民國", "民國1年", "二〇二二年十", "二〇二二年三十一月廿日", "6月7日", "6月", "111年2月29日", "（編輯：）1110607",
		"为什么？\n本报记者 张三\n" + p1, "【明報專訊】",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePage(s)
		checkAccounted(t, s, p, err)
		_ = p.Text()
		if diff := cmp.Diff(p, p.Map(func(s string) string { return s })); diff != "" {
			t.Errorf("Map(identity) changed the page:\n%s", diff)
		}
		if _, err := json.Marshal(p); err != nil {
			t.Error(err)
		}
	})
}
