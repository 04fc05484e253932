// Reference SHACL engine for parley's agreement test (tests/cli/shacl_agrees.sh).
//
//   node shacl.js validate SHAPES.ttl DATA.ttl...   validate with rdf-validate-shacl
//   node shacl.js report REPORT.ttl                  read a sh:ValidationReport (e.g. parley's)
//   node shacl.js batch MANIFEST.tsv                 both, for many graphs in one process
//
// `validate` and `report` print one JSON line: {"conforms": bool, "results": N, "keys": [...]},
// where each key is "focus | component | severity | path | value" with blank nodes written as
// "_:" (their labels differ from engine to engine), sorted, so that two outputs can be compared
// as strings. Each line of a batch manifest is NAME, REPORT, SHAPES, DATA... separated by tabs;
// for each, `batch` prints NAME, the summary of REPORT and the summary of validating DATA against
// SHAPES, separated by tabs.
import { readFileSync } from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

function parse(file) {
  const text = readFileSync(file, 'utf8');
  const baseIRI = 'file://' + file;
  return new N3.Parser({ baseIRI }).parse(text);
}

function show(term) {
  if (!term) return '';
  if (term.termType === 'BlankNode') return '_:';
  if (term.termType === 'NamedNode') return '<' + term.value + '>';
  if (term.termType === 'Literal') {
    if (term.language) return JSON.stringify(term.value) + '@' + term.language.toLowerCase();
    return JSON.stringify(term.value) + '^^<' + term.datatype.value + '>';
  }
  return term.value;
}

function summarize(conforms, results) {
  const keys = results.map((r) => [r.focus, r.component, r.severity, r.path, r.value].join(' | '));
  keys.sort();
  return JSON.stringify({ conforms, results: keys.length, keys });
}

async function validate(shapesFile, dataFiles) {
  const factory = new SHACLValidator(new N3.Store()).factory;
  const shapes = factory.dataset(parse(shapesFile));
  const data = factory.dataset(dataFiles.flatMap(parse));
  const validator = new SHACLValidator(shapes, { factory });
  const report = await validator.validate(data);
  const results = report.results.map((r) => ({
    focus: show(r.focusNode),
    component: show(r.sourceConstraintComponent),
    severity: show(r.severity),
    path: r.path && r.path.termType === 'NamedNode' ? show(r.path) : (r.path ? '_:' : ''),
    value: show(r.value),
  }));
  return summarize(report.conforms, results);
}

function readReport(file) {
  const store = new N3.Store(parse(file));
  const one = (s, p) => store.getObjects(s, SH + p, null)[0];
  const reports = store.getSubjects(RDF_TYPE, SH + 'ValidationReport', null);
  if (reports.length !== 1) throw new Error(`${file}: expected one sh:ValidationReport`);
  const conforms = one(reports[0], 'conforms').value === 'true';
  const results = store.getObjects(reports[0], SH + 'result', null).map((r) => {
    const path = one(r, 'resultPath');
    return {
      focus: show(one(r, 'focusNode')),
      component: show(one(r, 'sourceConstraintComponent')),
      severity: show(one(r, 'resultSeverity')),
      path: path && path.termType === 'NamedNode' ? show(path) : (path ? '_:' : ''),
      value: show(one(r, 'value')),
    };
  });
  return summarize(conforms, results);
}

const [mode, ...args] = process.argv.slice(2);
try {
  if (mode === 'validate' && args.length >= 2) {
    console.log(await validate(args[0], args.slice(1)));
  } else if (mode === 'report' && args.length === 1) {
    console.log(readReport(args[0]));
  } else if (mode === 'batch' && args.length === 1) {
    const lines = readFileSync(args[0], 'utf8').split('\n').filter((l) => l.length > 0);
    for (const line of lines) {
      const [name, report, shapes, ...data] = line.split('\t');
      console.log([name, readReport(report), await validate(shapes, data)].join('\t'));
    }
  } else {
    console.error('usage: node shacl.js validate SHAPES DATA... | report REPORT | batch MANIFEST');
    process.exit(2);
  }
} catch (e) {
  console.error(`shacl.js: ${e.message}`);
  process.exit(2);
}
