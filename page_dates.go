package zhnorm

import (
	"strings"
	"time"
)

// This file reads the dates that pages print: in digits, in Chinese
// numerals, in the years of the Republic of China (民國111年, and 111年 on
// Taiwan pages), and as a month and a day whose year the page gives
// elsewhere.

// A pageDate is a date read from a line.
type pageDate struct {
	y, m, d int
	end     int  // the end of the date in the line
	ok      bool // the syntax of a date
	valid   bool // the date exists (for noYear: the month has the day in some year)
	noYear  bool // a month and a day only (6月7日)
}

// minguo is the year before the first year of the Republic of China: 民國
// 111年 is 2022.
const minguo = 1911

// parseDate reads a date at k[i:], k folded (foldLine):
//
//   - 2022年06月07日, 2022年6月7日 (日 or 号), 2022-06-07, 2022/6/7, 2022.06.07;
//   - 二〇二二年六月七日, in Chinese numerals (〇, ○ or 零 for zero);
//   - 民國111年6月7日 and 中華民國111年6月7日, and 111年6月7日: a year of three
//     digits followed by 年 is a year of the Republic (111 + 1911 = 2022),
//     as Taiwan pages print it; other pages do not print years of three
//     digits;
//   - 6月7日: a month and a day; noYear is set and y is 0.
func parseDate(k []rune, i int) pageDate {
	if isDigit(k, i-1) {
		return pageDate{}
	}
	if j, ok := minguoPrefix(k, i); ok {
		y, e := digits(k, j, 3)
		if e == j || isDigit(k, e) {
			return pageDate{}
		}
		return monthDayAfterYear(k, e, y+minguo)
	}
	if zhYearDigit(k, i) >= 0 {
		return parseZhDate(k, i)
	}
	v, j := digits(k, i, 4)
	if j == i || isDigit(k, j) {
		return pageDate{}
	}
	n := j - i
	switch {
	case n == 4:
	case n == 3 && nextIs(k, j, '年') && v >= 100:
		return monthDayAfterYear(k, j, v+minguo)
	case n <= 2 && nextIs(k, j, '月'):
		// 6月7日: the day must be there, and 日 or 号 after it, so that
		// 6月起 and 3月份 are not dates.
		dt := monthDay(k, j, v)
		if !dt.ok {
			return pageDate{}
		}
		dt.noYear = true
		dt.valid = dt.valid && time.Date(2000, time.Month(dt.m), dt.d, 0, 0, 0, 0, time.UTC).Day() == dt.d
		return dt
	default:
		return pageDate{}
	}
	y := v
	j = skipSpaces(k, j)
	if j >= len(k) {
		return pageDate{}
	}
	sep := k[j]
	if sep == '年' {
		return monthDayAfterYear(k, j, y)
	}
	if sep != '-' && sep != '/' && sep != '.' {
		return pageDate{}
	}
	a := skipSpaces(k, j+1)
	m, j := digits(k, a, 2)
	if j == a || isDigit(k, j) {
		return pageDate{}
	}
	j = skipSpaces(k, j)
	if j >= len(k) || k[j] != sep {
		return pageDate{}
	}
	a = skipSpaces(k, j+1)
	d, j := digits(k, a, 2)
	if j == a || isDigit(k, j) {
		return pageDate{}
	}
	return datePart(y, m, d, j)
}

// nextIs reports whether the next character after spaces at k[j:] is c.
func nextIs(k []rune, j int, c rune) bool {
	j = skipSpaces(k, j)
	return j < len(k) && k[j] == c
}

// minguoPrefix reads 民國 or 中華民國 (folded 民国, 中华民国) at k[i:].
func minguoPrefix(k []rune, i int) (end int, ok bool) {
	for _, p := range [][]rune{[]rune("中华民国"), []rune("民国")} {
		if hasPrefixRunes(k[i:], p) {
			return skipSpaces(k, i+len(p)), true
		}
	}
	return 0, false
}

