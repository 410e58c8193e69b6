// occpeer: OpenCC 1.4.2's C++ library (opencc::SimpleConverter), run
// in-process as the peer that zhnorm's converter is measured and checked
// against.
//
// Build (tools/opencc/build.sh does this, into OUTDIR/occpeer), one command:
//
//   g++ -O3 -DNDEBUG -std=c++17 -I OUTDIR/src -o OUTDIR/occpeer
//       tools/opencc/occpeer.cpp OUTDIR/libopencc.a -lmarisa -ldl -lpthread
//
// where OUTDIR is what build.sh built (default ~/.cache/zhnorm/opencc-1.4.2):
// OUTDIR/src holds OpenCC's headers, OUTDIR/data the configs and .ocd2
// dictionaries. rapidjson's headers come from Debian's rapidjson-dev.
//
// Usage:
//
//   occpeer bench CONFIG.json FILE RUNS [tofu]
//   occpeer serve CONFIG.json FILE [tofu]
//   occpeer conv  CONFIG.json IN OUT [tofu]      (IN/OUT may be "-")
//   occpeer cases DIR IN.jsonl OUT.jsonl [tofu]
//
// CONFIG.json is a path (e.g. OUTDIR/data/s2t.json); the dictionaries it names
// are looked up next to it. tofu: 1 = load the dictionaries marked
// "may_output_tofu" (the library's default, and the default here), 0 = skip
// them (the opencc command's default without --include-tofu-risk-dictionaries).
//
// bench: loads CONFIG, converts FILE once untimed (warm-up), then RUNS more
// times, each timed with std::chrono::steady_clock, and prints one line of
// space-separated key=value pairs on stdout (values never contain spaces;
// integers unless noted; read it by key, more keys may be added at the end):
//
//   occpeer=1 runs=3 tofu=1 bytes=1069814 out_bytes=1069814 init_ns=54873211
//   warm_ns=51234567 total_ns=148123456 min_ns=48765432 max_ns=50012345 mbps=21.667
//
// (one line in the real output)
//   occpeer    format version of this line (1)
//   runs       RUNS, the number of timed conversions
//   tofu       0 or 1, as given
//   bytes      size of FILE: bytes converted per run
//   out_bytes  size of the converted text
//   init_ns    constructing the SimpleConverter (reading the config and every
//              dictionary) plus converting the one character "中": what a
//              program pays before its first conversion
//   warm_ns    the warm-up conversion of FILE (not counted in total_ns)
//   total_ns   the RUNS timed conversions, summed (0 when RUNS is 0)
//   min_ns, max_ns  the fastest and the slowest of them (0 when RUNS is 0)
//   mbps       bytes*runs/total_ns*1000, in MB/s (10^6 bytes), a decimal
//
// serve: loads CONFIG, converts FILE once untimed, and prints
// "occpeer=1 bytes=N"; then, for each line of standard input holding a
// count RUNS, converts FILE RUNS times and prints "total_ns=T", the RUNS
// conversions timed in-process and summed, until the end of its input. A
// benchmark that converts with zhnorm between two requests compares the
// two in the same moments of a machine whose speed wanders
// (BenchmarkPairedOpenCC142).
//
// conv: converts IN into OUT with CONFIG, byte for byte as the library does.
//
// cases: IN.jsonl holds one JSON object a line with string fields "id",
// "config" (a config name: DIR/NAME.json is loaded, once) and "input"; OUT.jsonl
// gets one object a line with "id", "config" and either "output" or "error"
// (the message of the exception that loading the config threw).
//
// Exit status: 0 on success, 1 when OpenCC throws or a file cannot be read or
// written, 2 on a usage error.
//
// Licence: this file holds no OpenCC code; it is the project's, derived from
// the team's shared harness (shared/tools/opencc-harness.cpp) with the OpenCC
// 1.1 variant removed. The binary links OpenCC 1.4.2 (Apache License 2.0,
// OUTDIR/package/LICENSE), marisa-trie (BSD-2-Clause or LGPL-2.1) and uses
// rapidjson (MIT) headers; a binary distributed with them must carry their
// notices.
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "Config.hpp"
#include "SimpleConverter.hpp"

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& msg) {
  std::cerr << "occpeer: " << msg << "\n";
  std::exit(1);
}

