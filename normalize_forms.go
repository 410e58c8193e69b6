package zhnorm

// The Forms rule: the compatibility punctuation that legacy encodings (Big5,
// GB 2312's vertical forms) and vertical typesetting left in text becomes
// the punctuation it stands for. NFKC would make most of it ASCII, which is
// wrong in Chinese text.

// Kinds of form, by how the rule decides.
const (
	formAlways = iota + 1 // always the standard mark
	formMark              // , ; : ! ?: full-width in Chinese context, else ASCII
)

// formOf returns the standard punctuation a small form variant (U+FE50–FE6B)
// or vertical form (U+FE10–FE19, U+FE30–FE4F) stands for, and how the rule
// decides it; 0 for the forms that stay (sesame dots, overlines and low
// lines, which are marks of emphasis rather than punctuation, and the
// unassigned code points). The forms of symbols (﹒﹣﹪…) become their
// full-width forms, which the Width rule then folds beside ASCII letters and
// digits (０﹒５mg → 0.5mg); the vertical dashes and ellipsis become the
// single marks, which the Dash and Ellipsis rules then double between
// Chinese.
func formOf(r rune) (rune, int) {
	switch {
	case 0xFE10 <= r && r <= 0xFE19:
		t := verticalForms[r-0xFE10]
		if t == '，' || t == '：' || t == '；' || t == '！' || t == '？' {
			return t, formMark
		}
		return t, formAlways
	case 0xFE30 <= r && r <= 0xFE6B:
		t := compatForms[r-0xFE30]
		switch t {
		case 0:
			return 0, 0
		case '，', '：', '；', '！', '？':
			return t, formMark
		}
		return t, formAlways
	}
	return 0, 0
}

var verticalForms = [...]rune{
	'，', '、', '。', '：', '；', '！', '？', '〖', '〗', '…', // U+FE10–FE19
}

var compatForms = [...]rune{
	// U+FE30–FE3F: ︰ (the two-dot leader Big5 uses as a colon) ︱ ︲ ︳ ︴ ︵ ︶ ︷ ︸ ︹ ︺ ︻ ︼ ︽ ︾ ︿
	'：', '—', '–', 0, 0, '（', '）', '｛', '｝', '〔', '〕', '【', '】', '《', '》', '〈',
	// U+FE40–FE4F: ﹀ ﹁ ﹂ ﹃ ﹄ ﹅ ﹆ ﹇ ﹈ ﹉ ﹊ ﹋ ﹌ ﹍ ﹎ ﹏
	'〉', '「', '」', '『', '』', 0, 0, '［', '］', 0, 0, 0, 0, 0, 0, 0,
	// U+FE50–FE5F: ﹐ ﹑ ﹒ (unassigned) ﹔ ﹕ ﹖ ﹗ ﹘ ﹙ ﹚ ﹛ ﹜ ﹝ ﹞ ﹟
	'，', '、', '．', 0, '；', '：', '？', '！', '—', '（', '）', '｛', '｝', '〔', '〕', '＃',
	// U+FE60–FE6B: ﹠ ﹡ ﹢ ﹣ ﹤ ﹥ ﹦ (unassigned) ﹨ ﹩ ﹪ ﹫
	'＆', '＊', '＋', '－', '＜', '＞', '＝', 0, '＼', '＄', '％', '＠',
}

// isFormStart reports whether the Forms rule starts at r: a form with a
// mapping, 〝 〞 〟, or ｀ ＇.
func isFormStart(r rune) bool {
	if t, _ := formOf(r); t != 0 {
		return true
	}
	return 0x301D <= r && r <= 0x301F || r == '｀' || r == '＇'
}

// form applies the Forms rule at r, src[i:j].
func (p *lineProc) form(r rune, i, j int) (int, bool) {
	switch r {
	case '〝':
		return p.formPair(i, j, true)
	case '｀':
		return p.formPair(i, j, false)
	case '〞', '〟', '＇':
		if repl, ok := p.formPairs.pop(i); ok && repl != 0 {
			return p.emit(i, j, repl, Forms), true
		}
		return 0, false
	}
	t, kind := formOf(r)
	if t == 0 {
		return 0, false
	}
	if kind == formMark {
		// As the Punct rule decides for its ASCII marks: full-width when
		// the nearest character before is Chinese context, or the nearest
		// after is and the one before is not an ASCII letter or digit
		// (10︰30 → 10:30).
		before := p.prev
		after, _ := p.peek(j)
		if !(isCJK(before) || isCJK(after) && !isASCIIAlnum(before)) {
			t -= 0xFEE0
		}
	}
	return p.emit(i, j, t, Forms), true
}

// formPair converts an opening 〝 (quote) or ｀ whose pair closes on the
// line and holds Chinese: 〝〞 and 〝〟 become the quotes of the line, ｀＇
// becomes ‘’. An unpaired mark stays.
func (p *lineProc) formPair(i, j int, quote bool) (int, bool) {
	var end int
	var cjk bool
	if quote {
		end, cjk = p.matchPair('〝', '〞', j)
		if end < 0 {
			end, cjk = p.matchPair('〝', '〟', j)
		}
	} else {
		end, cjk = p.matchPair('｀', '＇', j)
	}
	if end < 0 {
		return 0, false
	}
	open, close := '‘', '’'
	if quote {
		open, close = p.lineQuotes()
	}
	if !cjk {
		open, close = 0, 0
	}
	if !p.formPairs.push(closer{end, close}) || !cjk {
		return 0, false
	}
	return p.emit(i, j, open, Forms), true
}

// lineQuotes chooses the quotes for a 〝〞 pair: the inner quotes of an
// open 「 or “ before it on the line, else the style of the first quotation
// mark on the line (「」『』 or “”‘’), else that of the Quotes rule when it
// is on, else “” (GB/T 15834).
func (p *lineProc) lineQuotes() (rune, rune) {
	tail := p.outTail()
	if len(tail) <= p.scanBudget {
		p.scanBudget -= len(tail)
		corner, curly := 0, 0
		for _, r := range string(tail) {
			switch r {
			case '「':
				corner++
			case '」':
				corner--
			case '“':
				curly++
			case '”':
				curly--
			}
		}
		switch {
		case corner > 0:
			return '『', '』'
		case curly > 0:
			return '‘', '’'
		}
	}
	for k := p.lineSrc; k < len(p.src) && p.scanBudget > 0; {
		r, n := p.decode(k)
		p.scanBudget -= n - k
		switch r {
		case '\n':
			k = len(p.src)
			continue
		case '「', '」', '『', '』', '﹁', '﹂', '﹃', '﹄':
			return '「', '」'
		case '“', '”', '‘', '’':
			return '“', '”'
		}
		k = n
	}
	if p.on.has(Quotes) && p.quotes == QuotesTaiwan {
		return '「', '」'
	}
	return '“', '”'
}
