import { IncidentInput } from '@parley/contracts';
import { Value } from '@sinclair/typebox/value';
import { AppError, invalid } from '../shared/app-error.ts';
import { parseStrictJson } from '../shared/strict-json.ts';
import { boundsProblems, dateProblems, placeProblems, splitProblems, type Incident, type Problem } from './incident.ts';
import { contentId, ID_PATTERN, mapRow, report, summarise, refuse, type IncidentParse, type ParsedIncident, type RowMapping } from './import-formats.ts';
import { decodeSourceFile } from './text-encoding.ts';

const DATASETS = ['ucdp-ged', 'acled'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Maps one feature as the GeoJSON export writes it: the incident's fields as properties,
 * the verification status (which only a verification step may set, so it is not
 * imported) and the source dataset's name and id without its row.
 */
export function mapFeature(feature: unknown): RowMapping {
  return mapRow(() => {
    if (!isObject(feature) || feature.type !== 'Feature') return refuse('feature', 'not_a_feature', 'The item is not a GeoJSON Feature.');
    const g = feature.geometry;
    const coords = isObject(g) && g.type === 'Point' && Array.isArray(g.coordinates) ? (g.coordinates as unknown[]) : undefined;
    if (!coords || coords.length < 2 || !coords.every((c) => typeof c === 'number'))
      return refuse('geometry', 'not_a_point', 'The feature’s geometry is not a Point with numeric coordinates.');
    const [lon, lat] = coords as number[];
    const fatal = placeProblems({ lat: lat!, lon: lon! }, 'geometry').map((p) => ({
      ...p,
      field: p.field === 'geometry/lat' ? 'geometry/coordinates/1' : 'geometry/coordinates/0',
    }));
    if (fatal[0]) refuse(fatal[0].field, fatal[0].reason, fatal[0].message);
    const props = isObject(feature.properties) ? { ...feature.properties } : {};
    const problems: Problem[] = [];
    const status = props.verification;
    if (status !== undefined && status !== 'reported')
      problems.push({
        field: 'verification',
        reason: 'verification_not_imported',
        message: `The feature says "${String(status)}"; an import records the incident as reported, and only a verification step changes that.`,
      });
    const ext = props.external;
    delete props.verification;
    delete props.external;
    delete props.audience;
    delete props.audienceParty;
    const place = isObject(props.place) ? props.place : {};
    if ((place.lat !== undefined && place.lat !== lat) || (place.lon !== undefined && place.lon !== lon))
      refuse(
        'place',
        'geometry_mismatch',
        `The properties place the incident at ${String(place.lat)}, ${String(place.lon)} but the geometry at ${lat}, ${lon}.`,
      );
    props.place = { ...place, lat, lon };
    if (ext !== undefined) {
      if (!isObject(ext) || !DATASETS.includes(ext.dataset as string) || typeof ext.id !== 'string')
        refuse('external', 'invalid_choice', `external must name a dataset (${DATASETS.join(', ')}) and an id.`);
      // The export leaves the source row out, so an import keeps the dataset and id with no row.
      props.external = { dataset: (ext as Record<string, unknown>).dataset, id: (ext as Record<string, unknown>).id, row: {} };
    }
    const body = Value.Default(IncidentInput, props) as Record<string, unknown>;
    const error = Value.Errors(IncidentInput, body).First();
    if (error) refuse(`properties${error.path}`, 'invalid_property', `properties${error.path}: ${error.message}.`);
    delete body.id;
    const incident = body as unknown as Incident;
    const wrong = dateProblems(incident.date)[0];
    if (wrong) refuse(`properties/${wrong.field}`, wrong.reason, wrong.message);
    // A source's inconsistent estimates are kept as given, with a warning, as in every import.
    problems.push(...boundsProblems(incident.casualties.killed, 'casualties/killed'), ...splitProblems(incident.casualties));
    if (incident.casualties.injured) problems.push(...boundsProblems(incident.casualties.injured, 'casualties/injured'));
    const id = feature.id === undefined ? contentId('geojson', JSON.stringify(feature)) : String(feature.id);
    if (!ID_PATTERN.test(id)) refuse('id', 'bad_id', `The feature id "${id}" is not a lower-case slug of at most 64 characters.`);
    return { id, incident, problems };
  });
}

/**
 * Reads a GeoJSON FeatureCollection of Points. JSON cannot be read in part, so a file cut
 * off or malformed is refused whole; a feature that cannot be read is refused alone, and
 * its report names its position in the collection.
 */
export function parseGeoJson(bytes: Uint8Array): IncidentParse {
  const { text, encoding } = decodeSourceFile(bytes);
  let doc: unknown;
  try {
    // Strictly, as a request body is read: a repeated key or a rounded number would import something the file does not say.
    doc = parseStrictJson(text);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const at = e.details.field ? ` at ${e.details.field}` : '';
    const why = e.reason === 'malformed_json' ? 'it is cut off or malformed' : 'it holds a value Parley cannot store as given';
    throw new AppError('validation', e.reason, `The file is not JSON Parley can read${at} (${e.message}): ${why}, so nothing was imported.`, {
      field: e.details.field ? `file/${e.details.field}` : 'file',
    });
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features))
    throw invalid('file', 'unknown_layout', 'The file is JSON but not a GeoJSON FeatureCollection.');
  const seen = new Set<string>();
  const incidents: ParsedIncident[] = [];
  const rows = doc.features.map((f, k) => report(k + 1, mapFeature(f), seen, incidents));
  return summarise('geojson', encoding, rows, incidents, true);
}