[[noreturn]] void usage(const std::string& msg) {
  std::cerr << "occpeer: " << msg << "\n"
            << "usage: occpeer bench CONFIG.json FILE RUNS [tofu]\n"
            << "       occpeer serve CONFIG.json FILE [tofu]\n"
            << "       occpeer conv  CONFIG.json IN OUT [tofu]\n"
            << "       occpeer cases DIR IN.jsonl OUT.jsonl [tofu]\n";
  std::exit(2);
}

int64_t nsSince(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t).count();
}

std::string readFile(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) fail("cannot read " + path);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void writeFile(const std::string& path, const std::string& data) {
  if (path == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    if (!std::cout) fail("cannot write standard output");
    return;
  }
  std::ofstream f(path, std::ios::binary);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
  f.close();
  if (!f) fail("cannot write " + path);
}

// parseInt reads a non-negative decimal integer argument.
long parseInt(const char* s, const char* what) {
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || v < 0) {
    usage(std::string("bad ") + what + ": " + s);
  }
  return v;
}

// tofuArg reads the optional tofu argument at argv[i]: 1 (default) or 0.
bool tofuArg(int argc, char** argv, int i) {
  if (argc <= i) return true;
  std::string s = argv[i];
  if (s == "1") return true;
  if (s == "0") return false;
  usage("tofu must be 0 or 1, not " + s);
}

std::unique_ptr<opencc::SimpleConverter> load(const std::string& config, bool tofu) {
  opencc::ConfigLoadOptions opt;
  opt.includeTofuRiskDictionaries = tofu;
  return std::unique_ptr<opencc::SimpleConverter>(new opencc::SimpleConverter(config, opt));
}