// monthDayAfterYear reads 年6月7日 at k[j:] (spaces allowed) for the year y;
// 日 or 号 may be left out.
func monthDayAfterYear(k []rune, j, y int) pageDate {
	j = skipSpaces(k, j)
	if j >= len(k) || k[j] != '年' {
		return pageDate{}
	}
	a := skipSpaces(k, j+1)
	m, j := digits(k, a, 2)
	if j == a || isDigit(k, j) || !nextIs(k, j, '月') {
		return pageDate{}
	}
	dt := monthDay(k, j, m)
	if !dt.ok {
		// 2022年6月7 without 日.
		a := skipSpaces(k, skipSpaces(k, j)+1)
		d, e := digits(k, a, 2)
		if e == a || isDigit(k, e) {
			return pageDate{}
		}
		dt = pageDate{m: m, d: d, end: e, ok: true}
	}
	return datePart(y, dt.m, dt.d, dt.end)
}

// monthDay reads 月7日 (or 月7号) at k[j:] after the month m.
func monthDay(k []rune, j, m int) pageDate {
	j = skipSpaces(k, j) + 1 // 月
	a := skipSpaces(k, j)
	d, e := digits(k, a, 2)
	if e == a || isDigit(k, e) {
		return pageDate{}
	}
	e = skipSpaces(k, e)
	if e >= len(k) || k[e] != '日' && k[e] != '号' {
		return pageDate{}
	}
	return pageDate{m: m, d: d, end: e + 1, ok: true, valid: 1 <= m && m <= 12 && 1 <= d && d <= 31}
}

// datePart returns the date y-m-d ending at end, valid if it exists.
func datePart(y, m, d, end int) pageDate {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	valid := y >= 1000 && t.Year() == y && int(t.Month()) == m && t.Day() == d
	return pageDate{y: y, m: m, d: d, end: end, ok: true, valid: valid}
}

// zhYearDigit returns the value of the Chinese numeral for a digit of a
// year at k[i], or -1.
func zhYearDigit(k []rune, i int) int {
	if i >= len(k) {
		return -1
	}
	if k[i] == '〇' || k[i] == '○' {
		return 0
	}
	n := strings.IndexRune("零一二三四五六七八九", k[i])
	if n < 0 {
		return -1
	}
	return n / len("一")
}

// parseZhDate reads 二〇二二年六月七日 at k[i:]: four numerals for the year,
// and the month and day in Chinese numbers, 日 required.
func parseZhDate(k []rune, i int) pageDate {
	y := 0
	j := i
	for ; j < i+4; j++ {
		v := zhYearDigit(k, j)
		if v < 0 {
			return pageDate{}
		}
		y = y*10 + v
	}
	if j >= len(k) || k[j] != '年' {
		return pageDate{}
	}
	m, e := zhNumber(k, j+1)
	if e == j+1 || e >= len(k) || k[e] != '月' {
		return pageDate{}
	}
	d, e2 := zhNumber(k, e+1)
	if e2 == e+1 || e2 >= len(k) || k[e2] != '日' && k[e2] != '号' {
		return pageDate{}
	}
	return datePart(y, m, d, e2+1)
}

// zhNumber reads a number from 1 to 39 in Chinese numerals at k[i:]: 七,
// 十, 十二, 二十, 二十一, 廿一, 三十.
func zhNumber(k []rune, i int) (v, end int) {
	unit := func(j int) int {
		if j >= len(k) || k[j] == '〇' || k[j] == '零' {
			return -1
		}
		n := strings.IndexRune("零一二三四五六七八九", k[j])
		if n < 0 {
			return -1
		}
		return n / len("一")
	}
	j := i
	if u := unit(j); u > 0 {
		v, j = u, j+1
	}
	tens := j < len(k) && (k[j] == '十' || k[j] == '廿')
	switch {
	case tens && k[j] == '廿' && j == i:
		v, j = 20, j+1
	case tens && k[j] == '十' && j == i:
		v, j = 10, j+1
	case tens && k[j] == '十' && v > 0 && v <= 3:
		v, j = v*10, j+1
	case tens:
		return 0, i
	default:
		return v, j
	}
	if u := unit(j); u > 0 {
		v, j = v+u, j+1
	}
	return v, j
}

// isoDate formats a date as YYYY-MM-DD.
func isoDate(y, m, d int) string {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}
