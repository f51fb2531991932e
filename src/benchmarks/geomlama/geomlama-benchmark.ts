import { join } from 'node:path';
import { readDatasetText } from '../../datasets/read-text-file.js';
import { defineBenchmark } from '../benchmark-definition.js';
import { loadGeoMlama, looksLikeGeoMlamaCsv, looksLikeGeoMlamaTsv } from './geomlama-adapter.js';
import { geomlamaDiagnostics } from './geomlama-diagnostics.js';
import { geomlamaProtocol } from './geomlama-protocol.js';

/** GeoMLaMA: the same question answered differently by country, asked in English and in the local languages. */
export const geomlamaBenchmark = defineBenchmark({
  name: 'geomlama',
  title: 'GeoMLaMA: geo-diverse commonsense, one question per country, multilingual',
  options: { languages: 'list', language: 'string', noCountry: 'boolean', protocol: 'string', strict: 'boolean' },
  detection: {
    file: async (probe) =>
      (probe.extension === '.tsv' && looksLikeGeoMlamaTsv(await probe.text())) || (probe.extension === '.csv' && looksLikeGeoMlamaCsv(await probe.text())),
    folder: async (probe) => {
      if (probe.names.some((name) => /^gd_prompt_[a-z]{2,3}\.tsv$/i.test(name))) return true;
      for (const name of probe.names.filter((entry) => /^[a-z]{2,3}\.csv$/i.test(entry))) {
        if (looksLikeGeoMlamaCsv(await readDatasetText(join(probe.directory, name)))) return true;
      }
      return false;
    },
  },
  load: loadGeoMlama,
  protocols: [geomlamaProtocol],
  rubrics: [],
  diagnostics: geomlamaDiagnostics,
});
