// Reference RDF parser and SPARQL engine (Oxigraph) for parley's interoperability test
// (tests/cli/interop.sh).
//
//   node sparql.js count FILE...
//       Parses each file (.ttl, .nt, .nq) with Oxigraph and prints one line per file:
//       FILE <tab> QUADS <tab> TRIPLES, where TRIPLES counts distinct triples once the graph
//       column is dropped.
//   node sparql.js query MERGED NAMED OUTDIR QUERY.rq...
//       Loads MERGED (graph.ttl: every triple once, in the default graph) and NAMED (graph.nq:
//       one named graph per document) into two stores, runs each query and writes its result as
//       SPARQL 1.1 JSON to OUTDIR/<query file name>.json. As in `parley query --graphs auto`, a
//       query that uses the GRAPH keyword runs over the named graphs (its default graph being
//       their union) and any other query over the merged graph.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import oxigraph from 'oxigraph';

const FORMATS = {
  ttl: 'text/turtle',
  nt: 'application/n-triples',
  nq: 'application/n-quads',
};

function formatOf(file) {
  const ext = file.split('.').pop();
  const format = FORMATS[ext];
  if (!format) throw new Error(`${file}: unknown extension .${ext}`);
  return format;
}

function load(file) {
  const store = new oxigraph.Store();
  store.load(readFileSync(file, 'utf8'), { format: formatOf(file), base_iri: 'file://' + file });
  return store;
}

// The GRAPH keyword outside comments, IRIs and strings (good enough for the files of queries/).
function usesGraph(sparql) {
  const stripped = sparql
    .replace(/#[^\n]*/g, ' ')
    .replace(/<[^>\s]*>/g, ' ')
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ');
  return /\bGRAPH\b/i.test(stripped);
}

function count(files) {
  for (const file of files) {
    const store = load(file);
    const triples = new Set();
    for (const q of store.match(null, null, null, null)) {
      triples.add(`${q.subject.toString()} ${q.predicate.toString()} ${q.object.toString()}`);
    }
    console.log(`${file}\t${store.size}\t${triples.size}`);
  }
}

function query(merged, named, outDir, queries) {
  const mergedStore = load(merged);
  const namedStore = load(named);
  for (const file of queries) {
    const sparql = readFileSync(file, 'utf8');
    const graph = usesGraph(sparql);
    const store = graph ? namedStore : mergedStore;
    const result = store.query(sparql, {
      results_format: 'application/sparql-results+json',
      use_default_graph_as_union: graph,
    });
    writeFileSync(join(outDir, basename(file) + '.json'), result);
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === 'count' && args.length > 0) {
  count(args);
} else if (command === 'query' && args.length >= 4) {
  query(args[0], args[1], args[2], args.slice(3));
} else {
  console.error('usage: node sparql.js count FILE... | query MERGED NAMED OUTDIR QUERY.rq...');
  process.exit(2);
}
