// The peer of bench/run: the `compromise` NLP library (npm) finding the people, places and
// organizations of the same articles parley reads.
//
//   node bench/compromise.mjs MODULES_DIR INPUT...
//
// MODULES_DIR is the folder holding node_modules/compromise (bench/run installs it into
// bench/.cache). INPUT are *.txt files or folders of them (recursively, sorted, hidden entries
// skipped, like parley). Each article is read, then timed alone: `nlp(text)` and the three
// lists. Prints one line of key=value pairs: version, articles, bytes, seconds and cpu_seconds
// (wall and CPU time of the processing only, without loading the library and reading files),
// people, places, organizations (numbers of mentions found).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const [modulesDir, ...inputs] = process.argv.slice(2);
if (!modulesDir || inputs.length === 0) {
  console.error('usage: node bench/compromise.mjs MODULES_DIR INPUT...');
  process.exit(2);
}
const require = createRequire(join(resolve(modulesDir), 'package.json'));
const nlp = require('compromise');
const version = JSON.parse(
  readFileSync(join(resolve(modulesDir), 'node_modules', 'compromise', 'package.json'), 'utf8'),
).version;

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (!name.startsWith('.')) collect(join(path, name), out);
    }
  } else if (path.endsWith('.txt')) {
    out.push(path);
  }
  return out;
}

const files = [...new Set(inputs.flatMap((p) => collect(p, [])))].sort();
let bytes = 0;
let seconds = 0;
const cpuStart = process.cpuUsage();
let cpuOther = 0; // microseconds of CPU spent reading files
const found = { people: 0, places: 0, organizations: 0 };
for (const file of files) {
  const readStart = process.cpuUsage();
  const buf = readFileSync(file);
  bytes += buf.length;
  const text = buf.toString('utf8');
  const read = process.cpuUsage(readStart);
  cpuOther += read.user + read.system;
  const start = process.hrtime.bigint();
  const doc = nlp(text);
  found.people += doc.people().length;
  found.places += doc.places().length;
  found.organizations += doc.organizations().length;
  seconds += Number(process.hrtime.bigint() - start) / 1e9;
}
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system - cpuOther) / 1e6;
console.log(
  `version=${version} articles=${files.length} bytes=${bytes} seconds=${seconds.toFixed(3)} ` +
    `cpu_seconds=${cpuSeconds.toFixed(3)} ` +
    `people=${found.people} places=${found.places} organizations=${found.organizations}`,
);
