// Package zhnorm cleans Chinese newspaper text for the programs that ingest
// it: search indexes, archives, corpus builders.
//
// # Conversion
//
// A [Converter] converts between Simplified and Traditional Chinese and the
// Taiwan, Hong Kong and Japanese variants with one of OpenCC's configs
// ([NewConverter], [Configs]) or with an OpenCC config and text
// dictionaries of the user's ([LoadConfig]). Its output is byte for byte
// what OpenCC 1.4.2's C++ engine gives with the same dictionaries. The
// built-in configs are OpenCC 1.4.2's, with its data, kept in third_party
// and compiled by go generate (gen.go) into embedded tables; nothing is
// parsed when a program starts.
//
// # Detection and targets
//
// [Detect] and a [Detector] tell a text's script and, for Traditional
// text, the standard it follows (OpenCC's, Taiwan's, Hong Kong's), from
// evidence tables built from OpenCC's dictionaries. A [Target] converts to
// a BCP 47 tag (zh-Hans, zh-TW, zh-HK…) rather than a config: it detects
// each document, picks OpenCC's configs for it ([Plan]), and writes the
// target's quotation marks ([NewTarget]).
//
// # Normalization
//
// A [Normalizer] makes scraped and archived text consistent: encoding
// hygiene, NFC, width, punctuation in Chinese context, whitespace, HTML
// remnants, glued pinyin readings, mojibake. Each [Rule] changes text only
// where it is sure, and a [Report] lists what it could not repair.
// [Normalize] applies the default rules.
//
// # Segmentation
//
// [Sentences] and [Paragraphs] split text into [Span]s with byte offsets
// that cover it; a [Splitter]'s [Scanner] does the same on a stream with
// bounded memory.
//
// # Offsets into the original
//
// The Normalizer and the Converter report, on request, an [OffsetMap] from
// their output's byte offsets to their input's ([Normalizer.StringMapped],
// [Converter.StringMapped], TransformMapped for streams, [NewOffsetReader]);
// maps compose ([OffsetMap.Then]), so that a sentence of normalized,
// converted text points back into the page as it was scraped
// ([OffsetMap.Span]). Nothing is recorded, and nothing costs, unless asked.
//
// # Pages
//
// [ParsePage] turns a scraped newspaper page into a [Page]: the article's
// headline, date, source and body, and every other line with the reason it
// was dropped.
//
// # Ingest helpers
//
// [JSONFields] rewrites chosen string fields of JSON records and keeps every
// other byte; [NewDecodingReader] and [DetectEncoding] read GB18030, GBK,
// Big5 and UTF-16 text as UTF-8.
//
// Every converter and normalizer is a transform.SpanningTransformer
// (golang.org/x/text/transform): they stream with transform.NewReader and
// compose with transform.Chain, and give the same output whatever the
// chunking of their input.
package zhnorm
