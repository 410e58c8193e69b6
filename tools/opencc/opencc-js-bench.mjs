#!/usr/bin/env node
// Times opencc-js 1.4.2 (pure JavaScript, with the dictionaries it bundles)
// for s2t, s2twp and t2s, as a third point beside zhnorm and OpenCC 1.4.2's
// C++ library (BenchmarkOpenCC142). See README.md beside this file.
//
//   node tools/opencc/opencc-js-bench.mjs [--runs N] [--configs s2t,s2twp,t2s] FILE [T_FILE]
//
// FILE is converted with every config; with T_FILE, configs from Traditional
// (t2s) convert T_FILE instead, as the Go benchmarks do (PKU+MSR from
// Simplified, AS+CityU from Traditional). Each config runs in a fresh node
// process: it imports the package, builds the converter and converts "中"
// (init_ms: what a program pays before its first conversion, import_ms of it
// being the module's loading), converts the text once to warm up, then N
// times (default 5). One line per config on stdout:
//
//   impl=opencc-js config=s2t runs=5 bytes=1069814 import_ms=21.5 init_ms=95.2 mbps=17.10 best_mbps=17.80
//
// mbps is bytes*runs over the summed time of the N runs, best_mbps that of
// the fastest run (MB = 10^6 bytes).
//
// The package is installed, when absent, into $ZHNORM_OPENCC_JS_DIR (default
// ~/.cache/zhnorm/opencc-js-1.4.2) with
//
//   npm install --prefix DIR --no-save --no-audit --no-fund opencc-js@1.4.2
//
// opencc-js's converters, by its README: s2t = {from: 'cn', to: 't'},
// s2twp = {from: 'cn', to: 'twp'}, t2s = {from: 't', to: 'cn'}. It does not
// bundle TSCharactersExt (OpenCC's may_output_tofu dictionary of t2s), so its
// t2s is the opencc command's default t2s, not the library's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const VERSION = '1.4.2';
const CONFIGS = {
  s2t: { from: 'cn', to: 't' },
  s2twp: { from: 'cn', to: 'twp' },
  t2s: { from: 't', to: 'cn' },
};

function die(msg) {
  console.error(`opencc-js-bench: ${msg}`);
  process.exit(1);
}

function usage(msg) {
  console.error(`opencc-js-bench: ${msg}
usage: node opencc-js-bench.mjs [--runs N] [--configs s2t,s2twp,t2s] FILE [T_FILE]`);
  process.exit(2);
}

// install returns the ES module entry of opencc-js, installing the package
// with npm when it is not there yet.
function install() {
  const dir = process.env.ZHNORM_OPENCC_JS_DIR || join(homedir(), '.cache', 'zhnorm', `opencc-js-${VERSION}`);
  const pkg = join(dir, 'node_modules', 'opencc-js');
  if (!existsSync(join(pkg, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    console.error(`installing opencc-js@${VERSION} into ${dir}`);
    try {
      execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund',
        '--no-update-notifier', `opencc-js@${VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch (e) {
      die(`npm install opencc-js@${VERSION} failed: ${e.message}`);
    }
  }
  const got = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
  if (got !== VERSION) die(`${pkg} holds opencc-js ${got}, not ${VERSION}: remove ${dir}`);
  return join(pkg, 'dist', 'esm', 'full.js'); // its "exports"["."].import
}

// one times one config in this process and prints its line.
async function one(entry, config, file, runs) {
  const text = readFileSync(file, 'utf8');
  const bytes = Buffer.byteLength(text, 'utf8');
  const t0 = performance.now();
  const OpenCC = await import(pathToFileURL(entry).href);
  const importMs = performance.now() - t0;
  const convert = OpenCC.Converter(CONFIGS[config]);
  if (!convert('中')) die(`${config}: converting 中 gave nothing`);
  const initMs = performance.now() - t0;

  let out = convert(text); // warm-up
  let total = 0;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = convert(text);
    const d = performance.now() - t;
    total += d;
    best = Math.min(best, d);
  }
  if (out.length === 0 && text.length > 0) die(`${config}: empty output`);
  const mbps = (ms) => (ms > 0 ? (bytes / 1e6) / (ms / 1e3) : 0);
  console.log(`impl=opencc-js config=${config} runs=${runs} bytes=${bytes} ` +
    `import_ms=${importMs.toFixed(1)} init_ms=${initMs.toFixed(1)} ` +
    `mbps=${mbps(total / runs).toFixed(2)} best_mbps=${mbps(best).toFixed(2)}`);
}

async function main() {
  const args = process.argv.slice(2);
  let runs = 5;
  let configs = Object.keys(CONFIGS);
  let child = false;
  const files = [];
  while (args.length > 0) {
    const a = args.shift();
    if (a === '--runs') {
      runs = Number(args.shift());
      if (!Number.isInteger(runs) || runs < 1) usage('--runs takes a positive integer');
    } else if (a === '--configs') {
      configs = String(args.shift()).split(',');
      for (const c of configs) if (!(c in CONFIGS)) usage(`unknown config ${c} (have ${Object.keys(CONFIGS)})`);
    } else if (a === '--child') {
      child = true;
    } else if (a.startsWith('-')) {
      usage(`unknown flag ${a}`);
    } else {
      files.push(a);
    }
  }
  if (files.length < 1 || files.length > 2) usage('give FILE and, optionally, T_FILE');
  for (const f of files) if (!existsSync(f)) die(`no file ${f}`);

  const entry = install();
  if (child) {
    await one(entry, configs[0], files[0], runs);
    return;
  }
  for (const config of configs) {
    const file = files.length === 2 && config.startsWith('t') ? files[1] : files[0];
    try {
      execFileSync(process.execPath, [process.argv[1], '--child', '--runs', String(runs), '--configs', config, file],
        { stdio: ['ignore', 'inherit', 'inherit'] });
    } catch (e) {
      die(`${config} failed: ${e.message}`);
    }
  }
}

await main();