int bench(int argc, char** argv) {
  if (argc < 5 || argc > 6) usage("bench takes CONFIG.json FILE RUNS [tofu]");
  const std::string config = argv[2];
  const std::string text = readFile(argv[3]);
  const long runs = parseInt(argv[4], "RUNS");
  const bool tofu = tofuArg(argc, argv, 5);

  Clock::time_point t = Clock::now();
  std::unique_ptr<opencc::SimpleConverter> c = load(config, tofu);
  std::string first = c->Convert(std::string("中"));
  const int64_t initNs = nsSince(t);
  if (first.empty()) fail("converting 中 gave nothing");

  t = Clock::now();
  size_t outBytes = c->Convert(text).size();
  const int64_t warmNs = nsSince(t);

  int64_t total = 0, minNs = 0, maxNs = 0;
  for (long i = 0; i < runs; i++) {
    t = Clock::now();
    std::string r = c->Convert(text);
    const int64_t d = nsSince(t);
    outBytes = r.size();
    total += d;
    if (i == 0 || d < minNs) minNs = d;
    if (d > maxNs) maxNs = d;
  }
  const double mbps = total > 0 ? static_cast<double>(text.size()) * runs / total * 1e3 : 0;
  std::printf("occpeer=1 runs=%ld tofu=%d bytes=%zu out_bytes=%zu init_ns=%" PRId64
              " warm_ns=%" PRId64 " total_ns=%" PRId64 " min_ns=%" PRId64 " max_ns=%" PRId64
              " mbps=%.3f\n",
              runs, tofu ? 1 : 0, text.size(), outBytes, initNs, warmNs, total, minNs, maxNs,
              mbps);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

int serve(int argc, char** argv) {
  if (argc < 4 || argc > 5) usage("serve takes CONFIG.json FILE [tofu]");
  const std::string text = readFile(argv[3]);
  std::unique_ptr<opencc::SimpleConverter> c = load(argv[2], tofuArg(argc, argv, 4));
  if (c->Convert(text).empty() && !text.empty()) fail("converting " + std::string(argv[3]) + " gave nothing");
  std::printf("occpeer=1 bytes=%zu\n", text.size());
  if (std::fflush(stdout) != 0) return 1;
  std::string line;
  while (std::getline(std::cin, line)) {
    const long runs = parseInt(line.c_str(), "RUNS");
    int64_t total = 0;
    for (long i = 0; i < runs; i++) {
      Clock::time_point t = Clock::now();
      std::string r = c->Convert(text);
      total += nsSince(t);
    }
    std::printf("total_ns=%" PRId64 "\n", total);
    if (std::fflush(stdout) != 0) return 1;
  }
  return 0;
}

int conv(int argc, char** argv) {
  if (argc < 5 || argc > 6) usage("conv takes CONFIG.json IN OUT [tofu]");
  const bool tofu = tofuArg(argc, argv, 5);
  std::unique_ptr<opencc::SimpleConverter> c = load(argv[2], tofu);
  writeFile(argv[4], c->Convert(readFile(argv[3])));
  return 0;
}

std::string stringField(const rapidjson::Document& d, const char* key, long line) {
  auto it = d.FindMember(key);
  if (it == d.MemberEnd() || !it->value.IsString()) {
    fail("line " + std::to_string(line) + ": no string field \"" + key + "\"");
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

int cases(int argc, char** argv) {
  if (argc < 5 || argc > 6) usage("cases takes DIR IN.jsonl OUT.jsonl [tofu]");
  const std::string dir = argv[2];
  const bool tofu = tofuArg(argc, argv, 5);
  std::ifstream in(argv[3], std::ios::binary);
  if (!in) fail(std::string("cannot read ") + argv[3]);
  std::ofstream out(argv[4], std::ios::binary);
  if (!out) fail(std::string("cannot write ") + argv[4]);

  std::map<std::string, std::unique_ptr<opencc::SimpleConverter>> convs;
  std::map<std::string, std::string> errs;
  std::string line;
  long n = 0;
  while (std::getline(in, line)) {
    n++;
    if (line.empty()) continue;
    rapidjson::Document d;
    d.Parse(line.c_str(), line.size());
    if (d.HasParseError() || !d.IsObject()) fail("line " + std::to_string(n) + ": not a JSON object");
    const std::string id = stringField(d, "id", n);
    const std::string cfg = stringField(d, "config", n);
    const std::string input = stringField(d, "input", n);
    if (!convs.count(cfg) && !errs.count(cfg)) {
      try {
        convs[cfg] = load(dir + "/" + cfg + ".json", tofu);
      } catch (const std::exception& e) {
        convs.erase(cfg);
        errs[cfg] = e.what();
      }
    }
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    w.StartObject();
    w.Key("id");
    w.String(id.data(), static_cast<rapidjson::SizeType>(id.size()));
    w.Key("config");
    w.String(cfg.data(), static_cast<rapidjson::SizeType>(cfg.size()));
    auto c = convs.find(cfg);
    if (c != convs.end()) {
      const std::string r = c->second->Convert(input);
      w.Key("output");
      w.String(r.data(), static_cast<rapidjson::SizeType>(r.size()));
    } else {
      const std::string& e = errs[cfg];
      w.Key("error");
      w.String(e.data(), static_cast<rapidjson::SizeType>(e.size()));
    }
    w.EndObject();
    out << sb.GetString() << "\n";
  }
  out.close();
  if (!out) fail(std::string("cannot write ") + argv[4]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) usage("no command");
  const std::string cmd = argv[1];
  try {
    if (cmd == "bench") return bench(argc, argv);
    if (cmd == "serve") return serve(argc, argv);
    if (cmd == "conv") return conv(argc, argv);
    if (cmd == "cases") return cases(argc, argv);
  } catch (const std::exception& e) {
    fail(e.what());
  }
  usage("unknown command " + cmd);
}
